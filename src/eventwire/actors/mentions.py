"""What the actor stage hands on: what a matched phrase means (`Entry`), an actor found at a
place in a sentence (`Mention`), and the actors of each token of a sentence (`SentenceActors`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Token

from ..records import Actor


@dataclass(frozen=True)
class Entry:
    """What a dictionary phrase means; `others` are the further codes of a name listed under several."""

    kind: str  # country, adjective, capital, seat, city, region, area (no actor), igo, group, agent
    code: str  # ISO3 for places, the IGO code, or the sector for agents (`NGO~`: goes before the actor's code)
    name: str
    others: tuple[Entry, ...] = ()

    def each(self) -> tuple[Entry, ...]:
        """This entry and the others its phrase stands for ("the Shire" [FRO/BIL/SAM]: one actor per code)."""
        return (replace(self, others=()), *self.others)


@dataclass(frozen=True)
class Mention:
    """An actor found at a place in a sentence (token offsets in the sentence's Doc)."""

    actor: Actor
    start: int
    end: int
    char_start: int
    char_end: int
    kind: str


@dataclass(frozen=True)
class SentenceActors:
    """The actors each token of a sentence stands for (heads of noun phrases)."""

    by_token: dict[int, tuple[Mention, ...]]
    first_person: frozenset[int]
    modifiers: dict[int, Mention] = field(default_factory=dict)

    def at(self, token: Token) -> tuple[Mention, ...]:
        return self.by_token.get(token.i, ())

    def modifier(self, token: Token) -> Mention | None:
        """The country an adjective names ("Chinese" in "Chinese survey ship"), not an actor by itself."""
        return self.modifiers.get(token.i)

    def named(self, token: Token) -> tuple[Mention, ...]:
        """The actors the token stands for, else the country it names as an adjective ("Israeli drone strikes")."""
        modifier = self.modifiers.get(token.i)
        return self.at(token) or ((modifier,) if modifier is not None else ())
