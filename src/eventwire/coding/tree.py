"""Small reads of the dependency tree that every part of the coder asks: a verb's object, its
prepositional objects, passive voice, conjuncts, the phrase under a head.
"""

from __future__ import annotations

from spacy.tokens import Token

GOVERNING_DEPS = {"xcomp", "ccomp", "advcl", "pcomp", "acomp", "conj"}
RELATIVE_PRONOUN_TAGS = {"WDT", "WP"}  # "which", "that", "who", "whom"; not "whose", which owns the noun after it


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


def with_conjuncts(heads: list[Token]) -> list[Token]:
    out: list[Token] = []
    for head in heads:
        for token in (head, *head.conjuncts):
            if token not in out:
                out.append(token)
    return out


def relative_antecedent(token: Token) -> Token:
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


def phrase_tokens(head: Token) -> list[Token]:
    """The tokens of a noun phrase, up to any clause inside it."""
    tokens = []
    for token in head.subtree:
        if token is not head and token.pos_ in {"VERB", "AUX"}:
            break
        tokens.append(token)
    return tokens


def governing_verb(verb: Token) -> Token | None:
    return verb.head if verb.dep_ in GOVERNING_DEPS and verb.head is not verb else None
