"""The README's data section states what the bundled catalog holds; these tests keep it true.

A curator who changes the catalog runs `python scripts/update_readme_data.py`; a stale
figure or gap list fails here instead of misleading a reader.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from directives import Catalog
from directives.stats import catalog_stats

README = Path(__file__).resolve().parents[1] / "README.md"


@pytest.fixture(scope="module")
def stats() -> dict:
    return catalog_stats(Catalog.load())


@pytest.fixture(scope="module")
def data_section() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("## Data")
    end = text.index("\n## ", start + 1)
    return text[start:end]


def test_gap_table_matches_the_catalog(stats, data_section):
    rows = re.findall(r"^\| ([IVX]+) \| (\d+) of 1–(\d+) \| (.*?) \|$", data_section, re.M)
    assert rows, "no gap table found in the README's data section"
    for term, count, top, missing in rows:
        gap = stats["series_gaps"][f"NQ/TW@{term}"]
        assert (int(count), int(top)) == (gap["count"], gap["max"]), term
        assert missing == (gap["missing"] or "none"), term


def test_headline_figures_match_the_catalog(stats, data_section):
    m = re.search(r"(\d+) entries, (\d+) of them central\s+documents of terms [IVX]+–[IVX]+; "
                  r"([\d.]+)% of the central ones verified", data_section)
    assert m, "headline figures not found in the README's data section"
    assert int(m.group(1)) == stats["total"]
    assert int(m.group(2)) == stats["central"]
    assert float(m.group(3)) == round(stats["central_verified_share"] * 100, 1)
    for label, key in (("single-source", "single"), ("unverified", "unverified")):
        n = re.search(rf"(\d+) {label}", data_section)
        assert n and int(n.group(1)) == stats["by_verification"].get(key, 0), label
