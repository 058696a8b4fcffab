"""Step 1 — clean: make text matchable while remembering where every character came from.

Cleaning composes NFD text to NFC, maps look-alike characters (``Ð`` U+00D0 → ``Đ``, the dash
family → ``-``, odd spaces → `` ``), drops zero-width characters and, for HTML, strips tags and
decodes entities. :class:`CleanText` keeps a map so that every span found in the cleaned text is
reported as a span of the caller's original string.

>>> ct = clean("Nghi\u0323 quyê\u0301t sô\u0301 25–NQ/TW")
>>> ct.text
'Nghị quyết số 25-NQ/TW'
>>> ct.to_original(14, 22)
(17, 25)
"""

from __future__ import annotations

import bisect

import codecs
import html as _html
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# One-for-one substitutions: they keep lengths, so no offset map is needed for them.
_SUBST = {
    "\u00d0": "Đ",  # Ð (Icelandic eth) used for Đ by some sites
    "\u0189": "Đ",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-", "\ufe58": "-", "\ufe63": "-", "\uff0d": "-",
    "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2004": " ", "\u2005": " ", "\u2006": " ",
    "\u2007": " ", "\u2008": " ", "\u2009": " ", "\u200a": " ", "\u202f": " ", "\u205f": " ",
    "\u3000": " ", "\t": " ",
    # Line breaks other than "\n" (Windows "\r\n", old Mac "\r", Unicode separators): the
    # patterns know "\n" only, and "\r\n" becomes two line breaks, which reads the same.
    "\r": "\n", "\u2028": "\n", "\u2029": "\n", "\x0b": "\n", "\x0c": "\n", "\x85": "\n",
    "\u2044": "/", "\u2215": "/", "\uff0f": "/",
}
_SUBST_TABLE = str.maketrans(_SUBST)
_NEEDS_SUBST = re.compile("[" + "".join(re.escape(c) for c in _SUBST) + "]")
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
# Anything that needs more than a one-for-one substitution.
_NEEDS_MAP = re.compile(f"[{_ZERO_WIDTH}\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff]")
_HTML_TOKEN = re.compile(r"<!--.*?-->|<(script|style)\b[^>]*>.*?</\1\s*>|<[^>]*>|&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?",
                         re.S | re.I)
_BLOCK_TAGS = re.compile(r"<\s*/?\s*(p|div|br|li|tr|td|th|h[1-6]|ul|ol|table|section|article|blockquote)\b", re.I)


@dataclass
class CleanText:
    """Cleaned text plus the map back to the original.

    ``starts[i]``/``ends[i]`` give the original span of cleaned character ``i``; both are
    ``None`` when cleaning changed nothing but one-for-one substitutions (the common case).
    """

    original: str
    text: str
    starts: list[int] | None = None
    ends: list[int] | None = None
    _folded: str | None = None

    @property
    def folded(self) -> str:
        """:attr:`text` folded (lower case, no diacritics), computed once."""
        if self._folded is None:
            from directives.text import fold

            self._folded = fold(self.text)
        return self._folded

    @property
    def identity(self) -> bool:
        """True when offsets in :attr:`text` are offsets in :attr:`original`."""
        return self.starts is None

    def to_clean(self, pos: int) -> int:
        """The offset in :attr:`text` of the first character at or after ``pos`` of
        :attr:`original` (the inverse of :meth:`to_original` at character boundaries)."""
        if self.starts is None:
            return pos
        return bisect.bisect_left(self.starts, pos)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of :attr:`text` to a span of :attr:`original`."""
        if self.starts is None or self.ends is None:
            return start, end
        if start >= end:
            pos = self.starts[start] if start < len(self.starts) else len(self.original)
            return pos, pos
        return self.starts[start], self.ends[end - 1]


def _cluster_map(text: str) -> CleanText:
    """NFC-compose cluster by cluster (a base character and its combining marks)."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        chunk = text[i:j]
        if any(c in _ZERO_WIDTH for c in chunk):
            chunk = "".join(c for c in chunk if c not in _ZERO_WIDTH)
        composed = unicodedata.normalize("NFC", chunk).translate(_SUBST_TABLE)
        for c in composed:
            out.append(c)
            starts.append(i)
            ends.append(j)
        i = j
    return CleanText(text, "".join(out), starts, ends)


def _html_map(text: str) -> CleanText:
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for m in _HTML_TOKEN.finditer(text):
        for k in range(pos, m.start()):
            out.append(text[k])
            starts.append(k)
            ends.append(k + 1)
        tok = m.group(0)
        if tok.startswith("&"):
            dec = _html.unescape(tok)
            rep = dec if dec != tok else tok
        elif _BLOCK_TAGS.match(tok):
            rep = "\n"
        elif tok.startswith("<"):
            rep = " " if not tok.lower().startswith(("<b", "</b", "<i", "</i", "<em", "</em", "<strong", "</strong", "<span", "</span", "<a", "</a")) else ""
        else:
            rep = tok
        for c in rep:
            out.append(c)
            starts.append(m.start())
            ends.append(m.end())
        pos = m.end()
    for k in range(pos, len(text)):
        out.append(text[k])
        starts.append(k)
        ends.append(k + 1)
    mid = "".join(out)
    inner = _cluster_map(mid) if _NEEDS_MAP.search(mid) or not unicodedata.is_normalized("NFC", mid) \
        else CleanText(mid, mid.translate(_SUBST_TABLE))
    if inner.starts is None:
        return CleanText(text, inner.text, starts, ends)
    return CleanText(text, inner.text,
                     [starts[s] for s in inner.starts],
                     [ends[e - 1] for e in inner.ends])


_FLAG_MAP, _FLAG_SUBST = 1, 2
_FLAGS = None


def _flag_table():
    """Per BMP code point: needs a one-for-one substitution, or needs the cluster map (zero
    width characters, and every character after which a text may not be NFC: combining
    marks, second halves of canonical compositions, characters NFC replaces). A text with
    neither flag is NFC already, which spares the normalisation check."""
    global _FLAGS
    if _FLAGS is None:
        import numpy as np

        from directives import cache

        key = f"{unicodedata.unidata_version}-{len(_SUBST)}-{len(_ZERO_WIDTH)}"
        t = cache.load(key, "cleanflags")
        if not isinstance(t, np.ndarray) or t.shape != (0x10000,):
            t = np.zeros(0x10000, dtype=np.uint8)
            for c in _SUBST:
                t[ord(c)] |= _FLAG_SUBST
            for c in _ZERO_WIDTH:
                t[ord(c)] |= _FLAG_MAP
            for cp in range(0x10000):
                if 0xD800 <= cp <= 0xDFFF:
                    continue
                ch = chr(cp)
                dec = unicodedata.decomposition(ch)
                if dec and not dec.startswith("<") and len(dec.split()) == 2:
                    t[int(dec.split()[1], 16)] |= _FLAG_MAP  # may compose with what precedes
                if unicodedata.combining(ch) or unicodedata.normalize("NFC", ch) != ch:
                    t[cp] |= _FLAG_MAP
            cache.store(key, t, "cleanflags")
        _FLAGS = t
    return _FLAGS


_SUBST_NP = None


def _subst_table():
    global _SUBST_NP
    if _SUBST_NP is None:
        import numpy as np

        t = np.arange(0x10000, dtype=np.uint32)
        for a, b in _SUBST.items():
            t[ord(a)] = ord(b)
        _SUBST_NP = t
    return _SUBST_NP


_FOLD_FLAGS = None


def _fold_flag_table():
    """One lookup table for two jobs: the folded character in the low 16 bits (the table of
    :func:`directives.text.fold`) and what cleaning needs in the bits above 24."""
    global _FOLD_FLAGS
    if _FOLD_FLAGS is None:
        import numpy as np

        from directives.text import _np_table

        _FOLD_FLAGS = _np_table() | (_flag_table().astype(np.uint32) << np.uint32(24))
    return _FOLD_FLAGS


@lru_cache(maxsize=1)
def _have_numpy() -> bool:
    """numpy comes with matplotlib, a dependency; without it cleaning falls back to regexes."""
    import importlib.util

    return importlib.util.find_spec("numpy") is not None


def _codepoints(text: str):
    """``text`` as a numpy array of code points: UTF-16 units when every character is in the
    Basic Multilingual Plane (encoding is then nearly a copy), UTF-32 otherwise."""
    import numpy as np

    try:
        b = text.encode("utf-16-le")
    except UnicodeEncodeError:  # a lone surrogate: UTF-32 keeps it as one code point
        b = b""
    if b and len(b) == 2 * len(text):  # no surrogate pairs: one unit per character
        return np.frombuffer(b, dtype=np.uint16)
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def _decode(cps) -> str:
    import numpy as np

    if cps.dtype == np.uint16:
        return codecs.utf_16_le_decode(cps, "strict", True)[0]  # no copy through bytes
    return cps.tobytes().decode("utf-32-le", "surrogatepass")


_FOLD16 = None


def _fold16_table():
    """The fold as 16-bit code points, 0xFFFF for every character that needs cleaning (or folds
    to 0xFFFF and above): on a clean BMP text one 16-bit lookup and one maximum say "no flag"
    and give the folded text, with half the memory traffic of the 32-bit table."""
    global _FOLD16
    if _FOLD16 is None:
        import numpy as np

        t = _fold_flag_table()
        low = t & 0xFFFF
        _FOLD16 = np.where((t >> 24 != 0) | (low >= 0xFFFF), 0xFFFF, low).astype(np.uint16)
    return _FOLD16


def _fold_cps(cps):
    """(the folded code points, the cleaning flags of the whole text) in one table lookup;
    the folded code points are None when a flag is set (the text must change first)."""
    import numpy as np

    from directives.text import table_lookup

    if cps.dtype == np.uint16:
        out16 = _fold16_table().take(cps)
        if out16.max(initial=0) < 0xFFFF:
            return out16, 0
    out = table_lookup(_fold_flag_table(), cps)
    # The flags sit above bit 24, beyond any code point: a maximum tells whether there are
    # any (cheaper than OR-ing every element), and only then are they OR-ed.
    if out.max(initial=0) < 1 << 24:
        return out.astype(cps.dtype, copy=False), 0
    return None, int(np.bitwise_or.reduce(out)) >> 24


def _needs(text: str) -> tuple[bool, bool, object, object]:
    """(needs a cluster map, needs one-for-one substitutions, the code points, the folded
    code points); the arrays are None where the regexes answered.

    Two character-class searches cost more than the rest of cleaning on long Vietnamese text
    (every non-ASCII character is looked up in the class); one vectorised lookup over the code
    points answers both and folds the text on the way.
    """
    if len(text) >= 512 and _have_numpy():
        cps = _codepoints(text)
        folded, flags = _fold_cps(cps)
        return bool(flags & _FLAG_MAP), bool(flags & _FLAG_SUBST), cps, folded
    return bool(_NEEDS_MAP.search(text)), bool(_NEEDS_SUBST.search(text)), None, None


def looks_like_html(text: str) -> bool:
    return bool(re.search(r"<(p|div|br|span|a|b|i|strong|em|h[1-6]|li|table|html|body)\b[^>]*>", text[:20000], re.I))


def clean(text: str, *, html: bool | None = False) -> CleanText:
    """Clean ``text`` for matching. ``html=None`` guesses from the text; ``True`` forces it."""
    if not isinstance(text, str):
        raise TypeError(f"clean() needs a str, got {type(text).__name__}")
    if html is None:
        html = looks_like_html(text)
    if html:
        return _html_map(text)
    # With the code points known, no flag also means the text is NFC (see _flag_table).
    needs_map, needs_subst, cps, folded = _needs(text)
    if needs_map or (cps is None and not unicodedata.is_normalized("NFC", text)):
        return _cluster_map(text)
    if needs_subst:
        if cps is None:
            return CleanText(text, text.translate(_SUBST_TABLE))
        # str.translate looks every non-ASCII character up in a dict: on a long text full of
        # en dashes and no-break spaces the table lookup over code points is far quicker.
        from directives.text import table_lookup

        out = table_lookup(_subst_table(), cps).astype(cps.dtype, copy=False)
        return CleanText(text, _decode(out), _folded=_decode(_fold_cps(out)[0]))
    return CleanText(text, text, _folded=_decode(folded) if folded is not None else None)
