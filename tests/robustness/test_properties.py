"""Property tests: the engine never raises, never loses or shifts a span, and treats NFC, NFD
and diacritic-free text alike."""

from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citations import extract, find
from directives.text import fold

CITES = [
    "Nghị quyết số 25-NQ/TW ngày 3/6/2013 của Ban Chấp hành Trung ương Đảng khóa XI",
    "Kết luận số 43-KL/TW ngày 7/1/2019 của Ban Bí thư",
    "Quyết định 217, 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị",
    "Chỉ thị 18-CT/TW ngày 10/01/2018",
    "Nghị quyết Trung ương 7 khóa XI",
    "Nghị quyết Đại hội XIII của Đảng",
    "Kế hoạch số 67-KH/TU, ngày 10/6/2022 của Ban Thường vụ Thành ủy",
    "217/QĐ-TW",
]
FILLER = st.text(alphabet=st.sampled_from(list("abcđêôơư ÁẠỆ,.;:()\n0123456789-/–—\"“”%")), max_size=60)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _key(c):
    return (c.form, c.kind, c.number, c.issuer_code, c.date, c.body, c.term, c.plenum)


@SETTINGS
@given(st.text(max_size=400))
def test_never_raises_and_spans_hold(text):
    for c in extract(text):
        assert 0 <= c.start <= c.end <= len(text)
        assert text[c.start:c.end] == c.text


@SETTINGS
@given(FILLER, st.sampled_from(CITES), FILLER)
def test_citation_in_noise_keeps_its_span(before, cite, after):
    text = before + " " + cite + " " + after
    cs = find(text)
    assert any(c.text.startswith(cite.split(" ")[0]) or cite.startswith(c.text[:5]) for c in cs)
    for c in cs:
        assert text[c.start:c.end] == c.text


@SETTINGS
@given(st.text(max_size=80), st.sampled_from(CITES))
def test_prefix_shifts_offsets_and_nothing_else(prefix, cite):
    base = "Theo " + cite + "."
    a = find(base)
    b = find(prefix + "\n" + base)
    shift = len(prefix) + 1
    tail = [c for c in b if c.start >= shift]
    assert [(_key(c), c.start - shift, c.end - shift) for c in tail] == \
        [(_key(c), c.start, c.end) for c in a]


@SETTINGS
@given(FILLER, st.sampled_from(CITES))
def test_nfc_and_nfd_give_the_same_citations(noise, cite):
    text = noise + " " + cite
    nfc = unicodedata.normalize("NFC", text)
    nfd = unicodedata.normalize("NFD", text)
    a, b = find(nfc), find(nfd)
    assert [_key(c) for c in a] == [_key(c) for c in b]
    for c in b:
        assert nfd[c.start:c.end] == c.text


def _strip(text: str) -> str:
    out = []
    for ch in unicodedata.normalize("NFC", text):
        f = fold(ch)
        out.append(f.upper() if ch.isupper() else f)
    return "".join(out)


@SETTINGS
@given(FILLER, st.sampled_from([c for c in CITES if "/" in c]))
def test_without_diacritics_every_symbol_citation_is_found(noise, cite):
    text = noise + " " + cite
    with_marks = [(c.kind, c.number, c.issuer_code) for c in find(text) if c.number]
    plain = [(c.kind, c.number, c.issuer_code) for c in find(_strip(text)) if c.number]
    assert with_marks == plain


@given(st.text(max_size=300))
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
def test_the_16_bit_fold_agrees_with_the_32_bit_table(text):
    """Cleaning folds a BMP text with a 16-bit table and falls back to the 32-bit one (fold and
    flags) whenever anything needs cleaning: both must say the same."""
    import numpy as np

    from citations.clean import _codepoints, _fold_cps, _fold_flag_table
    from directives.text import table_lookup

    cps = _codepoints(text)
    folded, flags = _fold_cps(cps)
    full = table_lookup(_fold_flag_table(), cps)
    want_flags = int(np.bitwise_or.reduce(full, initial=0)) >> 24
    assert flags == want_flags
    if want_flags:
        assert folded is None
    else:
        assert folded.astype(np.uint32).tolist() == (full & 0xFFFFFF).tolist()


@given(st.lists(st.sampled_from(["\ud83d", "\ude00", "\ud800\udc00", "x", " ", "Kết luận số 43-KL/TW ",
                                 "văn bản " * 70]), max_size=12))
@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
def test_lone_surrogates_neither_crash_nor_shift_offsets(parts):
    """Half an emoji cut from its pair (a JSON "\\ud83d" in scraped text) is a character of the
    str like any other: nothing raises, and every span still points at its citation."""
    text = "".join(parts)
    found = extract(text)
    assert all(text[c.start:c.end] == c.text for c in found)
    assert len(found) == text.count("Kết luận số 43-KL/TW")
