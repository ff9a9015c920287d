"""Plain-text and HTML files, checked before anything is coded."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

from ..errors import InputError
from ..records import RawDocument
from .html import extract_html, looks_like_html

TEXT_SUFFIXES = {".txt", ".text", ".html", ".htm", ".xhtml", ""}
# corpus files found in folders; what they are is then told by their content (ingest/detect.py)
CORPUS_SUFFIXES = {".warc", ".gz", ".jsonl", ".json", ".xml", ".rss", ".atom"}
NAME_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})")


def expand_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Files named directly, and the text/HTML files inside folders named (sorted).

    A folder given directly is expanded; a path that is neither file nor folder is
    yielded as is so that `read_file` reports it.
    """
    for path in paths:
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in TEXT_SUFFIXES | CORPUS_SUFFIXES
                and not p.name.startswith(".")
                and p.name.lower() != "readme.md"
            )
            if not found:
                yield path
            yield from found
        else:
            yield path


def read_file(path: Path, max_bytes: int, publication_date: date | None = None) -> RawDocument:
    """Read one input file, refusing what cannot be news text."""
    name = str(path)
    if path.is_dir():
        raise InputError(name, "is a directory with no .txt or .html files in it")
    if not path.exists():
        raise InputError(name, "no such file")
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(
            name, f"file is {size} bytes, over the limit of {max_bytes} (set EVENTWIRE_MAX_BYTES to raise it)"
        )
    raw = read_text(name, path.read_bytes(), publication_date)
    return raw if raw.metadata_date else replace(raw, metadata_date=_date_in_name(path))


def _date_in_name(path: Path) -> date | None:
    """Corpora often name files by date ("2019-03-12-ethiopia-talks.txt"): that is metadata."""
    match = NAME_DATE.match(path.name)
    if match is None:
        return None
    try:
        return date.fromisoformat(match.group(1))
    except ValueError:
        return None


def read_text(source: str, data: bytes | str, publication_date: date | None = None) -> RawDocument:
    """Turn raw bytes or text into a RawDocument, extracting HTML when it is HTML."""
    if isinstance(data, bytes):
        if b"\x00" in data[:8192]:
            raise InputError(source, "binary file (contains NUL bytes), not text or HTML")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(source, f"not UTF-8 text (byte {exc.start}); convert it with iconv -t UTF-8") from exc
    else:
        text = data
    if not text.strip():
        raise InputError(source, "empty: no text to code")
    if looks_like_html(text):
        return extract_html(source, text, publication_date)
    return RawDocument(source=source, text=text, date=publication_date)
