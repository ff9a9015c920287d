"""Exact duplicates stored once with every URL, near-duplicates in one story across runs, event groups."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import EXAMPLES
from eventwire.dedup import StoryIndex, signature
from eventwire.engine import ingest_paths
from eventwire.store import Store

ARTICLES = sorted(EXAMPLES.glob("*.txt"))


def paragraphs(path: Path) -> list[str]:
    return [p for p in path.read_text(encoding="utf-8").split("\n\n") if len(p) > 80]


def wire_copy(path: Path) -> str:
    """The same story as republished: a new headline and the last paragraph trimmed."""
    return "\n\n".join(["Border Talks Resume Between Neighbours", *paragraphs(path)[:-1]])


def jsonl(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return path


def test_signatures_of_a_wire_copy_are_close_and_of_another_story_far():
    original = "\n\n".join(paragraphs(ARTICLES[0]))
    assert signature(original).jaccard(signature(wire_copy(ARTICLES[0]))) > 0.8
    assert signature(original).jaccard(signature("\n\n".join(paragraphs(ARTICLES[1])))) < 0.1


def test_same_text_twice_is_stored_once_with_both_urls(tmp_path, pipeline):
    text = ARTICLES[0].read_text(encoding="utf-8")
    dump = jsonl(
        tmp_path / "dump.jsonl",
        [{"text": text, "url": "https://a.example/1"}, {"text": text, "url": "https://b.example/2"}],
    )
    (tmp_path / "copy.txt").write_text(text)
    with Store(tmp_path / "s.duckdb") as store:
        summary = ingest_paths([dump, tmp_path / "copy.txt"], store, pipeline)
        assert (summary.stored, summary.skipped) == (1, 2)
        assert store.counts()["documents"] == 1
        rows = store.query("SELECT url, source FROM document_urls ORDER BY source")
        assert {r["url"] for r in rows} == {"https://a.example/1", "https://b.example/2", None}
        again = ingest_paths([dump], store, pipeline)
        assert (again.stored, again.skipped) == (0, 2)
        assert len(store.query("SELECT * FROM document_urls")) == 3


def test_a_url_already_stored_is_not_coded_again_even_if_its_text_changed(tmp_path, pipeline):
    first = jsonl(tmp_path / "a.jsonl", [{"text": "\n\n".join(paragraphs(ARTICLES[1])), "url": "https://a.example/x"}])
    second = jsonl(tmp_path / "b.jsonl", [{"text": wire_copy(ARTICLES[1]), "url": "https://a.example/x"}])
    with Store(tmp_path / "s.duckdb") as store:
        ingest_paths([first], store, pipeline)
        summary = ingest_paths([second], store, pipeline)
        assert (summary.stored, summary.skipped) == (0, 1)
        assert store.counts()["documents"] == 1


def test_near_duplicates_join_one_story_across_runs_and_events_group(tmp_path, pipeline):
    original = jsonl(
        tmp_path / "a.jsonl",
        [
            {
                "text": "\n\n".join(paragraphs(ARTICLES[0])),
                "url": "https://www.wire.example/talks",
                "date": "2019-03-12",
            },
            {"text": "\n\n".join(paragraphs(ARTICLES[1])), "url": "https://wire.example/houthi", "date": "2019-10-09"},
        ],
    )
    copy = jsonl(
        tmp_path / "b.jsonl",
        [{"text": wire_copy(ARTICLES[0]), "url": "https://paper.example/borders", "date": "2019-03-12"}],
    )
    with Store(tmp_path / "s.duckdb") as store:
        ingest_paths([original], store, pipeline)
    with Store(tmp_path / "s.duckdb") as store:  # a new run: the index is rebuilt from the store
        assert ingest_paths([copy], store, pipeline).stored == 1
        stories = store.query("SELECT d.url, s.story, s.doc FROM stories s JOIN documents d ON d.id = s.doc")
        story = {r["url"]: r["story"] for r in stories}
        first = next(r["doc"] for r in stories if r["url"] == "https://www.wire.example/talks")
        assert story["https://paper.example/borders"] == story["https://www.wire.example/talks"] == first
        assert story["https://wire.example/houthi"] != first

        groups = store.query("SELECT * FROM event_groups")
        mentions = store.query("SELECT e.*, d.url FROM events e JOIN documents d ON d.id = e.doc")
        assert sum(g["num_mentions"] for g in groups) == len(mentions)
        shared = [g for g in groups if g["num_articles"] == 2]
        assert shared, "the wire copy reports events of the original"
        for group in shared:
            assert group["num_sources"] == 2 and group["num_stories"] == 1
            assert group["num_mentions"] >= 2


def test_story_index_prefers_the_closest_earlier_copy():
    index = StoryIndex(threshold=0.7)
    text = "\n\n".join(paragraphs(ARTICLES[2]))
    assert index.assign("a", signature(text).hashvalues) == "a"
    assert index.assign("b", signature("\n\n".join(paragraphs(ARTICLES[3]))).hashvalues) == "b"
    assert index.assign("c", signature(wire_copy(ARTICLES[2])).hashvalues) == "a"
    rebuilt = StoryIndex(threshold=0.7).load(
        (doc, story, [int(v) for v in index.signatures[doc]]) for doc, story in index.stories.items()
    )
    assert rebuilt.assign("d", signature(wire_copy(ARTICLES[2]) + "\n\nOne more line.").hashvalues) == "a"
