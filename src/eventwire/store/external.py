"""Other systems' event files in the store: GDELT 1.0 and 2.0 event files into `external_events`.

Their events stay apart from ours (the `events` table holds only what eventwire coded):
one row per (source_system, event_id), so importing a file again adds nothing. A bad
line (wrong column count, bad date) or a broken zip is reported with its file and line
and the rest of the file is still loaded, one transaction per file.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from ..errors import InputError, StoreError
from ..knowledge import default_knowledge
from .database import Store
from .gdelt import parse_event_line

GDELT = "gdelt"
EXTERNAL_COLUMNS = (
    "source_system", "event_id", "format", "file", "line", "date",
    "source_code", "source_name", "source_country", "target_code", "target_name", "target_country",
    "cameo", "cameo_root", "quad_class", "goldstein", "num_mentions", "num_sources", "num_articles", "avg_tone",
    "location_name", "location_country", "location_lat", "location_lon", "url", "date_added", "record",
)  # fmt: skip
BATCH_ROWS = 10_000


@dataclass(frozen=True)
class GdeltEvent:
    """One line of a GDELT event file: where it was, its format and its values by GDELT column name."""

    file: str
    line: int
    format: str
    record: dict[str, Any]


@dataclass
class ImportSummary:
    loaded: int = 0
    already: int = 0
    failures: list[InputError] = field(default_factory=list)


def _lines(path: Path) -> Iterator[tuple[int, bytes]]:
    """Numbered raw lines of a file, or of the one file inside a .zip."""
    if path.suffix.lower() != ".zip":
        with path.open("rb") as fh:
            yield from enumerate(fh, start=1)
        return
    with zipfile.ZipFile(path) as archive:
        members = [m for m in archive.namelist() if not m.endswith("/")]
        if len(members) != 1:
            raise InputError(str(path), f"zip archive holds {len(members)} files, expected one CSV")
        with archive.open(members[0]) as fh:
            yield from enumerate(fh, start=1)


def read_gdelt(path: Path) -> Iterator[GdeltEvent | InputError]:
    """Each event line of a GDELT file (plain or zipped), or the reason a line or the file cannot be read."""
    name = str(path)
    try:
        for number, raw in _lines(path):
            where = f"{name}:{number}"
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield InputError(where, f"not UTF-8 (byte {exc.start})")
                continue
            if not text.strip():
                continue
            try:
                fmt, record = parse_event_line(where, text)
            except InputError as exc:
                yield exc
                continue
            yield GdeltEvent(name, number, fmt, record)
    except InputError as exc:
        yield exc
    except (OSError, zipfile.BadZipFile, EOFError) as exc:
        yield InputError(name, f"cannot read: {exc}")


def external_row(event: GdeltEvent, fips_to_iso3: dict[str, str]) -> dict[str, Any]:
    """A GDELT event as an `external_events` row; the action place's FIPS country becomes ISO3, like ours."""
    r = event.record
    return {
        "source_system": GDELT,
        "event_id": str(r["GLOBALEVENTID"]),
        "format": event.format,
        "file": event.file,
        "line": event.line,
        "date": r["SQLDATE"],
        "source_code": r["Actor1Code"],
        "source_name": r["Actor1Name"],
        "source_country": r["Actor1CountryCode"],
        "target_code": r["Actor2Code"],
        "target_name": r["Actor2Name"],
        "target_country": r["Actor2CountryCode"],
        "cameo": r["EventCode"],
        "cameo_root": r["EventRootCode"],
        "quad_class": r["QuadClass"],
        "goldstein": r["GoldsteinScale"],
        "num_mentions": r["NumMentions"],
        "num_sources": r["NumSources"],
        "num_articles": r["NumArticles"],
        "avg_tone": r["AvgTone"],
        "location_name": r["ActionGeo_FullName"],
        "location_country": fips_to_iso3.get(r["ActionGeo_CountryCode"] or ""),
        "location_lat": r["ActionGeo_Lat"],
        "location_lon": r["ActionGeo_Long"],
        "url": r.get("SOURCEURL"),
        "date_added": r["DATEADDED"],
        "record": json.dumps(r, default=str, ensure_ascii=False),
    }


def import_gdelt(
    paths: Iterable[Path], store: Store, on_error: Callable[[InputError], None] | None = None
) -> ImportSummary:
    """Load GDELT event files into `external_events`; events already there (same GLOBALEVENTID) are skipped."""
    summary = ImportSummary()
    fips_to_iso3 = {c.fips: c.iso3 for c in default_knowledge().countries if c.fips}

    def failed(error: InputError) -> None:
        summary.failures.append(error)
        if on_error is not None:
            on_error(error)

    for path in paths:
        new, total = _load_file(store, path, fips_to_iso3, failed)
        summary.loaded += new
        summary.already += total - new
    return summary


def _load_file(
    store: Store, path: Path, fips_to_iso3: dict[str, str], failed: Callable[[InputError], None]
) -> tuple[int, int]:
    """Stream one file into the store in one transaction, in batches; returns (new rows, rows read)."""
    seen: set[str] = set()
    batch: list[dict[str, Any]] = []
    new = total = 0
    try:
        store.db.execute("BEGIN TRANSACTION")
        for item in read_gdelt(path):
            if isinstance(item, InputError):
                failed(item)
                continue
            row = external_row(item, fips_to_iso3)
            if row["event_id"] not in seen:
                seen.add(row["event_id"])
                batch.append(row)
            if len(batch) == BATCH_ROWS:
                new, total, batch = new + _insert(store, batch), total + len(batch), []
        new, total = new + _insert(store, batch), total + len(batch)
        store.db.execute("COMMIT")
    except duckdb.Error as exc:
        store.db.execute("ROLLBACK")
        raise StoreError(f"{store.path}: cannot store the events of {path}: {exc}") from exc
    return new, total


def _insert(store: Store, rows: list[dict[str, Any]]) -> int:
    """Insert rows not stored yet; returns how many were new."""
    import pyarrow as pa

    if not rows:
        return 0
    columns = ", ".join(EXTERNAL_COLUMNS)
    store.db.register("incoming", pa.Table.from_pylist(rows))
    try:
        result = store.db.execute(f"INSERT OR IGNORE INTO external_events ({columns}) SELECT {columns} FROM incoming")
        return int(result.fetchone()[0])  # type: ignore[index]
    finally:
        store.db.unregister("incoming")
