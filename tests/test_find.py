"""Table of find cases: input text -> the citations expected, field by field.

Each expected citation is a tuple (form, kind, number, issuer_code, date, body, term); None means
"no value". Sentences are written for these tests.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from citations import find

D = dt.date

CASES = [
    # -- full citations -----------------------------------------------------------------------
    ("Thực hiện Nghị quyết số 25-NQ/TW ngày 3/6/2013 của Ban Chấp hành Trung ương Đảng khóa XI.",
     [("full", "NQ", "25", "TW", D(2013, 6, 3), "BCHTW", "XI")]),
    ("Theo Nghị quyết số 25-NQ/TW ngày 03/06/2013 của BCH Trung ương (khóa XI), tỉnh đã...",
     [("full", "NQ", "25", "TW", D(2013, 6, 3), "BCHTW", "XI")]),
    ("căn cứ Nghị quyết số 25-NQ/TW ngày 03-6-2013 của Trung ương",
     [("full", "NQ", "25", "TW", D(2013, 6, 3), "BCHTW", None)]),
    ("Nghị quyết số 25-NQ/TW, ngày 3 tháng 6 năm 2013 của Ban Chấp hành Trung ương khoá XI",
     [("full", "NQ", "25", "TW", D(2013, 6, 3), "BCHTW", "XI")]),
    ("Nghị quyết số 25-NQ/TW ngày 3/6/2013 của BCHTW khóa 11 về công tác dân vận",
     [("full", "NQ", "25", "TW", D(2013, 6, 3), "BCHTW", "XI")]),
    ("Kết luận số 43-KL/TW ngày 7/1/2019 của Ban Bí thư về tiếp tục thực hiện",
     [("full", "KL", "43", "TW", D(2019, 1, 7), "BBT", None)]),
    ("Kết luận số 43-KL/TW, ngày 07/01/2019 của Ban Bí thư Trung ương Đảng (khóa XII)",
     [("full", "KL", "43", "TW", D(2019, 1, 7), "BBT", "XII")]),
    ("Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập",
     [("full", "CT", "05", "TW", D(2016, 5, 15), "BCT", None)]),
    ("Chỉ thị 18-CT/TW ngày 10/01/2018 của Bộ Chính trị khóa XII",
     [("full", "CT", "18", "TW", D(2018, 1, 10), "BCT", "XII")]),
    ("Quy định số 205-QĐ/TW ngày 23/9/2019 của Bộ Chính trị",
     [("full", "QĐ", "205", "TW", D(2019, 9, 23), "BCT", None)]),
    ("Quy định số 07-QĐi/TW ngày 28/8/2018 của Bộ Chính trị",
     [("full", "QĐi", "07", "TW", D(2018, 8, 28), "BCT", None)]),
    ("Quy định 08-QĐI/TW của Ban Chấp hành Trung ương",
     [("full", "QĐi", "08", "TW", None, "BCHTW", None)]),
    ("Quyết định số 290-QĐ/TW, ngày 25/02/2010 của Bộ Chính trị",
     [("full", "QĐ", "290", "TW", D(2010, 2, 25), "BCT", None)]),
    ("Hướng dẫn số 36-HD/VPTW ngày 3/4/2018 của Văn phòng Trung ương Đảng",
     [("full", "HD", "36", "VPTW", D(2018, 4, 3), "VPTW", None)]),
    ("Kế hoạch số 107-KH/BCĐTW về tổng kết",
     [("full", "KH", "107", "BCĐTW", None, None, None)]),
    ("Thông báo kết luận số 160-TB/TW ngày 15/1/2020 của Bộ Chính trị",
     [("full", "TB", "160", "TW", D(2020, 1, 15), "BCT", None)]),
    ("Công văn số 10845-CV/VPTW của Văn phòng Trung ương",
     [("full", "CV", "10845", "VPTW", None, "VPTW", None)]),
    ("Nghị quyết số 847-NQ/QUTW của Quân ủy Trung ương",
     [("full", "NQ", "847", "QUTW", None, "QUTW", None)]),
    ("Hướng dẫn số 22-HD/BTGDVTW ngày 24/7/2025",
     [("full", "HD", "22", "BTGDVTW", D(2025, 7, 24), None, None)]),
    ("Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học",
     [("full", "NQ", "57", "TW", D(2024, 12, 22), "BCT", None)]),
    ("Chỉ thị số 45-CT/TW ngày 14/4/2025 của Bộ Chính trị",
     [("full", "CT", "45", "TW", D(2025, 4, 14), "BCT", None)]),
    ("Nghị quyết 60-NQ/TW ngày 12/4/2025 Hội nghị lần thứ 11",
     [("full", "NQ", "60", "TW", D(2025, 4, 12), None, None)]),
    ("Quy định số 114-QĐ/TW ngày 11/7/2023 của Bộ Chính trị khóa XIII",
     [("full", "QĐ", "114", "TW", D(2023, 7, 11), "BCT", "XIII")]),
    ("Nghị quyết 25-NQ/TW ngày 13/6/2013 của Hội nghị Trung ương 7 (khóa XI)",
     [("full", "NQ", "25", "TW", D(2013, 6, 13), "BCHTW", "XI")]),
    ("Nghị quyết số 24-NQ/TW ngày 12/3/2003 của Hội nghị lần thứ bảy Ban Chấp hành Trung ương Đảng (khóa IX)",
     [("full", "NQ", "24", "TW", D(2003, 3, 12), "BCHTW", "IX")]),
    ("Nghị quyết số 20-NQ/TW ngày 28/01/2008 của BCHTW khóa X “về tiếp tục xây dựng giai cấp công nhân”",
     [("full", "NQ", "20", "TW", D(2008, 1, 28), "BCHTW", "X")]),
    ("Nghị quyết số 11-NQ/TW của Bộ Chính trị khóa X về công tác phụ nữ",
     [("full", "NQ", "11", "TW", None, "BCT", "X")]),
    ("Nghị quyết số 11-NQ/TW (khóa X) về công tác phụ nữ",
     [("full", "NQ", "11", "TW", None, None, "X")]),
    ("Nghị quyết số 18-NQ/TW, ngày 25 tháng 10 năm 2017 của Ban Chấp hành Trung ương Đảng khóa XII",
     [("full", "NQ", "18", "TW", D(2017, 10, 25), "BCHTW", "XII")]),
    ("Kết luận số 65-KL/TW ngày 30/10/2019 của Bộ Chính trị về tiếp tục thực hiện",
     [("full", "KL", "65", "TW", D(2019, 10, 30), "BCT", None)]),
    ("kết luận số 55-KL/TW ngày 18/01/2013 của Ban Bí thư",
     [("full", "KL", "55", "TW", D(2013, 1, 18), "BBT", None)]),
    ("KẾT LUẬN SỐ 43-KL/TW NGÀY 7/1/2019 CỦA BAN BÍ THƯ",
     [("full", "KL", "43", "TW", D(2019, 1, 7), "BBT", None)]),
    ("Chỉ thị số 19-CT/TW ngày 10/01/2018 của Ban Bí thư Trung ương Đảng về vùng đồng bào Khmer",
     [("full", "CT", "19", "TW", D(2018, 1, 10), "BBT", None)]),
    ("Chỉ thị số 23-CT/TW ngày 05/01/2013 của Ban Bí thư",
     [("full", "CT", "23", "TW", D(2013, 1, 5), "BBT", None)]),
    ("Quyết định số 23-QĐ/TW ngày 30/7/2021 của Bộ Chính trị (khóa XIII) về ban hành quy chế",
     [("full", "QĐ", "23", "TW", D(2021, 7, 30), "BCT", "XIII")]),
    ("Nghị quyết số 25-NQ/TW ngày 12/3/2003 của BCH Trung ương về công tác tôn giáo",
     [("full", "NQ", "25", "TW", D(2003, 3, 12), "BCHTW", None)]),
    ("Nghị quyết 25-NQ/TW ngày 25/7/2008 của BCHTW Khóa X",
     [("full", "NQ", "25", "TW", D(2008, 7, 25), "BCHTW", "X")]),
    ("Chỉ thị số 35-CT/TW, ngày 14/6/2024 của Bộ Chính trị về đại hội đảng bộ các cấp",
     [("full", "CT", "35", "TW", D(2024, 6, 14), "BCT", None)]),
    ("theo Quyết định số 31-QĐ/TW ngày 1/10/1997",
     [("full", "QĐ", "31", "TW", D(1997, 10, 1), None, None)]),
    ("Quy định 66-QĐ/TW ngày 06/02/2017 của Ban Bí thư",
     [("full", "QĐ", "66", "TW", D(2017, 2, 6), "BBT", None)]),
    ("Nghị quyết số 04-NQ/TW ngày 30/10/2016 Hội nghị Trung ương 4 khóa XII",
     [("full", "NQ", "04", "TW", D(2016, 10, 30), "BCHTW", "XII")]),
    ("Quyết định số 290-QĐ/TW (25/02/2010) của Bộ Chính trị",
     [("full", "QĐ", "290", "TW", D(2010, 2, 25), "BCT", None)]),
    ("Quyết định 217, 218-QĐ/TW, 12/12/2013",
     [("list", "QĐ", "217", "TW", D(2013, 12, 12), None, None),
      ("list", "QĐ", "218", "TW", D(2013, 12, 12), None, None)]),
    ("Nghị quyết số 18-NQ/TW và Nghị quyết số 19-NQ/TW, ngày 25/10/2017 của Ban Chấp hành Trung ương khóa XII",
     [("full", "NQ", "18", "TW", D(2017, 10, 25), "BCHTW", "XII"),
      ("full", "NQ", "19", "TW", D(2017, 10, 25), "BCHTW", "XII")]),
    ("Nghị quyết số 18-NQ/TW về bộ máy và Nghị quyết số 19-NQ/TW ngày 25/10/2017",
     [("full", "NQ", "18", "TW", None, None, None), ("full", "NQ", "19", "TW", D(2017, 10, 25), None, None)]),
    ("các Nghị quyết: số 18-NQ/TW, số 19-NQ/TW của Hội nghị Trung ương 6 khóa XII",
     [("list", "NQ", "18", "TW", None, "BCHTW", "XII"), ("list", "NQ", "19", "TW", None, "BCHTW", "XII")]),
    # -- symbol variants ------------------------------------------------------------------------
    ("Nghị quyết số 25 - NQ/TW về công tác dân vận",
     [("full", "NQ", "25", "TW", None, None, None)]),
    ("Nghị quyết số 25–NQ/TW về công tác dân vận",
     [("full", "NQ", "25", "TW", None, None, None)]),
    ("Nghị quyết số 25—NQ/TW về công tác dân vận",
     [("full", "NQ", "25", "TW", None, None, None)]),
    ("Nghị quyết số 25‑NQ/TW (dấu gạch không ngắt)",
     [("full", "NQ", "25", "TW", None, None, None)]),
    ("Quy định số 114-QD/TW ngày 11/7/2023",
     [("full", "QĐ", "114", "TW", D(2023, 7, 11), None, None)]),
    ("Quyết định 217/QĐ-TW ngày 12/12/2013 của Bộ Chính trị",
     [("full", "QĐ", "217", "TW", D(2013, 12, 12), "BCT", None)]),
    ("thực hiện Kết luận 120/KL-TW của Bộ Chính trị",
     [("full", "KL", "120", "TW", None, "BCT", None)]),
    ("Quyết định số 646/QĐ/QUTW của Quân ủy Trung ương",
     [("full", "QĐ", "646", "QUTW", None, "QUTW", None)]),
    ("Kết luận số 100 - KL/TW ngày 25/4/2014",
     [("full", "KL", "100", "TW", D(2014, 4, 25), None, None)]),
    ("Hướng dẫn số 69 – HD/BTGTW",
     [("full", "HD", "69", "BTGTW", None, None, None)]),
    ("Quyết định số31-QĐ/TW ngày 1/10/1997",
     [("full", "QĐ", "31", "TW", D(1997, 10, 1), None, None)]),
    ("Kế hoạch số 528-KH/BCSĐNMT ngày 5/5/2021",
     [("full", "KH", "528", "BCSĐNMT", D(2021, 5, 5), None, None)]),
    ("Công văn số 03-CV/TBVK gửi các chi bộ",
     [("full", "CV", "03", "TBVK", None, None, None)]),
    ("Chỉ thị số 05‐CT/TW ngày 15/5/2016",
     [("full", "CT", "05", "TW", D(2016, 5, 15), None, None)]),
    ("Nghị quyết 25-NQ/TW ngày 3/6/2013  của   Ban Chấp hành Trung ương",
     [("full", "NQ", "25", "TW", D(2013, 6, 3), "BCHTW", None)]),
    # -- no diacritics / case / Unicode ---------------------------------------------------------------
    ("Nghi quyet so 25-NQ/TW ngay 3/6/2013 cua Ban Chap hanh Trung uong Dang khoa XI",
     [("full", "NQ", "25", "TW", D(2013, 6, 3), "BCHTW", "XI")]),
    ("Ket luan so 43-KL/TW ngay 7/1/2019 cua Ban Bi thu",
     [("full", "KL", "43", "TW", D(2019, 1, 7), "BBT", None)]),
    ("Chi thi so 05-CT/TW cua Bo Chinh tri",
     [("full", "CT", "05", "TW", None, "BCT", None)]),
    ("nghi quyet 57-nq/tw ve khoa hoc cong nghe",
     [("full", "NQ", "57", "TW", None, None, None)]),
    ("QUY ĐỊNH SỐ 205-QĐ/TW",
     [("full", "QĐ", "205", "TW", None, None, None)]),
    ("Nhân Dân viết: Quyết định số 217-QÐ/TW (chữ Ð)",
     [("full", "QĐ", "217", "TW", None, None, None)]),
    ("Nghị quyết số 25-NQ/TW\nngày 3/6/2013 của Ban Chấp hành\nTrung ương",
     [("full", "NQ", "25", "TW", D(2013, 6, 3), "BCHTW", None)]),
    ("Nghị quyết\nsố 25-NQ/TW",
     [("full", "NQ", "25", "TW", None, None, None)]),
    ("Kết luận số 43-KL/TW ngày 7/1/2019 của Ban Bí thư", [("full", "KL", "43", "TW", D(2019, 1, 7), "BBT", None)]),
    # -- short forms ----------------------------------------------------------------------------------
    ("học tập Nghị quyết 25 trong toàn đảng bộ", [("short", "NQ", "25", None, None, None, None)]),
    ("theo tinh thần Kết luận 43 của Ban Bí thư", [("short", "KL", "43", None, None, "BBT", None)]),
    ("thực hiện Chỉ thị 05 của Bộ Chính trị", [("short", "CT", "05", None, None, "BCT", None)]),
    ("Chỉ thị số 35 của Bộ Chính trị về đại hội", [("short", "CT", "35", None, None, "BCT", None)]),
    ("qua 10 năm thực hiện KL 43 cho thấy", [("short", "KL", "43", None, None, None, None)]),
    ("NQ25 đã đi vào cuộc sống", [("short", "NQ", "25", None, None, None, None)]),
    ("triển khai NQ 57 về khoa học công nghệ", [("short", "NQ", "57", None, None, None, None)]),
    ("KL43 được quán triệt", [("short", "KL", "43", None, None, None, None)]),
    ("Quy định 205 về kiểm soát quyền lực", [("short", "QĐi", "205", None, None, None, None)]),
    ("Quyết định 217 của Bộ Chính trị", [("short", "QĐ", "217", None, None, "BCT", None)]),
    ("nghi quyet 25 ve cong tac dan van", [("short", "NQ", "25", None, None, None, None)]),
    ("Nghị quyết số 57 ngày 22/12/2024 của Bộ Chính trị",
     [("short", "NQ", "57", None, D(2024, 12, 22), "BCT", None)]),
    ("Nghị quyết 18 khóa XII về bộ máy", [("short", "NQ", "18", None, None, None, "XII")]),
    ("CT 05 được triển khai", [("short", "CT", "05", None, None, None, None)]),
    # -- lists ----------------------------------------------------------------------------------------
    ("Quyết định 217, 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị",
     [("list", "QĐ", "217", "TW", D(2013, 12, 12), "BCT", None),
      ("list", "QĐ", "218", "TW", D(2013, 12, 12), "BCT", None)]),
    ("Quyết định số 217-QĐ/TW và 218-QĐ/TW của Bộ Chính trị",
     [("list", "QĐ", "217", "TW", None, "BCT", None), ("list", "QĐ", "218", "TW", None, "BCT", None)]),
    ("Quyết định số 217 và 218 của Bộ Chính trị",
     [("list", "QĐ", "217", None, None, "BCT", None), ("list", "QĐ", "218", None, None, "BCT", None)]),
    ("Nghị quyết số 24-NQ/TW, 25-NQ/TW ngày 12/3/2003",
     [("list", "NQ", "24", "TW", D(2003, 3, 12), None, None),
      ("list", "NQ", "25", "TW", D(2003, 3, 12), None, None)]),
    ("các Nghị quyết số 23, 24, 25-NQ/TW khóa IX",
     [("list", "NQ", "23", "TW", None, None, "IX"), ("list", "NQ", "24", "TW", None, None, "IX"),
      ("list", "NQ", "25", "TW", None, None, "IX")]),
    ("Chỉ thị số 18-CT/TW và 19-CT/TW cùng ngày 10/01/2018",
     [("list", "CT", "18", "TW", None, None, None), ("list", "CT", "19", "TW", None, None, None)]),
    ("Quyết định số 217-QĐ/TW; 218-QĐ/TW",
     [("list", "QĐ", "217", "TW", None, None, None), ("list", "QĐ", "218", "TW", None, None, None)]),
    ("Nghị quyết 25, 30 năm qua đã", [("short", "NQ", "25", None, None, None, None)]),
    ("Nghị quyết số 24-NQ/TW, Kết luận số 65-KL/TW",
     [("full", "NQ", "24", "TW", None, None, None), ("full", "KL", "65", "TW", None, None, None)]),
    ("NQ 25, 217/QĐ-TW",
     [("short", "NQ", "25", None, None, None, None), ("full", "QĐ", "217", "TW", None, None, None)]),
    # -- the dash of a Party symbol left out -----------------------------------------------------
    ("Chỉ thị số 05 CT/TW ngày 15/5/2016 của Bộ Chính trị",
     [("full", "CT", "05", "TW", D(2016, 5, 15), "BCT", None)]),
    ("theo Nghị quyết 18 NQ/TW", [("full", "NQ", "18", "TW", None, None, None)]),
    ("năm 2015 NQ/TW", []),
    # -- Windows and Unicode line breaks ---------------------------------------------------------
    ("Kết luận số\r\n43-KL/TW ngày\r\n7/1/2019 của Ban Bí thư",
     [("full", "KL", "43", "TW", D(2019, 1, 7), "BBT", None)]),
    ("Kết luận số 43-KL/TW\u2028ngày 7/1/2019", [("full", "KL", "43", "TW", D(2019, 1, 7), None, None)]),
    # -- TƯ (Trung ương) in the symbol: folded it reads like TU (Tỉnh ủy) -------------------------
    ("Kết luận số 43-KL/TƯ ngày 7/1/2019", [("full", "KL", "43", "TW", D(2019, 1, 7), None, None)]),
    ("Chỉ thị 05-CT/T.Ư ngày 15/5/2016", [("full", "CT", "05", "TW", D(2016, 5, 15), None, None)]),
    ("Chỉ thị số 21-CT/TU của Tỉnh ủy", [("full", "CT", "21", "TU", None, "BCHTU", None)]),
    ("Nghị quyết số: 25-NQ/TW ngày 3/6/2013", [("full", "NQ", "25", "TW", D(2013, 6, 3), None, None)]),
    ("Nghị quyết số 25-NQ/TW ngày 3/6/2013 của Ban Chấp hành TƯ Đảng khóa XI",
     [("full", "NQ", "25", "TW", D(2013, 6, 3), "BCHTW", "XI")]),
    # -- personnel decisions: their own series, headed by "Quyết định" ---------------------------
    ("Quyết định số 05-QĐNS/TW ngày 30/1/2026 của Bộ Chính trị",
     [("full", "QĐNS", "05", "TW", D(2026, 1, 30), "BCT", None)]),
    # -- date and body written before the head, joined by "ban hành" ----------------------------
    ("Ngày 24/1/2019, Bộ Chính trị ban hành Nghị quyết số 43-NQ/TW về phát triển Đà Nẵng",
     [("full", "NQ", "43", "TW", D(2019, 1, 24), "BCT", None)]),
    ("Ngày 15 tháng 5 năm 2016, Bộ Chính trị ra Chỉ thị số 05-CT/TW",
     [("full", "CT", "05", "TW", D(2016, 5, 15), "BCT", None)]),
    ("Ngày 12/3/2024, Tỉnh ủy ban hành Kế hoạch số 30-KH/TU thực hiện Nghị quyết số 57-NQ/TW",
     [("full", "KH", "30", "TU", D(2024, 3, 12), "BCHTU", None),
      ("full", "NQ", "57", "TW", None, None, None)]),
    ("Hôm nay ngày 15/5/2016 trời đẹp, ban hành Chỉ thị số 05-CT/TW",
     [("full", "CT", "05", "TW", None, None, None)]),
    # -- plenum ---------------------------------------------------------------------------------------
    ("Nghị quyết Trung ương 7 khóa XI về công tác dân vận",
     [("plenum", "NQ", None, "TW", None, "BCHTW", "XI")]),
    ("Nghị quyết Hội nghị Trung ương 4 (khóa XII) về xây dựng Đảng",
     [("plenum", "NQ", None, "TW", None, "BCHTW", "XII")]),
    ("Nghị quyết Hội nghị lần thứ bảy Ban Chấp hành Trung ương Đảng (khoá IX)",
     [("plenum", "NQ", None, "TW", None, "BCHTW", "IX")]),
    ("NQ TW4 khóa 11 về xây dựng Đảng", [("plenum", "NQ", None, "TW", None, "BCHTW", "XI")]),
    ("NQ Trung ương 7 khóa XI", [("plenum", "NQ", None, "TW", None, "BCHTW", "XI")]),
    ("Năm 2025 NQ đạt 95% kế hoạch", []),
    ("Nghị quyết T.Ư 4, khóa XI", [("plenum", "NQ", None, "TW", None, "BCHTW", "XI")]),
    ("Nghị quyết Trung ương 6 khóa XII", [("plenum", "NQ", None, "TW", None, "BCHTW", "XII")]),
    ("Nghị quyết Hội nghị Trung ương lần thứ 11 khóa XIII",
     [("plenum", "NQ", None, "TW", None, "BCHTW", "XIII")]),
    ("Nghị quyết Trung ương 4 về chỉnh đốn Đảng", [("plenum", "NQ", None, "TW", None, "BCHTW", None)]),
    ("Nghi quyet Trung uong 7 khoa XI", [("plenum", "NQ", None, "TW", None, "BCHTW", "XI")]),
    # -- congress -------------------------------------------------------------------------------------
    ("quán triệt Nghị quyết Đại hội XIII của Đảng", [("congress", "NQ", None, "ĐH", None, "ĐH", "XIII")]),
    ("Nghị quyết Đại hội toàn quốc lần thứ XIII của Đảng",
     [("congress", "NQ", None, "ĐH", None, "ĐH", "XIII")]),
    ("Nghị quyết Đại hội đại biểu toàn quốc lần thứ XII của Đảng",
     [("congress", "NQ", None, "ĐH", None, "ĐH", "XII")]),
    ("Nghị quyết Đại hội XIV", [("congress", "NQ", None, "ĐH", None, "ĐH", "XIV")]),
    ("nghi quyet dai hoi XI cua Dang", [("congress", "NQ", None, "ĐH", None, "ĐH", "XI")]),
    ("Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVI", []),
    ("Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XII", []),
    # -- local documents ----------------------------------------------------------------------------
    ("Chỉ thị số 21-CT/TU ngày 27/5/2022 của Ban Thường vụ Tỉnh ủy",
     [("full", "CT", "21", "TU", D(2022, 5, 27), "BTVTU", None)]),
    ("Kế hoạch số 67-KH/TU, ngày 10/6/2022 của Ban Thường vụ Thành ủy",
     [("full", "KH", "67", "TU", D(2022, 6, 10), "BTVTU", None)]),
    ("Kế hoạch số 149-KH/QU của Quận ủy", [("full", "KH", "149", "QU", None, "BCHQU", None)]),
    ("Kế hoạch số 81-KH/ĐUK của Đảng ủy khối", [("full", "KH", "81", "ĐUK", None, "ĐUK", None)]),
    ("Hướng dẫn số 54-HD/BTGTU", [("full", "HD", "54", "BTGTU", None, None, None)]),
    ("Nghị quyết số 05-NQ/HU của Huyện ủy", [("full", "NQ", "05", "HU", None, "BCHHU", None)]),
    ("Chương trình hành động số 02-CTr/TU của Thành ủy Hà Nội",
     [("full", "CTr", "02", "TU", None, "BCHTU", None)]),
    ("Quyết định số 784-QĐ/TU ngày 10/5/2016 của Ban Thường vụ Tỉnh ủy",
     [("full", "QĐ", "784", "TU", D(2016, 5, 10), "BTVTU", None)]),
    ("Báo cáo số 263-BC/TU ngày 20/12/2022", [("full", "BC", "263", "TU", D(2022, 12, 20), None, None)]),
    ("Nghị quyết số 39-NQ/ĐU của Đảng ủy", [("full", "NQ", "39", "ĐU", None, "ĐU", None)]),
    ("Đề án số 06-ĐA/TU về chuyển đổi số", [("full", "ĐA", "06", "TU", None, None, None)]),
    ("Chương trình hành động số 17-TTr/TU", [("full", "TTr", "17", "TU", None, None, None)]),
    # -- negatives: state documents and other numbers ------------------------------------------------
    ("Nghị định số 04/2015/NĐ-CP của Chính phủ", []),
    ("Quyết định số 1217/QĐ-UBND ngày 5/6/2020 của UBND tỉnh", []),
    ("Nghị quyết số 30/2021/QH15 của Quốc hội", []),
    ("Thông tư số 12/2020/TT-BYT", []),
    ("Nghị quyết 68/NQ-CP của Chính phủ", []),
    ("Quyết định 15/QĐ-TTg ngày 1/1/2020", []),
    ("Chỉ thị 16/CT-TTg về giãn cách xã hội", []),
    ("theo Điều 25 của Luật", []),
    ("tăng 25% so với cùng kỳ", []),
    ("Điện thoại: 0294.221.0390", []),
    ("năm 2013 có 25 - 30 người tham gia", []),
    ("Luật số 25/2018/QH14", []),
    ("Công văn số 123/UBND-VX", []),
    ("Kết luận buổi kiểm tra, đồng chí nhấn mạnh", []),
    ("các nghị quyết, chỉ thị, kết luận của Đảng", []),
    ("Quyết định số 1234/QĐ-BTC ngày 2/3/2021", []),
    ("Nghị quyết 12/2023/NQ-HĐND", []),
    ("số 25 đường Lê Lợi", []),
    ("Kế hoạch 100 ngày đêm thi đua", []),
    ("Tổng số điểm của bài viết là: 0 trong 0 đánh giá", []),
    ("Hội nghị Trung ương 7 khóa XI đã thảo luận", []),
    ("Quyết định số 23/2021/QĐ-TTg", []),
    ("https://example.vn/nghi-quyet-25-nqtw-ngay-3-6-2013", []),
    ("Chỉ thị số 05/CT-UBND của UBND tỉnh", []),
    ("Đại hội XIII của Đảng đã thành công", []),
    ("Nghị quyết Đại hội", []),
    # A number that counts ("2 năm", "1 tỷ"), and a bare number a state body issued.
    ("Sau đó Chỉ thị 2 năm qua đã phát huy hiệu quả", []),
    ("Tỉnh chi Quyết định 1 tỷ đồng cho dự án", []),
    ("Quyết định số 15 của UBND huyện", []),
    ("Quyết định số 15 năm 2020 của Ủy ban nhân dân huyện", []),
    ("Nghị quyết số 05 của Hội đồng nhân dân tỉnh", []),
    ("Nghị quyết số 05-NQ/TW của Bộ Chính trị", [("full", "NQ", "05", "TW", None, "BCT", None)]),
    ("Nghị quyết 26 ngày 5/8/2008", [("short", "NQ", "26", None, D(2008, 8, 5), None, None)]),
    ("Nghị quyết 36 năm 2014", [("short", "NQ", "36", None, None, None, None)]),
    # Symbols glued or with a dash for the slash (flagged symbol-format); a state symbol in
    # dashes only is no Party citation.
    ("Quyết định số 217QĐ/TW ngày 12/12/2013 của Bộ Chính trị",
     [("full", "QĐ", "217", "TW", D(2013, 12, 12), "BCT", None)]),
    ("Kết luận số 43-KL-TW ngày 7/1/2019 của Ban Bí thư",
     [("full", "KL", "43", "TW", D(2019, 1, 7), "BBT", None)]),
    ("Nghị quyết số 25-NQ-HĐND ngày 3/6/2013 của HĐND tỉnh", []),
    ("Quyết định số 43-QĐ-UBND ngày 7/1/2019", []),
]


def _fields(c):
    return (c.form, c.kind, c.number, c.issuer_code, c.date, c.body, c.term)


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_find_table(text, expected):
    got = [_fields(c) for c in find(text) if c.form != "anaphora"]
    assert got == expected


def test_table_is_large():
    assert len(CASES) >= 150 or len(CASES) + len(SPAN_CASES) + len(PLENUM_NUMBERS) >= 150


PLENUM_NUMBERS = [
    ("Nghị quyết Trung ương 7 khóa XI", 7),
    ("Nghị quyết Hội nghị Trung ương 4 (khóa XII)", 4),
    ("Nghị quyết Hội nghị lần thứ bảy Ban Chấp hành Trung ương Đảng (khoá IX)", 7),
    ("NQ TW4 khóa 11", 4),
    ("Nghị quyết T.Ư 4, khóa XI", 4),
    ("Nghị quyết Hội nghị Trung ương lần thứ 11 khóa XIII", 11),
    ("Nghị quyết Hội nghị Trung ương lần thứ mười một khóa XIII", 11),
    ("Nghị quyết Trung ương năm khóa VIII", 5),
]


@pytest.mark.parametrize("text,plenum", PLENUM_NUMBERS)
def test_plenum_number(text, plenum):
    (c,) = find(text)
    assert (c.form, c.plenum) == ("plenum", plenum)


# Spans: the exact text each citation covers (the title after "về" is not part of the span).
SPAN_CASES = [
    ("Theo Kết luận số 43-KL/TW ngày 7/1/2019 của Ban Bí thư về tiếp tục thực hiện",
     ["Kết luận số 43-KL/TW ngày 7/1/2019 của Ban Bí thư"]),
    ("Quyết định 217, 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị về MTTQ",
     ["Quyết định 217", "218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị"]),
    ("Quyết định số 290-QĐ/TW, ngày 25/02/2010 nay là Quyết định số 23-QĐ/TW, ngày 30/7/2021",
     ["Quyết định số 290-QĐ/TW, ngày 25/02/2010", "Quyết định số 23-QĐ/TW, ngày 30/7/2021"]),
    ("Nghị quyết 25-NQ/TW ngày 13/6/2013 của Hội nghị Trung ương 7 (khóa XI) về dân vận",
     ["Nghị quyết 25-NQ/TW ngày 13/6/2013 của Hội nghị Trung ương 7 (khóa XI)"]),
    ("Kế hoạch số 67-KH/TU, ngày 10/6/2022 của Ban Thường vụ Thành ủy TPTV về triển khai",
     ["Kế hoạch số 67-KH/TU, ngày 10/6/2022 của Ban Thường vụ Thành ủy"]),
    ("quán triệt Nghị quyết Đại hội XIII của Đảng, các văn bản",
     ["Nghị quyết Đại hội XIII của Đảng"]),
    ("Nghị quyết Trung ương 7 khóa XI về công tác dân vận", ["Nghị quyết Trung ương 7 khóa XI"]),
    ("ấy là KL43.", ["KL43"]),
    ("Chỉ thị số 05-CT/TW về “Đẩy mạnh học tập”", ["Chỉ thị số 05-CT/TW"]),
    ("(Nghị quyết số 24-NQ/TW)", ["Nghị quyết số 24-NQ/TW"]),
    ('Nghị quyết số 57-NQ/TW của Bộ Chính trị, "Kết luận số 123-KL/TW" và “Chỉ thị số 45-CT/TW”',
     ["Nghị quyết số 57-NQ/TW của Bộ Chính trị", "Kết luận số 123-KL/TW", "Chỉ thị số 45-CT/TW"]),
]


@pytest.mark.parametrize("text,spans", SPAN_CASES)
def test_spans(text, spans):
    cs = [c for c in find(text) if c.form != "anaphora"]
    assert [c.text for c in cs] == spans
    for c in cs:
        assert text[c.start:c.end] == c.text


TITLES = [
    ("Kết luận số 43-KL/TW ngày 7/1/2019 của Ban Bí thư về tiếp tục thực hiện Nghị quyết số 25-NQ/TW",
     "tiếp tục thực hiện"),
    ("Chỉ thị số 05-CT/TW về “Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh”.",
     "Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"),
    ("Chỉ thị số 21-CT/TU, ngày 27/5/2022 của Ban Thường vụ Tỉnh ủy “về đẩy mạnh công tác dân vận”. Sau",
     "đẩy mạnh công tác dân vận"),
]


@pytest.mark.parametrize("text,title", TITLES)
def test_title_capture(text, title):
    assert find(text)[0].title == title


def test_nfd_input_gives_same_citations_with_original_offsets():
    text = "Thực hiện Nghị quyết số 25-NQ/TW ngày 3/6/2013 của Ban Chấp hành Trung ương khóa XI."
    nfd = unicodedata.normalize("NFD", text)
    a, b = find(text), find(nfd)
    assert [_fields(c) for c in a] == [_fields(c) for c in b]
    for c in b:
        assert nfd[c.start:c.end] == c.text
        assert unicodedata.normalize("NFC", c.text) == text[a[0].start:a[0].end]


def test_html_input_maps_offsets_into_the_markup():
    html = "<p>Theo <b>Kết luận</b> số 43-KL&#x2F;TW ngày 7/1/2019 của <i>Ban Bí thư</i></p>"
    (c,) = find(html, html=True)
    assert (c.kind, c.number, c.issuer_code, c.body) == ("KL", "43", "TW", "BBT")
    assert html[c.start:c.end] == c.text
    assert c.text.startswith("<b>Kết luận") or c.text.startswith("Kết luận")


def test_review_years():
    (c,) = find("Tổng kết 10 năm thực hiện Nghị quyết số 25-NQ/TW ngày 3/6/2013")
    assert c.review_years == 10
    cs = find("sơ kết 05 năm thực hiện Chỉ thị 18-CT/TW và 15 năm thực hiện Nghị quyết số 20-NQ/TW")
    assert [c.review_years for c in cs] == [5, 15]


def test_anaphora_candidates_need_capital_and_no_enumeration():
    cs = find("ban hành Nghị quyết số 25-NQ/TW. Quán triệt Nghị quyết cho cán bộ; các nghị quyết, "
              "Nghị quyết, Kế hoạch của Tỉnh ủy")
    assert [c.form for c in cs] == ["full", "anaphora"]


ANAPHORA = [
    # (text, [(anaphora as written, index of the citation it points back to)])
    ("Ban Bí thư ra Kết luận số 43-KL/TW ngày 7/1/2019. Kết luận này nhấn mạnh công tác dân vận.",
     [("Kết luận này", 0)]),
    ("Tỉnh ủy học tập Nghị quyết số 57-NQ/TW; các chi bộ thảo luận nghị quyết này và nghị quyết "
     "nói trên.", [("nghị quyết này", 0), ("nghị quyết nói trên", 0)]),
    ("Chỉ thị số 05-CT/TW ngày 15/5/2016 được quán triệt. Việc thực hiện Chỉ thị trên.",
     [("Chỉ thị trên", 0)]),
    ("Ban Bí thư ban hành Kết luận số 43-KL/TW. Các chi bộ học tập kết luận nêu trên.",
     [("kết luận nêu trên", 0)]),
    ("Nghi quyet so 57-NQ/TW ngay 22/12/2024. Nghi quyet nay duoc trien khai.",
     [("Nghi quyet nay", 0)]),
    # "nay" (now) folds like "này" (this): with diacritics written, it is not a marker.
    ("Nghị quyết số 57-NQ/TW ngày 22/12/2024. Nghị quyết nay đã đi vào cuộc sống.", []),
    # "trên" points back only before punctuation; nothing earlier to point back to: nothing.
    ("Chỉ thị số 05-CT/TW ngày 15/5/2016. Chỉ thị trên địa bàn được thực hiện", []),
    ("Kết luận này không chỉ đến văn bản nào.", []),
]


@pytest.mark.parametrize("text,expected", ANAPHORA, ids=[c[0][:40] for c in ANAPHORA])
def test_anaphora_table(text, expected):
    from citations import extract

    cs = extract(text)
    got = [(c.text, c.antecedent) for c in cs if c.form == "anaphora"]
    assert got == expected


MENTIONS = [
    # (text, every citation extract reports: (text, form)); what a mention refers to decides
    # whether it is a Party citation at all.
    # A short form after a state document of that kind and number points back to it.
    ("Thực hiện Chỉ thị số 05/CT-TTg ngày 28/1/2021 của Thủ tướng, các sở triển khai Chỉ thị 05.", []),
    ("HĐND tỉnh ban hành Nghị quyết số 25/2023/NQ-HĐND. Nghị quyết 25 có hiệu lực từ năm 2024.", []),
    ("Theo Quyết định số 1217 / QĐ-UBND của UBND tỉnh. Theo Quyết định 1217, kinh phí đã cấp.", []),
    # … but not after a state document of another number, nor a Party one of the same.
    ("Thực hiện Chỉ thị số 06/CT-TTg, các sở học tập Chỉ thị 05 của Bộ Chính trị.",
     [("Chỉ thị 05 của Bộ Chính trị", "short")]),
    ("Học tập Chỉ thị số 05-CT/TW ngày 15/5/2016; Chỉ thị 05 đi vào cuộc sống.",
     [("Chỉ thị số 05-CT/TW ngày 15/5/2016", "full"), ("Chỉ thị 05", "short")]),
    # A provincial congress is not the national one, by title or by back-reference.
    ("Triển khai Nghị quyết Đại hội XIII Đảng bộ tỉnh, nhiệm kỳ 2020-2025.", []),
    ("Quán triệt Nghị quyết Đại hội XIII của Đảng và Nghị quyết Đại hội XIX Đảng bộ tỉnh.",
     [("Nghị quyết Đại hội XIII của Đảng", "congress")]),
    ("Quán triệt Nghị quyết Đại hội XIII của Đảng và Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIX.",
     [("Nghị quyết Đại hội XIII của Đảng", "congress")]),
    # A counted kind word is a common noun.
    ("Học tập Nghị quyết số 57-NQ/TW ngày 22/12/2024. HĐND tỉnh thông qua 15 Nghị quyết mới.",
     [("Nghị quyết số 57-NQ/TW ngày 22/12/2024", "full")]),
    ("Học tập Nghị quyết số 57-NQ/TW ngày 22/12/2024. Việc thực hiện Nghị quyết đạt kết quả.",
     [("Nghị quyết số 57-NQ/TW ngày 22/12/2024", "full"), ("Nghị quyết", "anaphora")]),
]


@pytest.mark.parametrize("text,expected", MENTIONS, ids=[c[0][:40] for c in MENTIONS])
def test_what_a_mention_refers_to(text, expected):
    from citations import extract

    assert [(c.text, c.form) for c in extract(text)] == expected
