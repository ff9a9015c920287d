"""What a document teaches about its people and bodies, kept while its sentences are read:
the title before or after a name, later surnames, pronouns and "the spokesman".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span

from ..records import Actor
from .mentions import Entry, Mention
from .syntax import PLACE_KINDS


@dataclass
class Title:
    """What a person's title tells: sector and role ("spokesman"), country or international body.

    `qualified` marks a title naming an organisation we do not know ("Houthi spokesman"):
    such a person does not default to the country the article was just talking about.
    """

    sector: str | None = None
    role: str | None = None
    country: str | None = None
    code: str | None = None
    qualified: bool = False
    remembered: str | None = None
    guessed: bool = False

    def read(self, entry: Entry, span: Span, memory: DocumentMemory) -> None:
        if entry.kind == "agent":
            # "Foreign Ministry spokesman": the sector of the body, the role of the last word
            self.sector = self.sector or entry.code
            self.role = span.text.lower()
            self.remembered = self.remembered or memory.body(span.text)
        elif entry.kind in PLACE_KINDS and self.country is None and self.code is None:  # not "UN envoy to X"
            self.country = self.code = entry.code
        elif entry.kind == "igo" and self.code is None:
            self.code = entry.code
        elif entry.kind == "group" and self.code is None:
            self.code, self.country, self.sector = entry.code, entry.code[:3], entry.code[3:]


@dataclass
class DocumentMemory:
    """The people and bodies a document has introduced, for later short references."""

    people: dict[str, Actor] = field(default_factory=dict)
    ambiguous: set[str] = field(default_factory=set)
    roles: dict[str, Actor] = field(default_factory=dict)
    bodies: dict[str, set[str]] = field(default_factory=dict)
    last_person: Actor | None = None
    last_speaker: Actor | None = None  # the person last named as a subject: "he" in subject place is them
    last_country: str | None = None
    last_subject: Actor | None = None
    last_body: Actor | None = None  # the international body last named: "the bloc" refers back to it
    recent_countries: list[str] = field(default_factory=list)  # most recent last, each once
    recent_people: list[Actor] = field(default_factory=list)
    home: str | None = None  # the country the article is about (actors/home.py), for agents named without one

    def note(self, mention: Mention) -> None:
        """Keep the countries and people named, in the order last named, for "the two countries"."""
        code = mention.actor.code or "---"
        if mention.kind in {"igo", "agent"} and mention.actor.country is None and not code.startswith("---"):
            self.last_body = mention.actor  # "the UN", "ECOWAS leaders"
        if mention.kind == "person" and mention.actor.country:
            self.recent_people = [p for p in self.recent_people if p.name != mention.actor.name] + [mention.actor]
        elif mention.kind not in {"pronoun", "pair"} and mention.actor.country:
            country = mention.actor.country
            self.recent_countries = [c for c in self.recent_countries if c != country] + [country]

    def remember(self, actor: Actor, name_tokens: list[str], role: str | None) -> None:
        for alias in {actor.name.lower(), *(t.lower() for t in name_tokens if len(t) > 1)}:
            known = self.people.get(alias)
            if known is not None and known.name != actor.name:
                self.ambiguous.add(alias)
            self.people[alias] = actor
        if role:
            self.roles[role] = actor
        self.last_person = actor

    def body(self, phrase: str) -> str | None:
        """The country of "the Foreign Ministry" when the document named only one such ministry."""
        countries = self.bodies.get(phrase.lower(), set())
        return next(iter(countries)) if len(countries) == 1 else None

    def person(self, name: str) -> Actor | None:
        key = name.lower()
        return None if key in self.ambiguous else self.people.get(key)
