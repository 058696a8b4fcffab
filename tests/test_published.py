import datetime as dt

import pytest

from citations import analyze, infer_locality, infer_published

D = dt.date

PUBLISHED = [
    ("Thứ năm - 19/01/2023 10:20 426 0\nNăm 2022, …", D(2023, 1, 19)),
    ("Trọng Bảo - 17:28, 06/12/2023\n\nNgày 6/12, …", D(2023, 12, 6)),
    ("Thứ tư - 24/07/2024 23:17 163 0", D(2024, 7, 24)),
    ("Cập nhật: 08:15 ngày 3/2/2021", D(2021, 2, 3)),
    ("Sáng 29/12, tại trụ sở …", None),
    ("Nghị quyết số 25-NQ/TW ngày 3/6/2013", None),
    ("31/02/2023 10:20 ngày không có thật", None),
    # A weekday alone stamps a page too (no time, so no colon anywhere in the head).
    ("Thứ Hai, 20/05/2024\nHội nghị …", D(2024, 5, 20)),
    ("Chủ nhật - 7/1/2024\nNgày 6/1, …", D(2024, 1, 7)),
    ("Công tác tổ chức 20/05/2024 …", None),  # "chức" is not "Thứ"
]


@pytest.mark.parametrize("text,date", PUBLISHED)
def test_infer_published(text, date):
    assert infer_published(text) == date


LOCALITY = [
    ("Tỉnh ủy Lào Cai tổ chức; tỉnh Lào Cai có nhiều mô hình", "lao-cai"),
    ("Bình Phước: cấp ủy các cấp trong tỉnh tiếp tục …", "binh-phuoc"),
    ("tiêu biểu tỉnh Nghệ An năm 2024", "nghe-an"),
    ("Lãnh đạo tỉnh Quảng Ninh và tỉnh Lào Cai", None),
    ("không có tên tỉnh nào", None),
    ("Thanh uy Tra Vinh va tinh Tra Vinh", "tra-vinh"),
]


@pytest.mark.parametrize("text,slug", LOCALITY)
def test_infer_locality(text, slug):
    assert infer_locality(text) == slug


def test_page_date_is_used_when_none_is_given():
    text = "Thứ năm - 19/01/2023 10:20\nTổng kết 15 năm thực hiện Nghị quyết số 25-NQ/TW."
    (c,) = analyze(text).citations
    assert c.resolved.id == "25-NQ/TW@X"


def test_unresolved_local_document_gets_the_text_locality():
    (c,) = analyze("Tỉnh ủy Lào Cai ban hành Chỉ thị số 99-CT/TU ngày 1/2/2022.").citations
    assert (c.resolved, c.locality) == (None, "lao-cai")
