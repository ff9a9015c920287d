"""RSS and Atom feeds, from a file or a URL, and the pages their entries link to.

Each entry becomes the article at its link when that page can be fetched and has
article text, else the entry's own summary. The entry's date is the document date.
An entry whose link is already stored (`known_url`) is not fetched again: that is what
lets `eventwire watch` poll a feed every few minutes and code only the new articles.
"""

from __future__ import annotations

import urllib.error
import urllib.request
import xml.sax
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import InputError, RecordError
from ..records import RawDocument
from .files import read_text
from .language import foreign_language

USER_AGENT = "eventwire (+https://pypi.org/project/eventwire)"
URL_SCHEMES = ("http://", "https://")


def is_url(name: str) -> bool:
    return name.lower().startswith(URL_SCHEMES)


def fetch(url: str, timeout: float, max_bytes: int) -> bytes:
    """The body of `url`, or InputError saying why it cannot be had."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body: bytes = response.read(max_bytes + 1)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise InputError(url, f"cannot be fetched: {getattr(exc, 'reason', exc)}") from None
    if len(body) > max_bytes:
        raise InputError(url, f"over the limit of {max_bytes} bytes (set EVENTWIRE_MAX_BYTES to raise it)")
    return body


def looks_like_feed(head: bytes) -> bool:
    start = head[:2048].lstrip().lower()
    return start.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")) and any(
        tag in start for tag in (b"<rss", b"<feed", b"<rdf:rdf")
    )


def read_feed_list(path: Path) -> list[str]:
    """Feeds named in a text file, one URL or path per line; paths are relative to the file."""
    feeds = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            feeds.append(line if is_url(line) or Path(line).is_absolute() else str(path.parent / line))
    return feeds


def read_feed(
    source: str,
    data: bytes,
    fetch_page: Callable[[str], bytes],
    known_url: Callable[[str], bool] | None = None,
) -> Iterator[RawDocument | InputError]:
    """Each entry of a feed as a RawDocument, or the reason it cannot be."""
    import feedparser

    feed = feedparser.parse(data)
    broken = feed.get("bozo") and isinstance(feed.get("bozo_exception"), xml.sax.SAXException)
    if broken:
        exc = feed["bozo_exception"]
        line = exc.getLineNumber() if isinstance(exc, xml.sax.SAXParseException) else None
        yield RecordError(
            source, f"line {line}" if line else "feed", f"not well-formed RSS/Atom XML: {exc.getMessage()}"
        )
    if not feed.entries and not broken:
        yield InputError(source, "no RSS or Atom entries in this feed")
    for number, entry in enumerate(feed.entries, start=1):
        try:
            yield _entry_document(source, entry, fetch_page, known_url)
        except InputError as exc:
            yield RecordError(source, f"entry {number}", exc.reason)


def _entry_document(
    source: str, entry: Any, fetch_page: Callable[[str], bytes], known_url: Callable[[str], bool] | None
) -> RawDocument:
    link = entry.get("link") or None
    title = entry.get("title") or None
    published = _entry_date(entry)
    summary = _summary_text(entry)
    if link and known_url is not None and known_url(link):
        return RawDocument(source=link, text=summary or link, url=link, title=title, metadata_date=published)
    raw = _linked_page(link, fetch_page) if link else None
    if raw is None:
        if not summary:
            raise InputError(source, f"linked page {link or '(none)'} unreachable and the entry has no summary")
        raw = RawDocument(source=link or source, text=summary, url=link)
    reason = foreign_language(raw.text)
    if reason:
        raise InputError(source, reason)
    return replace(raw, title=raw.title or title, metadata_date=published or raw.metadata_date)


def _linked_page(link: str, fetch_page: Callable[[str], bytes]) -> RawDocument | None:
    try:
        return replace(read_text(link, fetch_page(link)), url=link)
    except InputError:
        return None


def _entry_date(entry: Any) -> date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return date(*parsed[:3]) if parsed else None


def _summary_text(entry: Any) -> str:
    summary = entry.get("summary") or ""
    if "<" not in summary:
        return str(summary).strip()
    import lxml.html

    return str(lxml.html.fromstring(summary).text_content()).strip()
