"""One sentence's events: its verbs and event nouns in the order of the parse tree, most
governing first, with the sentence's PLOVER contexts.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from ..actors import SentenceActors
from ..knowledge import NULL_CODE, Knowledge, VerbPattern
from ..nlp import ParsedSentence
from ..sequences import match_sequence, verb_phrase, written_verb
from ..settings import CodingOptions
from .commas import actors_outside, dropped_clauses
from .demands import demanded, dictionary_verb
from .events import OPTIONS, Coded, SpeakerAt
from .nouns import noun_events
from .tree import direct_object
from .verbs import events_for, matching_patterns


def code_sentence(
    parsed: ParsedSentence,
    actors: SentenceActors,
    kb: Knowledge,
    speaker_at: SpeakerAt,
    options: CodingOptions = OPTIONS,
) -> list[Coded]:
    """Every event of one sentence, with its provenance and the sentence's PLOVER contexts.

    Events come in the order of their verbs in the parse tree, the most governing first, so
    that the sentence's main event leads: "Norway is ready to send troops to help" is first an
    expression of intent, not help.
    """
    coded: list[tuple[int, Coded]] = []
    seen: set[tuple[str | None, str | None, str, str]] = set()
    fired: dict[int, str] = {}  # verb index -> the code it fired
    # tokens not coded: PETRARCH's comma clauses, the phrase of a verb the dictionary coded (verb_phrase_scope)
    taken = set(dropped_clauses(parsed.span, options.comma_clauses)) if options.comma_clauses else set()
    actors = actors_outside(actors, frozenset(taken))
    for token in parsed.span:
        if token.i in taken:
            continue
        if token.pos_ in {"VERB", "AUX"} or written_verb(token, kb.written_forms):
            found = _verb_events(parsed, token, actors, kb, speaker_at, fired, options)
            found += demanded(parsed, token, actors, kb, speaker_at, fired)
            if options.verb_phrase_scope and dictionary_verb(parsed, token, actors, kb):
                taken |= verb_phrase(token)
        elif token.pos_ in {"NOUN", "PROPN"} and token.lemma_.lower() in kb.nouns:
            found = noun_events(parsed, token, actors, kb, speaker_at)
        else:
            continue
        for item in found:
            key = (
                item.event.source.code,
                item.event.target.code if item.event.target else None,
                item.event.cameo,
                item.event.modality,
            )
            if key not in seen:
                seen.add(key)
                depth = sum(1 for _ in (item.anchor or token).ancestors)
                coded.append((depth, item))
    if not coded:
        return []
    contexts = sentence_contexts(parsed.span, kb)
    return [Coded(replace(item.event, contexts=contexts), item.anchor) for _, item in sorted(coded, key=lambda p: p[0])]


def sentence_contexts(span: Span, kb: Knowledge) -> tuple[str, ...]:
    """PLOVER contexts (contexts.tsv) whose words appear, as lemmas, in the sentence."""
    single, phrases = kb.context_words()
    lemmas = [t.lemma_.lower() for t in span]
    found = {name for lemma in lemmas for name in single.get(lemma, ())}
    if phrases:
        text = f" {' '.join(lemmas)} "
        found |= {name for phrase, name in phrases if f" {phrase} " in text}
    return tuple(name for name in kb.contexts if name in found)


def _verb_events(
    parsed: ParsedSentence,
    verb: Token,
    actors: SentenceActors,
    kb: Knowledge,
    speaker_at: SpeakerAt,
    fired: dict[int, str],
    options: CodingOptions = OPTIONS,
) -> list[Coded]:
    """The events of the most specific pattern that fits the verb and finds its actors.

    A pattern whose preposition holds no actor ("asked Japan for help" for `ask prep=for`)
    gives way to the next, more general pattern of the same verb. A matching word-sequence
    pattern (sequences.tsv) comes first; a matching `---` pattern ("fight obj=crisis") codes nothing.
    """
    match = match_sequence(verb, parsed.span, kb.sequences_for(verb.lemma_.lower(), verb.lower_), actors)
    if match is not None:
        rule = match.pattern.rule
        return list(events_for(parsed, verb, rule, actors, kb, speaker_at, fired, options, match)) if rule else []
    untargeted: list[tuple[tuple[bool, int], list[Coded]]] = []  # open patterns with no actor, by where their prep is
    for pattern in matching_patterns(verb, kb.patterns_for(verb.lemma_.lower(), verb.lower_)):
        if pattern.code == NULL_CODE or _vowed_not_to(verb, pattern, kb) or _takes_part_in(verb, pattern, kb):
            return []
        found = list(events_for(parsed, verb, pattern, actors, kb, speaker_at, fired, options))
        if found and pattern.open_prep and all(c.event.target is None for c in found):
            # "called for calm on Monday": the preposition nearest the verb says what the request is
            at = min((c.i < verb.i, abs(c.i - verb.i)) for c in verb.children if c.lower_ == pattern.prep)
            untargeted.append((at, found))
            continue
        if found or not pattern.prep:
            return found
    return min(untargeted, key=lambda pair: pair[0])[1] if untargeted else []


def _vowed_not_to(verb: Token, pattern: VerbPattern, kb: Knowledge) -> bool:
    """Whether an intention verb coded as an intent (intent.tsv) pledges not to act ("has vowed not to return the
    land"): that is no intent to cooperate; what the negated complement codes, if anything, is what was said."""
    if verb.lemma_.lower() not in kb.modality_words["intention"] or pattern.code not in kb.intent.values():
        return False
    return any(c.dep_ == "xcomp" and any(n.dep_ == "neg" for n in c.children) for c in verb.children)


def _takes_part_in(verb: Token, pattern: VerbPattern, kb: Knowledge) -> bool:
    """Whether a verb's general pattern stands for no act of its own because a bare infinitive with a pattern
    of its own says what its subject did ("helped broker a truce" is brokering, no aid); with an object it is
    the verb's own act ("helped Pakistan build a plant")."""
    if pattern.objects or pattern.prep or pattern.particle or direct_object(verb) is not None:
        return False
    return any(
        c.dep_ == "xcomp"
        and c.tag_ == "VB"
        and not any(a.lower_ == "to" for a in c.children)
        and kb.patterns_for(c.lemma_.lower(), c.lower_)
        for c in verb.children
    )
