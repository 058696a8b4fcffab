"""Adding catalog entries without hand-editing YAML.

The new entry is validated, refused when its key exists, rendered canonically and inserted at
its sorted place; every other byte of the file stays as it was, and the write is atomic (a
temporary file renamed over the old one), so a crash leaves the old file intact.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import yaml
from pydantic import ValidationError

from .catalog import Catalog, _sort_key
from .loader import DataFileError, LineDict, read_yaml
from .models import Directive
from .paths import catalog_dir
from .text import fold_key

FIELD_ORDER = ["kind", "kind_name", "number", "issuer", "body", "date", "term", "plenum", "title",
               "aliases", "former_ids", "locality", "local_term", "status", "superseded_by", "verification",
               "sources", "conflicts", "relations", "note"]


class AddError(ValueError):
    """The entry cannot be added; the message says why."""


def render_entry(d: Directive) -> str:
    """The canonical YAML text of one entry, as a list item."""
    raw = d.model_dump(mode="json", exclude_none=True, exclude_defaults=False)
    for key in ("aliases", "conflicts", "relations"):
        if not raw.get(key):
            raw.pop(key, None)
    if raw.get("status") == "unknown":
        raw.pop("status")
    ordered = {k: raw[k] for k in FIELD_ORDER if k in raw}
    if "date" in ordered:  # a YAML date, as the hand-written entries have it, not a string
        ordered["date"] = d.date
    text = yaml.safe_dump([ordered], allow_unicode=True, sort_keys=False, width=100)
    # Facts as one flow list per source, as the hand-written entries have them.
    return re.sub(r"^(    facts:)\n((?:    - \S+\n)+)",
                  lambda m: f"{m.group(1)} [{', '.join(x[6:] for x in m.group(2).splitlines())}]\n",
                  text, flags=re.M)


def atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def insert_entry(path: Path, d: Directive) -> None:
    """Insert ``d`` into the YAML list in ``path`` at its sorted place; keep everything else."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    entries = read_yaml(path) if text.strip() else []
    if entries is None:
        entries = []
    if not isinstance(entries, list):
        raise AddError(f"{path}: expected a list of entries at the top level")
    block = render_entry(d)
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    # A file groups its entries by kind in an order of its own (NQ, CT, KL, QĐ…), numbers
    # ascending within a kind: the entry goes before the first of its kind with a higher number,
    # else after the last of its kind, else at the end.
    placed = [(e.line, d) for e in entries if isinstance(e, LineDict) and e.line is not None
              for d in [_valid(e)] if d is not None]
    key = _sort_key(d)
    same = [(line, o) for line, o in placed
            if o.kind == d.kind and (o.locality or "") == (d.locality or "")]
    later = [line for line, o in same if _sort_key(o) > key]
    if later:
        insert_at = _above_comments(lines, later[0] - 1)
    elif same:
        after = [line for line, _ in placed if line > same[-1][0]]
        insert_at = _above_comments(lines, after[0] - 1) if after else len(lines)
    else:
        insert_at = len(lines)
    new_text = "".join(lines[:insert_at]) + block + "".join(lines[insert_at:])
    atomic_write(path, new_text)


def _valid(e) -> Directive | None:
    """The entry as a Directive, or None when it does not validate (it is left as it is)."""
    try:
        return Directive.model_validate(e)
    except ValidationError:
        return None


def _above_comments(lines: list[str], at: int) -> int:
    """Comments right above an entry belong to it (but a header at the top of the file belongs
    to the file)."""
    j = at
    while j > 0 and lines[j - 1].lstrip().startswith("#"):
        j -= 1
    return j if j > 0 else at


def add_entry(citation: str, *, date: str | None = None, body: str | None = None,
              term: str | None = None, title: str | None = None, aliases: list[str] | None = None,
              sources: list[str], verification: str = "single", locality: str | None = None,
              local_term: str | None = None, file: str | None = None,
              catalog_path: str | Path | None = None) -> tuple[Path, str]:
    """Add the document named by ``citation`` ("Kết luận số 43-KL/TW") with the given facts."""
    from citations.inputs import InputError, parse_date
    from citations.query import _body_code, parse_query

    q = parse_query(citation)
    if q.number is None or not q.kinds:
        raise AddError(f"cannot read a kind and number in {citation!r} (write e.g. \"Kết luận số 43-KL/TW\")")
    try:
        when = parse_date(date, "--date") if date else q.date
        body_code = _body_code(body) if body else q.body
    except (InputError, KeyError) as exc:
        raise AddError(str(exc.args[0] if isinstance(exc, KeyError) else exc)) from None
    raw = {"kind": q.kinds[0], "number": citation_number(citation, q.number),
           "issuer": q.issuer or "TW", "body": body_code, "date": when, "term": term or q.term,
           "title": title, "aliases": aliases or [], "locality": locality,
           "local_term": local_term, "verification": verification}
    # The term follows from the date; a source is said to give only what it prints.
    given = [f for f, v in (("number", True), ("date", when), ("body", body_code),
                            ("title", title)) if v]
    raw["sources"] = [_source(s, given) for s in sources]
    if q.kinds[0] == "QĐ" and fold_key(citation).startswith("quy dinh"):
        raw["kind_name"] = "Quy định"  # a Quy định numbered in the QĐ series
    try:
        d = Directive.model_validate({k: v for k, v in raw.items() if v not in (None, [], "")})
    except ValidationError as exc:
        msgs = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'entry'}: {e['msg'].removeprefix('Value error, ')}"
                         for e in exc.errors())
        raise AddError(f"invalid entry: {msgs}") from None
    # Duplicates are looked for in the catalog the entry goes into.
    root = Path(catalog_path) if catalog_path else (Path(file).parent if file else catalog_dir())
    try:
        existing, _ = Catalog.check_path(root)
    except DataFileError as exc:
        raise AddError(str(exc)) from None
    if d.id in existing:
        where = existing.origin.get(d.id, ("?", None))
        raise AddError(f"{d.id} is already in the catalog ({where[0]}:{where[1]})")
    if file:
        target = Path(file)
    elif d.locality:
        target = root / f"local-{d.locality}.yaml"
    else:
        target = root / f"central-{d.term}.yaml"
    insert_entry(target, d)
    return target, d.id


def _source(spec: str, given: list[str]) -> dict:
    """``URL`` (the source gave every fact being added) or ``URL|number,date,body`` (only
    those)."""
    url, _, facts = spec.partition("|")
    names = [f.strip() for f in facts.split(",") if f.strip()] if facts else given
    return {"url": url.strip(), "facts": names}


def citation_number(citation: str, number: int) -> str:
    """The number as printed in the citation ("05" stays "05")."""
    import re

    for m in re.finditer(r"\d+", citation):
        if int(m.group(0)) == number:
            return m.group(0)
    return str(number)
