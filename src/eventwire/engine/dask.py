"""The Dask engine: the same pipeline, coded on a Dask distributed cluster.

The client process reads the inputs, skips what is stored and assigns stories exactly
as the local engine does; workers code chunks of documents (each worker loads the
pipeline once) and send the records back; the client is the one writer and stores
each returned chunk in one transaction. With no scheduler address a LocalCluster of
`workers` single-threaded processes is started. Workers of a remote cluster need
eventwire and the same spaCy model installed (and EVENTWIRE_DATA_DIR, when set, at the
same path): the client's settings travel with every task. A scheduler that cannot be
reached, or has no worker, is an error rather than a run that waits forever.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import nullcontext
from typing import TYPE_CHECKING, Any

from ..errors import EventwireError
from ..records import Document
from ..settings import Settings
from .local import CHUNK_SIZE, Coded, Coder, chunks, run_bounded

if TYPE_CHECKING:
    from distributed import Client

CONNECT_SECONDS = 30  # to reach the scheduler, then again for its first worker
# A LocalCluster's scheduler runs in this process, beside the reader and writer it takes CPU from. Its event
# loop checks its own health every 20 ms by default; once a second keeps the check and halves the CPU the
# scheduler's thread used (0.6 -> 0.3 s per 100 documents at 2 workers). Workers it starts get the setting too.
LOCAL_CLUSTER_CONFIG = {"distributed.admin.tick.interval": "1s"}


def dask_coder(settings: Settings, workers: int, scheduler: str | None = None, chunk_size: int = CHUNK_SIZE) -> Coder:
    """Code on the cluster at `scheduler`, or on a new local cluster of `workers` processes."""

    def run(documents: Iterator[Document]) -> Iterator[list[Coded]]:
        import dask
        from distributed import LocalCluster

        cluster = None
        with dask.config.set(LOCAL_CLUSTER_CONFIG) if scheduler is None else nullcontext():
            if scheduler is None:
                # ":0", not None: None still binds 8787 (dask/distributed#8136) and warns when it is taken
                cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0")
            try:
                with _connect(scheduler or cluster) as client:
                    size = len(client.scheduler_info()["workers"]) or workers
                    executor = client.get_executor(pure=False)
                    yield from run_bounded(executor, settings, chunks(documents, chunk_size), 2 * size)
            finally:
                if cluster is not None:
                    cluster.close()

    return run


def _connect(address: Any) -> Client:
    """A client of the cluster at `address` that has at least one worker."""
    from distributed import Client

    try:
        client = Client(address, timeout=CONNECT_SECONDS)
    except OSError as exc:
        raise EventwireError(f"{address}: cannot connect to the Dask scheduler: {exc}") from None
    try:
        client.wait_for_workers(1, timeout=CONNECT_SECONDS)
    except TimeoutError:
        client.close()
        reason = f"the Dask scheduler has no worker after {CONNECT_SECONDS} s"
        raise EventwireError(f"{address}: {reason}; start one with `dask worker {address}`") from None
    return client
