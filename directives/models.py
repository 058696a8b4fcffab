"""The document model.

A :class:`Directive` is one Party document. Central documents are keyed by
(kind, number, issuer, term) because numbers restart every term; local ones add their locality
and local term. The id is derived from the key:

>>> d = Directive(kind="KL", number="43", issuer="TW", body="BBT", date="2019-01-07",
...               title="tiếp tục thực hiện Nghị quyết số 25-NQ/TW",
...               sources=[{"url": "https://baosonla.org.vn/..."}])
>>> d.id, d.term
('43-KL/TW@XII', 'XII')
"""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from functools import cached_property
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .terms import date_in_term, normalize_term, term_of, term_range
from .vocabulary import get_vocabulary


class Status(str, Enum):
    in_force = "in_force"
    replaced = "replaced"
    amended = "amended"
    expired = "expired"
    unknown = "unknown"


class Verification(str, Enum):
    verified = "verified"
    single = "single"
    conflict = "conflict"
    unverified = "unverified"


class Source(BaseModel):
    """Where a fact was seen: a URL or a seed file name."""

    model_config = ConfigDict(extra="forbid", defer_build=True)
    url: str = Field(min_length=3)
    facts: list[str] = Field(default_factory=list)
    note: str | None = None


class Conflict(BaseModel):
    """Sources disagree on ``field``: every value seen, with a note saying where."""

    model_config = ConfigDict(extra="forbid", defer_build=True)
    field: str
    values: list[str]
    note: str | None = None

    @field_validator("values", mode="before")
    @classmethod
    def _strings(cls, v: Any) -> Any:
        return [str(x) for x in v] if isinstance(v, list) else v


class Relation(BaseModel):
    """A typed, directed relation from the entry that holds it to ``target`` (an id)."""

    model_config = ConfigDict(extra="forbid", defer_build=True)
    type: str
    target: str
    evidence: str | None = None
    source: str | None = None
    years: int | None = None

    @field_validator("type")
    @classmethod
    def _known_type(cls, v: str) -> str:
        names = get_vocabulary().relation_type_names
        if v not in names:
            raise ValueError(f"unknown relation type {v!r} (known: {', '.join(names)})")
        return v


_NUMBER_RE = re.compile(r"^\d{1,5}$")
_LOCAL_TERM_RE = re.compile(r"^(\d{4})-(\d{4})$")


def make_id(kind: str, number: str | int | None, issuer: str, term: str | None,
            locality: str | None = None, local_term: str | None = None) -> str:
    """The stable id of a key: ``make_id("NQ", "25", "TW", "XI") == "25-NQ/TW@XI"``."""
    sym = f"{int(number):02d}-{kind}/{issuer}" if number is not None else f"{kind}/{issuer}"
    if locality:
        return f"{sym}@{locality}:{local_term or '?'}"
    return f"{sym}@{term or '?'}"


class Directive(BaseModel):
    """One Party document with its facts, sources and relations."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    kind: str
    kind_name: str | None = None
    number: str | None = None
    issuer: str = "TW"
    body: str | None = None
    date: dt.date | None = None
    term: str | None = None
    plenum: int | None = Field(default=None, ge=1, le=30)
    title: str | None = None
    aliases: list[str] = Field(default_factory=list)
    # Ids this entry was published under before a correction re-keyed it: ids never change
    # once published, so lookups of these still lead here.
    former_ids: list[str] = Field(default_factory=list)
    locality: str | None = None
    local_term: str | None = None
    status: Status = Status.unknown
    superseded_by: str | None = None
    verification: Verification = Verification.unverified
    sources: list[Source] = Field(min_length=1)
    conflicts: list[Conflict] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    note: str | None = None

    @field_validator("kind")
    @classmethod
    def _kind(cls, v: str) -> str:
        vocab = get_vocabulary()
        try:
            return vocab.canonical_kind(v)
        except KeyError:
            codes = ", ".join(k.code for k in vocab.kinds if k.code)
            raise ValueError(f"unknown kind {v!r} (known: {codes})") from None

    @field_validator("number", mode="before")
    @classmethod
    def _number(cls, v: Any) -> Any:
        if v is None:
            return v
        s = str(v).strip()
        if not _NUMBER_RE.match(s):
            raise ValueError(f"number must be digits as printed, e.g. \"05\"; got {v!r}")
        return s

    @field_validator("issuer")
    @classmethod
    def _issuer(cls, v: str) -> str:
        vocab = get_vocabulary()
        if not vocab.has_issuer(v):
            raise ValueError(f"unknown issuer code {v!r}")
        return vocab.issuer(v).code

    @field_validator("body")
    @classmethod
    def _body(cls, v: str | None) -> str | None:
        if v is not None and not get_vocabulary().has_body(v):
            raise ValueError(f"unknown body code {v!r}")
        return v

    @field_validator("term", mode="before")
    @classmethod
    def _term(cls, v: Any) -> Any:
        if v is None:
            return v
        try:
            return normalize_term(v)
        except KeyError as exc:
            raise ValueError(str(exc.args[0])) from None

    @field_validator("local_term")
    @classmethod
    def _local_term(cls, v: str | None) -> str | None:
        if v is not None:
            m = _LOCAL_TERM_RE.match(v)
            if not m or int(m.group(2)) - int(m.group(1)) != 5:
                raise ValueError(f"local term must read like 2020-2025; got {v!r}")
        return v

    @model_validator(mode="after")
    def _consistent(self) -> "Directive":
        central = get_vocabulary().issuer(self.issuer).central
        if central:
            if self.locality:
                raise ValueError(f"a central document ({self.issuer}) has no locality")
            if self.date and self.term is None:
                self.term = term_of(self.date)
            if self.term is None:
                raise ValueError("a central document needs a date or a term (the key needs it)")
            if self.date and not date_in_term(self.date, self.term):
                start, end = term_range(self.term)
                raise ValueError(
                    f"date {self.date.isoformat()} is outside term {self.term} "
                    f"({start.isoformat()}–{end.isoformat() if end else 'now'}); "
                    f"that date is in term {term_of(self.date)}")
        else:
            if not self.locality:
                raise ValueError(f"a local document ({self.issuer}) needs its locality")
            if not self.local_term:
                raise ValueError("a local document needs its local_term (nhiệm kỳ, e.g. 2020-2025)")
        if self.number is None and self.kind not in ("NQ",):
            raise ValueError("only congress resolutions may lack a number")
        return self

    # -- derived ---------------------------------------------------------------------------
    @property
    def number_int(self) -> int | None:
        return int(self.number) if self.number is not None else None

    # The key fields are set once, at validation; the resolver asks for ids and symbols of the
    # same entries again and again, so they are computed once.
    @cached_property
    def symbol(self) -> str:
        """The symbol as the Party writes it: ``25-NQ/TW``, ``05-CT/TU``."""
        if self.number is None:
            return f"{self.kind}/{self.issuer}"
        return f"{int(self.number):02d}-{self.kind}/{self.issuer}"

    @cached_property
    def id(self) -> str:
        return make_id(self.kind, self.number, self.issuer, self.term, self.locality,
                       self.local_term)

    @property
    def central(self) -> bool:
        return self.locality is None

    @property
    def key(self) -> tuple:
        return (self.kind, self.number_int, self.issuer, self.term, self.locality,
                self.local_term)

    @property
    def type_name(self) -> str:
        """The document type in words: "Nghị quyết", or "Quy định" for a QĐ-numbered rule."""
        return self.kind_name or get_vocabulary().kind(self.kind).name

    @property
    def body_name(self) -> str | None:
        return get_vocabulary().body(self.body).name if self.body else None

    @property
    def year(self) -> int | None:
        return self.date.year if self.date else None

    def short_label(self) -> str:
        """A short label for pictures: ``KL 43 (2019)``."""
        num = str(self.number_int) if self.number is not None else self.issuer
        year = f" ({self.date.year})" if self.date else (f" ({self.term})" if self.term else "")
        return f"{self.kind} {num}{year}"

    def to_record(self) -> dict:
        """The stable JSON record other tools read (see README, "JSON output")."""
        return {
            "id": self.id,
            "kind": self.kind,
            "kind_name": self.type_name,
            "number": self.number,
            "issuer_code": self.issuer,
            "symbol": self.symbol,
            "body": self.body,
            "body_name": self.body_name,
            "date": self.date.isoformat() if self.date else None,
            "term": self.term,
            "plenum": self.plenum,
            "title": self.title,
            "aliases": list(self.aliases),
            "locality": self.locality,
            "local_term": self.local_term,
            "status": self.status.value,
            "superseded_by": self.superseded_by,
            "verification": self.verification.value,
            "sources": [s.url for s in self.sources],
            "conflicts": [c.model_dump(exclude_none=True) for c in self.conflicts],
            "relations": [r.model_dump(exclude_none=True) for r in self.relations],
        }
