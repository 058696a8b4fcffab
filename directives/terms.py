"""Congress terms (khóa) and the dates they cover.

>>> import datetime as dt
>>> term_of(dt.date(2013, 6, 3))
'XI'
>>> term_of(dt.date(2016, 1, 27))   # first plenum of khóa XII, held during the congress
'XII'
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from .text import roman_to_int
from .vocabulary import Term, get_vocabulary


@lru_cache(maxsize=1)
def _term_starts() -> tuple[tuple[dt.date, str], ...]:
    return tuple((t.start, t.term) for t in get_vocabulary().terms)


@lru_cache(maxsize=1 << 14)  # a news archive cites the same few thousand dates again and again
def term_of(date: dt.date) -> str | None:
    """The term a document dated ``date`` belongs to; on an overlap the newer term wins."""
    found = None
    for start, term in _term_starts():
        if start <= date:
            found = term
    return found


def term_range(term: str) -> tuple[dt.date, dt.date | None]:
    """First and last day a document of ``term`` can carry.

    The old term runs to the closing day of the next congress, so the last day can overlap the
    next term's first days (XI ends 28/1/2016, XII starts 27/1/2016).
    """
    terms = get_vocabulary().terms
    t = get_vocabulary().term(term)
    i = terms.index(t)
    end = terms[i + 1].congress_end if i + 1 < len(terms) else None
    return t.start, end


def date_in_term(date: dt.date, term: str) -> bool:
    start, end = term_range(term)
    return start <= date and (end is None or date <= end)


def normalize_term(value: str | int) -> str:
    """``normalize_term("khóa 11") == normalize_term("XI") == "XI"``.

    Raises KeyError for a term the vocabulary does not know.
    """
    vocab = get_vocabulary()
    if isinstance(value, int):
        t = vocab.term_by_number(value)
        if t is None:
            raise KeyError(f"unknown term number {value}")
        return t.term
    s = str(value).strip()
    for prefix in ("khóa", "khoá", "khoa", "Khóa", "Khoá", "Khoa", "KHÓA", "KHOA"):
        if s.startswith(prefix):
            s = s[len(prefix):].strip()
    if s.isdigit():
        return normalize_term(int(s))
    try:
        n = roman_to_int(s)
    except ValueError:
        raise KeyError(f"unknown term {value!r}") from None
    return normalize_term(n)


def terms() -> list[Term]:
    return list(get_vocabulary().terms)
