"""From predicates to events: verb patterns on the dependency parse -> CAMEO and PLOVER.

For each verb with a pattern in verbs.tsv, the subjects are the sources (one event per
conjoined subject: "China and Russia oppose" gives two), the object, or the object of
the pattern's preposition, is the target; in the passive the roles swap ("was condemned
by X"). Each event carries the modality the sentence gives it: negated ("did not
meet"), future ("will meet", "plans to meet"), hypothetical ("could meet", "if ...") or
asserted. An action announced for the future is also an asserted expression of intent
by its source (CAMEO 03/13, intent.tsv), dated when it was announced: this is how
CAMEO codes "X will meet Y". Likewise a refused action is a rejection ("will not meet": 12),
a plan under an ultimatum a threat ("will withdraw unless ...": 13), and what a speaker says
another must do a demand by the speaker ("said China must drop barriers": 10).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from .actors import LOCATIVE_PREPS, MODIFIER_DEPS, PLACE_KINDS, Mention, SentenceActors, of_objects, with_sector
from .commas import actors_outside, dropped_clauses
from .knowledge import NULL_CODE, Knowledge, VerbPattern
from .nlp import ParsedSentence
from .records import Actor, Event, Modality
from .sequences import SequenceMatch, match_sequence, verb_phrase, written_verb
from .settings import CodingOptions

SUBJECT_DEPS = {"nsubj", "csubj"}
INHERIT_SUBJECT_DEPS = {"xcomp", "conj", "acomp", "advcl"}
GOVERNING_DEPS = {"xcomp", "ccomp", "advcl", "pcomp", "acomp", "conj"}
TITLE_SUBJECT_DEPS = {"npadvmod", "dep", "appos", "nsubj", "compound"}
NOUN_CLAUSE_DEPS = {"acl", "relcl", "ccomp"}
FINITE_TAGS = {"VBD", "VBZ", "VBP"}
RELATIVE_PRONOUN_TAGS = {"WDT", "WP"}  # "which", "that", "who", "whom"; not "whose", which owns the noun after it
RANKING_WORDS = {"first", "last", "only"}  # "the first to congratulate": whoever is that one did it
VERBAL_QUADS = {1, 3}  # CAMEO quad classes of verbal cooperation and verbal conflict
CIRCUMSTANCE_PREPS = {"in", "during", "at", "after", "following", "amid"}  # "agreed a truce after border clashes"
TIME_MARKS = {"after", "before", "when", "as", "while", "since", "until", "once"}  # clauses that tell another happening
SpeakerAt = Callable[[int], "Actor | None"]
OPTIONS = CodingOptions()
ATTACK_PLACES = {"in", "at", "near", "outside", "around", "on"}  # prepositions of where an unattributed attack happened
EXAMPLE_PREPS = {"including"}  # "banned observers, including China and the EU": the list names the targets
STANCE_RULES = (
    "+intent",
    "+refusal",
    "+threat",
    "+demand",
    "+preparation",
)  # rule suffixes of events derived from another


@dataclass(frozen=True)
class Coded:
    """An event and the verb whose time and place words date and place it (None: the document's)."""

    event: Event
    anchor: Token | None


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
            found += _demanded(parsed, token, actors, kb, speaker_at, fired)
            if options.verb_phrase_scope and _dictionary_verb(parsed, token, actors, kb):
                taken |= verb_phrase(token)
        elif token.pos_ in {"NOUN", "PROPN"} and token.lemma_.lower() in kb.nouns:
            found = _noun_events(parsed, token, actors, kb, speaker_at)
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
        return list(_events_for(parsed, verb, rule, actors, kb, speaker_at, fired, options, match)) if rule else []
    untargeted: list[tuple[tuple[bool, int], list[Coded]]] = []  # open patterns with no actor, by where their prep is
    for pattern in matching_patterns(verb, kb.patterns_for(verb.lemma_.lower(), verb.lower_)):
        if pattern.code == NULL_CODE or _vowed_not_to(verb, pattern, kb) or _takes_part_in(verb, pattern, kb):
            return []
        found = list(_events_for(parsed, verb, pattern, actors, kb, speaker_at, fired, options))
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


def _demanded(
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
    sources = _coded_actors_of(_subject_heads(speech, title), parsed, actors, speaker_at)
    heads = _subject_heads(verb, title) if any(c.dep_ in SUBJECT_DEPS for c in verb.children) else []
    targets: list[Mention | None] = [
        m
        for m in _actors_of(heads, parsed, actors, speaker_at)
        if m.actor.code and not any(_same_actor(s.actor, m.actor) for s in sources)
    ]
    if not targets:
        # "told Iraq that it must ...", "issued a reminder to Iraq that it must ...": the one addressed
        addressed = _with_conjuncts(_addressees(speech))
        targets = [*_coded_actors_of(addressed, parsed, actors, speaker_at)]
    if not targets and explicit:
        targets = [None]  # "reiterated its demand that the government resign": a demand of no one named
    pattern = next(matching_patterns(verb, kb.patterns_for(verb.lemma_.lower(), verb.lower_)), None)
    if pattern is not None and pattern.code == NULL_CODE:
        return []
    code = kb.demand.get(pattern.code[:2] if pattern else "*") or kb.demand.get("*")
    if code is None:
        return []
    modality = modality_of(speech, kb)
    verb_span = _verb_span(verb, parsed.span)
    rule = f"{pattern.id if pattern else verb.lemma_.lower()}+demand"
    return [
        Coded(_event(parsed, kb, source, target, code, modality, verb_span, rule), speech)
        for source in sources
        for target in targets
        if target is None or not _same_actor(source.actor, target.actor)
    ]


def _dictionary_verb(parsed: ParsedSentence, verb: Token, actors: SentenceActors, kb: Knowledge) -> bool:
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
            return (governor, True) if governor is not None and _voices(governor, kb) else None
        return None
    if verb.dep_ == "ccomp" and _directive_object(head, kb) and _voices(head, kb):
        return head, True  # "reiterated its demand today that X ease"
    speech = _reporting_verb(verb, kb) if obliged else None
    return (speech, False) if speech is not None else None


def _voices(verb: Token, kb: Knowledge) -> bool:
    """Whether the verb's subject voices the demand or reminder it governs ("reiterated", "insisted on",
    "issued", "renewed": speech and light verbs), rather than meeting or refusing someone else's ("conceded to
    demands from UNITA that ...", "rejected the demand that ...")."""
    lemma = verb.lemma_.lower()
    return lemma in kb.speech_verbs or lemma in kb.modality_words["light"]


def _addressees(verb: Token) -> list[Token]:
    """Whom a speaker addresses: the indirect or direct object of a speech verb ("told Iraq", "reminded Iraq"),
    or "to" ("issued a reminder to Iraq")."""
    found = []
    for child in verb.children:
        if child.dep_ in {"dative", "dobj"} and child.pos_ in {"PROPN", "NOUN", "PRON"}:
            found.append(child)
        elif child.dep_ in {"dative", "prep"} and child.lower_ == "to":
            found.extend(o for o in child.children if o.dep_ == "pobj")
    return found


def _directive_object(verb: Token, kb: Knowledge) -> bool:
    """Whether the verb's object is a demand noun, whose content a clause on the verb may carry ("reiterated
    its demand today that ...")."""
    obj = direct_object(verb)
    return obj is not None and obj.pos_ == "NOUN" and obj.lemma_.lower() in kb.modality_words["directive"]


def _noun_events(
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
        heads = _with_conjuncts(preposition_objects(noun, pattern.prep or ""))
        objects = [
            m for m in _actors_of(heads, parsed, actors, speaker_at) or _actors_inside(heads, actors) if m.actor.code
        ]
        pairs: list[tuple[Mention, Mention | None]]
        sources = _noun_sources(noun, parsed, actors, kb, speaker_at) or _voiced_from(
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
        pairs = [(s, t) for s, t in pairs if t is None or not _same_actor(s.actor, t.actor)]
        coded = [(s, t, pattern.code) for s, t in pairs]
        if pattern.reply:  # "a phone call with his counterpart": the counterpart's call too
            coded += [(t, s, pattern.reply) for s, t in pairs if t is not None]
        # "the attacks "will continue until ...," the spokesman said": the speaker's plan is his threat or intent now
        stance = _stance(governor, pattern.code, modality, kb) if governor is not None and quoted else None
        found: list[Coded] = []
        for source, target, code in coded:
            found.append(Coded(_event(parsed, kb, source, target, code, modality, noun_span, pattern.id), governor))
            if stance and code == pattern.code:
                rule = f"{pattern.id}+{stance[1]}"
                found.append(
                    Coded(_event(parsed, kb, source, target, stance[0], "asserted", noun_span, rule), governor)
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
    parties = _coded_actors_of(_subject_heads(verb, parsed.sentence.kind == "title", kb), parsed, actors, speaker_at)
    if objects:
        return parties
    # "Kenya and Uganda agreed a truce after clashes": parties that act together; not "X and Y targeted posts"
    named = {m.actor.code for t in noun.subtree for m in actors.at(t) or filter(None, [actors.modifier(t)])}
    codes = {m.actor.code for m in parties}
    return parties if len(codes) > 1 and named <= codes and _joint(verb, kb) else []


def _named_before(noun: Token, actors: SentenceActors) -> list[Mention]:
    """Every coded actor named in the words before a noun, one per code ("Cambodia-Thailand border clashes")."""
    found: dict[str | None, Mention] = {}
    for token in (t for left in noun.lefts for t in left.subtree):
        for m in actors.at(token) or filter(None, [actors.modifier(token)]):
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


def _noun_sources(
    noun: Token, parsed: ParsedSentence, actors: SentenceActors, kb: Knowledge, speaker_at: SpeakerAt
) -> list[Mention]:
    """Who does what a noun names: the subject of a light verb whose object it is ("Chad launched an
    offensive", "the army completed its withdrawal"), else its possessor, an actor or country adjective
    before it, or "by X"."""
    light = _light_verb(noun, kb)
    if light is not None:
        heads = _subject_heads(light, parsed.sentence.kind == "title")
        if not heads and is_passive(light):  # "forces were engaged in ethnic cleansing"
            heads = _with_conjuncts([c for c in light.children if c.dep_ == "nsubjpass"])
        doers = _coded_actors_of(heads, parsed, actors, speaker_at)
        if doers:
            return doers
    before = [c for c in noun.children if c.dep_ in {"poss", "compound", "amod", "nmod"} and c.i < noun.i]
    found = _actors_of(_with_conjuncts(before), parsed, actors, speaker_at)
    found += [m for c in before if not actors.at(c) and (m := actors.modifier(c)) is not None]
    found += _actors_of(_with_conjuncts(preposition_objects(noun, "by")), parsed, actors, speaker_at)
    return [m for m in found if m.actor.code]


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
    heads = _with_conjuncts(preposition_objects(noun, "from"))
    return _coded_actors_of(heads, parsed, actors, speaker_at)


def _instrument_users(
    verb: Token,
    heads: list[Token],
    parsed: ParsedSentence,
    actors: SentenceActors,
    kb: Knowledge,
    speaker_at: SpeakerAt,
) -> list[Mention]:
    """Whoever used the weapon or attack that acts ("US drone strikes have killed", "were killed by a Taliban
    bomb", "were killed in an Israeli airstrike"): the actor its modifiers or "by" name (modality.tsv
    `instrument`). An instrument of no one named, or an agentless passive, has no source."""
    if is_passive(verb) and not preposition_objects(verb, "by"):
        heads = preposition_objects(verb, "in")
    found: list[Mention] = []
    instruments = [h for h in heads if h.lemma_.lower() in kb.modality_words["instrument"]]
    for head in instruments:
        users = _noun_sources(head, parsed, actors, kb, speaker_at)
        # "Israeli drone strikes": the country adjective of a word before the noun
        before = [t for t in head.subtree if t.i < head.i]
        users = users or [m for t in before for m in actors.at(t) or filter(None, [actors.modifier(t)])]
        found += [m for m in users if m.actor.code]
    return found or _unidentified_users(verb, instruments, parsed, actors, kb)


def _unidentified_users(
    verb: Token, instruments: list[Token], parsed: ParsedSentence, actors: SentenceActors, kb: Knowledge
) -> list[Mention]:
    """Whoever used a weapon the sentence names no user for ("a roadside bomb near Bree killed two soldiers"): an
    unidentified armed actor (agent_scopes.tsv `unidentified`) of the country the attack happens in, as event
    datasets code unattributed attacks. None where no place with a country is named."""
    sector = next((s for s, scope in kb.agent_scopes.items() if scope == "unidentified"), None)
    if sector is None or not instruments:
        return []
    holders = [verb, *(c for c in verb.children if c.dep_ in {"dobj", "obj"}), *instruments]
    places = [
        t for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ in ATTACK_PLACES for t in p.subtree
    ]
    mentions = [m for t in places for m in actors.at(t) or filter(None, [actors.modifier(t)])]
    country = next((m.actor.country for m in mentions if m.kind in PLACE_KINDS and m.actor.country), None)
    if country is None:
        return []
    known = kb.country(country)
    actor = with_sector(Actor(known.name if known else country, country, country), sector)
    head = instruments[0]
    start = head.left_edge.idx - parsed.span.start_char
    end = head.idx + len(head) - parsed.span.start_char
    return [Mention(actor, head.left_edge.i, head.i + 1, start, end, "agent")]


def _issuers(
    verb: Token, parsed: ParsedSentence, actors: SentenceActors, kb: Knowledge, speaker_at: SpeakerAt
) -> list[Mention]:
    """Who issued the statement a participle describes ("the rebels issued a statement condemning ..."): the
    subject of the speech or light verb whose object the statement is; not of any verb ("saw soldiers
    attacking")."""
    noun = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or noun.dep_ not in {"dobj", "obj"} or not _voices(noun.head, kb):
        return []
    heads = _subject_heads(noun.head, parsed.sentence.kind == "title")
    return _coded_actors_of(heads, parsed, actors, speaker_at)


def _light_verb(noun: Token, kb: Knowledge) -> Token | None:
    """The light verb whose object, or whose "in"/"for" object, the noun is ("launched an offensive", "were
    engaged in ethnic cleansing", "were converging for a rally"), if any."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ in {"in", "for"}:
        verb = verb.head
    elif noun.dep_ not in {"dobj", "obj"}:
        return None
    return verb if verb.pos_ == "VERB" and verb.lemma_.lower() in kb.modality_words["light"] else None


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


def matching_patterns(verb: Token, patterns: tuple[VerbPattern, ...]) -> Iterator[VerbPattern]:
    """The patterns whose constraints the verb's dependents satisfy, most specific first; a pattern that only
    a word around the object satisfies comes after every other ("blocked the EU's aid package" is blocking), unless
    it codes nothing ("hosts millions of refugees"). An `obj=` word `on_alert` is a prepositional phrase of the
    verb: "remained on high alert" has no object."""
    obj = direct_object(verb)
    own, around = _object_words(obj) if obj is not None else (set(), set())
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


def _object_words(obj: Token) -> tuple[set[str], set[str]]:
    """The words an `obj=` constraint may name: the object's own, and around it a noun compounded before it
    ("ended mediation efforts" is ending mediation) or its "of" object ("handed over 700 kg of medicine", "received
    a mission of observers"), or the title before a name ("summoned Deputy High Commissioner J P Singh")."""
    of = [o for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
    if of and obj.vocab[obj.lemma_].like_num:  # "hosts thousands of exiles": the exiles are what is hosted
        return {obj.lemma_.lower(), obj.lower_, *(o.lemma_.lower() for o in of)}, set()
    around = [c for c in obj.children if c.dep_ == "compound"] + of
    titled = obj.pos_ == "PROPN"
    return {obj.lemma_.lower(), obj.lower_}, {t.lemma_.lower() for t in around if t.pos_ == "NOUN" or titled}


def direct_object(verb: Token) -> Token | None:
    deps = ("nsubjpass",) if is_passive(verb) else ("dobj", "obj")
    return next((c for c in verb.children if c.dep_ in deps), None)


def preposition_objects(verb: Token, prep: str) -> list[Token]:
    return [
        o
        for c in verb.children
        if c.dep_ in {"prep", "agent"} and c.lower_ == prep
        for o in c.children
        if o.dep_ == "pobj"
    ]


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)


def _events_for(
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
        source_heads = _with_conjuncts([c for t in around for c in t.children if c.dep_ in {"nsubj", "nsubjpass"}])
    source_heads = source_heads or _subject_heads(verb, parsed.sentence.kind == "title", kb)
    sources = _actors_of(source_heads, parsed, actors, speaker_at)
    if not sources and options.sources_inside_subject:
        sources = _actors_inside([h for h in source_heads if h.i < verb.i], actors)
    sources = [m for m in sources if m.actor.code] or _instrument_users(
        verb, source_heads, parsed, actors, kb, speaker_at
    )
    sources = sources or _issuers(verb, parsed, actors, kb, speaker_at)
    reattach = verb.dep_ == "conj" and not (match and match.sources) and not _second_gerund(verb)
    reporter = _reporting_verb(verb, kb) if reattach else None
    if not sources and reporter is not None and kb.event_code(pattern.code).quad in {1, 3}:
        # "said the missiles came from Yemen and accused Iran": the parser hung the speaker's next words in his clause
        sources = _coded_actors_of(_subject_heads(reporter, False), parsed, actors, speaker_at)
    if not sources:
        return
    target_heads = list(match.targets) if match and match.targets else _target_heads(verb, pattern, as_active)
    targets = _actors_of(target_heads, parsed, actors, speaker_at)
    # "Egypt and Sudan signed a deal in Cairo": each with the other, not with a place inside the object
    joint = not any(t.actor.code for t in targets) and len({s.actor.code for s in sources}) > 1
    # "Petro met Maduro", "held talks with X": both did it; not "launched drills around Taiwan", whose object
    # names a joint act but whose target only undergoes it
    mutual = (
        options.mutual_targets
        and _joint(verb, kb)
        and (pattern.prep == "with" or _joint_verb(verb, kb) or _partnered(verb))
    )
    joint = joint and (_joint(verb, kb) or _reciprocal(target_heads, kb))
    targets = targets or _actors_inside(target_heads, actors)
    if not targets and not pattern.prep and options.targets_after_verb:
        targets = _first_actors([span.doc[i] for i in sorted(verb_phrase(verb))], actors)
    targets = [m for m in targets if m.actor.code and not _venue(m, span, pattern, kb)]
    if not targets:
        targets = _coded_actors_of(_listed_examples(verb, target_heads), parsed, actors, speaker_at)
    if pattern.prep and not targets and not (pattern.open_prep and direct_object(verb) is None):
        return  # "met with reporters": the pattern's meaning needs an actor there; "called for calm" does not
    pattern = _together(verb, pattern, kb) if joint and not pattern.prep else pattern
    modality = modality_of(verb, kb)
    fired[verb.i] = pattern.code
    verb_span = _verb_span(verb, span)
    stance = _stance(verb, pattern.code, modality, kb)
    governor = _announcer(verb)
    if stance and stance[1] != "refusal" and governor is not None and governor.i in fired:
        # "threatened to attack": the governing verb already coded an intention (a code intent.tsv derives);
        # "agreed to hold talks" coded an accord (019), not the intent to meet
        intents = set(kb.intent.values()) | set(kb.threat.values())
        intended = governor.lemma_.lower() in kb.modality_words["intention"] and fired[governor.i] in intents
        stance = None if intended else stance
    teller = _reporting_verb(verb, kb)
    speakers = _coded_actors_of(_subject_heads(teller, False), parsed, actors, speaker_at) if teller else []
    for source in sources:
        # "US officials said Russia would demonstrate its isolation": a forecast of another's act is no intent
        forecast = speakers and not any(_same_actor(source.actor, s.actor) for s in speakers)
        source_stance = None if forecast and stance and stance[1] == "intent" else stance
        # a country's own place inside the object ("victims of the Warsaw uprising") is no target
        others: list[Mention | None] = [t for t in targets if not _same_actor(source.actor, t.actor)]
        if targets and not others:  # "recalled its ambassador to Cambodia": the object's owner is the source
            inside = [m for head in target_heads for t in _phrase(head) for m in actors.at(t) if m.actor.code]
            others = [m for m in inside if not _same_actor(source.actor, m.actor)]
            others = others[:1]
        if joint:  # "Egypt and Sudan agreed": each with the other
            others = [s for s in sources if not _same_actor(source.actor, s.actor)]
        for target in others or [None]:
            event = _event(parsed, kb, source, target, pattern.code, modality, verb_span, pattern.id)
            yield Coded(event, verb)
            # "Petro met Maduro", "held talks with Kurti": a joint act with a target is the target's act too
            reply = pattern.reply or (pattern.code if mutual and not joint else None)
            if reply and target:
                yield Coded(_event(parsed, kb, target, source, reply, modality, verb_span, pattern.id), verb)
            if source_stance:
                code, kind = source_stance
                yield Coded(
                    _event(parsed, kb, source, target, code, "asserted", verb_span, f"{pattern.id}+{kind}"), governor
                )


def _joint(verb: Token, kb: Knowledge) -> bool:
    """Whether the verb, or its object ("held talks"), names an act done together (modality.tsv `joint`), whose
    conjoined subjects act on each other when it has no target of its own."""
    obj = direct_object(verb)
    own, around = _object_words(obj) if obj is not None else (set(), set())
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
    obj = direct_object(verb)
    own, around = _object_words(obj) if obj is not None else (set(), set())
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


def _stance(verb: Token, code: str, modality: Modality, kb: Knowledge) -> tuple[str, str] | None:
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
            any(a in words["reported"] for a in auxiliaries) and _reported(verb, kb)
        )
    governor = _governor(verb)
    if verb.dep_ != "xcomp" or governor is None:
        return False
    lemma = governor.lemma_.lower()
    # "failed to reach agreement": an act done together that did not happen is the parties' rejection
    return lemma in words["refusal"] or lemma in words["failure"] and _joint(verb, kb)


def _condition(verb: Token, kb: Knowledge) -> str | None:
    """The subordinator of a conditional clause on the verb ("will withdraw unless ...": unless), if any."""
    for clause in verb.children:
        if clause.dep_ == "advcl":
            mark = next((c.lower_ for c in clause.children if c.dep_ == "mark"), None)
            if mark in kb.modality_words["condition"]:
                return mark
    return None


def _same_actor(source: Actor, target: Actor) -> bool:
    """A country does not act on itself; its government may act on its own rebels."""
    if source.code == target.code:
        return True
    return source.country is not None and source.country == target.country and not (source.sector and target.sector)


def _event(
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


def _verb_span(verb: Token, span: Span) -> tuple[int, int]:
    parts = [verb, *(c for c in verb.children if c.dep_ == "prt")]
    start = min(t.idx for t in parts) - span.start_char
    end = max(t.idx + len(t) for t in parts) - span.start_char
    return start, end


def _subject_heads(verb: Token, title: bool, kb: Knowledge | None = None) -> list[Token]:
    if is_passive(verb):
        agents = preposition_objects(verb, "by") or _stranded_agents(verb)
        if agents:
            return _with_conjuncts(agents)
        if kb is not None and verb.lemma_.lower() in kb.modality_words["stative"]:
            return _with_conjuncts([c for c in verb.children if c.dep_ == "nsubjpass"])  # "Israel is opposed to"
        if any(c.dep_ == "nsubjpass" for c in verb.children) and any(c.lower_ in TIME_MARKS for c in verb.children):
            return []  # "alleged fraud after X was declared the winner": who declared it is not said
    heads = [_participle_subject(c) for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if not heads and _misparsed_predicate(verb):
        heads = [verb.head]
    if not heads and verb.dep_ == "xcomp" and verb.head is not verb:
        # object control: "urged Iran to release", "called on Israel to withdraw"
        controller = direct_object(verb.head) or next(iter(preposition_objects(verb.head, "on")), None)
        if controller is not None:
            return _with_conjuncts([controller])
    if not heads and kb is not None and verb.dep_ == "pcomp" and verb.tag_ == "VBG":
        # "resorted to throwing stones", "are guilty of violating the truce": the governor's subject did it
        governor = verb.head.head
        if governor.lemma_.lower() in kb.modality_words["performed"]:
            if (
                governor.dep_ == "acl"
            ):  # "youths resorted to ...", which the parser read as "youths (who were) resorted"
                return _with_conjuncts([governor.head])
            return _subject_heads(governor.head if governor.dep_ == "acomp" else governor, title, kb)
    if not heads and kb is not None and verb.dep_ in {"acl", "relcl"} and verb.head.pos_ in {"NOUN", "PROPN", "ADJ"}:
        heads = _clause_noun_subject(verb, kb)
    if title:
        heads += [c for c in verb.children if c.dep_ in TITLE_SUBJECT_DEPS and c.i < verb.i and c not in heads]
    clause = verb.head  # a clause of a noun ("waters that both claim"), unless the verb is conjoined with it
    if not heads and verb.dep_ == "conj" and clause.dep_ in NOUN_CLAUSE_DEPS and clause.head.pos_ in {"NOUN", "PROPN"}:
        # "criticized the deployment to waters both claim, and called on ...": the parser hung the verb in the clause
        main = next((a for a in clause.ancestors if a.pos_ == "VERB" and a.tag_ == verb.tag_), None)
        if main is not None and clause.tag_ != verb.tag_:
            return _subject_heads(main, title)
    if not heads and (_elaborates_an_act(verb) or _second_gerund(verb)):
        return []  # "accused Ethiopia of attacking a post, wounding four": the wounding is not the accuser's
    timed = verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.lower_ in TIME_MARKS
    if not heads and timed and verb.head.dep_ == "prep" and verb.head.head.pos_ in {"VERB", "AUX"}:
        return _subject_heads(verb.head.head, title)  # "After meeting Kurti, Borrell said": Borrell met him
    if not heads and verb.dep_ in INHERIT_SUBJECT_DEPS and verb.head is not verb:
        if verb.dep_ == "conj" and is_passive(verb.head) and not is_passive(verb):
            # "was indicted by the court and will resign": the one indicted resigns, not the court
            return _with_conjuncts([c for c in verb.head.children if c.dep_ == "nsubjpass"])
        return _subject_heads(verb.head, title)
    return _with_conjuncts(heads)


def _misparsed_predicate(verb: Token) -> bool:
    """Whether a finite verb is the sentence's predicate that the parser hung on its subject as a clause, making
    the subject the root ("A spokesman for the ministry, N, called on ...": "called" under "spokesman")."""
    head = verb.head
    return verb.dep_ == "acl" and verb.tag_ in FINITE_TAGS and head.dep_ == "ROOT" and head.pos_ in {"NOUN", "PROPN"}


def _clause_noun_subject(verb: Token, kb: Knowledge) -> list[Token]:
    """The subject of a clause with none of its own that hangs on a noun: an active present participle's actor noun
    (a name or an agent) does it ("led to the US leader cancelling the meeting"; not "a resolution condemning X",
    which says what a text says); an infinitive on "the first" or "the only" predicated of a
    subject is that subject's act ("Putin was among the first to congratulate him", "was the only leader to
    attend")."""
    noun = verb.head
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        return [noun] if noun.pos_ == "PROPN" or noun.lemma_.lower() in kb.agents else []
    if verb.tag_ != "VB" or not any(c.lower_ == "to" for c in verb.children):
        return []
    if not any(t.lower_ in RANKING_WORDS for t in (noun, *noun.children)):
        return []
    holder = noun.head.head if noun.dep_ == "pobj" else noun.head
    if noun.dep_ not in {"attr", "pobj"} or holder.lemma_ != "be":
        return []
    return [c for c in holder.children if c.dep_ in SUBJECT_DEPS]


def _stranded_agents(verb: Token) -> list[Token]:
    """A passive's "by" phrase the parser hung on the object of its gerund complement ("was accused of inciting
    violence by officials"): the object of a gerund takes no agent of its own, so it is the passive's."""
    gerunds = [
        g for p in verb.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pcomp" and g.tag_ == "VBG"
    ]
    return [
        a for g in gerunds for obj in g.children if obj.dep_ in {"dobj", "obj"} for a in preposition_objects(obj, "by")
    ]


def _participle_subject(head: Token) -> Token:
    """The noun a participle subject describes, where the parser made the noun the participle's subject ("the Red
    Crescent operating in Gaza said": "operating" as the subject of "said")."""
    if head.tag_ != "VBG":
        return head
    return next((c for c in head.children if c.dep_ == "nsubj" and c.pos_ in {"NOUN", "PROPN"}), head)


def _elaborates_an_act(verb: Token) -> bool:
    """Whether a participle clause goes on with an act its governor names in a prepositional clause before it
    ("accused X of attacking a post, wounding four", "was blamed for shelling the town, killing two"): the
    governor's subject does not do it."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBG":
        return False
    return any(
        c.dep_ == "prep" and c.i < verb.i and any(g.dep_ == "pcomp" for g in c.children) for c in verb.head.children
    )


def _second_gerund(verb: Token) -> bool:
    """Whether a gerund joined to a finite verb goes on with a gerund clause before it, where the parser hung it on
    the wrong verb ("accused X of opening fire and violating the truce"): X violated, not the accuser."""
    if verb.dep_ != "conj" or verb.tag_ != "VBG" or verb.head.tag_ not in {"VBD", "VBZ", "VBP"}:
        return False
    return any(t.dep_ == "pcomp" and t.tag_ == "VBG" and t.i < verb.i for t in verb.head.subtree)


def _target_heads(verb: Token, pattern: VerbPattern, as_active: bool = False) -> list[Token]:
    if pattern.prep:
        # "fired on Kyrgyz vehicles on their side of the border": a second such phrase says where, or when
        objects = [o for o in preposition_objects(verb, pattern.prep) if o.ent_type_ not in {"DATE", "TIME"}]
        return _with_conjuncts(objects[:1])
    if is_passive(verb) and not as_active:
        return _with_conjuncts([c for c in verb.children if c.dep_ == "nsubjpass"])
    objects = [c for c in verb.children if c.dep_ in {"dobj", "obj", "dative"}]
    shared = verb.i + 2 < len(verb.doc) and verb.nbor(1).dep_ == "cc" and verb.nbor(2).head == verb
    if not objects and shared and verb.nbor(2).dep_ == "conj":
        # "shelled and bombed the provinces": two verbs joined by "and" alone share the second's object
        objects = [c for c in verb.nbor(2).children if c.dep_ in {"dobj", "obj"}]
    return _with_conjuncts(objects)


def _venue(mention: Mention, span: Span, pattern: VerbPattern, kb: Knowledge) -> bool:
    """Whether a town found after a statement or an accord only says where it was made ("announced the agreement
    in Geneva", "signed the deal at Camp David"): no party to it. A pattern's own preposition ("arrived in") and acts
    of force, whose place is often their target, keep theirs."""
    last = span.doc[mention.end - 1]
    return (
        not pattern.prep
        and mention.kind in {"city", "capital", "seat"}
        and last.dep_ == "pobj"
        and last.head.lower_ in LOCATIVE_PREPS
        and kb.event_code(pattern.code).quad == 1
    )


def _listed_examples(verb: Token, target_heads: list[Token]) -> list[Token]:
    """The nouns an "including" list gives as examples of the object ("banned all observers from the forum,
    including China and the EU"; "talks to those he disagrees with, including the Socialists"): the parser hangs
    the list on the object, on a noun after the verb's preposition, or on the object's relative clause."""
    heads = [*target_heads, *(o for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj")]
    listed: list[Token] = []
    for head in heads:
        for token in head.subtree:
            if token.dep_ != "prep" or token.lower_ not in EXAMPLE_PREPS:
                continue
            between = list(token.ancestors)[: list(token.ancestors).index(head)] if head in token.ancestors else []
            if all(t.pos_ not in {"VERB", "AUX"} or t.dep_ in NOUN_CLAUSE_DEPS for t in between):
                listed.extend(o for o in token.children if o.dep_ == "pobj")
    return _with_conjuncts(listed)


def _with_conjuncts(heads: list[Token]) -> list[Token]:
    out: list[Token] = []
    for head in heads:
        for token in (head, *head.conjuncts):
            if token not in out:
                out.append(token)
    return out


def _actors_of(
    heads: list[Token], parsed: ParsedSentence, actors: SentenceActors, speaker_at: SpeakerAt
) -> list[Mention]:
    found: list[Mention] = []
    for head in map(_antecedent, heads):
        if head.i in actors.first_person:
            offset = parsed.sentence.start + head.idx - parsed.span.start_char
            speaker = speaker_at(offset)
            if speaker is not None:
                start = head.idx - parsed.span.start_char
                found.append(Mention(speaker, head.i, head.i + 1, start, start + len(head), "speaker"))
            continue
        found.extend(actors.at(head))
    return found


def _antecedent(token: Token) -> Token:
    """The noun a relative clause hangs on, for its relative pronoun: in "Kenya, which accuses Uganda of ..." and
    "the officials who met the envoy", the pronoun stands for the noun and is the clause's actor."""
    if token.tag_ not in RELATIVE_PRONOUN_TAGS:
        return token
    clause = next((a for a in token.ancestors if a.dep_ == "relcl"), None)
    return clause.head if clause is not None and not _generic(clause, token) else token


def _generic(clause: Token, pronoun: Token) -> bool:
    """Whether a relative clause says what any one of a kind does, not what someone did: in the present, with no
    comma, on a noun with no determiner ("Guerrillas who refuse to disarm will be pursued"); the plural present
    says the noun is plural where the tagger took a capitalised one for a name."""
    bare = not any(c.dep_ in {"det", "poss", "nummod"} for c in clause.head.children)
    return bare and clause.tag_ == "VBP" and pronoun.i > 0 and pronoun.nbor(-1).lower_ != ","


def _coded_actors_of(
    heads: list[Token], parsed: ParsedSentence, actors: SentenceActors, speaker_at: SpeakerAt
) -> list[Mention]:
    """The actors of `heads` that have a code: only those can be an event's source or target."""
    return [m for m in _actors_of(heads, parsed, actors, speaker_at) if m.actor.code]


def _actors_inside(heads: list[Token], actors: SentenceActors) -> list[Mention]:
    """The first actor inside an object phrase ("tougher North Korea sanctions"), else the
    country an adjective in it names ("Chinese survey ship deployment"). What qualifies the head itself, or
    its "of" object, comes first: "the targeting of the Iranian mission in the Syrian capital" is Iran's, "fired on
    Kyrgyz vehicles on their side of the border" on Kyrgyzstan; a place or phrase further in counts only after."""
    for head in heads:
        found = _first_actors(sorted(_qualified(head), key=lambda t: t.i), actors)
        if found:
            return found
    return _first_actors([t for head in heads for t in _phrase(head)], actors)


def _qualified(head: Token) -> list[Token]:
    """A noun with the words that say whose it is: its modifiers and possessor, and its "of" objects with theirs."""
    tokens = [head, *(t for c in head.children if c.dep_ in MODIFIER_DEPS | {"det"} for t in c.subtree)]
    return tokens + [t for o in of_objects(head) for t in _qualified(o)]


def _first_actors(phrase: list[Token], actors: SentenceActors) -> list[Mention]:
    inside = [m for t in phrase for m in actors.at(t)]
    for token in phrase:
        # "Gondor's government": the agent that takes in the country, with its conjuncts
        own = [
            m
            for m in actors.at(token)
            if not any(o.start <= m.start and m.end <= o.end and (o.start, o.end) != (m.start, m.end) for o in inside)
        ]
        if own:
            return own + [m for c in token.conjuncts for m in actors.at(c)]
    modifier = next((m for t in phrase if (m := actors.modifier(t)) is not None), None)
    return [modifier] if modifier else []


def _phrase(head: Token) -> list[Token]:
    """The tokens of a noun phrase, up to any clause inside it."""
    tokens = []
    for token in head.subtree:
        if token is not head and token.pos_ in {"VERB", "AUX"}:
            break
        tokens.append(token)
    return tokens


def _announcer(verb: Token) -> Token | None:
    """The verb that announces a planned action ("said he will meet"), whose time is the intent's."""
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    return _governor(verb) if verb.dep_ != "conj" else None


def _governor(verb: Token) -> Token | None:
    return verb.head if verb.dep_ in GOVERNING_DEPS and verb.head is not verb else None


def modality_of(verb: Token, kb: Knowledge) -> Modality:
    """Negated, future, hypothetical or asserted, from the verb and the verbs governing it."""
    words = kb.modality_words
    children = list(verb.children)
    if any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in words["negation"]) for c in children):
        return "negated"
    auxiliaries = [c.lower_ for c in children if c.dep_ in {"aux", "auxpass"}]
    if any(a in words["future"] for a in auxiliaries):
        return "future"
    conditional = any(c.dep_ == "mark" and c.lower_ in words["condition"] for c in children)
    if not conditional and any(a in words["reported"] for a in auxiliaries) and _reported(verb, kb):
        return "future"  # "said it would withdraw": the future as reported speech shifts it
    if conditional or any(a in words["hypothetical"] for a in auxiliaries):
        return "hypothetical"
    if verb.dep_ in {"acl", "ccomp"} and verb.head.pos_ == "NOUN" and verb.head.lemma_.lower() in words["directive"]:
        return "hypothetical"  # "its demand that Israel ease restrictions"
    if verb.dep_ == "ccomp" and _directive_object(verb.head, kb):
        return "hypothetical"  # "reiterated its demand today that Israel ease restrictions"
    governor = _governor(verb)
    if governor is None:
        return "asserted"
    if verb.dep_ == "conj":
        return modality_of(governor, kb)
    lemma = governor.lemma_.lower()
    if verb.dep_ in {"xcomp", "acomp"} or verb.dep_ == "advcl" and verb.tag_ == "VB":
        pending = lemma in {"be", "have"} and any(c.lower_ in words["pending"] for c in governor.children)
        if lemma in words["denial"] or pending:
            return "negated"
        if lemma in words["intention"] or governor.lower_ in words["intention"]:
            return "future"
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "for" for c in children):
        return "hypothetical"  # "pushing for the US to support", "waited for Iran to reply": wanted, not done
    infinitive = verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in children)
    if lemma in words["directive"] and (
        verb.dep_ == "xcomp" or verb.dep_ == "ccomp" and verb.tag_ == "VB" or infinitive
    ):
        return "hypothetical"  # "urged Iran to withdraw", "demanded that Iran withdraw"; not "told AFP it withdrew"
    if lemma in kb.speech_verbs:
        return "asserted"
    if not (infinitive or verb.dep_ in {"xcomp", "ccomp", "pcomp"}):
        return "asserted"
    governed = modality_of(governor, kb)
    if governed in {"negated", "hypothetical"}:
        return "hypothetical"
    # "will send troops to help": what a planned action is for is planned too, not done
    return "future" if governed == "future" and verb.dep_ != "ccomp" else "asserted"


def _reported(verb: Token, kb: Knowledge) -> bool:
    """Whether a clause is what a speech verb reports ("said it would ..."), through conjoined clauses."""
    return _reporting_verb(verb, kb) is not None


def _reporting_verb(verb: Token, kb: Knowledge) -> Token | None:
    """The speech verb whose reported clause this is, through conjoined clauses, if any."""
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    return verb.head if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in kb.speech_verbs else None
