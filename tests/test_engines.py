"""The local engine (one process or a pool), the Dask engine, and a run killed with kill -9 then resumed."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES, ROOT
from eventwire.engine import ingest_paths
from eventwire.store import Store

# country swaps that make new documents from the examples (near-duplicates of them: one story each)
SWAPS = [
    ("Ethiopia", "Kenya"),
    ("Sudan", "Uganda"),
    ("Saudi", "Omani"),
    ("Houthi", "Huthi"),
    ("Nicaragua", "Honduras"),
    ("Britain", "Canada"),
    ("Philippines", "Indonesia"),
    ("Vietnam", "Malaysia"),
]
SNAPSHOT = {
    "documents": "SELECT * EXCLUDE (ingested_at) FROM documents ORDER BY id",
    "sentences": "SELECT * FROM sentences ORDER BY doc, idx",
    "events": "SELECT * FROM events ORDER BY id",
    "quotes": "SELECT * FROM quotes ORDER BY id",
    "actors": "SELECT * FROM actors ORDER BY ALL",
    "stories": "SELECT * FROM stories ORDER BY doc",
    "document_urls": "SELECT doc, url, source FROM document_urls ORDER BY ALL",
}
RUNNER = """
import sys
from eventwire.engine import ingest_paths
from eventwire.pipeline import Pipeline
from eventwire.records import CodedDocument
from eventwire.store import Store


def report(result):
    if isinstance(result, CodedDocument):
        print("stored", result.document.id, flush=True)


if __name__ == "__main__":
    with Store(sys.argv[1]) as store:
        ingest_paths(sys.argv[2:], store, Pipeline(), on_result=report, workers=2, chunk_size=1)
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The four example articles and four variants of them in a JSONL dump."""
    folder = tmp_path_factory.mktemp("corpus")
    variants = []
    for number, path in enumerate(sorted(EXAMPLES.glob("*.txt"))):
        text = path.read_text(encoding="utf-8")
        (folder / path.name).write_text(text)
        for old, new in SWAPS:
            text = text.replace(old, new)
        variants.append({"id": f"v{number}", "text": text.replace("20", "19"), "url": f"https://v{number}.example/"})
    (folder / "variants.jsonl").write_text("".join(json.dumps(v) + "\n" for v in variants))
    return folder


def snapshot(db: Path) -> dict[str, list[dict[str, Any]]]:
    with Store(db, read_only=True) as store:
        return {table: store.query(sql) for table, sql in SNAPSHOT.items()}


@pytest.fixture(scope="module")
def clean_run(corpus, pipeline, tmp_path_factory) -> dict[str, list[dict[str, Any]]]:
    db = tmp_path_factory.mktemp("clean") / "clean.duckdb"
    with Store(db) as store:
        summary = ingest_paths([corpus], store, pipeline, chunk_size=3)  # several chunks, one process
    assert summary.stored == 8 and not summary.failures
    with Store(db, read_only=True) as store:
        assert store.query("SELECT count(DISTINCT story) AS n FROM stories")[0]["n"] == 4
    return snapshot(db)


def test_dask_engine_stores_exactly_what_the_local_engine_stores(corpus, pipeline, clean_run, tmp_path):
    db = tmp_path / "dask.duckdb"
    with Store(db) as store:
        summary = ingest_paths([corpus], store, pipeline, workers=2, engine="dask", chunk_size=2)
    assert summary.stored == 8
    assert snapshot(db) == clean_run


def test_a_run_killed_mid_way_resumes_without_loss_or_duplicates(corpus, pipeline, clean_run, tmp_path):
    db = tmp_path / "killed.duckdb"
    script = tmp_path / "run.py"
    script.write_text(RUNNER)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    process = subprocess.Popen(
        [sys.executable, str(script), str(db), str(corpus)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
        start_new_session=True,  # its own process group: the worker processes die with it
    )
    assert process.stdout is not None
    stored = [process.stdout.readline() for _ in range(2)]
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    process.stdout.close()
    assert all(line.startswith("stored") for line in stored)
    partial = snapshot(db)
    assert 2 <= len(partial["documents"]) < 8
    with Store(db) as store:
        summary = ingest_paths([corpus], store, pipeline)
    assert summary.stored == 8 - len(partial["documents"]) and summary.skipped == len(partial["documents"])
    assert snapshot(db) == clean_run


@pytest.fixture
def dask_cluster(tmp_path) -> Iterator[str]:
    """A `dask scheduler` on a free port of 127.0.0.1 and two single-threaded `dask worker` processes."""
    from distributed import Client

    dask = str(Path(sys.executable).parent / "dask")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    address_file = tmp_path / "scheduler.json"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "env": env, "cwd": tmp_path}
    scheduler = subprocess.Popen(
        [dask, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard", "--scheduler-file", address_file],
        **quiet,
    )
    processes = [scheduler]
    try:
        for _ in range(100):
            if address_file.exists() and address_file.stat().st_size:
                break
            time.sleep(0.1)
        address = json.loads(address_file.read_text())["address"]
        for _ in range(2):
            worker = [dask, "worker", address, "--nthreads", "1", "--no-dashboard", "--local-directory", tmp_path]
            processes.append(subprocess.Popen(worker, **quiet))
        with Client(address, timeout=30) as client:
            client.wait_for_workers(2, timeout=30)
        yield address
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def test_dask_engine_on_a_separate_scheduler_stores_what_the_local_engine_stores(
    corpus, pipeline, clean_run, dask_cluster, tmp_path
):
    from distributed import Client

    db = tmp_path / "remote.duckdb"
    with Store(db) as store:
        summary = ingest_paths([corpus], store, pipeline, engine="dask", scheduler=dask_cluster, chunk_size=2)
    assert summary.stored == 8 and not summary.failures
    assert snapshot(db) == clean_run
    with Client(dask_cluster, timeout=30) as client:  # both workers coded, each with one pipeline loaded once
        loaded = client.run(
            lambda: __import__("eventwire.engine.local", fromlist=["local"])._worker_pipeline.cache_info()
        )
    assert [info.currsize for info in loaded.values()] == [1, 1]
