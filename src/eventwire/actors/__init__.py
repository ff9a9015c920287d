"""From mentions to coded actors: countries, their agents, international bodies, people.

Names come from the knowledge files: countries by name, alias, adjective and demonym;
capitals and seats of power as their governments ("Beijing", "the Kremlin"); bodies
such as the UN Security Council; agents ("police", "Foreign Ministry") combined with
the country that qualifies them. People are learned from the article itself: the
title before a name ("Russian President Vladimir Putin") or an apposition after it
("Ramesh Thakur, director of ... Australian National University") gives their
country and sector, and a later "Putin", "Geng", "he" or "the spokesman" resolves to
them for the rest of the document.

The stage is a package: `mentions` (what it hands on), `index` (the dictionaries as matchers),
`spelling` (misspelt names), `memory` (what a document teaches), `home` (the country an article
is about), `syntax` (where actors sit in a parse) and `resolver` (one sentence's actors).
"""

from .index import ActorIndex
from .mentions import Entry, Mention, SentenceActors
from .resolver import ActorResolver

__all__ = ["ActorIndex", "ActorResolver", "Entry", "Mention", "SentenceActors"]
