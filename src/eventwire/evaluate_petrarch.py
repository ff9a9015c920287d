"""Scoring the coder on PETRARCH's unit-test records, with the suite's own dictionaries imported.

Each record is one text with a date, the coder options PETRARCH ran it with (`config`)
and the (source, target, code) triples it must produce, actors written as PETRARCH
writes them (`---` for no target). Recall is the share of expected triples produced,
precision the share of produced triples that are expected; a record that expects no
event, or its rejection, counts as one expected item, right when nothing is coded.
The intentions, refusals, threats and demands eventwire derives from planned, refused,
conditional and required actions (`+intent`, `+refusal`, `+threat`, `+demand` rules) are
not compared: PETRARCH does not derive them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .coding import STANCE_RULES
from .errors import GoldError
from .knowledge import default_knowledge
from .petrarch import PetrarchImport, import_petrarch
from .pipeline import Pipeline
from .records import Actor, CodedDocument
from .settings import CodingOptions, CommaClauses, Settings

DICTIONARY_FILES = {
    "verbs": "PETR.Validate.verbs.txt",
    "actors": "PETR.Validate.actors.txt",
    "agents": "PETR.Validate.agents.txt",
    "discards": "PETR.Validate.discards.txt",
}
Triple = tuple[str, str, str]


@dataclass
class CategoryScore:
    expected: int = 0
    found: int = 0
    produced: int = 0
    right: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 0.0

    @property
    def precision(self) -> float:
        return self.right / self.produced if self.produced else 1.0

    def add(self, other: CategoryScore) -> None:
        self.expected += other.expected
        self.found += other.found
        self.produced += other.produced
        self.right += other.right


@dataclass
class RecordResult:
    id: str
    category: str
    expected: list[Triple]
    produced: list[Triple]
    score: CategoryScore


@dataclass
class PetrarchReport:
    records: list[RecordResult]
    imported: PetrarchImport
    categories: dict[str, CategoryScore] = field(default_factory=dict)

    @property
    def total(self) -> CategoryScore:
        total = CategoryScore()
        for score in self.categories.values():
            total.add(score)
        return total


def dictionary_paths(folder: Path) -> dict[str, Path]:
    """The suite's four dictionaries in `folder`, by kind; a missing one is a GoldError."""
    paths = {kind: folder / name for kind, name in DICTIONARY_FILES.items()}
    missing = [str(p) for p in paths.values() if not p.is_file()]
    if missing:
        raise GoldError(f"{folder}: PETRARCH dictionaries missing: {', '.join(missing)}")
    return paths


COMMA_OPTIONS = {
    "comma_min": "internal_min",
    "comma_max": "internal_max",
    "comma_bmin": "initial_min",
    "comma_bmax": "initial_max",
    "comma_emin": "terminal_min",
    "comma_emax": "terminal_max",
}


def coding_options(config: dict[str, str]) -> CodingOptions:
    """PETRARCH's per-record options that eventwire has an equivalent of (require_dyad is on by default,
    comma clauses have PETRARCH's default bounds); a comma_* value that is no integer is a GoldError."""
    try:
        bounds = {field: int(config[key]) for key, field in COMMA_OPTIONS.items() if key in config}
    except ValueError as exc:
        raise GoldError(f"config {config}: a comma_* option needs an integer ({exc})") from exc
    return CodingOptions(
        comma_clauses=CommaClauses(**bounds),
        require_dyad=config.get("require_dyad", "true").lower() != "false",
        null_actors=True,
        targets_after_verb=True,
        sources_inside_subject=True,
        verb_phrase_scope=True,
        passive_needs_by=True,
        mutual_targets=False,
    )


def actor_code(actor: Actor | None) -> str:
    return (actor.code or "---") if actor else "---"


def produced_triples(coded: CodedDocument) -> list[Triple]:
    return list(
        dict.fromkeys(
            (actor_code(e.source), actor_code(e.target), e.cameo)
            for e in coded.events
            if not e.rule.endswith(STANCE_RULES)
        )
    )


def score_record(expected: list[Triple], produced: list[Triple]) -> CategoryScore:
    if not expected:
        return CategoryScore(expected=1, found=int(not produced), produced=len(produced), right=0)
    return CategoryScore(
        expected=len(expected),
        found=sum(t in produced for t in expected),
        produced=len(produced),
        right=sum(t in expected for t in produced),
    )


def evaluate_petrarch(records: list[dict[str, Any]], dictionaries: Path, settings: Settings) -> PetrarchReport:
    """Import the suite's dictionaries (nothing else) and code every record with its date and options."""
    paths = dictionary_paths(dictionaries)
    imported = import_petrarch(paths["verbs"], paths["actors"], paths["agents"], paths["discards"], default_knowledge())
    pipeline = Pipeline(settings, imported.knowledge)
    report = PetrarchReport([], imported)
    for number, record in enumerate(records, start=1):
        try:
            text, category, on = record["text"], record["category"], datetime.strptime(record["date"], "%Y%m%d").date()
        except (KeyError, TypeError, ValueError) as exc:
            raise GoldError(f"record {number}: needs text, category and a YYYYMMDD date ({exc})") from exc
        expected = [(e["source"], e["target"], e["code"]) for e in record.get("expected") or []]
        produced = _code(pipeline, text, on, record.get("config") or {})
        score = score_record(expected, produced)
        report.records.append(RecordResult(record.get("id", str(number)), category, expected, produced, score))
        report.categories.setdefault(category, CategoryScore()).add(score)
    return report


def _code(pipeline: Pipeline, text: str, on: date, config: dict[str, str]) -> list[Triple]:
    pipeline.options = coding_options(config)
    return produced_triples(pipeline.code_text(text, on))
