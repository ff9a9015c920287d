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


def test_both_countries_after_a_third_partys_subject_are_the_two_named_before(code):
    text = (
        "Kazakhstan and Uzbekistan agreed on a truce on Friday. "
        "Turkey's foreign minister spoke with his counterparts in both countries, urging them to respect the truce."
    )
    found = triples(code(text, D))
    assert {("TUR", "KAZ", "04"), ("TUR", "UZB", "04"), ("TUR", "KAZ", "02"), ("TUR", "UZB", "02")} <= found
    assert not any(source == target for source, target, _ in found)


def test_a_country_named_before_stays_one_of_the_pair(code):
    text = "Ethiopia and Kenya held talks on Monday. Kenya praised the new trade agreement between the two countries."
    assert ("KEN", "ETH", "05") in triples(code(text, D))


def test_an_object_them_is_the_countries_named_together_before_it(code):
    text = "The EU envoy met Kosovo's president and Serbia's foreign minister and urged them to keep talking."
    found = {(e.target.country if e.target else None, e.cameo[:2]) for e in code(text, D).events}
    assert {("XKX", "02"), ("SRB", "02")} <= found


def test_countries_that_fought_wars_fought_each_other(code):
    found = triples(code("Armenia and Azerbaijan have fought two wars over Nagorno-Karabakh since 1991.", D))
    assert {("ARM", "AZE", "19"), ("AZE", "ARM", "19")} <= found


def test_an_including_list_on_the_object_names_the_targets(code):
    found = triples(code("Samoa banned foreign observers from the summit, including China, Japan and the EU.", D))
    assert {("WSM", "CHN", "17"), ("WSM", "JPN", "17"), ("WSM", "IGOEUREEC", "17")} <= found


def test_the_town_an_accord_is_announced_in_is_no_party(code):
    found = triples(code("Kerry and Lavrov announced the agreement in Geneva on Friday.", D))
    assert ("USA", None, "01") in found and ("RUS", None, "01") in found
    assert not any(target == "CHE" for _, target, _ in found)


def test_the_town_after_a_patterns_own_preposition_stays_the_target(code):
    assert ("USA", "VNM", "04") in triples(code("Obama arrived in Hanoi on Monday.", D))


def test_a_region_of_several_countries_is_not_the_country_in_its_name(code):
    coded = code("Rebels battled in the jungles of Latin America. Central American leaders criticised Mexico.", D)
    assert not any(e.source.country == "USA" for e in coded.events)


def test_an_act_someone_is_yet_to_do_is_not_done(code):
    coded = code("Russia is yet to offer its congratulations to the winner.", D)
    assert ("RUS", None, "03") not in triples(coded)
    assert any(e.source.country == "RUS" and e.modality == "negated" for e in coded.events)


def test_a_title_case_headline_noun_read_as_adverbial_is_the_verbs_object(code):
    coded = code(
        "Niger Junta Expels Belgian Ambassador\n\nNIAMEY (AP) — The ruling military said on Monday it had given the "
        "envoy 48 hours to leave the country after a dispute over aid."
    )
    assert ("NER", "BEL", "16") in triples(coded)
