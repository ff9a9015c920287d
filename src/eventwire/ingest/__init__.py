"""Reading inputs into RawDocuments: files and folders of plain text or HTML.

A bad input raises InputError with the path and the reason; callers report it on one
line and go on with the rest.
"""

from .files import expand_paths, read_file, read_text

__all__ = ["expand_paths", "read_file", "read_text"]
