"""Events named by nouns: "talks between X and Y", "X's attack on Y", "sanctions against Y"."""

from __future__ import annotations

import itertools

from spacy.tokens import Token

from ..actors import Mention, SentenceActors
from ..knowledge import NULL_CODE, Knowledge, VerbPattern
from ..nlp import ParsedSentence
from ..records import Modality
from .arguments import actors_of, coded_actors_of
from .events import Coded, SpeakerAt, build_event, same_actor
from .modality import modality_of
from .subjects import noun_sources, subject_heads
from .targets import actors_inside
from .tree import preposition_objects, with_conjuncts
from .verbs import is_joint, stance_of

VERBAL_QUADS = {1, 3}  # CAMEO quad classes of verbal cooperation and verbal conflict
CIRCUMSTANCE_PREPS = {"in", "during", "at", "after", "following", "amid"}  # "agreed a truce after border clashes"


def noun_events(
    parsed: ParsedSentence, noun: Token, actors: SentenceActors, kb: Knowledge, speaker_at: SpeakerAt
) -> list[Coded]:
    """Events named by a noun: "Russia's attack on Ukraine", "talks between Egypt and Sudan"."""
    governor = next((t for t in noun.ancestors if t.pos_ in {"VERB", "AUX"}), None)
    modality = _noun_modality(governor, kb)
    noun_span = (noun.idx - parsed.span.start_char, noun.idx + len(noun) - parsed.span.start_char)
    modifiers = {c.lemma_.lower() for c in noun.children if c.dep_ in {"compound", "amod", "nmod"} and c.i < noun.i}
    for pattern in kb.nouns[noun.lemma_.lower()]:
        if pattern.objects and not pattern.objects & modifiers:
            continue  # "hunger strike" is no air strike
        if pattern.code == NULL_CODE:
            return []
        heads = with_conjuncts(preposition_objects(noun, pattern.prep or ""))
        objects = [
            m for m in actors_of(heads, parsed, actors, speaker_at) or actors_inside(heads, actors) if m.actor.code
        ]
        pairs: list[tuple[Mention, Mention | None]]
        sources = noun_sources(noun, parsed, actors, kb, speaker_at) or _voiced_from(
            noun, pattern, parsed, actors, kb, speaker_at
        )
        quoted: list[Mention] = []
        if not sources and not (pattern.prep == "between" and objects):
            sources = _clause_parties(noun, pattern, objects, parsed, actors, kb, speaker_at)
            quoted = [] if sources else _quoted_doer(noun, governor, modality, parsed, kb, speaker_at)
            sources = sources or quoted
        if pattern.prep == "between" and not sources:  # "talks between Egypt and Sudan"
            pairs = [(a, b) for a, b in itertools.permutations(objects[:2], 2)]
        elif pattern.prep:  # also "Qatar's mediation between Egypt and Sudan"
            pairs = [(s, t) for s in sources for t in objects]
        elif noun.lemma_.lower() in kb.modality_words["joint"]:  # "Egypt and Sudan held talks": each with the other
            if len({m.actor.code for m in sources}) < 2:  # "Cambodia-Thailand border clashes": both named before it
                sources = _named_before(noun, actors) or sources
            pairs = [(a, b) for a, b in itertools.permutations(sources, 2)] or [(s, None) for s in sources]
        else:  # "began a hunger strike": an event that needs no target
            pairs = [(s, None) for s in sources]
        pairs = [(s, t) for s, t in pairs if t is None or not same_actor(s.actor, t.actor)]
        coded = [(s, t, pattern.code) for s, t in pairs]
        if pattern.reply:  # "a phone call with his counterpart": the counterpart's call too
            coded += [(t, s, pattern.reply) for s, t in pairs if t is not None]
        # "the attacks "will continue until ...," the spokesman said": the speaker's plan is his threat or intent now
        stance = stance_of(governor, pattern.code, modality, kb) if governor is not None and quoted else None
        found: list[Coded] = []
        for source, target, code in coded:
            found.append(
                Coded(build_event(parsed, kb, source, target, code, modality, noun_span, pattern.id), governor)
            )
            if stance and code == pattern.code:
                rule = f"{pattern.id}+{stance[1]}"
                found.append(
                    Coded(build_event(parsed, kb, source, target, stance[0], "asserted", noun_span, rule), governor)
                )
        if found:
            return found
    return []


def _clause_parties(
    noun: Token,
    pattern: VerbPattern,
    objects: list[Mention],
    parsed: ParsedSentence,
    actors: SentenceActors,
    kb: Knowledge,
    speaker_at: SpeakerAt,
) -> list[Mention]:
    """Who took part in an act done together that a phrase of time or circumstance names without its doer: the
    subjects of the clause the phrase hangs on ("Kenya and Uganda agreed a truce after border clashes", "the
    minister condemned the raid in a phone call with his counterpart"). Without a partner named in the phrase,
    only two or more subjects take part, and only where the phrase names no one else ("after clashes in Sudan")."""
    if noun.lemma_.lower() not in kb.modality_words["joint"] and not pattern.reply:
        return []
    if noun.dep_ != "pobj" or noun.head.lower_ not in CIRCUMSTANCE_PREPS:
        return []
    verb = next((t for t in noun.head.ancestors if t.pos_ in {"VERB", "AUX"} and t.dep_ != "prep"), None)
    if verb is None:
        return []
    parties = coded_actors_of(subject_heads(verb, parsed.sentence.kind == "title", kb), parsed, actors, speaker_at)
    if objects:
        return parties
    # "Kenya and Uganda agreed a truce after clashes": parties that act together; not "X and Y targeted posts"
    named = {m.actor.code for t in noun.subtree for m in actors.named(t)}
    codes = {m.actor.code for m in parties}
    return parties if len(codes) > 1 and named <= codes and is_joint(verb, kb) else []


def _named_before(noun: Token, actors: SentenceActors) -> list[Mention]:
    """Every coded actor named in the words before a noun, one per code ("Cambodia-Thailand border clashes")."""
    found: dict[str | None, Mention] = {}
    for token in (t for left in noun.lefts for t in left.subtree):
        for m in actors.named(token):
            found.setdefault(m.actor.code, m)
    return [m for code, m in found.items() if code]


def _quoted_doer(
    noun: Token,
    governor: Token | None,
    modality: Modality,
    parsed: ParsedSentence,
    kb: Knowledge,
    speaker_at: SpeakerAt,
) -> list[Mention]:
    """Whose attacks a direct quote says will go on: an attack noun with no owner, the subject of a light verb
    in the future ("The strikes "will continue until the siege is lifted," the spokesman said"), is the
    speaker's, as "our strikes" would be."""
    if governor is None or noun.dep_ != "nsubj" or noun.head.i != governor.i or modality != "future":
        return []
    words = kb.modality_words
    if noun.lemma_.lower() not in words["instrument"] or governor.lemma_.lower() not in words["light"]:
        return []
    speaker = speaker_at(parsed.sentence.start + governor.idx - parsed.span.start_char)
    if speaker is None or not speaker.code:
        return []
    start = noun.idx - parsed.span.start_char
    return [Mention(speaker, noun.i, noun.i + 1, start, start + len(noun), "speaker")]


def _voiced_from(
    noun: Token,
    pattern: VerbPattern,
    parsed: ParsedSentence,
    actors: SentenceActors,
    kb: Knowledge,
    speaker_at: SpeakerAt,
) -> list[Mention]:
    """Who voices what a noun of a verbal act names, as its "from" object ("criticism from the US", "threats from
    Pyongyang"); a material act's "from" object is where it leaves ("withdrawal from Syria")."""
    code = kb.cameo.get(pattern.code)
    if code is None or code.quad not in VERBAL_QUADS:
        return []
    heads = with_conjuncts(preposition_objects(noun, "from"))
    return coded_actors_of(heads, parsed, actors, speaker_at)


def _noun_modality(governor: Token | None, kb: Knowledge) -> Modality:
    """A named event takes the modality of the verb governing it: "denied the attack" is negated."""
    if governor is None:
        return "asserted"
    lemma = governor.lemma_.lower()
    if lemma in kb.modality_words["denial"]:
        return "negated"
    if lemma in kb.modality_words["intention"]:
        return "future"
    return modality_of(governor, kb)
