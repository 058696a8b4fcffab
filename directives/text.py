"""Text helpers shared by the catalog and the citation engine.

The key tool is :func:`fold`: it strips Vietnamese diacritics and lower-cases *one character for
one character*, so offsets into the folded string are offsets into the input. Matching runs on
folded text, which is how "Nghi quyet so 25-NQ/TW" and "Nghị quyết số 25-NQ/TW" match the same
pattern.

>>> fold("Nghị quyết số 25-NQ/TW của Ban Chấp hành Trung ương Đảng")
'nghi quyet so 25-nq/tw cua ban chap hanh trung uong dang'
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    # Latin letters with diacritics live in these blocks; each folds to one ASCII letter, so the
    # table keeps lengths intact (a requirement for offsets).
    for cp in list(range(0x00C0, 0x0250)) + list(range(0x1E00, 0x1F00)):
        ch = chr(cp)
        base = unicodedata.normalize("NFD", ch)[0].lower()
        if len(base) == 1 and base.isascii() and base.isalpha():
            table[cp] = base
    for ch in "ĐđÐ":
        table[ord(ch)] = "d"
    for cp in range(ord("A"), ord("Z") + 1):
        table[cp] = chr(cp).lower()
    # Combining marks (NFD input that was not composed) fold to nothing would change lengths;
    # they are left as they are and the cleaner composes them first.
    # A lone surrogate (half an emoji cut from its pair in scraped JSON) is no character any
    # matcher can read, and the word automaton cannot even take it: folded, it is U+FFFD.
    for cp in range(0xD800, 0xE000):
        table[cp] = "\ufffd"
    return table


FOLD_TABLE = _build_fold_table()


_NP_TABLE = None
_NP_LIMIT = 0x10000  # the Basic Multilingual Plane; the rare characters above it stay as they are


def _np_table():
    global _NP_TABLE
    if _NP_TABLE is None:
        import numpy as np

        t = np.arange(_NP_LIMIT, dtype=np.uint32)
        for cp, ch in FOLD_TABLE.items():
            if cp < _NP_LIMIT:
                t[cp] = ord(ch)
        _NP_TABLE = t
    return _NP_TABLE


def fold(text: str) -> str:
    """Lower-case and strip diacritics, keeping the length of ``text`` unchanged."""
    if len(text) < 512 or text.isascii():
        return text.translate(FOLD_TABLE) if not text.isascii() else text.lower()
    try:
        import numpy as np
    except ImportError:  # numpy is optional: translate is the same, only slower
        return text.translate(FOLD_TABLE)
    # str.translate looks every non-ASCII character up in a dict; a vectorised table lookup
    # over UTF-32 code points does the same mapping some thirty times faster on long texts.
    # "surrogatepass": a lone surrogate (half an emoji cut from its pair in scraped JSON) is a
    # character of the str like any other and must keep its place.
    cps = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    return table_lookup(_np_table(), cps).tobytes().decode("utf-32-le", "surrogatepass")


def table_lookup(table, cps):
    """``table[cps]`` for a numpy array of code points, where ``table`` covers the Basic
    Multilingual Plane: the rare code points above it are kept as they are."""
    out = table.take(cps, mode="clip")
    if cps.dtype.itemsize > 2 and cps.max(initial=0) >= _NP_LIMIT:
        high = cps >= _NP_LIMIT
        out[high] = cps[high]
    return out


@lru_cache(maxsize=1 << 16)
def fold_key(text: str) -> str:
    """A loose comparison key: NFC, folded, punctuation dropped, white space collapsed.

    >>> fold_key("Ban Chấp hành  Trung ương, Đảng")
    'ban chap hanh trung uong dang'
    """
    text = fold(unicodedata.normalize("NFC", text))
    text = re.sub(r"[^\w]+", " ", text)
    return " ".join(text.split())


_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


@lru_cache(maxsize=None)
def roman_to_int(roman: str) -> int:
    """``roman_to_int("XIII") == 13``; raises ValueError on anything else."""
    s = roman.strip().lower()
    if not s or any(c not in _ROMAN for c in s):
        raise ValueError(f"not a Roman numeral: {roman!r}")
    total = 0
    for i, c in enumerate(s):
        v = _ROMAN[c]
        total += -v if i + 1 < len(s) and _ROMAN[s[i + 1]] > v else v
    if int_to_roman(total).lower() != s:
        raise ValueError(f"not a canonical Roman numeral: {roman!r}")
    return total


def int_to_roman(n: int) -> str:
    out = []
    for value, sym in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"),
                       (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)
