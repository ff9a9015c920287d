"""Every input kind read by content (WARC, feeds, JSONL, pages), and every bad input reported with its place."""

from __future__ import annotations

import gzip
import http.server
import json
import threading
from collections.abc import Iterator
from datetime import date, datetime
from io import BytesIO
from pathlib import Path

import pytest
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from conftest import EXAMPLES
from eventwire.cli import app
from eventwire.errors import InputError, RecordError
from eventwire.ingest import read_inputs, sniff
from eventwire.records import RawDocument
from eventwire.store import Store

runner = CliRunner()
ARTICLES = sorted(EXAMPLES.glob("*.txt"))
FRENCH = (
    "Le gouvernement éthiopien a annoncé mardi l'ouverture de nouvelles négociations avec le Soudan sur le tracé "
    "de leur frontière commune. Les deux pays se disputent depuis des années une région agricole fertile, et les "
    "ministres des affaires étrangères doivent se retrouver à Khartoum la semaine prochaine pour en discuter."
)


def body(path: Path) -> str:
    return "\n\n".join(p for p in path.read_text(encoding="utf-8").split("\n\n") if len(p) > 80)


def page(title: str, text: str, published: str = "2019-10-09", url: str = "https://news.example/a") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
    return (
        f'<!doctype html><html><head><title>{title}</title><link rel="canonical" href="{url}">'
        f'<meta property="article:published_time" content="{published}T08:00:00Z"></head>'
        f"<body><article><h1>{title}</h1>{paragraphs}</article></body></html>"
    )


def warc(records: list[tuple[str, str, str, bytes]]) -> bytes:
    """A WARC.gz of (url, status, content type, payload) responses, a request record first."""
    out = BytesIO()
    writer = WARCWriter(out, gzip=True)
    writer.write_record(
        writer.create_warc_record(
            "https://news.example/", "request", payload=BytesIO(b"GET / HTTP/1.1\r\n\r\n"), length=18
        )
    )
    for url, status, content_type, payload in records:
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url,
            "response",
            payload=BytesIO(payload),
            length=len(payload),
            http_headers=headers,
            warc_headers_dict={"WARC-Date": "2019-10-10T06:30:00Z"},
        )
        writer.write_record(record)
    return out.getvalue()


def read(*sources: str | Path, **kwargs) -> list[RawDocument | InputError]:
    return list(read_inputs(sources, 5 * 1024 * 1024, **kwargs))


@pytest.fixture
def crawl(tmp_path) -> Path:
    html = page("Saudi Arabia, UAE Condemn Houthi Missile Attack", body(ARTICLES[1]), url="https://a.example/x")
    data = warc(
        [
            ("https://a.example/houthi", "200 OK", "text/html; charset=utf-8", html.encode()),
            ("https://a.example/gone", "404 Not Found", "text/html", b"<html>missing</html>"),
            ("https://a.example/logo.png", "200 OK", "image/png", b"\x89PNG..."),
            ("https://b.example/fr", "200 OK", "text/html", page("Frontière", FRENCH).encode()),
        ]
    )
    path = tmp_path / "crawl.data"  # no .warc extension: told by content
    path.write_bytes(data)
    return path


def test_warc_keeps_html_200_responses_with_url_and_fetch_date(crawl):
    results = read(crawl)
    docs = [r for r in results if isinstance(r, RawDocument)]
    errors = [r for r in results if isinstance(r, InputError)]
    assert len(docs) == 1
    assert docs[0].url == "https://a.example/houthi"
    assert docs[0].fetched == datetime(2019, 10, 10, 6, 30)
    assert docs[0].metadata_date == date(2019, 10, 9)  # the page's own date wins over the fetch date
    assert "Jizan" in docs[0].text
    assert len(errors) == 1 and isinstance(errors[0], RecordError)
    assert errors[0].place.startswith("offset ") and "not English" in errors[0].reason


def test_truncated_warc_yields_what_it_can_and_one_error_with_the_offset(crawl, tmp_path):
    data = crawl.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) - 200])
    results = read(cut)
    assert [r.url for r in results if isinstance(r, RawDocument)] == ["https://a.example/houthi"]
    error = results[-1]
    assert isinstance(error, RecordError) and error.place.startswith("offset ") and "truncated" in error.reason


def test_jsonl_fields_and_bad_lines_by_number(tmp_path):
    text = body(ARTICLES[0])
    lines = [
        json.dumps({"id": "a1", "text": text, "title": "Talks", "date": "2019-03-12", "url": "https://c.example/1"}),
        "{not json",
        json.dumps({"title": "no text"}),
        json.dumps({"text": text + " More.", "date": "12/03/2019"}),
        "",
        json.dumps({"text": FRENCH}),
    ]
    dump = tmp_path / "dump.txt"
    dump.write_text("\n".join(lines) + "\n")
    results = read(dump)
    doc = results[0]
    assert isinstance(doc, RawDocument)
    assert (doc.title, doc.url, doc.metadata_date, doc.source) == (
        "Talks",
        "https://c.example/1",
        date(2019, 3, 12),
        f"{dump}#a1",
    )
    errors = results[1:]
    assert [(e.place, type(e)) for e in errors] == [(f"line {n}", RecordError) for n in (2, 3, 4, 6)]
    assert "not JSON" in errors[0].reason and "text" in errors[1].reason
    assert "ISO date" in errors[2].reason and "not English" in errors[3].reason


class _Pages(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server(tmp_path) -> Iterator[tuple[str, Path]]:
    """A local HTTP server on 127.0.0.1 serving files from a folder."""
    root = tmp_path / "site"
    root.mkdir()
    handler = lambda *a, **k: _Pages(*a, directory=str(root), **k)  # noqa: E731
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", root
    httpd.shutdown()
    httpd.server_close()


def rss(entries: list[tuple[str, str, str]]) -> str:
    items = "".join(
        f"<item><title>{t}</title><link>{link}</link><description>{summary}</description>"
        "<pubDate>Tue, 12 Mar 2019 09:00:00 GMT</pubDate></item>"
        for t, link, summary in entries
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{items}</channel></rss>'


def test_feed_entries_use_the_linked_page_or_else_the_summary(server, tmp_path):
    base, root = server
    (root / "talks.html").write_text(body(ARTICLES[0]))
    summary = "Peru and Chile signed a fishing agreement in Lima on Monday, officials said."
    feed = rss([("Talks", f"{base}/talks.html", "short"), ("Pact", f"{base}/missing.html", summary)])
    (root / "feed.xml").write_text(feed)
    for source in (f"{base}/feed.xml", tmp_path / "feed.xml"):
        if isinstance(source, Path):
            source.write_text(feed)
        first, second = read(source, fetch_timeout=5)
        assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
        assert first.url == f"{base}/talks.html" and "Khartoum" in first.text
        assert first.metadata_date == date(2019, 3, 12)
        assert second.text == summary and second.title == "Pact" and second.url == f"{base}/missing.html"


def test_a_known_entry_is_not_fetched_again(server, tmp_path):
    base, root = server
    feed = tmp_path / "feed.rss"
    feed.write_text(rss([("Talks", f"{base}/talks.html", "summary text")]))
    (root / "talks.html").write_text(page("Talks", body(ARTICLES[0])))
    (raw,) = read(feed, known_url=lambda url: True)
    assert isinstance(raw, RawDocument) and raw.text == "summary text" and raw.url == f"{base}/talks.html"


def test_sniff_tells_inputs_apart_by_content():
    assert sniff(gzip.compress(b"WARC/1.0\r\nWARC-Type: warcinfo\r\n")) == "warc"
    assert sniff(b"WARC/1.1\r\n") == "warc"
    assert sniff(b'<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">') == "feed"
    assert sniff(b'{"text": "x"}\n') == "jsonl"
    assert sniff(b"# my feeds\nhttps://a.example/rss\nhttp://b.example/atom.xml\n") == "feed-list"
    assert sniff(b"<!doctype html><html><p>text</p></html>") == "page"
    assert sniff(b"RIYADH, Oct. 9 - Saudi Arabia condemned ...") == "page"


def test_ingest_reports_each_bad_input_once_and_stores_the_rest(tmp_path, crawl):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "crawl.warc.gz").write_bytes(crawl.read_bytes()[:600])  # cut inside the first response
    (corpus / "broken.xml").write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</channel></rss>')
    (corpus / "huge.html").write_bytes(b"<html><body>" + b"<p>word</p>" * (50 * 1024 * 1024 // 11) + b"</body></html>")
    (corpus / "fr.txt").write_text(FRENCH)
    (corpus / "ship.txt").write_text(ARTICLES[3].read_text(encoding="utf-8"))
    (corpus / "dump.jsonl").write_text(
        json.dumps({"text": body(ARTICLES[2]), "url": "https://d.example/eu"}) + "\n{oops\n"
    )
    db = tmp_path / "runs.duckdb"
    result = runner.invoke(app, ["ingest", str(corpus), "--db", str(db), "--workers", "1"])
    assert result.exit_code == 1, result.output
    lines = [line for line in result.stderr.splitlines() if line.startswith("eventwire: skipped")]
    expected = {
        "crawl.warc.gz (offset": "truncated",
        "broken.xml (line": "not well-formed",
        "huge.html:": "over the limit",
        "fr.txt:": "not English",
        "dump.jsonl (line 2)": "not JSON",
    }
    assert len(lines) == len(expected)
    for place, reason in expected.items():
        assert any(place in line and reason in line for line in lines), (place, lines)
    assert "stored 2 documents" in result.stderr and "5 failed" in result.stderr
    with Store(db, read_only=True) as store:
        failures = store.query("SELECT source, place, reason FROM failures")
        assert len(failures) == 5
        assert {Path(f["source"]).name for f in failures} == {
            "crawl.warc.gz",
            "broken.xml",
            "huge.html",
            "fr.txt",
            "dump.jsonl",
        }
        assert {f["place"] for f in failures if f["source"].endswith("dump.jsonl")} == {"line 2"}
        urls = {r["url"] for r in store.query("SELECT url FROM document_urls")}
        assert urls == {"https://d.example/eu", None}


def test_watch_once_codes_new_articles_only_and_survives_bad_feeds(server, tmp_path):
    base, root = server
    (root / "talks.txt").write_text(body(ARTICLES[0]))
    (root / "ship.txt").write_text(body(ARTICLES[3]))
    (root / "feed.xml").write_text(rss([("Talks", f"{base}/talks.txt", "s")]))
    (tmp_path / "broken.xml").write_text('<?xml version="1.0"?><rss><channel><title>x</channel></rss>')
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# wires\n{base}/feed.xml\n{base}/down.xml\nbroken.xml\n")
    db = str(tmp_path / "w.duckdb")
    first = runner.invoke(app, ["watch", str(feeds), "--once", "--db", db, "--every", "1m"])
    assert first.exit_code == 1
    assert "stored 1 new documents" in first.stderr and "2 failed" in first.stderr
    assert "down.xml: cannot be fetched" in first.stderr and "broken.xml (line 1)" in first.stderr
    (root / "feed.xml").write_text(rss([("Talks", f"{base}/talks.txt", "s"), ("Ship", f"{base}/ship.txt", "s")]))
    second = runner.invoke(app, ["watch", str(feeds), "--once", "--db", db])
    assert "stored 1 new documents" in second.stderr and "1 already stored" in second.stderr
    with Store(db, read_only=True) as store:
        assert store.counts()["documents"] == 2
        assert len(store.query("SELECT * FROM failures")) == 4
    assert runner.invoke(app, ["watch", str(feeds), "--once", "--every", "soon"]).exit_code == 2
