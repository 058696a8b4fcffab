"""Step 2 — find: every citation span in a text, with its form and parsed fields.

Forms: ``full`` ("Nghị quyết số 25-NQ/TW ngày 3/6/2013 của Ban Chấp hành Trung ương Đảng khóa
XI"), ``short`` ("Kết luận 43", "NQ25"), ``list`` ("Quyết định 217, 218-QĐ/TW": one citation
each), ``plenum`` ("Nghị quyết Trung ương 7 khóa XI"), ``congress`` ("Nghị quyết Đại hội XIII
của Đảng"), ``title-only`` (a catalog title or alias named on its own) and ``anaphora`` (a later bare
"Nghị quyết", or a "Kết luận này" / "nghị quyết nói trên" anywhere, that points back to an
earlier citation).

State documents ("Nghị định số 04/2015/NĐ-CP", "Quyết định số 1217/QĐ-UBND", "Nghị quyết số
30/2021/QH15") are never reported.

>>> [(c.form, c.kind, c.number, c.issuer_code, str(c.date)) for c in
...  find("Kết luận số 43-KL/TW ngày 7/1/2019 của Ban Bí thư về tiếp tục thực hiện Nghị quyết 25")]
[('full', 'KL', '43', 'TW', '2019-01-07'), ('short', 'NQ', '25', None, 'None')]
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from directives.text import fold_key
from directives.vocabulary import get_vocabulary

from .clean import CleanText, clean
from .models import Citation
from .patterns import SHORT_FORM_KINDS, WordFinder, get_patterns, parse_roman_or_int, trie_regex

_WS = re.compile(r"[ \n]*+")
_NON_WORDS = re.compile(r"[^\w]+")
_QUOTE_INTRO = re.compile(r"[ \n]*+,?[ \n]*+[\"“«][ \n]*+")
_COLON = re.compile(r":[ \n]*+(?=so|\d)")
_DANG_BO = re.compile(r"[ \n]++dang bo")
_STATE_NUMBER = re.compile(r"(\d{1,5})[ \n]*+/")
_OF_PARTY = re.compile(r"[ \n]*+(?:cua[ \n]++dang(?:[ \n]++cong san viet nam)?)")
_COORD = re.compile(r"[ \n]*+(?:,|;|\bva\b)[ \n]*+$")
# "ngày" may be left out ("…-QĐ/TW, 12/12/2013", "(25/02/2010)"): a full d/m/yyyy right after a
# symbol is its date.
_DATE_INTRO = re.compile(r"[ \n]*+,?[ \n]*+(?:\(?[ \n]*+)?(?:(?:ban hanh[ \n]++|ky[ \n]++)?ngay[ \n]++)?")
# A plenum named without "của": "Nghị quyết số 04-NQ/TW Hội nghị Trung ương 4 khóa XII".
_PLENUM_INTRO = re.compile(r"[ \n]*+,?[ \n]*+(?=hoi nghi)")
_OF_INTRO = re.compile(r"[ \n]*+,?[ \n]*+(?:cua|do)[ \n]++")
_TERM_INTRO = re.compile(r"[ \n]*+,?[ \n]*+")
_YEAR_AFTER = re.compile(r"[ \n]*+,?[ \n]*+nam[ \n]++((?:19|20)\d\d)(?![\d/])")
_REVIEW = re.compile(r"(?:so ket|tong ket|danh gia|\bva)[ \n]++(\d{1,2})[ \n]++nam[ \n]++(?:ve[ \n]++)?(?:(?:trien khai[ ,]*)?thuc hien[ \n]++|thi hanh[ \n]++)?(?:cac[ \n]++)?$")
_ALIAS_INTRO = re.compile(r"\([ \n]*+(?:sau day[ \n]++)?(?:goi|viet)[ \n]++tat[ \n]++la[ \n]++$|\([ \n]*+sau day[ \n]++goi[ \n]++la[ \n]++$")
_PLURAL_BEFORE = re.compile(r"(?:\b(?:cac|nhung|moi|nhieu|tung|cac ban|mot so|nhung|\d+)[ \n]++|,[ \n]*+)$")
_ENUM_AFTER = None  # built lazily from the kind names: "Nghị quyết, Kế hoạch…" is a list of kinds
# Where a title (trích yếu) ends: punctuation, a closing quote, or the verb of the sentence
# going on ("… về công tác dân vận đã được học tập").
_TITLE_STOP = re.compile(r"[;\n]|[.](?:[ \n]|$)|[”»\"](?=[ \n]*+(?:[;,.)\n]|$|\w))"
                         r"| (?:đã|đang|sẽ|vẫn|cũng|được triển khai|được quán triệt)(?= )"
                         r"|, (?:các|nhiều|tỉnh|huyện|Ban|Tỉnh)\b"
                         # ", Huyện ủy đề nghị …": a new subject and what it says or asks
                         r"|, (?=(?:\w+ ){1,4}(?:đề nghị|yêu cầu|chỉ đạo|nhấn mạnh|khẳng định|cho biết)\b)")


@dataclass(slots=True)
class _Item:
    start: int
    end: int
    number: str
    code: str | None = None
    issuer: str | None = None
    order: str | None = None
    sep: str | None = None  # separator before this item
    issuer_written: str | None = None  # "TƯ" for TW: a spelling the symbol should not use


@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    form: str
    kind: str | None = None
    kind_name: str | None = None
    number: str | None = None
    issuer: str | None = None
    date: dt.date | None = None
    date_text: str | None = None
    body: str | None = None
    term: str | None = None
    plenum: int | None = None
    title: str | None = None
    title_span: tuple[int, int] | None = None
    order: str | None = None
    list_index: int | None = None
    review_years: int | None = None
    alias_def: bool = False
    extras: dict = field(default_factory=dict)


def _canon_issuer(folded_iss: str, original: str) -> str:
    P = get_patterns()
    if folded_iss in P.issuer_codes:
        return P.issuer_codes[folded_iss]
    return original.upper()


@lru_cache(maxsize=512)
def _term_name(raw: str) -> str | None:
    n = parse_roman_or_int(raw)
    if n is None:
        return None
    t = get_vocabulary().term_by_number(n)
    return t.term if t else None


def _parse_date(m: re.Match) -> tuple[dt.date | None, str]:
    """The date (and the date as written) of a match of the tail's date pattern."""
    d, mo, y, d2, m2, y2 = m.group("d", "m", "y", "d2", "m2", "y2")
    return _make_date(y or y2, mo or m2, d or d2), m.group("date")


@lru_cache(maxsize=8192)  # a corpus repeats the same dates; building and checking one is not free
def _make_date(y: str, mo: str, d: str) -> dt.date | None:
    try:
        return dt.date(int(y), int(mo), int(d))
    except ValueError:
        return None


_UNSET = object()


def _items(folded: str, text: str, p: int, head_kind: str | None,
           first=_UNSET) -> tuple[list[_Item], int, bool]:
    """Parse a list of symbols / bare numbers at ``p``. Returns (items, end, state_doc).

    ``first`` is the symbol pattern's match at ``p`` when the caller has tried it already.
    """
    P = get_patterns()
    have_head = head_kind is not None
    items: list[_Item] = []
    sep_text = None
    while True:
        sm = P.symbol.match(folded, p) if first is _UNSET else first
        first = _UNSET
        if sm:
            if sm.group("code"):
                code, iss_f = sm.group("code"), sm.group("iss")
                order = "dash-for-slash" if sm.group("dash2") else "party" if sm.group("dash") else "no-dash"
                iss_start = sm.start("iss")
            elif sm.group("iss2"):
                code, iss_f, order = sm.group("code2"), sm.group("iss2"), "state"
                iss_start = sm.start("iss2")
            else:
                code, iss_f, order = sm.group("code2"), sm.group("iss3"), "double-slash"
                iss_start = sm.start("iss3")
            written = text[iss_start:iss_start + len(iss_f)]
            # As written first: "TƯ" (Trung ương) and "TU" (Tỉnh ủy) fold alike.
            spelled = P.issuer_spellings.get(written.upper())
            iss = spelled or _canon_issuer(iss_f, written)
            if items and items[-1].code is None and have_head \
                    and not _compatible(head_kind, P.code_to_kind[code]):
                break  # "NQ 25, 217-QĐ/TW": the symbol starts a citation of its own
            items.append(_Item(sm.start(), sm.end(), sm.group("num"), P.code_to_kind[code], iss,
                               order, sep_text, written if spelled else None))
            p = sm.end()
        else:
            nm = P.number_item.match(folded, p) if (have_head or items) else None
            if nm and P.unit_after.match(folded, nm.end()):
                nm = None  # a count: "Chỉ thị 2 năm qua", "… và 15 năm"
            if nm and not items and P.state_code_after.match(folded, nm.end()):
                return [], p, True  # "Nghị quyết số 25-NQ-HĐND": a state symbol, dashes only
            if not nm:
                if not items and have_head and folded[p:p + 1].isdigit():
                    return [], p, True  # a number in a state symbol: "số 30/2021/QH15"
                break
            items.append(_Item(nm.start(), nm.end(), nm.group("num"), sep=sep_text))
            p = nm.end()
        sep = P.list_sep.match(folded, p)
        if not sep:
            break
        nxt = sep.end()
        if not (P.symbol.match(folded, nxt) or P.number_item.match(folded, nxt)):
            break
        sep_text = folded[p:nxt].strip()
        p = nxt
    # Bare numbers after a comma count as list members only when a symbol follows them
    # ("217, 218-QĐ/TW"); "Nghị quyết 25, 30 năm qua" is one citation.
    while len(items) > 1 and items[-1].code is None and not (items[-1].sep or "").startswith(("va", "&")):
        items.pop()
    if items:
        p = items[-1].end
    # Bare numbers take the kind and issuer of the next symbol in the list.
    nxt_code = nxt_iss = None
    for it in reversed(items):
        if it.code:
            nxt_code, nxt_iss = it.code, it.issuer
        else:
            it.code, it.issuer = nxt_code, nxt_iss
    return items, p, False


def _compatible(name_kind: str | None, code_kind: str) -> bool:
    """Whether a type word and a symbol's kind code agree ("Quy định" fits QĐ and QĐi)."""
    if name_kind is None or name_kind == code_kind:
        return True
    if {name_kind, code_kind} == {"QĐ", "QĐi"}:
        return True
    return name_kind in get_vocabulary().kind(code_kind).cited_as


@lru_cache(maxsize=1)
def _tail_patterns():
    """What may introduce a date or a term, and the date or term itself, as one pattern each."""
    P = get_patterns()
    return (re.compile(rf"{_DATE_INTRO.pattern}(?P<date>{P.date.pattern})").match,
            re.compile(rf"{_TERM_INTRO.pattern}{P.term.pattern}").match)


@lru_cache(maxsize=1)
def _issued_before():
    """"Ngày 24/1/2019, Bộ Chính trị ban hành Nghị quyết số 43-NQ/TW": a date and body written
    before the head, joined to it by "ban hành"."""
    P = get_patterns()
    return re.compile(rf"(?<![\w/])ngay[ \n]++(?P<date>{P.date.pattern})[ \n]*+,?[ \n]*+"
                      rf"(?:{P.body.pattern}[ \n]++)?(?:(?:da|vua)[ \n]++)?(?:ky[ \n]++)?"
                      rf"(?:ban hanh|ra)[ \n]++$")


def _date_before(folded: str, head_start: int, hit: _Hit) -> None:
    # Only a head right after "ban hành " / "ra " can have its date before it; the look-back
    # search, which the engine tries at every position of the window, runs only then.
    if not folded.endswith(("ban hanh ", "ra "), 0, head_start):
        return
    m = _issued_before().search(folded, max(0, head_start - 160), head_start)
    if m is None:
        return
    if hit.date is None:
        hit.date, hit.date_text = _parse_date(m)
        _span(hit, "date", m.span("date"))
    if hit.body is None and m.group("body"):
        hit.body = _body_code(m.group("body"))
        _span(hit, "body", m.span("body"))


def _body_code(words: str) -> str:
    """The body code of a body name as matched (folded; line breaks may stand for spaces, and
    a dot for a space: "t.u")."""
    aliases = get_patterns().body_aliases
    return aliases.get(words) or aliases[_NON_WORDS.sub(" ", words)]


def _span(hit: _Hit, name: str, span: tuple[int, int]) -> None:
    """Where a field was read (cleaned-text offsets until :func:`find_in_clean` maps them)."""
    hit.extras.setdefault("spans", {})[name] = span


def _tail(folded: str, text: str, p: int, hit: _Hit) -> int:
    """Consume the date, body and term after a citation head, in any order."""
    P = get_patterns()
    date_match, term_match = _tail_patterns()
    done: set[str] = set()
    while True:
        progressed = False
        if "date" not in done:
            dm = date_match(folded, p)
            if dm:
                hit.date, hit.date_text = _parse_date(dm)
                _span(hit, "date", dm.span("date"))
                intro = folded[dm.start():dm.start("date")]
                p = dm.end()
                if folded[p:p + 1] == ")" and "(" in intro:
                    p += 1
                done.add("date")
                progressed = True
        if "body" not in done:
            m = _OF_INTRO.match(folded, p) or _PLENUM_INTRO.match(folded, p)
            if m:
                pm = P.plenum.match(folded, m.end())
                bm = P.body.match(folded, m.end())
                if pm and (pm.group("ord1") or pm.group("ord2") or pm.group("ord3") or pm.group("ord4")):
                    hit.body = "BCHTW"
                    hit.plenum = _ordinal(pm.group("ord1") or pm.group("ord2") or pm.group("ord3") or pm.group("ord4"))
                    p = pm.end()
                    done.add("body")
                    progressed = True
                elif bm:
                    hit.body = _body_code(bm.group("body"))
                    _span(hit, "body", bm.span("body"))
                    p = bm.end()
                    done.add("body")
                    progressed = True
        if "term" not in done:
            tm = term_match(folded, p)
            if tm:
                hit.term = _term_name(tm.group("term"))
                _span(hit, "term", tm.span("term"))
                if hit.term is None:
                    hit.extras["local_term"] = tm.group("term")
                p = tm.end()
                done.add("term")
                progressed = True
        if not progressed:
            return p


def _ordinal(s: str | None) -> int | None:
    if s is None:
        return None
    s = s.strip()
    if s.isdigit():
        return int(s)
    return get_patterns().ordinals.get(s)


def _title(folded: str, text: str, p: int, hit: _Hit) -> None:
    P = get_patterns()
    m = P.title_intro.match(folded, p)
    if not m:
        qm = _QUOTE_INTRO.match(folded, p)
        if not qm:
            return
        m = qm
    start = m.end()
    limit = min(len(folded), start + 300)
    stop = _TITLE_STOP.search(text, start, limit)
    end = stop.start() if stop else limit
    nxt = P.next_citation.search(folded, start, end)
    if nxt:
        if nxt.start() == start:
            return  # what follows is the next citation, not a title
        end = nxt.start()
    title = text[start:end].strip(" ,“”\"«»")
    if len(title) >= 8:
        hit.title = title
        hit.title_span = (start, end)


@lru_cache(maxsize=1)
def _head_tail() -> re.Pattern:
    return re.compile(rf"{_WS.pattern}(?:{_COLON.pattern})?(?P<p>)(?:{get_patterns().so.pattern})?")


def _scan(text: str, folded: str, word_starts: list[int] | None = None) -> list[_Hit]:
    P = get_patterns()
    hits: list[_Hit] = []
    pos = 0
    seen_kinds: set[str | None] = set()
    # (kind, number) of state documents cited ("Chỉ thị số 05/CT-TTg"): a later "Chỉ thị 05"
    # points back to that one, not to a Party document.
    state_numbers: set[tuple[str | None, int]] = set()
    starts = set(P.prefilter_words.starts(folded)[0] if word_starts is None else word_starts)
    for rx in P.prefilter_numbers:
        for m in rx.finditer(folded):
            i = m.start()
            while i > 0 and folded[i - 1] in " \n":
                i -= 1
            j = i
            while j > 0 and folded[j - 1].isdigit() and i - j < 5:
                j -= 1
            if j < i:
                starts.add(j)
    # The loop runs once per candidate, so the patterns are bound to locals.
    trigger, symbol, number_item = P.trigger.match, P.symbol.match, P.number_item.match
    plenum, congress, name_to_kind = P.plenum.match, P.congress.match, P.name_to_kind
    demonstrative = P.demonstrative.match
    head_tail = _head_tail().match
    for cand in sorted(starts):
        if cand < pos:
            continue
        m = trigger(folded, cand)
        if m is None:
            continue
        head_start = cand
        group = m.lastgroup  # which alternative matched: name, abbr or num
        prev = folded[head_start - 1] if head_start else " "
        if group == "num":
            # A symbol's number: not glued to other digits, a slash or a word ("số31" is fine).
            if prev.isdigit() or prev in "/.-" or (prev.isalpha() and folded[max(0, head_start - 2):head_start] != "so"):
                pos = m.end()
                continue
            sm = symbol(folded, head_start)
            if not sm:
                pos = m.end()
                continue  # a number before a dash that is no symbol ("25 - 25 – 25")
            kind = None
            new = _parse_after_head(text, folded, head_start, head_start, head_start, None, None,
                                    False, False, sm)
        else:
            if prev.isalnum() or prev == "_":
                pos = head_start + 1
                continue
            name = m.group(group)
            kind = name_to_kind[name]
            # Spaces, a colon ("các Nghị quyết: số 18-NQ/TW, số 19-NQ/TW") and "số", in one
            # match: ``p`` is where "số" would start, ``after_so`` where the number would.
            h = head_tail(folded, m.end())
            p, after_so = h.start("p"), h.end()
            # Most kind words in running text cite nothing ("Báo cáo kết quả…", "Quyết định
            # số 1217/QĐ-UBND"); deciding that here, with a regex call or two, keeps the full
            # parse for real citations.
            sm = _UNSET
            if folded[after_so:after_so + 1].isdigit():
                sm = symbol(folded, after_so)
                hopeless = not (sm or number_item(folded, after_so))
            else:  # only an anaphora, a plenum or a congress can start here
                hopeless = not (kind in seen_kinds and (text[head_start:head_start + 1].isupper()
                                                        or demonstrative(folded, p))) \
                    and not (kind == "NQ" and after_so == p
                             and (plenum(folded, p) or congress(folded, p)))
            if hopeless:
                if sm is not _UNSET:
                    sn = _STATE_NUMBER.match(folded, after_so)
                    if sn:
                        state_numbers.add((kind, int(sn.group(1))))
                pos = m.end()
                continue
            new = _parse_after_head(text, folded, head_start, p, after_so, kind, name,
                                    group == "abbr", kind in seen_kinds, sm)
        if new and new[0].form == "anaphora" and new[0].kind not in seen_kinds:
            new = []  # a bare kind word with nothing before it to point back to
        if new and state_numbers and new[0].form == "short" and len(new) == 1 \
                and (new[0].kind, int(new[0].number)) in state_numbers:
            new = []
        if new:
            seen_kinds.update(h.kind for h in new if h.form != "anaphora")
            hits.extend(new)
            pos = max(h.end for h in new)
            last = new[-1]
            if last.title_span:
                pos = max(pos, last.title_span[1])
        else:
            pos = m.end()
    _share_coordinated_tails(folded, hits)
    return hits




def _share_coordinated_tails(folded: str, hits: list[_Hit]) -> None:
    """"Nghị quyết số 18-NQ/TW và Nghị quyết số 19-NQ/TW, ngày 25/10/2017 … khóa XII": the date,
    body and term written once after the last of coordinated citations belong to each of them."""
    for i in range(len(hits) - 2, -1, -1):
        a, b = hits[i], hits[i + 1]
        if a.form not in ("full", "short") or a.date or a.body or a.term or a.title:
            continue
        if a.kind != b.kind or not (b.date or b.body or b.term):
            continue
        if not _COORD.match(folded[a.end:b.start]) or b.start - a.end > 12:
            continue
        a.date, a.date_text, a.body, a.term, a.plenum = b.date, b.date_text, b.body, b.term, b.plenum
        a.extras["shared_tail"] = True


def _parse_after_head(text: str, folded: str, head_start: int, p: int, after_so: int,
                      kind: str | None, name: str | None, is_abbr: bool,
                      may_refer_back: bool = True, symbol_at=_UNSET) -> list[_Hit]:
    P = get_patterns()
    kind_name = text[head_start:head_start + len(name)] if name else None
    if kind is not None and after_so == p:
        # Plenum and congress forms: "Nghị quyết Trung ương 7 khóa XI", "Nghị quyết Đại hội XIII".
        if kind == "NQ":
            pm = P.plenum.match(folded, p)
            if pm and (pm.group("ord1") or pm.group("ord2") or pm.group("ord3") or pm.group("ord4")) \
                    and not P.symbol.match(folded, p):
                hit = _Hit(head_start, pm.end(), "plenum", kind="NQ", kind_name=kind_name,
                           issuer="TW", body="BCHTW",
                           plenum=_ordinal(pm.group("ord1") or pm.group("ord2") or pm.group("ord3") or pm.group("ord4")))
                hit.end = _tail(folded, text, hit.end, hit)
                hit.body, hit.issuer = "BCHTW", "TW"
                _title(folded, text, hit.end, hit)
                hit.review_years = _review_years(folded, head_start)
                return [hit]
            cm = P.congress.match(folded, p)
            if cm:
                term = _term_name(cm.group("cterm"))
                if term and not _DANG_BO.match(folded, cm.end()):
                    end = cm.end()
                    tail = _OF_PARTY.match(folded, end)
                    if tail:
                        end = tail.end()
                    return [_Hit(head_start, end, "congress", kind="NQ", kind_name=kind_name,
                                 issuer="ĐH", body="ĐH", term=term,
                                 review_years=_review_years(folded, head_start))]
    items, end, state_doc = _items(folded, text, after_so, kind, symbol_at)
    if state_doc:
        return []
    if not items:
        if kind is not None and not is_abbr and may_refer_back and after_so == p:
            # "Kết luận này", "Nghị quyết nói trên": refers back wherever it stands.
            end = _demonstrative_end(text, folded, head_start, len(name or ""), p)
            if end is not None:
                return [_Hit(head_start, end, "anaphora", kind=kind, kind_name=kind_name)]
        if kind is not None and not is_abbr and may_refer_back \
                and _anaphora_ok(text, folded, head_start, p, kind):
            return [_Hit(head_start, head_start + len(name or ""), "anaphora", kind=kind,
                         kind_name=kind_name)]
        return []
    if kind is None and items[0].code is None:
        return []
    if all(it.code is None for it in items) and kind not in SHORT_FORM_KINDS:
        return []  # "Kế hoạch 100 ngày đêm": only some kinds are cited by bare number
    shared = _Hit(head_start, end, "full")
    end = _tail(folded, text, end, shared)
    title_from = end
    if shared.date is None:
        ym = _YEAR_AFTER.match(folded, end)
        if ym:  # not part of the span: it may be when something was done, not the issue year
            shared.extras["year"] = int(ym.group(1))
            title_from = ym.end()
    if shared.body is None and all(it.code is None for it in items) \
            and P.state_of.match(folded, title_from):
        return []  # "Quyết định số 15 (năm 2020) của UBND huyện": a state document
    if shared.date is None or shared.body is None:
        _date_before(folded, head_start, shared)
    _title(folded, text, title_from, shared)
    # Both look back from the head with a pattern anchored at its end, which the engine tries
    # at every position of the window; the words they need are checked first, in C.
    before = folded[max(0, head_start - 80):head_start]
    review_years = _review_years(folded, head_start)
    alias_def = "(" in before[-40:] and bool(
        _ALIAS_INTRO.search(folded, max(0, head_start - 40), head_start))
    hits: list[_Hit] = []
    multi = len(items) > 1
    for i, it in enumerate(items):
        start = head_start if i == 0 else it.start
        stop = end if i == len(items) - 1 else it.end
        code = it.code or kind
        if multi:
            form = "list"
        elif it.code is None or it.issuer is None:
            form = "short"
        else:
            form = "full"
        h = _Hit(start, stop, form, kind=code, kind_name=kind_name, number=it.number,
                 issuer=it.issuer, date=shared.date, date_text=shared.date_text,
                 body=shared.body, term=shared.term, plenum=shared.plenum,
                 title=shared.title, title_span=shared.title_span, order=it.order,
                 list_index=i if multi else None,
                 review_years=review_years, alias_def=alias_def)
        if it.code and kind and not _compatible(kind, it.code):
            h.extras["name_kind"] = kind
        if it.issuer_written:
            h.extras["issuer_written"] = it.issuer_written
        for key in ("local_term", "year"):
            if key in shared.extras:
                h.extras[key] = shared.extras[key]
        spans = dict(shared.extras.get("spans", ()))
        spans["symbol" if it.code and it.issuer else "number"] = (it.start, it.end)
        h.extras["spans"] = spans
        hits.append(h)
    return hits


@lru_cache(maxsize=1)
def _marker_words() -> frozenset[str]:
    return frozenset(m.word.lower() for m in get_vocabulary().anaphora_markers)


def _demonstrative_end(text: str, folded: str, head_start: int, name_len: int, p: int) -> int | None:
    """Where "này" / "nói trên" after a kind word ends, or None. Folded, "này" (this) is "nay"
    (now): when the kind word carries its diacritics, the marker must carry them too."""
    m = get_patterns().demonstrative.match(folded, p)
    if m is None:
        return None
    head = text[head_start:head_start + name_len]
    if not head.isascii() and " ".join(text[p:m.end()].split()).lower() not in _marker_words():
        return None
    return m.end()


def _review_years(folded: str, head_start: int) -> int | None:
    """N of "tổng kết N năm thực hiện" right before a citation: the text's author reviews it."""
    # "nam" ends the review phrase at most some 35 characters before the head; the look-back
    # search, which the engine tries at every position of the window, runs only then.
    if "nam" not in folded[max(0, head_start - 40):head_start]:
        return None
    m = _REVIEW.search(folded, max(0, head_start - 80), head_start)
    return int(m.group(1)) if m else None


_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n][ \n\"“”'(\-–•*]*)$")


def _anaphora_ok(text: str, folded: str, head_start: int, p: int, kind: str) -> bool:
    """A bare capitalised kind word inside a sentence, not part of an enumeration of kinds."""
    if kind not in SHORT_FORM_KINDS:
        return False
    if not text[head_start:head_start + 1].isupper():
        return False
    if _SENTENCE_START.search(text, max(0, head_start - 6), head_start):
        return False  # "Kết luận buổi kiểm tra, …" opens a sentence: a common noun
    if text[head_start:head_start + 3].isupper():  # an all-caps heading
        return False
    if _PLURAL_BEFORE.search(folded, max(0, head_start - 12), head_start):
        return False
    if _enum_after().match(folded, head_start + len(get_patterns().kind_name.match(folded, head_start).group(0))):
        return False
    return True


@lru_cache(maxsize=1)
def _enum_after() -> re.Pattern:
    names = trie_regex(get_patterns().name_to_kind)
    # A kind word named by its maker ("Nghị quyết Đại hội Đảng bộ tỉnh", "Nghị quyết Hội nghị
    # …" that no plenum pattern read) is another document, not the one cited before.
    return re.compile(rf"[ \n]*+(?:(?:,|;|\bva\b|\bhoac\b)[ \n]*+(?:{names})\b|\bcua\b|\bcac\b|\bcap\b"
                      rf"|\bso\b[ \n]*+$|(?:dai hoi|hoi nghi|dang bo|hdnd|hoi dong|quoc hoi|chinh phu)\b)")


# -- title-only citations -----------------------------------------------------------------------

# A title names a document on its own only when it is the name of an instrument ("Quy chế công
# tác dân vận của hệ thống chính trị", "Cuộc vận động …"); a topic ("giải quyết khiếu nại") is
# ordinary prose and would be a false citation.
_NAMED_INSTRUMENTS = ("quy che", "quy dinh", "dieu le", "chien luoc", "cuong linh", "chuong trinh",
                      "cuoc van dong", "nghi quyet dai hoi")


def _title_names(d) -> list[str]:
    """The names under which a catalog entry can be cited on its own, as written."""
    names = [a for a in d.aliases if not re.search(r"\d", a) and len(a.split()) >= 4]
    if d.title and fold_key(d.title).startswith("ban hanh ") and d.title.count(" ") >= 3:
        names.append(d.title.split(" ", 2)[2])  # "ban hành Quy chế …" names "Quy chế …"
    out = [n for n in names if fold_key(n).startswith(_NAMED_INSTRUMENTS) and len(fold_key(n)) >= 20]
    return out + [a for a in d.aliases if _is_nickname(a)]


def _is_nickname(alias: str) -> bool:
    """A kind word and a capitalised name ("Nghị quyết Tam nông"): what people call a document,
    distinctive even when short."""
    words = alias.split()
    if len(words) < 3 or re.search(r"\d", alias):
        return False
    head = fold_key(" ".join(words[:2]))
    return head in get_patterns().name_to_kind and words[2][:1].isupper() \
        and fold_key(words[2]) not in _NOT_NAMES


# Capitalised words after a kind word that are no nickname: plenum, congress and body names.
_NOT_NAMES = frozenset({"trung", "dai", "hoi", "ban", "bo", "tw", "ttw"})


def title_phrases(catalog) -> dict[str, list[str]]:
    """Folded phrases that name a catalog document on their own -> ids, from titles and aliases."""
    out: dict[str, list[str]] = {}
    for d in catalog:
        for name in _title_names(d):
            ids = out.setdefault(fold_key(name), [])
            if d.id not in ids:
                ids.append(d.id)
    return out


def _title_regex(phrases: tuple[str, ...]) -> re.Pattern | None:
    if not phrases:
        return None
    alts = []
    for ph in sorted(phrases, key=len, reverse=True):
        alts.append(ph.replace(" ", "\0"))
    body = trie_regex(alts).replace("\\\x00", "[^\\w]+").replace("\x00", "[^\\w]+")
    # No leading \b: a pattern that starts with plain letters lets the engine skip ahead by
    # first character; the word boundary before a hit is checked by the caller.
    return re.compile(rf"(?:{body})\b")


def _title_hits(folded: str, catalog, taken: list[tuple[int, int]],
                word_starts: list[int] | None = None) -> list[_Hit]:
    """Catalog titles named on their own. ``word_starts`` are where the first words of
    titles start (see :func:`_word_finder`; computed here when not given)."""
    phrases = _catalog_phrases(catalog)
    if not phrases:
        return []
    rx = catalog.derived("title_regex", lambda c: _title_regex(tuple(sorted(phrases))))
    if rx is None:
        return []
    if word_starts is None:
        word_starts = _word_finder(catalog).starts(folded)[1]
    out = []
    last_end = 0
    for p in word_starts:
        if p < last_end:
            continue
        m = rx.match(folded, p)
        if m is None:
            continue
        last_end = m.end()
        if m.start() and (folded[m.start() - 1].isalnum() or folded[m.start() - 1] == "_"):
            continue
        if any(s <= m.start() < e or s < m.end() <= e for s, e in taken):
            continue
        key = re.sub(r"[^\w]+", " ", m.group(0)).strip()
        ids = phrases.get(key)
        if not ids:
            continue
        if _DANG_BO.match(folded, m.end()):
            continue  # "Nghị quyết Đại hội XIII Đảng bộ tỉnh": a provincial congress
        h = _Hit(m.start(), m.end(), "title-only")
        h.extras["ids"] = ids
        h.review_years = _review_years(folded, m.start())
        out.append(h)
    return out


def _word_finder(catalog):
    """Two groups of words: those that can start a citation (kind words and abbreviations,
    for the scanner) and the first two words of every title the catalog can be cited by
    ("quy che", "chuong trinh"…, for the title matcher; a title whose first two words are
    split by a line break or punctuation is not seen)."""
    if catalog is None:
        return get_patterns().prefilter_words

    def build(c):
        heads = {" ".join(ph.split(" ", 2)[:2]) for ph in _catalog_phrases(c)}
        return WordFinder(get_patterns().prefilter_words.words, heads)

    return catalog.derived("word_finder", build)


def _catalog_phrases(catalog) -> dict[str, list[str]]:
    return catalog.derived("title_phrases", title_phrases)


# -- public entry point -------------------------------------------------------------------------

def find_in_clean(ct: CleanText, *, catalog=None) -> list[Citation]:
    """Find citations in already-cleaned text; spans are mapped to ``ct.original``."""
    # No separate "can this text cite anything" pass: folding (a table lookup) and the word
    # automaton read a citation-free text at some 60 MB/s together, faster than any regex
    # over the raw text that knows every written form of every kind word.
    folded = ct.folded
    groups = _word_finder(catalog).starts(folded)
    word_starts, title_starts = groups[0], groups[1] if len(groups) > 1 else []
    hits = _scan(ct.text, folded, word_starts)
    if catalog is not None and title_starts:
        taken = [(h.start, h.end) for h in hits if h.form != "anaphora"] + \
            [h.title_span for h in hits if h.title_span]
        titled = _title_hits(folded, catalog, taken, title_starts)
        if titled:
            # A bare "Quy chế" that opens a catalog title is that title, not an anaphora.
            hits = [h for h in hits if h.form != "anaphora"
                    or not any(t.start <= h.start < t.end for t in titled)]
            hits += titled
        hits.sort(key=lambda h: (h.start, h.end))
    out: list[Citation] = []
    identity = ct.identity
    for h in hits:
        start, end = (h.start, h.end) if identity else ct.to_original(h.start, h.end)
        h.extras["alias_def"] = h.alias_def
        spans = h.extras.get("spans")
        if spans and not identity:
            spans = h.extras["spans"] = {k: ct.to_original(*v) for k, v in spans.items()}
        if spans and "date" in spans:
            # As the caller wrote it ("7 tháng 1 năm 2019"): date_text is read from the fold.
            h.extras["date_written"] = ct.original[spans["date"][0]:spans["date"][1]]
        out.append(Citation(
            start=start, end=end, text=ct.original[start:end], form=h.form, kind=h.kind,
            kind_name=h.kind_name, number=h.number, issuer_code=h.issuer, date=h.date,
            date_text=h.date_text, body=h.body, term=h.term, plenum=h.plenum, title=h.title,
            symbol_order=h.order, list_index=h.list_index, review_years=h.review_years,
            _extras=h.extras,
        ))
    return out


def find(text: str, *, html: bool | None = False, catalog=None) -> list[Citation]:
    """Every citation in ``text``, in order, with offsets into ``text``.

    Pass ``catalog`` to also find documents named by their title alone.
    """
    return find_in_clean(clean(text, html=html), catalog=catalog)


def extras(c: Citation) -> dict:
    """Parser details that are not part of the public model (kind word, alias definitions)."""
    return c._extras
