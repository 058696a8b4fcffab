"""Canonical Vietnamese citations of catalog entries.

>>> from directives import Catalog
>>> format_citation(Catalog.load().get("43-KL/TW@XII"), with_title=False)
'Kết luận số 43-KL/TW, ngày 07/01/2019 của Ban Bí thư (khóa XII)'
"""

from __future__ import annotations

import re

from .models import Directive


def shorten(s: str | None, n: int) -> str:
    """``s`` cut to ``n`` characters, an ellipsis marking the cut."""
    s = s or ""
    return s if len(s) <= n else s[: n - 1] + "…"


def format_date(d) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


_NUMERIC_DATE = re.compile(r"(\d{1,2})(\s*[/.\-]\s*)(\d{1,2})(\s*[/.\-]\s*)(\d{4})")
_WORDED_DATE = re.compile(r"(\d{1,2})(\s+\S+\s+)(\d{1,2})(\s+\S+\s+)(\d{4})")


def restyle_date(written: str, d) -> str:
    """``d`` written the way ``written`` writes a date: the same separators, words and zero
    padding, so a correction changes the figures and nothing else.

    >>> import datetime as dt
    >>> [restyle_date(w, dt.date(2013, 6, 3)) for w in ("13/6/2013", "13/06/2013", "3-6-2013",
    ...                                                  "13 tháng 6 năm 2013")]
    ['3/6/2013', '03/06/2013', '3-6-2013', '3 tháng 6 năm 2013']
    """
    m = _NUMERIC_DATE.fullmatch(written) or _WORDED_DATE.fullmatch(written)
    if m is None:
        return format_date(d)
    day, sep1, month, sep2, _ = m.groups()
    pad_day = day.startswith("0") or (len(day) == 2 and month.startswith("0"))
    pad_month = month.startswith("0") or (len(month) == 2 and day.startswith("0"))
    return (f"{d.day:02d}" if pad_day else str(d.day)) + sep1 \
        + (f"{d.month:02d}" if pad_month else str(d.month)) + sep2 + str(d.year)


def format_citation(d: Directive, *, with_title: bool = True) -> str:
    """``Kết luận số 43-KL/TW, ngày 07/01/2019 của Ban Bí thư (khóa XII) về …``"""
    if d.number is None and d.issuer == "ĐH":
        text = f"{d.type_name} Đại hội đại biểu toàn quốc lần thứ {d.term} của Đảng"
    else:
        text = f"{d.type_name} số {d.symbol}"
    if d.date:
        text += f", ngày {format_date(d.date)}"
    if d.body and d.issuer != "ĐH":
        text += f" của {d.body_name}"
        if d.plenum and d.body == "BCHTW":
            text += f" (Hội nghị Trung ương {d.plenum}, khóa {d.term})"
        elif d.term:
            text += f" (khóa {d.term})"
    elif d.term and d.issuer != "ĐH":
        text += f" (khóa {d.term})"
    if with_title and d.title:
        text += f" về {d.title}"
    return text
