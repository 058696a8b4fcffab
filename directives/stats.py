"""Catalog statistics for curators: counts, verification, relations and gaps in series.

>>> from directives import Catalog
>>> s = catalog_stats(Catalog.load())
>>> s["total"] > 0 and "XI" in s["by_term"]
True
"""

from __future__ import annotations

from collections import Counter, defaultdict

from .catalog import Catalog


def catalog_stats(cat: Catalog) -> dict:
    by_term: Counter = Counter()
    by_kind: Counter = Counter()
    by_body: Counter = Counter()
    by_ver: Counter = Counter()
    rel: Counter = Counter()
    missing_title: list[str] = []
    missing_date: list[str] = []
    series: dict[tuple, list[int]] = defaultdict(list)
    term_ver: dict[str, Counter] = defaultdict(Counter)
    central = central_verified = 0
    for d in cat:
        term_ver[d.term or f"local:{d.locality}"][d.verification.value] += 1
        if d.central:
            central += 1
            central_verified += d.verification.value == "verified"
        by_term[d.term or f"local:{d.locality}"] += 1
        by_kind[d.kind] += 1
        by_body[d.body or "?"] += 1
        by_ver[d.verification.value] += 1
        for r in d.relations:
            rel[r.type] += 1
        if not d.title:
            missing_title.append(d.id)
        if not d.date:
            missing_date.append(d.id)
        if d.central and d.number is not None and d.issuer == "TW":
            series[(d.kind, d.term)].append(d.number_int)
    gaps = {}
    for (kind, term), nums in sorted(series.items(), key=lambda x: (x[0][0], x[0][1] or "")):
        nums = sorted(set(nums))
        missing = [n for n in range(1, nums[-1] + 1) if n not in set(nums)]
        gaps[f"{kind}/TW@{term}"] = {"count": len(nums), "max": nums[-1],
                                     "missing": _ranges(missing)}
    total = len(cat)
    return {
        "total": total,
        "central": central,
        "verified_share": round(by_ver.get("verified", 0) / total, 3) if total else 0.0,
        "central_verified_share": round(central_verified / central, 3) if central else 0.0,
        "by_term": dict(sorted(by_term.items())),
        "by_kind": dict(by_kind.most_common()),
        "by_body": dict(by_body.most_common()),
        "by_verification": dict(by_ver.most_common()),
        "relations_by_type": dict(rel.most_common()),
        "verified_share_by_term": {t: round(c["verified"] / sum(c.values()), 3)
                                   for t, c in sorted(term_ver.items())},
        "missing_title": missing_title,
        "missing_date": missing_date,
        "series_gaps": gaps,
    }


def _ranges(nums: list[int]) -> str:
    out = []
    start = prev = None
    for n in nums:
        if start is None:
            start = prev = n
        elif n == prev + 1:
            prev = n
        else:
            out.append(f"{start}" if start == prev else f"{start}–{prev}")
            start = prev = n
    if start is not None:
        out.append(f"{start}" if start == prev else f"{start}–{prev}")
    return ", ".join(out)


def render_stats(s: dict) -> str:
    lines = [f"{s['total']} entries ({s['central']} central), "
             f"{s['verified_share'] * 100:.0f}% verified; central documents "
             f"{s['central_verified_share'] * 100:.1f}% verified"]
    for key, label in (("by_term", "by term"), ("by_kind", "by kind"), ("by_body", "by body"),
                       ("by_verification", "verification"), ("relations_by_type", "relations")):
        lines.append(f"{label}: " + ", ".join(f"{k} {v}" for k, v in s[key].items()))
    lines.append("verified by term: " + ", ".join(f"{k} {v * 100:.0f}%"
                                                   for k, v in s["verified_share_by_term"].items()))
    lines.append(f"missing title: {len(s['missing_title'])}; missing date: {len(s['missing_date'])}")
    lines.append("gaps in numbered TW series (number: missing):")
    for k, g in s["series_gaps"].items():
        lines.append(f"  {k}: {g['count']} of 1–{g['max']}; missing {g['missing'] or 'none'}")
    return "\n".join(lines)
