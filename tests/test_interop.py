"""GDELT, PLOVER and ICEWS exports; GDELT import and comparison; the CAMEO code tables behind them.

Exports are read back the way their users read them: GDELT with pyarrow.csv and the
codebook's column names and types (read here with the csv module from
gdelt_columns.tsv), ICEWS with the csv module, PLOVER as JSON lines.
"""

import csv
import json
import zipfile
from collections import Counter
from datetime import date, datetime

import pyarrow as pa
import pyarrow.csv as pacsv
import pytest
from typer.testing import CliRunner

from conftest import EXAMPLES
from eventwire.cli import app
from eventwire.engine import ingest_paths
from eventwire.errors import DictionaryError
from eventwire.knowledge import DATA_DIR, NULL_CODE, PLOVER_TYPES, default_knowledge
from eventwire.records import RawDocument
from eventwire.store import Store, export
from eventwire.store.formats import ICEWS_COLUMNS, load_actor_types
from eventwire.store.gdelt import load_layouts, mentions_path

runner = CliRunner()
URL = "https://news.example.com/world/peru-chile-border"
ARTICLE = """Peru Condemns Chile Over Border

LIMA, March 12 (Agency) - Peru condemned Chile on Monday over the disputed maritime border.

Chile rejected the criticism on Tuesday and accused Peru of provoking the dispute.

Bolivia urged both countries to negotiate.
"""
ARROW_TYPES = {"INTEGER": pa.int64(), "FLOAT": pa.float64(), "STRING": pa.string()}
# CAMEO 1.1b3 event codes: per root, the last three-digit code and the four-digit codes under each.
CAMEO_1_1B3 = {
    "01": (9, {}),
    "02": (8, {"021": 4, "023": 4, "024": 4, "025": 6}),
    "03": (9, {"031": 4, "033": 4, "034": 4, "035": 6}),
    "04": (6, {}),
    "05": (7, {}),
    "06": (4, {}),
    "07": (5, {}),
    "08": (7, {"081": 4, "083": 4, "084": 2, "086": 3, "087": 4}),
    "09": (4, {}),
    "10": (8, {"101": 4, "103": 4, "104": 4, "105": 6}),
    "11": (6, {"112": 5}),
    "12": (9, {"121": 2, "122": 4, "123": 4, "124": 6}),
    "13": (9, {"131": 3, "132": 4, "138": 5}),
    "14": (5, {"141": 4, "142": 4, "143": 4, "144": 4, "145": 4}),
    "15": (4, {}),
    "16": (6, {"162": 3, "166": 3}),
    "17": (5, {"171": 2, "172": 4}),
    "18": (6, {"182": 3, "183": 3}),
    "19": (6, {}),
    "20": (4, {"204": 2}),
}
GDELT_ADDITIONS = {"155", "176", "1834", "1951", "1952"}
COUNTRIES_WITHOUT_FIPS = {"ALA", "BES", "UMI"}


def codebook(table):
    """(name, type) of a GDELT table's columns, read from the data file with the csv module."""
    with (DATA_DIR / "gdelt_columns.tsv").open(encoding="utf-8") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        return [(r["name"], r["type"]) for r in rows if r["table"] == table]


def read_gdelt_table(path, table):
    columns = codebook(table)
    return pacsv.read_csv(
        path,
        read_options=pacsv.ReadOptions(column_names=[n for n, _ in columns]),
        parse_options=pacsv.ParseOptions(delimiter="\t", quote_char=False),
        convert_options=pacsv.ConvertOptions(
            column_types={n: ARROW_TYPES[t] for n, t in columns}, strings_can_be_null=True
        ),
    ).to_pylist()


def gdelt_line(**values):
    """A GDELT 2.0 event line with the given columns set and the others empty."""
    return "\t".join(str(values.get(name, "")) for name, _ in codebook("events")) + "\n"


@pytest.fixture(scope="module")
def stored(pipeline, tmp_path_factory):
    """The example articles and one article with a URL (as an HTML page or JSONL record gives it)."""
    path = tmp_path_factory.mktemp("interop") / "interop.duckdb"
    with Store(path) as store:
        ingest_paths([EXAMPLES], store, pipeline)
        raw = RawDocument(source="peru-chile.html", text=ARTICLE, url=URL, date=date(2019, 3, 12))
        assert store.add(next(iter(pipeline.code([raw]))))
    return path


@pytest.fixture(scope="module")
def stored_events(stored):
    with Store(stored, read_only=True) as store:
        return {
            e["id"]: e for e in store.query("SELECT e.*, d.text AS body FROM events e JOIN documents d ON d.id = e.doc")
        }


@pytest.fixture(scope="module")
def gdelt_export(stored, tmp_path_factory):
    out = tmp_path_factory.mktemp("gdelt") / "events.export.CSV"
    with Store(stored, read_only=True) as store:
        count = export(store, "gdelt", out)
    return out, count


def test_gdelt_export_reads_back_with_the_codebook_types(gdelt_export, stored_events):
    out, count = gdelt_export
    lines = out.read_text(encoding="utf-8").splitlines()
    assert count == len(stored_events) and all(len(line.split("\t")) == 61 for line in lines)
    fips = {c.fips for c in default_knowledge().countries if c.fips}
    by_code = {(e["cameo"], e["date"]) for e in stored_events.values()}
    for row in read_gdelt_table(out, "events"):
        assert isinstance(row["EventCode"], str) and row["EventCode"].isdigit()
        assert row["EventRootCode"] == row["EventCode"][:2] and row["EventBaseCode"] == row["EventCode"][:3]
        assert 1 <= row["QuadClass"] <= 4 and -10 <= row["GoldsteinScale"] <= 10
        day = datetime.strptime(str(row["SQLDATE"]), "%Y%m%d").date()
        assert row["MonthYear"] == day.year * 100 + day.month and row["Year"] == day.year
        datetime.strptime(str(row["DATEADDED"]), "%Y%m%d%H%M%S")
        assert row["NumMentions"] >= 1 and row["NumSources"] >= 1 and row["AvgTone"] is None
        for geo in ("Actor1Geo", "Actor2Geo", "ActionGeo"):
            assert row[f"{geo}_Type"] in {0, 1, 2, 3, 4, 5}
            assert row[f"{geo}_CountryCode"] is None or row[f"{geo}_CountryCode"] in fips
        assert row["Actor1CountryCode"] is None or len(row["Actor1CountryCode"]) == 3
    assert any(code.startswith("0") for code, _ in by_code), "the examples should hold a zero-led code"
    exported = {(r["EventCode"], r["SQLDATE"]) for r in read_gdelt_table(out, "events")}
    assert {(c, int(d.strftime("%Y%m%d"))) for c, d in by_code if d} <= exported


def test_gdelt_places_use_fips_codes_and_geo_types(gdelt_export):
    rows = read_gdelt_table(gdelt_export[0], "events")
    riyadh = [r for r in rows if r["ActionGeo_FullName"] == "Riyadh, Saudi Arabia"]
    assert riyadh and all(r["ActionGeo_Type"] == 4 and r["ActionGeo_CountryCode"] == "SA" for r in riyadh)
    yemen = [r for r in rows if r["ActionGeo_FullName"] == "Yemen"]
    assert yemen and all(r["ActionGeo_Type"] == 1 and r["ActionGeo_FeatureID"] == "YM" for r in yemen)
    un = [r for r in rows if r["Actor1Code"] == "IGOUNO"]
    assert un and all(r["Actor1Type1Code"] == "IGO" and r["Actor1KnownGroupCode"] == "UNO" for r in un)


def test_gdelt_mentions_point_at_the_actors_and_verb_in_the_document(gdelt_export, stored_events):
    out, count = gdelt_export
    mentions = mentions_path(out)
    assert mentions.name == "events.mentions.CSV"
    assert all(len(line.split("\t")) == 16 for line in mentions.read_text(encoding="utf-8").splitlines())
    rows = read_gdelt_table(mentions, "mentions")
    events = {r["GLOBALEVENTID"]: r for r in read_gdelt_table(out, "events")}
    assert len(rows) == count and {r["GLOBALEVENTID"] for r in rows} == set(events)
    # one Event record per event, one Mentions record per report of it (GDELT's NumMentions)
    per_event = Counter(r["GLOBALEVENTID"] for r in rows)
    assert all(events[i]["NumMentions"] == n for i, n in per_event.items())
    assert len(events) < count and max(per_event.values()) > 1
    checked = 0
    for row in rows:
        event = stored_events[row["Extras"].split(">")[1].split("<")[0]]
        assert row["SentenceID"] == event["sentence"] + 1 and row["MentionType"] in {1, 2}
        in_body = event["text"] in event["body"]
        for column, prefix in (("Actor1CharOffset", "source"), ("ActionCharOffset", "verb")):
            span = event["text"][event[f"{prefix}_start"] : event[f"{prefix}_end"]]
            if in_body:
                assert event["body"][row[column] : row[column] + len(span)] == span
                checked += 1
    assert checked > 20
    assert {r["MentionIdentifier"] for r in rows if r["MentionType"] == 1} == {URL}


def test_plover_export_has_the_manual_fields(stored, tmp_path):
    out = tmp_path / "events.plover.jsonl"
    with Store(stored, read_only=True) as store:
        count = export(store, "plover", out)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == count > 0
    fields = {"id", "date", "year", "month", "day", "source", "actor", "recipient", "event", "mode", "context"}
    fields |= {"event_loc", "event_text", "text", "text_info", "cite_info", "quad_code", "event_scale"}
    for record in records:
        assert fields <= set(record)
        assert set(record["event"]) <= PLOVER_TYPES and record["actor"] == record["source"]
        assert all({"name", "country", "sector", "code"} <= set(a) for a in record["actor"] + record["recipient"])
    saudi = next(r for r in records if r["actor"][0]["name"] == "Saudi Arabia" and r["event"] == ["ACCUSE"])
    assert saudi["event_loc"]["name"] == "Riyadh" and saudi["event_loc"]["country"] == "SAU"
    assert saudi["event_loc"]["country code"] == "SA" and saudi["event_loc"]["lat"] == pytest.approx(24.69, abs=0.01)
    peru = next(r for r in records if r["cite_info"]["url"] == URL)
    assert peru["cite_info"]["publication"] == "news.example.com" and peru["year"] == 2019


def test_icews_export_names_countries_and_event_types(stored, tmp_path):
    out = tmp_path / "events.icews.tsv"
    with Store(stored, read_only=True) as store:
        count = export(store, "icews", out)
    with out.open(encoding="utf-8") as fh:
        reader = csv.DictReader(fh, delimiter="\t")
        assert tuple(reader.fieldnames or ()) == ICEWS_COLUMNS
        rows = list(reader)
    kb = default_knowledge()
    names = {c.name for c in kb.countries}
    assert len(rows) == count > 0
    for row in rows:
        assert row["Event Text"] == kb.cameo[row["CAMEO Code"]].name and -10 <= float(row["Intensity"]) <= 10
        assert all(row[c] in names or row[c] == "" for c in ("Source Country", "Target Country", "Country"))
        date.fromisoformat(row["Event Date"])
    saudi = next(r for r in rows if r["Source Name"] == "Saudi Arabia" and r["CAMEO Code"] == "111")
    assert saudi["Source Country"] == "Saudi Arabia" and saudi["City"] == "Riyadh"
    assert saudi["Event Text"] == "Criticize or denounce" and saudi["Country"] == "Saudi Arabia"


def test_cli_export_gdelt_writes_both_tables(stored, tmp_path):
    out = tmp_path / "x.export.CSV"
    result = runner.invoke(app, ["export", "--format", "gdelt", "--out", str(out), "--db", str(stored)])
    assert result.exit_code == 0, result.output
    assert out.is_file() and (tmp_path / "x.mentions.CSV").is_file()
    refused = runner.invoke(app, ["export", "--format", "icews", "--what", "quotes", "--db", str(stored)])
    assert refused.exit_code == 2


def gdelt_1_line(line, with_url):
    """GDELT 1.0 has no ADM2Code columns, an 8-digit DATEADDED, and SOURCEURL only from April 2013."""
    names = [n for n, _ in codebook("events")]
    values = dict(zip(names, line.rstrip("\n").split("\t"), strict=True))
    values["DATEADDED"] = values["DATEADDED"][:8]
    kept = [values[n] for n in names if not n.endswith("ADM2Code") and (with_url or n != "SOURCEURL")]
    return "\t".join(kept) + "\n"


def test_import_gdelt_loads_good_rows_reports_bad_ones_and_adds_nothing_twice(gdelt_export, tmp_path):
    lines = gdelt_export[0].read_text(encoding="utf-8").splitlines(keepends=True)
    zipped = tmp_path / "20190312.export.CSV.zip"
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.writestr("20190312.export.CSV", "".join(lines[:10]))
    v1 = tmp_path / "20130101.export.CSV"
    v1.write_text(gdelt_1_line(lines[10], with_url=True) + gdelt_1_line(lines[11], with_url=False))
    mixed = tmp_path / "mixed.CSV"
    bad_date = lines[13].split("\t")
    bad_date[1] = "20191345"
    mixed.write_text(lines[12] + "too\tfew\tfields\n" + "\t".join(bad_date))
    broken = tmp_path / "broken.zip"
    broken.write_bytes(zipped.read_bytes()[:60])
    db = tmp_path / "external.duckdb"
    args = ["import-gdelt", str(zipped), str(v1), str(mixed), str(broken), "--db", str(db)]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("eventwire: skipped")]
    assert len(errors) == 3
    assert f"{mixed}:2: expected 57, 58 or 61 tab-separated fields, found 3" in errors[0]
    assert f"{mixed}:3: SQLDATE" in errors[1] and str(broken) in errors[2]
    with Store(db, read_only=True) as store:
        formats = store.query("SELECT format, count(*) AS n FROM external_events GROUP BY 1 ORDER BY 1")
        ours = store.counts()["events"]
    assert formats == [{"format": "gdelt1", "n": 2}, {"format": "gdelt2", "n": 11}] and ours == 0
    again = runner.invoke(app, ["import-gdelt", str(zipped), str(v1), "--db", str(db)])
    assert again.exit_code == 0 and "loaded 0 GDELT events, 12 already stored" in again.stderr
    with Store(db, read_only=True) as store:
        assert store.query("SELECT count(*) AS n FROM external_events")[0]["n"] == 13


def test_compare_reports_what_both_gdelt_only_and_we_only_found(stored, tmp_path):
    gdelt = tmp_path / "tiny.export.CSV"
    common = {"SQLDATE": 20190311, "QuadClass": 3, "DATEADDED": 20190312000000}
    gdelt.write_text(
        gdelt_line(GLOBALEVENTID=1, Actor1Code="PER", Actor1CountryCode="PER", Actor2Code="CHLGOV",
                   Actor2CountryCode="CHL", EventCode="111", EventBaseCode="111", EventRootCode="11",
                   SOURCEURL="http://www.News.example.com/world/peru-chile-border/", **common)
        + gdelt_line(GLOBALEVENTID=2, Actor1Code="CHL", Actor1CountryCode="CHL", Actor2Code="PER",
                     Actor2CountryCode="PER", EventCode="190", EventBaseCode="190", EventRootCode="19",
                     SOURCEURL=URL, **common)
        + gdelt_line(GLOBALEVENTID=3, Actor1Code="USA", EventCode="040", EventRootCode="04",
                     SOURCEURL="https://elsewhere.example.org/a", **common)
    )  # fmt: skip
    result = runner.invoke(app, ["compare", "--gdelt", str(gdelt), "--db", str(stored), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    found = {(r["source"], r["target"], r["cameo_root"]): r for r in rows}
    assert found[("PER", "CHL", "11")]["status"] == "both" and found[("PER", "CHL", "11")]["gdelt_ids"] == ["1"]
    assert found[("CHL", "PER", "19")]["status"] == "gdelt" and not found[("CHL", "PER", "19")]["events"]
    ours_only = [r for r in rows if r["status"] == "eventwire"]
    assert ours_only and all(r["events"] and r["events"][0]["sentence"] in ARTICLE for r in ours_only)
    assert "Peru condemned Chile on Monday" in found[("PER", "CHL", "11")]["events"][-1]["sentence"]
    assert "1 of 3 GDELT events cite no stored document" in result.stderr
    table = runner.invoke(app, ["compare", "--gdelt", str(gdelt), "--db", str(stored)])
    assert table.exit_code == 0 and "both" in table.stdout and "eventwire" in table.stdout


def test_cameo_table_covers_every_cameo_1_1b3_event_code():
    expected = set()
    for root, (last, children) in CAMEO_1_1B3.items():
        expected |= {root} | {f"{root}{i}" for i in range(last + 1)}
        expected |= {f"{base}{i}" for base, n in children.items() for i in range(1, n + 1)}
    table = set(default_knowledge().cameo)
    assert expected - table == set()
    assert table - expected == GDELT_ADDITIONS


def test_every_actor_code_in_the_dictionaries_has_a_table_entry():
    kb = default_knowledge()
    types = load_actor_types(DATA_DIR / "cameo_actor_types.tsv")
    assert {"GOV", "MIL", "REB", "IGO", "NGO", "UNO"} <= set(types)
    assert set(kb.agents.values()) <= set(types) and {g.sector for g in kb.named_groups()} <= set(types)
    assert {p.code for patterns in kb.verbs.values() for p in patterns} - {NULL_CODE} <= set(kb.cameo)
    organizations = tuple(c for c, t in types.items() if t.kind == "organization")
    assert all(igo.code.startswith(organizations) for igo in kb.igos)


def test_every_country_has_iso3_and_a_unique_fips_code():
    countries = default_knowledge().countries
    assert all(len(c.iso3) == 3 and c.iso3.isupper() for c in countries)
    missing = {c.iso3 for c in countries if not c.fips}
    assert missing == COUNTRIES_WITHOUT_FIPS
    codes = [c.fips for c in countries if c.fips]
    assert all(len(f) == 2 and f.isupper() for f in codes) and len(codes) == len(set(codes))


def test_malformed_code_tables_name_the_file_and_line(tmp_path):
    types = tmp_path / "cameo_actor_types.tsv"
    types.write_text("code\tkind\tname\nGOV\trole\tGovernment\nMIL\tarmy\tMilitary\n")
    with pytest.raises(DictionaryError, match="cameo_actor_types.tsv:3: kind must be"):
        load_actor_types(types)
    columns = tmp_path / "gdelt_columns.tsv"
    columns.write_text("table\tname\ttype\tgdelt1\nevents\tGLOBALEVENTID\tINTEGER\tyes\n")
    with pytest.raises(DictionaryError, match="expected 61 events and 16 mentions"):
        load_layouts(columns)
