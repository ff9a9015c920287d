"""PETRARCH's comma-delimited clauses: short stretches between commas that the coder ignores.

TABARI and PETRARCH drop a clause set off by commas when its length in words falls within
set bounds, so that "Arnor, almost five years after the embassy burned, restored ties
with Gondor" is coded as "Arnor restored ties with Gondor" (PETRARCH's config.ini
options comma_min, comma_max, comma_bmin, comma_bmax, comma_emin, comma_emax, see
`settings.CommaClauses`). Three kinds are checked: the initial clause (before the first
comma), the terminal one (after the last) and each internal one (between two commas); a
maximum of 0 turns a kind off. A word is a token that begins with a letter; a comma inside a
noun phrase ("Arnor, Gondor and Rohan", "complete, full ties") sets off no clause, since
PETRARCH has made the phrase one actor phrase before it looks for commas.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from ..settings import CommaClauses

if TYPE_CHECKING:
    from ..actors import SentenceActors


def dropped_clauses(span: Span, bounds: CommaClauses) -> frozenset[int]:
    """The tokens of the sentence's comma-delimited clauses whose length is within `bounds`."""
    commas = [t.i for t in span if t.text == "," and not _in_noun_phrase(t)]
    if not commas:
        return frozenset()
    end = span.end - 1 if span[-1].is_punct else span.end
    stretches = []
    if bounds.initial_max:
        stretches.append((span.start, commas[0], bounds.initial_min, bounds.initial_max))
    if bounds.terminal_max:
        stretches.append((commas[-1] + 1, end, bounds.terminal_min, bounds.terminal_max))
    if bounds.internal_max:
        stretches += [
            (a + 1, b, bounds.internal_min, bounds.internal_max) for a, b in zip(commas, commas[1:], strict=False)
        ]
    dropped: set[int] = set()
    for first, last, low, high in stretches:
        if low <= sum(span.doc[i].text[:1].isalpha() for i in range(first, last)) <= high:
            dropped.update(range(first, last))
    return frozenset(dropped)


def _in_noun_phrase(comma: Token) -> bool:
    """A comma inside a phrase below a verb ("Arnor, Gondor and Rohan", "complete, full ties", "Osgiliath,
    the state's foe"), not at its edge: the phrase of the highest word above it that a verb governs."""
    top = comma.head
    while top.pos_ not in {"VERB", "AUX"} and top.head is not top and top.head.pos_ not in {"VERB", "AUX"}:
        top = top.head
    return top.pos_ not in {"VERB", "AUX"} and top.left_edge.i < comma.i < top.right_edge.i


def actors_outside(actors: SentenceActors, dropped: frozenset[int]) -> SentenceActors:
    """The sentence's actors less those in dropped clauses, which are no source or target either."""
    if not dropped:
        return actors
    by_token = {i: ms for i, ms in actors.by_token.items() if i not in dropped}
    modifiers = {i: m for i, m in actors.modifiers.items() if i not in dropped}
    return replace(actors, by_token=by_token, first_person=actors.first_person - dropped, modifiers=modifiers)
