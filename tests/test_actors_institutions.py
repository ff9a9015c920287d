"""Named national institutions (institutions.tsv): ministries, legislatures, forces, services, state media, parties."""

from datetime import date

D = date(2023, 3, 14)


def sources(coded):
    return {e.source.code for e in coded.events}


def test_a_speaker_from_a_named_ministry_is_that_states_not_the_storys_country(code):
    text = (
        "Lithuania expelled two Belarusian diplomats on Monday. "
        '"We are deeply concerned by these expulsions," a State Department spokesman said.'
    )
    coded = code(text, D)
    assert [q.speaker.code for q in coded.quotes] == ["USAGOV"]
    assert "LTU" not in {e.source.country for e in coded.events if e.sentence == 1}


def test_an_institution_by_acronym_or_name_is_the_event_source(code):
    assert sources(code("The IDF shelled Hezbollah positions near the border on Sunday.", D)) == {"ISRMIL"}
    assert sources(code("Xinhua accused Manila of provoking the confrontation at sea.", D)) == {"CHNMED"}
    assert sources(code("The Bundestag condemned Moscow's annexation of the region.", D)) == {"DEULEG"}


def test_a_name_with_an_of_phrase_acts_at_its_head_not_at_the_country_inside_it(code):
    assert sources(code("The Bank of Japan criticized Beijing on Monday.", D)) == {"JPNGOV"}


def test_an_acronym_matches_only_as_written_not_a_common_word(code):
    assert "USACOP" not in sources(code("Thick ice blocked Russian ships in the port on Monday.", D))
    assert sources(code("ICE detained two Mexican nationals in Texas.", D)) == {"USACOP"}
