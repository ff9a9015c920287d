"""JSONL dumps: one article per line, `text` and optional `title`, `date`, `url` and `id`.

Read line by line (a dump can be larger than memory). A line that is not JSON, lacks a
text, or has a malformed date is one error naming its line; the other lines are read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import InputError, RecordError
from ..records import RawDocument
from .files import read_text
from .language import foreign_language


def read_jsonl(path: Path, max_bytes: int, publication_date: date | None = None) -> Iterator[RawDocument | InputError]:
    """Each line of a JSONL file as a RawDocument, or the reason it cannot be coded."""
    name = str(path)
    with path.open("rb") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                yield _read_line(name, number, line, max_bytes, publication_date)
            except InputError as exc:
                yield RecordError(name, f"line {number}", exc.reason)


def _read_line(name: str, number: int, line: bytes, max_bytes: int, publication_date: date | None) -> RawDocument:
    if len(line) > max_bytes:
        raise InputError(name, f"line is {len(line)} bytes, over the limit of {max_bytes}")
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(name, f"not JSON ({exc})") from None
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise InputError(name, "no `text` field with the article text")
    source = f"{name}#{record['id']}" if record.get("id") is not None else f"{name}:{number}"
    raw = read_text(source, record["text"], publication_date)
    reason = foreign_language(raw.text)
    if reason:
        raise InputError(name, reason)
    return replace(
        raw,
        title=_field(record, "title") or raw.title,
        url=_field(record, "url") or raw.url,
        metadata_date=_date(record.get("date")) or raw.metadata_date,
    )


def _field(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    return str(value) if value is not None and str(value).strip() else None


def _date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        raise InputError("", f"`date` {value!r} is not an ISO date (YYYY-MM-DD)") from None
