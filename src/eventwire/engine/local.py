"""The local engine: one process, inputs streamed through the pipeline in batches."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..errors import InputError
from ..ingest import expand_paths, read_file
from ..pipeline import Pipeline, Result, Skipped
from ..records import CodedDocument, RawDocument
from ..store import Store


@dataclass
class IngestSummary:
    stored: int = 0
    skipped: int = 0
    events: int = 0
    quotes: int = 0
    failures: list[InputError] = field(default_factory=list)


def read_inputs(
    paths: Iterable[Path], max_bytes: int, publication_date: date | None
) -> Iterator[RawDocument | InputError]:
    """Each input file read, or the reason it cannot be."""
    for path in expand_paths(paths):
        try:
            yield read_file(path, max_bytes, publication_date)
        except InputError as exc:
            yield exc


def code_paths(paths: Iterable[Path], pipeline: Pipeline, publication_date: date | None = None) -> Iterator[Result]:
    """Code files and folders without storing anything."""
    yield from pipeline.code(read_inputs(paths, pipeline.settings.max_bytes, publication_date))


def ingest_paths(
    paths: Iterable[Path],
    store: Store,
    pipeline: Pipeline,
    publication_date: date | None = None,
    on_result: Callable[[Result], None] | None = None,
) -> IngestSummary:
    """Code and store inputs, one transaction per document, skipping those already stored."""
    summary = IngestSummary()
    raws = read_inputs(paths, pipeline.settings.max_bytes, publication_date)
    for result in pipeline.code(raws, skip=store.has):
        if isinstance(result, InputError):
            summary.failures.append(result)
        elif isinstance(result, Skipped):
            summary.skipped += 1
        elif isinstance(result, CodedDocument):
            if store.add(result):
                summary.stored += 1
                summary.events += len(result.events)
                summary.quotes += len(result.quotes)
            else:
                summary.skipped += 1
        if on_result is not None:
            on_result(result)
    return summary
