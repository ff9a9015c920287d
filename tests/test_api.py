"""The public Python surface."""

import eventwire


def test_all_names_are_exported_and_documented():
    for name in eventwire.__all__:
        assert getattr(eventwire, name).__doc__, name
    public = {n for n in dir(eventwire) if not n.startswith("_") and n[0].isupper()}
    assert public <= set(eventwire.__all__) | {"Pipeline"}


def test_code_text_returns_the_records_the_cli_prints():
    result = eventwire.code_text("Norway criticized Hungary on Monday.")
    assert isinstance(result, eventwire.CodedDocument)
    assert [type(e) for e in result.events] == [eventwire.Event] * len(result.events)
    assert result.events and result.events[0].source.code == "NOR"
    assert result.document.date is None and result.events[0].date is None
