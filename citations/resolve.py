"""Step 3 — resolve: each citation to its catalog entry, with a confidence and alternatives.

Every clue counts: kind, number, issuer, stated date or year, term, body, title words, the text's
publication date (a text cannot cite a document issued after it), "tổng kết 10 năm thực hiện"
(the target is about ten years older than the text), earlier citations in the same text
(a short "Nghị quyết 25" or a bare "Nghị quyết" refers back to the last full one), and a citing
document joined to it by a cue phrase ("Kết luận số 01-KL/TW ngày 18/5/2021 về tiếp tục thực
hiện Chỉ thị số 05-CT/TW": the Chỉ thị is older than 18/5/2021, so the 2016 one, and the catalog
may record which namesake the citing document continues).

>>> from directives import Catalog
>>> from citations import find
>>> cs = resolve(find("Nghị quyết số 25-NQ/TW ngày 25/7/2008 về công tác thanh niên"),
...              Catalog.load())
>>> cs[0].resolved.id, cs[0].confidence >= 0.9
('25-NQ/TW@X', True)
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Callable, Sequence

from directives.catalog import (Candidate, Catalog, Clues, context_weights, folded_bigrams, rank,
                                title_bigrams)
from directives.terms import term_of
from directives.text import fold_key
from directives.vocabulary import get_vocabulary

from .find import extras
from .models import Citation, TextRelation

Resolver = Callable[[Citation, list[Citation], Catalog, "ResolveContext"], None]


class ResolveContext:
    """What the resolver knows about the text as a whole."""

    def __init__(self, published: dt.date | None = None, locality: str | None = None,
                 text: str | None = None):
        self.published = published
        self.locality = locality
        self.text = text  # the caller's text, which citation offsets index
        self.folded: str | None = None  # ``text`` folded, same length, when the caller has it
        self.aliases: dict[str, int] = {}
        self.seen: set[str] = set()  # ids resolved with confidence earlier in the text
        # Rankings already made in this text, by everything a ranking depends on: a report
        # repeats "Nghị quyết số 25-NQ/TW ngày 3/6/2013 …" word for word.
        self.rankings: dict[tuple, list[Candidate]] = {}
        self.text_locality: str | None = None  # the province the text is about, if known
        # The citations that cite a citation in the same sentence, by id() of the cited one
        # ("Kết luận 43 … về tiếp tục thực hiện Nghị quyết 25": the Kết luận cites the Nghị quyết).
        self.citing: dict[int, list[Citation]] = {}


def citation_kinds(c: Citation) -> list[str]:
    """The kind codes a citation may mean: "Quy định 205" is a QĐi or a QĐ-numbered rule."""
    vocab = get_vocabulary()
    if c.kind is None:
        return []
    out = [c.kind]
    name_kind = extras(c).get("name_kind")
    if c.kind in ("QĐi", "QĐ") and c.issuer_code is None:
        out = ["QĐi", "QĐ"] if c.kind == "QĐi" else ["QĐ", "QĐi"]
    if name_kind and name_kind not in out and vocab.has_kind(name_kind):
        out.append(name_kind)
    return out


def _same_doc(a: Citation, b: Citation) -> bool:
    """Could ``a`` (later, less specific) mean the document ``b`` names?"""
    if a.number is None or b.number is None:
        return False
    if int(a.number) != int(b.number):
        return False
    if a.kind != b.kind and not ({a.kind, b.kind} <= {"QĐ", "QĐi"}):
        return False
    if a.issuer_code and b.issuer_code and a.issuer_code != b.issuer_code:
        return False
    return True


def _confidence(cands: list[Candidate], c: Citation) -> float:
    if not cands:
        return 0.0
    best = cands[0].score
    strong = c.form in ("full", "list") and c.issuer_code is not None
    base = 0.9 if strong else 0.75
    if len(cands) == 1:
        conf = base + (0.08 if best >= 3 else 0.0)
        if best < 0:
            conf -= 0.3
        return max(0.05, min(0.99, conf))
    margin = best - cands[1].score
    conf = 0.45 + min(0.5, margin / 8)
    if best < 0:
        conf -= 0.2
    return max(0.05, min(0.99, conf * (1 if strong else 0.9)))


_SENTENCE_END = re.compile(r"[.!?;](?=\s)|\n")


def _sentence_words(c: Citation, ctx: ResolveContext, catalog: Catalog) -> dict[str, float] | None:
    """The weighted word pairs of the sentence a citation stands in, itself left out."""
    # The text folded already (same offsets) spares folding the sentence again.
    text = ctx.folded or ctx.text
    if not text:
        return None
    left = text[max(0, c.start - 240):c.start]
    cut = None
    for cut in _SENTENCE_END.finditer(left):
        pass
    if cut is not None:
        left = left[cut.end():]
    right = text[c.end:c.end + 240]
    stop = _SENTENCE_END.search(right)
    if stop:
        right = right[:stop.start()]
    weights = context_weights(catalog)
    bigrams = folded_bigrams if ctx.folded else title_bigrams
    pairs = bigrams(left) | bigrams(right)
    return {b: weights[b] for b in pairs if b in weights} or None


def _citing_clues(c: Citation, ctx: ResolveContext) -> tuple[dt.date | None, frozenset[str]]:
    """What the documents citing ``c`` in its sentence say of it: the latest date it can have,
    and the ids their catalog entries relate to (43-KL/TW@XII continues 25-NQ/TW@X)."""
    before = None
    related: set[str] = set()
    for s in ctx.citing.get(id(c), ()):
        r = s.resolved if s.confidence >= 0.8 else None
        # Both the date the text gives and the catalog's must be later than the cited
        # document's; the later of the two is the safer bound when one is a typo.
        dates = [d for d in (s.date, r.date if r is not None else None) if d is not None]
        if dates and (before is None or max(dates) < before):
            before = max(dates)
        if r is not None:
            related.update(rel.target for rel in r.relations)
    return before, frozenset(related)


def _clues(c: Citation, ctx: ResolveContext, context: dict[str, float] | None = None,
           citing: tuple[dt.date | None, frozenset[str]] = (None, frozenset())) -> Clues:
    expect = None
    if c.review_years and ctx.published:
        expect = ctx.published.year - c.review_years
    return Clues(term=c.term, date=c.date, year=c.date.year if c.date else None, body=c.body,
                 title=c.title, published=ctx.published, expect_year=expect,
                 locality=c.locality or ctx.locality, plenum=c.plenum,
                 prefer_ids=frozenset(ctx.seen),
                 name=c.text if c.form in ("short", "plenum", "congress") else None,
                 context=context, before=citing[0], related=citing[1],
                 year_hint=extras(c).get("year"))


def _adopt(c: Citation, ante: Citation, index: int, factor: float = 0.95) -> None:
    # Point at the first full citation, not at another back-reference.
    c.antecedent = ante.antecedent if ante.antecedent is not None else index
    c.resolved = ante.resolved
    c.alternatives = list(ante.alternatives)
    c.confidence = round(ante.confidence * factor, 3)
    if c.issuer_code is None:
        c.issuer_code = ante.issuer_code
    if c.kind is None:
        c.kind = ante.kind


def resolve_one(c: Citation, earlier: list[Citation], catalog: Catalog,
                ctx: ResolveContext) -> None:
    """The default resolver for one citation; ``earlier`` are the citations before it."""
    ex = extras(c)
    # Alias definitions: "(sau đây gọi tắt là Nghị quyết 25)" names the citation just before.
    if ex.get("alias_def") and earlier:
        ctx.aliases[fold_key(c.text)] = len(earlier) - 1
        _adopt(c, earlier[-1], len(earlier) - 1, 1.0)
        return
    alias = ctx.aliases.get(fold_key(c.text)) if ctx.aliases and c.form in ("short", "anaphora") \
        else None
    if alias is not None:
        _adopt(c, earlier[alias], alias)
        return
    if c.form == "anaphora":
        for i in range(len(earlier) - 1, -1, -1):
            e = earlier[i]
            if e.kind == c.kind and e.form != "anaphora" and e.form != "title-only":
                _adopt(c, e, i, 0.85)
                return
        return
    has_clue = bool(c.date or c.term or c.body or c.title or c.review_years)
    if c.form in ("short", "full", "list") and not has_clue:
        # A bare re-mention ("Kết luận số 43-KL/TW" after the dated one) means the same document.
        for i in range(len(earlier) - 1, -1, -1):
            e = earlier[i]
            if e.form not in ("anaphora", "title-only") and _same_doc(c, e) and \
                    (e.date or e.term or e.body or e.resolved is not None):
                _adopt(c, e, i)
                return
    if c.form == "title-only":
        ids = ex.get("ids", [])
        found = [catalog.get(i) for i in ids if i in catalog]
        # A title shared by a rule and its replacement means the one in force when the text
        # was written.
        if ctx.published:
            in_force = [d for d in found if not (
                d.superseded_by and d.superseded_by in ids and d.superseded_by in catalog
                and (catalog.get(d.superseded_by).date or ctx.published) <= ctx.published)]
            found = in_force or found
        cands = rank(found, _clues(c, ctx))
        _finish(c, cands, ambiguous_ok=True)
        return
    if c.form == "plenum":
        found = [d for d in catalog.by_plenum(c.plenum or 0) if d.issuer == "TW" and d.kind == "NQ"
                 and d.body == "BCHTW" and (c.term is None or d.term == c.term)]
        # Without a term each term's plenum of that number is a candidate; all are returned.
        _finish(c, rank(found, _clues(c, ctx)), ambiguous_ok=False, all_alternatives=True)
        return
    if c.form == "congress":
        found = [d for d in catalog.by_issuer("ĐH") if d.term == c.term]
        _finish(c, rank(found, _clues(c, ctx)), ambiguous_ok=True)
        return
    if c.number is None:
        return
    kinds = citation_kinds(c)
    num = int(c.number)
    if c.issuer_code is None:
        found = catalog.candidates(kinds, num, "TW")
        loc = c.locality or ctx.locality
        if loc:
            found += [d for d in catalog.candidates(kinds, num, None) if d.locality == loc]
    else:
        found = catalog.candidates(kinds, num, c.issuer_code)
        if get_vocabulary().is_central(c.issuer_code) and c.date is not None:
            # Numbers restart every term: a dated citation means a document of that date's term
            # (or one a few weeks off, for a typo across a term boundary); another term's
            # namesake is a different document, and this one is missing from the catalog.
            term = term_of(c.date)
            found = [d for d in found if d.term == term
                     or (d.date is not None and abs((d.date - c.date).days) <= 60)]
        if not get_vocabulary().is_central(c.issuer_code):
            # Every province numbers its own documents: 21-CT/TU of one Tỉnh ủy is not 21-CT/TU
            # of another. Take a local entry only from the text's province or on the same date.
            loc = c.locality or ctx.locality or ctx.text_locality
            found = [d for d in found if (loc and d.locality == loc)
                     or (c.date is not None and d.date == c.date)]
            if not found and c.issuer_code == "TU" and c.date is not None:
                # "25-NQ/TU ngày 3/6/2013" in text typed without diacritics: TƯ (Trung ương)
                # lost its horn and reads as TU (Tỉnh ủy). A central document of that kind,
                # number and very date is what is meant; the checker says so.
                found = [d for d in catalog.candidates(kinds, num, "TW") if d.date == c.date]
                if found:
                    extras(c)["issuer_written"] = "TU"
    # A bare number that names documents of several terms: the rest of the sentence may say
    # which ("học tập … gắn với thực hiện Chỉ thị số 05-CT/TW").
    context = _sentence_words(c, ctx, catalog) \
        if len(found) > 1 and not (c.date or c.term or c.title) else None
    ids = tuple(d.id for d in found)
    citing = _citing_clues(c, ctx) if ctx.citing else (None, frozenset())
    key = None if context else (ids, c.form, c.date, c.term, c.body, c.title, c.plenum,
                                c.review_years, c.locality or ctx.locality, c.text,
                                frozenset(ctx.seen.intersection(ids)), citing,
                                extras(c).get("year"))
    cands = ctx.rankings.get(key) if key else None
    if cands is None:
        cands = rank(found, _clues(c, ctx, context, citing))
        if key:
            ctx.rankings[key] = cands
    _finish(c, cands, ambiguous_ok=True)
    if extras(c).get("issuer_written") == "TU" and c.resolved is not None:
        c.confidence = round(c.confidence * 0.85, 3)  # found through a corrected symbol


def _finish(c: Citation, cands: list[Candidate], *, ambiguous_ok: bool,
            all_alternatives: bool = False) -> None:
    if not cands:
        return
    conf = _confidence(cands, c)
    c.alternatives = [x.id for x in cands[1:6]] if not all_alternatives else [x.id for x in cands]
    if len(cands) > 1 and cands[0].score - cands[1].score < 1.0 and not ambiguous_ok:
        c.resolved = None
        c.confidence = round(conf, 3)
        c.alternatives = [x.id for x in cands]
        return
    c.resolved = cands[0].directive
    c.confidence = round(conf, 3)
    if all_alternatives:
        c.alternatives = [x.id for x in cands[1:]]


def resolve(citations: Sequence[Citation], catalog: Catalog | None = None, *,
            published: dt.date | None = None, locality: str | None = None,
            resolver: Resolver | None = None, text_locality: str | None = None,
            text: str | None = None, stated: Sequence[TextRelation] | None = None,
            folded: str | None = None) -> list[Citation]:
    """Resolve ``citations`` (in text order) in place and return them.

    ``text`` is the string the citations were found in; with it, the words of a citation's
    sentence help choose between namesakes of different terms, and a citing document named
    before a cue phrase bounds the date of the one it cites. ``stated`` are those relations
    (:func:`citations.relations.stated_relations`) when the caller has read them already, and
    ``folded`` the text folded (:func:`directives.text.fold`, same offsets) when it has that.

    ``resolver`` replaces the default strategy for each citation (same signature as
    :func:`resolve_one`), as eyecite lets callers plug in their own.
    """
    catalog = catalog if catalog is not None else default_catalog()
    ctx = ResolveContext(published, locality, text)
    ctx.text_locality = text_locality
    if folded is not None and text is not None and len(folded) == len(text):
        ctx.folded = folded
    if stated is None and text is not None and len(citations) > 1:
        from .clean import clean
        from .relations import stated_relations

        stated = stated_relations(clean(text), list(citations))
    for r in stated or ():
        if r.source is not None:
            ctx.citing.setdefault(id(citations[r.target]), []).append(citations[r.source])
    fn = resolver or resolve_one
    done: list[Citation] = []
    kept: list[Citation] = []
    for c in citations:
        if locality and c.issuer_code and c.locality is None \
                and not get_vocabulary().is_central(c.issuer_code):
            c.locality = locality
        fn(c, done, catalog, ctx)
        if c.resolved is not None and c.confidence >= 0.8 and c.antecedent is None:
            ctx.seen.add(c.resolved.id)
        if c.form == "anaphora" and c.antecedent is None:
            continue  # a bare kind word with nothing to point back to is not a citation
        done.append(c)
        kept.append(c)
    # Antecedent indexes were into `done`, which is exactly `kept`.
    return kept


_DEFAULT: Catalog | None = None


def default_catalog() -> Catalog:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Catalog.load()
    return _DEFAULT
