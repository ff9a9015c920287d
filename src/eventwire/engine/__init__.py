"""Running the pipeline over many inputs: reading, coding (here, in worker processes or on Dask), storing."""

from .local import ENGINES, IngestSummary, code_paths, ingest_paths, read_inputs, watch_feeds

__all__ = ["ENGINES", "IngestSummary", "code_paths", "ingest_paths", "read_inputs", "watch_feeds"]
