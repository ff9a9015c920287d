"""The embedded DuckDB store: one transaction per document, each document once.

A document's id is a hash of its cleaned text, so the same article ingested twice,
or a folder ingested again, adds nothing; a document that fails half-way is rolled
back, so the store never holds half of one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import duckdb

from ..errors import StoreError
from ..records import CodedDocument
from ..serialize import document_row, event_row, quote_row

ACTOR_COLUMNS = "name VARCHAR, code VARCHAR, country VARCHAR, sector VARCHAR"


def _actor_cols(prefix: str) -> str:
    return ", ".join(f"{prefix}_{c}" for c in ACTOR_COLUMNS.split(", "))


SCHEMA = f"""
CREATE TABLE IF NOT EXISTS documents (
    id VARCHAR PRIMARY KEY, source VARCHAR, title VARCHAR, date DATE, date_source VARCHAR,
    dateline VARCHAR, url VARCHAR, text VARCHAR, sentences INTEGER, events INTEGER, quotes INTEGER,
    ingested_at TIMESTAMP DEFAULT current_timestamp
);
CREATE TABLE IF NOT EXISTS sentences (
    doc VARCHAR, idx INTEGER, kind VARCHAR, paragraph INTEGER, start_char INTEGER, end_char INTEGER,
    text VARCHAR, PRIMARY KEY (doc, idx)
);
CREATE TABLE IF NOT EXISTS events (
    id VARCHAR PRIMARY KEY, doc VARCHAR, sentence INTEGER,
    {_actor_cols("source")}, {_actor_cols("target")},
    cameo VARCHAR, cameo_root VARCHAR, plover VARCHAR, plover_mode VARCHAR, quad_class INTEGER,
    goldstein DOUBLE, modality VARCHAR, negated BOOLEAN, date DATE, date_end DATE, date_source VARCHAR,
    location_name VARCHAR, location_country VARCHAR, location_lat DOUBLE, location_lon DOUBLE,
    text VARCHAR, source_start INTEGER, source_end INTEGER, verb_start INTEGER, verb_end INTEGER,
    target_start INTEGER, target_end INTEGER, rule VARCHAR
);
CREATE TABLE IF NOT EXISTS quotes (
    id VARCHAR PRIMARY KEY, doc VARCHAR, sentence INTEGER, {_actor_cols("speaker")},
    text VARCHAR, verb VARCHAR, quote_start INTEGER, quote_end INTEGER,
    speaker_start INTEGER, speaker_end INTEGER, direct BOOLEAN, partial BOOLEAN
);
CREATE TABLE IF NOT EXISTS actors (
    doc VARCHAR, {ACTOR_COLUMNS}, role VARCHAR, mentions INTEGER
);
"""
SENTENCE_COLUMNS = ("doc", "idx", "kind", "paragraph", "start_char", "end_char", "text")


@dataclass(frozen=True)
class EventFilter:
    """Filters for `events`: actor codes match a country ("RUS") or a code prefix ("RUSGOV")."""

    actor: str | None = None
    target: str | None = None
    since: date | None = None
    until: date | None = None
    plover: str | None = None
    cameo: str | None = None
    modality: str | None = None
    doc: str | None = None
    limit: int | None = None

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        for prefix, value in (("source", self.actor), ("target", self.target)):
            if value:
                clauses.append(f"({prefix}_country = ? OR starts_with({prefix}_code, ?))")
                params += [value.upper(), value.upper()]
        conditions: tuple[tuple[str, Any], ...] = (
            ("date >= ?", self.since),
            ("date <= ?", self.until),
            ("plover = ?", self.plover and self.plover.upper()),
            ("starts_with(cameo, ?)", self.cameo),
            ("modality = ?", self.modality),
            ("doc = ?", self.doc),
        )
        for clause, value in conditions:
            if value:
                clauses.append(clause)
                params.append(value)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


class Store:
    """A DuckDB file holding documents, sentences, events, quotes and actors."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = str(path)
        try:
            self.db = duckdb.connect(self.path, read_only=read_only)
            if not read_only:
                self.db.execute(SCHEMA)
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot open the store: {exc}") from exc

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def has(self, doc_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM documents WHERE id = ?", [doc_id]).fetchone() is not None

    def add(self, coded: CodedDocument) -> bool:
        """Store one coded document in one transaction; False when it was already stored."""
        doc_id = coded.document.id
        try:
            self.db.execute("BEGIN TRANSACTION")
            if self.has(doc_id):
                self.db.execute("ROLLBACK")
                return False
            self._insert("documents", [document_row(coded)])
            self._insert(
                "sentences",
                [
                    dict(
                        zip(
                            SENTENCE_COLUMNS, (s.doc, s.index, s.kind, s.paragraph, s.start, s.end, s.text), strict=True
                        )
                    )
                    for s in coded.sentences
                ],
            )
            self._insert("events", [event_row(e, i) for i, e in enumerate(coded.events)])
            self._insert("quotes", [quote_row(q, i) for i, q in enumerate(coded.quotes)])
            self._insert("actors", _actor_rows(coded))
            self.db.execute("COMMIT")
        except duckdb.Error as exc:
            self.db.execute("ROLLBACK")
            raise StoreError(f"{self.path}: cannot store document {doc_id} ({coded.document.source}): {exc}") from exc
        return True

    def _insert(self, table: str, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        columns = list(rows[0])
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        self.db.executemany(sql, [[row[c] for c in columns] for row in rows])

    def query(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        cursor = self.db.execute(sql, params or [])
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def events(self, flt: EventFilter | None = None) -> list[dict[str, Any]]:
        where, params = (flt or EventFilter()).where()
        limit = f" LIMIT {int(flt.limit)}" if flt and flt.limit else ""
        return self.query(f"SELECT * FROM events{where} ORDER BY date, doc, sentence, id{limit}", params)

    def quotes(self, speaker: str | None = None, doc: str | None = None) -> list[dict[str, Any]]:
        clauses, params = [], []
        if speaker:
            clauses.append("(speaker_country = ? OR starts_with(speaker_code, ?) OR speaker_name ILIKE ?)")
            params += [speaker.upper(), speaker.upper(), f"%{speaker}%"]
        if doc:
            clauses.append("doc = ?")
            params.append(doc)
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        return self.query(f"SELECT * FROM quotes{where} ORDER BY doc, quote_start", params)

    def documents(self) -> list[dict[str, Any]]:
        return self.query("SELECT * EXCLUDE (text) FROM documents ORDER BY date, id")

    def counts(self) -> dict[str, int]:
        return {
            t: self.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # type: ignore[index]
            for t in ("documents", "events", "quotes", "actors")
        }


def _actor_rows(coded: CodedDocument) -> list[dict[str, Any]]:
    counts: dict[tuple[Any, ...], int] = {}
    for e in coded.events:
        for role, actor in (("source", e.source), ("target", e.target)):
            if actor is not None:
                key = (actor.name, actor.code, actor.country, actor.sector, role)
                counts[key] = counts.get(key, 0) + 1
    for q in coded.quotes:
        if q.speaker is not None:
            key = (q.speaker.name, q.speaker.code, q.speaker.country, q.speaker.sector, "speaker")
            counts[key] = counts.get(key, 0) + 1
    return [
        {
            "doc": coded.document.id,
            "name": k[0],
            "code": k[1],
            "country": k[2],
            "sector": k[3],
            "role": k[4],
            "mentions": n,
        }
        for k, n in counts.items()
    ]
