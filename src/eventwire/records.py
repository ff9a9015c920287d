"""The typed records that flow between eventwire's stages.

Every stage takes the records the stage before produced and adds its part; none
mutates them (they are frozen). An Event carries its provenance: the document, the
sentence, the character spans (relative to the sentence text) and the rule that fired.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Literal

Modality = Literal["asserted", "negated", "future", "hypothetical"]
SentenceKind = Literal["title", "caption", "body"]
Span = tuple[int, int]


@dataclass(frozen=True)
class RawDocument:
    """An input as read by `ingest`, before cleaning."""

    source: str
    text: str
    is_html: bool = False
    date: datetime.date | None = None
    url: str | None = None
    title: str | None = None
    metadata_date: datetime.date | None = None
    fetched: datetime.datetime | None = None
    author: str | None = None  # the byline, from the page's metadata


@dataclass(frozen=True)
class Document:
    """A cleaned article: title, body paragraphs, captions and its publication date."""

    id: str
    source: str
    title: str | None
    paragraphs: tuple[str, ...]
    captions: tuple[str, ...] = ()
    subheads: tuple[str, ...] = ()
    date: datetime.date | None = None
    date_source: Literal["given", "metadata", "dateline", "inferred", "none"] = "none"
    dateline: str | None = None
    url: str | None = None
    author: str | None = None

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass(frozen=True)
class Sentence:
    """One sentence; `start`/`end` are offsets in the body text, or in its own title or caption."""

    doc: str
    index: int
    kind: SentenceKind
    paragraph: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Actor:
    """A coded actor: a country, a country's agent, an international body or a person."""

    name: str
    code: str | None
    country: str | None
    sector: str | None = None

    def to_json(self) -> dict[str, str | None]:
        return {"name": self.name, "code": self.code, "country": self.country, "sector": self.sector}


@dataclass(frozen=True)
class Location:
    """A resolved place: name, ISO3 country and coordinates (None for unknown)."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    kind: Literal["city", "country", "region"] = "city"

    def to_json(self) -> dict[str, object]:
        return {"name": self.name, "country": self.country, "lat": self.lat, "lon": self.lon}


@dataclass(frozen=True)
class Event:
    """One coded event; spans are character offsets in `text`, the sentence."""

    doc: str
    sentence: int
    source: Actor
    target: Actor | None
    cameo: str
    plover: str | None
    plover_mode: str | None
    quad_class: int
    goldstein: float
    modality: Modality
    text: str
    source_span: Span
    verb_span: Span
    target_span: Span | None
    rule: str
    date: datetime.date | None = None
    date_end: datetime.date | None = None
    date_source: Literal["text", "document", "none"] = "none"
    location: Location | None = None
    contexts: tuple[str, ...] = ()

    @property
    def negated(self) -> bool:
        return self.modality == "negated"


@dataclass(frozen=True)
class Quote:
    """A quote or reported speech; spans are character offsets in the document body."""

    doc: str
    sentence: int
    speaker: Actor | None
    text: str
    verb: str | None
    quote_span: Span
    speaker_span: Span | None
    direct: bool
    partial: bool = False
    date: datetime.date | None = None


@dataclass(frozen=True)
class CodedDocument:
    """Everything eventwire found in one document."""

    document: Document
    sentences: tuple[Sentence, ...]
    events: tuple[Event, ...]
    quotes: tuple[Quote, ...]
    notes: tuple[str, ...] = field(default=())
