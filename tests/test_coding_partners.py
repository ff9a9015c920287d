"""Constructions found wanting on wire stories (news4): a partner named inside the object, a speaker's "they",
an envoy named by title."""


def coded_events(coded):
    """(source code, target code, CAMEO code) of the asserted events."""
    return {
        (e.source.code, e.target.code if e.target else None, e.cameo) for e in coded.events if e.modality == "asserted"
    }


def test_talks_held_with_a_partner_are_the_partners_too(code):
    found = coded_events(
        code("The Brazilian government held talks with Argentine officials in Buenos Aires on Friday.")
    )
    assert {("BRAGOV", "ARGGOV", "046"), ("ARGGOV", "BRAGOV", "046")} <= found


def test_talks_held_alone_have_no_partner(code):
    found = coded_events(code("The Brazilian government held talks on the budget in Brasilia on Friday."))
    assert ("BRAGOV", None, "046") in found
    assert not any(target for _, target, _ in found)


def test_they_in_a_speakers_clause_is_the_speaker(code):
    coded = code(
        "Georgia's government banned the rallies in August. The European Union criticised the ban on Monday. "
        "Police said they had detained 200 people at the rallies on Sunday."
    )
    assert {source for source, _, cameo in coded_events(coded) if cameo == "173"} == {"GEOCOP"}


def test_an_envoy_named_by_title_is_summoned(code):
    coded = code("Kenya on Monday summoned Uganda's Deputy High Commissioner Peter Okello over the border shooting.")
    assert ("KEN", "114") in {(source, cameo) for source, _, cameo in coded_events(coded)}
