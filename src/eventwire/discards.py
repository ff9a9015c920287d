"""Discard phrases (discards.tsv): sentences and whole documents that are not coded.

A PETRARCH user keeps a list of phrases that mark text with no political events in it
(sports results, weather, celebrity news): a sentence that holds one is not coded, and a
document-wide phrase stops the whole document from being coded. PETRARCH's meaning is
kept: a phrase matches at the start of a word, case-insensitively, as a stem ("typhoon"
also matches "typhoons") unless it ends in `_`, when the word must end there too.
Each skip keeps its reason (the phrase, its file and line) in the document's notes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Literal

from .errors import DictionaryError
from .records import Sentence

Scope = Literal["document", "sentence"]
SCOPES: tuple[Scope, ...] = ("document", "sentence")


@dataclass(frozen=True)
class Discard:
    """One phrase (lowercase words; a trailing `_`: the last word must end there), what it discards, where."""

    phrase: str
    scope: Scope
    line: int
    file: str

    def found_in(self, text: str) -> bool:
        return _compile(self.phrase).search(text) is not None

    def reason(self, index: int) -> str:
        """Why sentence `index` is not coded, as the document's notes say it."""
        where = "document" if self.scope == "document" else f"sentence {index}"
        return f"{where} discarded: {self.phrase!r} ({self.file}:{self.line})"


@cache
def _compile(phrase: str) -> re.Pattern[str]:
    whole = phrase.endswith("_")
    words = phrase.rstrip("_").split()
    return re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + (r"(?!\w)" if whole else ""), re.I)


def parse_discard(file: str, line: int, scope: str, phrase: str) -> Discard:
    """A discard from its scope and phrase; a bad one is a DictionaryError at its line."""
    words = phrase.lower().replace("_", " ").split()
    if scope not in SCOPES:
        raise DictionaryError(file, line, f"scope must be {' or '.join(SCOPES)}, found {scope!r}")
    if not any(re.search(r"\w", w) for w in words):
        raise DictionaryError(file, line, f"a discard phrase needs a word: {phrase!r}")
    ending = "_" if phrase.rstrip().endswith("_") else ""
    return Discard(" ".join(words) + ending, "document" if scope == "document" else "sentence", line, file)


def discarded_sentences(sentences: Iterable[Sentence], discards: tuple[Discard, ...]) -> dict[int, str]:
    """Sentence index -> why it is not coded; a document discard in any sentence (the title
    too) discards every sentence."""
    texts = [(s.index, s.text) for s in sentences]
    whole = next((d for d in discards if d.scope == "document" and any(d.found_in(t) for _, t in texts)), None)
    if whole is not None:
        return {i: whole.reason(i) for i, _ in texts}
    reasons: dict[int, str] = {}
    for index, text in texts:
        found = next((d for d in discards if d.scope == "sentence" and d.found_in(text)), None)
        if found is not None:
            reasons[index] = found.reason(index)
    return reasons
