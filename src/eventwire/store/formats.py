"""What the GDELT, ICEWS and PLOVER exports share, and the ICEWS and PLOVER writers.

Stored events are flat rows (`serialize.event_row`); these formats also need the
event's document (URL, title, length, when it was stored) and sentence (kind,
paragraph, offset in the document), which `export_rows` joins in one query, and the
code tables: country names and FIPS codes (countries.tsv), CAMEO event names
(cameo.tsv) and CAMEO actor types (cameo_actor_types.tsv).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..errors import DictionaryError
from ..knowledge import DATA_DIR, Country, default_knowledge, read_table
from .database import EventFilter, Store

ACTOR_TYPE_KINDS = ("role", "sector", "organization", "group", "region")
TYPE_KINDS = frozenset({"role", "sector", "organization", "group"})
CODEBOOK = "CAMEO 1.1b3; PLOVER"
ICEWS_COLUMNS = (
    "Event ID",
    "Event Date",
    "Source Name",
    "Source Sectors",
    "Source Country",
    "Event Text",
    "CAMEO Code",
    "Intensity",
    "Target Name",
    "Target Sectors",
    "Target Country",
    "Story ID",
    "Sentence Number",
    "Publisher",
    "City",
    "District",
    "Province",
    "Country",
    "Latitude",
    "Longitude",
)


@dataclass(frozen=True)
class ActorType:
    code: str
    kind: str
    name: str


@dataclass(frozen=True)
class ActorCode:
    """An actor code taken apart: its type codes (GOV, IGO, UNO ...) and known group (GDELT's)."""

    types: tuple[str, ...]
    known_group: str | None


@dataclass(frozen=True)
class Place:
    """An event's stored place, with its country record; `country_level` when it is the country itself."""

    name: str
    country: Country | None
    lat: float | None
    lon: float | None
    country_level: bool


def load_actor_types(path: Path) -> dict[str, ActorType]:
    """Read cameo_actor_types.tsv: code, kind, name."""
    types: dict[str, ActorType] = {}
    for number, row in read_table(path, ("code", "kind", "name")):
        code = row["code"]
        if len(code) != 3 or not code.isalpha() or not code.isupper():
            raise DictionaryError(str(path), number, f"code must be 3 upper-case letters: {code!r}")
        if row["kind"] not in ACTOR_TYPE_KINDS:
            raise DictionaryError(str(path), number, f"kind must be one of {', '.join(ACTOR_TYPE_KINDS)}")
        if code in types:
            raise DictionaryError(str(path), number, f"duplicate code {code!r}")
        types[code] = ActorType(code, row["kind"], row["name"])
    return types


@cache
def actor_types() -> dict[str, ActorType]:
    """The bundled CAMEO actor type table, loaded once per process."""
    return load_actor_types(DATA_DIR / "cameo_actor_types.tsv")


def parse_actor_code(code: str | None, country: str | None, sector: str | None) -> ActorCode:
    """Split a CAMEO actor code after its country into 3-letter parts.

    Parts in the type table are types ("RUSGOVMIL" -> GOV, MIL); in a transnational
    organization's code ("IGOWSTNAT") the last part that is no type or region is its
    known group (NAT).
    """
    table = actor_types()
    rest = code[len(country) :] if code and country and code.startswith(country) else code or ""
    parts = [rest[i : i + 3] for i in range(0, len(rest), 3)]
    types = tuple(p for p in parts if p in table and table[p].kind in TYPE_KINDS)
    group = None
    if parts and parts[0] in table and table[parts[0]].kind == "organization":
        group = next((p for p in reversed(parts[1:]) if p not in table or table[p].kind == "group"), None)
    return ActorCode(types or ((sector,) if sector else ()), group)


def sector_names(code: ActorCode) -> str | None:
    table = actor_types()
    return ",".join(table[t].name if t in table else t for t in code.types) or None


def numeric_id(event_id: str) -> int:
    """A stable 56-bit integer for one of our event ids: GDELT and ICEWS event ids are integers."""
    return int.from_bytes(hashlib.blake2b(event_id.encode("utf-8"), digest_size=7).digest(), "big")


def export_rows(store: Store, flt: EventFilter | None = None) -> list[dict[str, Any]]:
    """Stored events with their document (`doc_*`) and sentence (`sentence_*`) fields, and the
    group of mentions of the same event they belong to (`first_event`, `num_*`, see `event_groups`)."""
    flt = flt or EventFilter()
    where, params = flt.where()
    limit = f" LIMIT {int(flt.limit)}" if flt.limit else ""
    return store.query(
        "SELECT e.*, d.url AS doc_url, d.title AS doc_title, d.source AS doc_source, d.date AS doc_date,"
        " d.ingested_at AS doc_added, length(d.text) AS doc_length, s.kind AS sentence_kind,"
        " s.paragraph AS sentence_paragraph, s.start_char AS sentence_start,"
        " g.first_event, g.num_mentions, g.num_sources, g.num_articles"
        f" FROM (SELECT * FROM events{where}) e LEFT JOIN documents d ON d.id = e.doc"
        " LEFT JOIN sentences s ON s.doc = e.doc AND s.idx = e.sentence"
        " LEFT JOIN event_keys k ON k.event = e.id LEFT JOIN event_groups g ON g.group_id = k.group_id"
        f" ORDER BY e.date, e.doc, e.sentence, e.id{limit}",
        params,
    )


def event_day(row: dict[str, Any]) -> date | None:
    """The event's date, else its document's, else the day it was stored: GDELT and ICEWS need one."""
    added = row.get("doc_added")
    return row["date"] or row.get("doc_date") or (added.date() if isinstance(added, datetime) else None)


def event_place(row: dict[str, Any]) -> Place | None:
    name = row["location_name"]
    if name is None:
        return None
    country = default_knowledge().country(row["location_country"]) if row["location_country"] else None
    lat, lon = row["location_lat"], row["location_lon"]
    level = country is not None and name == country.name and (lat, lon) == (country.lat, country.lon)
    return Place(name, country, lat, lon, level)


def country_name(iso3: str | None) -> str | None:
    country = default_knowledge().country(iso3) if iso3 else None
    return country.name if country else None


def domain(url: str | None) -> str | None:
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def span_text(row: dict[str, Any], prefix: str) -> str | None:
    start = row[f"{prefix}_start"]
    return None if start is None else row["text"][start : row[f"{prefix}_end"]]


def document_offset(row: dict[str, Any], prefix: str) -> int | None:
    """A span's offset in the document: the sentence's start plus the span's start in the sentence."""
    start, base = row[f"{prefix}_start"], row.get("sentence_start")
    return None if start is None or base is None else base + start


def coder() -> str:
    return f"eventwire {version('eventwire')}"


def tsv_line(values: Iterable[Any]) -> str:
    """One tab-separated line, GDELT- and ICEWS-style: no quoting, so tabs and newlines become spaces."""
    return "\t".join("" if v is None else " ".join(str(v).split()) for v in values) + "\n"


def icews_row(row: dict[str, Any]) -> tuple[Any, ...]:
    """One event as an ICEWS coded-event row, in ICEWS_COLUMNS order."""
    kb = default_knowledge()
    place = event_place(row)
    day = event_day(row)
    source = parse_actor_code(row["source_code"], row["source_country"], row["source_sector"])
    target = parse_actor_code(row["target_code"], row["target_country"], row["target_sector"])
    return (
        numeric_id(row["id"]),
        day.isoformat() if day else None,
        row["source_name"],
        sector_names(source),
        country_name(row["source_country"]),
        kb.cameo[row["cameo"]].name if row["cameo"] in kb.cameo else None,
        row["cameo"],
        row["goldstein"],
        row["target_name"],
        sector_names(target),
        country_name(row["target_country"]),
        row["doc"],
        row["sentence"] + 1,
        domain(row.get("doc_url")),
        place.name if place and not place.country_level else None,
        None,
        None,
        place.country.name if place and place.country else None,
        place.lat if place else None,
        place.lon if place else None,
    )


def write_icews(rows: list[dict[str, Any]], out: Path) -> None:
    with out.open("w", encoding="utf-8", newline="") as fh:
        fh.write(tsv_line(ICEWS_COLUMNS))
        for row in rows:
            fh.write(tsv_line(icews_row(row)))


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def plover_actor(row: dict[str, Any], prefix: str) -> dict[str, Any] | None:
    """A PLOVER actor object: `code` is the top-level code (country or IGO/NGO), `sector` the type."""
    code, country = row[f"{prefix}_code"], row[f"{prefix}_country"]
    name = row[f"{prefix}_name"]
    if code is None and name is None:
        return None
    types = parse_actor_code(code, country, row[f"{prefix}_sector"]).types
    return {
        "code": country or (code[:3] if code else None),
        "sector": row[f"{prefix}_sector"] or (types[-1] if types else None),
        "actor_text": span_text(row, prefix),
        "identifier_text": name,
        "name": name,
        "country": country,
        "country_name": country_name(country),
        "cameo_code": code,
    }


def plover_place(place: Place | None) -> dict[str, Any] | None:
    """A PLOVER location object: geonames field names, plus `lat`, `lon` and `country` (ISO3)."""
    if place is None:
        return None
    iso3 = place.country.iso3 if place.country else None
    return {
        "name": place.name,
        "latitude": place.lat,
        "longitude": place.lon,
        "feature class": "A" if place.country_level else "P",
        "feature code": "PCLI" if place.country_level else "PPL",
        "country code": place.country.iso2 if place.country else None,
        "cc3": iso3,
        "lat": place.lat,
        "lon": place.lon,
        "country": iso3,
        "country_name": place.country.name if place.country else None,
    }


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    """One event as a PLOVER JSON record (field names of the PLOVER manual; null where unknown).

    `source` is the manual's name for the acting side and `actor` the name later PLOVER
    data sets use; both hold the same list.
    """
    day: date | None = row["date"]
    actors = [a for a in (plover_actor(row, "source"),) if a]
    added = row.get("doc_added")
    start = row.get("sentence_start")
    return {
        "id": row["id"],
        "has_event": row["plover"] is not None,
        "date": _iso(day),
        "year": day.year if day else None,
        "month": day.month if day else None,
        "day": day.day if day else None,
        "enddate": _iso(row["date_end"]),
        "source": actors,
        "actor": actors,
        "recipient": [a for a in (plover_actor(row, "target"),) if a],
        "event": [row["plover"]] if row["plover"] else [],
        "mode": row["plover_mode"],
        "context": [c for c in (row.get("contexts") or "").split("|") if c] or None,
        "quad_code": row["quad_class"],
        "event_scale": row["goldstein"],
        "event_loc": plover_place(event_place(row)),
        "event_text": [t for t in (span_text(row, "verb"),) if t],
        "text": row["text"],
        "text_info": {
            "sequence": row["sentence"] + 1,
            "start": start,
            "end": None if start is None else start + len(row["text"]),
        },
        "cite_info": {
            "citation": row.get("doc_source"),
            "url": row.get("doc_url"),
            "title": row.get("doc_title"),
            "language": "en",
            "publication": domain(row.get("doc_url")),
            "coder": coder(),
            "codebook": CODEBOOK,
        },
        "coder": coder(),
        "coded_date": _iso(added.date()) if isinstance(added, datetime) else None,
        "cameo": row["cameo"],
        "modality": row["modality"],
        "rule": row["rule"],
        "doc": row["doc"],
    }


def write_plover(rows: list[dict[str, Any]], out: Path) -> None:
    with out.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(plover_record(row), ensure_ascii=False, default=str) + "\n")
