"""Step 4 — check: what a careful editor would flag in a citation, with the correct value.

Codes: ``date-mismatch``, ``body-mismatch``, ``term-mismatch``, ``unknown-document``,
``plenum-mismatch``, ``number-mismatch`` (an unknown number, where a document of that date
and a nearly equal number is known), ``title-mismatch`` (the title names another province),
``superseded``, ``symbol-format``, ``invalid-date``.

>>> from directives import Catalog
>>> from citations import find
>>> from citations import resolve
>>> cs = resolve(find("Kết luận số 43-KL/TW ngày 07/01/2019 của Ban Chấp hành Trung ương"),
...              Catalog.load())
>>> [i.code for i in check(cs, Catalog.load())[0].issues]
['body-mismatch']
"""

from __future__ import annotations

from typing import Sequence

from directives.catalog import Catalog
from directives.formatting import format_date, restyle_date, shorten
from directives.terms import term_of, term_range
from directives.vocabulary import get_vocabulary

from .find import extras
from .models import Citation, CitationIssue, Fix

# A body named in prose that is compatible with the signing body: a plenum resolution is the
# Central Committee's, and "Trung ương" loosely covers all three central bodies only for BCHTW.
_COMPATIBLE = {("BCHTW", "BCHTW"), ("BCT", "BCT"), ("BBT", "BBT")}


# How a Party symbol can be written wrong (``Citation.symbol_order``), as the flag says it.
_MISWRITTEN = {"state": "written in the state order", "double-slash": "written in the wrong order",
               "no-dash": "written without its dash", "dash-for-slash": "written with a dash for its slash"}


def _fmt(d) -> str:
    return format_date(d) if d else "?"


def _fix(c: Citation, field: str, text: str) -> Fix | None:
    """The edit that puts ``text`` where the citation gives ``field``. None for a member of a
    list, whose date and body are written once for all its members, and where the text gives
    no place for the field."""
    span = c.field_span(field)
    if span is None or c.form == "list" or extras(c).get("shared_tail"):
        return None
    return Fix(span[0], span[1], text)


def _symbol_fix(c: Citation, symbol: str) -> Fix | None:
    return _fix(c, "symbol", symbol) or _fix(c, "number", symbol)


def check_one(c: Citation, catalog: Catalog, siblings: Sequence[Citation] = (),
              published=None) -> list[CitationIssue]:
    vocab = get_vocabulary()
    out: list[CitationIssue] = []
    ex = extras(c)
    if c.date_text and c.date is None:
        out.append(CitationIssue(code="invalid-date", message=f"'{c.date_text}' is not a real date"))
    if c.symbol_order in _MISWRITTEN and c.number and c.kind and c.issuer_code:
        right = f"{int(c.number):02d}-{c.kind}/{c.issuer_code}"
        out.append(CitationIssue(code="symbol-format",
                                 message=f"Party symbol {_MISWRITTEN[c.symbol_order]}",
                                 suggestion=f"write {right}",
                                 fix=_fix(c, "symbol", f"{c.number}-{c.kind}/{c.issuer_code}")))
    written = ex.get("issuer_written")
    if written and c.symbol_order not in _MISWRITTEN and c.number and c.kind and c.issuer_code:
        issuer = c.resolved.issuer if c.resolved is not None else c.issuer_code
        out.append(CitationIssue(code="symbol-format",
                                 message=f"issuer written '{written}' in the symbol, for {issuer}",
                                 suggestion=f"write {int(c.number):02d}-{c.kind}/{issuer}",
                                 fix=_fix(c, "symbol", f"{c.number}-{c.kind}/{issuer}")))
    name_kind = ex.get("name_kind")
    if name_kind and c.kind and c.kind_name:
        out.append(CitationIssue(
            code="symbol-format",
            message=f"'{c.kind_name}' is a {vocab.kind(name_kind).name} ({name_kind}) but the symbol carries {c.kind} ({vocab.kind(c.kind).name})",
            suggestion=f"write {int(c.number):02d}-{name_kind}/{c.issuer_code}" if c.number and c.issuer_code else None))
    d = c.resolved
    if c.date and c.term and (d is None or d.term is None) and c.issuer_code \
            and vocab.is_central(c.issuer_code) and not _in_term(c.date, c.term):
        # No catalog entry to compare with, but the citation contradicts itself.
        out.append(CitationIssue(
            code="term-mismatch",
            message=f"a document dated {_fmt(c.date)} belongs to khóa {term_of(c.date)}, not khóa {c.term}",
            suggestion=f"khóa {term_of(c.date)}"))
    if d is None:
        central = c.issuer_code is not None and vocab.is_central(c.issuer_code)
        meant = _number_typo(c, catalog) if central else None
        if meant is not None:
            out.append(CitationIssue(
                code="number-mismatch",
                message=f"no {int(c.number):02d}-{c.kind}/{c.issuer_code} is known; the {meant.type_name} "
                        f"of {_fmt(meant.date)} is {meant.symbol}" + (f" ({shorten(meant.title, 60)})" if meant.title else ""),
                suggestion=f"số {meant.symbol}", fix=_symbol_fix(c, meant.symbol)))
        elif c.form in ("full", "list") and central and c.number and c.issuer_code == "TW" \
                and c.kind in vocab.catalogued_kinds:
            out.append(CitationIssue(code="unknown-document",
                                     message=f"{c.number}-{c.kind}/{c.issuer_code} is not in the catalog",
                                     suggestion="check the number, or add the document to the catalog"))
        return out
    if c.antecedent is not None:
        return out  # facts were checked where the document was first cited
    # "Quyết định 99-QĐ/TW, Quyết định 217-QĐ/TW và 218-QĐ/TW của Bộ Chính trị": the date, body
    # or term written once after coordinated citations is read as theirs all; when it does not
    # fit one of them it most likely belongs to the others only, which is no error.
    if not ex.get("shared_tail"):
        out += _mismatches(c, d)
    out += _place_mismatch(c, d, catalog)
    return out + _superseded(c, d, catalog, siblings, published)


def _in_term(date, term: str) -> bool:
    """Whether a document dated ``date`` can belong to ``term`` (the terms overlap for the days
    of a congress)."""
    first, last = term_range(term)
    return first <= date and (last is None or date <= last)


def _number_typo(c: Citation, catalog: Catalog):
    """The document a citation with an unknown number most likely means: one of the same kind,
    issuer and date whose number differs by a slip of the pen (52 for 25, 50 for 05, 34 for 43)
    or whose title the citation repeats. Several documents share a date, and the catalog is not
    complete, so a bare date match proves nothing."""
    if c.date is None or c.number is None or c.kind is None:
        return None
    same_day = catalog.derived("by_date", _by_date).get(c.date)
    if not same_day:
        return None
    from .resolve import citation_kinds

    kinds = set(citation_kinds(c))
    same_day = [d for d in same_day if d.kind in kinds and d.issuer == c.issuer_code and d.number]
    from rapidfuzz import fuzz
    from rapidfuzz.distance import Levenshtein

    def close(d) -> bool:
        a, b = str(int(c.number)), str(int(d.number))
        if sorted(a) == sorted(b) or Levenshtein.distance(a, b) <= 1:
            return True
        return bool(c.title and d.title and fuzz.token_set_ratio(c.title, d.title) >= 85)

    found = [d for d in same_day if close(d)]
    return found[0] if len(found) == 1 else None


def _by_date(catalog: Catalog) -> dict:
    out: dict = {}
    for d in catalog:
        if d.date is not None:
            out.setdefault(d.date, []).append(d)
    return out


def _place_mismatch(c: Citation, d, catalog: Catalog) -> list[CitationIssue]:
    """"Nghị quyết số 43-NQ/TW … về xây dựng và phát triển thành phố Hải Phòng": 43-NQ/TW is
    the one on Đà Nẵng. A title is often reworded, so only the province it names is compared."""
    if not (c.title and d.title):
        return []
    from .published import localities_named

    said, known = localities_named(c.title), localities_named(d.title)
    if not said or not known or not said.isdisjoint(known):
        return []
    names = {loc.slug: loc.names[0] for loc in get_vocabulary().localities}
    said_names = ", ".join(names[s] for s in sorted(said))
    meant = [x for x in catalog.derived("by_date", _by_date).get(d.date, ())
             if x.id != d.id and x.kind == d.kind and x.title and localities_named(x.title) & said]
    one = meant[0] if len(meant) == 1 else None
    return [CitationIssue(
        code="title-mismatch",
        message=f"{d.symbol} is about {', '.join(names[s] for s in sorted(known))}, not "
                f"{said_names}" + (f"; {one.symbol} of the same day is about {said_names}"
                                   if one else ""),
        suggestion=f"số {one.symbol}" if one else None)]


def _mismatches(c: Citation, d) -> list[CitationIssue]:
    """What the citation says of its document that the catalog contradicts."""
    vocab = get_vocabulary()
    ex = extras(c)
    out: list[CitationIssue] = []
    if c.date and d.date and c.date != d.date:
        out.append(CitationIssue(code="date-mismatch",
                                 message=f"{d.symbol} is dated {_fmt(d.date)}, not {_fmt(c.date)}",
                                 suggestion=f"ngày {_fmt(d.date)}",
                                 fix=_fix(c, "date", restyle_date(ex.get("date_written") or "", d.date))))
    if c.body and d.body and (c.body, d.body) not in _COMPATIBLE and c.body != d.body:
        out.append(CitationIssue(code="body-mismatch",
                                 message=f"{d.symbol} was issued by the {d.body_name}, not the {vocab.body(c.body).name}",
                                 suggestion=f"của {d.body_name}",
                                 fix=_fix(c, "body", d.body_name)))
    if c.term and d.term and c.term != d.term and d.locality is None:
        out.append(CitationIssue(code="term-mismatch",
                                 message=f"{d.symbol} belongs to khóa {d.term}, not khóa {c.term}",
                                 suggestion=f"khóa {d.term}", fix=_fix(c, "term", d.term)))
    if c.plenum and d.plenum and c.plenum != d.plenum:
        out.append(CitationIssue(code="plenum-mismatch",
                                 message=f"{d.symbol} came from Hội nghị Trung ương {d.plenum}, not {c.plenum}",
                                 suggestion=f"Hội nghị Trung ương {d.plenum}"))
    return out


def _superseded(c: Citation, d, catalog: Catalog, siblings: Sequence[Citation],
                published) -> list[CitationIssue]:
    out: list[CitationIssue] = []
    if d.superseded_by:
        named = any(s.resolved is not None and s.resolved.id == d.superseded_by for s in siblings)
        repl = catalog.get(d.superseded_by) if d.superseded_by in catalog else None
        # Citing a document before its replacement existed is no error.
        if published and repl is not None and repl.date and repl.date > published:
            named = True
        if not named:
            what = f"{repl.type_name} số {repl.symbol}" + (f" ngày {_fmt(repl.date)}" if repl and repl.date else "") if repl else d.superseded_by
            out.append(CitationIssue(code="superseded",
                                     message=f"{d.symbol} has been replaced by {what}",
                                     suggestion=f"cite {what}"))
    return out


def check(citations: Sequence[Citation], catalog: Catalog | None = None, *,
          published=None) -> list[Citation]:
    """Add issues to each resolved citation (in place) and return the list."""
    from .resolve import default_catalog

    catalog = catalog if catalog is not None else default_catalog()
    for c in citations:
        c.issues = check_one(c, catalog, citations, published)
    return list(citations)
