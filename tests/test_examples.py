"""The same behaviours as on the sample article, on the project's own example articles."""

from datetime import date

import pytest

from conftest import example_path

ARTICLES = {
    # stem: (headline sources, quote speakers with their country or body code)
    "2019-03-12": ({"ETH", "SDN"}, {("Tesfaye Alemu", "ETH"), ("Idris Abdelrahim", "SDN"), ("Amer Osman", "SDN")}),
    "2019-10-09": ({"SAU", "ARE"}, {("Nadia Karam", None)}),
    "2022-02-15": (
        {"IGOEUREEC", "GBR"},
        {
            ("Karel Vondráček", "IGOEUREEC"),
            ("Ligia Torrentes", "NIC"),
            ("Marcos Urbina", "NIC"),
            ("Andrés Quiroga", "CRI"),
        },
    ),
    "2023-05-17": (
        {"PHL", "VNM"},
        {("Teresa Villanueva", "PHL"), ("Ramon Tiangco", "PHL"), ("Lin Meixia", "CHN"), ("Rommel Bautista", "PHL")},
    ),
}


def _key(actor):
    return actor.country or actor.code


@pytest.mark.parametrize("stem", ARTICLES)
def test_headline_compound_subject_gives_one_event_per_actor(example, stem):
    coded = example(stem)
    title_events = [e for e in coded.events if e.sentence == 0 and e.modality == "asserted"]
    assert ARTICLES[stem][0] <= {_key(e.source) for e in title_events}


@pytest.mark.parametrize("stem", ARTICLES)
def test_quotes_have_the_speakers_the_text_names(example, stem):
    coded = example(stem)
    speakers = {(q.speaker.name, _key(q.speaker)) for q in coded.quotes if q.direct and q.speaker}
    for name, key in ARTICLES[stem][1]:
        assert any(n == name and (key is None or k == key) for n, k in speakers), (name, key, speakers)


@pytest.mark.parametrize("stem", ARTICLES)
def test_captions_chrome_and_subheads_are_not_body(example, stem):
    coded = example(stem)
    doc = coded.document
    assert doc.title and doc.captions and doc.subheads
    body = {s.text for s in coded.sentences if s.kind == "body"}
    assert not any(c in " ".join(body) for c in doc.captions)
    coded_sentences = {e.sentence for e in coded.events}
    assert not coded_sentences & {s.index for s in coded.sentences if s.kind == "caption"}


@pytest.mark.parametrize("stem", ["2019-10-09", "2022-02-15", "2023-05-17"])
def test_planned_events_are_future_and_dated_after_publication(example, stem):
    coded = example(stem)
    published = coded.document.date
    future = [e for e in coded.events if e.modality == "future"]
    dated = [e for e in future if e.date_source == "text"]
    assert dated and all(e.date > published for e in dated), [(e.rule, e.date) for e in future]
    assert all(e.date == published for e in future if e.date_source == "document")
    intents = [e for e in coded.events if e.rule.endswith("+intent")]
    assert intents and all(e.modality == "asserted" and e.date <= published for e in intents)


def test_negations_in_the_examples_are_not_asserted(example):
    for stem in ARTICLES:
        for event in example(stem).events:
            verb = event.text[event.verb_span[0] : event.verb_span[1]]
            if "has not condemned" in event.text and verb == "condemned":
                assert event.modality == "negated", event.text


def test_dateline_dates_an_article_without_a_given_date(code):
    path = example_path("2019-10-09")
    coded = code(path.read_text(encoding="utf-8"))
    assert (coded.document.date, coded.document.date_source) == (date(2019, 10, 9), "dateline")
    assert coded.document.dateline.startswith("RIYADH")


def test_weekdays_resolve_against_the_publication_date(example):
    coded = example("2023-05-17")
    rejected = next(e for e in coded.events if e.source.code == "CHNGOV" and e.cameo.startswith("12"))
    assert (rejected.date, rejected.date_source) == (date(2023, 5, 16), "text")
