"""The catalog: every known document, indexed by key, with ranked lookup and fuzzy search.

>>> cat = Catalog.load()
>>> [c.directive.id for c in cat.find("NQ", 25)][:3]       # three different 25-NQ/TW
['25-NQ/TW@XI', '25-NQ/TW@X', '25-NQ/TW@IX']
>>> cat.find("NQ", 25, year=2008)[0].directive.title[:40]
'tăng cường sự lãnh đạo của Đảng đối với '
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

from pydantic import ValidationError

from .loader import DataFileError, LineDict, read_yaml
from .models import Directive, make_id
from .paths import catalog_dir
from .terms import normalize_term
from .text import fold_key
from .vocabulary import get_vocabulary


STUB_PREFIX = "referenced"
# The Party's own document sites: one of them alone makes an entry verified (data/README.md).
PARTY_SITES = ("dangcongsan.vn", "dangcongsan.org.vn", "tulieuvankien.dangcongsan.vn", "cpv.org.vn")


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the catalog, with where it is."""

    path: str
    line: int | None
    entry: str | None
    field: str | None
    message: str
    severity: str = "error"  # error | warning

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        parts = [where]
        if self.entry:
            parts.append(self.entry)
        if self.field:
            parts.append(self.field)
        tag = "" if self.severity == "error" else f"{self.severity}: "
        return ": ".join(parts) + f": {tag}{self.message}"


class CatalogError(ValueError):
    """The catalog has errors; ``problems`` lists every one of them."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = list(problems)
        lines = "\n".join(f"  {p}" for p in self.problems[:50])
        more = f"\n  … and {len(self.problems) - 50} more" if len(self.problems) > 50 else ""
        super().__init__(f"{len(self.problems)} problem(s) in the catalog:\n{lines}{more}")


@dataclass
class Clues:
    """What a citation or a query says about the document it means. Every field is optional."""

    term: str | None = None
    year: int | None = None
    date: dt.date | None = None
    body: str | None = None
    title: str | None = None
    published: dt.date | None = None
    expect_year: int | None = None
    locality: str | None = None
    plenum: int | None = None
    prefer_ids: frozenset[str] = frozenset()  # ids already meant earlier in the same text
    name: str | None = None  # the citation as written, matched against the entries' aliases
    # Word pairs of the sentence around a bare citation, each with its weight (rarer in the
    # catalog's titles = heavier): "học tập … Chỉ thị 05" leans to the Chỉ thị 05 whose title
    # speaks of học tập, when the number alone names documents of several terms.
    context: dict[str, float] | None = None
    # From a citing document named in the same sentence ("Kết luận số 43-KL/TW ngày 7/1/2019 …
    # về tiếp tục thực hiện Nghị quyết số 25-NQ/TW"): the document meant is older than it, and
    # the catalog may record which one it continues, implements or replaces.
    before: dt.date | None = None
    related: frozenset[str] = frozenset()
    # "Nghị quyết 36 năm 2014": a year written after the citation. Soft: it may also be the year
    # something was done ("thực hiện Nghị quyết 25 năm 2023"), so it only ever adds.
    year_hint: int | None = None


@dataclass
class Candidate:
    """A catalog entry that may be the one meant, with a score and the reasons for it."""

    directive: Directive
    score: float
    reasons: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.directive.id


def _entry_label(raw: dict) -> str | None:
    try:
        kind = raw.get("kind")
        number = raw.get("number")
        issuer = raw.get("issuer", "TW")
        term = raw.get("term")
        if raw.get("locality"):
            return make_id(str(kind), number, str(issuer), None, str(raw.get("locality")),
                           raw.get("local_term"))
        return make_id(str(kind), number, str(issuer), str(term) if term else None)
    except (ValueError, TypeError):
        return None


class Catalog:
    """An in-memory catalog with indexes by id and by (kind, number, issuer)."""

    def __init__(self, directives: Iterable[Directive] = (), *, origin: dict[str, tuple[str, int | None]] | None = None):
        self._by_id: dict[str, Directive] = {}
        self._former: dict[str, str] = {}  # an id published before a correction -> the id now
        self._by_series: dict[tuple[str, int | None, str], list[Directive]] = defaultdict(list)
        self._incoming: dict[str, list[tuple[str, object]]] = defaultdict(list)
        self.origin: dict[str, tuple[str, int | None]] = dict(origin or {})
        for d in directives:
            self._add(d)
        self._index_incoming()
        self._search_index: list[tuple[str, Directive]] | None = None
        self._sorted: list[Directive] = sorted(self._by_id.values(), key=_sort_key)
        # Plenum and congress citations name no number: index them by what they do name.
        self._by_plenum: dict[int, list[Directive]] = defaultdict(list)
        self._by_issuer: dict[str, list[Directive]] = defaultdict(list)
        for d in self._sorted:
            if d.plenum is not None:
                self._by_plenum[d.plenum].append(d)
            self._by_issuer[d.issuer].append(d)

    # -- construction ----------------------------------------------------------------------
    def _add(self, d: Directive) -> None:
        self._by_id[d.id] = d
        for old in d.former_ids:
            self._former[old] = d.id
        self._by_series[(d.kind, d.number_int, d.issuer)].append(d)

    def _index_incoming(self) -> None:
        self._incoming.clear()
        for d in self._by_id.values():
            for r in d.relations:
                self._incoming[r.target].append((d.id, r))

    @classmethod
    def load(cls) -> "Catalog":
        """The bundled catalog (``data/catalog``)."""
        return cls.from_path(catalog_dir())

    @classmethod
    def from_path(cls, path: str | Path, *, cache: bool = True) -> "Catalog":
        """Load every ``*.yaml`` file under ``path`` (a folder or one file).

        Raises :class:`CatalogError` listing every problem (file, line, entry, field) when
        anything is wrong; warnings do not stop loading. A catalog that loaded cleanly is kept
        in a cache (see :mod:`directives.cache`) until one of its files changes.
        """
        from . import cache as _cache

        key = _cache.catalog_key(Path(path)) if cache else None
        if key:
            hit = _cache.load(key)
            if hit is not None:
                directives, origin = hit
                return cls(directives, origin=origin)
        catalog, problems = cls.check_path(path)
        errors = [p for p in problems if p.severity == "error"]
        if errors:
            raise CatalogError(errors)
        if key:
            _cache.store(key, (list(catalog._by_id.values()), catalog.origin))
        return catalog

    @classmethod
    def check_path(cls, path: str | Path) -> tuple["Catalog", list[Problem]]:
        """Load what can be loaded and return it with every problem found."""
        p = Path(path)
        if p.is_dir():
            files = sorted(p.rglob("*.yaml")) + sorted(p.rglob("*.yml"))
        elif p.exists():
            files = [p]
        else:
            return cls(), [Problem(str(p), None, None, None, "no such file or folder")]
        problems: list[Problem] = []
        directives: list[Directive] = []
        origin: dict[str, tuple[str, int | None]] = {}
        # Stub files (referenced*.yaml) hold documents known only as relation targets; a real
        # entry elsewhere wins over a stub, so they are read last.
        files.sort(key=lambda f: f.name.startswith(STUB_PREFIX))
        for f in files:
            ds, ps = _read_catalog_file(f)
            problems += ps
            stub = f.name.startswith(STUB_PREFIX)
            for d, line in ds:
                if d.id in origin:
                    first = origin[d.id]
                    if stub:
                        problems.append(Problem(str(f), line, d.id, None,
                                                f"stale stub: {first[0]}:{first[1]} has the real entry "
                                                f"(re-run scripts/reconcile_refs.py)", "warning"))
                    else:
                        problems.append(Problem(str(f), line, d.id, None,
                                                f"duplicate key: already defined at {first[0]}:{first[1]}"))
                    continue
                origin[d.id] = (str(f), line)
                directives.append(d)
        catalog = cls(directives, origin=origin)
        problems += catalog.consistency_problems()
        return catalog, problems

    def derived(self, name: str, build):
        """Data derived from this catalog (a pattern of its titles, word weights…), built once
        and kept on the catalog itself: an id() key could be reused by a later catalog."""
        cache = self.__dict__.setdefault("_derived", {})
        if name not in cache:
            cache[name] = build(self)
        return cache[name]

    # -- checks ----------------------------------------------------------------------------
    def _where(self, d: Directive) -> tuple[str, int | None]:
        return self.origin.get(d.id, ("<memory>", None))

    def consistency_problems(self) -> list[Problem]:
        """Cross-entry checks: relation targets exist, series order, relation direction, titles."""
        out: list[Problem] = []
        titles: dict[tuple, str] = {}
        for d in self._by_id.values():
            path, line = self._where(d)
            for old in d.former_ids:
                if old in self._by_id:
                    out.append(Problem(path, line, d.id, "former_ids",
                                       f"{old!r} is the id of another entry, not a former id"))
            for r in d.relations:
                target = self._by_id.get(r.target)
                if target is None:
                    now = self._former.get(r.target)
                    out.append(Problem(path, line, d.id, "relations",
                                       f"relation {r.type} to unknown id {r.target!r}"
                                       + (f" (it is now {now!r}: write that)" if now else "")))
                elif r.type in ("continues", "implements", "replaces", "amends", "guides") \
                        and d.date and target.date and target.date > d.date:
                    out.append(Problem(path, line, d.id, "relations",
                                       f"{r.type} {r.target} but the target ({target.date}) is newer "
                                       f"than this document ({d.date})"))
            if d.verification.value == "verified" and len({x.url for x in d.sources}) < 2 \
                    and not any(p in x.url for x in d.sources for p in PARTY_SITES):
                out.append(Problem(path, line, d.id, "verification",
                                   "marked verified with one source that is not the Party's own site",
                                   "warning"))
            if d.superseded_by and d.superseded_by not in self._by_id:
                out.append(Problem(path, line, d.id, "superseded_by",
                                   f"unknown id {d.superseded_by!r}"))
            if d.title:
                # Rules re-issued every term keep their titles ("thi hành Điều lệ Đảng"); a
                # repeat inside one term is the suspicious case.
                tkey = (d.kind, fold_key(d.title), d.term, d.locality)
                other = titles.get(tkey)
                if other and other != d.id and not self._linked(d.id, other):
                    out.append(Problem(path, line, d.id, "title",
                                       f"same title as {other}", "warning"))
                titles.setdefault(tkey, d.id)
        out.extend(self._file_order_problems())
        # Numbers grow with dates inside one (kind, issuer, term) series; a break is usually a typo.
        series: dict[tuple, list[Directive]] = defaultdict(list)
        for d in self._by_id.values():
            if d.date and d.number is not None:
                series[(d.kind, d.issuer, d.term, d.locality, d.local_term)].append(d)
        for docs in series.values():
            docs.sort(key=lambda x: (x.number_int, x.date))
            for a, b in zip(docs, docs[1:]):
                if b.date < a.date:
                    path, line = self._where(b)
                    out.append(Problem(path, line, b.id, "date",
                                       f"number {b.number} is dated {b.date} but the lower number "
                                       f"{a.id} is dated later ({a.date})", "warning"))
        return out

    def _file_order_problems(self) -> list[Problem]:
        """A file holds each kind in one group, numbers ascending (``catalog add`` relies on it
        to put a new entry in its place, and readers to find one): say where that breaks."""
        out: list[Problem] = []
        by_file: dict[str, list[tuple[int, Directive]]] = defaultdict(list)
        for d in self._by_id.values():
            path, line = self._where(d)
            if line is not None:
                by_file[path].append((line, d))
        for path, entries in by_file.items():
            entries.sort(key=lambda e: e[0])
            closed: set[tuple] = set()
            prev, prev_group = None, None
            for line, d in entries:
                group = (d.kind, d.locality or "")
                if group != prev_group:
                    closed.add(prev_group)
                if group in closed:
                    out.append(Problem(path, line, d.id, "kind",
                                       f"a {d.kind} apart from the other {d.kind} entries of "
                                       f"this file: move it into their group", "warning"))
                elif group == prev_group and _sort_key(d) < _sort_key(prev):
                    out.append(Problem(path, line, d.id, "number",
                                       f"after {prev.id}: numbers go up within a kind",
                                       "warning"))
                prev, prev_group = d, group
        return out

    def _linked(self, a: str, b: str) -> bool:
        """Whether one of two documents replaces or amends the other (a successor rule often
        keeps its predecessor's title)."""
        for x, y in ((a, b), (b, a)):
            d = self._by_id.get(x)
            if d and (d.superseded_by == y or any(r.target == y and r.type in ("replaces", "amends")
                                                  for r in d.relations)):
                return True
        return False

    # -- access ----------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._by_id)

    def __iter__(self):
        return iter(self._sorted)

    def by_plenum(self, plenum: int) -> list[Directive]:
        """Documents of Central Committee plenum ``plenum`` (every term)."""
        return list(self._by_plenum.get(plenum, ()))

    def by_issuer(self, issuer: str) -> list[Directive]:
        return list(self._by_issuer.get(issuer, ()))

    def by_alias(self, name: str) -> list[Directive]:
        """Documents known by ``name`` ("nghi quyet tam nong"), matched loosely."""
        def build(cat: "Catalog") -> dict[str, list[Directive]]:
            out: dict[str, list[Directive]] = defaultdict(list)
            for d in cat._sorted:
                for a in {fold_key(a) for a in d.aliases}:
                    out[a].append(d)
            return out

        return list(self.derived("alias_index", build).get(fold_key(name), ()))

    def __contains__(self, id_: str) -> bool:
        return self.resolve_id(id_) is not None

    def resolve_id(self, id_: str) -> str | None:
        """The catalog id for ``id_`` written loosely (no diacritics, other case)."""
        if id_ in self._by_id:
            return id_
        if id_ in self._former:
            return self._former[id_]
        key = _id_key(id_)
        for known in self._by_id:
            if _id_key(known) == key:
                return known
        for old, now in self._former.items():
            if _id_key(old) == key:
                return now
        return None

    def get(self, id_: str) -> Directive:
        """The entry with this id (``"25-NQ/TW@XI"``, or loosely ``"25-nq/tw@xi"``)."""
        real = self.resolve_id(id_)
        if real is None:
            raise KeyError(f"no document with id {id_!r}")
        return self._by_id[real]

    def incoming(self, id_: str) -> list[tuple[Directive, object]]:
        """Relations that point at ``id_``: (source document, relation)."""
        return [(self._by_id[s], r) for s, r in self._incoming.get(id_, [])]

    # -- lookup ----------------------------------------------------------------------------
    def candidates(self, kinds: Sequence[str], number: int | None, issuer: str | None = "TW",
                   locality: str | None = None) -> list[Directive]:
        out: list[Directive] = []
        for k in kinds:
            if issuer is None:
                out += [d for (kk, n, _), ds in self._by_series.items() if kk == k and n == number
                        for d in ds]
            else:
                out += self._by_series.get((k, number, issuer), [])
        return out

    def find(self, kind: str | Sequence[str], number: int | str | None, issuer: str = "TW", *,
             term: str | None = None, year: int | None = None, date: dt.date | None = None,
             body: str | None = None, locality: str | None = None) -> list[Candidate]:
        """Every entry of this kind and number, best first.

        ``term`` and ``year`` filter; ``date`` and ``body`` rank (news text gets them wrong).
        ``kind`` is a code (``"NQ"``, ``"QD"``), a list of codes, or a type word ("Quy định").
        """
        vocab = get_vocabulary()
        kinds = _kind_codes(kind)
        num = int(number) if number is not None else None
        try:
            issuer_code = vocab.issuer(issuer).code
        except KeyError:
            return []
        term_n = normalize_term(term) if term else None
        found = self.candidates(kinds, num, issuer_code)
        if term_n:
            found = [d for d in found if d.term == term_n]
        if year:
            found = [d for d in found if d.date is None or d.date.year == year]
        if locality:
            found = [d for d in found if d.locality in (None, locality)]
        return rank(found, Clues(term=term_n, year=year, date=date, body=body, locality=locality))

    def search(self, text: str, limit: int = 10, min_score: float = 60.0) -> list[Candidate]:
        """Fuzzy search over titles and aliases, insensitive to case and diacritics."""
        from rapidfuzz import fuzz, process

        query = fold_key(text)
        if not query:
            return []
        if self._search_index is None:
            self._search_index = []
            for d in self:
                for s in [d.title or "", *d.aliases, f"{d.type_name} {d.title or ''}"]:
                    if s:
                        self._search_index.append((fold_key(s), d))
        choices = [s for s, _ in self._search_index]
        hits = process.extract(query, choices, scorer=fuzz.WRatio, limit=limit * 4,
                               score_cutoff=min_score)
        best: dict[str, Candidate] = {}
        for _, score, idx in hits:
            d = self._search_index[idx][1]
            if d.id not in best or best[d.id].score < score:
                best[d.id] = Candidate(d, float(score), ["title/alias match"])
        return sorted(best.values(), key=lambda c: (-c.score, _sort_key(c.directive)))[:limit]


_SYMBOL = None


def parse_symbol(text: str) -> tuple[str, int, str] | None:
    """(kind, number, issuer) of a bare symbol such as "43-KL/TW" or "217/QĐ-TW", else None.

    The citation engine reads every loose form; this covers the plain symbol alone, so that a
    lookup by symbol needs no citation machinery (and starts faster).

    >>> parse_symbol("43-KL/TW"), parse_symbol("217/QĐ-TW"), parse_symbol("KL 43")
    (('KL', 43, 'TW'), ('QĐ', 217, 'TW'), None)
    """
    import re

    global _SYMBOL
    if _SYMBOL is None:
        _SYMBOL = re.compile(r"^\s*(\d{1,5})\s*(?:-\s*(\w{1,4})\s*/|/\s*(\w{1,4})\s*-)\s*(\w{2,12})\s*$")
    m = _SYMBOL.match(text)
    if not m:
        return None
    vocab = get_vocabulary()
    try:
        kind = vocab.canonical_kind(m.group(2) or m.group(3))
        issuer = vocab.issuer(m.group(4)).code
    except KeyError:
        return None
    return kind, int(m.group(1)), issuer


def _sort_key(d: Directive):
    vocab = get_vocabulary()
    term_n = vocab.term(d.term).number if d.term else 0
    return (d.locality or "", term_n, d.kind, d.number_int or 0, d.date or dt.date.min)


def _id_key(id_: str) -> str:
    from .text import fold

    return fold(unicodedata.normalize("NFC", id_.strip())).replace(" ", "")


def _kind_codes(kind: str | Sequence[str]) -> list[str]:
    vocab = get_vocabulary()
    if isinstance(kind, str):
        kind = [kind]
    out: list[str] = []
    for k in kind:
        try:
            out.append(vocab.canonical_kind(k))
        except KeyError:
            out += [x.code for x in vocab.kinds_for_name(k) if x.code]
    seen: list[str] = []
    for k in out:
        if k not in seen:
            seen.append(k)
    return seen


@lru_cache(maxsize=4096)
def title_bigrams(text: str) -> frozenset[str]:
    """Pairs of neighbouring syllables, folded: Vietnamese words are mostly two syllables, so a
    pair ("dao duc", "hoc tap") carries the meaning one syllable ("dao") does not.

    >>> sorted(title_bigrams("đạo đức, phong cách Hồ Chí Minh"))
    ['cach ho', 'chi minh', 'dao duc', 'duc phong', 'ho chi', 'phong cach']
    """
    return folded_bigrams(fold_key(text))


_NON_WORD = re.compile(r"[^\w]+")


def folded_bigrams(folded: str) -> frozenset[str]:
    """:func:`title_bigrams` of a text already folded (a slice of a cleaned text's fold)."""
    words = _NON_WORD.sub(" ", folded).split()
    return frozenset(f"{a} {b}" for a, b in zip(words, words[1:]))


_PLENUM_NAME = re.compile(r"nghi quyet (?:hoi nghi )?(?:lan thu )?(?:ban chap hanh |bch ?)?"
                          r"(?:trung uong|tw|t u) ?(?:lan thu )?(\d{1,2}) (?:\w+ )?khoa (\w+)")


@lru_cache(maxsize=4096)
def name_key(name: str) -> str:
    """:func:`fold_key` of a name a document is known by, with the many spellings of a plenum's
    resolution made one: "Nghị quyết TW4 khóa XII", "NQ Hội nghị Trung ương 4 (khóa XII)" and
    "Nghị quyết T.Ư 4, khóa XII" are all "nghi quyet trung uong 4 khoa xii".

    >>> name_key("Nghị quyết Hội nghị T.Ư 4, khóa XII") == name_key("Nghị quyết TW4 khóa XII")
    True
    """
    key = fold_key(name)
    if key.startswith("nq "):
        key = "nghi quyet " + key[3:]
    m = _PLENUM_NAME.fullmatch(key)
    return f"nghi quyet trung uong {int(m.group(1))} khoa {m.group(2)}" if m else key


def context_weights(catalog: "Catalog") -> dict[str, float]:
    """Inverse document frequency of each title word pair over the catalog (memoised on it)."""
    import math

    def build(cat: "Catalog") -> dict[str, float]:
        df: dict[str, int] = {}
        titles = [d.title for d in cat if d.title]
        for t in titles:
            for b in title_bigrams(t):
                df[b] = df.get(b, 0) + 1
        n = max(1, len(titles))
        return {b: math.log(n / k) for b, k in df.items()}

    return catalog.derived("context_weights", build)


def rank(found: Iterable[Directive], clues: Clues) -> list[Candidate]:
    """Score each entry against the clues; best first. Deterministic on ties.

    The scale: a matching full date is worth more than a matching term, which is worth more
    than a matching body; a document issued after the text was published cannot be meant.
    """
    vocab = get_vocabulary()
    out: list[Candidate] = []
    for d in found:
        s = 0.0
        why: list[str] = []
        if clues.term:
            if d.term == clues.term:
                s += 3
                why.append(f"term {d.term}")
            else:
                s -= 3
                why.append(f"term {d.term} ≠ {clues.term}")
        if clues.date and d.date:
            delta = abs((d.date - clues.date).days)
            if delta == 0:
                s += 5
                why.append("same date")
            elif d.date.year == clues.date.year and (
                    d.date.month == clues.date.month or d.date.day == clues.date.day
                    or delta <= 45):
                s += 3
                why.append("date close (likely a typo)")
            elif d.date.year == clues.date.year:
                s += 1.5
                why.append("same year")
            else:
                s -= 3
                why.append(f"year {d.date.year} ≠ {clues.date.year}")
        elif clues.year and d.date:
            if d.date.year == clues.year:
                s += 3
                why.append("same year")
            else:
                s -= 3
        if clues.year_hint and d.date and d.date.year == clues.year_hint and not clues.date:
            s += 1.5
            why.append(f"issued in {clues.year_hint}, the year written after it")
        if clues.body and d.body:
            if clues.body == d.body:
                s += 1
                why.append("same body")
            else:
                s -= 0.5
        if clues.plenum and d.plenum:
            s += 1.5 if clues.plenum == d.plenum else -2
        if clues.published and d.date and d.date > clues.published:
            s -= 10
            why.append("issued after the text was published")
        if clues.before and d.date and d.date > clues.before:
            s -= 10
            why.append("issued after the document that cites it")
        if d.id in clues.related:
            s += 4
            why.append("the catalog links the citing document to it")
        if clues.expect_year and d.date:
            gap = abs(d.date.year - clues.expect_year)
            if gap <= 1:
                s += 2.5
                why.append(f"fits the review period (~{clues.expect_year})")
            elif gap > 3:
                s -= 1
        if clues.locality is not None:
            if d.locality == clues.locality:
                s += 3
            elif d.locality is not None:
                s -= 5
        if clues.title and d.title:
            from rapidfuzz import fuzz

            sim = fuzz.token_set_ratio(fold_key(clues.title), fold_key(d.title))
            if sim >= 60:
                s += min(3.0, (sim - 55) / 12)
                why.append(f"title {sim:.0f}%")
            elif sim < 45:
                s -= 1.5
                why.append(f"title differs ({sim:.0f}%)")
        if clues.name and d.aliases:
            key = name_key(clues.name)
            if any(name_key(a) == key for a in d.aliases):
                s += 3
                why.append("known by this name")
        if clues.context and d.title:
            weight = sum(clues.context.get(b, 0.0) for b in title_bigrams(d.title))
            if weight:
                bonus = min(1.5, weight / 6)
                s += bonus
                why.append(f"sentence speaks of its subject (+{bonus:.1f})")
        if d.id in clues.prefer_ids:
            s += 2.5
            why.append("cited earlier in the same text")
        # Without other clues the latest term is the likelier one.
        s += 0.01 * (vocab.term(d.term).number if d.term else 0)
        out.append(Candidate(d, round(s, 3), why))
    out.sort(key=lambda c: (-c.score, _sort_key(c.directive)))
    return out


def _read_catalog_file(path: Path) -> tuple[list[tuple[Directive, int | None]], list[Problem]]:
    problems: list[Problem] = []
    try:
        raw = read_yaml(path)
    except DataFileError as exc:
        return [], [Problem(exc.path, exc.line, None, None, exc.message)]
    if raw is None:
        return [], []
    if not isinstance(raw, list):
        line = raw.line if isinstance(raw, LineDict) else None
        return [], [Problem(str(path), line, None, None,
                            "expected a list of entries at the top level")]
    out: list[tuple[Directive, int | None]] = []
    for i, entry in enumerate(raw):
        if not isinstance(entry, dict):
            problems.append(Problem(str(path), None, f"entry #{i + 1}", None,
                                    f"expected a mapping, got {type(entry).__name__}"))
            continue
        line = entry.line if isinstance(entry, LineDict) else None
        label = _entry_label(entry) or f"entry #{i + 1}"
        try:
            out.append((Directive.model_validate(entry), line))
        except ValidationError as exc:
            for err in exc.errors():
                loc = [str(x) for x in err["loc"]]
                fld = ".".join(loc) if loc else None
                fline = entry.line_of(loc[0]) if (loc and isinstance(entry, LineDict)) else line
                msg = err["msg"].removeprefix("Value error, ")
                if err["type"] == "extra_forbidden":
                    msg = "unknown field"
                elif err["type"] == "missing":
                    msg = "required field is missing"
                problems.append(Problem(str(path), fline, label, fld, msg))
    return out, problems
