"""Saved HTML pages go through trafilatura: main text, title, date and URL from the page."""

from eventwire.ingest import read_text

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
