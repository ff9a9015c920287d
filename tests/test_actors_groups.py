"""Agents and peoples qualified by a country: titles, agent nouns, demonyms and minorities."""

from datetime import date

D = date(2021, 6, 8)


def codes(coded):
    return {e.source.code for e in coded.events}


def test_a_title_with_an_unknown_name_takes_the_one_country_the_sentence_names(code):
    assert codes(code("Interior Minister Dalia Rustamova said Uzbek police had arrested the suspects.", D)) >= {
        "UZBGOV"
    }


def test_a_country_in_the_object_is_not_the_title_holders(code):
    coded = code("Defence Minister Karl Odegaard condemned the Norwegian government.", D)
    assert not any(e.source.country == "NOR" for e in coded.events)


def test_the_qualifying_agent_gives_the_sector(code):
    assert codes(code("Afghan rebel leaders rejected the offer.", D)) == {"AFGREB"}
    assert codes(code("Israeli army bulldozers attacked the village.", D)) == {"ISRMIL"}


def test_an_agent_inherits_the_country_of_the_body_it_comes_from(code):
    assert codes(code("Doctors from two Canadian aid groups delivered medicine to the hospital.", D)) == {"CANHLH"}


def test_a_people_qualified_by_a_country_belongs_to_that_country(code):
    assert codes(code("Bosnian Serbs rejected the peace plan.", D)) == {"BIH"}
    assert codes(code("Serbs rejected the peace plan.", D)) == {"SRB"}
    assert {e.source.country for e in code("Thousands of Iraqi Kurds demonstrated in Kirkuk.", D).events} == {"IRQ"}


def test_an_ethnic_minority_belongs_to_the_country_it_lives_in(code):
    assert codes(code("Ethnic Hungarians in Slovakia demanded more autonomy.", D)) == {"SVK"}


def test_a_place_after_in_qualifies_each_agent_and_place_listed(code):
    assert codes(code("Lawmakers in France and Germany criticized Russia on Monday.", D)) == {"FRALEG", "DEULEG"}
    assert codes(code("Lawmakers and officials in Kenya criticized Uganda on Monday.", D)) == {"KENLEG", "KENGOV"}


def test_a_bare_agent_after_and_shares_the_country_before_the_first(code):
    assert codes(code("Chinese media and government criticized Japan on Monday.", D)) == {"CHNMED", "CHNGOV"}


def test_a_group_with_a_countrys_possessive_is_its_branch_there(code):
    coded = code("Iraq's al-Qaeda attacked a police station in Mosul.", D)
    assert {(e.source.name, e.source.code) for e in coded.events} == {("al-Qaeda", "IRQREB")}
    coded = code("Yemen's al-Qaeda branch attacked an army base on Sunday.", D)
    assert {e.source.code for e in coded.events} == {"YEMREB"}


def test_a_local_body_named_after_a_country_belongs_where_its_name_places_it(code):
    coded = code("The American University of Beirut condemned the arrest of two of its students.", D)
    assert codes(coded) == {"LBNEDU"}
    assert codes(code("American universities condemned the arrest of two students in Beirut.", D)) == {"USAEDU"}


def test_a_counterpart_takes_its_demonym_not_its_possessor(code):
    coded = code("Egyptian Foreign Minister Sameh Shoukry met his Sudanese counterpart in Cairo on Monday.", D)
    assert {(e.source.code, e.target.code if e.target else None) for e in coded.events} == {
        ("EGYGOV", "SDNGOV"),
        ("SDNGOV", "EGYGOV"),  # a meeting is both parties' act
    }
    coded = code("Egyptian Foreign Minister Sameh Shoukry met his counterpart in Cairo on Monday.", D)
    assert {e.target for e in coded.events} == {None}
