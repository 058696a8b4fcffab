"""Many texts at once: streaming, in input order, on one or several processes.

>>> from citations.inputs import Article
>>> [r["citations"][0]["resolved"]["id"] for _, r in
...  analyze_articles([Article("a", "Kết luận số 43-KL/TW ngày 7/1/2019")])]
['43-KL/TW@XII']
"""

from __future__ import annotations

import os
from typing import Iterable, Iterator

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


def analyze_articles(articles: Iterable[Article], *, jobs: int = 1,
                     chunksize: int = 8) -> Iterator[tuple[str, dict]]:
    """Yield ``(article id, {"citations": […], "relations": […]})`` in input order.

    Memory stays flat: articles are read lazily and results are yielded as they come.
    """
    if jobs == 0:
        jobs = os.cpu_count() or 1
    if jobs <= 1:
        for art in articles:
            yield _one(art)
        return
    import multiprocessing as mp

    ctx = mp.get_context("fork") if hasattr(os, "fork") else mp.get_context()
    with ctx.Pool(jobs) as pool:
        yield from pool.imap(_one, articles, chunksize=chunksize)
