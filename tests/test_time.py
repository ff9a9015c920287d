from datetime import date

import pytest

from eventwire.time import explicit_dates, resolve_expression

TUESDAY = date(2017, 9, 5)


@pytest.mark.parametrize(
    ("words", "future", "expected"),
    [
        ("Sunday", False, [date(2017, 9, 3)]),
        ("Tuesday", False, [date(2017, 9, 5)]),
        ("Wednesday and Thursday", True, [date(2017, 9, 6), date(2017, 9, 7)]),
        ("Tuesday", True, [date(2017, 9, 12)]),
        ("yesterday", False, [date(2017, 9, 4)]),
        ("last week", False, [date(2017, 8, 29)]),
        ("earlier this month", False, [TUESDAY]),
        ("March 3", False, [date(2017, 3, 3)]),
        ("March 3", True, [date(2018, 3, 3)]),
        ("Sept. 4, 2017", False, [date(2017, 9, 4)]),
        ("2015", False, [date(2015, 1, 1)]),
        ("February 30", False, []),
        ("the moment", False, []),
    ],
)
def test_expressions_resolve_against_the_document_date(words, future, expected):
    assert resolve_expression(words, TUESDAY, future) == expected


def test_explicit_dates_skip_impossible_ones():
    assert explicit_dates("on February 30, 2017 and 4 March 2016") == [date(2016, 3, 4)]
