"""Word-sequence verb patterns (sequences.tsv): PETRARCH's patterns, matched on the words around a verb.

A dependency pattern (verbs.tsv) says what the verb governs; a sequence pattern says which
words stand before and after it, as PETRARCH dictionaries do: `- MOST_CERTAINLY_&NEG_EVER *
OVER EFFORTS [907]`. A PETRARCH user's patterns keep their meaning this way, where a
translation into dependencies would lose the words before the verb, the actor slots and
the synsets. The grammar (data/README.md, sequences.tsv):

- `*` is the verb; words are matched in order, outward from it, case-insensitively;
- words separated by a space may have other words between them, words joined by `_` may not;
- `{a b|c}` is one of several phrases (a synset, expanded by the importer);
- `$` is the source, `+` the target: the next actor from there; `%` a compound actor
  (two or more conjoined actors, who act on each other); `^` skips a noun phrase.

Of the patterns of a verb that match, the one that matches most words wins (then the
one listed first); a match overrides the verb's dependency patterns.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from .errors import DictionaryError

if TYPE_CHECKING:
    from .actors import SentenceActors
    from .knowledge import VerbPattern

SLOTS = {"$": "source", "+": "target", "%": "compound", "^": "skip"}
CLAUSE_HEADS = {"ccomp", "xcomp", "advcl", "relcl", "pcomp"}
CHUNK = re.compile(r"(?:\{[^{}]*\}|[^\s{}])+")


@dataclass(frozen=True)
class Element:
    """One step of a pattern: a word or phrase (`options`), or a slot; `joined` to the step nearer the verb."""

    kind: str  # "words", or a value of SLOTS
    options: tuple[tuple[str, ...], ...]
    joined: bool


@dataclass(frozen=True)
class SequencePattern:
    """A sequence pattern: the rule it codes with (its code and paired code; None: it codes nothing), its steps."""

    id: str
    rule: VerbPattern | None
    before: tuple[Element, ...]  # nearest the verb first
    after: tuple[Element, ...]
    text: str
    line: int


@dataclass(frozen=True)
class SequenceMatch:
    """What a matching pattern says: its code, and the heads of the actors its slots found (None: none)."""

    pattern: SequencePattern
    sources: tuple[Token, ...] | None
    targets: tuple[Token, ...] | None
    words: int

    @property
    def rank(self) -> tuple[int, int]:
        """More words matched first, then more actors placed ("% * TIES" over "* TIES")."""
        return self.words, (self.sources is not None) + (self.targets is not None)


def parse_sequence(path: str, number: int, text: str) -> tuple[tuple[Element, ...], tuple[Element, ...]]:
    """(before, after) steps of a pattern text; a malformed one is a DictionaryError at its line."""
    steps: list[tuple[Element | None, bool]] = []  # None stands for the verb
    if CHUNK.sub("", text).strip():
        raise DictionaryError(path, number, f"unbalanced braces in {text!r}")
    for chunk in CHUNK.findall(text):
        for i, part in enumerate(p for p in re.split(r"_(?![^{]*\})", chunk) if p):
            steps.append((_element(path, number, part), i > 0))
    verbs = [i for i, (e, _) in enumerate(steps) if e is None]
    if len(verbs) != 1:
        raise DictionaryError(path, number, f"a pattern needs one verb marker *: {text!r}")
    at = verbs[0]
    after = tuple(Element(e.kind, e.options, joined) for e, joined in steps[at + 1 :] if e is not None)
    before = tuple(
        Element(e.kind, e.options, steps[j + 1][1]) for j in range(at - 1, -1, -1) if (e := steps[j][0]) is not None
    )
    return before, after


def _element(path: str, number: int, part: str) -> Element | None:
    if part == "*":
        return None
    if part in SLOTS:
        return Element(SLOTS[part], (), False)
    if part.startswith("{") and part.endswith("}"):
        options = tuple(tuple(o.lower().split()) for o in part.strip("{}").split("|") if o.strip())
    else:
        options = ((part.lower(),),)
    if not options or any(w in SLOTS or "*" in w or "{" in w for o in options for w in o):
        raise DictionaryError(path, number, f"bad pattern word {part!r}")
    return Element("words", options, False)


def written_verb(token: Token, written_forms: dict[str, str]) -> bool:
    """A dictionary's verb form that the tagger calls a noun or adjective where a verb belongs: the
    head of a clause, or the root of a sentence with no verb at all ("Arnor in accord with Gondor").
    PETRARCH matches its forms on words, so these are still tried as verbs; a form as a subject,
    object or modifier ("the accord was signed") stays a noun."""
    if token.lower_ not in written_forms:
        return False
    if token.dep_ == "ROOT":
        return not any(t.pos_ in {"VERB", "AUX"} for t in token.sent)
    return token.dep_ in CLAUSE_HEADS


def verb_phrase(verb: Token) -> set[int]:
    """The tokens of a verb's phrase after it, as PETRARCH's parse has it: its objects and the clauses it
    governs, up through "is about to restore" (whose phrase holds what follows "restore" in the clause),
    without a conjoined verb's own phrase. A verb the dictionary codes takes this phrase: PETRARCH
    resumes its search for verbs past its end."""
    chain = [verb]
    while chain[-1].dep_ in {"xcomp", "acomp"} and chain[-1].head is not chain[-1]:
        chain.append(chain[-1].head)
    left_out = {t.i for link in chain for c in link.children if c.dep_ in {"conj", "cc"} for t in c.subtree}
    return {t.i for t in chain[-1].subtree if t.i > verb.i} - left_out


def match_sequence(
    verb: Token, span: Span, patterns: tuple[SequencePattern, ...], actors: SentenceActors
) -> SequenceMatch | None:
    """The best pattern that matches around `verb`: most words, most actors placed, then first listed."""
    if not patterns:
        return None
    scene = _Scene(span, actors)
    best: SequenceMatch | None = None
    for pattern in patterns:
        found = next(_match_pattern(pattern, verb, scene), None)
        if found is not None and (best is None or found.rank > best.rank):
            best = found
    return best


class _Scene:
    """A sentence as the matcher sees it: its words, where actors and noun phrases are."""

    def __init__(self, span: Span, actors: SentenceActors) -> None:
        self.start, self.end = span.start, span.end
        self.doc = span.doc
        self.actor_at: dict[int, tuple[Token, int, int]] = {}  # token -> (head, first, last token)
        for head, mentions in actors.by_token.items():
            for mention in mentions:
                for i in range(mention.start, mention.end):
                    self.actor_at.setdefault(i, (self.doc[head], mention.start, mention.end - 1))
        self.chunk_at = {t.i: (c.start, c.end - 1) for c in span.noun_chunks for t in c}


Bound = dict[str, tuple[Token, ...]]


def _match_pattern(pattern: SequencePattern, verb: Token, scene: _Scene) -> Iterator[SequenceMatch]:
    """Each match; a compound before the verb acts on itself ("X and Y agreed"), one after it is the target."""
    right = max(verb.right_edge.i, verb.i, *verb_phrase(verb))
    for before, words_before in _side(pattern.before, verb.i, -1, scene.start, scene, {}):
        mutual = before.get("compound")
        for after, words_after in _side(pattern.after, verb.i, 1, right, scene, {}):
            targets = mutual or before.get("target") or after.get("target") or after.get("compound")
            sources = mutual or before.get("source") or after.get("source")
            yield SequenceMatch(pattern, sources, targets, words_before + words_after)


def _side(
    elements: tuple[Element, ...], at: int, step: int, limit: int, scene: _Scene, bound: Bound
) -> Iterator[tuple[Bound, int]]:
    """Every way the steps match from token `at` outward (step -1 or 1) up to token `limit`."""
    if not elements:
        yield bound, 0
        return
    element, rest = elements[0], elements[1:]
    nearest = at + step
    candidates = [nearest] if element.joined else range(nearest, limit + step, step)
    for position in candidates:
        if not (scene.start <= position < scene.end) or (position - limit) * step > 0:
            return
        for edge, words, found in _step(element, position, step, scene):
            if (edge - limit) * step <= 0:
                for outcome, more in _side(rest, edge, step, limit, scene, {**bound, **found}):
                    yield outcome, words + more
        if element.kind == "skip":
            return


def _step(element: Element, position: int, step: int, scene: _Scene) -> Iterator[tuple[int, int, Bound]]:
    """(far edge, words matched, actors found) of each way one step matches at `position`."""
    doc = scene.doc
    if element.kind == "words":
        for option in element.options:
            first = position if step > 0 else position - len(option) + 1
            inside = first >= scene.start and first + len(option) <= scene.end
            if inside and all(doc[first + k].lower_ == w for k, w in enumerate(option)):
                yield (first + len(option) - 1 if step > 0 else first), len(option), {}
    elif element.kind == "skip":
        first, last = scene.chunk_at.get(position, (position, position))
        yield (last if step > 0 else first), 0, {}
    elif position in scene.actor_at:
        head, first, last = scene.actor_at[position]
        heads = tuple(sorted({head, *(c for c in head.conjuncts if c.i in scene.actor_at)}, key=lambda t: t.i))
        if element.kind != "compound" or len(heads) > 1:
            yield (last if step > 0 else first), 0, {element.kind: heads}
