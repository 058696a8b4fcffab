"""Plain data objects of the citation engine: citations, their issues, relations between them.

>>> c = Citation(start=0, end=22, text="Nghị quyết số 25-NQ/TW", form="full", kind="NQ",
...              number="25", issuer_code="TW")
>>> c.symbol
'25-NQ/TW'
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from dataclasses import dataclass, field

from directives.models import Directive

FORMS = ("full", "short", "list", "plenum", "congress", "title-only", "anaphora")


@dataclass(slots=True, frozen=True)
class Fix:
    """An edit that corrects a flagged fact: put ``text`` in place of ``start:end`` of the
    caller's string ("7/1/2019" → "07/01/2019"'s catalog value, written the same way)."""

    start: int
    end: int
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(slots=True, kw_only=True)
class CitationIssue:
    """Something a careful editor would flag, with the catalog's correct value."""

    code: str          # date-mismatch | body-mismatch | term-mismatch | unknown-document | …
    message: str
    suggestion: str | None = None
    fix: Fix | None = None  # only where the correction is certain and has a place in the text

    def __str__(self) -> str:
        s = f"{self.code}: {self.message}"
        return f"{s} ({self.suggestion})" if self.suggestion else s


@dataclass(slots=True, kw_only=True, eq=False)
class Citation:
    """One citation found in a text. ``start``/``end`` index the caller's original string.

    A plain dataclass, like eyecite's citation objects: a news archive yields millions of them,
    and building one costs a fraction of what a validating model would.
    """

    start: int
    end: int
    text: str
    form: str
    kind: str | None = None
    kind_name: str | None = None          # the type word as written ("Chương trình hành động")
    number: str | None = None
    issuer_code: str | None = None
    date: dt.date | None = None
    date_text: str | None = None          # the date as written, also when it is not a real date
    body: str | None = None
    term: str | None = None
    plenum: int | None = None
    locality: str | None = None
    title: str | None = None              # the trích yếu given after "về", when present
    symbol_order: str | None = None       # party | no-dash | dash-for-slash | state | double-slash
    list_index: int | None = None
    antecedent: int | None = None         # index of the citation this one refers back to
    review_years: int | None = None       # "tổng kết 10 năm thực hiện …"
    resolved: Directive | None = None
    confidence: float = 0.0
    alternatives: list[str] = field(default_factory=list)
    issues: list[CitationIssue] = field(default_factory=list)
    # Parser details that are not part of the public shape (kind word, alias definitions…).
    _extras: dict = field(default_factory=dict, repr=False)

    @property
    def symbol(self) -> str | None:
        if self.number is None or self.kind is None or self.issuer_code is None:
            return None
        return f"{self.number}-{self.kind}/{self.issuer_code}"

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end

    def field_span(self, name: str) -> tuple[int, int] | None:
        """Where the text gives a field ("symbol", "number", "date", "body", "term"), in the
        caller's string; None when it gives none (or shares it with coordinated citations).

        >>> from citations import find
        >>> t = "Kết luận số 43-KL/TW ngày 7/1/2019 của Ban Bí thư"
        >>> c = find(t)[0]
        >>> [t[slice(*c.field_span(f))] for f in ("symbol", "date", "body")]
        ['43-KL/TW', '7/1/2019', 'Ban Bí thư']
        """
        return self._extras.get("spans", {}).get(name)

    def to_json(self) -> dict[str, Any]:
        """The stable JSON shape of ``vankien cite --format json`` (README, "JSON output")."""
        r = self.resolved
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "form": self.form,
            "kind": self.kind,
            "number": self.number,
            "issuer_code": self.issuer_code,
            "date": self.date.isoformat() if self.date else None,
            "body": self.body,
            "term": self.term,
            "plenum": self.plenum,
            "title": self.title,
            "locality": self.locality,
            "resolved": None if r is None else {
                "id": r.id, "kind": r.kind, "number": r.number, "issuer_code": r.issuer,
                "term": r.term, "date": r.date.isoformat() if r.date else None,
                "title": r.title, "body": r.body,
            },
            "confidence": round(self.confidence, 3),
            "alternatives": list(self.alternatives),
            "issues": [str(i) for i in self.issues],
        }


@dataclass(slots=True, kw_only=True)
class TextRelation:
    """A typed relation stated in a text between two citations (or the text and a citation)."""

    source: int | None          # index of the source citation; None = the text's own author
    target: int
    type: str
    cue: str
    cue_start: int
    cue_end: int
    years: int | None = None

    def to_json(self, citations: list[Citation]) -> dict[str, Any]:
        s = citations[self.source] if self.source is not None else None
        t = citations[self.target]
        out: dict[str, Any] = {
            "source": None if s is None else {"start": s.start, "end": s.end},
            "target": {"start": t.start, "end": t.end},
            "type": self.type,
            "cue": self.cue,
        }
        if self.years is not None:
            out["years"] = self.years
        if s is not None and s.resolved is not None:
            out["source"]["id"] = s.resolved.id
        if t.resolved is not None:
            out["target"]["id"] = t.resolved.id
        return out
