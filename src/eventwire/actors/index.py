"""The dictionary side of actor coding: every name in the knowledge files as phrase matchers,
and the office holders of people.tsv by name and date.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Span
from spacy.util import filter_spans

from ..knowledge import Knowledge, Person
from ..records import Actor
from .mentions import Entry
from .spelling import NearNames, Spellings
from .syntax import person_actor, pluralize


class ActorIndex:
    """Phrase matchers over every name in the knowledge files, built once per pipeline."""

    MIN_SURNAME = 7  # shorter surnames one letter apart are too often other people's

    def __init__(self, kb: Knowledge, nlp: Language) -> None:
        self.kb = kb
        self.names = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.agents = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.entries: dict[int, Entry] = {}
        self.order: dict[int, int] = {}
        for country in kb.countries:
            self._add(nlp, self.names, Entry("country", country.iso3, country.name), [country.name, *country.aliases])
            self._add(nlp, self.names, Entry("adjective", country.iso3, country.name), country.adjectives)
            self._add(nlp, self.names, Entry("capital", country.iso3, country.name), country.capitals)
            self._add(nlp, self.names, Entry("seat", country.iso3, country.name), country.seats)
            self._add(nlp, self.names, Entry("city", country.iso3, country.name), country.cities)
        for region in kb.regions:  # "the government of X province": the province's country, like a city
            holder = kb.country(region.country)
            if holder is not None:
                self._add(nlp, self.names, Entry("region", holder.iso3, holder.name), [region.name, *region.aliases])
            elif not region.country:  # "Latin America" is no America: the longer name hides the country in it
                self._add(nlp, self.names, Entry("area", "", region.name), [region.name, *region.aliases])
        for igo in kb.igos:
            self._add(nlp, self.names, Entry("igo", igo.code, igo.name), [igo.name, *igo.aliases])
        for group in kb.named_groups():
            self._add(nlp, self.names, Entry("group", group.code, group.name), [group.name, *group.aliases])
        for word, sector in kb.agents.items():
            self._add(nlp, self.agents, Entry("agent", sector, word), [word])
        self.people: dict[str, list[Person]] = {}
        for person in kb.people:
            for alias in {person.name, *person.aliases}:
                self.people.setdefault(alias.lower(), []).append(person)
        for word, sector in list(kb.agents.items()):
            plural = pluralize(word)
            if plural not in kb.agents:
                self._add(nlp, self.agents, Entry("agent", sector, plural), [plural])
        self.proper_words = frozenset(word.lower() for entry_names in self._all_names() for word in entry_names.split())
        self.spellings = Spellings(kb)
        self.places = place_codes(kb)
        self.surnames = NearNames((key for key in self.people if " " not in key), self.MIN_SURNAME)

    def office_holder(self, name: str, on: date | None, respell: bool = False) -> Actor | None:
        """The person of that name (or surname) in people.tsv, coded with their office on the date.

        With a date, the office held that day; when the name held none then but did before, the
        country of the last office with the sector agents.tsv gives the word "former" (CAMEO's
        elites), since news keeps quoting former leaders. With no date (an undated document), the
        most recent office of the one person the name stands for; a name shared by people of
        different countries is left unresolved rather than guessed. With `respell` (a name the tagger
        took for a person), a surname of at least seven letters one letter off a single known
        surname is that surname ("Mitterand").
        """
        words = name.split()
        keys = [name, words[-1]] if words else []
        near = self.surnames.near(words[-1]) if respell and words and len(words[-1]) >= self.MIN_SURNAME else set()
        for key in dict.fromkeys([*keys, *(near if len(near) == 1 else ())]):
            candidates = self.people.get(key.lower(), [])
            if not candidates:
                continue
            if on is None:
                if len({p.name for p in candidates}) > 1 and len({p.country for p in candidates}) > 1:
                    return None
                return person_actor(max(candidates, key=lambda p: p.start))
            serving = [p for p in candidates if p.serving(on)]
            if serving:
                return person_actor(max(serving, key=lambda p: p.start))
            past = [p for p in candidates if p.end is not None and p.end < on and not p.country.startswith("IGO")]
            if past and len({p.country for p in past}) == 1:
                person = max(past, key=lambda p: p.start)
                return person_actor(person, self.kb.agents.get("former"))
            return None
        return None

    def place_code(self, name: str) -> str | None:
        """The country of a dateline's place, however it is cased ("KATHMANDU", "Nepal")."""
        return self.places.get(name.strip().lower())

    def _all_names(self) -> Iterable[str]:
        for c in self.kb.countries:
            yield from (c.name, *c.aliases, *c.adjectives, *c.capitals, *c.seats, *c.cities)
        for igo in self.kb.igos:
            yield from (igo.name, *igo.aliases)
        for group in self.kb.named_groups():
            yield from (group.name, *group.aliases)

    def _add(self, nlp: Language, matcher: PhraseMatcher, entry: Entry, phrases: Iterable[str]) -> None:
        key = f"{entry.kind}:{entry.code}:{entry.name}"
        label = nlp.vocab.strings.add(key)
        self.entries[label] = entry
        self.order.setdefault(label, len(self.order))
        docs = [nlp.make_doc(p) for p in phrases if p]
        if docs:
            matcher.add(key, docs)

    def match(self, span: Span) -> dict[int, tuple[Entry, Span]]:
        """Longest dictionary matches in the span, keyed by the match's last token; a phrase that
        several actor entries list carries them all (`Entry.others`)."""
        found = [Span(span.doc, s, e, label=m) for m, s, e in [*self.names(span), *self.agents(span)]]
        labels: dict[tuple[int, int], list[int]] = {}
        for match in found:
            labels.setdefault((match.start, match.end), []).append(match.label)
        result = {}
        kept = filter_spans(found)
        covered = {i for match in kept for i in range(match.start, match.end)}
        for token in span:
            if token.i in covered or not token.is_title or token.lower_ in self.proper_words:
                continue  # a misspelt name is capitalised (Spellings.entry): others need no lookup
            entry = self.spellings.entry(token)
            if entry is not None:
                result[token.i] = (entry, span.doc[token.i : token.i + 1])
        for match in kept:
            first, *rest = sorted(dict.fromkeys(labels[match.start, match.end]), key=self.order.__getitem__)
            entry = self.entries[first]
            if entry.kind == "area":
                continue
            others = tuple(self.entries[label] for label in rest if self.entries[label].kind == entry.kind)
            start = match.start + 1 if match[0].lower_ == "the" else match.start
            # a name is found at its head: "the Bank of Japan" acts where "Bank" stands, not "Japan"
            name = span.doc[start : match.end]
            key = name.root.i if entry.kind != "agent" and name.root.pos_ in {"NOUN", "PROPN"} else match.end - 1
            result[key] = (replace(entry, others=others), name)
        return result


def place_codes(kb: Knowledge) -> dict[str, str]:
    """Lower-cased country names, capitals and cities -> the country's code; a name two countries share is left out."""
    codes: dict[str, set[str]] = {}
    for c in kb.countries:
        for name in (c.name, *c.aliases, *c.capitals, *c.cities):
            codes.setdefault(name.lower(), set()).add(c.iso3)
    return {name: next(iter(found)) for name, found in codes.items() if len(found) == 1}
