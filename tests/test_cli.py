"""The `eventwire` command, run in-process with the real pipeline."""

import json

import pytest
from typer.testing import CliRunner

from conftest import example_path
from eventwire.cli import app

runner = CliRunner()
ARTICLE = "Peru, Chile Sign Fishing Pact\n\nPeru and Chile signed a fishing agreement in Lima on Monday.\n"


@pytest.fixture
def inputs(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE)
    bad = {
        "empty.txt": b"   \n",
        "binary.txt": b"\x00\x01\x02 not text",
        "latin1.txt": "Perú condenó".encode("latin-1"),
        "big.txt": ("Peru met Chile. " * 400).encode(),
    }
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "folder").mkdir()
    return tmp_path, good, [*(tmp_path / n for n in bad), tmp_path / "folder"]


def test_code_prints_jsonl_with_the_fixed_schema():
    path = example_path("2019-10-09")
    result = runner.invoke(app, ["code", str(path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records[0]["type"] == "document" and records[0]["date"] == "2019-10-09"
    events = [r for r in records if r["type"] == "event"]
    quotes = [r for r in records if r["type"] == "quote"]
    assert events and quotes
    for field in (
        "doc",
        "sentence",
        "source",
        "target",
        "cameo",
        "plover",
        "quad_class",
        "goldstein",
        "date",
        "location",
        "modality",
        "negated",
        "text",
        "spans",
        "rule",
    ):
        assert field in events[0]
    assert set(events[0]["source"]) == {"name", "code", "country", "sector"}
    assert {"speaker", "text", "verb", "spans", "direct"} <= set(quotes[0])


def test_code_with_date_and_table_and_csv(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    table = runner.invoke(app, ["code", str(path), "--date", "2020-01-08"])
    assert table.exit_code == 0 and "Events" in table.stdout and "PER" in table.stdout
    csv_out = runner.invoke(app, ["code", str(path), "--format", "csv"])
    header, *rows = csv_out.stdout.splitlines()
    assert header.startswith("type,id,doc,sentence") and rows
    assert runner.invoke(app, ["code", str(path), "--date", "08/01/2020"]).exit_code == 2


def test_bad_inputs_get_one_line_each_and_the_rest_is_stored(inputs, monkeypatch, tmp_path):
    folder, good, bad = inputs
    monkeypatch.setenv("EVENTWIRE_MAX_BYTES", "4000")
    db = tmp_path / "x.duckdb"
    result = runner.invoke(app, ["ingest", str(good), *map(str, bad), "--db", str(db)])
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("eventwire: skipped")]
    assert len(lines) == len(bad)
    for path in bad:
        assert sum(str(path) in line for line in lines) == 1
    assert "stored 1 documents" in result.stderr
    again = runner.invoke(app, ["ingest", str(good), "--db", str(db)])
    assert again.exit_code == 0 and "stored 0 documents" in again.stderr and "1 already stored" in again.stderr


def test_events_quotes_and_export_commands(tmp_path):
    db = tmp_path / "e.duckdb"
    assert runner.invoke(app, ["ingest", str(example_path("2019-10-09")), "--db", str(db)]).exit_code == 0
    listed = runner.invoke(app, ["events", "--db", str(db), "--actor", "SAU", "--format", "jsonl"])
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert rows and all(r["source"]["country"] == "SAU" for r in rows)
    quotes = runner.invoke(app, ["quotes", "--db", str(db), "--format", "jsonl"])
    assert quotes.exit_code == 0 and json.loads(quotes.stdout.splitlines()[0])["type"] == "quote"
    out = tmp_path / "events.parquet"
    exported = runner.invoke(app, ["export", "--format", "parquet", "--db", str(db), "--out", str(out)])
    assert exported.exit_code == 0 and out.stat().st_size > 0


def test_querying_a_missing_store_says_how_to_make_one(tmp_path):
    result = runner.invoke(app, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and "eventwire ingest" in result.stderr
