from datetime import date

from eventwire.clean import clean
from eventwire.ingest import read_text
from eventwire.knowledge import default_knowledge

PAGE = """Skip to main content

Share

Brazil, Argentina Sign Trade Pact

Brazilian President Ana Souza, left, greets Argentine officials in Brasilia, March 3, 2021.
Brazilian President Ana Souza, left, greets Argentine officials in Brasilia, March 3, 2021.

BRASILIA, March 4 (Wire Service) - Brazil and Argentina signed a trade agreement on
Wednesday, officials said.

A new chapter

The deal cuts tariffs on steel.
"""


def _doc(text: str, on: date | None = None):
    return clean(read_text("page.txt", text, on), default_knowledge())


def test_chrome_title_captions_subheads_and_dateline_are_set_apart():
    doc = _doc(PAGE)
    assert doc.title == "Brazil, Argentina Sign Trade Pact"
    assert doc.captions == (
        "Brazilian President Ana Souza, left, greets Argentine officials in Brasilia, March 3, 2021.",
    )
    assert doc.subheads == ("A new chapter",)
    assert doc.dateline == "BRASILIA, March 4 (Wire Service)"
    assert doc.paragraphs[0].startswith("Brazil and Argentina signed a trade agreement on Wednesday, officials")
    assert all("Skip to main content" not in p and p != "Share" for p in doc.paragraphs)


def test_hard_wrapped_lines_join_into_one_paragraph():
    doc = _doc(PAGE)
    assert "agreement on Wednesday, officials said." in doc.paragraphs[0]
    assert len(doc.paragraphs) == 2


def test_document_date_sources_in_order_of_trust():
    assert _doc(PAGE, date(2021, 3, 5)).date_source == "given"
    dated = _doc(PAGE)
    assert (dated.date, dated.date_source) == (date(2021, 3, 4), "dateline")
    undated = _doc(PAGE.replace("BRASILIA, March 4 (Wire Service) - ", ""))
    assert (undated.date, undated.date_source) == (date(2021, 3, 3), "inferred")
    none = _doc("Title Here\n\nNobody said when this happened.\n")
    assert (none.date, none.date_source) == (None, "none")


def test_same_text_same_id_whatever_the_chrome():
    assert _doc(PAGE).id == _doc("Accessibility links\n" + PAGE).id
    assert _doc(PAGE).id != _doc(PAGE.replace("steel", "wheat")).id


def test_a_title_with_initials_is_still_the_title_and_the_dateline_is_found():
    doc = _doc(
        "S. Korea, U.S. Envoys Discuss N. Korea Talks\n\nSEOUL, May 3 (Wire Service) -- The envoys met on Monday.\n"
    )
    assert doc.title == "S. Korea, U.S. Envoys Discuss N. Korea Talks"
    assert doc.dateline == "SEOUL, May 3 (Wire Service)"
    assert _doc("Talks end. Envoys leave\n\nThe envoys met on Monday.\n").title is None
