"""Running the pipeline over many inputs: reading, coding, storing, reporting failures."""

from .local import IngestSummary, code_paths, ingest_paths, read_inputs

__all__ = ["IngestSummary", "code_paths", "ingest_paths", "read_inputs"]
