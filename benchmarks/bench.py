"""Speed and memory figures for vankien, printed (no timed tests).

    python benchmarks/bench.py [--mb 50] [--jobs 2]

Prints, on a generated corpus of about --mb megabytes (benchmarks/corpus.py): MB/s of find
only, of find + resolve (+ check and relations), single process; of `vankien cite --jobs N`;
the MB/s of one plain `re` scan for the kind words over the same text (the yardstick); the peak
RSS of `vankien cite` over the corpus; cold start of `vankien lookup 43-KL/TW`; catalog load
time; MB/s on adversarial inputs (long digit runs, dashes, repeated "Nghị quyết", prose in
100k-character lines); and the cost per citation of text made of nothing but citations.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import FILLER, generate, write_jsonl  # noqa: E402


def mbps(nbytes: int, seconds: float) -> float:
    return nbytes / 1e6 / seconds if seconds else float("inf")


def timed(fn):
    t = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t


def vankien_cmd() -> list[str]:
    exe = Path(sys.executable).with_name("vankien")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "cli"]


_LAUNCHER = ("import resource, subprocess, sys\n"
             "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)\n"
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def adversarial() -> dict[str, str]:
    """1 MB each of the hostile inputs the speed target names: long runs of digits, dashes,
    the kind word repeated, and 100k-character lines. Held to a third of the normal rate."""
    mb = 1_000_000
    prose = " ".join(FILLER)
    return {
        "digits and slashes": ("1234567890/" * (mb // 11))[:mb],
        "dashes and numbers": ("25 - 25 – 25—NQ " * (mb // 16))[:mb],
        "Nghị quyết repeated": ("Nghị quyết Nghị quyết số " * (mb // 25))[:mb],
        "prose in 100k-char lines": "\n".join((prose * (100_000 // len(prose) + 1))[:100_000]
                                              for _ in range(10)),
    }


def dense() -> dict[str, str]:
    """Text that is nothing but citations: its cost is per citation, so it is reported per
    citation, not against the normal MB/s."""
    mb = 1_000_000
    return {
        "a full citation every 50 chars, 100k-char lines":
            ("Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị " * 2000 + "\n") * 10,
        "symbols back to back ('25-NQ/TW, ' x 100k)": ("25-NQ/TW, " * (mb // 10))[:mb],
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=50.0)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--density", type=float, default=0.04)
    args = ap.parse_args(argv)

    from citations import extract, find
    from citations.resolve import default_catalog

    print(f"machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    cat = default_catalog()
    arts = generate(int(args.mb * 1e6), density=args.density)
    nbytes = sum(len(a.encode("utf-8")) for a in arts)
    print(f"corpus: {len(arts)} articles, {nbytes / 1e6:.1f} MB, citation density {args.density}")

    n, t = timed(lambda: sum(len(find(a)) for a in arts))
    find_rate = mbps(nbytes, t)
    print(f"find only, 1 process:           {find_rate:7.2f} MB/s ({n} citations)")
    # Results are counted, not kept: a stream (as `vankien cite` runs) holds one article's
    # citations at a time, and keeping millions of objects alive would time Python's cycle
    # collector walking them rather than vankien.
    _, t = timed(lambda: sum(len(extract(a, catalog=cat)) for a in arts))
    full_rate = mbps(nbytes, t)
    print(f"find + resolve + check, 1 proc: {full_rate:7.2f} MB/s")
    words = ["Nghị quyết", "Kết luận", "Chỉ thị", "Quyết định", "Quy định", "Kế hoạch", "Hướng dẫn"]
    rx = re.compile("|".join(words))
    _, t = timed(lambda: [rx.findall(a) for a in arts])
    yard = mbps(nbytes, t)
    print(f"yardstick (one re scan):        {yard:7.2f} MB/s  -> vankien is {yard / full_rate:.1f}x slower")
    # For scale, not the target: the same words in every form vankien reads (any case, with or
    # without diacritics) cost a plain re scan far more, since IGNORECASE on Unicode text
    # loses the engine's first-character skip.
    from directives.text import fold

    rx_any = re.compile("|".join(sorted({*words, *map(fold, words)}, key=len, reverse=True)), re.I)
    _, t = timed(lambda: [rx_any.findall(a) for a in arts])
    print(f"  same words in every form (re.I, with and without diacritics): {mbps(nbytes, t):7.2f} MB/s")

    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "corpus.jsonl")
        write_jsonl(src, int(args.mb * 1e6), density=args.density)
        size = os.path.getsize(src)
        for jobs in (1, args.jobs):
            cmd = vankien_cmd() + ["cite", src, "--format", "jsonl", "--jobs", str(jobs)]
            t0 = time.perf_counter()
            # A small launcher runs the command and reports the peak RSS of its children: asked
            # from this process, which holds the whole corpus, the figure would be this
            # process's own size, which a child has at the moment it is forked.
            out = subprocess.run([sys.executable, "-c", _LAUNCHER, *cmd], check=True,
                                 capture_output=True, text=True).stdout
            dt = time.perf_counter() - t0
            peak = int(out.split()[-1]) / 1024
            print(f"vankien cite --jobs {jobs}:          {mbps(size, dt):7.2f} MB/s (JSONL file, "
                  f"{size / 1e6:.1f} MB incl. JSON); peak RSS {peak:.0f} MB")

    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        subprocess.run(vankien_cmd() + ["lookup", "43-KL/TW"], stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - t0)
    print(f"cold start `vankien lookup 43-KL/TW`: best {min(times):.3f} s, median {sorted(times)[2]:.3f} s")
    from directives import Catalog

    _, t_nocache = timed(lambda: Catalog.from_path(ROOT / "data" / "catalog", cache=False))
    _, t_cache = timed(lambda: Catalog.load())
    print(f"catalog load: {t_cache * 1000:.1f} ms cached, {t_nocache * 1000:.1f} ms from YAML")

    for name, text in adversarial().items():
        half = text[: len(text) // 2]
        extract(text[:2000], catalog=cat)  # warm caches first: the ratio is about growth
        t_half = min(timed(lambda: extract(half, catalog=cat))[1] for _ in range(2))
        t = min(timed(lambda: extract(text, catalog=cat))[1] for _ in range(2))
        rate = mbps(len(text.encode()), t)
        print(f"adversarial {name:<26} {rate:7.2f} MB/s ({rate / full_rate:.2f} of normal); "
              f"time x{t / t_half:.2f} for twice the text (2.00 = linear)")
    for name, text in dense().items():
        half = text[: len(text) // 2]
        t_half = min(timed(lambda: extract(half, catalog=cat))[1] for _ in range(2))
        found, t = timed(lambda: extract(text, catalog=cat))
        print(f"dense: {name}: {len(found)} citations, {t / len(found) * 1e6:.0f} µs each "
              f"({mbps(len(text.encode()), t):.2f} MB/s); time x{t / t_half:.2f} for twice the text")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
