"""Scoring the coder against gold files (format: ../shared/eval/README.md).

Per article, the asserted events (not negated, not future or hypothetical) are reduced
to unique (source, CAMEO root) tuples, and (source, target, root) for the strict score,
and matched greedily to gold events: a tuple matching an unmatched required event is a
true positive; one matching only optional or already-matched events is ignored; one
matching nothing is a false positive. Actors compare as countries (ISO3) or as the
international-body families UNO, EUR, NATO, AFU, IGO.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from spacy.tokens import Token

from .actors import ActorResolver
from .clean import clean
from .errors import GoldError
from .geo import fold, gazetteer, place_of
from .knowledge import Knowledge
from .nlp import parse_documents
from .pipeline import Pipeline, actor_countries
from .records import Actor, CodedDocument, Event, Location


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn


@dataclass
class DocumentReport:
    file: str
    root: Score
    dyad: Score
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    quotes_found: int = 0
    quotes_total: int = 0
    quotes_missed: list[str] = field(default_factory=list)
    non_event_violations: list[str] = field(default_factory=list)


@dataclass
class Report:
    documents: list[DocumentReport]

    def total(self, level: str) -> Score:
        score = Score()
        for d in self.documents:
            score.add(getattr(d, level))
        return score

    @property
    def quotes(self) -> tuple[int, int]:
        return sum(d.quotes_found for d in self.documents), sum(d.quotes_total for d in self.documents)


def actor_key(actor: Actor | None, kb: Knowledge) -> str | None:
    """How an actor compares with gold: its country, else its international-body family."""
    if actor is None:
        return None
    if actor.country:
        return actor.country
    return kb.igo_groups().get(actor.code or "")


def plover_actor_key(actor: Actor | None) -> str | None:
    """How an actor compares with PLOVER gold records: its country, else its code's first three letters.

    PLOVER records code an actor by its CAMEO country or transnational prefix ("IGO", "NGO", "IMG"),
    so every international body is "IGO" there, not its family.
    """
    if actor is None:
        return None
    return actor.country or (actor.code[:3] if actor.code else None)


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _matches(gold: dict[str, Any], source: str, root: str, target: str | None, strict: bool) -> bool:
    if gold["source"] != source or root not in _as_list(gold["cameo_root"]):
        return False
    return not strict or target in _as_list(gold.get("target"))


def score_events(
    coded: CodedDocument, gold: dict[str, Any], kb: Knowledge, strict: bool
) -> tuple[Score, list[str], list[str]]:
    events = [e for e in coded.events if e.modality == "asserted"]
    tuples: dict[tuple[str, str | None, str], Event] = {}
    for e in events:
        source = actor_key(e.source, kb)
        if source is None:
            continue
        target = actor_key(e.target, kb) if strict else None
        tuples.setdefault((source, target, e.cameo[:2]), e)
    gold_events = gold.get("events", [])
    matched = [False] * len(gold_events)
    score, spurious = Score(), []
    for (source, target, root), event in tuples.items():
        hit = next(
            (
                i
                for i, g in enumerate(gold_events)
                if not matched[i] and g.get("required", True) and _matches(g, source, root, target, strict)
            ),
            None,
        )
        if hit is not None:
            matched[hit] = True
            score.tp += 1
        elif not any(_matches(g, source, root, target, strict) for g in gold_events):
            score.fp += 1
            spurious.append(f"{source}->{target or '-'} {event.cameo} [{event.rule}] {event.text}")
    missed = []
    for i, g in enumerate(gold_events):
        if g.get("required", True) and not matched[i]:
            score.fn += 1
            missed.append(f"{g['source']}->{g.get('target')} {g['cameo_root']}: {g.get('evidence', '')}")
    return score, missed, spurious


def score_quotes(coded: CodedDocument, gold: dict[str, Any]) -> tuple[int, list[str]]:
    found, missed = 0, []
    for g in gold.get("quotes", []):
        start = " ".join(g["starts_with"].split()).lower()
        surname = g["speaker"].split()[-1].lower()
        ok = any(
            " ".join(q.text.split()).lower().startswith(start)
            and q.speaker is not None
            and surname in q.speaker.name.lower()
            for q in coded.quotes
        )
        found += ok
        if not ok:
            missed.append(f"{g['speaker']}: {g['starts_with']}")
    return found, missed


def evaluate_file(gold_path: Path, articles: Path, pipeline: Pipeline) -> Report:
    """Code each gold article and score it."""
    reports = []
    for number, gold in enumerate(read_gold(gold_path), start=1):
        try:
            path = articles / gold["file"]
            doc_date = date.fromisoformat(gold["doc_date"]) if gold.get("doc_date") else None
        except (ValueError, KeyError, TypeError) as exc:
            raise GoldError(f"{gold_path}: record {number} is not a gold record ({exc})") from exc
        if not path.is_file():
            raise GoldError(f"{gold_path}: record {number}: article {path} not found (use --articles DIR)")
        coded = pipeline.code_text(path.read_text(encoding="utf-8"), doc_date, source=str(path))
        root, missed, spurious = score_events(coded, gold, pipeline.kb, strict=False)
        dyad, _, dyad_spurious = score_events(coded, gold, pipeline.kb, strict=True)
        found, quotes_missed = score_quotes(coded, gold)
        asserted = [e.text for e in coded.events if e.modality == "asserted"]
        violations = [s for s in gold.get("non_events", []) if any(s in text for text in asserted)]
        reports.append(
            DocumentReport(
                gold["file"],
                root,
                dyad,
                missed,
                spurious + [f"(strict) {s}" for s in dyad_spurious if s not in spurious],
                found,
                len(gold.get("quotes", [])),
                quotes_missed,
                violations,
            )
        )
    return Report(reports)


@dataclass
class PlaceScore:
    """Event places against gold: of `gold` places, how many we gave a place and how many were right.

    Countries count over the gold places whose country is known (`gold_countries`), and of
    those, the ones we located (`located_countries`). `wrong` lists the misses for the report.
    """

    gold: int = 0
    located: int = 0
    right_place: int = 0
    gold_countries: int = 0
    located_countries: int = 0
    right_country: int = 0
    wrong: list[str] = field(default_factory=list)

    def add(self, gold: dict[str, Any], location: Location | None, kb: Knowledge, text: str) -> None:
        country = gold_place_country(gold, kb)
        right = location is not None and same_place(gold, location, kb)
        self.gold += 1
        self.gold_countries += country is not None
        if location is None:
            self.wrong.append(f"{gold['name']}: no place | {text}")
            return
        self.located += 1
        self.right_place += right
        if country is not None:
            self.located_countries += 1
            self.right_country += location.country == country
        if not right:
            self.wrong.append(f"{gold['name']}: {location.name} ({location.country}) | {text}")


@dataclass
class SentenceReport:
    """Per-sentence scoring of the PLOVER event type and the first actor's country."""

    total: int = 0
    type_correct: int = 0
    actor_total: int = 0
    actor_correct: int = 0
    per_type: dict[str, Score] = field(default_factory=dict)
    confusion: dict[tuple[str, str], int] = field(default_factory=dict)
    places: PlaceScore = field(default_factory=PlaceScore)
    geo_places: PlaceScore = field(default_factory=PlaceScore)

    @property
    def type_accuracy(self) -> float:
        return self.type_correct / self.total if self.total else 0.0

    @property
    def actor_accuracy(self) -> float:
        return self.actor_correct / self.actor_total if self.actor_total else 0.0

    @property
    def macro_f1(self) -> float:
        return sum(s.f1 for s in self.per_type.values()) / len(self.per_type) if self.per_type else 0.0


def main_event(coded: CodedDocument) -> Event | None:
    """The sentence's event: the first asserted one with a PLOVER type."""
    typed = [e for e in coded.events if e.modality == "asserted" and e.plover]
    return typed[0] if typed else None


def evaluate_sentences(records: list[dict[str, Any]], pipeline: Pipeline) -> SentenceReport:
    """Score single-event sentences coded in PLOVER (the plover-gsr format)."""
    from .ingest import read_text

    report = SentenceReport()
    raws = [read_text(str(r.get("id", i)), r["text"]) for i, r in enumerate(records)]
    for record, coded in zip(records, pipeline.code(raws), strict=True):
        if not isinstance(coded, CodedDocument):
            continue
        event = main_event(coded)
        gold, predicted = record["event_type"], (event.plover if event else None) or "NONE"
        report.total += 1
        report.type_correct += gold == predicted
        report.per_type.setdefault(gold, Score())
        if predicted != "NONE":
            report.per_type.setdefault(predicted, Score())
        if gold == predicted:
            report.per_type[gold].tp += 1
        else:
            report.per_type[gold].fn += 1
            if predicted != "NONE":
                report.per_type[predicted].fp += 1
            report.confusion[(gold, predicted)] = report.confusion.get((gold, predicted), 0) + 1
        if record.get("event_loc"):
            report.places.add(record["event_loc"], sentence_place(coded, event), pipeline.kb, record["text"])
        if record.get("actors"):
            report.actor_total += 1
            report.actor_correct += event is not None and plover_actor_key(event.source) == record["actors"][0]["code"]
    report.geo_places = score_geo_alone([r for r in records if r.get("event_loc")], pipeline)
    return report


def sentence_place(coded: CodedDocument, event: Event | None) -> Location | None:
    """The place we gave the sentence: its scored event's, else the first placed event's."""
    if event is not None and event.location is not None:
        return event.location
    return next((e.location for e in coded.events if e.location is not None), None)


PLACE_WORDS = re.compile(r"^(?:(?:city|town|village|province|region|district) of )?(.*?)(?: (?:city|province))?$")


def place_name_key(name: str) -> str:
    """A place name as gold and system names compare: folded, without "the", "town of", "province"."""
    return PLACE_WORDS.sub(r"\1", fold(name))


def gold_place_country(gold: dict[str, Any], kb: Knowledge) -> str | None:
    """The gold place's country: its `country code` (ISO2), the country its name is, or the one
    country the gazetteer has places of that name in (unambiguous names only)."""
    if gold.get("country code"):
        return kb.iso3_by_iso2().get(gold["country code"])
    key = place_name_key(gold["name"])
    if key in kb.iso3_by_name():
        return kb.iso3_by_name()[key]
    countries = {p.location.country for p in gazetteer(kb).places.get(key, [])}
    return countries.pop() if len(countries) == 1 else None


def same_place(gold: dict[str, Any], location: Location, kb: Knowledge) -> bool:
    """Whether our place is the gold one: the same name, the same country when gold names a country,
    or a gazetteer place gold's name also denotes ("Basra" for Basrah, "Khatmandu" for Kathmandu)."""
    key = place_name_key(gold["name"])
    if key == place_name_key(location.name):
        return True
    if key in kb.iso3_by_name():
        return location.kind == "country" and location.country == kb.iso3_by_name()[key]
    return any(p.location == location for p in gazetteer(kb).places.get(key, []))


def gold_verb(record: dict[str, Any], tokens: list[Token]) -> Token | None:
    """The gold event's verb in the parse: a word of the markup's first EVT (else of `event_text`),
    a verb where one of them is."""
    marked = re.search(r"\(EVT:\s*([^()]*?)\s*[)}]", record.get("markup") or "")
    words = [w.lower() for w in (marked.group(1).split() if marked else []) + record.get("event_text", "").split()]
    marked_tokens = [t for t in tokens if t.lower_ in words]
    verbs = [t for t in marked_tokens if t.pos_ == "VERB"]
    return min(verbs or marked_tokens, key=lambda t: (words.index(t.lower_), t.i)) if marked_tokens else None


def score_geo_alone(records: list[dict[str, Any]], pipeline: Pipeline) -> PlaceScore:
    """The geo stage on its own: the place it gives each gold event's own verb, parsed and with the
    actor countries as context as in the pipeline, whether or not the coder found an event there."""
    from .ingest import read_text

    score = PlaceScore()
    documents = [clean(read_text(str(r.get("id", i)), r["text"]), pipeline.kb) for i, r in enumerate(records)]
    parsed = parse_documents(documents, pipeline.nlp, pipeline.index.proper_words)
    for record, document in zip(records, parsed, strict=True):
        resolver = ActorResolver(pipeline.index, document.document.date, pipeline.options)
        context = actor_countries([resolver.sentence(p.span) for p in document.sentences])
        verb = gold_verb(record, [t for p in document.sentences for t in p.span])
        location = place_of(verb, pipeline.kb, context) if verb is not None else None
        score.add(record["event_loc"], location, pipeline.kb, record["text"])
    return score


def read_gold(path: Path) -> list[dict[str, Any]]:
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                records.append(json.loads(line))
            except ValueError as exc:
                raise GoldError(f"{path}:{number}: not JSON ({exc})") from exc
    return records


def gold_kind(records: list[dict[str, Any]]) -> str:
    """Which gold format a file is in: "articles", "sentences" (PLOVER) or "petrarch"."""
    first = records[0] if records else {}
    if "file" in first:
        return "articles"
    if "event_type" in first:
        return "sentences"
    if "expected" in first:
        return "petrarch"
    raise GoldError("unknown gold format: expected article records ('file'), PLOVER sentences ('event_type')")
