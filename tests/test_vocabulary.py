"""Every entry of the vocabulary (data/vocabulary.yaml) is read the way it is written there.

Like reporters-db's examples, the cases are made from the data: a kind, an issuer spelling, a
body alias, a cue or a marker added to the vocabulary is tested here with no new test line.
A case that fails names the vocabulary entry it came from.
"""

from __future__ import annotations

import unicodedata

import pytest

from citations import analyze, find
from directives.text import fold
from directives.vocabulary import get_vocabulary

V = get_vocabulary()


def _kind_cases():
    for k in V.kinds:
        if not k.code:
            continue
        for name in k.names:
            yield pytest.param(f"Ban hành {name} số 12-{k.code}/TW ngày 3/4/2019.", k.code,
                               id=f"{k.code}:{name}")
        for spelling in k.codes_seen:
            word = k.names[0] if k.names else V.kind(k.cited_as[0]).names[0]
            yield pytest.param(f"Ban hành {word} số 12-{spelling}/TW ngày 3/4/2019.", k.code,
                               id=f"{k.code}:seen {spelling}")


@pytest.mark.parametrize("text, code", list(_kind_cases()))
def test_every_kind_word_and_spelling_heads_a_citation(text, code):
    cits = find(text)
    assert [c.kind for c in cits] == [code], [(c.text, c.kind) for c in cits]
    assert cits[0].number == "12"


def _issuer_cases():
    for i in V.issuers:
        yield pytest.param(f"Thực hiện Kế hoạch số 12-KH/{i.code} ngày 3/4/2019.", i.code,
                           id=f"{i.code}")
        for spelling in i.spellings:
            yield pytest.param(f"Thực hiện Kế hoạch số 12-KH/{spelling} ngày 3/4/2019.", i.code,
                               id=f"{i.code}:{spelling}")


@pytest.mark.parametrize("text, code", list(_issuer_cases()))
def test_every_issuer_code_and_spelling_is_read(text, code):
    cits = find(text)
    assert [c.issuer_code for c in cits] == [code], [(c.text, c.issuer_code) for c in cits]


def _body_cases():
    for b in V.bodies:
        issuer = "TU" if b.local else ("ĐH" if b.code == "ĐH" else "TW")
        kind = "NQ" if b.code == "ĐH" else "KH"
        for alias in dict.fromkeys((b.name, *b.aliases)):
            text = f"Thực hiện {V.kind(kind).name} số 12-{kind}/{issuer} ngày 3/4/2019 của {alias} về công tác."
            yield pytest.param(text, alias, b.code, id=f"{b.code}:{alias}")


@pytest.mark.parametrize("text, alias, code", list(_body_cases()))
def test_every_body_alias_names_its_body(text, alias, code):
    cits = find(text)
    assert len(cits) == 1, [(c.text, c.body) for c in cits]
    c = cits[0]
    assert c.body == code
    # The span runs through the whole alias, not a shorter one inside it.
    assert c.text.endswith(alias), c.text


def _body_without_diacritics_cases():
    for b in V.bodies:
        issuer = "TU" if b.local else "TW"
        if b.code == "ĐH":
            continue
        yield pytest.param(fold(f"Thuc hien Ke hoach so 12-KH/{issuer} ngay 3/4/2019 cua {b.name} ve cong tac."),
                           b.code, id=b.code)


@pytest.mark.parametrize("text, code", list(_body_without_diacritics_cases()))
def test_every_body_name_is_read_without_diacritics(text, code):
    cits = find(text)
    assert [c.body for c in cits] == [code], [(c.text, c.body) for c in cits]


def _term_cases():
    for t in V.terms:
        yield pytest.param(f"Quán triệt Nghị quyết Trung ương 4 khóa {t.term} về xây dựng Đảng.",
                           t.term, id=t.term)


@pytest.mark.parametrize("text, term", list(_term_cases()))
def test_every_term_is_read_in_a_plenum_citation(text, term):
    cits = find(text)
    assert [(c.form, c.plenum, c.term) for c in cits] == [("plenum", 4, term)]


def _cue_cases():
    for cue in V.relation_cues:
        text = (f"Ban Bí thư ban hành Kết luận số 80-KL/TW ngày 20/12/2013 {cue.cue} "
                f"Chỉ thị số 40-CT/TW ngày 15/4/2010 của Ban Bí thư khóa X.")
        yield pytest.param(text, cue.type, cue.reverse, id=f"{cue.type}:{cue.cue}")
        # Decomposed text (NFD) is read in its cleaned form, whose offsets differ.
        yield pytest.param(unicodedata.normalize("NFD", text), cue.type, cue.reverse,
                           id=f"{cue.type}:{cue.cue}:NFD")


@pytest.mark.parametrize("text, type_, reverse", list(_cue_cases()))
def test_every_relation_cue_relates_the_two_citations(text, type_, reverse):
    a = analyze(text)
    assert len(a.citations) == 2, [c.text for c in a.citations]
    rels = [(r.type, r.source, r.target) for r in a.relations]
    want = (type_, 1, 0) if reverse else (type_, 0, 1)
    assert rels == [want]
    r = a.relations[0]
    # The cue as the caller wrote it, at the caller's offsets.
    assert text[r.cue_start:r.cue_end] == r.cue
    assert fold(unicodedata.normalize("NFC", r.cue)) in {fold(c.cue) for c in V.relation_cues}


def _anaphora_cases():
    for m in V.anaphora_markers:
        after = "." if m.before_punctuation else " đã đi vào cuộc sống."
        text = (f"Bộ Chính trị ban hành Chỉ thị số 05-CT/TW ngày 15/5/2016. "
                f"Chỉ thị {m.word}{after}")
        yield pytest.param(text, id=m.word)


@pytest.mark.parametrize("text", list(_anaphora_cases()))
def test_every_anaphora_marker_points_back(text):
    cits = analyze(text).citations
    assert [c.form for c in cits] == ["full", "anaphora"], [(c.text, c.form) for c in cits]
    assert cits[1].antecedent == 0
    assert cits[1].resolved is not None and cits[1].resolved.id == "05-CT/TW@XII"


@pytest.mark.parametrize("state_body", V.state_bodies)
def test_a_bare_number_of_a_state_body_is_not_reported(state_body):
    assert find(f"Theo Quyết định số 15 của {state_body} tỉnh, kinh phí được cấp đủ.") == []


@pytest.mark.parametrize("kind", V.catalogued_kinds)
def test_every_catalogued_kind_is_a_kind(kind):
    assert V.kind(kind) is not None and V.kind(kind).code == kind


@pytest.mark.parametrize("loc", V.localities, ids=lambda loc: loc.slug)
def test_every_province_name_gives_its_slug(loc):
    from citations.published import infer_locality

    for name in loc.names:
        text = f"Sáng nay, Ban Thường vụ Tỉnh ủy tỉnh {name} họp. Tỉnh {name} đề ra mục tiêu mới."
        assert infer_locality(text, fold(text)) == loc.slug, name
