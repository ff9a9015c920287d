"""Who does it: the subject phrases of a verb, read through passives, control, relative and participle
clauses, misparsed appositions, and the users of weapons and issuers of documents.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..actors import Mention, SentenceActors
from ..actors.syntax import PLACE_KINDS, with_sector
from ..knowledge import Knowledge
from ..nlp import ParsedSentence
from ..records import Actor
from .arguments import actors_of, coded_actors_of, light_verb
from .events import SpeakerAt
from .modality import voices
from .tree import direct_object, is_passive, preposition_objects, with_conjuncts

SUBJECT_DEPS = {"nsubj", "csubj"}
INHERIT_SUBJECT_DEPS = {"xcomp", "conj", "acomp", "advcl"}
TITLE_SUBJECT_DEPS = {"npadvmod", "dep", "appos", "nsubj", "compound"}
NOUN_CLAUSE_DEPS = {"acl", "relcl", "ccomp"}
FINITE_TAGS = {"VBD", "VBZ", "VBP"}
RANKING_WORDS = {"first", "last", "only"}  # "the first to congratulate": whoever is that one did it
TIME_MARKS = {"after", "before", "when", "as", "while", "since", "until", "once"}  # clauses that tell another happening
ATTACK_PLACES = {"in", "at", "near", "outside", "around", "on"}  # prepositions of where an unattributed attack happened


def noun_sources(
    noun: Token, parsed: ParsedSentence, actors: SentenceActors, kb: Knowledge, speaker_at: SpeakerAt
) -> list[Mention]:
    """Who does what a noun names: the subject of a light verb whose object it is ("Chad launched an
    offensive", "the army completed its withdrawal"), else its possessor, an actor or country adjective
    before it, or "by X"."""
    light = light_verb(noun, kb)
    if light is not None:
        heads = subject_heads(light, parsed.sentence.kind == "title")
        if not heads and is_passive(light):  # "forces were engaged in ethnic cleansing"
            heads = with_conjuncts([c for c in light.children if c.dep_ == "nsubjpass"])
        doers = coded_actors_of(heads, parsed, actors, speaker_at)
        if doers:
            return doers
    before = [c for c in noun.children if c.dep_ in {"poss", "compound", "amod", "nmod"} and c.i < noun.i]
    found = actors_of(with_conjuncts(before), parsed, actors, speaker_at)
    found += [m for c in before if not actors.at(c) and (m := actors.modifier(c)) is not None]
    found += actors_of(with_conjuncts(preposition_objects(noun, "by")), parsed, actors, speaker_at)
    return [m for m in found if m.actor.code]


def instrument_users(
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
        users = noun_sources(head, parsed, actors, kb, speaker_at)
        # "Israeli drone strikes": the country adjective of a word before the noun
        before = [t for t in head.subtree if t.i < head.i]
        users = users or [m for t in before for m in actors.named(t)]
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
    mentions = [m for t in places for m in actors.named(t)]
    country = next((m.actor.country for m in mentions if m.kind in PLACE_KINDS and m.actor.country), None)
    if country is None:
        return []
    known = kb.country(country)
    actor = with_sector(Actor(known.name if known else country, country, country), sector)
    head = instruments[0]
    start = head.left_edge.idx - parsed.span.start_char
    end = head.idx + len(head) - parsed.span.start_char
    return [Mention(actor, head.left_edge.i, head.i + 1, start, end, "agent")]


def issuers(
    verb: Token, parsed: ParsedSentence, actors: SentenceActors, kb: Knowledge, speaker_at: SpeakerAt
) -> list[Mention]:
    """Who issued the statement a participle describes ("the rebels issued a statement condemning ..."): the
    subject of the speech or light verb whose object the statement is; not of any verb ("saw soldiers
    attacking")."""
    noun = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or noun.dep_ not in {"dobj", "obj"} or not voices(noun.head, kb):
        return []
    heads = subject_heads(noun.head, parsed.sentence.kind == "title")
    return coded_actors_of(heads, parsed, actors, speaker_at)


def subject_heads(verb: Token, title: bool, kb: Knowledge | None = None) -> list[Token]:
    if is_passive(verb):
        agents = preposition_objects(verb, "by") or _stranded_agents(verb)
        if agents:
            return with_conjuncts(agents)
        if kb is not None and verb.lemma_.lower() in kb.modality_words["stative"]:
            return with_conjuncts([c for c in verb.children if c.dep_ == "nsubjpass"])  # "Israel is opposed to"
        if any(c.dep_ == "nsubjpass" for c in verb.children) and any(c.lower_ in TIME_MARKS for c in verb.children):
            return []  # "alleged fraud after X was declared the winner": who declared it is not said
    heads = [_participle_subject(c) for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if not heads and _misparsed_predicate(verb):
        heads = [verb.head]
    if not heads and verb.dep_ == "xcomp" and verb.head is not verb:
        # object control: "urged Iran to release", "called on Israel to withdraw"
        controller = direct_object(verb.head) or next(iter(preposition_objects(verb.head, "on")), None)
        if controller is not None:
            return with_conjuncts([controller])
    if not heads and kb is not None and verb.dep_ == "pcomp" and verb.tag_ == "VBG":
        # "resorted to throwing stones", "are guilty of violating the truce": the governor's subject did it
        governor = verb.head.head
        if governor.lemma_.lower() in kb.modality_words["performed"]:
            if (
                governor.dep_ == "acl"
            ):  # "youths resorted to ...", which the parser read as "youths (who were) resorted"
                return with_conjuncts([governor.head])
            return subject_heads(governor.head if governor.dep_ == "acomp" else governor, title, kb)
    if not heads and kb is not None and verb.dep_ in {"acl", "relcl"} and verb.head.pos_ in {"NOUN", "PROPN", "ADJ"}:
        heads = _clause_noun_subject(verb, kb)
    if title:
        heads += [c for c in verb.children if c.dep_ in TITLE_SUBJECT_DEPS and c.i < verb.i and c not in heads]
    clause = verb.head  # a clause of a noun ("waters that both claim"), unless the verb is conjoined with it
    if not heads and verb.dep_ == "conj" and clause.dep_ in NOUN_CLAUSE_DEPS and clause.head.pos_ in {"NOUN", "PROPN"}:
        # "criticized the deployment to waters both claim, and called on ...": the parser hung the verb in the clause
        main = next((a for a in clause.ancestors if a.pos_ == "VERB" and a.tag_ == verb.tag_), None)
        if main is not None and clause.tag_ != verb.tag_:
            return subject_heads(main, title)
    if not heads and (_elaborates_an_act(verb) or second_gerund(verb)):
        return []  # "accused Ethiopia of attacking a post, wounding four": the wounding is not the accuser's
    timed = verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.lower_ in TIME_MARKS
    if not heads and timed and verb.head.dep_ == "prep" and verb.head.head.pos_ in {"VERB", "AUX"}:
        return subject_heads(verb.head.head, title)  # "After meeting Kurti, Borrell said": Borrell met him
    if not heads and verb.dep_ in INHERIT_SUBJECT_DEPS and verb.head is not verb:
        if verb.dep_ == "conj" and is_passive(verb.head) and not is_passive(verb):
            # "was indicted by the court and will resign": the one indicted resigns, not the court
            return with_conjuncts([c for c in verb.head.children if c.dep_ == "nsubjpass"])
        return subject_heads(verb.head, title)
    return with_conjuncts(heads)


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


def second_gerund(verb: Token) -> bool:
    """Whether a gerund joined to a finite verb goes on with a gerund clause before it, where the parser hung it on
    the wrong verb ("accused X of opening fire and violating the truce"): X violated, not the accuser."""
    if verb.dep_ != "conj" or verb.tag_ != "VBG" or verb.head.tag_ not in FINITE_TAGS:
        return False
    return any(t.dep_ == "pcomp" and t.tag_ == "VBG" and t.i < verb.i for t in verb.head.subtree)
