"""The article's home country (actors/home.py) for government, military, police and court agents."""

from datetime import date

import pytest

from eventwire.actors.home import home_country
from eventwire.clean import clean
from eventwire.errors import DictionaryError
from eventwire.knowledge import load_agent_scopes
from eventwire.nlp import parse_documents
from eventwire.records import RawDocument

D = date(2023, 4, 11)

STORY = """Malawi police break up opposition rally

LILONGWE, Malawi (AP) - Malawi's opposition accused President Lazarus Chakwera of stifling dissent on Tuesday.

The United States urged Malawi to respect the right to protest.

Police arrested eleven opposition supporters outside the party's offices.

The government said the gathering had not been authorised.

Two marchers were wounded by security forces, witnesses said."""


def events_in(coded, words: str) -> set[tuple[str | None, str]]:
    return {(e.source.code, e.cameo[:2]) for e in coded.events if words in e.text}


def home_of(pipeline, text: str) -> str | None:
    document = clean(RawDocument("story", text), pipeline.kb)
    parsed = next(iter(parse_documents([document], pipeline.nlp, pipeline.index.proper_words)))
    return home_country(pipeline.index, parsed.sentences, document.dateline)


def test_the_dateline_title_and_lead_make_the_home_country(pipeline):
    assert home_of(pipeline, STORY) == "MWI"


def test_an_article_about_two_countries_alike_has_no_home(pipeline):
    text = (
        "Peru and Chile hold border talks\n\nPeru and Chile held talks on their maritime border on Monday.\n\n"
        "Chile's delegation said the talks went well, and Peru's foreign ministry agreed."
    )
    assert home_of(pipeline, text) is None


def test_a_one_sentence_document_has_no_home(pipeline, code):
    assert home_of(pipeline, "Zambian police arrested two journalists in Lusaka on Monday.") is None
    assert not any(e.source.country for e in code("The government banned the rally on Monday.", D).events)


def test_bare_police_government_and_security_forces_take_the_home_country(code):
    # the country talked about last (the United States) is not the owner of the police that follow
    coded = code(STORY, D)
    assert ("MWICOP", "17") in events_in(coded, "Police arrested eleven")
    assert any(source == "MWIGOV" for source, _ in events_in(coded, "The government said"))
    assert {source for source, _ in events_in(coded, "wounded by security forces")} == {"MWICOP"}


def test_a_sentence_naming_another_country_keeps_its_bare_agent_unowned(code):
    story = STORY + "\n\nThe army fired warning shots near the Zambian border town of Chipata."
    assert not any(source.startswith("MWI") for source, _ in events_in(code(story, D), "warning shots"))


def test_it_after_a_bare_army_subject_is_the_home_army(code):
    story = STORY + "\n\nThe army deployed soldiers across the capital. It imposed a curfew on Lilongwe."
    assert ("MWIMIL", "17") in events_in(code(story, D), "It imposed a curfew")


def test_the_home_column_is_checked_at_load(tmp_path):
    table = tmp_path / "agent_scopes.tsv"
    table.write_text("sector\tscope\thome\nGOV\t-\thome\nCOP\tlocal\tyes\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="agent_scopes.tsv.*3.*home must be"):
        load_agent_scopes(table)
    table.write_text("sector\tscope\thome\nGOV\t-\thome\nCOP\tlocal\n", encoding="utf-8")
    assert load_agent_scopes(table) == ({"COP": "local"}, frozenset({"GOV"}))
