"""Generate a synthetic news corpus with realistic citation density and noise.

Articles mix long citation-free stretches (like real provincial news), citations in every form
the engine handles, state-document look-alikes, numbers, dates and percentages. Deterministic:
the same seed gives the same corpus.
"""

from __future__ import annotations

import json
import random

FILLER = [
    "Năm qua, cấp ủy, chính quyền các cấp đã quan tâm lãnh đạo, chỉ đạo thực hiện tốt công tác dân vận, "
    "phát huy vai trò của Mặt trận Tổ quốc và các tổ chức chính trị - xã hội trên địa bàn.",
    "Toàn tỉnh có 4.494 mô hình mới, tăng 12,5% so với cùng kỳ; 1.212 mô hình kinh tế, 2.298 mô hình "
    "văn hóa - xã hội và 486 mô hình quốc phòng - an ninh.",
    "Đồng chí Phó Bí thư Thường trực Tỉnh ủy đề nghị các ngành lắng nghe ý kiến của Nhân dân, "
    "giải quyết kịp thời những vấn đề bức xúc ở cơ sở.",
    "Hội nghị được tổ chức sáng 29/12 tại hội trường Ủy ban nhân dân tỉnh, điện thoại 0294.221.0390.",
    "Theo Nghị định số 04/2015/NĐ-CP và Quyết định số 1217/QĐ-UBND, các địa phương rà soát thủ tục.",
    "Tỷ lệ hộ nghèo giảm 0,7%; 11.471 hồ sơ trực tuyến, chiếm 96,2% tổng số hồ sơ tiếp nhận.",
    "Các cấp ủy tiếp tục đổi mới nội dung, phương thức hoạt động, nâng cao chất lượng sinh hoạt chi bộ.",
    "Mặt trận Tổ quốc và các đoàn thể đã vận động Nhân dân hiến đất, góp công làm đường giao thông nông thôn, "
    "xây dựng nhà văn hóa thôn, bản.",
    "Công tác chuyển đổi số được đẩy mạnh; 100% xã, phường có điểm phục vụ dịch vụ công trực tuyến.",
    "Đoàn công tác đã trao 50 suất quà, mỗi suất trị giá 500.000 đồng cho các hộ gia đình có hoàn cảnh khó khăn.",
    "Phong trào thi đua “Dân vận khéo” tiếp tục lan tỏa, nhiều mô hình hay được nhân rộng trong toàn tỉnh.",
    "Lực lượng vũ trang tỉnh phối hợp tổ chức các hoạt động dân vận, giúp Nhân dân khắc phục hậu quả thiên tai.",
    "Người có uy tín trong đồng bào dân tộc thiểu số phát huy vai trò trong vận động Nhân dân giữ gìn an ninh trật tự.",
    "Năm 2024, tổng sản phẩm trên địa bàn tăng 7,2%; thu ngân sách đạt 3.150 tỷ đồng, vượt 8% dự toán.",
    "Ban Chỉ đạo yêu cầu các ngành rà soát, báo cáo kết quả trước ngày 15/12 để tổng hợp, trình Ủy ban nhân dân tỉnh.",
]
CITES = [
    "Nghị quyết số {n}-NQ/TW ngày {d}/{m}/{y} của Ban Chấp hành Trung ương Đảng khóa {t}",
    "Kết luận số {n}-KL/TW ngày {d}/{m}/{y} của Ban Bí thư về tiếp tục thực hiện Nghị quyết số {n2}-NQ/TW",
    "Chỉ thị số {n}-CT/TW ngày {d}/{m}/{y} của Bộ Chính trị",
    "Quy định số {n}-QĐ/TW ngày {d}/{m}/{y}",
    "Quyết định {n}, {n3}-QĐ/TW ngày {d}/{m}/{y} của Bộ Chính trị",
    "Nghị quyết Trung ương {p} khóa {t}",
    "Nghị quyết Đại hội XIII của Đảng",
    "Kế hoạch số {n}-KH/TU, ngày {d}/{m}/{y} của Ban Thường vụ Tỉnh ủy về triển khai, thực hiện Chỉ thị số {n2}-CT/TU",
    "Nghi quyet so {n}-NQ/TW ngay {d}/{m}/{y}",
    "Kết luận {n}",
    "NQ {n}",
]
TERMS = ["IX", "X", "XI", "XII", "XIII"]


def article(rng: random.Random, i: int, density: float = 0.04) -> str:
    """One article: 8–40 paragraphs; each is a citation sentence with probability ``density``
    (the seed articles have one citation per 700 characters at their densest, and most news
    has none)."""
    parts = []
    for _ in range(rng.randint(8, 40)):
        if rng.random() < density:
            tpl = rng.choice(CITES)
            n = rng.randint(1, 300)
            parts.append("Thực hiện " + tpl.format(n=n, n2=rng.randint(1, 60), n3=n + 1,
                                                    d=rng.randint(1, 28), m=rng.randint(1, 12),
                                                    y=rng.randint(2001, 2025), t=rng.choice(TERMS),
                                                    p=rng.randint(1, 12)) + ", các cấp ủy đã quán triệt sâu rộng.")
        else:
            parts.append(rng.choice(FILLER))
    return f"Bài {i}\n" + "\n".join(parts) + "\n"


def generate(size_bytes: int, seed: int = 1, density: float = 0.04) -> list[str]:
    rng = random.Random(seed)
    out, total, i = [], 0, 0
    while total < size_bytes:
        a = article(rng, i, density)
        out.append(a)
        total += len(a.encode("utf-8"))
        i += 1
    return out


def write_jsonl(path: str, size_bytes: int, seed: int = 1, density: float = 0.04) -> int:
    arts = generate(size_bytes, seed, density)
    with open(path, "w", encoding="utf-8") as fh:
        for i, a in enumerate(arts):
            fh.write(json.dumps({"id": f"a{i}", "text": a, "published": "2024-06-01"},
                                ensure_ascii=False) + "\n")
    return len(arts)
