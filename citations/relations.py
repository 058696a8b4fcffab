"""Relations stated in text between citations: "Kết luận 43 về tiếp tục thực hiện Nghị quyết 25".

Between two citations of one sentence, a cue phrase from the vocabulary (``relation_cues``)
gives a typed, directed relation from the newer document (before the cue) to the older one.
"Tổng kết 10 năm thực hiện Nghị quyết …" is a review held by the text's author: source None.

>>> from citations import analyze
>>> a = analyze("Kết luận số 43-KL/TW ngày 7/1/2019 của Ban Bí thư về tiếp tục thực hiện "
...             "Nghị quyết số 25-NQ/TW")
>>> [(r.type, a.citations[r.source].number, a.citations[r.target].number) for r in a.relations]
[('continues', '43', '25')]
"""

from __future__ import annotations

import re
from functools import lru_cache

from directives.text import fold
from directives.vocabulary import get_vocabulary

from .clean import CleanText
from .models import Citation, TextRelation
from .patterns import trie_regex

_ALONGSIDE = re.compile(r"\b(?:gan voi|gan lien voi|cung voi|song song voi|ket hop voi|dong thoi)[ \n]*+$")
_SENTENCE_BREAK = re.compile(r"[.;!?](?:[ \n]|$)|\n")


@lru_cache(maxsize=1)
def _cue_regex() -> tuple[re.Pattern, dict[str, tuple[str, bool]]]:
    cues = {fold(c.cue): (c.type, c.reverse) for c in get_vocabulary().relation_cues}
    src = trie_regex(cues).replace("\\ ", "[ \\n]+")
    return re.compile(rf"\b(?:{src})\b"), cues




def find_relations(ct: CleanText, citations: list[Citation],
                   stated: list[TextRelation] | None = None) -> list[TextRelation]:
    """Typed relations between consecutive citations of a sentence, and author reviews.

    ``stated`` is what :func:`stated_relations` gave for these same citations, when the caller
    has it already (the resolver reads it too)."""
    out: list[TextRelation] = []
    for i, c in enumerate(citations):
        if c.review_years:
            out.append(TextRelation(source=None, target=i, type="reviews",
                                    cue=f"{c.review_years} năm thực hiện", cue_start=c.start,
                                    cue_end=c.start, years=c.review_years))
    for r in stated_relations(ct, citations) if stated is None else stated:
        a, b = citations[r.source], citations[r.target]
        if a.resolved is not None and b.resolved is not None and a.resolved.id == b.resolved.id:
            continue
        out.append(r)
    out.sort(key=lambda r: (citations[r.target].start if r.source is None else citations[r.source].start, r.type))
    return out


# "Căn cứ Quy định số 22-QĐ/TW …, Ủy ban Kiểm tra Tỉnh ủy ban hành Hướng dẫn số 02-HD/UBKTTU":
# the cue opens the sentence, before the documents relied on; the one issued comes last.
_BASIS_BEFORE = re.compile(r"\bcan[ \n]++cu[ \n]++(?:vao[ \n]++)?$")
_ISSUED_BEFORE = re.compile(r"\b(?:ban[ \n]++hanh|ra)[ \n]++$")


def _basis_relations(ct: CleanText, citations: list[Citation], starts: list[int],
                     ends: list[int]) -> list[TextRelation]:
    out: list[TextRelation] = []
    folded = ct.folded
    for i, a in enumerate(citations):
        cue = _BASIS_BEFORE.search(folded, max(0, starts[i] - 16), starts[i])
        if cue is None:
            continue
        for k in range(i + 1, len(citations)):
            gap = folded[ends[k - 1]:starts[k]]
            if _SENTENCE_BREAK.search(gap) or len(gap) > 200:
                break
            if _ISSUED_BEFORE.search(gap):
                cue_start, cue_end = ct.to_original(cue.start(), cue.end())
                for j in range(i, k):
                    if citations[j].form != "anaphora":
                        out.append(TextRelation(source=k, target=j, type="based_on",
                                                cue=ct.original[cue_start:cue_end].strip(),
                                                cue_start=cue_start, cue_end=cue_end))
                break
    return out


def stated_relations(ct: CleanText, citations: list[Citation]) -> list[TextRelation]:
    """The relations a cue phrase states between consecutive citations of a sentence, read
    before anything is resolved: "Kết luận số 43-KL/TW ngày 7/1/2019 … về tiếp tục thực hiện
    Nghị quyết số 25-NQ/TW" says the Nghị quyết is older than 7/1/2019."""
    out: list[TextRelation] = []
    if len(citations) < 2:
        return out
    rx, cues = _cue_regex()
    # The gap is read in the cleaned text (NFD composed, zero-width characters gone), whose
    # offsets differ from the caller's when cleaning changed the text.
    text, folded = ct.text, ct.folded
    starts = [ct.to_clean(c.start) for c in citations]
    ends = [ct.to_clean(c.end) for c in citations]
    out += _basis_relations(ct, citations, starts, ends)
    for i in range(len(citations) - 1):
        a, b = citations[i], citations[i + 1]
        if a.form == "title-only" and b.form == "title-only":
            continue
        a_end, b_start = ends[i], starts[i + 1]
        gap = folded[a_end:b_start]
        if len(gap) > 160 or _SENTENCE_BREAK.search(gap):
            continue
        if a.list_index is not None and b.list_index is not None and b.list_index > 0:
            continue  # members of one list
        matches = list(rx.finditer(gap))
        if not matches:
            continue
        m = matches[-1]
        before, after = gap[:m.start()], gap[m.end():]
        # The cue must join the two citations directly ("KL 43 … về tiếp tục thực hiện NQ 25"),
        # not sit in a clause of its own, and "và 5 năm thực hiện" is a review, not a relation.
        # A cue opening a parenthesis or a clause right before the second citation joins them
        # even after a long title: "Quy định số 69-QĐ/TW về … (thay thế Quy định 07-QĐi/TW)".
        # "học tập Quy định 144 gắn với thực hiện Chỉ thị 05": the author implements both.
        if _ALONGSIDE.search(before):
            continue
        # "…Nghị quyết … về công tác dân vận, Huyện ủy đề nghị tiếp tục thực hiện Kết luận …":
        # a comma and then a capitalised word open a clause with a subject of its own, and the
        # cue is what that subject does, not what the first document does. (Inside a title the
        # word after a comma is lower case: "xây dựng, chỉnh đốn Đảng".)
        said = text[a_end:a_end + m.start()]
        if "," in said and said.rsplit(",", 1)[1].lstrip()[:1].isupper():
            continue
        joined = len(after) <= 3 and re.search(r"[(,][ \n]*+$", before)
        if (len(before) > 40 and not joined) or len(after) > 30 \
                or re.search(r"\d+[ \n]++nam[ \n]++$", before) \
                or (not joined and re.search(r"(?:^|[ ,])va[ \n]", before)):
            continue
        key = re.sub(r"[ \n]++", " ", m.group(0))
        rtype, reverse = cues[key]
        src, tgt = (i + 1, i) if reverse else (i, i + 1)
        cue_start, cue_end = ct.to_original(a_end + m.start(), a_end + m.end())
        out.append(TextRelation(source=src, target=tgt, type=rtype,
                                cue=ct.original[cue_start:cue_end],
                                cue_start=cue_start, cue_end=cue_end))
    return out
