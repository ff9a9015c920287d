"""Shared fixtures: one real pipeline (real spaCy model, bundled dictionaries) per session."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventwire import CodedDocument, Pipeline

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
SAMPLE = SHARED / "samples" / "voa-china-russia-oppose-north-korea-sanctions.txt"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="session")
def code(pipeline: Pipeline):
    """Code a text with the real pipeline (memoised: tests share parses of the same text)."""
    cache: dict[tuple[str, date | None], CodedDocument] = {}

    def run(text: str, on: date | None = None) -> CodedDocument:
        key = (text, on)
        if key not in cache:
            cache[key] = pipeline.code_text(text, on)
        return cache[key]

    return run


@pytest.fixture(scope="session")
def sample(code) -> CodedDocument:
    if not SAMPLE.is_file():
        pytest.skip("../shared/samples is not beside the project")
    return code(SAMPLE.read_text(encoding="utf-8"), date(2017, 9, 5))


def example_path(stem: str) -> Path:
    return next(EXAMPLES.glob(f"{stem}*.txt"))


@pytest.fixture(scope="session")
def example(code):
    """Code one of the project's example articles with the date in its file name."""

    def run(stem: str) -> CodedDocument:
        path = example_path(stem)
        return code(path.read_text(encoding="utf-8"), date.fromisoformat(path.name[:10]))

    return run


def triples(coded: CodedDocument, modality: str | None = "asserted") -> set[tuple[str | None, str | None, str]]:
    """(source country, target country, CAMEO root) of the events with that modality."""
    return {
        (e.source.country or e.source.code, (e.target.country or e.target.code) if e.target else None, e.cameo[:2])
        for e in coded.events
        if modality is None or e.modality == modality
    }
