"""The HTTP service over a real store of the example articles: queries, coding, writing, limits, safety."""

from __future__ import annotations

import json
import warnings
from dataclasses import replace
from pathlib import Path

import pytest
import schemathesis
import uvicorn
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import positive_data_acceptance
from starlette.exceptions import StarletteDeprecationWarning
from typer.testing import CliRunner

from conftest import EXAMPLES, example_path
from eventwire.api import DEFAULT_HOST, create_app
from eventwire.cli import app as cli
from eventwire.engine import ingest_paths
from eventwire.settings import Settings
from eventwire.store import Store

with warnings.catch_warnings():  # Starlette now prefers httpx2; httpx (installed) still works
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

TOKEN = "s3cret-token"
HOSTILE = "'; DROP TABLE events; --\"; SELECT 1; /* ) OR 1=1 --"
ARTICLE = "Peru, Chile Sign Fishing Pact\n\nPeru and Chile signed a fishing agreement in Lima on Monday.\n"


def build_store(path: Path, pipeline) -> Path:
    """A store holding the project's example articles, ingested as `eventwire ingest examples/` does."""
    with Store(path) as store:
        summary = ingest_paths([EXAMPLES], store, pipeline, workers=1)
    assert summary.stored == 4 and not summary.failures
    return path


@pytest.fixture(scope="module")
def db(tmp_path_factory, pipeline) -> Path:
    return build_store(tmp_path_factory.mktemp("service") / "events.duckdb", pipeline)


@pytest.fixture(scope="module")
def client(db, pipeline):
    with TestClient(create_app(db, Settings(), pipeline)) as client:
        yield client


@pytest.fixture
def writable(tmp_path, db, pipeline):
    """A client of a copy of the store whose operator set a token."""
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(db.read_bytes())
    with TestClient(create_app(copy, replace(Settings(), api_token=TOKEN), pipeline)) as client:
        yield client, copy


def items(client: TestClient, path: str, **params) -> list[dict]:
    response = client.get(f"/api/v1/{path}", params=params)
    assert response.status_code == 200, response.text
    return response.json()["items"]


def test_events_filter_by_dyad_type_date_modality_and_text(client):
    ph_cn = items(client, "events", actor="PHL", target="CHN")
    assert ph_cn and all(e["source"]["country"] == "PHL" and e["target"]["country"] == "CHN" for e in ph_cn)
    accuse = items(client, "events", plover="accuse", cameo="11")
    assert accuse and all(e["plover"] == "ACCUSE" and e["cameo"].startswith("11") for e in accuse)
    in_2019 = items(client, "events", since="2019-01-01", until="2019-12-31")
    assert in_2019 and all("2019-01-01" <= e["date"] <= "2019-12-31" for e in in_2019)
    modality = next(e["modality"] for e in items(client, "events", limit=500) if e["modality"] != "asserted")
    assert all(e["modality"] == modality for e in items(client, "events", modality=modality))
    attack = items(client, "events", q="ATTACK")
    assert attack and all("attack" in e["text"].lower() for e in attack)
    yemen = items(client, "events", country="YEM")
    assert yemen and all(
        "YEM" in (e["source"]["country"], (e["target"] or {}).get("country"), (e["location"] or {}).get("country"))
        for e in yemen
    )


def test_events_pages_and_sorts(client):
    everything = client.get("/api/v1/events", params={"limit": 500}).json()
    assert everything["total"] == len(everything["items"]) == client.get("/api/v1/counts").json()["events"]
    pages = [
        e["id"]
        for offset in range(0, everything["total"], 20)
        for e in items(client, "events", offset=offset, limit=20)
    ]
    assert pages == [e["id"] for e in everything["items"]]
    newest = [e["date"] for e in items(client, "events", sort="-date", limit=500) if e["date"]]
    assert newest == sorted(newest, reverse=True)
    goldstein = [e["goldstein"] for e in items(client, "events", sort="goldstein", limit=500)]
    assert goldstein == sorted(goldstein)
    assert client.get("/api/v1/events", params={"limit": 501}).status_code == 422
    assert client.get("/api/v1/events", params={"sort": "id; DROP TABLE events"}).status_code == 422


def test_one_event_comes_with_its_document_sentence_and_spans(client):
    event = items(client, "events", actor="SAU", limit=1)[0]
    detail = client.get(f"/api/v1/events/{event['id']}").json()
    assert detail["event"] == event
    assert detail["document"]["id"] == event["doc"] and detail["document"]["title"]
    assert detail["sentence"]["idx"] == event["sentence"] and detail["sentence"]["text"] == event["text"]
    start, end = detail["event"]["spans"]["source"]
    assert event["text"][start:end] and event["rule"]
    assert client.get("/api/v1/events/no-such-event").status_code == 404


def test_one_document_comes_with_its_sentences_events_and_quotes(client):
    documents = items(client, "documents")
    assert len(documents) == 4
    doc = next(d for d in documents if "Houthi" in d["title"])
    detail = client.get(f"/api/v1/documents/{doc['id']}").json()
    assert detail["document"]["title"] == doc["title"] and "Jizan" in detail["document"]["text"]
    assert len(detail["sentences"]) == doc["sentences"]
    assert len(detail["events"]) == doc["events"] and len(detail["quotes"]) == doc["quotes"]
    assert items(client, "documents", q="houthi") == [doc]
    assert [d["id"] for d in items(client, "documents", actor="SAU")] == [doc["id"]]
    assert client.get("/api/v1/documents/nope").status_code == 404


def test_quotes_and_actors(client):
    chinese = items(client, "quotes", actor="CHN")
    assert chinese and all(q["speaker"]["country"] == "CHN" for q in chinese)
    actors = items(client, "actors", limit=500)
    assert actors == sorted(actors, key=lambda a: (-a["mentions"], a["key"]))
    speakers = items(client, "actors", role="speaker", country="chn")
    assert speakers and all(a["country"] == "CHN" and "speaker" in a["roles"] for a in speakers)


def test_dyad_series_counts_the_events_between_two_actors(client):
    both_ways = items(client, "events", actor="PHL", target="CHN") + items(client, "events", actor="CHN", target="PHL")
    for interval in ("day", "week"):
        data = client.get("/api/v1/dyad", params={"a": "PHL", "b": "CHN", "interval": interval}).json()
        series = data["series"]
        assert sum(r["events"] for r in series) == len([e for e in both_ways if e["date"]])
        assert all(sum(r["quad_classes"]) == r["events"] and -10 <= r["goldstein"] <= 10 for r in series)
    directed = client.get("/api/v1/dyad", params={"a": "PHL", "b": "CHN", "directed": True}).json()["series"]
    assert sum(r["events"] for r in directed) == len(
        [e for e in both_ways if e["date"] and e["source"]["country"] == "PHL"]
    )
    assert client.get("/api/v1/dyad", params={"a": "PHL", "b": "CHN", "interval": "year"}).status_code == 422


def test_network_edges_weigh_source_to_target_events(client):
    data = client.get("/api/v1/network").json()
    edge = next(e for e in data["edges"] if (e["source"], e["target"]) == ("PHL", "CHN"))
    assert edge["events"] == len(items(client, "events", actor="PHL", target="CHN"))
    assert {n["id"] for n in data["nodes"]} == {e[end] for e in data["edges"] for end in ("source", "target")}
    assert all(e["events"] >= 2 for e in client.get("/api/v1/network", params={"min_events": 2}).json()["edges"])


def test_code_answers_what_the_cli_prints(client, tmp_path):
    path = example_path("2023-05-17")
    printed = CliRunner().invoke(cli, ["code", str(path), "--format", "jsonl", "--date", "2023-05-17"])
    assert printed.exit_code == 0, printed.output
    expected = [json.loads(line) for line in printed.stdout.splitlines()]
    response = client.post("/api/v1/code", json={"text": path.read_text(encoding="utf-8"), "date": "2023-05-17"})
    assert response.status_code == 200
    answered = response.json()
    assert answered[0]["source"] == "<api>"
    assert [{**r, "source": None} for r in answered[:1]] + answered[1:] == [{**expected[0], "source": None}] + expected[
        1:
    ]
    assert client.get("/api/v1/counts").json()["documents"] == 4  # nothing stored


def test_code_rejects_empty_text(client):
    assert client.post("/api/v1/code", json={"text": "  "}).status_code == 422
    assert client.post("/api/v1/code", json={"date": "2020-01-01"}).status_code == 422


def test_storing_needs_the_operators_token(client, writable):
    body = {"text": ARTICLE, "date": "2024-03-04", "store": True}
    assert client.post("/api/v1/code", json=body).status_code == 403  # no token set: writing disabled
    writer, copy = writable
    assert writer.post("/api/v1/code", json=body).status_code == 401
    wrong = writer.post("/api/v1/code", json=body, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 403
    assert writer.get("/api/v1/counts").json()["documents"] == 4
    auth = {"Authorization": f"Bearer {TOKEN}"}
    stored = writer.post("/api/v1/code", json=body, headers=auth)
    assert stored.status_code == 201
    doc = stored.json()[0]
    assert writer.get(f"/api/v1/documents/{doc['id']}").json()["document"]["title"] == "Peru, Chile Sign Fishing Pact"
    assert writer.post("/api/v1/code", json=body, headers=auth).status_code == 200  # already stored
    with Store(copy, read_only=True) as store:
        assert store.counts()["documents"] == 5
        assert store.query("SELECT count(*) AS n FROM stories WHERE doc = ?", [doc["id"]])[0]["n"] == 1


def test_bodies_over_the_limit_are_refused(db, pipeline):
    small = replace(Settings(), api_max_bytes=2000)
    with TestClient(create_app(db, small, pipeline)) as client:
        text = "Peru met Chile. " * 200
        assert client.post("/api/v1/code", json={"text": text}).status_code == 413
        streamed = client.post("/api/v1/code", content=iter([b'{"text": "', text.encode(), b'"}']))
        assert streamed.status_code == 413
        assert client.post("/api/v1/code", json={"text": ARTICLE}).status_code == 200
    assert Settings().api_max_bytes == 1024 * 1024


def test_quotes_and_semicolons_in_every_filter_change_nothing(client, db):
    before = client.get("/api/v1/counts").json()
    for path, names in {
        "events": ("actor", "target", "country", "cameo", "plover", "q", "doc"),
        "documents": ("actor", "q"),
        "quotes": ("speaker", "actor", "q", "doc"),
        "actors": ("q", "country", "role"),
    }.items():
        for name in names:
            response = client.get(f"/api/v1/{path}", params={name: HOSTILE})
            assert response.status_code == 200, (path, name, response.text)
            assert response.json()["items"] == []
    assert client.get("/api/v1/dyad", params={"a": HOSTILE, "b": HOSTILE}).json()["series"] == []
    assert client.get(f"/api/v1/events/{HOSTILE}").status_code == 404
    for path, name in (("events", "since"), ("events", "sort"), ("network", "level"), ("documents", "until")):
        assert client.get(f"/api/v1/{path}", params={name: HOSTILE}).status_code == 422, (path, name)
    assert client.get("/api/v1/counts").json() == before
    with Store(db, read_only=True) as store:
        assert store.counts() == before


def test_queries_open_the_store_read_only(client, db):
    """DuckDB refuses, in one process, a read-write connection beside a read-only one: queries must be read-only."""
    with Store(db, read_only=True):
        for path in ("events", "documents", "quotes", "actors", "counts", "network", "dyad?a=PHL&b=CHN"):
            assert client.get(f"/api/v1/{path}").status_code == 200, path


def test_a_busy_store_answers_503_not_500(writable):
    writer, copy = writable
    with Store(copy, read_only=True):  # as another read-only user of the file: no writer can open it
        body = {"text": ARTICLE, "store": True}
        response = writer.post("/api/v1/code", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 503 and "cannot be opened" in response.json()["detail"]
    assert str(copy) not in response.text  # the file's path stays in the log


def test_the_page_and_its_files_are_served_with_a_strict_policy(client):
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "default-src 'self'" in policy
    for name in ("app.js", "style.css"):
        assert client.get(f"/static/{name}").status_code == 200
    sources = page.text.count("src=") + page.text.count("href=")
    assert sources == 3 and "http" not in page.text.split("<body>")[0]


def test_serve_binds_localhost_unless_told_otherwise(tmp_path, monkeypatch):
    calls: list[dict] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: calls.append(kwargs))
    db = tmp_path / "new.duckdb"
    result = CliRunner().invoke(cli, ["serve", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert calls == [{"host": "127.0.0.1", "port": 8000}] and DEFAULT_HOST == "127.0.0.1"
    assert db.exists()  # an absent store is created empty
    CliRunner().invoke(cli, ["serve", "--db", str(db), "--host", "0.0.0.0", "--port", "9001"])
    assert calls[1] == {"host": "0.0.0.0", "port": 9001}


def test_the_api_schema_holds_and_no_request_makes_a_server_error(db, pipeline):
    """Schemathesis generates requests for every operation of /openapi.json and checks every response."""
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(db, Settings(), pipeline))
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 10
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def check(case):
            # a schema-valid text can still be no article ("0.1.0"): 422 with the reason is the right answer
            case.call_and_validate(excluded_checks=[positive_data_acceptance] if case.method == "POST" else [])

        check()


def test_api_settings_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("EVENTWIRE_API_TOKEN", TOKEN)
    monkeypatch.setenv("EVENTWIRE_API_MAX_BYTES", "4096")
    settings = Settings.from_env()
    assert settings.api_token == TOKEN and settings.api_max_bytes == 4096
    assert TOKEN not in repr(settings)
    monkeypatch.setenv("EVENTWIRE_API_TOKEN", "")
    assert Settings.from_env().api_token is None  # an empty token never opens the write path
