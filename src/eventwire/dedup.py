"""Near-duplicate articles (syndicated wire copy) grouped into stories with MinHash/LSH.

Exact duplicates never get this far: a document's id is a hash of its cleaned text and
the store keeps it once, with every URL it was seen at. Wire copy republished with a
new headline, a trimmed paragraph or a changed byline is a different document with
nearly the same body: its MinHash signature (word 5-gram shingles of the body, title
left out) finds the earlier copy through locality-sensitive hashing, and it joins that
copy's story. A story is named by the id of its first document.

The signatures are stored with their documents, so the index is rebuilt from the store
when a run starts and a story keeps growing across runs. Signatures are computed where
documents are coded (in the workers); the index only compares them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

NUM_PERM = 128
SCHEME = "affine32"  # datasketch >= 2: hash values below 2**32, stored as UINTEGER[]
SHINGLE_WORDS = 5
WORD = re.compile(r"\w+")


def signature(text: str) -> MinHash:
    """The MinHash of a text's word 5-grams (lowercased, punctuation dropped)."""
    words = WORD.findall(text.lower())
    shingles = {" ".join(words[i : i + SHINGLE_WORDS]).encode() for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    minhash.update_batch(sorted(shingles))
    return minhash


class StoryIndex:
    """The LSH index of every known document's signature, and the story each belongs to."""

    def __init__(self, threshold: float) -> None:
        self.threshold = threshold
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.signatures: dict[str, np.ndarray] = {}  # uint32 hash values: half the size of a MinHash
        self.stories: dict[str, str] = {}

    def add(self, doc: str, story: str, values: np.ndarray | list[int]) -> None:
        """Index a document's signature (its MinHash hash values) under `story`."""
        if doc in self.stories:
            return
        self.lsh.insert(doc, _lean(values))
        self.signatures[doc] = np.asarray(values, dtype=np.uint32)
        self.stories[doc] = story

    def load(self, rows: Iterable[tuple[str, str, list[int]]]) -> StoryIndex:
        """Add stored (doc, story, signature) rows; returns self."""
        for doc, story, values in rows:
            self.add(doc, story, values)
        return self

    def assign(self, doc: str, values: np.ndarray) -> str:
        """The story of a new document with this signature: its closest near-duplicate's, else its own."""
        if doc in self.stories:
            return self.stories[doc]
        ours = values.astype(np.uint32)
        scored = [(float(np.mean(ours == self.signatures[other])), other) for other in self.lsh.query(_lean(values))]
        close = [(score, other) for score, other in scored if score >= self.threshold]
        story = self.stories[max(close)[1]] if close else doc
        self.add(doc, story, values)
        return story


def _lean(values: np.ndarray | list[int]) -> LeanMinHash:
    """Hash values as a MinHash for the LSH index, without the permutations a full MinHash builds."""
    return LeanMinHash(seed=1, hashvalues=np.asarray(values, dtype=np.uint64), scheme=SCHEME)
