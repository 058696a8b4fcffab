"""The one-call API: clean, find, resolve and check a text.

>>> [(c.resolved.id, [str(i) for i in c.issues]) for c in
...  extract("Nghị quyết số 25-NQ/TW ngày 13/6/2013 của Ban Chấp hành Trung ương Đảng khóa XI")]
[('25-NQ/TW@XI', ['date-mismatch: 25-NQ/TW is dated 03/06/2013, not 13/06/2013 (ngày 03/06/2013)'])]
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from directives.catalog import Catalog
from directives.vocabulary import get_vocabulary

from .check import check
from .clean import clean
from .find import find_in_clean
from .models import Citation, TextRelation
from .published import infer_locality, infer_published
from .relations import find_relations, stated_relations
from .resolve import default_catalog, resolve


@dataclass
class Analysis:
    """Everything vankien reads in one text: citations and the relations between them."""

    text: str
    citations: list[Citation]
    relations: list[TextRelation] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"citations": [c.to_json() for c in self.citations],
                "relations": [r.to_json(self.citations) for r in self.relations]}


def analyze(text: str, *, catalog: Catalog | None = None, published: dt.date | None = None,
            locality: str | None = None, html: bool | None = False) -> Analysis:
    """Clean, find, resolve, check and relate: the whole pipeline on one text."""
    catalog = catalog if catalog is not None else default_catalog()
    ct = clean(text, html=html)
    cits = find_in_clean(ct, catalog=catalog)
    if not cits:
        return Analysis(text, [], [])
    # What the page says about itself fills in what the caller did not give.
    if published is None:
        published = infer_published(ct.text)
    # The text's province matters only for local documents; work it out only then.
    vocab = get_vocabulary()
    local = [c for c in cits if c.issuer_code and not vocab.is_central(c.issuer_code)]
    place = (locality or infer_locality(ct.text, ct.folded)) if local else None
    stated = stated_relations(ct, cits)
    found = len(cits)
    cits = resolve(cits, catalog, published=published, locality=locality, text_locality=place,
                   text=text, stated=stated, folded=ct.folded if ct.identity else None)
    for c in local:
        if c.locality is None:
            c.locality = c.resolved.locality if c.resolved is not None else place
    check(cits, catalog, published=published)
    # Resolving drops a bare kind word with nothing to point back to; the relations are read
    # again only then, since their indexes would have moved.
    rels = find_relations(ct, cits, stated if len(cits) == found else None)
    return Analysis(text, cits, rels)


def extract(text: str, *, catalog: Catalog | None = None, published: dt.date | None = None,
            locality: str | None = None, html: bool | None = False) -> list[Citation]:
    """Every Party citation in ``text``: found, resolved to the catalog, and checked."""
    return analyze(text, catalog=catalog, published=published, locality=locality,
                   html=html).citations
