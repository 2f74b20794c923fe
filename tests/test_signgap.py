"""A signature's strokes and a seal's pieces read as tokens between a signature block's heading and its name are
dropped (archivist/signgap.py); the block's own lines, an annotation and a word read well there stay."""

from __future__ import annotations

from archivist.footer import find_footer
from archivist.models import Word
from archivist.ocrtext import PageText, page_lines
from archivist.signgap import drop_gap_strokes, gap_box, gap_strokes, stroke_word

#: seed 420's ``seals-01-tb-129`` page 2, its footer as the record of session 47's base holds it (words, confidences,
#: boxes, lines): the recipients on the left, ``KT: CHỦ TỊCH`` / ``PHÓ CHỦ TỊCH``, the signature and seal read
#: ``\ Ty, Y )`` and ``7``, the name ``Vũ Bá Nghĩa``.
FOOT = [
    ("Nơi", 96.91, (302, 760, 354, 783), 9), ("nhận:", 96.92, (362, 759, 443, 790), 9),
    ("-", 93.18, (304, 818, 312, 822), 10), ("UBND", 92.55, (322, 806, 408, 827), 10),
    ("huyện", 96.56, (418, 805, 491, 834), 10), ("Lạng", 96.85, (501, 806, 564, 834), 10),
    ("Giang", 93.15, (573, 806, 647, 834), 10), ("(b/c);", 88.19, (656, 805, 721, 834), 10),
    ("-", 93.1, (304, 857, 312, 860), 11), ("Các", 96.75, (322, 842, 369, 866), 11),
    ("ban,", 96.67, (377, 843, 428, 870), 11), ("ngành,", 96.67, (439, 842, 519, 872), 11),
    ("đoàn", 96.95, (530, 842, 589, 866), 11), ("thể", 97.01, (598, 842, 634, 866), 11),
    ("xã;", 97.0, (642, 844, 678, 870), 11),
    ("-", 93.25, (304, 933, 313, 936), 13), ("Trưởng", 96.5, (321, 920, 414, 948), 13),
    ("các", 97.02, (422, 919, 462, 942), 13), ("thôn,", 96.84, (470, 918, 532, 946), 13),
    ("ấp;", 93.99, (542, 918, 577, 948), 13),
    ("-", 93.2, (304, 970, 313, 974), 14), ("Lưu:", 93.29, (322, 958, 379, 979), 14),
    ("VT,", 72.29, (390, 958, 434, 979), 14),
    ("KT:", 96.35, (1085, 761, 1142, 786), 15), ("CHỦ", 96.35, (1154, 754, 1231, 786), 15),
    ("TỊCH", 96.08, (1242, 761, 1332, 792), 15),
    ("PHÓ", 91.09, (1076, 801, 1151, 838), 16), ("CHỦ", 37.21, (1158, 798, 1240, 866), 16),
    ("TỊCH", 95.34, (1250, 808, 1342, 839), 16),
    ("\\", 92.5, (1046, 915, 1063, 962), 17), ("Ty,", 19.8, (1149, 939, 1198, 996), 17),
    ("Y", 60.11, (1214, 946, 1230, 987), 17), (")", 93.28, (1287, 934, 1296, 976), 17),
    ("7", 59.79, (1247, 972, 1262, 994), 18),
    ("Vũ", 96.92, (1110, 1075, 1154, 1100), 19), ("Bá", 96.99, (1166, 1074, 1206, 1100), 19),
    ("Nghĩa", 96.99, (1217, 1074, 1307, 1108), 19),
]
STROKES = ["\\", "Ty,", "Y", ")", "7"]
#: seed 423's ``seals-01-ttr-212`` page 1, its header as the base's record holds it: the footer parser takes it for a
#: block (the national title for its last heading, ``TỜ TRÌNH`` for a name in capitals), its date line in between.
HEADER = [
    ('UBND', 91.75, (426, 241, 523, 264), 0), ('HUYỆN', 96.32, (534, 234, 654, 270), 0),
    ('CẨM', 93.15, (666, 233, 743, 264), 0), ('XUYÊN', 92.26, (753, 234, 874, 264), 0),
    ('ỦY', 96.99, (486, 278, 534, 310), 1), ('BAN', 96.13, (545, 286, 618, 310), 1),
    ('NHÂN', 96.51, (628, 278, 730, 310), 1), ('DÂN', 94.5, (740, 278, 814, 310), 1),
    ('XÃ', 96.3, (510, 324, 560, 354), 2), ('CẨM', 58.28, (570, 323, 652, 354), 2),
    ('THẠCH', 90.74, (662, 330, 790, 361), 2), ('Số:', 93.3, (507, 398, 550, 424), 3),
    ('212/TTr--UBND', 43.31, (563, 400, 793, 424), 3), ('CỘNG', 95.3, (909, 233, 1011, 271), 4),
    ('HÒA', 96.38, (1022, 234, 1100, 264), 4), ('XÃ', 96.68, (1110, 234, 1159, 264), 4),
    ('HỘI', 95.8, (1169, 233, 1235, 271), 4), ('CHỦ', 96.13, (1246, 234, 1322, 264), 4),
    ('NGHĨA', 96.81, (1333, 234, 1450, 264), 4), ('VIỆT', 96.7, (1459, 233, 1544, 271), 4),
    ('NAM', 96.52, (1555, 241, 1636, 265), 4), ('Độc', 96.19, (1040, 282, 1102, 317), 5),
    ('lập', 93.3, (1113, 282, 1162, 318), 5), ('-', 93.29, (1173, 298, 1184, 302), 5),
    ('Tự', 96.38, (1195, 284, 1243, 317), 5), ('do', 93.3, (1254, 282, 1291, 310), 5),
    ('-', 93.19, (1303, 298, 1314, 302), 5), ('Hạnh', 96.3, (1325, 283, 1414, 317), 5),
    ('phúc', 96.9, (1425, 282, 1504, 318), 5), ('Xã', 96.29, (953, 399, 994, 424), 6),
    ('Cẩm', 89.86, (1005, 398, 1070, 424), 6), ('Thạch,', 96.91, (1082, 398, 1177, 430), 6),
    ('ngày', 97.0, (1190, 398, 1258, 432), 6), ('23', 96.98, (1267, 400, 1302, 424), 6),
    ('tháng', 96.97, (1314, 398, 1393, 432), 6), ('01', 96.93, (1404, 400, 1435, 424), 6),
    ('năm', 96.89, (1450, 399, 1508, 424), 6), ('2024', 96.9, (1519, 400, 1590, 424), 6),
    ('TỜ', 92.64, (931, 504, 988, 538), 7), ('TRÌNH', 96.43, (998, 504, 1125, 538), 7),
]


def page(rows: list[tuple[str, float, tuple[int, int, int, int], int]]) -> list[Word]:
    return [Word(t, c, b, ln) for t, c, b, ln in rows]


def footer_of(words: list[Word]):  # noqa: ANN201 - archivist.footer.Footer
    return find_footer([page_lines(PageText(2, "", words))], 0)


def test_the_strokes_between_the_position_and_the_name_go_and_the_block_reads_the_same() -> None:
    words = page(FOOT)
    kept = drop_gap_strokes(2, words)
    assert [w.text for w in words if w not in kept] == STROKES
    before, after = footer_of(words), footer_of(kept)
    assert after.name.text == before.name.text == "Vũ Bá Nghĩa"
    # ``KT: CHỦ TỊCH`` is the authority line since session 49 (``signwords._glued``), its heading the one position
    assert [p.text for p in after.positions] == [p.text for p in before.positions] == ["PHÓ CHỦ TỊCH"]
    assert after.authority is not None and after.authority[0] == before.authority[0] == "KT."
    assert [r.text for r in after.recipients] == [r.text for r in before.recipients]
    assert gap_strokes(2, kept) == set()  # nothing left to drop: the same list comes back
    assert drop_gap_strokes(2, kept) is kept


def test_the_gap_lies_under_the_heading_over_the_name_right_of_the_list() -> None:
    x0, y0, x1, y1 = gap_box(footer_of(page(FOOT)))
    assert (y0, y1) == (866, 1074)  # under PHÓ CHỦ TỊCH (its CHỦ reaches 866), over Vũ Bá Nghĩa (Bá)
    assert 721 < x0 <= 1046  # right of the recipients' longest line, reaching the stroke left of the block
    assert x1 == float("inf")


def test_what_reads_as_no_word() -> None:
    def w(text: str, conf: float = 95.0) -> Word:
        return Word(text, conf, (0, 0, 10, 10), 0)

    for text in ["/", "\\", "———-x", "2|", "A4“", "c@^", "H", "À", "7", "(", ")"]:
        assert stroke_word(w(text)), text
    assert stroke_word(w("đa", 15.3)) and stroke_word(w("Ty,", 19.8))
    for text in ["VẢ", "TỊCH", "Nghĩa", "(Đã", "ký)", "Ty,", "-", "—"]:
        assert not stroke_word(w(text)), text


def test_print_in_the_gap_stays() -> None:
    """An annotation line, a position's word on a line of its own (even read at 0: seed 420's ``qd-200``), a word
    read well: kept; the strokes on their own lines beside them still go."""
    rows = [r for r in FOOT if r[3] not in (17, 18)]
    extra = [("(Đã", 91.0, (1120, 900, 1180, 930), 17), ("ký)", 90.0, (1190, 900, 1240, 935), 17),
             ("CHỦ", 0.0, (1150, 945, 1240, 975), 18), ("/", 80.0, (1100, 990, 1110, 1030), 20),
             ("VẢ", 88.0, (1200, 1000, 1260, 1030), 20), ("c@^", 6.0, (1100, 1035, 1260, 1060), 21)]
    words = page(rows[:-3] + extra + rows[-3:])
    assert [w.text for w in words if w not in drop_gap_strokes(2, words)] == ["/", "c@^"]


def test_without_a_name_under_the_heading_nothing_goes() -> None:
    words = page([r for r in FOOT if r[3] != 19])
    assert gap_box(footer_of(words)) is None
    assert drop_gap_strokes(2, words) is words
    assert drop_gap_strokes(1, []) == []


def test_a_header_taken_for_a_block_has_no_gap() -> None:
    """The national title is no heading of a signature block: the date line under it keeps its digits."""
    words = page(HEADER)
    assert footer_of(words).name.text == "TỜ TRÌNH"  # what the parser takes, and why the heading is asked
    assert gap_box(footer_of(words)) is None
    assert drop_gap_strokes(1, words) is words


def test_a_stroke_reaching_into_the_name_stays_as_the_name_flags_evidence() -> None:
    """A stroke read across the name's box is what :func:`archivist.namerival.crossed_name_doubt` flags a restored
    name by (HG111 tables-25's ``Z2`` across ``Tả``, restored ``Tạ`` for ``Lê``): kept, the others still go."""
    rows = FOOT[:-3] + [("Z2", 40.0, (1150, 1040, 1200, 1085), 18)] + FOOT[-3:]
    words = page(rows)
    assert [w.text for w in words if w not in drop_gap_strokes(2, words)] == STROKES
