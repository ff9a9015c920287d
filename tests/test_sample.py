"""The canonical sample article (../shared/samples), coded with its publication date."""

from datetime import date


def test_russia_and_china_oppose_the_sanctions(sample):
    for country in ("RUS", "CHN"):
        assert any(
            e.source.country == country and e.cameo[:2] in {"11", "12"} and e.modality == "asserted"
            for e in sample.events
        ), country


def test_the_nuclear_test_is_asserted_and_dated_on_sunday(sample):
    tests = [e for e in sample.events if e.source.country == "PRK" and e.cameo.startswith("15")]
    assert any(e.modality == "asserted" and e.date == date(2017, 9, 3) for e in tests)


def test_people_resolve_to_their_countries(sample):
    actors = {(e.source.name, e.source.country) for e in sample.events}
    actors |= {(q.speaker.name, q.speaker.country) for q in sample.quotes if q.speaker}
    assert ("Vladimir Putin", "RUS") in actors
    assert ("Geng Shuang", "CHN") in actors


def test_direct_quotes_have_their_speakers(sample):
    direct = [q for q in sample.quotes if q.direct and not q.partial]
    geng = [q for q in direct if q.speaker and q.speaker.name == "Geng Shuang"]
    assert len(geng) == 3
    assert all(q.speaker.code == "CHNGOV" for q in geng)
    thakur = [q for q in direct if q.speaker and q.speaker.name == "Ramesh Thakur"]
    assert len(thakur) == 1 and thakur[0].text.startswith("I think the fact")


def test_planned_meetings_are_future_or_intent(sample):
    for country in ("JPN", "KOR"):
        meetings = [e for e in sample.events if e.target and e.target.country == country]
        assert any(e.modality == "future" and e.date == date(2017, 9, 6) for e in meetings), country
        assert any(e.modality == "asserted" and e.cameo.startswith("03") for e in meetings), country


def test_negated_sentences_yield_no_asserted_event(sample):
    for words in ("did not mention the topic", "did not take questions"):
        assert not [e for e in sample.events if words in e.text and e.modality == "asserted"]


def test_captions_and_chrome_are_not_coded(sample):
    doc = sample.document
    assert doc.title == "China, Russia Oppose Tougher North Korea Sanctions"
    assert len(doc.captions) == 2
    assert not any("line up for a photo" in e.text or "provides guidance" in e.text for e in sample.events)
    assert not any("Accessibility" in s.text or "Breaking News" in s.text for s in sample.sentences)
