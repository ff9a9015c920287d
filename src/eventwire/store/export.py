"""Writing stored events and quotes out: Parquet, CSV (flat rows), JSONL (nested), and GDELT,
PLOVER and ICEWS files for tools that read those (events only)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..serialize import event_json, quote_json
from .database import EventFilter, Store
from .formats import export_rows, write_icews, write_plover
from .gdelt import write_gdelt

EXPORT_FORMATS = ("parquet", "csv", "jsonl", "gdelt", "plover", "icews")
EVENT_ONLY_FORMATS: dict[str, Callable[[list[dict[str, Any]], Path], object]] = {
    "gdelt": write_gdelt,
    "plover": write_plover,
    "icews": write_icews,
}
DEFAULT_NAMES = {"gdelt": "events.export.CSV", "plover": "events.plover.jsonl", "icews": "events.icews.tsv"}


def default_export_path(fmt: str, what: str) -> Path:
    return Path(DEFAULT_NAMES.get(fmt, f"{what}.{fmt}"))


def export(store: Store, fmt: str, out: Path, flt: EventFilter | None = None, what: str = "events") -> int:
    """Write the stored events (or quotes) to `out` in `fmt`; returns the number of rows.

    `gdelt` also writes the Mentions table beside `out` (`gdelt.mentions_path`).
    """
    if fmt in EVENT_ONLY_FORMATS:
        if what != "events":
            raise ValueError(f"{fmt} export writes events only")
        event_rows = export_rows(store, flt)
        EVENT_ONLY_FORMATS[fmt](event_rows, out)
        return len(event_rows)
    rows = store.events(flt) if what == "events" else store.quotes()
    if fmt == "jsonl":
        to_json = event_json if what == "events" else quote_json
        with out.open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(to_json(row), ensure_ascii=False, default=str) + "\n")
        return len(rows)
    import pyarrow as pa

    table = pa.Table.from_pylist(rows)
    if fmt == "parquet":
        import pyarrow.parquet as pq

        pq.write_table(table, out)
    else:
        import pyarrow.csv as pacsv

        pacsv.write_csv(table, out)
    return len(rows)
