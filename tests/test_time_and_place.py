"""Event dates and places from real sentences, resolved against the publication date."""

from datetime import date

TUESDAY = date(2017, 9, 5)


def _event(coded, rule_prefix):
    return next(e for e in coded.events if e.rule.startswith(rule_prefix))


def test_weekday_past_and_future(code):
    coded = code("On Sunday, Iran condemned Israel. Iran will meet with Oman on Wednesday and Thursday.", TUESDAY)
    condemn = _event(coded, "condemn")
    meet = next(e for e in coded.events if e.modality == "future")
    assert (condemn.date, condemn.date_source) == (date(2017, 9, 3), "text")
    assert (meet.date, meet.date_end) == (date(2017, 9, 6), date(2017, 9, 7))


def test_relative_and_explicit_dates(code):
    coded = code(
        "Peru criticized Chile yesterday. Bolivia condemned Chile last week. "
        "Ecuador praised Chile on March 3. Colombia criticized Venezuela in 2015.",
        TUESDAY,
    )
    dates = {e.source.country: e.date for e in coded.events}
    assert dates["PER"] == date(2017, 9, 4)
    assert dates["BOL"] == date(2017, 8, 29)
    assert dates["ECU"] == date(2017, 3, 3)
    assert dates["COL"] == date(2015, 1, 1)


def test_no_time_words_means_the_document_date(code):
    coded = code("Norway criticized Hungary.", TUESDAY)
    assert [(e.date, e.date_source) for e in coded.events] == [(TUESDAY, "document")]


def test_an_impossible_date_is_not_guessed(code):
    coded = code("Norway criticized Hungary on February 30.", TUESDAY)
    assert [e.date_source for e in coded.events] == ["document"]


def test_places_from_the_sentence_with_country_context(code):
    coded = code(
        "Russia met with Japan in the Russian city of Vladivostok. "
        "China spoke to reporters in Xiamen, China. France met with Germany in Paris, Texas.",
        TUESDAY,
    )
    places = {(e.location.name, e.location.country) for e in coded.events if e.location}
    assert {("Vladivostok", "RUS"), ("Xiamen", "CHN"), ("Paris", "USA")} <= places
    vladivostok = next(e.location for e in coded.events if e.location and e.location.name == "Vladivostok")
    assert abs(vladivostok.lat - 43.1) < 0.5 and abs(vladivostok.lon - 131.9) < 0.5


def test_dateline_city_places_events_without_a_place(code):
    text = "Syria Talks Resume\n\nGENEVA, March 4 (Wire Service) - Syria met with Turkey on Monday."
    coded = code(text, date(2020, 3, 4))
    assert {e.location.name for e in coded.events if e.location} == {"Geneva"}
