"""Reading inputs into RawDocuments: text and HTML pages, feeds, WARC files and JSONL dumps.

A bad input raises InputError with the path and the reason; callers report it on one
line and go on with the rest.
"""

from .detect import read_inputs, sniff
from .files import expand_paths, read_file, read_text

__all__ = ["expand_paths", "read_file", "read_inputs", "read_text", "sniff"]
