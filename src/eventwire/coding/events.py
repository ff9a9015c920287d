"""What the coder's parts share: the coded event with the verb that anchors it, and how an Event
record is built from a pattern and its actors, with its provenance.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..actors import Mention
from ..knowledge import Knowledge
from ..nlp import ParsedSentence
from ..records import Actor, Event, Modality
from ..settings import CodingOptions

SpeakerAt = Callable[[int], "Actor | None"]
OPTIONS = CodingOptions()


@dataclass(frozen=True)
class Coded:
    """An event and the verb whose time and place words date and place it (None: the document's)."""

    event: Event
    anchor: Token | None


def same_actor(source: Actor, target: Actor) -> bool:
    """A country does not act on itself; its government may act on its own rebels."""
    if source.code == target.code:
        return True
    return source.country is not None and source.country == target.country and not (source.sector and target.sector)


def build_event(
    parsed: ParsedSentence,
    kb: Knowledge,
    source: Mention,
    target: Mention | None,
    code: str,
    modality: Modality,
    verb_span: tuple[int, int],
    rule: str,
) -> Event:
    cameo = kb.event_code(code)
    return Event(
        doc=parsed.sentence.doc,
        sentence=parsed.sentence.index,
        source=source.actor,
        target=target.actor if target else None,
        cameo=code,
        plover=cameo.plover,
        plover_mode=cameo.mode,
        quad_class=cameo.quad,
        goldstein=cameo.goldstein,
        modality=modality,
        text=parsed.sentence.text,
        source_span=(source.char_start, source.char_end),
        verb_span=verb_span,
        target_span=(target.char_start, target.char_end) if target else None,
        rule=rule,
    )


def verb_offsets(verb: Token, span: Span) -> tuple[int, int]:
    parts = [verb, *(c for c in verb.children if c.dep_ == "prt")]
    start = min(t.idx for t in parts) - span.start_char
    end = max(t.idx + len(t) for t in parts) - span.start_char
    return start, end
