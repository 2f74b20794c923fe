"""Review flags, hundred-and-fortieth and -forty-first rounds (issue 14 item 9, session 43): values not found.

flags140, a register leaf's place.
A civil-status register's leaf prints the issuing body's heading, the title, ``Quyển số:`` and the table, but no
place-and-date line: the reader finds no place on it, and since a leaf is not *required* to show one
(archivist/required.py) the empty place went out with no flag: 79 of the 99 values not found and unflagged on
session 42's sets. The book's place is its commune's, so the empty place now goes to review saying where to fill it
in from (``registerplace.register_place_reason``; since session 44 only where the issuer names no commune:
flags146 takes the place from the issuer's commune otherwise). Flags only: the place stays empty.

Fixture: HG230 tables-27-so-khai-sinh-bang-01-2013-hai-xuan's first five lines, as read (its title ``SỐ ĐĂNG KÝ``).

flags141, a civil-status record's book and entry: an extract, a certificate or a leaf made from the register prints
``Quyển số:`` and ``Số:``, and the truth holds both on every civil-status record, but neither was required, so a
book misread past its shape (db-171 faded-13-khai-sinh-350-dong-son: ``Quyển s5: 01⁄1996``) was left out unflagged.
Both are now required on those forms (archivist/required.py ``REGISTERED_FORMS``); a declaration (``Tờ khai``) and a
form not told are not asked for them."""

from __future__ import annotations

from archivist import classify
from archivist.classify import PageText
from archivist.extract import Metadata, extract
from archivist.itemtwin import listed_twin_doubt
from archivist.namerival import middle_last_doubt
from archivist.registerplace import issuer_unit, register_place_reason
from archivist.required import NOT_FOUND, missing_reason, required_fields
from archivist.structflags import short_head_doubt
from tests.test_flag_evidence129 import Word, _with_head
from tests.test_flag_evidence129 import _extract as _extract129
from tests.test_flag_evidence130 import _extract, _page

#: HG230 tables-27-so-khai-sinh-bang-01-2013-hai-xuan's head (lines 0-4), as read (text, confidence, box, line)
LEAF: list[Word] = [
    ('UBND', 91.15, (303, 187, 403, 212), 0), ('HUYỆN', 93.22, (414, 181, 538, 218), 0),
    ('HẢI', 69.07, (549, 181, 610, 212), 0), ('HẬU', 69.07, (622, 181, 698, 218), 0),
    ('CỘNG', 84.29, (750, 180, 855, 219), 0), ('HÒA', 95.85, (866, 181, 946, 212), 0),
    ('XÃ', 96.93, (957, 181, 1008, 212), 0), ('HỘI', 95.87, (1018, 180, 1086, 219), 0),
    ('CHỦ', 96.44, (1098, 181, 1175, 212), 0), ('NGHĨA', 96.33, (1186, 181, 1306, 212), 0),
    ('VIỆT', 96.79, (1317, 180, 1404, 219), 0), ('NAM', 96.84, (1414, 188, 1498, 212), 0),
    ('ỦY', 96.89, (332, 228, 382, 259), 1), ('BAN', 96.73, (393, 234, 468, 259), 1),
    ('NHÂN', 96.81, (478, 227, 582, 259), 1), ('DÂN', 96.91, (593, 227, 670, 259), 1),
    ('Độc', 96.12, (886, 232, 950, 266), 1), ('lập', 93.29, (962, 232, 1010, 267), 1),
    ('-', 93.29, (1023, 248, 1034, 251), 1), ('Tự', 96.78, (1045, 233, 1094, 267), 1),
    ('do', 93.30, (1106, 232, 1143, 259), 1), ('-', 93.20, (1156, 248, 1167, 251), 1),
    ('Hạnh', 96.66, (1178, 232, 1270, 267), 1), ('phúc', 96.12, (1281, 232, 1362, 267), 1),
    ('XÃ', 93.14, (381, 275, 432, 306), 2), ('HẢI', 91.94, (442, 275, 508, 306), 2),
    ('XUÂN', 89.20, (519, 274, 622, 306), 2), ('SỐ', 95.03, (650, 387, 698, 422), 3),
    ('ĐĂNG', 96.18, (711, 388, 823, 422), 3), ('KÝ', 93.31, (835, 388, 893, 422), 3),
    ('KHAI', 92.38, (904, 396, 1005, 422), 3), ('SINH', 96.25, (1018, 396, 1110, 422), 3),
    ('Quyển', 94.44, (729, 441, 837, 477), 4), ('số:', 96.46, (848, 441, 892, 470), 4),
    ('01/2013', 96.57, (906, 443, 1031, 470), 4),
]
#: the extract's title in place of the register's (an extract prints a place line: its place is required anyway)
EXTRACT = {"SỐ": "TRÍCH", "ĐĂNG": "LỤC", "KÝ": "", "Quyển": "Số:", "số:": "", "01/2013": "106"}
#: a place-and-date line under the motto, as a book's cover or a leaf laid out like a letter would print one
PLACE_LINE: list[Word] = [
    ('Hải', 96.5, (900, 330, 960, 362), 2), ('Xuân,', 96.4, (970, 330, 1060, 362), 2),
    ('ngày', 96.6, (1070, 330, 1140, 362), 2), ('21', 96.8, (1150, 330, 1185, 356), 2),
    ('tháng', 96.6, (1195, 330, 1275, 362), 2), ('9', 96.8, (1285, 330, 1300, 356), 2),
    ('năm', 96.3, (1310, 330, 1370, 356), 2), ('2013', 96.8, (1380, 330, 1450, 356), 2),
]
FILL_IN = "a register's leaf prints no place line"


def test_the_reason_names_the_issuers_unit_to_fill_the_place_from() -> None:
    assert issuer_unit("ỦY BAN NHÂN DÂN XÃ HẢI XUÂN") == "XÃ HẢI XUÂN"
    assert issuer_unit("UBND THỊ TRẤN YÊN BÌNH") == "THỊ TRẤN YÊN BÌNH"
    assert issuer_unit("ỦY BAN NHÂN DÂN PHƯỜNG 3") == "PHƯỜNG 3"
    for none in ("ỦY BAN NHÂN DÂN", "ỦY BAN NHÂN DÂN HUYỆN YÊN BÌNH", "ỦY BAN NHÂN DÂN XÃ", None, 3):
        assert issuer_unit(none) is None, none
    assert register_place_reason("ỦY BAN NHÂN DÂN XÃ HẢI XUÂN").endswith("from the issuer's 'XÃ HẢI XUÂN'")
    assert register_place_reason(None).startswith("not found on the document: " + FILL_IN)


def test_through_extract_a_leafs_empty_place_is_flagged_and_stays_empty_when_its_issuer_names_no_commune() -> None:
    # since session 44 (flags146, tests/test_flag_evidence146.py) a leaf whose issuer ends in a commune takes its
    # place from there; one whose issuer names a district, or none, keeps session 43's flag
    for line2 in ({"XÃ": "HUYỆN"}, {"XÃ": "", "HẢI": "", "XUÂN": ""}):
        meta = _extract([(line2.get(w, w) if ln == 2 else w, c, b, ln) for w, c, b, ln in LEAF
                         if ln != 2 or line2.get(w, w)])
        assert meta.classification.form == "Sổ đăng ký" and "XÃ" not in (meta.issuer.value or "")
        assert meta.place.value is None and "place" in meta.needs_review
        assert FILL_IN in (meta.place.review or "") and "from the issuing body's name" in (meta.place.review or "")


def test_a_place_read_or_a_document_that_is_no_leaf_is_not_given_the_leafs_reason() -> None:
    placed = _extract([w for w in LEAF if w[3] != 2] + PLACE_LINE)  # the issuer's unit line gives way to a place
    assert placed.place.value and FILL_IN not in (placed.place.review or ""), (placed.place.value, placed.place.review)
    extract = _extract([(EXTRACT.get(w, w), c, b, ln) for w, c, b, ln in LEAF if EXTRACT.get(w, w)])
    assert extract.classification.form != "Sổ đăng ký"
    assert FILL_IN not in (extract.place.review or ""), extract.place.review


#: db-171 faded-13-khai-sinh-350-dong-son's head (lines 0-7) and its book and entry lines (24-25), as read
FADED_EXTRACT: list[Word] = [
    ('UBND', 93.08, (386, 245, 466, 269), 0), ('HUYỆN', 96.46, (491, 238, 592, 274), 0),
    ('THỦY', 96.74, (616, 237, 698, 269), 0), ('NGUYÊN', 28.55, (722, 238, 844, 269), 0),
    ('CỘNG', 93.28, (886, 238, 968, 275), 0), ('HOÀ', 92.14, (991, 238, 1054, 269), 0),
    ('XÃ', 96.84, (1074, 238, 1116, 269), 0), ('HỘI', 95.63, (1138, 238, 1198, 276), 0),
    ('CHỦ', 95.86, (1222, 237, 1282, 269), 0), ('NGHĨA', 96.70, (1306, 239, 1410, 270), 0),
    ('VIỆT', 94.86, (1431, 238, 1514, 276), 0), ('NAM', 96.26, (1538, 244, 1598, 269), 0),
    ('ÚY', 85.35, (458, 283, 498, 314), 1), ('BAN', 85.71, (522, 290, 582, 314), 1),
    ('NHÂN', 93.30, (606, 282, 686, 314), 1), ('ĐÂẦN', 43.60, (710, 282, 770, 314), 1),
    ('Độc', 80.16, (934, 286, 1000, 321), 1), ('lập', 93.18, (1030, 285, 1093, 322), 1),
    ('-', 93.18, (1122, 301, 1134, 306), 1), ('Tự', 96.20, (1162, 287, 1210, 321), 1),
    ('do', 93.30, (1233, 285, 1275, 314), 1), ('-', 93.10, (1305, 301, 1317, 306), 1),
    ('Hạnh', 96.50, (1346, 285, 1434, 320), 1), ('phúc', 95.76, (1461, 285, 1548, 322), 1),
    ('XÃ', 96.92, (499, 328, 542, 358), 2), ('ĐÔNG', 96.58, (562, 328, 646, 359), 2),
    ('SƠN', 96.00, (668, 334, 729, 359), 2), ('Số:', 93.16, (454, 401, 510, 428), 3),
    ('255/TLKS-BS', 57.09, (542, 402, 774, 429), 3), ('TRÍCH', 93.30, (777, 510, 890, 542), 4),
    ('LỤC', 92.16, (919, 515, 986, 558), 4), ('KHAI', 83.96, (1012, 515, 1101, 542), 4),
    ('SINH', 96.51, (1129, 515, 1218, 542), 4), ('(SẢN', 88.53, (902, 556, 986, 597), 5),
    ('SAO)', 89.94, (1011, 560, 1095, 596), 5), ('Hi,', 5.46, (374, 640, 425, 671), 6),
    ('chữ', 95.77, (458, 638, 523, 666), 6), ('đệm,', 96.49, (546, 638, 620, 670), 6),
    ('tên:', 95.94, (654, 638, 730, 665), 6), ('ĐĂNG', 0.00, (761, 633, 846, 669), 6),
    ('MINH', 93.11, (870, 639, 953, 665), 6), ('KHÁNH', 95.77, (978, 632, 1082, 665), 6),
    ('Ngày,', 96.12, (373, 691, 469, 726), 7), ('tháng,', 94.49, (503, 690, 620, 725), 7),
    ('năm', 96.96, (654, 690, 716, 719), 7), ('sinh:', 96.52, (741, 690, 838, 718), 7),
    ('27/02/1990;', 88.73, (870, 690, 1098, 724), 7), ('ghi', 91.40, (1129, 690, 1190, 725), 7),
    ('bằng', 96.53, (1215, 686, 1298, 725), 7), ('chữ:', 96.65, (1324, 690, 1400, 718), 7),
    ('Ngày', 96.29, (1432, 690, 1514, 726), 7), ('hai', 96.02, (1540, 690, 1601, 718), 7),
    ('Quyển', 96.34, (372, 1550, 477, 1588), 24), ('s5:', 90.45, (503, 1554, 558, 1581), 24),
    ('01⁄1996', 38.03, (588, 1553, 736, 1581), 24), ('Sẽ:', 87.90, (373, 1606, 427, 1634), 25),
    ('350', 93.28, (459, 1609, 520, 1634), 25),
]


def test_a_civil_status_record_made_from_its_register_is_asked_for_its_book_and_entry() -> None:
    for form in ("Trích lục", "Giấy chứng nhận", "Giấy xác nhận", "Giấy", "Sổ đăng ký"):
        assert {"book", "entry"} <= required_fields("Khai sinh", "civil_status", form), form
    assert {"book", "entry"} <= required_fields("Kết hôn", "civil_status", "Giấy chứng nhận")
    for form in ("Tờ khai", None):  # a declaration precedes its entry; a form not told is not judged
        assert not {"book", "entry"} & required_fields("Khai sinh", "civil_status", form), form
    assert not {"book", "entry"} & required_fields("Quyết định", "administrative", "Giấy")


def test_through_extract_a_book_not_found_on_an_extract_is_flagged_and_a_book_read_is_not() -> None:
    meta = _extract(FADED_EXTRACT)
    assert meta.classification.form == "Trích lục" and meta.book is None
    assert "book" in meta.needs_review and "entry" not in meta.needs_review and meta.entry.value == "350"
    assert missing_reason("book") == f"{NOT_FOUND}: a civil-status record is registered in a book; read it from " \
        "the 'Quyển số:' line"
    printed = {"01⁄1996": "01/1990", "s5:": "số:"}  # the line as printed, read surely
    read = _extract([(printed[w], 96.0, b, ln) if w in printed else (w, c, b, ln) for w, c, b, ln in FADED_EXTRACT])
    assert read.book.value == "01/1990" and "book" not in read.needs_review, (read.book.value, read.needs_review)
    leaf = _extract(LEAF)  # the leaf's head holds its book, but no row: its entry not found
    assert leaf.book.value == "01/2013" and "book" not in leaf.needs_review and "entry" in leaf.needs_review


#: flags142, fresh HG266 faded-15-cv-133-long-hung's head (its first page's lines 4-9, renumbered from 0), as read:
#: the issuer's own lines (``ỦY BAN NHÂN DÂN`` / ``XÃ LONG HƯNG``) and the number's left unread on the faded page
LONG_HUNG: list[Word] = [
    ('UBND', 92.92, (269, 171, 350, 196), 0), ('HUYỆN', 93.29, (374, 166, 475, 201), 0),
    ('CHÂU', 92.05, (499, 164, 581, 195), 0), ('THÀNH', 92.55, (604, 170, 706, 196), 0),
    ('CỘNG', 92.55, (758, 166, 840, 202), 0), ('HOÀ', 92.41, (863, 164, 926, 195), 0),
    ('XÃ', 96.81, (946, 166, 988, 196), 0), ('HỘI', 96.29, (1010, 165, 1070, 203), 0),
    ('CHỦ', 96.76, (1094, 163, 1155, 195), 0), ('NGHĨA', 96.59, (1178, 165, 1282, 196), 0),
    ('VIỆT', 96.40, (1303, 166, 1386, 202), 0), ('NAM', 92.34, (1410, 171, 1470, 196), 0),
    ('Độc', 96.42, (806, 213, 872, 248), 1), ('lập', 93.25, (900, 211, 965, 249), 1),
    ('-', 92.86, (994, 227, 1006, 234), 1), ('Tự', 96.29, (1034, 214, 1082, 246), 1),
    ('do', 93.28, (1102, 210, 1147, 241), 1), ('-', 91.87, (1176, 227, 1189, 234), 1),
    ('Hạnh', 96.97, (1218, 210, 1306, 248), 1), ('phúc', 95.27, (1331, 210, 1420, 249), 1),
    ('VÖWsdon', 0.00, (237, 391, 380, 417), 2), ('đốc„kfÑ', 0.00, (406, 387, 548, 417), 2),
    ('nộp', 93.30, (574, 389, 633, 422), 2), ('thuứ9ng', 0.38, (658, 377, 810, 416), 2),
    ('Hưng,', 96.64, (834, 377, 930, 410), 2), ('ngày', 96.12, (963, 375, 1049, 410), 2),
    ('27', 96.29, (1070, 378, 1114, 403), 2), ('tháng', 96.35, (1139, 375, 1242, 410), 2),
    ('12', 96.66, (1266, 378, 1306, 404), 2), ('năm', 92.91, (1331, 376, 1394, 404), 2),
    ('2006', 90.38, (1416, 377, 1502, 403), 2), ('sử', 96.24, (280, 432, 321, 460), 3),
    ('dụng', 95.94, (342, 433, 422, 466), 3), ('đất', 95.58, (446, 430, 506, 460), 3),
    ('phi', 94.70, (531, 432, 590, 466), 3), ('nông', 93.51, (615, 432, 695, 466), 3),
    ('nghiệp', 95.18, (332, 475, 454, 510), 4), ('năm', 96.16, (479, 476, 539, 503), 4),
    ('20096', 65.61, (562, 478, 643, 502), 4), ('|', 95.85, (36, 534, 42, 641), 5),
    ('Kính', 96.22, (635, 562, 718, 590), 5), ('gửi:', 92.12, (743, 562, 819, 597), 5),
]
#: the issuer's own lines as printed under the parent's (its unit's line a line of its own: the lines after it move on)
OWN_LINES: list[Word] = [
    ('ỦY', 96.0, (300, 213, 340, 244), 1), ('BAN', 96.0, (350, 213, 420, 244), 1),
    ('NHÂN', 96.0, (430, 213, 520, 244), 1), ('DÂN', 96.0, (530, 213, 600, 244), 1),
    ('XÃ', 96.0, (360, 258, 400, 289), 2), ('LONG', 96.0, (410, 258, 500, 289), 2),
    ('HƯNG', 96.0, (510, 258, 600, 289), 2),
]
SHORT_HEAD = "the short head a parent body is written with"


def test_an_issuer_opening_with_a_parents_short_head_is_doubted_a_whole_name_is_not() -> None:
    assert SHORT_HEAD in (short_head_doubt("UBND HUYỆN CHÂU THÀNH") or "")
    assert SHORT_HEAD in (short_head_doubt("HĐND XÃ TÂN DÂN") or "")
    for whole in ("ỦY BAN NHÂN DÂN XÃ LONG HƯNG", "HỘI ĐỒNG NHÂN DÂN XÃ ĐẠI ĐỒNG", "UBND", "ĐẢNG ỦY XÃ LONG HƯNG",
                  "ỦY BAN NHÂN DÂN HUYỆN CHÂU THÀNH"):
        assert short_head_doubt(whole) is None, whole


def test_through_extract_the_parents_line_taken_for_the_issuer_is_flagged_and_kept() -> None:
    meta = _extract(LONG_HUNG)
    assert meta.issuer.value == "UBND HUYỆN CHÂU THÀNH" and "issuer" in meta.needs_review
    assert SHORT_HEAD in (meta.issuer.review or ""), meta.issuer.review
    assert meta.parent_issuer.value is None and "parent_issuer" in meta.needs_review  # the parent it is, not found
    assert "is written as a parent body is" in (meta.parent_issuer.review or ""), meta.parent_issuer.review
    after = [(w, c, b, ln + 1 if ln >= 2 else ln) for w, c, b, ln in LONG_HUNG]
    whole = _extract(after + OWN_LINES)  # the issuer's own lines read: the issuer is the commune's
    assert whole.issuer.value == "ỦY BAN NHÂN DÂN XÃ LONG HƯNG", whole.issuer.value
    assert whole.parent_issuer.value == "UBND HUYỆN CHÂU THÀNH" and not whole.parent_issuer.review
    assert SHORT_HEAD not in (whole.issuer.review or ""), (whole.issuer.value, whole.issuer.review)


#: flags143, fresh HG266 faded-13-khai-sinh-8-binh-minh's head (lines 0-7), as read: its title ``TRÍCH LỤC KHAI SINH``
#: read ``TRÍCH LIC KHAT STIWN``, past matching a form's title, so the subject (the title) was left empty
BINH_MINH: list[Word] = [
    ('UBND', 93.06, (389, 246, 470, 270), 0), ('HUYỆN', 96.58, (494, 241, 595, 276), 0),
    ('THĂNG', 95.59, (619, 241, 722, 272), 0), ('BÌNH', 91.79, (746, 241, 826, 270), 0),
    ('CỘNG', 91.79, (893, 240, 975, 277), 0), ('HOÀ', 91.68, (998, 239, 1059, 270), 0),
    ('XÃ', 96.94, (1082, 240, 1122, 272), 0), ('HỘI', 80.65, (1146, 239, 1206, 276), 0),
    ('CHỦ', 95.71, (1229, 238, 1290, 270), 0), ('NGHĨA', 93.13, (1314, 241, 1416, 271), 0),
    ('VIỆT', 95.02, (1438, 240, 1522, 278), 0), ('NAM', 96.92, (1545, 245, 1605, 270), 0),
    ('ỦY', 96.83, (451, 283, 492, 316), 1), ('BAN', 95.56, (514, 290, 574, 316), 1),
    ('NHÂN', 85.58, (598, 285, 680, 316), 1), ('DÂN', 96.11, (703, 285, 764, 316), 1),
    ('Độc', 96.25, (942, 286, 1007, 322), 1), ('lập', 93.16, (1037, 286, 1099, 323), 1),
    ('-', 93.16, (1130, 303, 1142, 310), 1), ('Tự', 96.89, (1170, 289, 1218, 322), 1),
    ('do', 92.91, (1239, 286, 1282, 316), 1), ('-', 92.91, (1311, 303, 1323, 309), 1),
    ('Hạnh', 96.10, (1354, 286, 1442, 322), 1), ('phúc', 96.10, (1468, 286, 1554, 323), 1),
    ('XÃ', 96.71, (480, 330, 523, 362), 2), ('BÌNH', 93.29, (545, 330, 626, 361), 2),
    ('MINH', 89.22, (650, 335, 732, 361), 2), ('Số:', 93.12, (446, 402, 502, 430), 3),
    ('239/TLKS-BS', 91.44, (534, 403, 768, 431), 3), ('TRÍCH', 93.30, (783, 510, 898, 545), 4),
    ('LIC', 66.28, (926, 518, 992, 552), 4), ('KHAT', 87.59, (1018, 515, 1108, 544), 4),
    ('STIWN', 30.35, (1135, 516, 1226, 545), 4), ('(BẢN', 93.30, (909, 556, 992, 598), 5),
    ('SAO)', 77.55, (1018, 561, 1102, 597), 5), (',', 85.71, (410, 659, 418, 673), 6),
    ('chữ', 96.42, (451, 638, 516, 667), 6), ('đệm,', 96.15, (538, 639, 614, 673), 6),
    ('tên:', 96.02, (646, 639, 722, 667), 6), ('VŨ', 91.36, (752, 634, 794, 667), 6),
    ('THIi', 55.19, (818, 640, 880, 667), 6), ('NGA', 96.94, (905, 641, 969, 668), 6),
    ('ày,', 92.96, (407, 691, 462, 726), 7), ('tháng,', 95.47, (495, 692, 613, 728), 7),
    ('năm', 96.43, (646, 692, 708, 720), 7), ('sinh:', 96.63, (733, 691, 830, 720), 7),
    ('10/09/1994;', 84.76, (862, 693, 1090, 726), 7), ('ghi', 56.13, (1121, 692, 1183, 727), 7),
    ('bằng', 96.39, (1209, 687, 1290, 728), 7), ('chữ:', 96.40, (1316, 693, 1393, 721), 7),
    ('Ngày', 96.84, (1424, 691, 1507, 728), 7), ('mười,', 51.71, (1531, 692, 1627, 726), 7),
]


def test_a_civil_status_records_subject_is_required_an_administrative_ones_as_before() -> None:
    for form in ("Trích lục", "Tờ khai", None):
        assert "subject" in required_fields("Khai sinh", "civil_status", form), form
    assert "subject" in required_fields("Kết hôn", "civil_status", "Giấy chứng nhận")
    assert "subject" in missing_reason("subject") and "a civil-status form's is its title" in missing_reason("subject")


def test_through_extract_a_title_misread_past_matching_leaves_the_subject_empty_and_flagged() -> None:
    meta = _extract(BINH_MINH)
    assert meta.classification.kind == "civil_status" and meta.subject.value is None
    assert "subject" in meta.needs_review
    printed = _extract([({"LIC": "LỤC", "KHAT": "KHAI", "STIWN": "SINH"}.get(w, w), c, b, ln)
                        for w, c, b, ln in BINH_MINH])  # the title read: it is the subject, unflagged
    assert printed.subject.value == "Trích lục khai sinh" and "subject" not in printed.needs_review


#: flags144, fresh HG265 faded-13-cv-233-tan-thanh-dong's signature block (its page's lines 22-28, renumbered from 9
#: under the head of tests/test_flag_evidence129), as read: the signer's ``Vân`` read ``Văn`` at 89
VAN_BLOCK: list[Word] = [
    ('Nơi', 86.25, (346, 1508, 408, 1536), 9), ('nhận:', 95.85, (432, 1508, 534, 1542), 9),
    ('TM.', 93.19, (1050, 1511, 1112, 1538), 9), ('UỲ', 28.92, (1146, 1504, 1188, 1538), 9),
    ('BAN', 94.25, (1216, 1510, 1282, 1538), 9), ('NHÂN', 96.39, (1310, 1505, 1399, 1538), 9),
    ('DÂN', 95.89, (1426, 1505, 1492, 1538), 9), ('-', 92.38, (350, 1572, 360, 1577), 10),
    ('Như', 92.76, (386, 1560, 446, 1584), 10), ('trên;', 95.57, (466, 1558, 556, 1590), 10),
    ('CHỦ', 96.49, (1180, 1554, 1248, 1590), 10), ('TỊCH', 95.74, (1274, 1562, 1365, 1595), 10),
    ('-', 83.14, (350, 1698, 360, 1702), 11), ('Lưu', 93.29, (387, 1686, 442, 1709), 11),
    ('VT,', 85.15, (464, 1685, 517, 1709), 11), ('Lý', 96.75, (1147, 1830, 1190, 1868), 12),
    ('Hồng', 96.07, (1215, 1827, 1306, 1867), 12), ('Văn', 88.78, (1330, 1832, 1399, 1861), 12),
]
MIDDLE_LAST = "ends with 'Văn', a middle name, where the given name stands"


def test_a_name_ending_with_the_middle_name_van_is_doubted_a_name_holding_it_in_the_middle_is_not() -> None:
    assert MIDDLE_LAST in (middle_last_doubt("Lý Hồng Văn") or "")
    for name in ("Lý Hồng Vân", "Nguyễn Văn Hùng", "Trần Văn Vân", "Văn", "Phạm Thị Vân"):
        assert middle_last_doubt(name) is None, name


def test_through_extract_the_signer_ending_with_van_is_flagged_and_kept() -> None:
    meta = _with_head_extract(VAN_BLOCK)
    assert meta.signer.value == "Lý Hồng Văn" and "signer" in meta.needs_review
    assert MIDDLE_LAST in (meta.signer.review or ""), meta.signer.review
    printed = _with_head_extract([(w if w != "Văn" else "Vân", c, b, ln) for w, c, b, ln in VAN_BLOCK])
    assert printed.signer.value == "Lý Hồng Vân" and MIDDLE_LAST not in (printed.signer.review or "")


def _with_head_extract(words: list[Word]) -> Metadata:
    """``words`` under the head of tests/test_flag_evidence129, described."""
    return _extract129(_with_head(words))


#: flags145, fresh HG264 typewriter-12-kh-100-hoa-khanh's head (lines 0-6), as read: the subject's ``khai`` read
#: ``thai`` at 89
KH_100: list[Word] = [
    ('UBND', 88.62, (472, 254, 552, 279), 0), ('HUYỆN', 96.43, (578, 249, 678, 283), 0),
    ('BÈ', 87.18, (788, 249, 826, 278), 0), ('CỘNG', 81.53, (920, 249, 1002, 285), 0),
    ('HOÀ', 91.65, (1026, 249, 1086, 278), 0), ('XÃ', 96.41, (1109, 248, 1150, 278), 0),
    ('HỘI', 93.28, (1173, 249, 1231, 285), 0), ('€ñÙ', 38.21, (1256, 247, 1316, 278), 0),
    ('NGHÝA', 71.28, (1341, 249, 1444, 279), 0), ('VIỆT', 94.19, (1465, 249, 1548, 285), 0),
    ('NAM', 96.27, (1572, 253, 1631, 279), 0), ('ÚY', 2.70, (493, 292, 533, 323), 1),
    ('BAN', 96.39, (556, 298, 615, 324), 1), ('NHÂN', 96.24, (640, 294, 720, 324), 1),
    ('DÂN', 96.67, (745, 294, 804, 324), 1), ('Độc', 95.38, (968, 296, 1034, 330), 1),
    ('lập', 78.19, (1062, 293, 1126, 331), 1), ('-', 93.18, (1157, 313, 1168, 318), 1),
    ('Tự', 96.82, (1197, 298, 1243, 330), 1), ('do', 93.30, (1266, 296, 1308, 324), 1),
    ('-', 92.49, (1339, 313, 1350, 318), 1), ('Hạnh', 95.64, (1382, 294, 1468, 329), 1),
    ('phúc', 96.74, (1494, 294, 1582, 332), 1), ('XÃ', 96.92, (522, 338, 564, 368), 2),
    ('HÒA', 96.13, (587, 338, 648, 367), 2), ('KHÁNH', 96.05, (671, 340, 772, 370), 2),
    ('Số:', 93.29, (487, 410, 542, 439), 3), ('100/KH-UBND', 87.65, (575, 413, 809, 440), 3),
    ('Xã', 76.02, (865, 412, 906, 438), 3), ('Hòa', 96.61, (931, 410, 993, 437), 3),
    ('Khánh,', 96.18, (1018, 410, 1135, 445), 3), ('ngày', 96.58, (1170, 412, 1254, 445), 3),
    ('19', 96.58, (1277, 414, 1318, 440), 3), ('tháng', 96.34, (1346, 411, 1447, 444), 3),
    ('7', 96.35, (1477, 413, 1492, 437), 3), ('năm', 96.24, (1515, 412, 1578, 439), 3),
    ('2065', 91.73, (1601, 414, 1686, 439), 3), ('KẾ', 96.87, (940, 518, 984, 552), 4),
    ('HOẠCH', 96.10, (1011, 525, 1123, 558), 4), ('Triển', 92.30, (690, 573, 802, 605), 5),
    ('thai', 89.03, (830, 574, 917, 604), 5), ('công', 95.40, (943, 574, 1030, 611), 5),
    ('tác', 96.12, (1058, 577, 1121, 605), 5), ('chuyển', 96.50, (1148, 573, 1281, 613), 5),
    ('đổi', 96.13, (1307, 574, 1373, 605), 5), ('số', 96.55, (726, 626, 768, 657), 6),
    ('trên', 95.85, (796, 626, 882, 658), 6), ('địa', 95.95, (909, 629, 974, 664), 6),
    ('bàn', 95.56, (1001, 629, 1063, 658), 6), ('xã', 96.18, (1091, 628, 1134, 657), 6),
    ('năm', 96.26, (1159, 629, 1225, 658), 6), ('2005', 68.48, (1251, 632, 1338, 658), 6),
]
#: its second page's line 9, the body's close (renumbered 0), as read
KH_100_CLOSE: list[Word] = [
    ('túc', 96.96, (265, 649, 326, 678), 0), ('triển', 96.03, (352, 648, 456, 680), 0),
    ('khai', 96.09, (482, 649, 565, 678), 0), ('thực', 92.95, (589, 650, 672, 682), 0),
    ('hiện./.', 73.20, (697, 649, 839, 684), 0),
]
TWIN = "a word one letter otherwise"


def test_a_subjects_pair_making_no_word_beside_the_bodys_listed_twin_is_doubted() -> None:
    body = "1. Mục đích\nTổ chức triển khai thực hiện./."
    assert "'triển khai'" in (listed_twin_doubt("Triển thai công tác chuyển đổi số", body) or "")
    assert listed_twin_doubt("Triển khai công tác chuyển đổi số", body) is None  # read right
    assert listed_twin_doubt("Triển thai công tác chuyển đổi số", "Tổ chức thực hiện./.") is None  # no twin
    # the body's own misreading is no word: a right subject beside it is not doubted (flags41's ``số tiên``)
    assert listed_twin_doubt("Về việc thu hồi số trên", "thu hồi số tiên đã cấp") is None


def test_through_extract_the_subject_is_flagged_and_kept_the_subject_read_right_is_not() -> None:
    meta = _two_pages(KH_100)
    assert meta.subject.value.startswith("Triển thai công tác") and "subject" in meta.needs_review
    assert TWIN in (meta.subject.review or ""), meta.subject.review
    right = _two_pages([(w if w != "thai" else "khai", c, b, ln) for w, c, b, ln in KH_100])
    assert right.subject.value.startswith("Triển khai công tác") and TWIN not in (right.subject.review or "")


def _two_pages(first: list[Word]) -> Metadata:
    """``first`` as page 1 and :data:`KH_100_CLOSE` as page 2, described."""
    classify._LAST = None  # pages that differ in their words only: classified afresh
    close = PageText(2, " ".join(w[0] for w in KH_100_CLOSE), KH_100_CLOSE, (), {})
    return extract([_page(first), close])
