"""Regular expressions built from the vocabulary (``data/vocabulary.yaml``), never hand-copied.

Every pattern runs on *folded* text (lower case, no diacritics, same length as the input; see
:func:`directives.text.fold`), so "Nghị quyết", "NGHỊ QUYẾT" and "Nghi quyet" match alike.
Alternations of many literals are compiled as tries, which keeps the regex engine from trying
every word at every position.

>>> P = get_patterns()
>>> P.symbol.search("theo nghi quyet so 25 - nq/tw ngay").group("num", "code", "iss")
('25', 'nq', 'tw')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable
from functools import lru_cache

from directives.text import fold, roman_to_int
from directives.vocabulary import get_vocabulary


def trie_regex(words: Iterable[str]) -> str:
    """A regex source matching any of ``words`` (longest first), as a compact trie; the order
    of ``words`` does not matter.

    >>> trie_regex(["nq", "nghi", "kl"])
    '(?:kl|n(?:ghi|q))'
    """
    trie: dict = {}
    for w in words:
        if not w:
            continue
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            # Longest first: try the longer continuations, then stop here.
            return "(?:" + body + ")?"
        return body

    return build(trie)


class WordFinder:
    """Where words of a fixed set start in folded text, overlapping hits included; the
    words come in groups and each group gets its own list of starts.

    >>> WordFinder(["nghi quyet", "quyet dinh"], ["nghi"]).starts("theo nghi quyet dinh so")
    ([5, 10], [5])

    The words that head citations begin with the commonest letters of Vietnamese (c, d, k, n,
    q, t), so a regex alternation stops at every third character; an Aho–Corasick automaton
    (ahocorasick-rs, a Rust library) reads the text once, about four times faster. Without it
    the same words go through a regex trie.
    """

    def __init__(self, *groups):
        self.groups = [sorted({w for w in g if w}, key=len, reverse=True) for g in groups]
        words = sorted({w for g in self.groups for w in g}, key=len, reverse=True)
        # For each word, the groups it belongs to (a word may be in several).
        self._member = [tuple(i for i, g in enumerate(self.groups) if w in g) for w in words]
        self._ac = self._rx = None
        try:
            import ahocorasick_rs
        except ImportError:  # pragma: no cover - the dependency is declared; this is a fallback
            self._rx = [re.compile(f"(?=(?:{trie_regex(g)}))") for g in self.groups]
        else:
            if words:
                self._ac = ahocorasick_rs.AhoCorasick(words)

    @property
    def words(self) -> list[str]:
        return self.groups[0]

    def starts(self, folded: str) -> tuple[list[int], ...]:
        if self._rx is not None:
            return tuple([m.start() for m in rx.finditer(folded)] for rx in self._rx)
        found = self._ac.find_matches_as_indexes(folded, overlapping=True) if self._ac else None
        if not found:
            return tuple([] for _ in self.groups)
        if len(self.groups) == 1:
            return (sorted({s for _, s, _ in found}),)
        out: list[set[int]] = [set() for _ in self.groups]
        member = self._member
        for idx, start, _ in found:
            for g in member[idx]:
                out[g].add(start)
        return tuple(sorted(x) for x in out)


# Kinds people cite by a bare number ("Nghị quyết 25", "Kết luận 43") or refer back to with a
# bare kind word; for other kinds a bare number is usually something else ("Kế hoạch 100 ngày
# đêm").
SHORT_FORM_KINDS = ("NQ", "CT", "KL", "QĐ", "QĐi")

# Vietnamese ordinals used in plenum names ("Hội nghị lần thứ bảy").
ORDINALS = {
    "nhat": 1, "mot": 1, "hai": 2, "ba": 3, "tu": 4, "bon": 4, "nam": 5, "sau": 6, "bay": 7,
    "tam": 8, "chin": 9, "muoi": 10, "muoi mot": 11, "muoi hai": 12, "muoi ba": 13,
    "muoi bon": 14, "muoi tu": 14, "muoi lam": 15, "muoi sau": 16, "muoi bay": 17,
    "muoi tam": 18, "muoi chin": 19, "hai muoi": 20,
}

_SP = r"[ \n]++"
_OSP = r"[ \n]*+"
ROMAN = r"(?:(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3}))"


@dataclass
class Patterns:
    kind_name: re.Pattern       # a kind word or abbreviation at a citation head
    symbol: re.Pattern          # 25-nq/tw, 217/qd-tw (state order, party issuer), 646/qd/qutw
    trigger: re.Pattern         # where to look at all: a kind word or a symbol
    next_citation: re.Pattern
    prefilter_words: WordFinder
    prefilter_numbers: tuple[re.Pattern, ...]
    number_item: re.Pattern     # a bare number in a list or a short form
    unit_after: re.Pattern      # "… và 15 năm": a count, not a list member
    state_code_after: re.Pattern  # "25-NQ-HĐND": a kind code then a state issuer
    list_sep: re.Pattern
    date: re.Pattern
    body: re.Pattern
    term: re.Pattern
    plenum: re.Pattern
    congress: re.Pattern
    title_intro: re.Pattern
    so: re.Pattern
    demonstrative: re.Pattern   # "này", "nói trên" after a kind word: it points back
    state_of: re.Pattern        # "của UBND huyện": what comes before is a state document
    name_to_kind: dict[str, str]        # folded name -> kind code ("quy dinh" -> QĐi)
    code_to_kind: dict[str, str]        # folded code -> kind code ("qd" -> QĐ)
    issuer_codes: dict[str, str]        # folded issuer -> code ("tw" -> TW)
    issuer_spellings: dict[str, str]    # issuer as written, upper case -> code ("TƯ" -> TW)
    body_aliases: dict[str, str]        # folded alias -> body code
    ordinals: dict[str, int]


@lru_cache(maxsize=1)
def get_patterns() -> Patterns:
    vocab = get_vocabulary()
    name_to_kind: dict[str, str] = {}
    for k in vocab.kinds:
        if not k.code:
            continue
        for n in k.names:
            name_to_kind.setdefault(fold(n), k.code)
    # Short abbreviations that head a citation ("NQ 25", "KL43", "QĐ 217").
    abbrevs = {fold(a): k.code for k in vocab.kinds if k.code for a in k.abbrev
               if k.code in ("NQ", "KL", "CT", "QĐ", "QĐi")}
    code_to_kind: dict[str, str] = {}
    for k in vocab.kinds:
        if k.code:
            for c in (k.code, *k.codes_seen):
                code_to_kind.setdefault(fold(c), k.code)
    issuer_codes = {fold(i.code): i.code for i in vocab.issuers}
    issuer_spellings = {sp.upper(): i.code for i in vocab.issuers for sp in i.spellings}
    # Spellings with a dot ("T.Ư") are not plain letters: the symbol pattern lists them.
    dotted_iss = trie_regex({fold(sp) for sp in issuer_spellings if not fold(sp).isalpha()})
    dotted_alt = f"|{dotted_iss}" if dotted_iss else ""
    body_aliases = {a: b.code for a, b in vocab.body_aliases()}

    names_re = trie_regex(name_to_kind)
    abbr_re = trie_regex(abbrevs)
    codes_re = trie_regex(code_to_kind)
    party_iss_re = trie_regex(issuer_codes)

    # A symbol in Party order (25-NQ/TW, or with the dash left out: 05 CT/TW, 217QĐ/TW, or a
    # dash for the slash before a Party issuer: 43-KL-TW), in state order
    # with a Party issuer (217/QĐ-TW), or with two slashes (646/QĐ/QUTW). A number glued to a
    # year or another number is a state one.
    num = r"(?<![\d/.\-])(?:(?<=so)|(?<![a-z]))(?P<num>\d{1,5})"
    symbol = (
        rf"{num}(?:(?:{_OSP}(?P<dash>-){_OSP}|[ ]*+)(?P<code>{codes_re})"
        rf"{_OSP}(?:/|(?P<dash2>-)(?={_OSP}(?:{party_iss_re})\b)){_OSP}(?P<iss>[a-z]{{2,14}}{dotted_alt})"
        rf"|{_OSP}/{_OSP}(?P<code2>{codes_re})(?:{_OSP}-{_OSP}(?P<iss2>{party_iss_re})"
        rf"|{_OSP}/{_OSP}(?P<iss3>{party_iss_re})))(?![\w-])"
    )
    # An abbreviation heads a citation only before a number or a plenum ("NQ 25", "NQ TW4",
    # "NQ Trung ương 7"): "NQ" alone is prose ("NQ đạt 95%").
    abbr_next = r"(?=[ ]?(?:so[ ]?)?\d|[ ]?tw\b|[ ]?tw\d|[ ]?t\.u|[ ]trung uong\b)"
    kind_name = (
        rf"\b(?:(?P<name>{names_re})\b|(?P<abbr>{abbr_re}){abbr_next})"
    )
    # The scanner's first pass. Every branch starts with a plain character or digit and no
    # look-behind, so the regex engine can skip ahead by first character (several times faster
    # than the full patterns); word boundaries are checked on each hit in Python.
    # Kinds cited by a bare kind word or a plenum name may stand alone; the others ("Báo cáo",
    # "Kế hoạch"…) cite something only when a number follows, which the engine checks here
    # instead of the scanner doing it in Python for every "báo cáo" of running text.
    short_names = trie_regex([n for n, k in name_to_kind.items() if k in SHORT_FORM_KINDS])
    numbered_names = trie_regex([n for n, k in name_to_kind.items() if k not in SHORT_FORM_KINDS])
    number_next = rf"(?={_OSP}(?::{_OSP})?(?:so{_OSP})?\d)"
    trigger = (rf"(?P<name>{short_names})(?!\w)"
               + (rf"|(?P<name2>{numbered_names})(?!\w){number_next}" if numbered_names else "")
               + rf"|(?P<abbr>{abbr_re}){abbr_next}"
               rf"|(?P<num>\d{{1,5}})(?={_OSP}[-/]{_OSP}(?:{codes_re}))")
    # Two cheap passes find where the trigger can match: words that head a citation, and
    # numbers followed by a dash or slash.
    prefilter_words = set(name_to_kind) | set(abbrevs)
    # Symbols are found by their rarer middle ("-NQ/", "/QĐ-"); the scanner steps back to the
    # number. Two patterns, each starting with one literal character, because Python's engine
    # then runs a fast character search between tries (seven times faster than one pattern
    # starting with the class [-/]).
    prefilter_numbers = (rf"-{_OSP}(?:{codes_re}){_OSP}/",        # 25-NQ/TW
                         rf"/{_OSP}(?:{codes_re}){_OSP}[-/]")     # 217/QĐ-TW, 646/QĐ/QUTW
    # Where a title stops: the next thing that is surely a citation.
    next_citation = (rf"\b(?:{names_re}|{abbr_re})[ \n]*+(?:so[ \n]*+)?\d|{symbol}"
                     rf"|\bnghi quyet[ \n]++(?:hoi nghi[ \n]++)?(?:trung uong|tw|dai hoi)\b")
    # Words that make a number a count ("2 năm qua", "1 tỷ đồng"); "ngày 5/8/2008" and "năm
    # 2014" after a number are its date, not a count.
    units = (r"nam(?![ \n]++\d{4})|thang|ngay(?![ \n]++\d)|nguoi|dong|ty|trieu|nghin|ha|km|lan"
             r"|cuoc|hoi nghi|mo hinh|dem|tuoi|ho|xa")
    number_item = r"(?P<num>\d{1,5})(?![\d/.,]\d|[ ]?%|[ ]?/|[ ]?-[ ]?\d|\w)"
    unit_after = rf"[ \n]++(?:{units})\b"
    list_sep = rf"{_OSP}(?:,|;|\bva\b|&){_OSP}(?:so{_OSP})?"
    date = (
        rf"(?:(?P<d>\d{{1,2}}){_OSP}(?P<sep>[/.\-]){_OSP}(?P<m>\d{{1,2}}){_OSP}(?P=sep){_OSP}(?P<y>\d{{4}})"
        rf"|(?P<d2>\d{{1,2}}){_SP}thang{_SP}(?P<m2>\d{{1,2}}){_SP}nam{_SP}(?P<y2>\d{{4}}))(?!\d)"
    )
    # Alias keys drop punctuation ("T.Ư" is "t u"): a dot may stand where a key has a space.
    body_src = trie_regex(body_aliases).replace("\\ ", "(?:[ \\n]+|\\.)")
    body = rf"(?P<body>{body_src})(?!\w)"
    term = rf"\(?{_OSP}khoa{_OSP}(?P<term>{ROMAN}|\d{{1,2}})(?![\w])(?:{_OSP}\))?"
    ords = trie_regex(ORDINALS)
    tw = r"(?:ban chap hanh trung uong(?: dang)?|bch ?trung uong(?: dang)?|bch ?tw|trung uong(?: dang)?|t\.u|tw)"
    plenum = (
        rf"(?:hoi nghi{_SP})?(?:(?:lan thu|thu){_SP}(?P<ord1>{ords}|\d{{1,2}}){_SP})?{tw}"
        rf"(?:{_OSP}(?:(?:lan thu|thu){_SP}(?P<ord2>{ords}|\d{{1,2}})|(?P<ord3>\d{{1,2}})"
        rf"|(?P<ord4>{ords})(?=[ ,(]+khoa\b))(?![\w]))?"
    )
    congress = (
        rf"dai hoi(?:{_SP}dai bieu)?(?:{_SP}dang)?(?:{_SP}toan quoc)?(?:{_SP}lan thu)?{_SP}"
        rf"(?P<cterm>{ROMAN})(?![\w])"
    )
    plain = [fold(m.word).replace(" ", "[ \\n]++") for m in vocab.anaphora_markers
             if not m.before_punctuation]
    punct = [fold(m.word).replace(" ", "[ \\n]++") for m in vocab.anaphora_markers
             if m.before_punctuation]
    demonstrative = "|".join(
        ([rf"(?:{'|'.join(plain)})(?!\w)"] if plain else [])
        + ([rf"(?:{'|'.join(punct)})(?=[ \n]*+(?:[,.;:!?)]|$))"] if punct else [])) or "(?!)"
    return Patterns(
        kind_name=re.compile(kind_name),
        symbol=re.compile(symbol),
        trigger=re.compile(trigger),
        next_citation=re.compile(next_citation),
        prefilter_words=WordFinder(prefilter_words),
        prefilter_numbers=tuple(re.compile(x) for x in prefilter_numbers),
        number_item=re.compile(number_item),
        unit_after=re.compile(unit_after),
        state_code_after=re.compile(rf"{_OSP}-{_OSP}(?:{codes_re}){_OSP}-"),
        list_sep=re.compile(list_sep),
        date=re.compile(date),
        body=re.compile(body),
        term=re.compile(term),
        plenum=re.compile(plenum),
        congress=re.compile(congress),
        # "về …", "về việc …", "V/v …", and "ban hành Quy chế …" (a decision that promulgates
        # a rule names it right after the verb; the verb stays in the title).
        title_intro=re.compile(rf"{_OSP},?{_OSP}[\"“”«]?{_OSP}(?:(?:ve(?:{_SP}viec)?|v/v){_SP}|(?=ban{_SP}hanh{_SP}))[\"“”«]?"),
        so=re.compile(rf"so{_OSP}:?{_OSP}(?=\d)|so{_SP}"),
        demonstrative=re.compile(demonstrative),
        state_of=re.compile(rf"{_OSP},?{_OSP}(?:cua|do){_SP}"
                            rf"(?:{trie_regex(fold(b) for b in vocab.state_bodies) or '(?!)'})\b"),
        name_to_kind={**name_to_kind, **abbrevs},
        code_to_kind=code_to_kind,
        issuer_codes=issuer_codes,
        issuer_spellings=issuer_spellings,
        body_aliases=body_aliases,
        ordinals=ORDINALS,
    )


def parse_roman_or_int(s: str) -> int | None:
    s = s.strip()
    if s.isdigit():
        return int(s)
    try:
        return roman_to_int(s)
    except ValueError:
        return None
