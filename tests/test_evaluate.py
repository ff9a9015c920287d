"""`eventwire eval` on the gold sets in ../shared/eval (skipped where they are absent).

The floors are the figures last measured minus a margin, so that a regression fails.
"""

import json

import pytest
from typer.testing import CliRunner

from conftest import EXAMPLES, ROOT, SHARED
from eventwire.cli import app
from eventwire.errors import GoldError
from eventwire.evaluate import evaluate_file, evaluate_sentences, read_gold

DEV = SHARED / "eval" / "dev" / "gold.jsonl"
GSR = SHARED / "eval" / "plover-gsr" / "plover_examples.jsonl"
needs_shared = pytest.mark.skipif(not DEV.is_file(), reason="../shared/eval is not beside the project")


@needs_shared
def test_dev_article_scores(pipeline):
    report = evaluate_file(DEV, SHARED / "samples", pipeline)
    root, dyad = report.total("root"), report.total("dyad")
    assert root.f1 >= 0.85 and dyad.f1 >= 0.85
    assert report.quotes == (4, 4)
    assert not any(d.non_event_violations for d in report.documents)


def test_example_article_scores(pipeline):
    # tests/gold/examples.jsonl: the four example articles annotated by hand (see its README)
    report = evaluate_file(ROOT / "tests" / "gold" / "examples.jsonl", EXAMPLES, pipeline)
    root, dyad = report.total("root"), report.total("dyad")
    assert root.precision >= 0.9 and root.f1 >= 0.68 and dyad.f1 >= 0.65
    assert report.quotes[0] >= 26 and report.quotes[1] == 28
    assert not any(d.non_event_violations for d in report.documents)
    # "will meet Houthi negotiators in Muscat": where an agent already named meets is not its country
    assert not any("OMN" in s for d in report.documents for s in d.spurious)


@needs_shared
def test_plover_sentence_scores(pipeline):
    report = evaluate_sentences(read_gold(GSR), pipeline)
    assert report.total == 322
    assert report.type_accuracy >= 0.38 and report.actor_accuracy >= 0.40
    precise = [t for t, s in report.per_type.items() if s.tp + s.fp and s.precision >= 0.6]
    assert len(precise) >= 12


@needs_shared
def test_eval_command_prints_the_table():
    result = CliRunner().invoke(app, ["eval", str(DEV), "--articles", str(SHARED / "samples")])
    assert result.exit_code == 0 and "TOTAL" in result.stdout and "quotes with the right speaker: 4/4" in result.stdout


def test_a_malformed_gold_file_names_the_line(tmp_path, pipeline):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"file": "a.txt", "doc_date": "2020-01-01"}) + "\n{not json\n")
    with pytest.raises(GoldError, match=r"gold.jsonl:2: not JSON"):
        evaluate_file(gold, tmp_path, pipeline)
