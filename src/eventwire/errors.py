"""eventwire's own exceptions.

    EventwireError                 every error eventwire raises on purpose
    ├── InputError                 one input (file, record, text) cannot be coded
    │   └── RecordError            one record inside a corpus file (WARC record, JSONL line, feed entry)
    ├── DictionaryError            a knowledge file is malformed (file, line, reason)
    ├── StoreError                 the store cannot be opened or written
    └── GoldError                  a gold file for `eventwire eval` is malformed

Each message is one line a user can act on: what, where, why, and the fix when there
is one. Errors of dependencies are translated into these at the boundary.
"""

from __future__ import annotations


class EventwireError(Exception):
    """Base of every error eventwire raises on purpose."""


class InputError(EventwireError):
    """An input that cannot be coded; the run goes on with the others."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class RecordError(InputError):
    """One record of a multi-record input; `place` says where (a line, a byte offset, an entry)."""

    def __init__(self, path: str, place: str, reason: str) -> None:
        super().__init__(f"{path} ({place})", reason)
        self.path = path
        self.place = place


class DictionaryError(EventwireError):
    """A knowledge file that cannot be loaded; names the file and line."""

    def __init__(self, path: str, line: int | None, reason: str) -> None:
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {reason}")
        self.path = path
        self.line = line
        self.reason = reason


class StoreError(EventwireError):
    """The store cannot be opened, read or written."""


class GoldError(EventwireError):
    """A gold file for evaluation is malformed; names the file and line."""
