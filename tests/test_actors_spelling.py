"""Country names misspelt by one letter in wire copy, and the names that must not be taken for them."""

from datetime import date

import pytest

from eventwire import Pipeline

D = date(2021, 6, 8)


def triples(coded):
    return {(e.source.code, e.target and e.target.code, e.cameo) for e in coded.events}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ethopia accused Eritrea of shelling the border town.", ("ETH", "ERI", "112")),  # a letter dropped
        ("Quatar condemned the attack on Iran's embassy.", ("QAT", "IRN", "111")),  # a letter added
        ("The Isreali army shelled Gaza on Monday.", ("ISRMIL", "PSE", "194")),  # two letters swapped
    ],
)
def test_a_country_misspelt_by_one_letter_is_still_coded(code, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(code(text, D))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Roland criticized Poland on Monday.", "Roland"),  # a changed first letter
        ("Greene criticized Greece on Monday.", "Greene"),  # a changed letter
        ("Franco criticized France on Monday.", "Franco"),  # a changed last letter
        ("Olivia criticized Bolivia on Monday.", "Olivia"),  # the first letter dropped
        ("Paris Saint-Germain fans attacked police in Lyon.", "Germain"),  # part of a longer name
    ],
)
def test_names_one_letter_from_a_country_stay_names(pipeline: Pipeline, text: str, word: str) -> None:
    doc = pipeline.nlp(text)
    token = next(t for t in doc if t.text == word)
    assert token.i not in pipeline.index.match(doc[:])
    assert pipeline.index.spellings.entry(token) is None
