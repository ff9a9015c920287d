"""The actors a phrase stands for, shared by subjects and targets: a first-person word is the quote's
speaker, and only actors with a code can be an event's party.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..actors import Mention, SentenceActors
from ..knowledge import Knowledge
from ..nlp import ParsedSentence
from .events import SpeakerAt
from .tree import relative_antecedent


def light_verb(noun: Token, kb: Knowledge) -> Token | None:
    """The light verb whose object, or whose "in"/"for" object, the noun is ("launched an offensive", "were
    engaged in ethnic cleansing", "were converging for a rally"), if any."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ in {"in", "for"}:
        verb = verb.head
    elif noun.dep_ not in {"dobj", "obj"}:
        return None
    return verb if verb.pos_ == "VERB" and verb.lemma_.lower() in kb.modality_words["light"] else None


def actors_of(
    heads: list[Token], parsed: ParsedSentence, actors: SentenceActors, speaker_at: SpeakerAt
) -> list[Mention]:
    found: list[Mention] = []
    for head in map(relative_antecedent, heads):
        if head.i in actors.first_person:
            offset = parsed.sentence.start + head.idx - parsed.span.start_char
            speaker = speaker_at(offset)
            if speaker is not None:
                start = head.idx - parsed.span.start_char
                found.append(Mention(speaker, head.i, head.i + 1, start, start + len(head), "speaker"))
            continue
        found.extend(actors.at(head))
    return found


def coded_actors_of(
    heads: list[Token], parsed: ParsedSentence, actors: SentenceActors, speaker_at: SpeakerAt
) -> list[Mention]:
    """The actors of `heads` that have a code: only those can be an event's source or target."""
    return [m for m in actors_of(heads, parsed, actors, speaker_at) if m.actor.code]
