"""The pipeline: the stages in order, for one text or a stream of inputs.

    ingest -> clean -> nlp -> actors -> quotes -> coding -> time / geo

Quotes come before coding because a first-person subject inside a quote ("We hope
all parties ...") is the quote's speaker: the coder needs to know who is speaking.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date

from .actors import ActorIndex, ActorResolver
from .actors.home import home_country
from .clean import clean
from .coding import code_sentence
from .discards import discarded_sentences
from .errors import DictionaryError, InputError
from .geo import locate_event
from .ingest import read_text
from .knowledge import DataDirs, Knowledge, default_knowledge, load_knowledge
from .nlp import ParsedDocument, load_model, parse_documents
from .quotes import find_quotes, speaker_lookup
from .records import CodedDocument, Document, Event, RawDocument
from .settings import CodingOptions, Settings
from .time import date_event


@dataclass(frozen=True)
class Skipped:
    """An input whose document is already coded (same cleaned text): nothing to do."""

    source: str
    doc: str


Result = CodedDocument | InputError | Skipped


class Pipeline:
    """Holds what is loaded once (model, dictionaries, matchers) and codes documents."""

    def __init__(
        self, settings: Settings | None = None, kb: Knowledge | None = None, options: CodingOptions | None = None
    ) -> None:
        self.settings = settings or Settings.from_env()
        self.kb = kb or settings_knowledge(self.settings)
        self.options = options or CodingOptions()
        self.nlp = load_model(self.settings.model)
        self.index = ActorIndex(self.kb, self.nlp)

    def code_text(self, text: str, date: date | None = None, source: str = "<text>") -> CodedDocument:
        """Code one article given as text or HTML."""
        result = next(iter(self.code([read_text(source, text, date)])))
        if not isinstance(result, CodedDocument):
            raise result if isinstance(result, InputError) else InputError(source, "already coded")
        return result

    def code(
        self, raws: Iterable[RawDocument | InputError], skip: Callable[[str], bool] | None = None
    ) -> Iterator[Result]:
        """Code a stream of inputs, yielding each result (or the input's error) in order.

        `skip(doc_id)` true means the document is already coded: it is not parsed again.
        """
        pending: list[Result] = []

        def documents() -> Iterator[Document]:
            for raw in raws:
                if isinstance(raw, InputError):
                    pending.append(raw)
                    continue
                document = clean(raw, self.kb)
                if not document.paragraphs and not document.title:
                    pending.append(InputError(raw.source, "no article text left after removing page chrome"))
                    continue
                if skip is not None and skip(document.id):
                    pending.append(Skipped(raw.source, document.id))
                    continue
                yield document

        for parsed in parse_documents(documents(), self.nlp, self.index.proper_words, self.settings.batch_size):
            yield from pending
            pending.clear()
            yield self.code_parsed(parsed)
        yield from pending

    def code_parsed(self, parsed: ParsedDocument) -> CodedDocument:
        """Actors, quotes, events, dates and places of one parsed document."""
        document = parsed.document
        matches = [self.index.match(p.span) for p in parsed.sentences]
        home = home_country(self.index, parsed.sentences, document.dateline, matches)
        resolver = ActorResolver(self.index, document.date, self.options, home)
        actors = [resolver.sentence(p.span, found) for p, found in zip(parsed.sentences, matches, strict=True)]
        quotes = [replace(q, date=document.date) for q in find_quotes(parsed, actors, self.kb)]
        speaker_at = speaker_lookup(quotes)
        context = actor_countries(actors)
        events: list[Event] = []
        discarded = discarded_sentences((p.sentence for p in parsed.sentences), self.kb.discards)
        for sentence, sentence_actors in zip(parsed.sentences, actors, strict=True):
            if sentence.sentence.kind == "caption" or sentence.sentence.index in discarded:
                continue
            for coded in code_sentence(sentence, sentence_actors, self.kb, speaker_at, self.options):
                if self.options.require_dyad and coded.event.target is None:
                    continue
                anchor = None if sentence.sentence.kind == "title" else coded.anchor
                event = date_event(coded.event, anchor, document.date)
                events.append(locate_event(event, anchor, self.kb, context, document.dateline))
        notes = [] if document.date_source == "given" else [f"document date {document.date_source}"]
        notes += dict.fromkeys(discarded.values())
        return CodedDocument(
            document=document,
            sentences=tuple(p.sentence for p in parsed.sentences),
            events=tuple(events),
            quotes=tuple(quotes),
            notes=tuple(notes),
        )


def settings_knowledge(settings: Settings) -> Knowledge:
    """The bundled knowledge, with the files of EVENTWIRE_DATA_DIR in place of theirs."""
    if settings.data_dir is None:
        return default_knowledge()
    if not settings.data_dir.is_dir():
        raise DictionaryError(str(settings.data_dir), None, "EVENTWIRE_DATA_DIR is not a folder")
    return load_knowledge(DataDirs(settings.data_dir))


def actor_countries(actors: list) -> set[str]:
    """The countries a document's actors belong to: the places its events most likely happen in."""
    return {m.actor.country for sa in actors for ms in sa.by_token.values() for m in ms if m.actor.country}


_default: Pipeline | None = None


def default_pipeline() -> Pipeline:
    """A Pipeline with the settings from the environment, created on first use."""
    global _default
    if _default is None:
        _default = Pipeline()
    return _default


def code_text(text: str, date: date | None = None) -> CodedDocument:
    """Code one article (plain text or HTML) and return its typed records."""
    return default_pipeline().code_text(text, date)
