"""From a raw page to a Document: title, body paragraphs, captions, subheads, dateline, date.

Scraped news carries site chrome ("Accessibility links"), photo captions (sometimes
printed twice) and subheads. Coding those as body sentences yields false events and
duplicated quotes, so they are set apart here; captions still help date the article.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from typing import Literal

from .knowledge import Knowledge
from .records import Document, RawDocument
from .time import EXPLICIT_DATE, explicit_dates

TERMINAL = (".", "!", "?", '"', "”", "'", "’", ":", ";", "…")
CAPTION_MAX_WORDS = 60
SUBHEAD_MAX_WORDS = 12
TITLE_MAX_WORDS = 25
WRAPPED_LINE_MIN = 40  # a line this long that stops mid-sentence was hard-wrapped
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'\- ]{2,40}(?:,\s*[A-Z][A-Za-z.]+)?)"
    r"(?:,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}))?"
    r"\s*(?:\((?P<agency>[^)]{1,40})\))?\s*[-—–]+\s*"
)
# a full stop that ends a sentence: after a word, not after an initial or abbreviation ("N. Korea", "U.S. envoy")
SENTENCE_END = re.compile(r"(?:[a-z]{3}|[0-9])\. ")
CAPTION_DATE_END = re.compile(rf",\s*(?:{EXPLICIT_DATE.pattern})\.?\s*$", re.IGNORECASE)


def clean(raw: RawDocument, kb: Knowledge) -> Document:
    """Split a raw input into the parts of an article."""
    paragraphs = _paragraphs(raw.text, one_per_line=raw.is_html)
    paragraphs = [p for p in paragraphs if _normal(p) not in kb.chrome_lines]
    paragraphs, captions = _split_captions(paragraphs, kb)
    title = raw.title
    if title and paragraphs and _normal(paragraphs[0]) == _normal(title):
        paragraphs = paragraphs[1:]
    if title is None and paragraphs and _is_heading(paragraphs[0], TITLE_MAX_WORDS) and len(paragraphs) > 1:
        title, paragraphs = paragraphs[0], paragraphs[1:]
    body = [p for p in paragraphs if not _is_heading(p, SUBHEAD_MAX_WORDS)]
    subheads = tuple(p for p in paragraphs if _is_heading(p, SUBHEAD_MAX_WORDS))
    dateline, dateline_date = None, None
    if body:
        match = DATELINE.match(body[0])
        if match and match.group("place").strip().isupper():
            dateline = match.group(0).strip(" -—–")
            dateline_date = match.group("date")
            body[0] = body[0][match.end() :]
    doc_date, date_source = _document_date(raw, captions, body, dateline_date)
    digest = hashlib.sha256("\n".join([title or "", *body]).encode("utf-8")).hexdigest()[:16]
    return Document(
        id=digest,
        source=raw.source,
        title=title,
        paragraphs=tuple(body),
        captions=tuple(captions),
        subheads=subheads,
        date=doc_date,
        date_source=date_source,
        dateline=dateline,
        url=raw.url,
        author=raw.author,
    )


def _normal(text: str) -> str:
    return " ".join(text.split()).strip().lower()


def _paragraphs(text: str, one_per_line: bool) -> list[str]:
    """Paragraphs of the text: one per line, joining lines hard-wrapped mid-sentence."""
    lines = [" ".join(line.split()) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    paragraphs: list[str] = []
    previous_blank = True
    for line in lines:
        if not line:
            previous_blank = True
            continue
        wrapped = (
            not one_per_line
            and not previous_blank
            and paragraphs
            and not paragraphs[-1].endswith(TERMINAL)
            and (line[:1].islower() or len(paragraphs[-1]) >= WRAPPED_LINE_MIN)
        )
        if wrapped:
            paragraphs[-1] += " " + line
        else:
            paragraphs.append(line)
        previous_blank = False
    return paragraphs


def _split_captions(paragraphs: list[str], kb: Knowledge) -> tuple[list[str], list[str]]:
    kept: list[str] = []
    captions: list[str] = []
    for i, paragraph in enumerate(paragraphs):
        repeated = i > 0 and _normal(paragraph) == _normal(paragraphs[i - 1])
        if repeated:
            if kept and _normal(kept[-1]) == _normal(paragraph):
                captions.append(kept.pop())
            continue
        if _is_caption(paragraph, kb):
            captions.append(paragraph)
        else:
            kept.append(paragraph)
    return kept, captions


def _is_caption(paragraph: str, kb: Knowledge) -> bool:
    if len(paragraph.split()) > CAPTION_MAX_WORDS or paragraph.startswith(('"', "“")):
        return False
    lowered = paragraph.lower()
    return any(cue in lowered for cue in kb.caption_cues) or bool(CAPTION_DATE_END.search(paragraph))


def _is_heading(paragraph: str, max_words: int) -> bool:
    """A short line that is not a sentence: no final punctuation, no quote, no comma at its end."""
    text = paragraph.rstrip()
    return (
        len(text.split()) <= max_words
        and not text.endswith((*TERMINAL, ","))
        and not text.startswith(('"', "“", "'", "‘"))
        and not SENTENCE_END.search(text)
    )


DateSource = Literal["given", "metadata", "dateline", "inferred", "none"]


def _document_date(
    raw: RawDocument, captions: list[str], body: list[str], dateline_date: str | None
) -> tuple[date | None, DateSource]:
    """The publication date and where it came from: given > metadata > dateline > inferred."""
    if raw.date:
        return raw.date, "given"
    if raw.metadata_date:
        return raw.metadata_date, "metadata"
    written = explicit_dates(" ".join([*captions, *body]))
    if dateline_date:
        reference = max(written) if written else None
        resolved = explicit_dates(dateline_date, reference) if reference else []
        if resolved:
            return resolved[0], "dateline"
    if written:
        return max(written), "inferred"
    return None, "none"
