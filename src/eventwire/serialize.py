"""Records as JSON objects and flat rows: the one place their field names are written.

The JSON field names are fixed (other tools read them); the flat rows are what the
store holds and what CSV and Parquet exports carry, and nest back into the same JSON.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from .records import Actor, CodedDocument, Event, Quote

ACTOR_FIELDS = ("name", "code", "country", "sector")


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def actor_columns(prefix: str, actor: Actor | None) -> dict[str, Any]:
    return {f"{prefix}_{f}": getattr(actor, f) if actor else None for f in ACTOR_FIELDS}


def event_row(event: Event, index: int) -> dict[str, Any]:
    """A flat row for the store and for CSV/Parquet."""
    loc = event.location
    tspan = event.target_span or (None, None)
    return {
        "id": f"{event.doc}-{index}",
        "doc": event.doc,
        "sentence": event.sentence,
        **actor_columns("source", event.source),
        **actor_columns("target", event.target),
        "cameo": event.cameo,
        "cameo_root": event.cameo[:2],
        "plover": event.plover,
        "plover_mode": event.plover_mode,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "modality": event.modality,
        "negated": event.negated,
        "date": _iso(event.date),
        "date_end": _iso(event.date_end),
        "date_source": event.date_source,
        "location_name": loc.name if loc else None,
        "location_country": loc.country if loc else None,
        "location_lat": loc.lat if loc else None,
        "location_lon": loc.lon if loc else None,
        "text": event.text,
        "source_start": event.source_span[0],
        "source_end": event.source_span[1],
        "verb_start": event.verb_span[0],
        "verb_end": event.verb_span[1],
        "target_start": tspan[0],
        "target_end": tspan[1],
        "rule": event.rule,
        "contexts": "|".join(event.contexts),
    }


def quote_row(quote: Quote, index: int) -> dict[str, Any]:
    sspan = quote.speaker_span or (None, None)
    return {
        "id": f"{quote.doc}-q{index}",
        "doc": quote.doc,
        "sentence": quote.sentence,
        **actor_columns("speaker", quote.speaker),
        "text": quote.text,
        "verb": quote.verb,
        "quote_start": quote.quote_span[0],
        "quote_end": quote.quote_span[1],
        "speaker_start": sspan[0],
        "speaker_end": sspan[1],
        "direct": quote.direct,
        "partial": quote.partial,
        "date": _iso(quote.date),
    }


def document_row(coded: CodedDocument) -> dict[str, Any]:
    d = coded.document
    return {
        "id": d.id,
        "source": d.source,
        "title": d.title,
        "date": _iso(d.date),
        "date_source": d.date_source,
        "dateline": d.dateline,
        "url": d.url,
        "author": d.author,
        "text": d.text,
        "sentences": len(coded.sentences),
        "events": len(coded.events),
        "quotes": len(coded.quotes),
    }


def _actor(row: dict[str, Any], prefix: str) -> dict[str, Any] | None:
    actor = {f: row.get(f"{prefix}_{f}") for f in ACTOR_FIELDS}
    return actor if actor["name"] is not None or actor["code"] is not None else None


def _span(row: dict[str, Any], prefix: str) -> list[int] | None:
    start = row.get(f"{prefix}_start")
    return None if start is None else [start, row[f"{prefix}_end"]]


def event_json(row: dict[str, Any]) -> dict[str, Any]:
    """The JSONL event object, from a flat row."""
    location = None
    if row.get("location_name") is not None:
        location = {
            "name": row["location_name"],
            "country": row["location_country"],
            "lat": row["location_lat"],
            "lon": row["location_lon"],
        }
    return {
        "type": "event",
        "id": row["id"],
        "doc": row["doc"],
        "sentence": row["sentence"],
        "source": _actor(row, "source"),
        "target": _actor(row, "target"),
        "cameo": row["cameo"],
        "plover": row["plover"],
        "plover_mode": row["plover_mode"],
        "quad_class": row["quad_class"],
        "goldstein": row["goldstein"],
        "date": _str(row["date"]),
        "date_end": _str(row["date_end"]),
        "date_source": row["date_source"],
        "location": location,
        "modality": row["modality"],
        "negated": bool(row["negated"]),
        "text": row["text"],
        "spans": {"source": _span(row, "source"), "verb": _span(row, "verb"), "target": _span(row, "target")},
        "rule": row["rule"],
        "contexts": [c for c in (row.get("contexts") or "").split("|") if c],
    }


def quote_json(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "quote",
        "id": row["id"],
        "doc": row["doc"],
        "sentence": row["sentence"],
        "speaker": _actor(row, "speaker"),
        "text": row["text"],
        "verb": row["verb"],
        "spans": {"quote": _span(row, "quote"), "speaker": _span(row, "speaker")},
        "direct": bool(row["direct"]),
        "partial": bool(row["partial"]),
        "date": _str(row.get("date")),
    }


DOCUMENT_KEYS = ("id", "title", "author", "date", "date_source", "url", "source", "dateline")
COUNT_KEYS = ("sentences", "events", "quotes")


def document_json(row: dict[str, Any]) -> dict[str, Any]:
    keys = (*DOCUMENT_KEYS, *COUNT_KEYS)
    return {"type": "document", **{k: _str(row[k]) if k == "date" else row[k] for k in keys}}


def _str(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def coded_json(coded: CodedDocument) -> list[dict[str, Any]]:
    """The document (with its notes: why sentences were not coded), its events and its quotes, in that order."""
    return [
        {**document_json(document_row(coded)), "notes": list(coded.notes)},
        *(event_json(event_row(e, i)) for i, e in enumerate(coded.events)),
        *(quote_json(quote_row(q, i)) for i, q in enumerate(coded.quotes)),
    ]
