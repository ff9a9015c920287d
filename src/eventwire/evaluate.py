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
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .errors import GoldError
from .knowledge import Knowledge
from .pipeline import Pipeline
from .records import Actor, CodedDocument, Event


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
    groups = {igo.code: igo.group for igo in kb.igos}
    return groups.get(actor.code or "")


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
    for number, line in enumerate(gold_path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            gold = json.loads(line)
            path = articles / gold["file"]
            doc_date = date.fromisoformat(gold["doc_date"]) if gold.get("doc_date") else None
        except (ValueError, KeyError, TypeError) as exc:
            raise GoldError(f"{gold_path}:{number}: not a gold record ({exc})") from exc
        if not path.is_file():
            raise GoldError(f"{gold_path}:{number}: article {path} not found (use --articles DIR)")
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
