"""Events written as nouns with no doer in their own phrase, and attacks a quote announces."""

from __future__ import annotations

from datetime import date

from conftest import triples

ON = date(2024, 3, 5)


def test_clashes_after_which_two_parties_act_together_are_between_them(code) -> None:
    coded = code("Kenya and Uganda signed a border accord on Saturday following deadly clashes last week.", ON)
    assert {("KEN", "UGA", "19"), ("UGA", "KEN", "19")} <= triples(coded)


def test_clashes_beside_allies_acting_on_a_third_are_not_between_the_allies(code) -> None:
    coded = code("Kenyan troops and Ugandan police attacked rebel camps in two days of clashes.", ON)
    assert not {t for t in triples(coded) if t[2] == "19" and {t[0], t[1]} == {"KEN", "UGA"}}


def test_clashes_named_by_both_countries_before_the_noun(code) -> None:
    coded = code("Deadly Armenia-Azerbaijan border clashes left a dozen soldiers dead on Tuesday.", ON)
    assert {("ARM", "AZE", "19"), ("AZE", "ARM", "19")} <= triples(coded)


def test_a_phone_call_with_a_counterpart_is_a_consultation_both_ways(code) -> None:
    coded = code("Brazil's foreign minister discussed the drought in a phone call with his counterpart in Chile.", ON)
    assert {("BRA", "CHL", "04"), ("CHL", "BRA", "04")} <= triples(coded)


def test_attacks_a_quote_says_will_continue_are_the_speakers_threat(code) -> None:
    coded = code('The attacks "will continue until the blockade is lifted," the Somali rebel spokesman said.', ON)
    assert ("SOM", None, "13") in triples(coded)


def test_attacks_a_quote_says_must_stop_are_no_threat_by_the_speaker(code) -> None:
    coded = code('"The attacks must stop before more children die," the Kenyan president said.', ON)
    assert not {t for t in triples(coded, None) if t[0] == "KEN" and t[2] in {"13", "19"}}
