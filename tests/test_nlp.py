"""The parse stage: which texts of a document spaCy sees, in what order."""

from datetime import date

from eventwire.clean import clean
from eventwire.nlp import document_texts, parse_documents
from eventwire.records import RawDocument


def test_the_texts_parsed_are_the_recased_title_the_captions_then_the_paragraphs(pipeline):
    text = (
        "Gondor and Arnor signed a deal on Monday to share the waters of the Anduin river.\n\n"
        "The two governments said the deal would end years of quarrels over the river."
    )
    document = clean(
        RawDocument(source="t.txt", text=text, date=date(2024, 5, 6), title="Gondor And Arnor Sign Water Deal"),
        pipeline.kb,
    )
    texts = list(document_texts(document, pipeline.index.proper_words))
    kinds = [kind for _, kind, _ in texts]
    assert kinds == ["title"] * bool(document.title) + ["caption"] * len(document.captions) + ["body"] * len(
        document.paragraphs
    )
    assert texts[0][0].endswith("sign water deal")  # re-cased as the body writes its words
    assert [t for t, kind, _ in texts if kind == "body"] == list(document.paragraphs)
    parsed = next(parse_documents([document], pipeline.nlp, pipeline.index.proper_words))
    assert {p.sentence.kind for p in parsed.sentences} == set(kinds)
