"""How the service reaches the DuckDB file: read-only per request, a writer only for a moment.

DuckDB lets many processes open a file read-only, or one process open it read-write,
never both; and inside one process every connection to a file must be opened the same
way. So the service holds no connection between requests: each query opens the store
read-only and closes it, and a write (`POST /api/v1/code` with `store: true`) waits
until no query of this process has the file open, opens it read-write, stores the
document and closes it. While no request runs, `eventwire ingest` can write the same
file; while it runs, requests get 503 (the store is busy) instead of waiting.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..store import Store


class StoreAccess:
    """Opens the store for one request: shared read-only access, or the one writer."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._readers = 0
        self._writing = False
        self._writers_waiting = 0  # a waiting writer holds back new readers, so writes are not starved
        self._changed = threading.Condition()

    @contextmanager
    def reader(self) -> Iterator[Store]:
        with self._changed:
            self._changed.wait_for(lambda: not self._writing and not self._writers_waiting)
            self._readers += 1
        try:
            with Store(self.path, read_only=True) as store:
                yield store
        finally:
            with self._changed:
                self._readers -= 1
                self._changed.notify_all()

    @contextmanager
    def writer(self) -> Iterator[Store]:
        with self._changed:
            self._writers_waiting += 1
            self._changed.wait_for(lambda: not self._writing and self._readers == 0)
            self._writers_waiting -= 1
            self._writing = True
        try:
            with Store(self.path) as store:
                yield store
        finally:
            with self._changed:
                self._writing = False
                self._changed.notify_all()
