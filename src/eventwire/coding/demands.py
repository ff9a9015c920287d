"""Demands in reported speech: "X said Y must withdraw" is X demanding, not Y withdrawing."""

from __future__ import annotations

from spacy.tokens import Token

from ..actors import Mention, SentenceActors
from ..knowledge import NULL_CODE, Knowledge
from ..nlp import ParsedSentence
from ..sequences import match_sequence
from .arguments import actors_of, coded_actors_of
from .events import Coded, SpeakerAt, build_event, same_actor, verb_offsets
from .modality import addressees, directive_object, modality_of, reporting_verb, voices
from .subjects import SUBJECT_DEPS, subject_heads
from .tree import is_passive, with_conjuncts
from .verbs import matching_patterns


def demanded(
    parsed: ParsedSentence,
    verb: Token,
    actors: SentenceActors,
    kb: Knowledge,
    speaker_at: SpeakerAt,
    fired: dict[int, str],
) -> list[Coded]:
    """A demand on whoever a required clause names, coded by what it requires (intent.tsv `demand`): "Russia
    said Sudan must return the helicopter" is Russia demanding of Sudan, and so are "Russia reiterated its
    demand that Sudan return ...", "Russia issued a reminder to Sudan that it must ..." and "Russia is pushing
    for Sudan to return ..."."""
    if is_passive(verb):
        return []
    found = _demander(verb, kb, fired)
    if found is None:
        return []
    speech, explicit = found
    title = parsed.sentence.kind == "title"
    sources = coded_actors_of(subject_heads(speech, title), parsed, actors, speaker_at)
    heads = subject_heads(verb, title) if any(c.dep_ in SUBJECT_DEPS for c in verb.children) else []
    targets: list[Mention | None] = [
        m
        for m in actors_of(heads, parsed, actors, speaker_at)
        if m.actor.code and not any(same_actor(s.actor, m.actor) for s in sources)
    ]
    if not targets:
        # "told Iraq that it must ...", "issued a reminder to Iraq that it must ...": the one addressed
        addressed = with_conjuncts(addressees(speech))
        targets = [*coded_actors_of(addressed, parsed, actors, speaker_at)]
    if not targets and explicit:
        targets = [None]  # "reiterated its demand that the government resign": a demand of no one named
    pattern = next(matching_patterns(verb, kb.patterns_for(verb.lemma_.lower(), verb.lower_)), None)
    if pattern is not None and pattern.code == NULL_CODE:
        return []
    code = kb.demand.get(pattern.code[:2] if pattern else "*") or kb.demand.get("*")
    if code is None:
        return []
    modality = modality_of(speech, kb)
    verb_span = verb_offsets(verb, parsed.span)
    rule = f"{pattern.id if pattern else verb.lemma_.lower()}+demand"
    return [
        Coded(build_event(parsed, kb, source, target, code, modality, verb_span, rule), speech)
        for source in sources
        for target in targets
        if target is None or not same_actor(source.actor, target.actor)
    ]


def dictionary_verb(parsed: ParsedSentence, verb: Token, actors: SentenceActors, kb: Knowledge) -> bool:
    """Whether one of the verb's patterns matches (a sequence pattern, or a dependency pattern with a code)."""
    lemma, form = verb.lemma_.lower(), verb.lower_
    if match_sequence(verb, parsed.span, kb.sequences_for(lemma, form), actors) is not None:
        return True
    pattern = next(matching_patterns(verb, kb.patterns_for(lemma, form)), None)
    return pattern is not None and pattern.code != NULL_CODE


def _demander(verb: Token, kb: Knowledge, fired: dict[int, str]) -> tuple[Token, bool] | None:
    """The verb whose subject requires the clause of `verb` of someone, and whether the words say it is a
    requirement (a demand noun, a directive verb's "for" clause, a noun's must-clause) rather than a must/should
    in what a speech verb reports. None when the clause is no requirement."""
    words = kb.modality_words
    head = verb.head
    obliged = any(c.dep_ == "aux" and c.lower_ in words["obligation"] for c in verb.children)
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "for" for c in verb.children):
        # "is pushing for the US to support": unless the directive verb coded it already ("pressed for")
        directive = head.lemma_.lower() in words["directive"] and head.i not in fired
        return (head, True) if directive else None
    if verb.dep_ in {"acl", "ccomp"} and head.pos_ == "NOUN":
        # "insisted on its demand that X grant", "issued a reminder to X that it must"
        if any(c.dep_ == "prep" and c.lower_ in {"from", "by"} for c in head.children):
            return None  # "responded to a demand from the US that ...": the demand is another's
        if obliged or head.lemma_.lower() in words["directive"]:
            governor = next((t for t in head.ancestors if t.pos_ == "VERB"), None)
            return (governor, True) if governor is not None and voices(governor, kb) else None
        return None
    if verb.dep_ == "ccomp" and directive_object(head, kb) and voices(head, kb):
        return head, True  # "reiterated its demand today that X ease"
    speech = reporting_verb(verb, kb) if obliged else None
    return (speech, False) if speech is not None else None
