"""Office holders from people.tsv: by the article's date, former ones, and undated articles."""

from datetime import date

D = date(2023, 6, 8)


def holder(pipeline, name, on):
    actor = pipeline.index.office_holder(name, on)
    return actor and actor.code


def test_heads_of_state_before_2000_are_known_by_date(code):
    coded = code("Mitterrand condemned the coup attempt in Moscow.", date(1991, 8, 20))
    assert ("François Mitterrand", "FRAGOV") in {(e.source.name, e.source.code) for e in coded.events}


def test_a_former_office_holder_is_an_elite_of_that_country(pipeline):
    assert holder(pipeline, "Gorbachev", date(1989, 6, 1)) == "RUSGOV"
    assert holder(pipeline, "Gorbachev", date(1996, 6, 1)) == "RUSELI"
    assert holder(pipeline, "Museveni", date(1980, 6, 1)) is None  # not yet in office: no guess


def test_an_undated_name_takes_the_most_recent_office_of_its_one_person(pipeline):
    assert holder(pipeline, "Shevardnadze", None) == "GEOGOV"
    assert holder(pipeline, "Jens Stoltenberg", None) == "IGOWSTNAT"


def test_an_undated_surname_shared_across_countries_is_left_unresolved(pipeline):
    # Roman Herzog (Germany) and Chaim and Isaac Herzog (Israel)
    assert holder(pipeline, "Herzog", None) is None
    assert holder(pipeline, "Herzog", date(1996, 1, 1)) == "DEUGOV"


def test_an_undated_article_still_codes_a_known_leader(code):
    coded = code("President Yoweri Museveni threatened to expel the foreign journalists.")
    assert {e.source.code for e in coded.events} == {"UGAGOV"}


def test_a_titled_name_people_tsv_knows_is_not_given_the_country_just_named(code):
    coded = code("Japanese Foreign Minister Yoko Kamikawa arrived in Paris. She met with President Emmanuel Macron.", D)
    assert {e.target.code for e in coded.events if e.target and "Macron" in e.target.name} == {"FRAGOV"}


def test_a_subject_he_continues_the_subject_not_the_last_name_mentioned(code):
    text = (
        "Kenyan President William Ruto visited Kampala on Friday. He said talks with President Yoweri Museveni "
        "had gone well. He praised the new railway line."
    )
    assert {e.source.country for e in code(text, D).events if e.rule == "praise"} == {"KEN"}
