"""Every kind of input, told apart by its content: pages, feeds, feed lists, WARC and JSONL.

A path may be a file, a folder (read recursively) or an http(s) URL (a feed or a page).
Extensions do not decide: a WARC file starts with `WARC/` (also inside gzip), a feed
with an `<rss>`, `<feed>` or `<rdf:RDF>` element, a JSONL dump with `{`, and a list of
feeds has one URL per line. Anything else is a text or HTML page.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Literal

from ..errors import InputError
from ..records import RawDocument
from .feeds import fetch, is_url, looks_like_feed, read_feed, read_feed_list
from .files import expand_paths, read_file, read_text
from .jsonl import read_jsonl
from .language import foreign_language
from .warc import read_warc

Kind = Literal["warc", "feed", "feed-list", "jsonl", "page"]
HEAD_BYTES = 4096
GZIP_MAGIC = b"\x1f\x8b"


def sniff(head: bytes) -> Kind:
    """What an input is, from its first bytes (gzip is looked into)."""
    if head.startswith(GZIP_MAGIC):
        try:
            head = zlib.decompressobj(zlib.MAX_WBITS | 16).decompress(head, 64)
        except zlib.error:
            return "page"
    text = head.lstrip(b"\xef\xbb\xbf").lstrip()
    if text.startswith(b"WARC/"):
        return "warc"
    if looks_like_feed(text):
        return "feed"
    if text.startswith(b"{"):
        return "jsonl"
    lines = [line.strip() for line in text.decode("utf-8", errors="replace").splitlines()]
    named = [line for line in lines if line and not line.startswith("#")]
    if named and all(is_url(line) and " " not in line for line in named):
        return "feed-list"
    return "page"


def read_inputs(
    sources: Iterable[str | Path],
    max_bytes: int,
    publication_date: date | None = None,
    fetch_timeout: float = 10.0,
    known_url: Callable[[str], bool] | None = None,
) -> Iterator[RawDocument | InputError]:
    """Every document in the inputs, streamed, or the reason one cannot be read.

    `known_url(url)` true means a feed entry's page is already stored: it is not fetched.
    """
    reader = _Reader(max_bytes, publication_date, fetch_timeout, known_url)
    for source in sources:
        yield from reader.source(source)


@dataclass(frozen=True)
class _Reader:
    max_bytes: int
    publication_date: date | None
    fetch_timeout: float
    known_url: Callable[[str], bool] | None

    def fetch(self, url: str) -> bytes:
        return fetch(url, self.fetch_timeout, self.max_bytes)

    def source(self, source: str | Path) -> Iterator[RawDocument | InputError]:
        if isinstance(source, str) and is_url(source):
            yield from self.url(source)
            return
        for path in expand_paths([Path(source)]):
            yield from self.path(path)

    def path(self, path: Path) -> Iterator[RawDocument | InputError]:
        kind = _sniff_file(path)
        if kind == "warc":
            yield from read_warc(path, self.max_bytes, self.publication_date)
        elif kind == "jsonl":
            yield from read_jsonl(path, self.max_bytes, self.publication_date)
        elif kind == "feed-list":
            for feed in read_feed_list(path):
                yield from self.source(feed)
        elif kind == "feed" and path.stat().st_size <= self.max_bytes:
            yield from read_feed(str(path), path.read_bytes(), self.fetch, self.known_url)
        else:
            try:
                yield _english(read_file(path, self.max_bytes, self.publication_date))
            except InputError as exc:
                yield exc

    def url(self, url: str) -> Iterator[RawDocument | InputError]:
        try:
            body = self.fetch(url)
            if sniff(body[:HEAD_BYTES]) == "feed":
                yield from read_feed(url, body, self.fetch, self.known_url)
            else:
                yield _english(replace(read_text(url, body, self.publication_date), url=url))
        except InputError as exc:
            yield exc


def _sniff_file(path: Path) -> Kind:
    try:
        with path.open("rb") as fh:
            return sniff(fh.read(HEAD_BYTES))
    except OSError:
        return "page"


def _english(raw: RawDocument) -> RawDocument | InputError:
    reason = foreign_language(raw.text)
    return InputError(raw.source, reason) if reason else raw
