"""Events of a verb: the patterns it matches, who does it to whom, and the events stances
derive from it (intent, refusal, threat, demand).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..actors import Mention, SentenceActors
from ..knowledge import NULL_CODE, Knowledge, VerbPattern
from ..nlp import ParsedSentence
from ..records import Modality
from ..sequences import SequenceMatch, verb_phrase
from ..settings import CodingOptions
from .arguments import actors_of, coded_actors_of
from .events import OPTIONS, Coded, SpeakerAt, build_event, same_actor, verb_offsets
from .modality import announcer, modality_of, reported, reporting_verb
from .subjects import instrument_users, issuers, second_gerund, subject_heads
from .targets import actors_inside, examples_in, first_actors, listed_examples, target_heads_of, venue
from .tree import direct_object, governing_verb, is_passive, phrase_tokens, preposition_objects, with_conjuncts

# rule suffixes of events derived from another
STANCE_RULES = ("+intent", "+refusal", "+threat", "+demand", "+preparation")


def matching_patterns(verb: Token, patterns: tuple[VerbPattern, ...]) -> Iterator[VerbPattern]:
    """The patterns whose constraints the verb's dependents satisfy, most specific first; a pattern that only
    a word around the object satisfies comes after every other ("blocked the EU's aid package" is blocking), unless
    it codes nothing ("hosts millions of refugees"). An `obj=` word `on_alert` is a prepositional phrase of the
    verb: "remained on high alert" has no object."""
    own, around = _object_words(verb)
    own |= {
        f"{prep.lower_}_{o.lemma_.lower()}"
        for prep in verb.children
        if prep.dep_ == "prep"
        for o in prep.children
        if o.dep_ == "pobj"
    }
    later = []
    for pattern in patterns:
        if pattern.particle and not any(c.dep_ == "prt" and c.lower_ == pattern.particle for c in verb.children):
            continue
        if pattern.prep and not preposition_objects(verb, pattern.prep):
            continue
        if not pattern.objects or own & pattern.objects:
            yield pattern
        elif around & pattern.objects and pattern.code == NULL_CODE:
            yield pattern  # "hosts millions of refugees" is no hosting of a visit, as "hosts refugees" is not
        elif around & pattern.objects:
            later.append(pattern)
    yield from later


def _object_words(verb: Token) -> tuple[set[str], set[str]]:
    """The words an `obj=` constraint may name: the object's own, and around it a noun compounded before it
    ("ended mediation efforts" is ending mediation) or its "of" object ("handed over 700 kg of medicine", "received
    a mission of observers"), or the title before a name ("summoned Deputy High Commissioner J P Singh"). None
    for a verb with no object."""
    obj = direct_object(verb)
    if obj is None:
        return set(), set()
    of = [o for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
    if of and obj.vocab[obj.lemma_].like_num:  # "hosts thousands of exiles": the exiles are what is hosted
        return {obj.lemma_.lower(), obj.lower_, *(o.lemma_.lower() for o in of)}, set()
    around = [c for c in obj.children if c.dep_ == "compound"] + of
    titled = obj.pos_ == "PROPN"
    return {obj.lemma_.lower(), obj.lower_}, {t.lemma_.lower() for t in around if t.pos_ == "NOUN" or titled}


def events_for(
    parsed: ParsedSentence,
    verb: Token,
    pattern: VerbPattern,
    actors: SentenceActors,
    kb: Knowledge,
    speaker_at: SpeakerAt,
    fired: dict[int, str],
    options: CodingOptions = OPTIONS,
    match: SequenceMatch | None = None,
) -> Iterator[Coded]:
    span = parsed.span
    source_heads = list(match.sources) if match and match.sources else None
    # PETRARCH's passive needs "by": without it, the subject is the source and the target follows the verb
    as_active = options.passive_needs_by and is_passive(verb) and not preposition_objects(verb, "by")
    if not source_heads and as_active:  # the subject, also where the parser hangs it on "was"
        around = [verb, *(c for c in verb.children if c.dep_ in {"aux", "auxpass"})]
        source_heads = with_conjuncts([c for t in around for c in t.children if c.dep_ in {"nsubj", "nsubjpass"}])
    source_heads = source_heads or subject_heads(verb, parsed.sentence.kind == "title", kb)
    sources = actors_of(source_heads, parsed, actors, speaker_at)
    if not sources and options.sources_inside_subject:
        sources = actors_inside([h for h in source_heads if h.i < verb.i], actors)
    sources = [m for m in sources if m.actor.code]
    # "Washington and allies including Japan condemned": each listed example acts too
    listed = coded_actors_of(examples_in(source_heads), parsed, actors, speaker_at)
    sources = [*sources, *(m for m in listed if m not in sources)] or instrument_users(
        verb, source_heads, parsed, actors, kb, speaker_at
    )
    sources = sources or issuers(verb, parsed, actors, kb, speaker_at)
    reattach = verb.dep_ == "conj" and not (match and match.sources) and not second_gerund(verb)
    reporter = reporting_verb(verb, kb) if reattach else None
    if not sources and reporter is not None and kb.event_code(pattern.code).quad in {1, 3}:
        # "said the missiles came from Yemen and accused Iran": the parser hung the speaker's next words in his clause
        sources = coded_actors_of(subject_heads(reporter, False), parsed, actors, speaker_at)
    if not sources:
        return
    target_heads = list(match.targets) if match and match.targets else target_heads_of(verb, pattern, as_active)
    targets = actors_of(target_heads, parsed, actors, speaker_at)
    # "Egypt and Sudan signed a deal in Cairo": each with the other, not with a place inside the object
    joint = not any(t.actor.code for t in targets) and len({s.actor.code for s in sources}) > 1
    # "Petro met Maduro", "held talks with X": both did it; not "launched drills around Taiwan", whose object
    # names a joint act but whose target only undergoes it
    mutual = (
        options.mutual_targets
        and is_joint(verb, kb)
        and (pattern.prep == "with" or _joint_verb(verb, kb) or _partnered(verb))
    )
    joint = joint and (is_joint(verb, kb) or _reciprocal(target_heads, kb))
    targets = targets or actors_inside(target_heads, actors)
    if not targets and not pattern.prep and options.targets_after_verb:
        targets = first_actors([span.doc[i] for i in sorted(verb_phrase(verb))], actors)
    targets = [m for m in targets if m.actor.code and not venue(m, span, pattern, kb)]
    if not targets:
        targets = coded_actors_of(listed_examples(verb, target_heads), parsed, actors, speaker_at)
    if pattern.prep and not targets and not (pattern.open_prep and direct_object(verb) is None):
        return  # "met with reporters": the pattern's meaning needs an actor there; "called for calm" does not
    pattern = _together(verb, pattern, kb) if joint and not pattern.prep else pattern
    modality = modality_of(verb, kb)
    fired[verb.i] = pattern.code
    verb_span = verb_offsets(verb, span)
    stance = stance_of(verb, pattern.code, modality, kb)
    governor = announcer(verb)
    if stance and stance[1] != "refusal" and governor is not None and governor.i in fired:
        # "threatened to attack": the governing verb already coded an intention (a code intent.tsv derives);
        # "agreed to hold talks" coded an accord (019), not the intent to meet
        intents = set(kb.intent.values()) | set(kb.threat.values())
        intended = governor.lemma_.lower() in kb.modality_words["intention"] and fired[governor.i] in intents
        stance = None if intended else stance
    teller = reporter if reattach else reporting_verb(verb, kb)
    speakers = coded_actors_of(subject_heads(teller, False), parsed, actors, speaker_at) if teller else []
    for source in sources:
        # "US officials said Russia would demonstrate its isolation": a forecast of another's act is no intent
        forecast = speakers and not any(same_actor(source.actor, s.actor) for s in speakers)
        source_stance = None if forecast and stance and stance[1] == "intent" else stance
        # a country's own place inside the object ("victims of the Warsaw uprising") is no target
        others: list[Mention | None] = [t for t in targets if not same_actor(source.actor, t.actor)]
        if targets and not others:  # "recalled its ambassador to Cambodia": the object's owner is the source
            inside = [m for head in target_heads for t in phrase_tokens(head) for m in actors.at(t) if m.actor.code]
            others = [m for m in inside if not same_actor(source.actor, m.actor)]
            others = others[:1]
        if joint:  # "Egypt and Sudan agreed": each with the other
            others = [s for s in sources if not same_actor(source.actor, s.actor)]
        for target in others or [None]:
            event = build_event(parsed, kb, source, target, pattern.code, modality, verb_span, pattern.id)
            yield Coded(event, verb)
            # "Petro met Maduro", "held talks with Kurti": a joint act with a target is the target's act too
            reply = pattern.reply or (pattern.code if mutual and not joint else None)
            if reply and target:
                yield Coded(build_event(parsed, kb, target, source, reply, modality, verb_span, pattern.id), verb)
            if source_stance:
                code, kind = source_stance
                yield Coded(
                    build_event(parsed, kb, source, target, code, "asserted", verb_span, f"{pattern.id}+{kind}"),
                    governor,
                )


def is_joint(verb: Token, kb: Knowledge) -> bool:
    """Whether the verb, or its object ("held talks"), names an act done together (modality.tsv `joint`), whose
    conjoined subjects act on each other when it has no target of its own."""
    own, around = _object_words(verb)
    return bool(({verb.lemma_.lower()} | own | around) & kb.modality_words["joint"])


def _joint_verb(verb: Token, kb: Knowledge) -> bool:
    return verb.lemma_.lower() in kb.modality_words["joint"]


def _partnered(verb: Token) -> bool:
    """Whether the object names a partner in a "with" phrase ("held talks with X"): the joint act is X's too."""
    obj = direct_object(verb)
    return obj is not None and any(c.dep_ == "prep" and c.lower_ == "with" for c in obj.children)


def _together(verb: Token, pattern: VerbPattern, kb: Knowledge) -> VerbPattern:
    """The verb's "with" pattern that fits its object, for conjoined subjects that act together: "Egypt and Sudan
    held drills" held them with each other (062), not each a show of force (150)."""
    own, around = _object_words(verb)
    return next(
        (
            p
            for p in kb.patterns_for(verb.lemma_.lower(), verb.lower_)
            if p.prep == "with"
            and p.particle == pattern.particle
            and p.code not in {NULL_CODE, pattern.code}
            and (bool(p.objects & (own | around)) if pattern.objects else not p.objects)
        ),
        pattern,
    )


def _reciprocal(heads: list[Token], kb: Knowledge) -> bool:
    """Whether the target is the subjects themselves ("accused each other"), who then act on each other."""
    return any(" ".join(t.lower_ for t in head.subtree) in kb.modality_words["reciprocal"] for head in heads)


def stance_of(verb: Token, code: str, modality: Modality, kb: Knowledge) -> tuple[str, str] | None:
    """What its source asserts now by an action it plans, refuses or makes conditional (intent.tsv), and
    the rule suffix that says so: "will meet" is an intent to meet, "will not meet" and "refused to meet"
    a rejection, "will withdraw unless ..." and "may halt aid if ..." threats. A row for the code's base ("019")
    serves it before its root's row ("01")."""
    root = next((r for r in (code[:3], code[:2]) if r in {*kb.intent, *kb.refusal, *kb.threat}), code[:2])
    if modality == "negated":
        refusal = kb.refusal.get(root) if _refused(verb, kb) else None
        return (refusal, "refusal") if refusal else None
    condition = _condition(verb, kb)
    conflictual = kb.event_code(code).quad >= 3
    threat = kb.threat.get(root)
    if threat and condition and (condition in kb.modality_words["ultimatum"] or conflictual):
        return (threat, "threat") if modality in {"future", "hypothetical"} else None
    preparation = kb.preparation.get(root) if modality == "future" and _prepared(verb, kb) else None
    if preparation:
        return (preparation, "preparation")
    intent = kb.intent.get(root) if modality == "future" else None
    return (intent, "intent") if intent else None


def _prepared(verb: Token, kb: Knowledge) -> bool:
    """Whether its subject is getting ready to take the action ("troops are preparing to storm the city", "prepared
    to resume shelling"); not willing to ("is prepared to use force": an adjective)."""
    while verb.dep_ == "xcomp" and verb.head is not verb:
        verb = verb.head
        if verb.pos_ == "VERB" and verb.lemma_.lower() in kb.modality_words["preparation"]:
            return True
    return False


def _refused(verb: Token, kb: Knowledge) -> bool:
    """Whether a negated action is refused, not just undone: a negated future ("will not accept"), a
    reported one ("said it would not meet"), the complement of a refusal verb ("refused to return"), or a failed
    act done together ("failed to agree")."""
    words = kb.modality_words
    auxiliaries = [c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if any(c.dep_ == "neg" for c in verb.children):
        return any(a in words["future"] for a in auxiliaries) or (
            any(a in words["reported"] for a in auxiliaries) and reported(verb, kb)
        )
    governor = governing_verb(verb)
    if verb.dep_ != "xcomp" or governor is None:
        return False
    lemma = governor.lemma_.lower()
    # "failed to reach agreement": an act done together that did not happen is the parties' rejection
    return lemma in words["refusal"] or lemma in words["failure"] and is_joint(verb, kb)


def _condition(verb: Token, kb: Knowledge) -> str | None:
    """The subordinator of a conditional clause on the verb ("will withdraw unless ...": unless), if any."""
    for clause in verb.children:
        if clause.dep_ == "advcl":
            mark = next((c.lower_ for c in clause.children if c.dep_ == "mark"), None)
            if mark in kb.modality_words["condition"]:
                return mark
    return None
