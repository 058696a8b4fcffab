"""Resolution and checking: text -> (resolved id, issue codes) for each citation."""

from __future__ import annotations

import datetime as dt

import pytest

from citations import analyze, extract

D = dt.date

RESOLVE = [
    # (text, published, [(resolved id or None, [issue codes])])
    # A plenum's resolution however its name is spelt, when the catalog knows it by that name.
    ("Quán triệt Nghị quyết Hội nghị Trung ương 4 khóa XII.", None, [("04-NQ/TW@XII", [])]),
    ("Quán triệt NQ TW4 khóa XII.", None, [("04-NQ/TW@XII", [])]),
    ("Quán triệt NQ Trung ương 4 khóa XII.", None, [("04-NQ/TW@XII", [])]),
    ("Quán triệt Nghị quyết T.Ư 4 (khóa XII).", None, [("04-NQ/TW@XII", [])]),
    ("Nghị quyết số 25-NQ/TW ngày 3/6/2013 của Ban Chấp hành Trung ương Đảng khóa XI", None,
     [("25-NQ/TW@XI", [])]),
    ("Nghị quyết số 25-NQ/TW ngày 25/7/2008 về công tác thanh niên", None, [("25-NQ/TW@X", [])]),
    ("Nghị quyết số 25-NQ/TW ngày 12/3/2003 của BCH Trung ương về công tác tôn giáo", None,
     [("25-NQ/TW@IX", [])]),
    ("Nghị quyết số 25-NQ/TW ngày 13/6/2013 của Hội nghị Trung ương 7 (khóa XI)", None,
     [("25-NQ/TW@XI", ["date-mismatch"])]),
    ("Kết luận số 43-KL/TW ngày 07/01/2019 của Ban Chấp hành Trung ương", None,
     [("43-KL/TW@XII", ["body-mismatch"])]),
    ("Kết luận số 43-KL/TW ngày 7/1/2019 của Ban Bí thư", None, [("43-KL/TW@XII", [])]),
    ("Kết luận số 65-KL/TW ngày 30/10/2019 của Bộ Chính trị", None, [("65-KL/TW@XII", [])]),
    ("Kết luận 65-KL/TW ngày 30/10/2019 của Ban Bí thư", None, [("65-KL/TW@XII", ["body-mismatch"])]),
    ("Nghị quyết số 25-NQ/TW ngày 3/6/2013 khóa X", None, [("25-NQ/TW@XI", ["term-mismatch"])]),
    ("Quyết định 217/QĐ-TW ngày 12/12/2013 của Bộ Chính trị", None,
     [("217-QĐ/TW@XI", ["symbol-format"])]),
    ("Nghị quyết số 999-NQ/TW ngày 1/1/2020", None, [(None, ["unknown-document"])]),
    # A namesake from another term is another document: this one is not in the catalog.
    ("Nghị quyết số 25-NQ/TW ngày 5/5/2017 của Bộ Chính trị", None, [(None, ["unknown-document"])]),
    ("Nghị quyết số 25-NQ/TW ngày 30/6/2013 của Ban Chấp hành Trung ương", None,
     [("25-NQ/TW@XI", ["date-mismatch"])]),
    ("Quyết định số 290-QĐ/TW ngày 25/02/2010 của Bộ Chính trị", None,
     [("290-QĐ/TW@X", ["superseded"])]),
    ("Quyết định số 290-QĐ/TW nay là Quyết định số 23-QĐ/TW ngày 30/7/2021", None,
     [("290-QĐ/TW@X", []), ("23-QĐ/TW@XIII", [])]),
    ("Quyết định 217, 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị", None,
     [("217-QĐ/TW@XI", []), ("218-QĐ/TW@XI", [])]),
    ("Chỉ thị 18-CT/TW ngày 10/01/2018 của Bộ Chính trị", None, [("18-CT/TW@XII", [])]),
    ("Chỉ thị số 19-CT/TW ngày 10/01/2018 của Ban Bí thư", None, [("19-CT/TW@XII", [])]),
    ("Chỉ thị số 23-CT/TW ngày 05/01/2013 của Ban Bí thư", None, [("23-CT/TW@XI", [])]),
    ("kết luận số 55-KL/TW ngày 18/01/2013 của Ban Bí thư", None, [("55-KL/TW@XI", [])]),
    ("Nghị quyết số 11-NQ/TW của Bộ Chính trị khóa X về công tác phụ nữ", None, [("11-NQ/TW@X", [])]),
    ("Nghị quyết số 20-NQ/TW ngày 28/01/2008 của BCHTW khóa X", None, [("20-NQ/TW@X", [])]),
    ("Chương trình hành động số 17-TTr/TU", None, [(None, ["symbol-format"])]),
    ("Nghị quyết số 24-NQ/TW ngày 12/3/2003 của BCH Trung ương Đảng", None, [("24-NQ/TW@IX", [])]),
    # Publication date: a text cannot cite what came after it; "N năm" points N years back.
    ("Nghị quyết số 25-NQ/TW về công tác tôn giáo", D(2005, 1, 1), [("25-NQ/TW@IX", [])]),
    ("Tổng kết 15 năm thực hiện Nghị quyết số 25-NQ/TW", D(2023, 6, 1), [("25-NQ/TW@X", [])]),
    ("Tổng kết 20 năm thực hiện Nghị quyết số 24-NQ/TW", D(2023, 6, 1), [("24-NQ/TW@IX", [])]),
    ("Tổng kết 10 năm thực hiện Nghị quyết số 25-NQ/TW", D(2023, 6, 1), [("25-NQ/TW@XI", [])]),
    # Title words decide between reused numbers.
    ("Nghị quyết số 25-NQ/TW về công tác thanh niên thời kỳ đẩy mạnh công nghiệp hóa", None,
     [("25-NQ/TW@X", [])]),
    ("Nghị quyết số 25-NQ/TW về công tác tôn giáo", None, [("25-NQ/TW@IX", [])]),
    ("Chỉ thị số 05-CT/TW về “Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh”",
     None, [("05-CT/TW@XII", [])]),
    # Local documents.
    ("Chỉ thị số 21-CT/TU ngày 27/5/2022 của Ban Thường vụ Tỉnh ủy", None,
     [("21-CT/TU@tra-vinh:2020-2025", [])]),
    ("Kế hoạch số 67-KH/TU, ngày 10/6/2022 của Ban Thường vụ Thành ủy về triển khai, thực hiện "
     "Chỉ thị số 21-CT/TU, ngày 27/5/2022 của Ban Thường vụ Tỉnh ủy", None,
     [("67-KH/TU@thanh-pho-tra-vinh:2020-2025", []), ("21-CT/TU@tra-vinh:2020-2025", [])]),
    # Every province numbers its own documents: another date, another province's document.
    ("Chỉ thị số 21-CT/TU ngày 6/7/2021 của Ban Thường vụ Tỉnh ủy", None, [(None, [])]),
    ("Chỉ thị số 21-CT/TU của Ban Thường vụ Tỉnh ủy", None, [(None, [])]),
    ("Tỉnh ủy Trà Vinh: Chỉ thị số 21-CT/TU của Ban Thường vụ Tỉnh ủy", None,
     [("21-CT/TU@tra-vinh:2020-2025", [])]),
    # Congress and title-only.
    ("quán triệt Nghị quyết Đại hội XIII của Đảng", None, [("NQ/ĐH@XIII", [])]),
    ("thực hiện Quy chế công tác dân vận của hệ thống chính trị", D(2022, 12, 29),
     [("23-QĐ/TW@XIII", [])]),
    # A nickname ("Nghị quyết Tam nông") names its document on its own, in any case.
    ("Mười lăm năm thực hiện Nghị quyết Tam nông, nông thôn đã đổi mới.", D(2023, 8, 1),
     [("26-NQ/TW@X", [])]),
    ("bàn về nghị quyết tam nông ở cơ sở", D(2023, 8, 1), [("26-NQ/TW@X", [])]),
    ("thực hiện Quy chế công tác dân vận của hệ thống chính trị", D(2015, 1, 1),
     [("290-QĐ/TW@X", [])]),
    # A bare number shared by documents of two terms: the sentence's words pick the one whose
    # title they echo; with no such words the latest term is taken.
    ("Chi bộ tổ chức học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh theo "
     "Chỉ thị số 05-CT/TW.", D(2024, 5, 1), [("05-CT/TW@XII", [])]),
    ("Huyện ủy đẩy mạnh công tác giảm nghèo bền vững theo Chỉ thị số 05-CT/TW.", D(2024, 5, 1),
     [("05-CT/TW@XIII", [])]),
    ("Hội nghị triển khai Chỉ thị số 05-CT/TW.", D(2024, 5, 1), [("05-CT/TW@XIII", [])]),
    # The words of another sentence say nothing about this citation.
    ("Chi bộ học tập tư tưởng, đạo đức, phong cách Hồ Chí Minh. Hội nghị triển khai Chỉ thị "
     "số 05-CT/TW.", D(2024, 5, 1), [("05-CT/TW@XIII", [])]),
    # The date before the head ("Ngày …, <body> ban hành …") is checked like any other.
    ("Ngày 3/7/2013, Ban Chấp hành Trung ương Đảng đã ban hành Nghị quyết số 25-NQ/TW về công "
     "tác dân vận", None, [("25-NQ/TW@XI", ["date-mismatch"])]),
    # "TƯ" abbreviates Trung ương: the document is found, the spelling flagged.
    ("Kết luận số 43-KL/TƯ ngày 7/1/2019 của Ban Bí thư", None,
     [("43-KL/TW@XII", ["symbol-format"])]),
    # An unknown number where a document of that date has a nearly equal one: a slip of the pen.
    ("Nghị quyết số 52-NQ/TW ngày 3/6/2013 của BCH Trung ương về công tác dân vận", None,
     [(None, ["number-mismatch"])]),
    ("Kết luận số 34-KL/TW ngày 7/1/2019 của Ban Bí thư", None, [(None, ["number-mismatch"])]),
    # Four resolutions share 25/10/2017 and two are one digit from 22: no guess.
    ("Nghị quyết số 22-NQ/TW ngày 25/10/2017", None, [(None, ["unknown-document"])]),
    # The title names another province: 43-NQ/TW is on Đà Nẵng, its same-day 45-NQ/TW on Hải Phòng.
    ("Nghị quyết số 43-NQ/TW ngày 24/1/2019 của Bộ Chính trị về xây dựng và phát triển thành phố "
     "Hải Phòng đến năm 2030", None, [("43-NQ/TW@XII", ["title-mismatch"])]),
    ("Nghị quyết số 43-NQ/TW ngày 24/1/2019 của Bộ Chính trị về xây dựng và phát triển thành phố "
     "Đà Nẵng", None, [("43-NQ/TW@XII", [])]),
    ("Chỉ thị số 05-CT/TW ngày 15/5/2016 về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ "
     "Chí Minh", None, [("05-CT/TW@XII", [])]),
    # Not in the catalog, but the date and the term contradict each other.
    ("Nghị quyết số 99-NQ/TW ngày 3/6/2013 của Ban Chấp hành Trung ương khóa X", None,
     [(None, ["term-mismatch", "unknown-document"])]),
    # 27/1/2016 is a congress day: both terms may sign on it.
    ("Nghị quyết số 99-NQ/TW ngày 27/1/2016 khóa XI", None, [(None, ["unknown-document"])]),
    # A personnel decision is not the Quyết định of the same number; an unknown one is no error,
    # since most are never published.
    ("Ngày 30/1/2026, Bộ Chính trị ban hành Quyết định số 05-QĐNS/TW", None,
     [("05-QĐNS/TW@XIV", [])]),
    ("Quyết định số 102-QĐNS/TW ngày 5/3/2024 của Bộ Chính trị", None, [(None, [])]),
    # A year written after a citation leans to the namesake of that year; one that fits none
    # ("in 2023") changes nothing and flags nothing.
    ("Hội nghị triển khai Chỉ thị 05 năm 2016.", None, [("05-CT/TW@XII", [])]),
    ("Hội nghị triển khai Nghị quyết 25-NQ/TW năm 2003.", None, [("25-NQ/TW@IX", [])]),
    ("Thực hiện Nghị quyết 25 năm 2023, tỉnh đạt nhiều kết quả", None, [("25-NQ/TW@XI", [])]),
    # TƯ typed without its horn reads TU (Tỉnh ủy): a central document of that very date is
    # meant; another date is a provincial document the catalog does not hold.
    ("Nghi quyet so 25-NQ/TU ngay 3/6/2013 cua Ban Chap hanh Trung uong", None,
     [("25-NQ/TW@XI", ["symbol-format"])]),
    ("Nghị quyết số 25-NQ/TU ngày 4/6/2013 của Tỉnh ủy", None, [(None, [])]),
    # A Party symbol with its dash left out is read, resolved and flagged.
    ("Chỉ thị số 05 CT/TW ngày 15/5/2016 của Bộ Chính trị", None,
     [("05-CT/TW@XII", ["symbol-format"])]),
    # A body written once after coordinated citations that fits only the last ones is theirs:
    # no body-mismatch for the first (99-QĐ/TW is the Ban Bí thư's).
    ("Theo Quyết định 99-QĐ/TW, Quyết định 217-QĐ/TW và 218-QĐ/TW của Bộ Chính trị.", None,
     [("99-QĐ/TW@XII", []), ("217-QĐ/TW@XI", []), ("218-QĐ/TW@XI", [])]),
    # A document cited by another one in the same sentence is older than the citing one…
    ("Bộ Chính trị ra Kết luận số 01-KL/TW ngày 18/5/2021 về tiếp tục thực hiện Chỉ thị số "
     "05-CT/TW.", D(2024, 5, 1), [("01-KL/TW@XIII", []), ("05-CT/TW@XII", [])]),
    ("Kế hoạch số 12-KH/TU ngày 3/3/2021 của Tỉnh ủy thực hiện Chỉ thị số 05-CT/TW.",
     D(2024, 5, 1), [(None, []), ("05-CT/TW@XII", [])]),
    # (the catalog's date of the citing document serves when the text gives none)
    ("Kết luận số 01-KL/TW của Bộ Chính trị về tiếp tục thực hiện Chỉ thị số 05-CT/TW.",
     D(2024, 5, 1), [("01-KL/TW@XIII", []), ("05-CT/TW@XII", [])]),
    # … but only when a cue joins the two in one sentence.
    ("Kết luận số 01-KL/TW ngày 18/5/2021 đã ban hành. Hội nghị triển khai Chỉ thị số "
     "05-CT/TW.", D(2024, 5, 1), [("01-KL/TW@XIII", []), ("05-CT/TW@XIII", [])]),
    # …and the catalog knows which namesake the citing document continues, reviews or replaces.
    ("Bộ Chính trị có Chỉ thị số 18-CT/TW ngày 10/1/2018 về tiếp tục thực hiện Nghị quyết số "
     "25-NQ/TW.", None, [("18-CT/TW@XII", []), ("25-NQ/TW@IX", [])]),
    ("Kết luận số 91-KL/TW ngày 12/8/2024 về tiếp tục thực hiện Nghị quyết 29-NQ/TW về giáo dục",
     None, [("91-KL/TW@XIII", []), ("29-NQ/TW@XI", [])]),
    ("Kết luận số 10-KL/TW ngày 26/12/2016 về tiếp tục thực hiện Nghị quyết số 04-NQ/TW", None,
     [("10-KL/TW@XII", []), ("04-NQ/TW@X", [])]),
]


@pytest.mark.parametrize("text,published,expected", RESOLVE, ids=[r[0][:45] for r in RESOLVE])
def test_resolve_and_check(text, published, expected):
    cs = extract(text, published=published)
    got = [(c.resolved.id if c.resolved else None, [i.code for i in c.issues]) for c in cs]
    assert got == expected


def test_later_short_mentions_point_back():
    text = ("Nghị quyết số 25-NQ/TW ngày 25/7/2008 về công tác thanh niên (sau đây gọi tắt là "
            "Nghị quyết 25). Nghị quyết 25 đã đi vào cuộc sống. Các cấp ủy quán triệt Nghị quyết "
            "số 25-NQ/TW và Nghị quyết trong toàn Đảng bộ.")
    cs = extract(text)
    assert [c.resolved.id for c in cs] == ["25-NQ/TW@X"] * len(cs)
    assert len(cs) >= 4
    assert all(c.antecedent == 0 for c in cs[1:])


def test_ambiguous_citation_lists_alternatives():
    (c,) = extract("Nghị quyết số 25-NQ/TW")
    assert c.resolved is not None
    assert {"25-NQ/TW@X", "25-NQ/TW@IX"} <= set(c.alternatives)
    assert c.confidence < 0.9


def test_plenum_form_returns_all_candidates():
    (c,) = extract("Nghị quyết Trung ương 7 khóa XI")
    ids = ([c.resolved.id] if c.resolved else []) + c.alternatives
    assert {"24-NQ/TW@XI", "25-NQ/TW@XI"} <= set(ids)


def test_confidence_orders_certainty():
    sure = extract("Nghị quyết số 25-NQ/TW ngày 3/6/2013 của Ban Chấp hành Trung ương khóa XI")[0]
    loose = extract("Nghị quyết 25")[0]
    assert sure.confidence > loose.confidence


def test_relations_from_text():
    a = analyze("Kết luận số 43-KL/TW ngày 7/1/2019 của Ban Bí thư về tiếp tục thực hiện Nghị "
                "quyết số 25-NQ/TW ngày 3/6/2013; Quyết định số 290-QĐ/TW nay là Quyết định số "
                "23-QĐ/TW. Tỉnh ủy tổ chức tổng kết 10 năm thực hiện Chỉ thị số 23-CT/TW ngày "
                "05/01/2013.")
    rels = {(r.type, a.citations[r.source].resolved.id if r.source is not None else None,
             a.citations[r.target].resolved.id, r.years) for r in a.relations}
    assert ("continues", "43-KL/TW@XII", "25-NQ/TW@XI", None) in rels
    assert ("replaces", "23-QĐ/TW@XIII", "290-QĐ/TW@X", None) in rels
    assert ("reviews", None, "23-CT/TW@XI", 10) in rels
    assert len(rels) == 3


RELATIONS = [
    ("Quy định số 69-QĐ/TW về kỷ luật tổ chức đảng, đảng viên vi phạm (thay thế Quy định 07-QĐi/TW).",
     [("replaces", 0, 1)]),
    ("Kết luận 01-KL/TW ngày 18/5/2021 của Bộ Chính trị về tiếp tục thực hiện Chỉ thị 05-CT/TW.",
     [("continues", 0, 1)]),
    ("Kế hoạch số 12-KH/TU về triển khai thực hiện Nghị quyết số 57-NQ/TW.", [("implements", 0, 1)]),
    ("Hướng dẫn số 06-HD/UBKTTW hướng dẫn thực hiện Quy định số 07-QĐi/TW.", [("guides", 0, 1)]),
    ("Quy định số 22-QĐ/TW sửa đổi, bổ sung Quy định số 30-QĐ/TW.", [("amends", 0, 1)]),
    ("Quyết định số 290-QĐ/TW, nay là Quyết định số 23-QĐ/TW.", [("replaces", 1, 0)]),
    ("Sơ kết 5 năm thực hiện Chỉ thị số 05-CT/TW.", [("reviews", None, 0)]),
    ("Sơ kết 5 năm thực hiện các Nghị quyết số 18, 19-NQ/TW của Trung ương.",
     [("reviews", None, 0), ("reviews", None, 1)]),
    # "Căn cứ" before the documents relied on, the one issued last.
    ("Căn cứ Quy định số 22-QĐ/TW ngày 28/7/2021 của Ban Chấp hành Trung ương, Ủy ban Kiểm tra "
     "Tỉnh ủy ban hành Hướng dẫn số 02-HD/UBKTTU.", [("based_on", 1, 0)]),
    ("Căn cứ Quy định số 22-QĐ/TW và Kết luận số 34-KL/TW, Ban Thường vụ ban hành Kế hoạch số 15-KH/TU.",
     [("based_on", 2, 0), ("based_on", 2, 1)]),
    ("Căn cứ Quy định số 22-QĐ/TW. Tỉnh ủy ban hành Kế hoạch số 15-KH/TU.", []),
    ("Tổng kết 10 năm thực hiện Nghị quyết Trung ương 7 khóa XI về công tác dân vận, Huyện ủy "
     "đề nghị tiếp tục thực hiện Kết luận số 114-KL/TW.", [("reviews", None, 0)]),
    ("Sơ kết 3 năm thực hiện Nghị quyết Đại hội XIII của Đảng.", [("reviews", None, 0)]),
    ("Nghị quyết số 24-NQ/TW và 5 năm thực hiện Kết luận số 65-KL/TW.", [("reviews", None, 1)]),
    ("Kết luận số 43-KL/TW. Tỉnh ủy thực hiện Nghị quyết số 25-NQ/TW.", []),
    ("Nghị quyết số 24-NQ/TW, Kết luận số 65-KL/TW.", []),
    ("học tập Quy định 144 gắn với thực hiện Chỉ thị số 05-CT/TW.", []),
    # After a comma a new subject acts: the cue is its doing, not the first document's.
    ("Nghị quyết số 25-NQ/TW về công tác dân vận, Huyện ủy đề nghị tiếp tục thực hiện Kết luận "
     "số 114-KL/TW.", []),
    # …but a comma inside a title is no clause ("tổ chức đảng, đảng viên": the first row above).
]


@pytest.mark.parametrize("text,expected", RELATIONS)
def test_relation_table(text, expected):
    a = analyze(text)
    assert sorted((r.type, r.source, r.target) for r in a.relations) == sorted(expected)


def test_resolver_is_pluggable():
    from citations import clean, find_in_clean, resolve

    def nothing(c, earlier, catalog, ctx):
        c.resolved = None
        c.confidence = 0.0

    cs = resolve(find_in_clean(clean("Kết luận số 43-KL/TW")), resolver=nothing)
    assert cs[0].resolved is None


def test_resolve_reads_stated_relations_from_text():
    """resolve() on its own, given the text, reads the cue between the two citations as
    analyze() does; without the text it has only the citations and keeps the latest term."""
    from citations import find, resolve
    from citations.resolve import default_catalog

    text = "Kết luận số 01-KL/TW ngày 18/5/2021 về tiếp tục thực hiện Chỉ thị số 05-CT/TW."
    with_text = resolve(find(text), default_catalog(), text=text)
    without = resolve(find(text), default_catalog())
    assert [c.resolved.id for c in with_text] == ["01-KL/TW@XIII", "05-CT/TW@XII"]
    assert without[1].resolved.id == "05-CT/TW@XIII"
    assert "issued after the document that cites it" not in " ".join(
        r for c in with_text for r in getattr(c, "reasons", []))  # reasons are not exposed
