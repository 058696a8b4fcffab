"""Step 5 — annotate: the text with every citation marked and linked to its record.

All text is escaped; a citation becomes a link whose hover text gives the title, date and body.

>>> from citations import extract
>>> t = "Theo Kết luận số 43-KL/TW <b>"
>>> annotate(t, extract(t), fmt="html", standalone=False)[:50]
'Theo <a class="vk-cite vk-ok" href="#43-KL/TW@XII"'
"""

from __future__ import annotations

import html
from typing import Sequence

from directives.formatting import format_date

from .models import Citation


def _hover(c: Citation) -> str:
    d = c.resolved
    if d is None:
        parts = ["Không tìm thấy trong danh mục"] + [str(i) for i in c.issues]
        return " — ".join(parts)
    parts = [f"{d.type_name} số {d.symbol}"]
    if d.date:
        parts.append(f"ngày {format_date(d.date)}")
    if d.body_name:
        parts.append(d.body_name + (f" (khóa {d.term})" if d.term else ""))
    if d.title:
        parts.append(d.title)
    parts += [str(i) for i in c.issues]
    return " — ".join(parts)


_CSS = """body{font-family:system-ui,sans-serif;max-width:60em;margin:2em auto;line-height:1.6}
.vk-text{white-space:pre-wrap} .vk-records{border-top:1px solid #ccc;margin-top:2em;font-size:.9em}
.vk-src{color:#666;font-size:.85em}
a.vk-cite{text-decoration:none;border-bottom:2px solid #2b7;background:#efe}
a.vk-cite.vk-issue{border-bottom-color:#d33;background:#fee}
a.vk-cite.vk-unresolved{border-bottom-color:#999;background:#eee}"""


def annotate(text: str, citations: Sequence[Citation], *, fmt: str = "html",
             standalone: bool = True, title: str = "vankien") -> str:
    """Return ``text`` as HTML or Markdown with each citation marked."""
    if fmt not in ("html", "md"):
        raise ValueError(f"unknown format {fmt!r} (html or md)")
    out: list[str] = []
    pos = 0
    esc = (lambda s: html.escape(s, quote=True)) if fmt == "html" else _md_escape
    for c in sorted(citations, key=lambda c: c.start):
        if c.start < pos:
            continue  # overlapping spans never happen; be safe
        out.append(esc(text[pos:c.start]))
        ref = c.resolved.id if c.resolved else ""
        if fmt == "html":
            cls = "vk-issue" if c.issues else ("vk-ok" if c.resolved else "vk-unresolved")
            out.append(f'<a class="vk-cite {cls}" href="#{html.escape(ref, quote=True)}" '
                       f'data-id="{html.escape(ref, quote=True)}" data-form="{c.form}" '
                       f'title="{html.escape(_hover(c), quote=True)}">{esc(c.text)}</a>')
        else:
            hover = _hover(c).replace('"', "'")
            out.append(f'[{_md_escape(c.text)}](#{ref.replace(" ", "%20") or "unresolved"} "{hover}")')
        pos = c.end
    out.append(esc(text[pos:]))
    body = "".join(out)
    if fmt == "html" and standalone:
        return (f'<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8">'
                f"<title>{html.escape(title)}</title><style>{_CSS}</style></head>"
                f"<body><div class=\"vk-text\">{body}</div>{_records(citations)}</body></html>\n")
    return body


def _records(citations: Sequence[Citation]) -> str:
    """The cited documents' records, the targets of the links in the text."""
    from directives.formatting import format_citation

    seen: dict[str, object] = {}
    for c in citations:
        if c.resolved is not None:
            seen.setdefault(c.resolved.id, c.resolved)
    if not seen:
        return ""
    items = []
    for id_, d in seen.items():
        srcs = "".join(f"<li>{html.escape(s.url)}</li>" for s in d.sources)
        items.append(f'<li id="{html.escape(id_, quote=True)}"><b>{html.escape(id_)}</b> — '
                     f"{html.escape(format_citation(d))}<ul class=\"vk-src\">{srcs}</ul></li>")
    return ('<section class="vk-records"><h2>Văn bản được trích dẫn</h2><ol>'
            + "".join(items) + "</ol></section>")


def _md_escape(s: str) -> str:
    out = []
    for ch in s:
        if ch in "\\`*_{}[]()<>#+!|":
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)


def corrected(text: str, citations: Sequence[Citation]) -> str:
    """``text`` with every flagged fact that has a :class:`~citations.models.Fix` corrected,
    and nothing else changed.

    >>> from citations import extract
    >>> t = "Kết luận số 43-KL/TW ngày 17/1/2019 của Ban Chấp hành Trung ương về công tác tôn giáo"
    >>> corrected(t, extract(t))
    'Kết luận số 43-KL/TW ngày 7/1/2019 của Ban Bí thư về công tác tôn giáo'
    """
    fixes = sorted({i.fix for c in citations for i in c.issues if i.fix is not None},
                   key=lambda f: (f.start, f.end))
    out: list[str] = []
    pos = 0
    for f in fixes:
        if f.start < pos:
            continue  # overlaps an edit already made: the first one stands
        out += [text[pos:f.start], f.text]
        pos = f.end
    out.append(text[pos:])
    return "".join(out)
