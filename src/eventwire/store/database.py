"""The embedded DuckDB store: documents written in batches, each batch one transaction, each document once.

A document's id is a hash of its cleaned text, so the same article ingested twice,
or a folder ingested again, adds nothing. A batch that fails half-way (or a process
killed while writing it) is rolled back whole, so the store never holds half of a
batch, let alone half of a document. Rows go in as Arrow tables, one INSERT per table
and batch: with a statement per document and table, storing took a tenth of a run.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from ..errors import StoreError
from ..records import CodedDocument
from ..serialize import document_row, event_row, quote_row

ACTOR_COLUMNS = "name VARCHAR, code VARCHAR, country VARCHAR, sector VARCHAR"
Rows = dict[str, list[dict[str, Any]]]  # table -> rows


def _actor_cols(prefix: str) -> str:
    return ", ".join(f"{prefix}_{c}" for c in ACTOR_COLUMNS.split(", "))


SCHEMA = f"""
CREATE TABLE IF NOT EXISTS documents (
    id VARCHAR PRIMARY KEY, source VARCHAR, title VARCHAR, date DATE, date_source VARCHAR,
    dateline VARCHAR, url VARCHAR, text VARCHAR, sentences INTEGER, events INTEGER, quotes INTEGER,
    ingested_at TIMESTAMP DEFAULT current_timestamp, author VARCHAR
);
-- columns added after a release: stores made before them gain them when opened
ALTER TABLE documents ADD COLUMN IF NOT EXISTS author VARCHAR;
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
    target_start INTEGER, target_end INTEGER, rule VARCHAR, contexts VARCHAR
);
CREATE TABLE IF NOT EXISTS quotes (
    id VARCHAR PRIMARY KEY, doc VARCHAR, sentence INTEGER, {_actor_cols("speaker")},
    text VARCHAR, verb VARCHAR, quote_start INTEGER, quote_end INTEGER,
    speaker_start INTEGER, speaker_end INTEGER, direct BOOLEAN, partial BOOLEAN, date DATE
);
CREATE TABLE IF NOT EXISTS actors (
    doc VARCHAR, {ACTOR_COLUMNS}, role VARCHAR, mentions INTEGER
);
CREATE TABLE IF NOT EXISTS external_events (
    source_system VARCHAR, event_id VARCHAR, format VARCHAR, file VARCHAR, line INTEGER, date DATE,
    source_code VARCHAR, source_name VARCHAR, source_country VARCHAR,
    target_code VARCHAR, target_name VARCHAR, target_country VARCHAR,
    cameo VARCHAR, cameo_root VARCHAR, quad_class INTEGER, goldstein DOUBLE,
    num_mentions INTEGER, num_sources INTEGER, num_articles INTEGER, avg_tone DOUBLE,
    location_name VARCHAR, location_country VARCHAR, location_lat DOUBLE, location_lon DOUBLE,
    url VARCHAR, date_added BIGINT, record VARCHAR, PRIMARY KEY (source_system, event_id)
);
-- corpus runs (ingest/, engine/, dedup.py): every URL a document was seen at, its story
-- (near-duplicate cluster) with the MinHash signature that rebuilds the index, inputs that failed
CREATE TABLE IF NOT EXISTS document_urls (
    doc VARCHAR, url VARCHAR, source VARCHAR, fetched TIMESTAMP, seen_at TIMESTAMP DEFAULT current_timestamp
);
CREATE TABLE IF NOT EXISTS stories (doc VARCHAR PRIMARY KEY, story VARCHAR, minhash UINTEGER[]);
CREATE TABLE IF NOT EXISTS failures (
    source VARCHAR, place VARCHAR, reason VARCHAR, time TIMESTAMP DEFAULT current_timestamp
);
-- one row per event reported by one or more articles; the events table holds every mention
CREATE OR REPLACE VIEW event_keys AS
SELECT id AS event, md5(CAST([CAST(date AS VARCHAR), source_code, target_code, cameo, location_name,
                              location_country, modality] AS VARCHAR)) AS group_id
FROM events;
CREATE OR REPLACE VIEW event_groups AS
WITH keyed AS (
    SELECT k.group_id, e.* FROM events e JOIN event_keys k ON k.event = e.id
),
publishers AS (
    SELECT id AS doc, coalesce(nullif(lower(regexp_extract(url, '^[a-zA-Z]+://(www[.])?([^/:?#]+)', 2)), ''),
                               source) AS publisher
    FROM documents
    UNION
    SELECT doc, coalesce(nullif(lower(regexp_extract(url, '^[a-zA-Z]+://(www[.])?([^/:?#]+)', 2)), ''), source)
    FROM document_urls
),
sourced AS (
    SELECT k.group_id, count(DISTINCT p.publisher) AS num_sources,
           count(DISTINCT coalesce(s.story, k.doc)) AS num_stories
    FROM (SELECT DISTINCT group_id, doc FROM keyed) k
    LEFT JOIN publishers p ON p.doc = k.doc
    LEFT JOIN stories s ON s.doc = k.doc
    GROUP BY k.group_id
)
SELECT group_id, any_value(date) AS date, any_value(source_code) AS source_code, any_value(target_code) AS target_code,
       any_value(cameo) AS cameo, any_value(location_name) AS location_name,
       any_value(location_country) AS location_country, any_value(modality) AS modality,
       count(*) AS num_mentions, any_value(sourced.num_sources) AS num_sources,
       count(DISTINCT doc) AS num_articles, any_value(sourced.num_stories) AS num_stories, min(id) AS first_event
FROM keyed JOIN sourced USING (group_id)
GROUP BY group_id;
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
        self._types: dict[str, dict[str, pa.DataType]] = {}
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

    def stored(self, doc_ids: list[str]) -> set[str]:
        """The ids among `doc_ids` that are stored (one query for a batch)."""
        if not doc_ids:
            return set()
        marks = ", ".join("?" * len(doc_ids))
        rows = self.db.execute(f"SELECT id FROM documents WHERE id IN ({marks})", doc_ids).fetchall()
        return {row[0] for row in rows}

    def add(self, coded: CodedDocument, extra: Rows | None = None) -> bool:
        """Store one coded document in one transaction; False when it was already stored.

        `extra` holds rows of other tables (table -> rows) written in the same transaction.
        """
        return coded.document.id in self.add_batch([(coded, extra or {})])

    def add_batch(self, items: list[tuple[CodedDocument, Rows]]) -> set[str]:
        """Store coded documents (each with its extra rows) in one transaction, all or none; returns the new ids."""
        tables: Rows = {}
        new: set[str] = set()
        try:
            self.db.execute("BEGIN TRANSACTION")
            stored = self.stored([coded.document.id for coded, _ in items])
            for coded, extra in items:
                if coded.document.id in new or coded.document.id in stored:
                    continue
                new.add(coded.document.id)
                for table, rows in [*_document_rows(coded).items(), *extra.items()]:
                    tables.setdefault(table, []).extend(rows)
            for table, rows in tables.items():
                self._insert(table, rows)
            self.db.execute("COMMIT")
        except (duckdb.Error, pa.ArrowException) as exc:
            self.db.execute("ROLLBACK")
            names = ", ".join(f"{c.document.id} ({c.document.source})" for c, _ in items[:3])
            raise StoreError(f"{self.path}: cannot store document {names}: {exc}") from exc
        return new

    def url_document(self, url: str) -> str | None:
        """The stored document seen at `url`, if any."""
        return self.url_documents([url]).get(url)

    def url_documents(self, urls: list[str]) -> dict[str, str]:
        """The stored document seen at each of `urls` that is known (one query for a batch)."""
        if not urls:
            return {}
        marks = ", ".join("?" * len(urls))
        sql = f"SELECT url, any_value(doc) FROM document_urls WHERE url IN ({marks}) GROUP BY url"
        return dict(self.db.execute(sql, urls).fetchall())

    def add_url(self, doc: str, url: str | None, source: str, fetched: datetime | None = None) -> None:
        """Remember that a stored document was also seen at `url` (from `source`), once."""
        self.db.execute(
            "INSERT INTO document_urls (doc, url, source, fetched) SELECT ?, ?, ?, ? WHERE NOT EXISTS "
            "(SELECT 1 FROM document_urls WHERE doc = ? AND url IS NOT DISTINCT FROM ? AND source = ?)",
            [doc, url, source, fetched, doc, url, source],
        )

    def add_failure(self, source: str, place: str | None, reason: str) -> None:
        self.db.execute("INSERT INTO failures (source, place, reason) VALUES (?, ?, ?)", [source, place, reason])

    def story_rows(self) -> list[tuple[str, str, list[int]]]:
        """(doc, story, MinHash values) of every stored document, to rebuild the near-duplicate index."""
        return [(d, s, m) for d, s, m in self.db.execute("SELECT doc, story, minhash FROM stories").fetchall()]

    def _insert(self, table: str, rows: list[dict[str, Any]]) -> None:
        """Insert rows as one Arrow table in one statement (parameter binding of many VALUES rows is slow)."""
        if not rows:
            return
        types = self._arrow_types(table)
        arrow = pa.Table.from_pylist(rows, schema=pa.schema([(column, types[column]) for column in rows[0]]))
        self.db.register("_new_rows", arrow)
        try:
            self.db.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _new_rows")
        finally:
            self.db.unregister("_new_rows")

    def _arrow_types(self, table: str) -> dict[str, pa.DataType]:
        """The Arrow type of each column of `table`; dates stay strings (rows carry ISO dates), DuckDB casts them."""
        if table not in self._types:
            schema = self.db.sql(f"SELECT * FROM {table} LIMIT 0").to_arrow_table().schema
            self._types[table] = {f.name: pa.string() if pa.types.is_date(f.type) else f.type for f in schema}
        return self._types[table]

    def query(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        cursor = self.db.execute(sql, params or [])
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def events(self, flt: EventFilter | None = None) -> list[dict[str, Any]]:
        where, params = (flt or EventFilter()).where()
        limit = f" LIMIT {int(flt.limit)}" if flt and flt.limit else ""
        return self.query(f"SELECT * FROM events{where} ORDER BY date, doc, sentence, id{limit}", params)

    def quotes(
        self,
        speaker: str | None = None,
        doc: str | None = None,
        actor: str | None = None,
        since: date | None = None,
        until: date | None = None,
    ) -> list[dict[str, Any]]:
        """Stored quotes; `speaker` matches a name, `actor` a speaker's country or code prefix."""
        clauses: list[str] = []
        params: list[Any] = []
        if speaker:
            clauses.append("(speaker_country = ? OR starts_with(speaker_code, ?) OR speaker_name ILIKE ?)")
            params += [speaker.upper(), speaker.upper(), f"%{speaker}%"]
        if actor:
            clauses.append("(speaker_country = ? OR starts_with(speaker_code, ?))")
            params += [actor.upper(), actor.upper()]
        for clause, value in (("doc = ?", doc), ("date >= ?", since), ("date <= ?", until)):
            if value:
                clauses.append(clause)
                params.append(value)
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        return self.query(f"SELECT * FROM quotes{where} ORDER BY date, doc, quote_start", params)

    def documents(self) -> list[dict[str, Any]]:
        return self.query("SELECT * EXCLUDE (text) FROM documents ORDER BY date, id")

    def counts(self) -> dict[str, int]:
        return {
            t: self.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # type: ignore[index]
            for t in ("documents", "events", "quotes", "actors")
        }


def _document_rows(coded: CodedDocument) -> Rows:
    """The rows of one coded document, by table."""
    return {
        "documents": [document_row(coded)],
        "sentences": [
            dict(zip(SENTENCE_COLUMNS, (s.doc, s.index, s.kind, s.paragraph, s.start, s.end, s.text), strict=True))
            for s in coded.sentences
        ],
        "events": [event_row(e, i) for i, e in enumerate(coded.events)],
        "quotes": [quote_row(q, i) for i, q in enumerate(coded.quotes)],
        "actors": _actor_rows(coded),
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
