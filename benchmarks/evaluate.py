"""Measure detection, resolution, checks and relations against a gold set.

    python benchmarks/evaluate.py [GOLD.yaml] [--texts DIR]

Prints precision / recall / F1 of citation detection (exact spans, and spans that overlap),
resolution accuracy on the citations found, precision / recall of editor flags, and of
relations per type. The default gold set is tests/gold/seeds.yaml over ../shared/corpus/seeds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _locate(text: str, doc: dict) -> None:
    """Gold written by span text (dev sets): find each span in order; relations by index."""
    pos = 0
    for g in doc["citations"]:
        start = text.index(g["text"], pos)
        g["start"], g["end"] = start, start + len(g["text"])
        g.setdefault("issues", None)
        pos = start + 1
    for r in doc.get("relations", []):
        if isinstance(r.get("target"), int) and r["target"] < len(doc["citations"]):
            r["target"] = doc["citations"][r["target"]]["start"]
            if r.get("source") is not None:
                r["source"] = doc["citations"][r["source"]]["start"]


def evaluate(gold_path: Path, texts: Path | None, catalog=None) -> dict:
    from citations import analyze

    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    exact = Counter()
    overlap = Counter()
    res = Counter()
    flags = Counter()
    rels: dict[str, Counter] = {}
    for doc in gold:
        if "text" in doc:
            text = doc["text"]
            _locate(text, doc)
        else:
            text = (texts / doc["file"]).read_text(encoding="utf-8")
        pub = doc.get("published")
        pub = pub if isinstance(pub, dt.date) or pub is None else dt.date.fromisoformat(pub)
        a = analyze(text, published=pub, catalog=catalog)
        got = {(c.start, c.end): c for c in a.citations}
        want = {(g["start"], g["end"]): g for g in doc["citations"]}
        exact["tp"] += len(set(got) & set(want))
        exact["fp"] += len(set(got) - set(want))
        exact["fn"] += len(set(want) - set(got))
        matched = []
        for span, g in want.items():
            hit = next((c for (s, e), c in got.items() if s < span[1] and span[0] < e), None)
            if hit is None:
                overlap["fn"] += 1
                continue
            overlap["tp"] += 1
            matched.append((g, hit))
        overlap["fp"] += sum(1 for (s, e) in got
                             if not any(s < ge and gs < e for gs, ge in want))
        for g, c in matched:
            rid = c.resolved.id if c.resolved else None
            res["total"] += 1
            res["correct"] += rid == g["resolved"]
            if g.get("issues") is None:
                continue  # this gold set does not annotate editor flags
            gf = set(g.get("issues", []))
            cf = {i.code for i in c.issues}
            flags["tp"] += len(gf & cf)
            flags["fp"] += len(cf - gf)
            flags["fn"] += len(gf - cf)
        gold_rels = {(r["type"], r["source"], r["target"]) for r in doc.get("relations", [])}
        got_rels = {(r.type, a.citations[r.source].start if r.source is not None else None,
                     a.citations[r.target].start) for r in a.relations}
        for t in {x[0] for x in gold_rels | got_rels}:
            cnt = rels.setdefault(t, Counter())
            g_t = {x for x in gold_rels if x[0] == t}
            c_t = {x for x in got_rels if x[0] == t}
            cnt["tp"] += len(g_t & c_t)
            cnt["fp"] += len(c_t - g_t)
            cnt["fn"] += len(g_t - c_t)
    return {"exact": exact, "overlap": overlap, "resolution": res, "flags": flags,
            "relations": rels}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="?", default=str(ROOT / "tests" / "gold" / "seeds.yaml"))
    ap.add_argument("--texts", default=str(ROOT.parent / "shared" / "corpus" / "seeds"))
    args = ap.parse_args(argv)
    texts = Path(args.texts)
    gold_docs = yaml.safe_load(Path(args.gold).read_text(encoding="utf-8"))
    if not texts.is_dir() and any("file" in d for d in gold_docs):
        print(f"texts folder not found: {texts}", file=sys.stderr)
        return 2
    r = evaluate(Path(args.gold), texts)
    for name in ("exact", "overlap"):
        c = r[name]
        p, rc, f = prf(c["tp"], c["fp"], c["fn"])
        print(f"detection ({name} spans): precision {p:.3f}  recall {rc:.3f}  F1 {f:.3f}  "
              f"(tp {c['tp']}, fp {c['fp']}, fn {c['fn']})")
    res = r["resolution"]
    acc = res["correct"] / res["total"] if res["total"] else 1.0
    print(f"resolution accuracy: {acc:.3f} ({res['correct']}/{res['total']} found citations)")
    c = r["flags"]
    p, rc, f = prf(c["tp"], c["fp"], c["fn"])
    print(f"editor flags: precision {p:.3f}  recall {rc:.3f}  (tp {c['tp']}, fp {c['fp']}, fn {c['fn']})")
    for t, c in sorted(r["relations"].items()):
        p, rc, f = prf(c["tp"], c["fp"], c["fn"])
        print(f"relations {t:<12} precision {p:.3f}  recall {rc:.3f}  (tp {c['tp']}, fp {c['fp']}, fn {c['fn']})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
