"""Review flags, hundred-and-thirty-fifth and -sixth rounds (issue 14 item 9, session 41 second round; each fitted on
the case it catches, seed 198, speckle41's fit set: nothing held out behind them).

- flags135: seed 198 speckle-05-kh-090-kim-son stored ``Thực hiện công tác tuyển chọn và - gọi công dân nhập ngũ năm
  2016`` (0.72) unflagged: a speck at the end of the subject's first line read ``-`` (a box 3 px by 3 px beside words
  35 px tall). :mod:`archivist.speckdrop` keeps every lone dash, so ``subjectdot.dot_dash_doubt`` judges its box.
- flags136: seed 198 speckle-04-ttr-111-tien-phong stored the place ``Tiên PHong`` (0.866) unflagged: a small ``h``
  read as a capital (``placeflags.case_slip_doubt``).

Both flag and keep the value. The fixtures are the two pages' first ten lines as the engine read them."""

from __future__ import annotations

from archivist import classify
from archivist.extract import Metadata, extract
from archivist.ocrtext import PageText, page_lines
from archivist.placeflags import case_slip_doubt
from archivist.subjectdot import dot_dash_doubt

Word = tuple[str, float, tuple[int, int, int, int], int]

KIM_SON: list[Word] = [
    ('UBND', 90.62, (263, 185, 361, 209), 0), ('HUYỆN', 96.4, (373, 177, 495, 215), 0),
    ('ĐÔNG', 93.26, (508, 178, 608, 209), 0), ('TRIỀU', 74.27, (619, 177, 723, 209), 0),
    ('CỘNG', 95.93, (751, 177, 859, 216), 0), ('HÒA', 96.1, (868, 178, 947, 213), 0),
    ('XÃ', 96.85, (959, 178, 1008, 209), 0), ('HỘI', 95.33, (1019, 177, 1086, 217), 0),
    ('CHỦ', 96.63, (1099, 177, 1177, 209), 0), ('NGHĨA', 96.34, (1188, 178, 1307, 209), 0),
    ('VIỆT', 96.16, (1319, 177, 1405, 216), 0), ('NAM', 95.9, (1416, 183, 1498, 209), 0),
    ('ỦY', 96.71, (325, 225, 373, 256), 1), ('BAN', 96.44, (386, 231, 460, 256), 1),
    ('NHÂN', 96.63, (471, 223, 574, 256), 1), ('DÂN', 94.42, (585, 224, 661, 256), 1),
    ('Độc', 13.64, (805, 226, 950, 264), 1), ('lập', 93.31, (962, 223, 1011, 264), 1),
    ('-', 92.77, (1025, 245, 1035, 249), 1), ('Tự', 93.09, (1045, 230, 1095, 264), 1),
    ('do-', 23.94, (1105, 222, 1171, 256), 1), ('Hạnh', 23.94, (1180, 229, 1271, 264), 1),
    ('phúc', 41.09, (1282, 229, 1362, 264), 1), (' °', 41.09, (1425, 226, 1438, 240), 1),
    ('XÃ', 64.95, (377, 272, 433, 303), 2), ('KIM', 86.0, (445, 275, 517, 305), 2),
    ('SƠN', 96.47, (530, 273, 601, 303), 2), ('Số:', 90.64, (359, 350, 403, 376), 3),
    ('90/KH-UBND', 90.64, (416, 337, 626, 376), 3), ('-..', 42.3, (728, 351, 741, 371), 3),
    ('Kiñi', 44.12, (841, 333, 897, 393), 3), ('Sơn,', 96.73, (912, 333, 971, 393), 3),
    ('ngày', 94.32, (985, 349, 1059, 385), 3), ('03', 94.32, (1071, 349, 1107, 376), 3),
    ('tháng', 97.0, (1120, 349, 1205, 391), 3), ('01', 96.54, (1217, 350, 1251, 376), 3),
    ('năm', 96.36, (1267, 350, 1331, 377), 3), ('2016', 96.36, (1339, 347, 1421, 389), 3),
    ('KẾ', 96.74, (776, 456, 828, 491), 4), ('HOẠCH', 21.95, (842, 463, 986, 499), 4),
    ('Thực', 96.16, (601, 516, 688, 551), 5), ('hiện', 96.77, (702, 516, 769, 551), 5),
    ('công', 96.51, (782, 516, 858, 551), 5), ('tác', 96.54, (870, 516, 917, 543), 5),
    ('tuyển', 96.59, (929, 515, 1021, 551), 5), ('chọn', 95.92, (1032, 516, 1111, 551), 5),
    ('và', 93.29, (1121, 516, 1159, 545), 5), ('-', 91.91, (1183, 532, 1186, 535), 5),
    ('gọi', 96.55, (607, 567, 655, 602), 6), ('công', 96.32, (667, 567, 745, 602), 6),
    ('dân', 96.75, (755, 567, 815, 594), 6), ('nhập', 96.89, (827, 567, 909, 602), 6),
    ('ngũ', 95.64, (923, 567, 982, 602), 6), ('năm', 96.5, (995, 567, 1066, 594), 6),
    ('2016', 96.4, (1079, 567, 1153, 595), 6), ('Thực', 96.68, (349, 649, 428, 683), 7),
    ('hiện', 96.53, (441, 648, 505, 683), 7), ('Kế', 95.91, (518, 649, 562, 677), 7),
    ('hoạch', 96.61, (574, 647, 663, 683), 7), ('số', 93.16, (675, 649, 708, 677), 7),
    ('130/KH-UBND', 89.99, (724, 647, 967, 677), 7), ('ngày', 96.76, (980, 650, 1053, 692), 7),
    ('01', 96.15, (1064, 651, 1098, 677), 7), ('tháng', 96.56, (1109, 647, 1198, 685), 7),
    ('01', 97.0, (1211, 651, 1243, 677), 7), ('năm', 96.84, (1259, 651, 1323, 677), 7),
    ('2016', 96.78, (1332, 641, 1411, 679), 7), ('của', 96.76, (1423, 650, 1475, 677), 7),
    ('Ủy', 96.85, (251, 691, 294, 736), 8), ('ban', 96.81, (305, 701, 360, 728), 8),
    ('nhân', 93.3, (373, 701, 446, 728), 8), ('dân', 93.17, (458, 698, 515, 730), 8),
    ('huyện', 96.79, (525, 701, 617, 741), 8), ('Đông', 95.06, (630, 701, 714, 736), 8),
    ('Triều,', 96.91, (725, 700, 815, 733), 8), ('Ủy', 96.94, (829, 694, 873, 736), 8),
    ('ban', 96.45, (886, 701, 939, 736), 8), ('nhân', 96.74, (953, 701, 1025, 728), 8),
    ('dân', 96.56, (1037, 701, 1091, 728), 8), ('xã', 96.96, (1104, 702, 1137, 728), 8),
    ('Kim', 96.7, (1151, 702, 1217, 729), 8), ('Sơn', 96.65, (1231, 699, 1288, 743), 8),
    ('dựng', 96.74, (1367, 699, 1450, 736), 8), ('Kế', 96.46, (1457, 700, 1501, 730), 8),
    ('hoạch', 96.99, (250, 751, 340, 801), 9), ('thực', 96.93, (353, 752, 418, 785), 9),
    ('hiện', 97.0, (429, 743, 495, 798), 9), ('như', 96.52, (508, 752, 567, 779), 9),
    ('sau:', 96.68, (577, 761, 636, 779), 9),
]
TIEN_PHONG: list[Word] = [
    ('UBND', 90.4, (304, 168, 413, 197), 0), ('HUYỆN', 93.25, (427, 161, 548, 198), 0),
    ('PHỔ', 79.83, (561, 160, 629, 192), 0), ('YÊN', 90.95, (641, 161, 711, 193), 0),
    ('CỘNG', 96.34, (790, 164, 886, 199), 0), ('HÒA', 96.94, (897, 163, 971, 200), 0),
    ('XÃ', 96.94, (981, 163, 1026, 192), 0), ('HỘI', 96.64, (1037, 164, 1097, 199), 0),
    ('CHỦ', 96.74, (1109, 163, 1179, 192), 0), ('NGHĨA', 96.66, (1191, 163, 1301, 192), 0),
    ('VIỆT', 95.87, (1311, 164, 1390, 198), 0), ('NAM', 96.73, (1401, 169, 1475, 192), 0),
    ('ỦY', 96.99, (345, 208, 394, 239), 1), ('BAN', 93.85, (406, 215, 479, 239), 1),
    ('NHÂN', 50.89, (491, 207, 595, 239), 1), ('DÂN', 96.52, (607, 207, 681, 239), 1),
    ('Độc', 96.01, (895, 212, 958, 247), 1), ('lập', 93.3, (970, 212, 1020, 247), 1),
    ('-', 93.28, (1032, 228, 1043, 231), 1), ('Tự', 93.31, (1054, 210, 1104, 247), 1),
    ('do.-', 84.92, (1114, 212, 1175, 254), 1), ('Hạnh', 96.73, (1188, 212, 1279, 247), 1),
    ('phúc', 96.87, (1290, 211, 1373, 247), 1), ('XÃ', 93.29, (369, 255, 419, 287), 2),
    ('TIÊN', 91.23, (429, 254, 530, 289), 2), ('PHONG', 91.23, (530, 254, 656, 289), 2),
    (':', 44.33, (1122, 262, 1126, 266), 2), ('Số:', 93.3, (372, 333, 415, 359), 3),
    ('111/TIr-UBND', 84.82, (431, 335, 655, 359), 3), ('Tiên', 93.3, (827, 332, 890, 359), 3),
    ('PHong,', 92.47, (903, 332, 1011, 367), 3), ('ngày', 96.57, (1025, 332, 1099, 367), 3),
    ('13', 96.94, (1111, 333, 1147, 359), 3), ('tháng', 96.61, (1159, 332, 1245, 370), 3),
    ('5', 96.76, (1257, 331, 1275, 359), 3), ('năm', 96.93, (1287, 333, 1351, 359), 3),
    ('2021', 96.67, (1363, 317, 1439, 359), 3), ('TỜ', 85.43, (781, 440, 849, 474), 4),
    ('TRÌNH', 96.8, (858, 440, 985, 474), 4), ('Về', 96.27, (454, 498, 497, 527), 5),
    ('việc', 97.01, (508, 499, 571, 534), 5), ('đề', 96.82, (583, 498, 620, 543), 5),
    ('nghị', 96.9, (633, 499, 703, 534), 5), ('phê', 96.53, (716, 499, 774, 534), 5),
    ('duyệt', 96.96, (786, 499, 877, 537), 5), ('dự', 96.9, (889, 499, 934, 534), 5),
    ('toán', 96.98, (944, 499, 1015, 526), 5), ('kinh', 96.83, (1027, 499, 1101, 540), 5),
    ('phí', 97.02, (1113, 499, 1165, 534), 5), ('sửa', 96.96, (1177, 500, 1232, 526), 5),
    ('chữa', 96.42, (1245, 499, 1324, 527), 5), ('hệ', 96.87, (504, 551, 540, 587), 6),
    ('thống', 96.68, (552, 551, 646, 587), 6), ('đèn', 96.99, (657, 552, 715, 579), 6),
    ('chiếu', 96.86, (728, 551, 814, 579), 6), ('sáng', 96.28, (826, 552, 901, 587), 6),
    ('công', 96.69, (912, 552, 989, 587), 6), ('cộng', 96.19, (1000, 552, 1076, 587), 6),
    ('thôn', 96.65, (1088, 547, 1161, 580), 6), ('Trung', 96.37, (1172, 553, 1275, 587), 6),
    ('Kính', 75.44, (549, 636, 623, 663), 7), ('gửi:', 96.97, (635, 636, 693, 671), 7),
    ('Ủy', 97.02, (708, 629, 752, 671), 7), ('ban', 96.93, (765, 636, 819, 663), 7),
    ('nhân', 96.95, (832, 636, 903, 669), 7), ('dân', 96.74, (916, 636, 969, 663), 7),
    ('huyện', 96.57, (981, 635, 1075, 671), 7), ('Phổ', 96.54, (1089, 635, 1146, 665), 7),
    ('Yên.', 74.02, (1159, 636, 1229, 670), 7), ('Thực', 96.8, (348, 725, 428, 758), 8),
    ('hiện', 96.45, (443, 725, 507, 758), 8), ('Kế', 96.42, (525, 723, 567, 753), 8),
    ('hoạch', 96.42, (582, 725, 671, 758), 8), ('số', 93.3, (686, 724, 719, 752), 8),
    ('147/KH-UBND', 91.39, (738, 725, 981, 753), 8), ('ngày', 96.41, (996, 725, 1069, 760), 8),
    ('24', 96.47, (1085, 726, 1121, 752), 8), ('tháng', 96.5, (1135, 725, 1220, 763), 8),
    ('01', 96.77, (1234, 726, 1269, 752), 8), ('năm', 96.96, (1287, 726, 1351, 754), 8),
    ('2021', 96.07, (1365, 725, 1441, 752), 8), ('cửa', 89.27, (1456, 725, 1507, 752), 8),
    ('Ủy', 96.9, (271, 770, 315, 812), 9), ('ban', 96.6, (330, 777, 383, 805), 9),
    ('nhân', 96.91, (400, 777, 471, 805), 9), ('dân', 96.79, (487, 777, 541, 805), 9),
    ('huyến', 85.93, (557, 777, 649, 826), 9), ('Phổ', 73.57, (660, 776, 722, 804), 9),
    ('Yên,', 96.78, (735, 777, 808, 809), 9), ('Ủy', 96.88, (825, 770, 882, 812), 9),
    ('ban', 96.44, (883, 777, 937, 804), 9), ('nhân', 96.82, (954, 777, 1027, 804), 9),
    ('dân', 93.27, (1042, 777, 1090, 804), 9), (';', 55.29, (1112, 830, 1115, 832), 9),
    ('xã', 96.41, (1111, 778, 1145, 804), 9), ('Tiên', 96.67, (1159, 777, 1227, 804), 9),
    ('Phong', 96.77, (1243, 777, 1341, 812), 9), ('kính', 96.89, (1356, 777, 1421, 819), 9),
    ('trình', 96.87, (1437, 777, 1508, 804), 9),
]

DOT = "a speck, not a dash"
SLIP = "mixes capitals and small letters inside the word: a letter's case was misread"


def _page(words: list[Word]) -> PageText:
    rows: dict[int, list[str]] = {}
    for w, _, _, ln in words:
        rows.setdefault(ln, []).append(w)
    return PageText(1, "\n".join(" ".join(rows.get(i, [])) for i in range(max(rows) + 1)), words, (), {})


def _extract(words: list[Word]) -> Metadata:
    classify._LAST = None  # pages that differ in their boxes only: classified afresh
    return extract([_page(words)])


def _dash(box: tuple[int, int, int, int]) -> list[Word]:
    """KIM_SON with its subject's dash at ``box``."""
    return [(w, c, box if w == "-" and ln == 5 else b, ln) for w, c, b, ln in KIM_SON]


def _subject_lines(words: list[Word]) -> list:
    return [ln for ln in page_lines(_page(words)) if ln.index in (5, 6)]


def test_a_dash_with_a_dots_box_is_doubted() -> None:
    why = dot_dash_doubt(_subject_lines(KIM_SON))
    assert why is not None and why.endswith(DOT) and "after 'và'" in why and "3 px wide" in why, why


def test_a_dash_with_a_strokes_box_is_not() -> None:
    assert dot_dash_doubt(_subject_lines(_dash((1172, 532, 1186, 535)))) is None  # 14 px: a printed dash
    assert dot_dash_doubt(_subject_lines(_dash((1180, 533, 1186, 535)))) is None  # short but flat: a stroke's shape
    assert dot_dash_doubt([ln for ln in page_lines(_page(KIM_SON)) if ln.index == 1]) is None  # the motto's dash


def test_the_subject_is_flagged_and_kept_through_extract() -> None:
    meta = _extract(KIM_SON)
    assert meta.subject.value == "Thực hiện công tác tuyển chọn và - gọi công dân nhập ngũ năm 2016"
    assert "subject" in meta.needs_review and (meta.subject.review or "").endswith(DOT), meta.subject.review
    wide = _extract(_dash((1172, 532, 1186, 535)))
    assert not (wide.subject.review or "").endswith(DOT), wide.subject.review


def test_a_place_word_in_mixed_case_is_doubted() -> None:
    why = case_slip_doubt("Tiên PHong")
    assert why is not None and why.startswith("'PHong'") and why.endswith(SLIP), why
    for right in ("Tiên Phong", "TIÊN PHONG", "Ea H'Leo", "TP.HCM", "Đắk Lắk", "Xã Cẩm Thạch", "Phường 3", None):
        assert case_slip_doubt(right) is None, right


def test_the_place_is_flagged_and_kept_through_extract_and_the_issuer_confirmed() -> None:
    meta = _extract(TIEN_PHONG)
    assert meta.place.value == "Tiên PHong" and "place" in meta.needs_review
    assert (meta.place.review or "").endswith(SLIP), meta.place.review
    assert meta.issuer.value == "ỦY BAN NHÂN DÂN XÃ TIÊN PHONG" and "issuer" not in meta.needs_review
    right = _extract([("Phong," if w == "PHong," else w, c, b, ln) for w, c, b, ln in TIEN_PHONG])
    assert right.place.value == "Tiên Phong" and "place" not in right.needs_review, right.place.review
