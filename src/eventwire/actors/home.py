"""The article's home country: the one country a story is about, for agents it names without a country.

"The government said", "security forces fired", "police arrested" in a story about Nepal are Nepal's. The
country the article talked about last is a poor guess for them (a Bangladesh story names Syria through
"Islamic State"), so the home country is weighed over the whole document once, before its actors are
resolved: the dateline's place counts most, then every country the title names, then the countries of the
first paragraph's subjects, then each sentence that names the country at all. A home country is clear when
it scores at least twice the next one and at least `MIN_SCORE`, so that a lone sentence (a document of one
sentence, as plover-gsr's are) never makes its own country the home of its own bare agents.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Span

from ..nlp import ParsedSentence
from .index import ActorIndex
from .mentions import Entry
from .resolver import NAMED_PLACES

DATELINE_WEIGHT = 3  # "KATHMANDU, Nepal (AP) -": where the reporter files from, nearly always the story's place
TITLE_WEIGHT = 2  # each country the title names
SUBJECT_WEIGHT = 2  # a country as (or qualifying) a subject of the first paragraph: what the lead is about
SENTENCE_WEIGHT = 1  # each further sentence naming the country
MIN_SCORE = 4  # a dateline and one sentence, a title and a sentence, or four sentences: never one sentence
SUBJECT_DEPS = {"nsubj", "nsubjpass"}


def home_country(
    index: ActorIndex,
    sentences: tuple[ParsedSentence, ...],
    dateline: str | None,
    matches: list[dict[int, tuple[Entry, Span]]] | None = None,
) -> str | None:
    """The country the document is about, or None when no country clearly leads (see the module's doc).

    `matches`: each sentence's dictionary matches when the caller has them (the resolver needs the same ones).
    """
    scores: Counter[str] = Counter()
    if dateline:
        codes = {index.place_code(part) for part in dateline.replace("(", ",").split(",")}
        for code in (c for c in codes if c is not None):
            scores[code] += DATELINE_WEIGHT
    first = next((p.sentence.paragraph for p in sentences if p.sentence.kind == "body"), None)
    for number, parsed in enumerate(sentences):
        if parsed.sentence.kind == "caption":
            continue
        found = matches[number] if matches is not None else index.match(parsed.span)
        named = {e.code for entry, _ in found.values() for e in entry.each() if e.kind in NAMED_PLACES | {"city"}}
        if parsed.sentence.kind == "title":
            weight = TITLE_WEIGHT
        else:
            weight = SENTENCE_WEIGHT
            if parsed.sentence.paragraph == first:
                for code in subject_countries(parsed.span, found):
                    scores[code] += SUBJECT_WEIGHT
        for code in named:
            scores[code] += weight
    ranked = scores.most_common(2)
    if not ranked or ranked[0][1] < MIN_SCORE:
        return None
    if len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
        return None
    return ranked[0][0]


def subject_countries(span: Span, matches: dict[int, tuple[Entry, Span]]) -> set[str]:
    """Countries that are, or qualify, a subject of the sentence ("Nepal's army", "Bangladeshi police said")."""
    found = set()
    for token in (t for t in span if t.dep_ in SUBJECT_DEPS):
        for word in (token, *(c for c in token.children if c.dep_ in {"amod", "compound", "poss", "nmod"})):
            entry = matches.get(word.i, (None,))[0]
            if entry is not None:
                found |= {e.code for e in entry.each() if e.kind in NAMED_PLACES}
    return found
