"""The five seed articles against hand-reviewed gold annotations (skipped without ../shared)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "seeds.yaml"


@pytest.fixture(scope="module")
def results(seeds_dir):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from evaluate import evaluate

    return evaluate(GOLD, seeds_dir)


def test_every_seed_citation_found_with_exact_span(results):
    c = results["exact"]
    assert c["fn"] == 0 and c["fp"] == 0, c


def test_every_seed_citation_resolved_right(results):
    r = results["resolution"]
    assert r["correct"] == r["total"] > 40


def test_seed_errors_are_flagged(results):
    c = results["flags"]
    assert c["fn"] == 0 and c["fp"] == 0 and c["tp"] >= 3, c


def test_seed_relations(results):
    for t, c in results["relations"].items():
        assert c["fn"] == 0 and c["fp"] == 0, (t, c)


def test_gold_has_the_known_errors():
    import yaml

    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    flagged = {(d["file"][:3], c["resolved"], tuple(c["issues"])) for d in gold for c in d["citations"] if c["issues"]}
    assert ("004", "25-NQ/TW@XI", ("date-mismatch",)) in flagged
    assert ("004", "43-KL/TW@XII", ("body-mismatch",)) in flagged
