"""Field spans, and the fixes that correct a flagged fact in place (``vankien check --format diff``)."""

from __future__ import annotations

import subprocess
import sys
import unicodedata

import pytest

from citations import corrected, extract, find

SPANS = [
    # (text, field, the text at that field's span)
    ("Kết luận số 43-KL/TW ngày 7/1/2019 của Ban Bí thư khóa XII", "symbol", "43-KL/TW"),
    ("Kết luận số 43-KL/TW ngày 7/1/2019 của Ban Bí thư khóa XII", "date", "7/1/2019"),
    ("Kết luận số 43-KL/TW ngày 7/1/2019 của Ban Bí thư khóa XII", "body", "Ban Bí thư"),
    ("Kết luận số 43-KL/TW ngày 7/1/2019 của Ban Bí thư khóa XII", "term", "XII"),
    ("Kết luận số 43-KL/TW, ngày 07 tháng 01 năm 2019, của Ban Bí thư", "date", "07 tháng 01 năm 2019"),
    ("Ngày 24/1/2019, Bộ Chính trị ban hành Nghị quyết số 43-NQ/TW", "date", "24/1/2019"),
    ("Ngày 24/1/2019, Bộ Chính trị ban hành Nghị quyết số 43-NQ/TW", "body", "Bộ Chính trị"),
    ("Nghị quyết 36 ngày 1/7/2014", "number", "36"),
    ("Nghị quyết 36 ngày 1/7/2014", "symbol", None),
    ("Nghị quyết số 36-NQ/TW", "date", None),
    # Offsets are the caller's, also when cleaning changed the text (NFD, odd dashes).
    (unicodedata.normalize("NFD", "Kết luận số 43–KL/TW ngày 7/1/2019 của Ban Bí thư"), "body",
     unicodedata.normalize("NFD", "Ban Bí thư")),
    (unicodedata.normalize("NFD", "Kết luận số 43–KL/TW ngày 7/1/2019 của Ban Bí thư"), "symbol",
     "43–KL/TW"),
]


@pytest.mark.parametrize("text, field, expected", SPANS)
def test_field_spans_point_into_the_callers_text(text, field, expected):
    c = find(text)[0]
    span = c.field_span(field)
    assert (text[span[0]:span[1]] if span else None) == expected


FIXES = [
    # (text, {code: (text replaced, replacement)} for issues that carry a fix)
    ("Kết luận số 43-KL/TW ngày 17/1/2019 của Ban Bí thư", {"date-mismatch": ("17/1/2019", "7/1/2019")}),
    ("Kết luận số 43-KL/TW ngày 17/01/2019 của Ban Bí thư", {"date-mismatch": ("17/01/2019", "07/01/2019")}),
    ("Kết luận số 43-KL/TW ngày 7 tháng 2 năm 2019 của Ban Bí thư",
     {"date-mismatch": ("7 tháng 2 năm 2019", "7 tháng 1 năm 2019")}),
    ("Kết luận số 43-KL/TW ngày 7/1/2019 của Bộ Chính trị", {"body-mismatch": ("Bộ Chính trị", "Ban Bí thư")}),
    ("Kết luận số 43-KL/TW ngày 7/1/2019 của Ban Bí thư khóa XI", {"term-mismatch": ("XI", "XII")}),
    ("Chỉ thị 05 CT/TW ngày 15/5/2016 của Bộ Chính trị", {"symbol-format": ("05 CT/TW", "05-CT/TW")}),
    ("Kết luận số 43-KL/TƯ ngày 7/1/2019 của Ban Bí thư", {"symbol-format": ("43-KL/TƯ", "43-KL/TW")}),
    ("Kết luận số 43-KL-TW ngày 7/1/2019 của Ban Bí thư", {"symbol-format": ("43-KL-TW", "43-KL/TW")}),
    ("Quyết định số 217QĐ/TW ngày 12/12/2013 của Bộ Chính trị", {"symbol-format": ("217QĐ/TW", "217-QĐ/TW")}),
    ("Nghị quyết số 52-NQ/TW ngày 3/6/2013 của Ban Chấp hành Trung ương",
     {"number-mismatch": ("52-NQ/TW", "25-NQ/TW")}),
    # A date written once for a list belongs to all its members: flagged, not rewritten.
    ("Nghị quyết số 18-NQ/TW và 19-NQ/TW ngày 25/10/2018 của Ban Chấp hành Trung ương", {}),
    # A date and khóa that contradict each other, with no catalog entry: which one is wrong?
    ("Nghị quyết số 99-NQ/TW ngày 5/5/2015 của Bộ Chính trị khóa XII", {}),
    ("Kết luận số 43-KL/TW ngày 7/1/2019 của Ban Bí thư", {}),
]


@pytest.mark.parametrize("text, expected", FIXES)
def test_fixes_replace_exactly_the_wrong_fact(text, expected):
    cits = extract(text)
    got = {i.code: (text[i.fix.start:i.fix.end], i.fix.text)
           for c in cits for i in c.issues if i.fix is not None}
    assert got == expected
    fixed = corrected(text, cits)
    for wrong, right in expected.values():
        assert fixed == text.replace(wrong, right, 1) or len(expected) > 1
    # A corrected text has nothing left to fix.
    assert all(i.fix is None for c in extract(fixed) for i in c.issues)


def test_several_fixes_in_one_text_keep_the_rest_byte_for_byte():
    text = ("Mở đầu.\nKết luận số 43-KL/TW ngày 17/1/2019 của Ban Chấp hành Trung ương khóa XI "
            "về tiếp tục thực hiện Nghị quyết số 25-NQ/TW.\nKết thúc.")
    fixed = corrected(text, extract(text))
    assert fixed == ("Mở đầu.\nKết luận số 43-KL/TW ngày 7/1/2019 của Ban Bí thư khóa XII "
                     "về tiếp tục thực hiện Nghị quyết số 25-NQ/TW.\nKết thúc.")


def test_check_diff_is_a_patch(tmp_path):
    f = tmp_path / "bai.txt"
    f.write_bytes("Dòng một.\r\nTheo Kết luận số 43-KL/TW ngày 17/1/2019 của Ban Bí thư.\r\nHết".encode())
    r = subprocess.run([sys.executable, "-m", "cli", "check", "bai.txt", "--format", "diff"],
                       cwd=tmp_path, capture_output=True, env=_env())
    assert r.returncode == 1, r.stderr
    diff = r.stdout.decode()
    assert "-Theo Kết luận số 43-KL/TW ngày 17/1/2019" in diff
    assert "+Theo Kết luận số 43-KL/TW ngày 7/1/2019" in diff
    patch = subprocess.run(["patch", "-p1"], cwd=tmp_path, input=r.stdout, capture_output=True)
    if patch.returncode == 127 or b"not found" in patch.stderr:
        pytest.skip("no patch program")
    assert patch.returncode == 0, patch.stderr
    assert f.read_bytes() == "Dòng một.\r\nTheo Kết luận số 43-KL/TW ngày 7/1/2019 của Ban Bí thư.\r\nHết".encode()


def test_check_json_carries_the_fix(tmp_path):
    import json

    f = tmp_path / "bai.txt"
    text = "Theo Kết luận số 43-KL/TW ngày 7/1/2019 của Bộ Chính trị."
    f.write_text(text, encoding="utf-8")
    at = text.index("Bộ Chính trị")
    r = subprocess.run([sys.executable, "-m", "cli", "check", str(f), "--format", "json"],
                       capture_output=True, text=True, env=_env())
    items = json.loads(r.stdout)
    assert [(i["code"], i["fix"]) for i in items] == [
        ("body-mismatch", {"start": at, "end": at + len("Bộ Chính trị"), "text": "Ban Bí thư"})]


def _env():
    import os
    from pathlib import Path

    root = str(Path(__file__).resolve().parents[1])
    return {**os.environ, "PYTHONPATH": root + os.pathsep + os.environ.get("PYTHONPATH", "")}
