"""GDELT event files: writing our events as GDELT 2.0 Event and Mentions tables, reading GDELT lines.

The column names, order and types of both tables come from data/gdelt_columns.tsv, for
writing and for reading, so our files and GDELT's are read by the same code. GDELT
codes are strings (EventCode "010" keeps its zero); a value we do not have is an empty
field (AvgTone, Confidence: eventwire measures no tone and no confidence).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from ..errors import DictionaryError, InputError
from ..knowledge import DATA_DIR, read_table
from .formats import (
    Place,
    document_offset,
    domain,
    event_day,
    event_place,
    numeric_id,
    parse_actor_code,
    span_text,
    tsv_line,
)

COLUMN_TYPES = ("INTEGER", "FLOAT", "STRING")
# GDELT's geo types 2 (US state) and 3 (US city) are defined for this FIPS country code.
US_FIPS = "US"


@dataclass(frozen=True)
class GdeltColumn:
    table: str
    name: str
    type: str
    gdelt1: bool


@dataclass(frozen=True)
class Layouts:
    """The column lists of GDELT 2.0 events and mentions, and of GDELT 1.0 events (58 columns)."""

    events: tuple[GdeltColumn, ...]
    mentions: tuple[GdeltColumn, ...]
    events1: tuple[GdeltColumn, ...]

    def for_fields(self, count: int) -> tuple[str, tuple[GdeltColumn, ...]] | None:
        """The format and columns of an event line with `count` fields (GDELT 1.0 lines before April 2013: 57)."""
        by_count = {
            len(self.events): ("gdelt2", self.events),
            len(self.events1): ("gdelt1", self.events1),
            len(self.events1) - 1: ("gdelt1", self.events1[:-1]),
        }
        return by_count.get(count)


def load_layouts(path: Path) -> Layouts:
    """Read gdelt_columns.tsv and check it describes 61 event and 16 mention columns."""
    columns: dict[str, list[GdeltColumn]] = {"events": [], "mentions": []}
    for number, row in read_table(path, ("table", "name", "type", "gdelt1")):
        if row["table"] not in columns or row["type"] not in COLUMN_TYPES or row["gdelt1"] not in {"yes", "no", ""}:
            raise DictionaryError(
                str(path),
                number,
                f"table must be events or mentions, type one of {', '.join(COLUMN_TYPES)}, gdelt1 yes, no or empty",
            )
        columns[row["table"]].append(GdeltColumn(row["table"], row["name"], row["type"], row["gdelt1"] == "yes"))
    events, mentions = tuple(columns["events"]), tuple(columns["mentions"])
    if len(events) != 61 or len(mentions) != 16:
        raise DictionaryError(
            str(path), None, f"expected 61 events and 16 mentions columns, found {len(events)} and {len(mentions)}"
        )
    return Layouts(events, mentions, tuple(c for c in events if c.gdelt1))


@cache
def layouts() -> Layouts:
    """The bundled GDELT layouts, loaded once per process."""
    return load_layouts(DATA_DIR / "gdelt_columns.tsv")


def mentions_path(out: Path) -> Path:
    """The Mentions file beside an Event file: `x.export.CSV` -> `x.mentions.CSV`, else `x.mentions.EXT`."""
    if ".export." in out.name:
        return out.with_name(out.name.replace(".export.", ".mentions.", 1))
    return out.with_name(f"{out.stem}.mentions{out.suffix}")


def _yyyymmdd(day: date) -> int:
    return day.year * 10000 + day.month * 100 + day.day


def _timestamp(moment: datetime | None) -> int | None:
    return int(moment.strftime("%Y%m%d%H%M%S")) if moment else None


def _actor(prefix: str, row: dict[str, Any], role: str) -> dict[str, Any]:
    code, country, name = row[f"{role}_code"], row[f"{role}_country"], row[f"{role}_name"]
    parsed = parse_actor_code(code, country, row[f"{role}_sector"])
    types = [*parsed.types[:3], None, None, None]
    return {
        f"{prefix}Code": code,
        f"{prefix}Name": name.upper() if name else None,
        f"{prefix}CountryCode": country,
        f"{prefix}KnownGroupCode": parsed.known_group,
        f"{prefix}EthnicCode": None,
        f"{prefix}Religion1Code": None,
        f"{prefix}Religion2Code": None,
        f"{prefix}Type1Code": types[0],
        f"{prefix}Type2Code": types[1],
        f"{prefix}Type3Code": types[2],
    }


def _geo(prefix: str, place: Place | None) -> dict[str, Any]:
    """GDELT geo fields; type 1 country, 3 US city, 4 world city (we resolve no states), 0 none."""
    names = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
    if place is None:
        return {f"{prefix}_{n}": 0 if n == "Type" else None for n in names}
    country = place.country
    fips = (country.fips or None) if country else None
    values = (
        1 if place.country_level else 3 if fips == US_FIPS else 4,
        place.name if place.country_level or not country else f"{place.name}, {country.name}",
        fips,
        fips,
        None,
        place.lat,
        place.lon,
        fips if place.country_level else None,
    )
    return {f"{prefix}_{n}": v for n, v in zip(names, values, strict=True)}


def gdelt_event(row: dict[str, Any]) -> dict[str, Any]:
    """One event as a GDELT 2.0 Event record, by column name."""
    day = event_day(row)
    cameo = row["cameo"]
    return {
        "GLOBALEVENTID": numeric_id(row.get("first_event") or row["id"]),
        "SQLDATE": _yyyymmdd(day) if day else None,
        "MonthYear": day.year * 100 + day.month if day else None,
        "Year": day.year if day else None,
        "FractionDate": f"{day.year + day.timetuple().tm_yday / 365:.4f}" if day else None,
        **_actor("Actor1", row, "source"),
        **_actor("Actor2", row, "target"),
        "IsRootEvent": int(row.get("sentence_kind") == "title" or row.get("sentence_paragraph") == 0),
        "EventCode": cameo,
        "EventBaseCode": cameo[:3],
        "EventRootCode": cameo[:2],
        "QuadClass": row["quad_class"],
        "GoldsteinScale": row["goldstein"],
        "NumMentions": row.get("num_mentions") or 1,
        "NumSources": row.get("num_sources") or 1,
        "NumArticles": row.get("num_articles") or 1,
        "AvgTone": None,
        **_geo("Actor1Geo", None),
        **_geo("Actor2Geo", None),
        **_geo("ActionGeo", event_place(row)),
        "DATEADDED": _timestamp(row.get("doc_added")),
        "SOURCEURL": row.get("doc_url") or row.get("doc_source"),
    }


def _in_raw_text(row: dict[str, Any]) -> bool:
    """Whether the source is named in the text as we name it (not a pronoun or a role we resolved)."""
    text, name = (span_text(row, "source") or "").lower(), (row["source_name"] or "").lower()
    return bool(text and name) and (name in text or text in name)


def gdelt_mention(row: dict[str, Any], event: dict[str, Any]) -> dict[str, Any]:
    """The mention of `event` in its document, by column name; offsets are in the document text."""
    url, doc_date = row.get("doc_url"), row.get("doc_date")

    def offset(prefix: str) -> int:
        found = document_offset(row, prefix)
        return -1 if found is None else found

    return {
        "GLOBALEVENTID": event["GLOBALEVENTID"],
        "EventTimeDate": event["DATEADDED"],
        "MentionTimeDate": _yyyymmdd(doc_date) * 1000000 if doc_date else event["DATEADDED"],
        "MentionType": 1 if url else 2,
        "MentionSourceName": domain(url) if url else Path(row.get("doc_source") or "").name or None,
        "MentionIdentifier": url or row.get("doc_source"),
        "SentenceID": row["sentence"] + 1,
        "Actor1CharOffset": offset("source"),
        "Actor2CharOffset": offset("target"),
        "ActionCharOffset": offset("verb"),
        "InRawText": int(_in_raw_text(row)),
        "Confidence": None,
        "MentionDocLen": row.get("doc_length"),
        "MentionDocTone": None,
        "MentionDocTranslationInfo": None,
        "Extras": f"<EVENTWIRE_ID>{row['id']}</EVENTWIRE_ID>",
    }


def write_gdelt(rows: list[dict[str, Any]], out: Path) -> Path:
    """Write the Event table to `out` and the Mentions table beside it; returns the Mentions path.

    Mentions of the same event (`event_groups`) share the GLOBALEVENTID of their first mention,
    which alone is written to the Event table with the group's NumMentions/NumSources/NumArticles.
    """
    spec = layouts()
    mentions = mentions_path(out)
    with out.open("w", encoding="utf-8", newline="") as events_fh, mentions.open("w", encoding="utf-8") as m_fh:
        for row in rows:
            # GDELT's meaning: one Event record per event, one Mentions record per report of it
            event = gdelt_event(row)
            if row.get("first_event") in (None, row["id"]):
                events_fh.write(tsv_line(event[c.name] for c in spec.events))
            mention = gdelt_mention(row, event)
            m_fh.write(tsv_line(mention[c.name] for c in spec.mentions))
    return mentions


def _value(column: GdeltColumn, text: str) -> Any:
    if text == "" or column.type == "STRING":
        return text or None
    return int(text) if column.type == "INTEGER" else float(text)


def parse_event_line(where: str, line: str) -> tuple[str, dict[str, Any]]:
    """A GDELT 1.0 or 2.0 event line as (format, {column: value}); InputError(`where`, reason) when bad."""
    fields = line.rstrip("\r\n").split("\t")
    spec = layouts()
    layout = spec.for_fields(len(fields))
    if layout is None:
        counts = sorted({len(spec.events), len(spec.events1), len(spec.events1) - 1})
        expected = f"{', '.join(map(str, counts[:-1]))} or {counts[-1]}"
        raise InputError(where, f"expected {expected} tab-separated fields, found {len(fields)}")
    fmt, columns = layout
    record: dict[str, Any] = {}
    for column, text in zip(columns, fields, strict=True):
        try:
            record[column.name] = _value(column, text.strip())
        except ValueError:
            raise InputError(where, f"{column.name} is not {column.type.lower()}: {text!r}") from None
    if record["GLOBALEVENTID"] is None:
        raise InputError(where, "no GLOBALEVENTID")
    record["SQLDATE"] = _sqldate(where, record["SQLDATE"])
    return fmt, record


def _sqldate(where: str, value: int | None) -> date:
    try:
        return datetime.strptime(str(value), "%Y%m%d").date()
    except ValueError:
        raise InputError(where, f"SQLDATE is not a YYYYMMDD date: {value!r}") from None
