"""The self-written development set (tests/gold/dev.yaml), measured like the seeds."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_dev_set_quality():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from evaluate import evaluate, prf

    r = evaluate(ROOT / "tests" / "gold" / "dev.yaml", None)
    p, rec, _ = prf(r["exact"]["tp"], r["exact"]["fp"], r["exact"]["fn"])
    assert p >= 0.95 and rec >= 0.95, r["exact"]
    res = r["resolution"]
    assert res["correct"] / res["total"] >= 0.95, res
    for t, c in r["relations"].items():
        assert c["fn"] == 0 and c["fp"] == 0, (t, c)


def test_stress_set_quality():
    """The red-team set (tests/gold/stress.yaml): harder forms, some still missed, measured."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from evaluate import evaluate, prf

    r = evaluate(ROOT / "tests" / "gold" / "stress.yaml", None)
    p, rec, _ = prf(r["exact"]["tp"], r["exact"]["fp"], r["exact"]["fn"])
    assert p >= 0.95 and rec >= 0.9, r["exact"]
    res = r["resolution"]
    assert res["correct"] / res["total"] >= 0.95, res
    flags = r["flags"]
    assert flags["fp"] == 0 and flags["fn"] == 0, flags
