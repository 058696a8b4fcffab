"""Many texts at once: streaming, in input order, on one or several processes.

>>> from citations.inputs import Article
>>> [r["citations"][0]["resolved"]["id"] for _, r in
...  analyze_articles([Article("a", "Kết luận số 43-KL/TW ngày 7/1/2019")])]
['43-KL/TW@XII']
"""

from __future__ import annotations

import collections
import itertools
import json
import os
from typing import Any, Callable, Iterable, Iterator

from .inputs import Article


def _one(art: Article) -> tuple[str, dict]:
    from .api import analyze

    a = analyze(art.text, published=art.published, locality=art.locality, html=art.html)
    out = a.to_json()
    if art.published:
        out["published"] = art.published.isoformat()
    if art.locality:
        out["locality"] = art.locality
    return art.id, out


def jsonl_line(art: Article) -> str:
    """One output line of ``vankien cite --format jsonl`` for ``art``."""
    art_id, result = _one(art)
    return json.dumps(dict(id=art_id, **result), ensure_ascii=False)


def analyze_articles(articles: Iterable[Article], *, jobs: int = 1, chunksize: int = 32,
                     work: Callable[[Article], Any] = _one) -> Iterator[Any]:
    """Yield ``work(article)`` for each article, in input order; by default
    ``(article id, {"citations": […], "relations": […]})``.

    Memory stays flat: articles are read lazily and results are yielded as they come. With
    several processes ``work`` runs in the workers, so passing :func:`jsonl_line` there keeps
    the JSON encoding off the process that reads and writes.
    """
    if jobs == 0:
        jobs = os.cpu_count() or 1
    articles = iter(articles)
    head = list(itertools.islice(articles, 2))
    if jobs <= 1 or len(head) < 2:  # one article: no point starting processes
        for art in itertools.chain(head, articles):
            yield work(art)
        return
    articles = itertools.chain(head, articles)
    import multiprocessing as mp

    # Load the catalog, numpy and the lookup tables here, once, before the workers fork:
    # they inherit them instead of each spending a quarter of a second on its own.
    _one(Article("warm-up", "Kết luận số 43-KL/TW ngày 7/1/2019 của Ban Bí thư. " * 12))

    ctx = mp.get_context("fork") if hasattr(os, "fork") else mp.get_context()
    # Pool.imap would read the whole input ahead into its queue; a window of a few chunks per
    # worker keeps every worker busy and memory flat, and results leave in input order.
    pending: collections.deque = collections.deque()
    with ctx.Pool(jobs) as pool:
        while True:
            chunk = list(itertools.islice(articles, chunksize))
            if chunk:
                pending.append(pool.apply_async(_work_chunk, (work, chunk)))
            if pending and (not chunk or len(pending) >= 4 * jobs):
                yield from pending.popleft().get()
            if not chunk and not pending:
                break


def _work_chunk(work: Callable[[Article], Any], chunk: list[Article]) -> list[Any]:
    return [work(a) for a in chunk]


def map_jsonl_partition(lines: Iterable[str]) -> list[str]:
    """Analyse one partition of JSONL article lines; return one JSONL output line per article.

    The output lines are exactly those of ``vankien cite --format jsonl --jobs 1`` on the same
    lines, so a corpus can be split across a Dask cluster:

        import dask.bag as db
        from citations.corpus import map_jsonl_partition
        db.read_text("corpus-*.jsonl").map_partitions(map_jsonl_partition).to_textfiles("out-*.jsonl")
    """
    from .inputs import Article, parse_date

    out = []
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        obj = json.loads(line)
        art = Article(str(obj.get("id", i)), obj["text"],
                      published=parse_date(obj.get("published")), locality=obj.get("locality"),
                      html=obj.get("html"))
        out.append(jsonl_line(art))
    return out
