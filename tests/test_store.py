"""The DuckDB store with documents coded by the real pipeline."""

import json
from dataclasses import replace

import pyarrow.parquet as pq
import pytest

from conftest import EXAMPLES
from eventwire.engine import ingest_paths
from eventwire.errors import StoreError
from eventwire.store import EventFilter, Store, export


@pytest.fixture(scope="module")
def stored(pipeline, tmp_path_factory):
    path = tmp_path_factory.mktemp("store") / "events.duckdb"
    with Store(path) as store:
        first = ingest_paths([EXAMPLES], store, pipeline)
        again = ingest_paths([EXAMPLES], store, pipeline)
    return path, first, again


def test_ingest_stores_each_document_once(stored):
    path, first, again = stored
    assert first.stored == 4 and not first.failures and first.events > 0
    assert (again.stored, again.skipped) == (0, 4)
    with Store(path, read_only=True) as store:
        counts = store.counts()
    assert counts["documents"] == 4 and counts["events"] == first.events and counts["quotes"] == first.quotes


def test_queries_filter_by_actor_target_date_and_type(stored):
    path, _, _ = stored
    with Store(path, read_only=True) as store:
        everything = store.events()
        saudi = store.events(EventFilter(actor="SAU"))
        accuse = store.events(EventFilter(plover="ACCUSE", since=everything[0]["date"]))
        cameo = store.events(EventFilter(cameo="11"))
    assert saudi and all(r["source_country"] == "SAU" for r in saudi)
    assert accuse and all(r["plover"] == "ACCUSE" for r in accuse)
    assert cameo and all(r["cameo"].startswith("11") for r in cameo)
    assert len(saudi) < len(everything)


def test_filters_are_parameters_not_sql(stored):
    path, _, _ = stored
    with Store(path, read_only=True) as store:
        assert store.events(EventFilter(actor="RUS' OR 1=1; --")) == []


def test_exports_in_every_format(stored, tmp_path):
    path, first, _ = stored
    with Store(path, read_only=True) as store:
        for fmt in ("parquet", "csv", "jsonl"):
            assert export(store, fmt, tmp_path / f"e.{fmt}") == first.events
    assert pq.read_table(tmp_path / "e.parquet").num_rows == first.events
    lines = (tmp_path / "e.jsonl").read_text().splitlines()
    event = json.loads(lines[0])
    assert event["type"] == "event" and set(event["spans"]) == {"source", "verb", "target"}


def test_a_failed_document_leaves_nothing_behind(tmp_path, code):
    coded = code("Peru condemned Chile on Monday. Chile rejected the criticism.")
    broken = replace(coded, events=(replace(coded.events[0], rule=None), *coded.events[1:]))
    with Store(tmp_path / "s.duckdb") as store:
        store.db.execute("ALTER TABLE events ALTER COLUMN rule SET NOT NULL")
        with pytest.raises(StoreError, match=coded.document.id):
            store.add(broken)
        assert store.counts()["documents"] == 0 and store.counts()["actors"] == 0
        assert store.add(coded) and store.counts()["documents"] == 1


def test_a_batch_that_fails_half_way_is_stored_not_at_all(tmp_path, code):
    good = code("Kenya hosted Uganda's president in Nairobi on Friday.")
    coded = code("Peru condemned Chile on Monday. Chile rejected the criticism.")
    broken = replace(coded, events=(replace(coded.events[0], rule=None), *coded.events[1:]))
    url = {"doc": good.document.id, "url": "https://a.example/kenya", "source": "a.txt", "fetched": None}
    with Store(tmp_path / "s.duckdb") as store:
        store.db.execute("ALTER TABLE events ALTER COLUMN rule SET NOT NULL")
        with pytest.raises(StoreError, match=good.document.id):
            store.add_batch([(good, {"document_urls": [url]}), (broken, {})])
        assert store.counts() == {"documents": 0, "events": 0, "quotes": 0, "actors": 0}
        assert store.url_documents(["https://a.example/kenya"]) == {}
        assert store.add_batch([(good, {"document_urls": [url]}), (coded, {})]) == {good.document.id, coded.document.id}
        assert store.url_documents(["https://a.example/kenya"]) == {"https://a.example/kenya": good.document.id}


def test_an_unopenable_store_is_a_store_error(tmp_path):
    bad = tmp_path / "not-a-db.duckdb"
    bad.write_text("this is not a database")
    with pytest.raises(StoreError, match="not-a-db.duckdb"):
        Store(bad)
