"""Loose lookup queries: "25-NQ/TW", "NQ 25", "nghi quyet 25", "KL43", "43/KL-TW", an id.

>>> q = parse_query("Nghị quyết số 25-NQ/TW ngày 3/6/2013")
>>> q.kinds, q.number, q.issuer, str(q.date)
(['NQ'], 25, 'TW', '2013-06-03')
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from directives.catalog import Candidate, Catalog, Clues, rank
from directives.terms import normalize_term
from directives.vocabulary import get_vocabulary

from .find import find
from .resolve import citation_kinds


@dataclass
class Query:
    text: str
    kinds: list[str] = field(default_factory=list)
    number: int | None = None
    issuer: str | None = None
    date: dt.date | None = None
    term: str | None = None
    body: str | None = None
    plenum: int | None = None
    form: str | None = None


def parse_query(text: str) -> Query:
    q = Query(text)
    cits = [c for c in find(text) if c.form != "anaphora"]
    if not cits:
        return q
    c = cits[0]
    q.form = c.form
    q.kinds = citation_kinds(c)
    q.number = int(c.number) if c.number else None
    q.issuer = c.issuer_code
    q.date, q.term, q.body, q.plenum = c.date, c.term, c.body, c.plenum
    return q


def lookup(catalog: Catalog, text: str, *, year: int | None = None, term: str | None = None,
           body: str | None = None) -> list[Candidate]:
    """Every catalog entry the loose ``text`` may mean, best first (empty when none)."""
    real = catalog.resolve_id(text.strip())
    if real:
        return [Candidate(catalog.get(real), 100.0, ["id"])]
    q = parse_query(text)
    term = normalize_term(term) if term else q.term
    body_code = _body_code(body) if body else q.body
    if q.form == "plenum":
        found = [d for d in catalog.by_plenum(q.plenum or 0) if d.kind == "NQ"
                 and d.body == "BCHTW" and (term is None or d.term == term)]
        return rank(found, Clues(term=term, year=year))
    if q.form == "congress":
        return rank([d for d in catalog.by_issuer("ĐH") if d.term == q.term], Clues())
    if q.number is None or not q.kinds:
        # No number: a name people use ("Nghị quyết Tam nông", "Quy định nêu gương").
        return rank(catalog.by_alias(text), Clues(term=term, year=year, body=body_code))
    issuer = q.issuer or "TW"
    found = catalog.candidates(q.kinds, q.number, issuer)
    if term:
        found = [d for d in found if d.term == term]
    if year:
        found = [d for d in found if d.date is None or d.date.year == year]
    return rank(found, Clues(term=term, date=q.date, year=year, body=body_code))


def _body_code(text: str) -> str:
    vocab = get_vocabulary()
    if vocab.has_body(text):
        return text
    b = vocab.body_by_alias(text)
    if b is None:
        raise KeyError(f"unknown body {text!r}")
    return b.code


def suggestions(catalog: Catalog, text: str, limit: int = 5) -> list[str]:
    """"Did you mean" ids for a query that found nothing: the same kind and number in other
    terms, then neighbouring numbers of the same kind (of the term an id names first), then the
    same number of other kinds, then titles that read alike."""
    q = parse_query(text)
    out: list[str] = []
    if q.number is not None:
        issuer = q.issuer or "TW"
        same = [d for d in catalog if d.number_int == q.number]
        out += [d.id for d in same if d.kind in q.kinds]
        if q.kinds:
            term = normalize_term(text.rsplit("@", 1)[1]) if "@" in text else q.term
            near = sorted((d for d in catalog if d.kind in q.kinds and d.number_int is not None
                           and d.issuer == issuer and d.id not in out),
                          key=lambda d: (term is not None and d.term != term,
                                         abs(d.number_int - q.number)))
            out += [d.id for d in near[:3]]
        out += [d.id for d in same if d.id not in out]
    for c in catalog.search(text, limit=limit):
        if c.id not in out:
            out.append(c.id)
    return out[:limit]
