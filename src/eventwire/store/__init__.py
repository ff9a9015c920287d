"""Storing coded documents (DuckDB) and writing them out (Parquet, CSV, JSONL)."""

from .database import EventFilter, Store
from .export import EXPORT_FORMATS, export

__all__ = ["EXPORT_FORMATS", "EventFilter", "Store", "export"]
