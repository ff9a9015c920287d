"""Names written with one letter dropped, added or swapped ("Afganistan", "Netanyahou"),
matched only where a misspelling cannot be another word.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from ..knowledge import Knowledge
from .mentions import Entry


class NearNames:
    """Known names one letter off a written word: one letter dropped, added or swapped with its neighbour, the
    first and last letters untouched. A changed letter does not count: one-letter changes of names are other
    names ("Roland", "Greene", "Franco")."""

    def __init__(self, names: Iterable[str], min_length: int) -> None:
        self.names = {n.lower() for n in names if n.isalpha() and len(n) >= min_length - 1}
        self.shortened: dict[str, set[str]] = {}
        for name in self.names:
            for cut in inner_deletions(name):
                self.shortened.setdefault(cut, set()).add(name)

    def near(self, word: str) -> set[str]:
        word = word.lower()
        found = set(self.shortened.get(word, set()))
        return found | {v for v in [*inner_deletions(word), *inner_swaps(word)] if v in self.names}


class Spellings:
    """Country names misspelt by one letter in wire copy ("Ethopia", "Quatar", "Isreal"), conservatively.

    A capitalised word of at least six letters that no entry knows and that the tagger does not take for a
    person, nor for part of a longer name ("Paris Saint-Germain"), is a country's name or adjective when it is
    one letter off that name (`NearNames`) and only one country fits. The tagger often takes an unknown
    spelling for an organisation of one word.
    """

    MIN_LENGTH = 6
    ENTITY_TYPES = {"", "GPE", "NORP", "LOC"}

    def __init__(self, kb: Knowledge) -> None:
        self.entries: dict[str, set[Entry]] = {}
        for country in kb.countries:
            for kind, names in (("country", [country.name, *country.aliases]), ("adjective", country.adjectives)):
                for name in names:
                    self.entries.setdefault(name.lower(), set()).add(Entry(kind, country.iso3, country.name))
        self.near = NearNames(self.entries, self.MIN_LENGTH)

    def entry(self, token: Token) -> Entry | None:
        word = token.lower_
        if len(word) < self.MIN_LENGTH or not token.is_alpha or not token.is_title:
            return None
        alone = token.ent_iob_ == "B" and (token.i + 1 == len(token.doc) or token.doc[token.i + 1].ent_iob_ != "I")
        if not (token.ent_type_ in self.ENTITY_TYPES or (token.ent_type_ == "ORG" and alone)) or word in self.entries:
            return None
        found = {e for name in self.near.near(word) for e in self.entries[name]}
        return found.pop() if len({e.code for e in found}) == 1 and len(found) == 1 else None


def inner_deletions(word: str) -> list[str]:
    """The word with one letter removed, never the first or the last."""
    return [word[:i] + word[i + 1 :] for i in range(1, len(word) - 1)]


def inner_swaps(word: str) -> list[str]:
    """The word with two neighbouring letters swapped, never the first or the last."""
    return [word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(1, len(word) - 2)]
