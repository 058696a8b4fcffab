"""Statistics over a corpus: most cited documents, citations per year and per locality, and a
chart of the top documents over time.

>>> s = CorpusStats()
>>> s.add("a", {"citations": [{"resolved": {"id": "43-KL/TW@XII"}, "kind": "KL", "number": "43",
...         "issuer_code": "TW"}], "relations": []}, published="2023-01-19", locality="binh-phuoc")
>>> s.top(1)
[('43-KL/TW@XII', 1)]
"""

from __future__ import annotations

from collections import Counter, defaultdict


class CorpusStats:
    def __init__(self) -> None:
        self.articles = 0
        self.citations = 0
        self.by_doc: Counter = Counter()
        self.by_year: Counter = Counter()
        self.by_locality: Counter = Counter()
        self.doc_year: dict[str, Counter] = defaultdict(Counter)
        self.unresolved = 0

    def add(self, article_id: str, result: dict, published: str | None = None,
            locality: str | None = None) -> None:
        self.articles += 1
        year = (published or result.get("published") or "")[:4] or "?"
        loc = locality or result.get("locality") or "?"
        for c in result["citations"]:
            self.citations += 1
            r = c.get("resolved")
            key = r["id"] if r else f"{_unresolved_name(c)} (unresolved)"
            if not r:
                self.unresolved += 1
            self.by_doc[key] += 1
            self.by_year[year] += 1
            self.by_locality[loc] += 1
            self.doc_year[key][year] += 1

    def top(self, n: int = 20) -> list[tuple[str, int]]:
        return sorted(self.by_doc.items(), key=lambda x: (-x[1], x[0]))[:n]

    def to_json(self, n: int = 20) -> dict:
        return {"articles": self.articles, "citations": self.citations,
                "unresolved": self.unresolved,
                "most_cited": [{"id": k, "count": v} for k, v in self.top(n)],
                "by_year": dict(sorted(self.by_year.items())),
                "by_locality": dict(self.by_locality.most_common())}

    def chart(self, path: str, n: int = 8) -> None:
        """A PNG line chart of the top ``n`` documents' citations per year."""
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        years = sorted(y for y in self.by_year if y != "?")
        fig, ax = plt.subplots(figsize=(9, 5), dpi=110)
        for doc, _ in self.top(n):
            ax.plot(years, [self.doc_year[doc].get(y, 0) for y in years], marker="o", label=doc)
        ax.set_xlabel("năm đăng")
        ax.set_ylabel("số lần được trích dẫn")
        ax.set_title("Văn bản được trích dẫn nhiều nhất theo năm")
        if years:
            ax.legend(fontsize=8, loc="upper left")
        fig.tight_layout()
        fig.savefig(path)
        plt.close(fig)


def _unresolved_name(c: dict) -> str:
    """How an unresolved citation is counted: its symbol, or for a plenum citation that names
    several resolutions, the plenum ("NQ TW7 khóa XI")."""
    if c.get("form") == "plenum":
        return f"NQ TW{c.get('plenum') or '?'}" + (f" khóa {c['term']}" if c.get("term") else "")
    return f"{c.get('number') or '?'}-{c.get('kind') or '?'}/{c.get('issuer_code') or '?'}"
