"""Canonical Vietnamese citations of catalog entries.

>>> from directives import Catalog
>>> format_citation(Catalog.load().get("43-KL/TW@XII"), with_title=False)
'Kết luận số 43-KL/TW, ngày 07/01/2019 của Ban Bí thư (khóa XII)'
"""

from __future__ import annotations

from .models import Directive


def shorten(s: str | None, n: int) -> str:
    """``s`` cut to ``n`` characters, an ellipsis marking the cut."""
    s = s or ""
    return s if len(s) <= n else s[: n - 1] + "…"


def format_date(d) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


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
