"""HTML pages: main text, title, author, URL and publication date with trafilatura."""

from __future__ import annotations

import re
from datetime import date

from ..errors import InputError
from ..records import RawDocument

HTML_START = re.compile(r"^\s*(<!doctype html|<html|<\?xml[^>]*>\s*<html)", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    head = text[:2048]
    return bool(HTML_START.match(head)) or head.lower().count("</p>") + head.lower().count("<div") > 3


def extract_html(source: str, html: str, publication_date: date | None) -> RawDocument:
    import trafilatura  # imported here: slow to import and needed only for HTML

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, as_dict=False)
    if extracted is None or isinstance(extracted, dict) or not (extracted.text or "").strip():
        raise InputError(source, "HTML page with no article text that could be extracted")
    meta_date = None
    if extracted.date:
        try:
            meta_date = date.fromisoformat(extracted.date[:10])
        except ValueError:
            meta_date = None
    return RawDocument(
        source=source,
        text=extracted.text or "",
        is_html=True,
        date=publication_date,
        url=extracted.url or None,
        title=extracted.title or None,
        metadata_date=meta_date,
        author=extracted.author or None,
    )
