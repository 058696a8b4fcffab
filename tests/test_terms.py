import datetime as dt

import pytest

from directives import date_in_term, normalize_term, term_of

D = dt.date

TERM_OF = [
    (D(1996, 7, 1), "VIII"),
    (D(2001, 4, 21), "VIII"),
    (D(2001, 4, 22), "IX"),        # first plenum of IX, on the congress's closing day
    (D(2003, 3, 12), "IX"),
    (D(2006, 4, 24), "IX"),
    (D(2006, 4, 25), "X"),
    (D(2008, 7, 25), "X"),
    (D(2011, 1, 18), "X"),
    (D(2011, 1, 19), "XI"),
    (D(2013, 6, 3), "XI"),
    (D(2016, 1, 26), "XI"),
    (D(2016, 1, 27), "XII"),       # first plenum of XII sat during the congress (20–28/1/2016)
    (D(2016, 1, 28), "XII"),
    (D(2019, 1, 7), "XII"),
    (D(2021, 1, 30), "XII"),
    (D(2021, 1, 31), "XIII"),      # first plenum of XIII, 31/1/2021
    (D(2021, 2, 1), "XIII"),
    (D(2026, 1, 9), "XIII"),
    (D(2026, 1, 22), "XIII"),
    (D(2026, 1, 23), "XIV"),
    (D(2026, 11, 24), "XIV"),
]


@pytest.mark.parametrize("date,term", TERM_OF)
def test_term_of(date, term):
    assert term_of(date) == term


IN_TERM = [
    (D(2016, 1, 28), "XI", True),   # the old term runs to the closing day of the next congress
    (D(2016, 1, 29), "XI", False),
    (D(2016, 1, 27), "XII", True),
    (D(2016, 1, 26), "XII", False),
    (D(2013, 6, 3), "X", False),
    (D(2026, 1, 23), "XIII", True),
]


@pytest.mark.parametrize("date,term,expected", IN_TERM)
def test_date_in_term(date, term, expected):
    assert date_in_term(date, term) is expected


@pytest.mark.parametrize("raw,term", [("XI", "XI"), ("xi", "XI"), ("khóa 11", "XI"), ("11", "XI"),
                                      (11, "XI"), ("Khoá XIII", "XIII"), ("khoa xii", "XII")])
def test_normalize_term(raw, term):
    assert normalize_term(raw) == term


@pytest.mark.parametrize("raw", ["XX", "khóa 40", "abc", "IIII"])
def test_normalize_term_rejects(raw):
    with pytest.raises(KeyError):
        normalize_term(raw)
