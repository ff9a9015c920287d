"""Writing stored events and quotes out: Parquet, CSV (flat rows) and JSONL (nested)."""

from __future__ import annotations

import json
from pathlib import Path

from ..serialize import event_json, quote_json
from .database import EventFilter, Store

EXPORT_FORMATS = ("parquet", "csv", "jsonl")


def export(store: Store, fmt: str, out: Path, flt: EventFilter | None = None, what: str = "events") -> int:
    """Write the stored events (or quotes) to `out` in `fmt`; returns the number of rows."""
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
