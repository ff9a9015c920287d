"""Constructions from real news: money committed is aid, a topic country is no party to a meeting, an "including"
list in the subject, and a meeting there is "no prospect" of."""

from datetime import date

D = date(2024, 5, 1)


def coded_roots(coded) -> set[tuple[str | None, str | None, str]]:
    return {(e.source.country, e.target.country if e.target else None, e.cameo[:2]) for e in coded.events}


def test_money_committed_to_a_fund_is_aid(code):
    coded = code("Canada has already committed $250 million to the regional health fund.", D)
    assert [(e.source.country, e.cameo) for e in coded.events] == [("CAN", "071")]
    assert ("DEU", "UKR", "07") in coded_roots(code("Germany committed 40 million euros to Ukraine on Friday.", D))


def test_a_meeting_there_is_no_prospect_of_is_not_planned(code):
    coded = code("There is no prospect that the leaders of Serbia and Kosovo will meet before the election.", D)
    meets = [e for e in coded.events if e.cameo[:2] in {"03", "04"}]
    assert meets and all(e.modality == "hypothetical" for e in meets)
    planned = code("The leaders of Serbia and Kosovo will meet before the election.", D)
    assert any(e.cameo == "036" for e in planned.events)


def test_each_actor_an_including_list_gives_in_the_subject_acts(code):
    coded = code("Western governments including Britain and Canada condemned the missile launch on Tuesday.", D)
    assert {(e.source.country, e.cameo[:2]) for e in coded.events} == {("GBR", "11"), ("CAN", "11")}
