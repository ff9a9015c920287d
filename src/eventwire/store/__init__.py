"""Storing coded documents (DuckDB), writing them out (Parquet, CSV, JSONL, GDELT, PLOVER, ICEWS)
and loading other systems' event files (GDELT) beside them."""

from .database import EventFilter, Store
from .export import EXPORT_FORMATS, default_export_path, export
from .external import ImportSummary, import_gdelt, read_gdelt

__all__ = [
    "EXPORT_FORMATS",
    "EventFilter",
    "ImportSummary",
    "Store",
    "default_export_path",
    "export",
    "import_gdelt",
    "read_gdelt",
]
