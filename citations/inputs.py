"""Reading texts from files, folders, JSONL and stdin, with honest decoding.

UTF-8 (with or without BOM), UTF-16 with a BOM and Windows-1258 are read; bytes that fit none
of them give a :class:`InputError` that names the file and the byte offset, unless the caller
asks to replace them (then a warning is returned with the text).

>>> decode_bytes("Nghị quyết".encode("utf-16"), "x.txt").text
'Nghị quyết'
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

TEXT_SUFFIXES = (".txt", ".html", ".htm", ".md")
_VIET_MARKERS = re.compile("[ăâđêôơưĂÂĐÊÔƠƯ\u0300\u0301\u0303\u0309\u0323]")


class InputError(ValueError):
    """An input could not be read; the message names the file (and byte offset)."""


@dataclass
class Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


@dataclass
class Article:
    """One text to analyse, with what is known about it."""

    id: str
    text: str
    published: dt.date | None = None
    locality: str | None = None
    html: bool | None = None
    source: str | None = None
    warnings: list[str] = field(default_factory=list)
    meta: dict = field(default_factory=dict)


def decode_bytes(data: bytes, name: str, *, encoding: str = "auto", errors: str = "strict") -> Decoded:
    """Decode ``data`` read from ``name``. ``errors`` is ``strict`` or ``replace``."""
    if encoding != "auto":
        try:
            return Decoded(data.decode(encoding, errors="strict"), encoding)
        except LookupError:
            raise InputError(f"{name}: unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as exc:
            if errors == "replace":
                return Decoded(data.decode(encoding, errors="replace"), encoding,
                               [f"{name}: byte {exc.start}: undecodable as {encoding}; replaced"])
            raise InputError(f"{name}: byte {exc.start}: cannot decode as {encoding} "
                             f"(use --errors replace to read it anyway)") from None
    if data.startswith(b"\xef\xbb\xbf"):
        return decode_bytes(data[3:], name, encoding="utf-8", errors=errors)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return decode_bytes(data, name, encoding="utf-16", errors=errors)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    # Not UTF-8: Windows-1258 is the other encoding Vietnamese text comes in. Accept it only
    # when it decodes cleanly and reads as Vietnamese, so that binary junk is not "decoded".
    try:
        alt = data.decode("cp1258")
        if _VIET_MARKERS.search(alt) and "\x00" not in alt:
            return Decoded(alt, "cp1258", [f"{name}: not UTF-8; read as Windows-1258"])
    except UnicodeDecodeError:
        pass
    if errors == "replace":
        return Decoded(data.decode("utf-8", errors="replace"), "utf-8",
                       [f"{name}: byte {first_bad}: invalid UTF-8; replaced with U+FFFD"])
    raise InputError(f"{name}: byte {first_bad}: invalid UTF-8 and not Windows-1258 text "
                     f"(use --encoding or --errors replace)")


def is_binary(data: bytes) -> bool:
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    return b"\x00" in head


def parse_date(value: str | None, where: str = "published") -> dt.date | None:
    if value in (None, ""):
        return None
    s = str(value).strip()
    m = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})", s)
    try:
        if m:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        m = re.match(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$", s)
        if m:
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
    except ValueError:
        pass
    raise InputError(f"{where}: not a date: {value!r} (use YYYY-MM-DD or DD/MM/YYYY)")


def read_path(path: str, *, encoding: str = "auto", errors: str = "strict",
              stdin_bytes: bytes | None = None) -> Decoded:
    if path == "-":
        return decode_bytes(stdin_bytes or b"", "<stdin>", encoding=encoding, errors=errors)
    with _open(path) as fh:
        data = fh.read()
    return decode_bytes(data, path, encoding=encoding, errors=errors)


def _open(path: str):
    """``path`` opened for reading bytes, or an :class:`InputError` that says why not."""
    try:
        return open(path, "rb")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None


def iter_articles(inputs: list[str], *, encoding: str = "auto", errors: str = "strict",
                  stdin_bytes: bytes | None = None, skipped: list[str] | None = None
                  ) -> Iterator[Article]:
    """Articles from files, folders (recursively: .txt .html .htm .md), .jsonl and stdin.

    Binary files found in folders are skipped and named in ``skipped``; an unreadable file
    named directly raises :class:`InputError`.
    """
    for inp in inputs:
        if inp != "-" and os.path.isdir(inp):
            for root, dirs, files in os.walk(inp):
                dirs.sort()
                for f in sorted(files):
                    fp = os.path.join(root, f)
                    if f.endswith(".jsonl"):
                        yield from _jsonl(fp, encoding=encoding, errors=errors)
                    elif f.lower().endswith(TEXT_SUFFIXES):
                        data = Path(fp).read_bytes()
                        if is_binary(data):
                            if skipped is not None:
                                skipped.append(fp)
                            continue
                        d = decode_bytes(data, fp, encoding=encoding, errors=errors)
                        yield Article(fp, d.text, html=_html_hint(fp), source=fp, warnings=d.warnings)
            continue
        if inp.endswith(".jsonl"):
            yield from _jsonl(inp, encoding=encoding, errors=errors)
            continue
        d = read_path(inp, encoding=encoding, errors=errors, stdin_bytes=stdin_bytes)
        name = "<stdin>" if inp == "-" else inp
        yield Article(name, d.text, html=_html_hint(inp), source=name, warnings=d.warnings)


def _html_hint(name: str) -> bool | None:
    low = name.lower()
    if low.endswith((".html", ".htm")):
        return True
    if low.endswith((".txt", ".md")):
        return False
    return None


def _jsonl_lines(path: str, *, encoding: str, errors: str) -> Iterator[tuple[int, str, list[str]]]:
    """(line number, text, warnings) of each line, read one line at a time so that a
    gigabyte archive never sits in memory. A UTF-16 file (it has a BOM) is read whole."""
    with _open(path) as fh:
        head = fh.read(2)
        fh.seek(0)
        if encoding == "auto" and head in (b"\xff\xfe", b"\xfe\xff"):
            d = read_path(path, encoding=encoding, errors=errors)
            for lineno, line in enumerate(d.text.splitlines(), 1):
                yield lineno, line, d.warnings if lineno == 1 else []
            return
        for lineno, raw in enumerate(fh, 1):
            if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            d = decode_bytes(raw, f"{path}:{lineno}", encoding=encoding, errors=errors)
            yield lineno, d.text, d.warnings


_ESCAPED_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _jsonl(path: str, *, encoding: str, errors: str) -> Iterator[Article]:
    for lineno, line, warnings in _jsonl_lines(path, encoding=encoding, errors=errors):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}: invalid JSON: {exc.msg} (column {exc.colno})") from None
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            raise InputError(f"{where}: each line must be an object with a string \"text\"")
        text = obj["text"]
        # JSON can escape half a surrogate pair ("\ud83d" of an emoji cut in two): such a
        # character cannot be written out as UTF-8 again, so it becomes U+FFFD, one for one.
        if "\\u" in line and _ESCAPED_SURROGATE.search(line):
            fixed = _LONE_SURROGATE.sub("\ufffd", text)
            if fixed != text:
                warnings = [*warnings, f"{where}: lone surrogate escapes in \"text\" replaced with U+FFFD"]
                text = fixed
        yield Article(str(obj.get("id", where)), text,
                      published=parse_date(obj.get("published"), f"{where}: published"),
                      locality=obj.get("locality"), html=obj.get("html"), source=where,
                      warnings=warnings, meta={k: v for k, v in obj.items() if k not in ("text",)})
