"""What a text says about itself: when it was published and where it comes from.

News pages print their publication time near the top ("Thứ năm - 19/01/2023 10:20",
"17:28, 06/12/2023"); provincial news names its province. Both help resolution (a text cannot
cite a document issued after it; "tổng kết 10 năm" counts back from the publication year) and
give unresolved local documents a locality.

>>> infer_published("Tin tức\\nTrọng Bảo - 17:28, 06/12/2023\\nNgày 6/12, Tỉnh ủy …")
datetime.date(2023, 12, 6)
>>> infer_locality("Tỉnh ủy Lào Cai tổ chức hội nghị; toàn tỉnh Lào Cai có 5.287 mô hình")
'lao-cai'
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from functools import lru_cache

from directives.text import fold
from directives.vocabulary import get_vocabulary

# A date d/m/yyyy counts as the publication stamp when a time or a weekday stands next to it:
# "17:28, 06/12/2023", "19/01/2023 10:20", "Thứ năm - 19/01/2023".
_DATE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_TIME_BEFORE = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?\s*,?\s*(?:ngày\s+)?$")
_TIME_AFTER = re.compile(r"\s*[,-]?\s*\d{1,2}:\d{2}\b")
_WEEKDAY_BEFORE = re.compile(r"(?:[Tt]hứ\s+(?:[Hh]ai|[Bb]a|[Tt]ư|[Nn]ăm|[Ss]áu|[Bb]ảy)|[Cc]hủ\s+[Nn]hật)\s*[,-]\s*(?:ngày\s+)?$")
_WEEKDAY_HINTS = tuple(f"hứ {d}" for d in ("hai", "ba", "tư", "năm", "sáu", "bảy",
                                            "Hai", "Ba", "Tư", "Năm", "Sáu", "Bảy")) \
    + ("hủ nhật", "hủ Nhật")
_HEAD = 800


def infer_published(text: str) -> dt.date | None:
    """The publication date printed in the head of a news page, or None."""
    head = text[:_HEAD]
    # Most heads hold neither a time nor a weekday; plain substring tests (memchr speed) say
    # so before any regex walks the digits.
    if ":" not in head and not (("hứ " in head or "hủ " in head)
                                and any(w in head for w in _WEEKDAY_HINTS)):
        return None
    for m in _DATE.finditer(head):
        if m.start() and head[m.start() - 1].isdigit():
            continue
        before = head[max(0, m.start() - 30):m.start()]
        if not (_TIME_BEFORE.search(before) or _WEEKDAY_BEFORE.search(before)
                or _TIME_AFTER.match(head, m.end())):
            continue
        try:
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        except ValueError:
            continue
    return None


@lru_cache(maxsize=1)
def _locality_regex():
    names = {}
    for loc in get_vocabulary().localities:
        for n in loc.names:
            names[fold(n)] = loc.slug
    alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    # No leading \b, so the engine can skip to the letter "t"; the boundary is checked per hit.
    return (re.compile(rf"t(?:inh uy|hanh uy|inh|hanh pho|p\.?)\s+({alts})\b"), names,
            re.compile(rf"\s*({alts})\s*:"))


def localities_named(text: str) -> set[str]:
    """The provinces a phrase names with "tỉnh"/"thành phố" before them, as slugs.

    >>> sorted(localities_named("xây dựng và phát triển thành phố Đà Nẵng đến năm 2030"))
    ['da-nang']
    """
    rx, names, _ = _locality_regex()
    folded = fold(text)
    return {names[m.group(1)] for m in rx.finditer(folded)
            if m.start() == 0 or not folded[m.start() - 1].isalnum()}


def infer_locality(text: str, folded: str | None = None) -> str | None:
    """The province a text is about: the one its "tỉnh …"/"Tỉnh ủy …" mentions name most.

    ``folded`` is the text already folded (same length), when the caller has it.
    """
    rx, names, head_rx = _locality_regex()
    folded = (folded if folded is not None else fold(text))[:200_000]
    counts = Counter(names[m.group(1)] for m in rx.finditer(folded)
                     if m.start() == 0 or not folded[m.start() - 1].isalnum())
    # A headline that opens with the province: "Bình Phước: cấp ủy các cấp …".
    head = head_rx.match(folded)
    if head:
        counts[names[head.group(1)]] += 2
    if not counts:
        return None
    (top, n), *rest = counts.most_common(2) + [(None, 0)]
    return top if n > rest[0][1] else None
