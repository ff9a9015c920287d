"""Events found in constructions long news articles use: 'the first to', participles on actors, a noun's 'from'
voice, a title with its holder in apposition."""

from datetime import date

D = date(2021, 6, 8)


def roots(coded) -> set[tuple[str | None, str]]:
    return {(e.source.country, e.cameo[:2]) for e in coded.events if e.modality == "asserted"}


def test_being_the_first_to_act_is_acting(code):
    coded = code("Last week Sweden's prime minister was among the first to congratulate Chile on its new charter.", D)
    assert ("SWE", "05") in roots(coded)
    assert ("CHL", "11") in roots(code("Chile was the only country to condemn the coup in Peru.", D))


def test_an_actor_nouns_participle_is_its_act(code):
    coded = code("The dispute led to the Japanese prime minister cancelling their summit in Seoul.", D)
    assert ("JPN", "12") in roots(coded)


def test_a_texts_participle_is_not_its_authors_act(code):
    coded = code("Russia vetoed a UN Security Council resolution condemning the invasion.", D)
    assert not any(e.cameo.startswith("11") for e in coded.events)


def test_a_verbal_nouns_from_object_voices_it(code):
    coded = code("The minister resigned after weeks of criticism from Washington over the arrests.", D)
    assert ("USA", "11") in roots(coded)


def test_a_title_takes_the_holder_named_in_apposition(code):
    coded = code("On Monday the president, Emmanuel Macron, condemned the attack on Kyiv.", D)
    assert ("FRA", "11") in roots(coded)


def test_nepals_office_holders_are_known(code):
    coded = code("Dahal visited Beijing on Tuesday.", date(2023, 6, 1))
    assert {e.source.code for e in coded.events} == {"NPLGOV"}
