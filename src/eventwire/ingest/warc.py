"""WARC and WARC.gz files (Common Crawl News layout), streamed one record at a time.

Only HTTP 200 responses with an HTML content type are articles; requests, metadata,
redirects and other media are passed over. The record's target URI is the document's
URL and its WARC-Date the fetch time (also the document date when the page has none).
A truncated or malformed file yields one error at the offset where reading stopped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from ..errors import InputError, RecordError
from ..records import RawDocument
from .html import extract_html
from .language import foreign_language

CHARSET = re.compile(r"charset=[\"']?([\w.:-]+)", re.IGNORECASE)


def read_warc(path: Path, max_bytes: int, publication_date: date | None = None) -> Iterator[RawDocument | InputError]:
    """Each HTML response of a WARC file as a RawDocument, or the reason it cannot be read."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    name = str(path)
    size = path.stat().st_size
    with path.open("rb") as stream:
        records = ArchiveIterator(stream)
        try:
            for record in records:
                offset = records.offset  # where this record starts (get_record_offset() would consume it)
                if _is_html_page(record):
                    yield _read_record(name, offset, record, max_bytes, publication_date)
        except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
            yield RecordError(name, f"offset {records.offset}", f"malformed or truncated WARC record: {exc}")
            return
        if records.offset < size:
            yield RecordError(name, f"offset {records.offset}", "truncated WARC file: the last record is incomplete")


def _is_html_page(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    content_type = record.http_headers.get_header("Content-Type") or ""
    return bool(record.http_headers.get_statuscode() == "200" and "html" in content_type.lower())


def _read_record(
    name: str, offset: int, record: Any, max_bytes: int, publication_date: date | None
) -> RawDocument | InputError:
    place = f"offset {offset}"
    url = record.rec_headers.get_header("WARC-Target-URI")
    declared = int(record.rec_headers.get_header("Content-Length") or 0)
    if declared > max_bytes:
        return RecordError(name, place, f"record is {declared} bytes, over the limit of {max_bytes} ({url})")
    payload = record.content_stream().read()
    if record.raw_stream.limit > 0:
        return RecordError(name, place, f"truncated WARC record: {record.raw_stream.limit} bytes missing ({url})")
    match = CHARSET.search(record.http_headers.get_header("Content-Type") or "")
    try:
        html = payload.decode(match.group(1) if match else "utf-8", errors="replace")
    except LookupError:
        html = payload.decode("utf-8", errors="replace")
    fetched = _warc_date(record.rec_headers.get_header("WARC-Date"))
    try:
        raw = extract_html(f"{name}@{offset}", html, publication_date)
    except InputError as exc:
        return RecordError(name, place, f"{exc.reason} ({url})")
    reason = foreign_language(raw.text)
    if reason:
        return RecordError(name, place, f"{reason} ({url})")
    return replace(
        raw,
        url=url or raw.url,
        fetched=fetched,
        metadata_date=raw.metadata_date or (fetched.date() if fetched else None),
    )


def _warc_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment
