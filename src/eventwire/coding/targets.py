"""To whom: the target phrases of a verb and the actor inside them that is the party acted on, not a venue or
a place further in; "including" lists.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..actors import Mention, SentenceActors
from ..actors.syntax import LOCATIVE_PREPS, MODIFIER_DEPS, of_objects
from ..knowledge import Knowledge, VerbPattern
from .subjects import NOUN_CLAUSE_DEPS
from .tree import is_passive, phrase_tokens, preposition_objects, with_conjuncts

EXAMPLE_PREPS = {"including"}  # "banned observers, including China and the EU": the list names the targets


def target_heads_of(verb: Token, pattern: VerbPattern, as_active: bool = False) -> list[Token]:
    if pattern.prep:
        # "fired on Kyrgyz vehicles on their side of the border": a second such phrase says where, or when
        objects = [o for o in preposition_objects(verb, pattern.prep) if o.ent_type_ not in {"DATE", "TIME"}]
        return with_conjuncts(objects[:1])
    if is_passive(verb) and not as_active:
        return with_conjuncts([c for c in verb.children if c.dep_ == "nsubjpass"])
    objects = [c for c in verb.children if c.dep_ in {"dobj", "obj", "dative"}]
    shared = verb.i + 2 < len(verb.doc) and verb.nbor(1).dep_ == "cc" and verb.nbor(2).head == verb
    if not objects and shared and verb.nbor(2).dep_ == "conj":
        # "shelled and bombed the provinces": two verbs joined by "and" alone share the second's object
        objects = [c for c in verb.nbor(2).children if c.dep_ in {"dobj", "obj"}]
    return with_conjuncts(objects)


def venue(mention: Mention, span: Span, pattern: VerbPattern, kb: Knowledge) -> bool:
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


def listed_examples(verb: Token, target_heads: list[Token]) -> list[Token]:
    """The nouns an "including" list gives as examples of the object ("banned all observers from the forum,
    including China and the EU"; "talks to those he disagrees with, including the Socialists"): the parser hangs
    the list on the object, on a noun after the verb's preposition, or on the object's relative clause."""
    return examples_in(
        [*target_heads, *(o for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj")]
    )


def examples_in(heads: list[Token]) -> list[Token]:
    """The nouns an "including" list inside these phrases gives as examples, also of a subject ("allies including
    Australia and Japan condemned ..."), through no verb but a noun's clause."""
    listed: list[Token] = []
    for head in heads:
        for token in head.subtree:
            if token.dep_ != "prep" or token.lower_ not in EXAMPLE_PREPS:
                continue
            between = list(token.ancestors)[: list(token.ancestors).index(head)] if head in token.ancestors else []
            if all(t.pos_ not in {"VERB", "AUX"} or t.dep_ in NOUN_CLAUSE_DEPS for t in between):
                listed.extend(o for o in token.children if o.dep_ == "pobj")
    return with_conjuncts(listed)


def actors_inside(heads: list[Token], actors: SentenceActors) -> list[Mention]:
    """The first actor inside an object phrase ("tougher North Korea sanctions"), else the
    country an adjective in it names ("Chinese survey ship deployment"). What qualifies the head itself, or
    its "of" object, comes first: "the targeting of the Iranian mission in the Syrian capital" is Iran's, "fired on
    Kyrgyz vehicles on their side of the border" on Kyrgyzstan; a place or phrase further in counts only after."""
    for head in heads:
        found = first_actors(sorted(_qualified(head), key=lambda t: t.i), actors)
        if found:
            return found
    return first_actors([t for head in heads for t in phrase_tokens(head)], actors)


def _qualified(head: Token) -> list[Token]:
    """A noun with the words that say whose it is: its modifiers and possessor, and its "of" objects with theirs."""
    tokens = [head, *(t for c in head.children if c.dep_ in MODIFIER_DEPS | {"det"} for t in c.subtree)]
    return tokens + [t for o in of_objects(head) for t in _qualified(o)]


def first_actors(phrase: list[Token], actors: SentenceActors) -> list[Mention]:
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
