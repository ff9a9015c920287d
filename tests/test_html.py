"""Saved HTML pages go through trafilatura: main text, title, date and URL from the page."""

import duckdb

from eventwire.engine import ingest_paths
from eventwire.ingest import read_file, read_text
from eventwire.serialize import coded_json
from eventwire.store import Store

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<title>Kenya, Uganda Sign Rail Deal | World News</title>
<meta property="og:title" content="Kenya, Uganda Sign Rail Deal">
<meta property="article:published_time" content="2021-06-08T09:30:00Z">
<link rel="canonical" href="https://news.example.org/africa/kenya-uganda-rail">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Kenya, Uganda Sign Rail Deal</h1>
<p>Kenya and Uganda signed an agreement on Monday to extend the standard gauge railway to Kampala,
officials in both capitals said after talks in Nairobi.</p>
<p>"This line will carry our goods to the sea in a day," Ugandan Transport Minister Grace Atim said.</p>
<p>Tanzania did not comment on the agreement, which rivals its own central corridor line.</p>
</article>
<footer>Copyright 2021 Example News. Cookie settings. Subscribe.</footer>
</body></html>"""


def test_html_page_is_extracted_with_its_metadata(pipeline):
    raw = read_text("page.html", PAGE.encode())
    assert raw.is_html and raw.url == "https://news.example.org/africa/kenya-uganda-rail"
    coded = next(iter(pipeline.code([raw])))
    doc = coded.document
    assert doc.title.startswith("Kenya, Uganda Sign Rail Deal")
    assert (str(doc.date), doc.date_source) == ("2021-06-08", "metadata")
    assert not any("Cookie" in p or "Home" in p for p in doc.paragraphs)
    signed = {(e.source.country, e.cameo) for e in coded.events if e.modality == "asserted"}
    assert {("KEN", "057"), ("UGA", "057")} <= signed
    assert any(q.speaker and q.speaker.name == "Grace Atim" and q.speaker.country == "UGA" for q in coded.quotes)


BYLINE_PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<title>Chile and Peru Agree to Reopen Border Crossing</title>
<meta name="author" content="Marta Quispe">
<meta property="article:published_time" content="2023-03-14T07:00:00Z">
<link rel="canonical" href="https://wire.example.net/americas/chile-peru-border">
</head><body>
<article>
<h1>Chile and Peru Agree to Reopen Border Crossing</h1>
<p>Chile and Peru agreed on Tuesday to reopen the Chacalluta crossing, closed for three weeks after
protests by truck drivers, the two foreign ministries said in a joint statement.</p>
<p>Bolivia welcomed the decision, saying its exports to Pacific ports had been stranded at the border.</p>
</article>
</body></html>"""


def test_the_byline_is_kept_stored_and_written_out(pipeline, tmp_path):
    page = tmp_path / "chile-peru.html"
    page.write_text(BYLINE_PAGE, encoding="utf-8")
    coded = next(iter(pipeline.code([read_file(page, 10**6)])))
    assert coded.document.author == "Marta Quispe"
    assert coded_json(coded)[0]["author"] == "Marta Quispe"
    with Store(tmp_path / "s.duckdb") as store:
        ingest_paths([page], store, pipeline)
        assert [d["author"] for d in store.documents()] == ["Marta Quispe"]


def test_a_store_made_before_the_author_column_gains_it(pipeline, tmp_path):
    db = tmp_path / "old.duckdb"
    with duckdb.connect(str(db)) as old:
        old.execute(
            "CREATE TABLE documents (id VARCHAR PRIMARY KEY, source VARCHAR, title VARCHAR, date DATE, "
            "date_source VARCHAR, dateline VARCHAR, url VARCHAR, text VARCHAR, sentences INTEGER, events INTEGER, "
            "quotes INTEGER, ingested_at TIMESTAMP DEFAULT current_timestamp)"
        )
        old.execute("INSERT INTO documents (id, source, title) VALUES ('old', 'old.txt', 'An older article')")
    page = tmp_path / "chile-peru.html"
    page.write_text(BYLINE_PAGE, encoding="utf-8")
    with Store(db) as store:
        ingest_paths([page], store, pipeline)
        authors = {d["id"]: d["author"] for d in store.documents()}
    assert authors.pop("old") is None and list(authors.values()) == ["Marta Quispe"]
