"""The word finder has two engines: the Aho–Corasick automaton (ahocorasick-rs) and a regex
fallback for platforms without its wheel. Both must give the same starts."""

from __future__ import annotations

import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citations.patterns import WordFinder, get_patterns
from directives.text import fold

WORDS = sorted(get_patterns().prefilter_words.words)
HEADS = ["quy che", "chuong trinh", "dieu le"]


@pytest.fixture(scope="module")
def finders():
    fast = WordFinder(WORDS, HEADS)
    saved = sys.modules.get("ahocorasick_rs")
    sys.modules["ahocorasick_rs"] = None  # makes the import fail: the fallback is built
    try:
        slow = WordFinder(WORDS, HEADS)
    finally:
        if saved is None:
            del sys.modules["ahocorasick_rs"]
        else:
            sys.modules["ahocorasick_rs"] = saved
    assert fast._ac is not None and slow._ac is None
    return fast, slow


CASES = [
    "theo nghi quyet dinh so 25-nq/tw va quy che dan chu",
    "chuong trinh hanh dong so 12-ctr/tu; bao cao ket qua; ke hoach 100 ngay",
    "qdi qd nq ct kl",
    "",
]


@pytest.mark.parametrize("text", CASES)
def test_both_engines_agree_on_examples(finders, text):
    fast, slow = finders
    assert fast.starts(text) == slow.starts(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS + HEADS + ["so", "25", " ", "-", "/", "x", "\n"]),
                max_size=30))
def test_both_engines_agree(finders, parts):
    fast, slow = finders
    text = fold("".join(parts))
    assert fast.starts(text) == slow.starts(text)
