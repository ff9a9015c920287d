"""Actors a noun takes from the rest of its sentence: partitives, people and pronouns that qualify an agent,
affiliations, apposed groups, crowds placed by where they act, bodies named without a country."""

from datetime import date

D = date(2021, 6, 8)


def sources(coded):
    return {e.source.code for e in coded.events}


def test_a_member_or_a_group_of_an_actor_is_that_actor(code):
    assert sources(code("A member of the Kenyan parliament accused the police of torture.", D)) == {"KENLEG"}
    assert sources(code("A group of Ghanaian diplomats criticized the Foreign Minister of Togo on Monday.", D)) == {
        "GHAGOV"
    }


def test_a_quantity_of_an_agent_takes_the_place_throughout_which_it_is(code):
    coded = code("Tens of thousands of teachers throughout Zambia demanded higher wages.", D)
    assert {e.source.country for e in coded.events} == {"ZMB"}


def test_an_agent_takes_the_country_of_the_person_who_qualifies_it(code):
    assert sources(code("The Obama administration accused Beijing of currency manipulation.", D)) == {"USAGOV"}
    coded = code("Supporters of President Yoweri Museveni attacked opposition offices in Jinja.", D)
    assert {e.source.country for e in coded.events} == {"UGA"}


def test_a_possessive_pronoun_refers_to_the_subject_of_the_enclosing_clause(code):
    coded = code("Ethiopia said on Friday that its troops attacked rebels near the border town.", D)
    assert "ETHMIL" in {e.source.code for e in coded.events if e.source}


def test_they_refers_to_a_subject_that_takes_its_country_from_a_qualifier(code):
    coded = code(
        "Troops loyal to President Nicolas Maduro said they tried to arrest the opposition leader in Caracas.", D
    )
    assert ("arrest", "VENMIL") in {(e.rule, e.source.code) for e in coded.events}


def test_a_province_qualifying_an_agent_gives_its_country(code):
    assert sources(code("The government of Balochistan province deployed police across Quetta.", D)) == {"PAKGOV"}
    assert sources(code("Police in Helmand arrested two suspected smugglers on Monday.", D)) == {"AFGCOP"}


def test_a_country_compounded_into_a_body_name_qualifies_it(code):
    coded = code("Slovenia Municipality Association (SOS) officials demanded support from the Slovenian parliament.", D)
    assert {e.source.country for e in coded.events} == {"SVN"}


def test_led_forces_and_affiliated_workers_belong_to_their_leader_and_union(code):
    assert sources(code("Nigerian-led forces attacked rebel positions near the town.", D)) == {"NGAMIL"}
    assert sources(code("A terror group based in Chad said it attacked the army base.", D)) == {"TCDREB"}
    coded = code("Workers affiliated with the Chilean Port Union blocked the harbour.", D)
    assert {e.source.country for e in coded.events} == {"CHL"}


def test_a_group_apposed_to_an_agent_noun_is_the_actor(code):
    assert sources(code("The main rebel group, Boko Haram, rejected the ceasefire.", D)) == {"NGAREB"}


def test_a_crowd_belongs_to_the_country_it_acts_in_but_troops_do_not(code):
    coded = code("Hundreds of thousands of people blocked roads in Bolivia to demand new elections.", D)
    assert {e.source.code for e in coded.events} == {"BOLCVL"}
    assert not any(e.source.country == "MLI" for e in code("Troops attacked a village in Mali.", D).events)


def test_a_named_body_with_no_country_is_transnational_but_a_lowercase_committee_is_not(code):
    assert sources(code("The Global Ocean Forum criticized Japan for resuming whaling.", D)) == {"NGO"}
    assert not code("The committee criticized Japan for resuming whaling.", D).events


def test_a_misspelt_surname_of_a_known_leader_in_a_person_name(code):
    assert sources(code("President Vladimir Puttin criticized NATO on Monday.", D)) != {"RUSGOV"}
    assert sources(code("Chancellor Angela Merkell criticized Russia on Monday.", D)) == {"DEUGOV"}


def test_a_people_of_one_country_names_it(code):
    assert sources(code("Chechen rebels attacked a police post.", D)) == {"RUSREB"}
    assert sources(code("Yoruba leaders rejected the new constitution.", D)) == {"NGAGOV"}


def test_the_two_countries_are_the_last_two_named(code):
    text = "Ghana and Togo reopened their border on Monday. Officials from the two countries will meet in Accra."
    coded = code(text, D)
    meet = {(e.source.country, e.target.country if e.target else None) for e in coded.events if e.cameo == "040"}
    assert meet == {("GHA", "TGO"), ("TGO", "GHA")}


def test_the_two_men_are_the_last_two_people_named(code):
    text = (
        "Chilean Foreign Minister Alberto van Klaveren met Bolivian Foreign Minister Rogelio Mayta in Santiago. "
        "The two men signed a water-sharing agreement."
    )
    coded = code(text, D)
    signed = {(e.source.country, e.target.country if e.target else None) for e in coded.events if e.cameo == "057"}
    assert signed == {("CHL", "BOL"), ("BOL", "CHL")}


def test_both_sides_of_a_border_is_no_pair(code):
    coded = code("Ghana and Togo reopened their border. Traders on both sides of the border welcomed the move.", D)
    assert not [e for e in coded.events if e.sentence == 1 and e.source.country in {"GHA", "TGO"}]


def test_a_led_coalition_is_its_leader_when_named_again(code):
    text = (
        "The French-led coalition said its jets struck militant camps in northern Mali. "
        "The coalition struck a fuel depot near Gao on Tuesday."
    )
    coded = code(text, D)
    assert {e.source.country for e in coded.events if e.sentence == 1 and e.cameo.startswith("19")} == {"FRA"}


def test_rebels_named_without_a_country_belong_to_the_country_the_story_is_about(code):
    coded = code(
        "Mali's army said it had retaken two towns. Militants later attacked a village near Gao, killing six.", D
    )
    assert ("MLI", "19") in {(e.source.country, e.cameo[:2]) for e in coded.events if e.source}
    alone = code("Clerics and diplomats believe Peru and Chile can settle the water dispute.", D)
    assert not any(e.source and e.source.country in {"PER", "CHL"} for e in alone.events)


def test_a_name_the_tagger_missed_is_the_actor_its_apposition_names(code):
    coded = code("Pavel Kursk, the OSCE mission chief, accused both sides of shelling the village.", D)
    assert {(e.source.name, e.source.code) for e in coded.events} == {("Pavel Kursk", "IGOEURSCE")}


def test_an_envoy_of_a_body_to_a_country_stays_the_bodys(code):
    coded = code("Haruto Ogawa, the UN envoy to Yemen, urged the warring parties to reopen the port.", D)
    assert sources(coded) == {"IGOUNO"}


def test_police_and_courts_belong_to_the_place_they_act_in(code):
    assert sources(code("Police arrested six protesters in Nairobi on Friday.", D)) == {"KENCOP"}


def test_a_domestic_agent_named_without_a_country_belongs_to_the_country_it_acts_on(code):
    # parties and judges act on their own country's affairs, even where only the object names it
    coded = code("The Liberty party said it would boycott Peru's regional elections unless the cabinet resigned.", D)
    assert {e.source.country for e in coded.events} == {"PER"}
    coded = code("Judge Maria Ocampo opened a corruption investigation against three Bolivian ministers.", D)
    assert ("open-investigation", "BOLJUD") in {(e.rule, e.source.code) for e in coded.events}
    # police are local, not domestic: the foreigners they arrest are not theirs
    coded = code("Police arrested two Chinese nationals suspected of smuggling ivory.", D)
    assert "CHN" not in {e.source.country for e in coded.events if e.source}
    coded = code("Lawmakers on Tuesday condemned China's crackdown on protesters.", D)
    assert "CHN" not in {e.source.country for e in coded.events if e.source}
