"""Read queries for the service: pages of records, one record with its context, dyad series, actor networks.

Every function takes an open Store (read-only is enough) and returns plain JSON-ready
dicts built by `serialize`, so the API and the command line show the same records.
Every value from a caller travels as a query parameter; the only SQL text chosen by a
caller is an ORDER BY or a date_trunc unit, picked from the fixed tables below by key.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ..serialize import document_json, event_json, quote_json
from .database import SENTENCE_COLUMNS, EventFilter, Store

MAX_LIMIT = 500
EVENT_SORTS = {
    "date": "date NULLS LAST, doc, sentence, id",
    "-date": "date DESC NULLS LAST, doc, sentence, id",
    "goldstein": "goldstein, date, id",
    "-goldstein": "goldstein DESC, date, id",
    "cameo": "cameo, date, id",
}
DOCUMENT_SORTS = {
    "date": "date NULLS LAST, id",
    "-date": "date DESC NULLS LAST, id",
    "events": "events DESC, date, id",
    "title": "title NULLS LAST, id",
}
QUOTE_SORTS = {"date": "date NULLS LAST, doc, quote_start", "-date": "date DESC NULLS LAST, doc, quote_start"}
ACTOR_SORTS = {"mentions": "mentions DESC, key", "documents": "documents DESC, key", "code": "code NULLS LAST, key"}
INTERVALS = {"day": "day", "week": "week"}
QUAD_CLASSES = (1, 2, 3, 4)  # CAMEO: verbal and material cooperation, verbal and material conflict
NETWORK_LEVELS = {
    "country": ("coalesce(source_country, left(source_code, 3))", "coalesce(target_country, left(target_code, 3))"),
    "actor": ("source_code", "target_code"),
}


@dataclass(frozen=True)
class PageRequest:
    """Which slice of a result: `sort` is a key of the endpoint's sort table."""

    limit: int = 50
    offset: int = 0
    sort: str = "date"

    def sql(self, sorts: dict[str, str]) -> tuple[str, list[Any]]:
        return f" ORDER BY {sorts[self.sort]} LIMIT ? OFFSET ?", [min(self.limit, MAX_LIMIT), self.offset]


class Clauses:
    """A WHERE clause built from conditions that each carry their parameters."""

    def __init__(self, where: str = "", params: list[Any] | None = None) -> None:
        self.parts = [where.removeprefix(" WHERE ")] if where else []
        self.params = list(params or [])

    def add(self, clause: str, *params: Any) -> None:
        self.parts.append(clause)
        self.params.extend(params)

    def actor(self, prefix: str, value: str | None) -> None:
        """An actor by country ("RUS") or code prefix ("RUSGOV"), as EventFilter matches it."""
        if value:
            self.add(f"({prefix}_country = ? OR starts_with({prefix}_code, ?))", value.upper(), value.upper())

    def contains(self, columns: tuple[str, ...], text: str | None) -> None:
        if text:
            self.add(
                "(" + " OR ".join(f"contains(lower({c}), ?)" for c in columns) + ")", *[text.lower()] * len(columns)
            )

    def dates(self, since: date | None, until: date | None, column: str = "date") -> None:
        if since:
            self.add(f"{column} >= ?", since)
        if until:
            self.add(f"{column} <= ?", until)

    def sql(self) -> str:
        return (" WHERE " + " AND ".join(self.parts)) if self.parts else ""


def _page(
    store: Store, rows: str, params: list[Any], page: PageRequest, sorts: dict[str, str]
) -> tuple[int, list[dict[str, Any]]]:
    """(total, one page) of the rows that the SQL `rows` (a table with its WHERE clause) selects."""
    total = store.query(f"SELECT count(*) AS n FROM {rows}", params)[0]["n"]
    order, page_params = page.sql(sorts)
    return total, store.query(f"SELECT * FROM {rows}{order}", params + page_params)


def find_events(
    store: Store, flt: EventFilter, page: PageRequest, country: str | None = None, text: str | None = None
) -> tuple[int, list[dict[str, Any]]]:
    """(total, page of event JSON objects) matching `flt`, an actor's or place's `country`, words in the sentence."""
    where = Clauses(*flt.where())
    if country:
        where.add("(source_country = ? OR target_country = ? OR location_country = ?)", *[country.upper()] * 3)
    where.contains(("text",), text)
    total, rows = _page(store, f"events{where.sql()}", where.params, page, EVENT_SORTS)
    return total, [event_json(r) for r in rows]


def find_documents(
    store: Store,
    page: PageRequest,
    since: date | None = None,
    until: date | None = None,
    text: str | None = None,
    actor: str | None = None,
) -> tuple[int, list[dict[str, Any]]]:
    """(total, page of document objects) by publication date, words in title or text, an actor in its events."""
    where = Clauses()
    where.dates(since, until)
    where.contains(("title", "text"), text)
    if actor:
        involved = Clauses()
        involved.actor("source", actor)
        involved.actor("target", actor)
        where.add(f"id IN (SELECT doc FROM events WHERE {' OR '.join(involved.parts)})", *involved.params)
    total, rows = _page(store, f"documents{where.sql()}", where.params, page, DOCUMENT_SORTS)
    return total, [document_json(r) for r in rows]


def find_quotes(
    store: Store,
    page: PageRequest,
    speaker: str | None = None,
    actor: str | None = None,
    since: date | None = None,
    until: date | None = None,
    text: str | None = None,
    doc: str | None = None,
) -> tuple[int, list[dict[str, Any]]]:
    """(total, page of quote objects): `speaker` by name, country or code; `actor` by country or code prefix."""
    where = Clauses()
    if speaker:
        where.add(
            "(speaker_country = ? OR starts_with(speaker_code, ?) OR contains(lower(speaker_name), ?))",
            speaker.upper(),
            speaker.upper(),
            speaker.lower(),
        )
    where.actor("speaker", actor)
    where.dates(since, until)
    where.contains(("text",), text)
    if doc:
        where.add("doc = ?", doc)
    total, rows = _page(store, f"quotes{where.sql()}", where.params, page, QUOTE_SORTS)
    return total, [quote_json(r) for r in rows]


def find_actors(
    store: Store, page: PageRequest, text: str | None = None, country: str | None = None, role: str | None = None
) -> tuple[int, list[dict[str, Any]]]:
    """(total, page of actors): each code (or name, for actors without one) with its mentions and documents."""
    where = Clauses()
    where.contains(("name", "code"), text)
    if country:
        where.add("country = ?", country.upper())
    if role:
        where.add("role = ?", role)
    grouped = (
        "(SELECT coalesce(code, name) AS key, any_value(code) AS code, mode(name) AS name, "
        "any_value(country) AS country, any_value(sector) AS sector, sum(mentions)::BIGINT AS mentions, "
        "count(DISTINCT doc) AS documents, list(DISTINCT role ORDER BY role) AS roles "
        f"FROM actors{where.sql()} GROUP BY coalesce(code, name))"
    )
    return _page(store, grouped, where.params, page, ACTOR_SORTS)


def event_detail(store: Store, event_id: str) -> dict[str, Any] | None:
    """One event with its document and sentence: everything that explains why it was coded."""
    rows = store.query("SELECT * FROM events WHERE id = ?", [event_id])
    if not rows:
        return None
    event = rows[0]
    documents = store.query("SELECT * FROM documents WHERE id = ?", [event["doc"]])
    sentences = store.query(
        f"SELECT {', '.join(SENTENCE_COLUMNS)} FROM sentences WHERE doc = ? AND idx = ?",
        [event["doc"], event["sentence"]],
    )
    return {
        "event": event_json(event),
        "document": document_json(documents[0]) if documents else None,
        "sentence": sentences[0] if sentences else None,
    }


def document_detail(store: Store, doc_id: str) -> dict[str, Any] | None:
    """One document with its sentences, events and quotes."""
    documents = store.query("SELECT * FROM documents WHERE id = ?", [doc_id])
    if not documents:
        return None
    sentences = store.query(f"SELECT {', '.join(SENTENCE_COLUMNS)} FROM sentences WHERE doc = ? ORDER BY idx", [doc_id])
    events = store.query("SELECT * FROM events WHERE doc = ? ORDER BY sentence, id", [doc_id])
    quotes = store.query("SELECT * FROM quotes WHERE doc = ? ORDER BY quote_start", [doc_id])
    return {
        "document": {**document_json(documents[0]), "text": documents[0]["text"]},
        "sentences": sentences,
        "events": [event_json(r) for r in events],
        "quotes": [quote_json(r) for r in quotes],
    }


def dyad_series(
    store: Store,
    a: str,
    b: str,
    interval: str = "week",
    since: date | None = None,
    until: date | None = None,
    directed: bool = False,
) -> list[dict[str, Any]]:
    """Events between actors `a` and `b` per day or week: counts by quad class (1-4) and mean Goldstein.

    `directed` counts only events with `a` as source and `b` as target; otherwise both ways.
    """
    a_to_b, b_to_a = Clauses(), Clauses()
    for clauses, (source, target) in ((a_to_b, (a, b)), (b_to_a, (b, a))):
        clauses.actor("source", source)
        clauses.actor("target", target)
    where = Clauses()
    if directed:
        where.add(" AND ".join(a_to_b.parts), *a_to_b.params)
    else:
        where.add(f"(({' AND '.join(a_to_b.parts)}) OR ({' AND '.join(b_to_a.parts)}))", *a_to_b.params, *b_to_a.params)
    where.add("date IS NOT NULL")
    where.dates(since, until)
    rows = store.query(
        f"SELECT CAST(date_trunc('{INTERVALS[interval]}', date) AS DATE) AS period, count(*) AS events, "
        f"[{', '.join(f'count(*) FILTER (WHERE quad_class = {q})' for q in QUAD_CLASSES)}] AS quad_classes, "
        f"avg(goldstein) AS goldstein FROM events{where.sql()} GROUP BY period ORDER BY period",
        where.params,
    )
    return [{**r, "period": r["period"].isoformat()} for r in rows]


def actor_network(
    store: Store,
    level: str = "country",
    since: date | None = None,
    until: date | None = None,
    min_events: int = 1,
    limit: int = 100,
) -> dict[str, list[dict[str, Any]]]:
    """Weighted source -> target edges (event count, mean Goldstein) over a period, the busiest first."""
    source, target = NETWORK_LEVELS[level]
    where = Clauses()
    where.dates(since, until)
    where.add(f"{source} IS NOT NULL AND {target} IS NOT NULL AND {source} <> {target}")
    edges = store.query(
        f"SELECT {source} AS source, {target} AS target, count(*) AS events, avg(goldstein) AS goldstein "
        f"FROM events{where.sql()} GROUP BY ALL HAVING count(*) >= ? ORDER BY events DESC, source, target LIMIT ?",
        [*where.params, min_events, min(limit, MAX_LIMIT)],
    )
    weights: dict[str, int] = {}
    for edge in edges:
        for end in (edge["source"], edge["target"]):
            weights[end] = weights.get(end, 0) + edge["events"]
    nodes = [{"id": n, "events": w} for n, w in sorted(weights.items(), key=lambda item: (-item[1], item[0]))]
    return {"nodes": nodes, "edges": edges}
