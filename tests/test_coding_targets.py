"""Targets of events whose object phrase holds several actors, or whose sources act on each other."""

from datetime import date

from conftest import triples

D = date(2022, 9, 14)


def test_the_country_qualifying_the_objects_head_beats_a_place_further_in(code):
    coded = code("Jordan condemned the shelling of the Turkish consulate in the Iraqi city of Mosul.", D)
    assert ("JOR", "TUR", "11") in triples(coded)
    assert ("JOR", "IRQ", "11") not in triples(coded)


def test_a_second_phrase_with_the_patterns_preposition_says_where(code):
    coded = code("Armenian soldiers opened fire on Azerbaijani trucks on their side of the frontier.", D)
    assert {(e.source.country, e.target.country if e.target else None) for e in coded.events} == {("ARM", "AZE")}


def test_a_date_before_the_target_phrase_is_no_target(code):
    coded = code("Armenian soldiers opened fire on Tuesday on Azerbaijani trucks near the village.", D)
    assert ("ARM", "AZE", "19") in triples(coded)
