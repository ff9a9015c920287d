"""Event places: the geo stage on real parses of news sentences, and how places are scored against gold."""

import pytest

from conftest import SHARED
from eventwire.evaluate import gold_verb, read_gold, same_place, score_geo_alone
from eventwire.geo import fold, gazetteer, place_of
from eventwire.records import Location

GSR = SHARED / "eval" / "plover-gsr" / "plover_examples.jsonl"


def _place(pipeline, text: str, verb: str, context: frozenset[str] = frozenset()) -> tuple[str, str | None, str] | None:
    doc = pipeline.nlp(text)
    token = next(t for t in doc if t.text == verb)
    location = place_of(token, pipeline.kb, set(context))
    return None if location is None else (fold(location.name), location.country, location.kind)


@pytest.mark.parametrize(
    ("text", "verb", "place"),
    [
        ("Rebels attacked an army post outside of the Syrian city of Homs on Tuesday.", "attacked", "homs"),
        ("A car bomb near the town of Baqubah killed four policemen on Sunday.", "killed", "baqubah"),
        ("Israeli troops raided a refugee camp in the West Bank on Monday.", "raided", "west bank"),
        ("Hezbollah fighters shelled army positions in southern Lebanon.", "shelled", "lebanon"),
        ("Aid workers were evacuated from the besieged eastern town of Gorazde.", "evacuated", "gorazde"),
        ("Police detained dozens of students in Bombay after the march.", "detained", "mumbai"),
        ("A general strike called by the opposition shut down Kathmandu on Monday.", "shut", "kathmandu"),
        ("Guerrillas operating in Chechnya ambushed a police convoy.", "ambushed", "chechnya"),
        ("Soldiers burned houses during a raid on a village in the Jaffna peninsula.", "burned", "jaffna peninsula"),
        ("The government sent two thousand troops to Mindanao last week.", "sent", "mindanao"),
    ],
)
def test_the_locative_phrase_of_the_verb_its_objects_or_its_subject(pipeline, text, verb, place):
    found = _place(pipeline, text, verb)
    assert found is not None and found[0] == place


def test_a_country_part_is_placed_at_the_country(pipeline):
    assert _place(pipeline, "Troops clashed with rebels in western Sudan.", "clashed") == ("sudan", "SDN", "country")


@pytest.mark.parametrize(
    ("text", "verb", "country"),
    [
        ("Fighting flared in Tripoli as rockets slammed into the northern Lebanese port.", "flared", "LBN"),
        ("Rebels seized the airport in Tripoli, Libya, on Saturday.", "seized", "LBY"),
        ("Gunmen stormed a hotel in Tripoli on Friday.", "stormed", "LBY"),
        ("Rebels attacked an army post outside of the Syrian city of Homs.", "attacked", "SYR"),
    ],
)
def test_a_name_of_several_places_resolves_by_the_countries_beside_it_then_by_size(pipeline, text, verb, country):
    found = _place(pipeline, text, verb)
    assert found is not None and found[1] == country


def test_the_article_countries_prefer_their_town_but_not_over_a_much_larger_one(pipeline):
    text = "Thousands of workers marched in San Jose on Monday."
    assert _place(pipeline, text, "marched")[1] == "CRI"
    assert _place(pipeline, text, "marched", frozenset({"USA"}))[1] == "USA"
    assert _place(pipeline, "Negotiators met in Geneva.", "met", frozenset({"USA"}))[1] == "CHE"


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("Russia criticized Ukraine on Monday.", "criticized"),
        ("China signed a trade deal with Brazil.", "signed"),
        ("The minister spoke to Jordan's king by phone.", "spoke"),
        ("Iran warned of war if tensions around Iraq continue to rise.", "warned"),
        ("Beijing will not budge from its stance on North Korea.", "budge"),
    ],
)
def test_an_actor_or_a_topic_is_no_place(pipeline, text, verb):
    assert _place(pipeline, text, verb) is None


def test_gold_names_compare_folded_and_through_alternate_names(pipeline):
    kb = pipeline.kb
    gorazde = Location("Goražde", "BIH", 43.67, 18.98)
    assert same_place({"name": "the town of Gorazde"}, gorazde, kb)
    assert not same_place({"name": "Sarajevo"}, gorazde, kb)
    united_kingdom = Location("United Kingdom", "GBR", 54.0, -2.0, kind="country")
    assert same_place({"name": "Britain"}, united_kingdom, kb)
    assert not same_place({"name": "Britain"}, Location("London", "GBR", 51.5, -0.1), kb)
    mumbai = next(p.location for p in gazetteer(kb).places["mumbai"])
    assert same_place({"name": "Bombay"}, mumbai, kb)


def test_the_gold_verb_is_the_marked_verb(pipeline):
    doc = pipeline.nlp("Rebels have been shelling the town of Kassala since Monday.")
    record = {"markup": "(SRC: Rebels) (EVT: have been shelling} the town", "event_text": "shelling town"}
    assert gold_verb(record, list(doc)).text == "shelling"


@pytest.mark.skipif(not GSR.is_file(), reason="../shared/eval is not beside the project")
def test_the_geo_stage_alone_on_the_plover_gold_places(pipeline):
    score = score_geo_alone([r for r in read_gold(GSR) if r.get("event_loc")], pipeline)
    assert score.located >= 40
    assert score.right_place >= 0.85 * score.located and score.right_country >= 0.97 * score.located_countries


def test_gazetteer_build_leaves_garbage_collection_as_it_was(pipeline):
    import gc

    from eventwire.geo import gc_paused

    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()  # a caller's own pause is not undone
    finally:
        gc.enable()


def test_a_place_inside_a_named_entity_is_found_and_a_bare_word_outside_one_is_not(pipeline):
    from eventwire.geo import _entity

    doc = pipeline.nlp("Police in Buenos Aires detained three protesters on Friday.")
    aires = next(t for t in doc if t.text == "Aires")
    assert _entity(aires) is not None and _entity(aires).text == "Buenos Aires"
    assert _entity(next(t for t in doc if t.text == "protesters")) is None
