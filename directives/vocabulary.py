"""The vocabulary of Party documents, read from ``data/vocabulary.yaml``.

Everything the parser and the catalog know about kinds ("Nghị quyết" = NQ), issuer codes (TW, TU,
VPTW…), bodies (Ban Bí thư, Bộ Chính trị…), congress terms and relation cue phrases comes from
that one file, so a new kind or term is a one-line change there.

>>> vocab = get_vocabulary()
>>> vocab.kind("NQ").name
'Nghị quyết'
>>> vocab.body_by_alias("Ban Chấp hành Trung ương Đảng").code
'BCHTW'
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .text import fold, fold_key


class VocabularyError(ValueError):
    """The vocabulary file is malformed."""


@dataclass(frozen=True)
class Kind:
    code: str | None
    name: str
    names: tuple[str, ...]
    abbrev: tuple[str, ...] = ()
    codes_seen: tuple[str, ...] = ()
    cited_as: tuple[str, ...] = ()  # kinds whose word heads its citations ("Quyết định" for QĐNS)


@dataclass(frozen=True)
class Issuer:
    code: str
    level: str
    name: str
    bodies: tuple[str, ...]
    spellings: tuple[str, ...] = ()

    @property
    def central(self) -> bool:
        return self.level == "central"


@dataclass(frozen=True)
class Body:
    code: str
    name: str
    aliases: tuple[str, ...]
    local: bool = False


@dataclass(frozen=True)
class Term:
    """A congress term (khóa). Documents dated from ``start`` belong to it."""

    term: str
    number: int
    congress_start: dt.date
    congress_end: dt.date
    first_plenum: dt.date | None

    @property
    def start(self) -> dt.date:
        # The term starts at its first plenum when that sits during the congress, otherwise the
        # day after the congress closes (Hướng dẫn 36-HD/VPTW §1.3.1).
        if self.first_plenum and self.first_plenum <= self.congress_end:
            return self.first_plenum
        return self.congress_end + dt.timedelta(days=1)


@dataclass(frozen=True)
class RelationType:
    type: str
    inverse: str
    label: str
    inverse_label: str


@dataclass(frozen=True)
class Cue:
    cue: str
    type: str
    reverse: bool = False


@dataclass(frozen=True)
class Locality:
    slug: str
    names: tuple[str, ...]


@dataclass(frozen=True)
class AnaphoraMarker:
    """A word after a kind word that points back ("Kết luận này")."""

    word: str
    before_punctuation: bool = False


@dataclass
class Vocabulary:
    kinds: list[Kind]
    issuers: list[Issuer]
    bodies: list[Body]
    terms: list[Term]
    relation_types: list[RelationType]
    relation_cues: list[Cue]
    localities: list[Locality] = field(default_factory=list)
    anaphora_markers: list[AnaphoraMarker] = field(default_factory=list)
    state_bodies: tuple[str, ...] = ()
    catalogued_kinds: tuple[str, ...] = ()
    _kind_by_code: dict[str, Kind] = field(default_factory=dict, repr=False)
    _kind_by_folded_code: dict[str, Kind] = field(default_factory=dict, repr=False)
    _issuer_by_code: dict[str, Issuer] = field(default_factory=dict, repr=False)
    _issuer_by_folded: dict[str, Issuer] = field(default_factory=dict, repr=False)
    _body_by_code: dict[str, Body] = field(default_factory=dict, repr=False)
    _body_by_alias: dict[str, Body] = field(default_factory=dict, repr=False)
    _term_by_name: dict[str, Term] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for k in self.kinds:
            if k.code:
                self._kind_by_code[k.code] = k
                for spelling in (k.code, *k.codes_seen):
                    # Folded codes can collide (QĐ and QD fold alike, on purpose); the first
                    # listed kind keeps the spelling.
                    self._kind_by_folded_code.setdefault(fold(spelling), k)
        for i in self.issuers:
            self._issuer_by_code[i.code] = i
            self._issuer_by_folded.setdefault(fold(i.code), i)
        for b in self.bodies:
            self._body_by_code[b.code] = b
            for alias in (b.name, *b.aliases):
                self._body_by_alias.setdefault(fold_key(alias), b)
        for t in self.terms:
            self._term_by_name[t.term] = t

    # -- kinds -----------------------------------------------------------------------------
    def kind(self, code: str) -> Kind:
        """The kind for a code as printed or folded: ``kind("QD")`` is Quyết định."""
        k = self._kind_by_code.get(code) or self._kind_by_folded_code.get(fold(code))
        if k is None:
            raise KeyError(f"unknown kind code {code!r}")
        return k

    def has_kind(self, code: str) -> bool:
        return code in self._kind_by_code

    def canonical_kind(self, code: str) -> str:
        """``canonical_kind("qdi") == "QĐi"``; ``canonical_kind("QD") == "QĐ"``."""
        k = self.kind(code)
        assert k.code is not None
        return k.code

    def kinds_for_name(self, name: str) -> list[Kind]:
        """Kinds a document-type word can introduce: "Quy định" -> [QĐi, QĐ]."""
        key = fold_key(name)
        out = [k for k in self.kinds if any(fold_key(n) == key for n in k.names)]
        if key == fold_key("Quy định"):
            # Central Quy định were numbered in the QĐ series before 2018 and after 2021.
            out += [self._kind_by_code["QĐ"]]
        return out

    # -- issuers ---------------------------------------------------------------------------
    def issuer(self, code: str) -> Issuer:
        i = self._issuer_by_code.get(code) or self._issuer_by_folded.get(fold(code))
        if i is None:
            raise KeyError(f"unknown issuer code {code!r}")
        return i

    def has_issuer(self, code: str) -> bool:
        return code in self._issuer_by_code or fold(code) in self._issuer_by_folded

    def is_central(self, code: str) -> bool:
        """Whether a (known) issuer code is a central one: TW, VPTW… yes; TU, HU, unknown no."""
        i = self._issuer_by_code.get(code)  # the common case, asked for every citation
        if i is not None:
            return i.central
        return self.has_issuer(code) and self.issuer(code).central

    # -- bodies ----------------------------------------------------------------------------
    def body(self, code: str) -> Body:
        b = self._body_by_code.get(code)
        if b is None:
            raise KeyError(f"unknown body code {code!r}")
        return b

    def has_body(self, code: str) -> bool:
        return code in self._body_by_code

    def body_by_alias(self, text: str) -> Body | None:
        return self._body_by_alias.get(fold_key(text))

    def body_aliases(self) -> list[tuple[str, Body]]:
        """Every (folded alias, body), longest first, for building patterns."""
        pairs = [(a, b) for a, b in self._body_by_alias.items()]
        return sorted(pairs, key=lambda p: (-len(p[0]), p[0]))

    # -- terms -----------------------------------------------------------------------------
    def term(self, name: str) -> Term:
        t = self._term_by_name.get(name.strip().upper())
        if t is None:
            raise KeyError(f"unknown term {name!r} (known: {', '.join(self._term_by_name)})")
        return t

    def has_term(self, name: str) -> bool:
        return name.strip().upper() in self._term_by_name

    def term_by_number(self, number: int) -> Term | None:
        return next((t for t in self.terms if t.number == number), None)

    # -- relations -------------------------------------------------------------------------
    def relation_type(self, name: str) -> RelationType:
        for r in self.relation_types:
            if r.type == name:
                return r
        raise KeyError(f"unknown relation type {name!r}")

    @property
    def relation_type_names(self) -> list[str]:
        return [r.type for r in self.relation_types]


def _tuple(value) -> tuple:
    return tuple(value or ())


def _date(value, where: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise VocabularyError(f"{where}: not an ISO date: {value!r}") from exc


def parse_vocabulary(raw: dict, source: str = "vocabulary.yaml") -> Vocabulary:
    try:
        kinds = [Kind(code=k.get("code"), name=k["name"], names=_tuple(k.get("names")),
                      abbrev=_tuple(k.get("abbrev")), codes_seen=_tuple(k.get("codes_seen")),
                      cited_as=_tuple(k.get("cited_as")))
                 for k in raw["kinds"]]
        issuers = [Issuer(code=i["code"], level=i["level"], name=i["name"],
                          bodies=_tuple(i.get("bodies")), spellings=_tuple(i.get("spellings")))
                   for i in raw["issuers"]]
        bodies = [Body(code=b["code"], name=b["name"], aliases=_tuple(b.get("aliases")),
                       local=bool(b.get("local", False))) for b in raw["bodies"]]
        terms = [Term(term=t["term"], number=int(t["number"]),
                      congress_start=_date(t["congress_start"], f"{source}: term {t['term']}"),
                      congress_end=_date(t["congress_end"], f"{source}: term {t['term']}"),
                      first_plenum=_date(t["first_plenum"], f"{source}: term {t['term']}")
                      if t.get("first_plenum") else None)
                 for t in raw["terms"]]
        rtypes = [RelationType(**r) for r in raw["relation_types"]]
        cues = [Cue(cue=c["cue"], type=c["type"], reverse=bool(c.get("reverse", False)))
                for c in raw["relation_cues"]]
        localities = [Locality(slug=x["slug"], names=_tuple(x.get("names")))
                      for x in raw.get("localities", [])]
        markers = [AnaphoraMarker(word=m["word"],
                                  before_punctuation=bool(m.get("before_punctuation", False)))
                   for m in raw.get("anaphora_markers", [])]
    except (KeyError, TypeError) as exc:
        raise VocabularyError(f"{source}: malformed vocabulary: missing or bad {exc}") from exc
    terms.sort(key=lambda t: t.congress_start)
    known_types = {r.type for r in rtypes}
    for c in cues:
        if c.type not in known_types:
            raise VocabularyError(f"{source}: cue {c.cue!r} has unknown type {c.type!r}")
    return Vocabulary(kinds, issuers, bodies, terms, rtypes, cues, localities, markers,
                      _tuple(raw.get("state_bodies")), _tuple(raw.get("catalogued_kinds")))


@lru_cache(maxsize=None)
def load_vocabulary(path: str | None = None) -> Vocabulary:
    from .loader import read_yaml
    from .paths import vocabulary_path

    from . import cache as _cache

    p = Path(path) if path else vocabulary_path()
    key = _cache.catalog_key(p)
    if key:
        hit = _cache.load(key, "vocabulary")
        if isinstance(hit, Vocabulary):
            return hit
    raw = read_yaml(p)
    if not isinstance(raw, dict):
        raise VocabularyError(f"{p}: expected a mapping at the top level")
    vocab = parse_vocabulary(raw, str(p))
    if key:
        _cache.store(key, vocab, "vocabulary")
    return vocab


def get_vocabulary() -> Vocabulary:
    """The bundled vocabulary (loaded once)."""
    return load_vocabulary(None)
