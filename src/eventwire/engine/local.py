"""The local engine: inputs streamed through the pipeline, coded here or in a pool of processes.

One process reads the inputs, drops what is already stored (a URL or a cleaned text seen
before) and is the only writer of the store. The coding itself (parse, actors, quotes,
events, and the MinHash signature) runs in that process or, with several workers, in
worker processes that each hold a loaded pipeline and send the coded documents back;
the writer takes them in input order and puts each in its near-duplicate story, so the
stories do not depend on which worker finished first. At most two chunks per worker are
in flight, so memory stays the same however large the corpus. Each coded chunk is stored in one transaction with its
documents' URLs and stories, all of it or none of it: a run killed at any point is
resumed by running it again. The writer looks inputs up in the store a group at a time
(one query per group, not one per input): its time is taken from the coding workers.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from itertools import chain, islice
from multiprocessing import get_context
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from ..clean import clean
from ..dedup import StoryIndex, signature
from ..errors import InputError, RecordError
from ..ingest import read_inputs
from ..ingest.feeds import read_feed_list
from ..nlp import parse_documents
from ..pipeline import Pipeline, Result, Skipped
from ..records import CodedDocument, Document, RawDocument
from ..settings import Settings
from ..store import Store

CHUNK_SIZE = 32  # documents per task sent to a worker, and per transaction
INTAKE_GROUP = 64  # inputs looked up in the store with one query
ENGINES = ("local", "dask")
Coded = tuple[CodedDocument, np.ndarray]  # a coded document and its MinHash signature
Coder = Callable[[Iterator[Document]], Iterator[list[Coded]]]
T = TypeVar("T")


@dataclass
class IngestSummary:
    stored: int = 0
    skipped: int = 0
    events: int = 0
    quotes: int = 0
    failures: list[InputError] = field(default_factory=list)


def code_paths(
    paths: Iterable[Path | str], pipeline: Pipeline, publication_date: date | None = None
) -> Iterator[Result]:
    """Code files, folders, feeds and corpora without storing anything."""
    settings = pipeline.settings
    yield from pipeline.code(read_inputs(paths, settings.max_bytes, publication_date, settings.fetch_timeout))


def code_documents(pipeline: Pipeline, documents: Iterable[Document]) -> Iterator[Coded]:
    """Parse, code and sign cleaned documents (the part of the pipeline that workers run)."""
    nlp, proper_words = pipeline.nlp, pipeline.index.proper_words
    for parsed in parse_documents(documents, nlp, proper_words, pipeline.settings.batch_size):
        yield signed(pipeline.code_parsed(parsed))


def signed(coded: CodedDocument) -> Coded:
    """A coded document with the MinHash signature of its body, which puts it in its story."""
    return coded, signature(coded.document.text).hashvalues


@cache
def _worker_pipeline(settings: Settings) -> Pipeline:
    return Pipeline(settings)


def code_chunk(settings: Settings, documents: list[Document]) -> list[Coded]:
    """A worker's task: code a chunk of documents with this process's pipeline (loaded once)."""
    return list(code_documents(_worker_pipeline(settings), documents))


def chunks(items: Iterator[T], size: int) -> Iterator[list[T]]:
    while chunk := list(islice(items, size)):
        yield chunk


def run_bounded(
    executor: Executor, settings: Settings, work: Iterable[list[Document]], limit: int
) -> Iterator[list[Coded]]:
    """Submit chunks to `executor` with at most `limit` in flight, yielding their results in order."""
    running: deque[Future[list[Coded]]] = deque()
    for chunk in work:
        running.append(executor.submit(code_chunk, settings, chunk))
        if len(running) >= limit:
            yield running.popleft().result()
    while running:
        yield running.popleft().result()


def in_process(pipeline: Pipeline, chunk_size: int = CHUNK_SIZE) -> Coder:
    """Code in this process with `pipeline`, yielding chunks of `chunk_size` coded documents."""
    return lambda documents: chunks(code_documents(pipeline, documents), chunk_size)


def process_pool(pipeline: Pipeline, workers: int, chunk_size: int = CHUNK_SIZE) -> Coder:
    """Code in `workers` processes; with less than a chunk of work per worker, in this process."""

    def run(documents: Iterator[Document]) -> Iterator[list[Coded]]:
        work = chunks(documents, chunk_size)
        first = list(islice(work, workers))
        if workers < 2 or len(first) < workers:
            yield from in_process(pipeline, chunk_size)(chain.from_iterable(chain(first, work)))
            return
        context = get_context("spawn")  # a fork would copy the open store and the parent's threads
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            yield from run_bounded(pool, pipeline.settings, chain(first, work), 2 * workers)

    return run


class Intake:
    """The writing process's view of a run: what is stored, what is in flight, which story is whose."""

    def __init__(self, store: Store, pipeline: Pipeline, on_result: Callable[[Result], None] | None) -> None:
        self.store = store
        self.kb = pipeline.kb
        self.on_result = on_result or (lambda result: None)
        self.summary = IngestSummary()
        self.stories = StoryIndex(pipeline.settings.near_duplicate).load(store.story_rows())
        self.in_flight: dict[str, list[dict[str, Any]]] = {}  # document -> the URL rows of its inputs
        self.written: set[str] = set()  # documents stored since the current group was looked up

    def documents(self, raws: Iterable[RawDocument | InputError]) -> Iterator[Document]:
        """The new documents among the inputs; failures and already-stored ones are recorded."""
        for group in chunks(iter(raws), INTAKE_GROUP):
            yield from self._new_documents(group)

    def _new_documents(self, group: list[RawDocument | InputError]) -> Iterator[Document]:
        """The new documents of a group of inputs, looked up in the store with one query per kind of key."""
        raws = {i: raw for i, raw in enumerate(group) if isinstance(raw, RawDocument)}
        known = self.store.url_documents([raw.url for raw in raws.values() if raw.url])
        cleaned = {i: clean(raw, self.kb) for i, raw in raws.items() if raw.url not in known}
        self.written.clear()
        stored = self.store.stored([document.id for document in cleaned.values()])
        for i, raw in enumerate(group):
            if isinstance(raw, InputError):
                self.fail(raw)
                continue
            if raw.url in known:
                self.seen_again(known[raw.url], raw, known)
                continue
            document = cleaned[i]
            if not document.paragraphs and not document.title:
                self.fail(InputError(raw.source, "no article text left after removing page chrome"))
                continue
            if document.id in self.in_flight:
                self.in_flight[document.id].append(_url_row(document.id, raw))
                self.skip(raw.source, document.id)
            elif document.id in stored or document.id in self.written:
                self.seen_again(document.id, raw, known)
            else:
                self.in_flight[document.id] = [_url_row(document.id, raw)]
                yield document

    def seen_again(self, doc: str, raw: RawDocument, known: dict[str, str]) -> None:
        """A stored document met again: remember where, once."""
        self.store.add_url(doc, raw.url, raw.source, raw.fetched)
        if raw.url:
            known[raw.url] = doc
        self.skip(raw.source, doc)

    def write(self, chunk: list[Coded]) -> None:
        """Store a chunk of coded documents, with their URLs and stories, in one transaction."""
        items = []
        for c, values in chunk:
            story = self.stories.assign(c.document.id, values)
            story_row = {"doc": c.document.id, "story": story, "minhash": values.tolist()}
            items.append((c, {"document_urls": self.in_flight.pop(c.document.id, []), "stories": [story_row]}))
        new = self.store.add_batch(items)
        self.written |= new
        for c, _ in chunk:
            if c.document.id in new:
                self.summary.stored += 1
                self.summary.events += len(c.events)
                self.summary.quotes += len(c.quotes)
            else:
                self.summary.skipped += 1
            self.on_result(c)

    def fail(self, error: InputError) -> None:
        self.summary.failures.append(error)
        if isinstance(error, RecordError):
            self.store.add_failure(error.path, error.place, error.reason)
        else:
            self.store.add_failure(error.source, None, error.reason)
        self.on_result(error)

    def skip(self, source: str, doc: str) -> None:
        self.summary.skipped += 1
        self.on_result(Skipped(source, doc))


def _url_row(doc: str, raw: RawDocument) -> dict[str, Any]:
    return {"doc": doc, "url": raw.url, "source": raw.source, "fetched": raw.fetched}


def ingest_paths(
    paths: Iterable[Path | str],
    store: Store,
    pipeline: Pipeline,
    publication_date: date | None = None,
    on_result: Callable[[Result], None] | None = None,
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    chunk_size: int = CHUNK_SIZE,
) -> IngestSummary:
    """Code and store inputs, skipping those already stored; one transaction per chunk of documents.

    `engine` "dask" codes on a Dask cluster (`scheduler` address, or a local cluster of
    `workers` processes). Workers get `chunk_size` documents per task, and each coded
    chunk is stored in one transaction.
    """
    if engine == "dask":
        from .dask import dask_coder

        coder = dask_coder(pipeline.settings, workers, scheduler, chunk_size)
    else:
        coder = process_pool(pipeline, workers, chunk_size)
    intake = Intake(store, pipeline, on_result)
    settings = pipeline.settings

    def known_url(url: str) -> bool:
        return store.url_document(url) is not None

    raws = read_inputs(paths, settings.max_bytes, publication_date, settings.fetch_timeout, known_url)
    for coded in coder(intake.documents(raws)):
        intake.write(coded)
    return intake.summary


def watch_feeds(
    feeds: Path,
    store: Store,
    pipeline: Pipeline,
    every: float,
    once: bool = False,
    on_result: Callable[[Result], None] | None = None,
    on_poll: Callable[[IngestSummary], None] | None = None,
) -> None:
    """Poll the feeds listed in `feeds` every `every` seconds, coding only new articles.

    The list is read again at each poll, so feeds can be added while it runs; a feed
    that is down or malformed is a failure of that poll, not the end of the watch.
    """
    while True:
        summary = ingest_paths(read_feed_list(feeds), store, pipeline, on_result=on_result)
        if on_poll is not None:
            on_poll(summary)
        if once:
            return
        time.sleep(every)
