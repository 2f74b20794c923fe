"""Signature strokes beside a block's headings and in gaps session 47's rule did not find (archivist/signgap.py,
session 48): a heading under an authority the parser took for a position, a heading read after a stroke, symbols on
a heading's row, a seal's rim read as a bracket round no word. Fixtures: footers as seeds 455-456's base records
hold them (words, confidences, boxes, lines)."""

from __future__ import annotations

from archivist.models import Word
from archivist.signgap import _annotation, drop_gap_strokes, gap_box, symbol_only
from tests.test_signgap import footer_of, page

Row = tuple[str, float, tuple[int, int, int, int], int]

#: seed 456's ``seals-03-ttr-109`` p. 1: the authority read ``TMzỦY``, the position ``x~~ CHỦ TỊCH`` (a stroke before
#: it), the signature ``XZÌ``, ``|``, ``K3`` over ``Trần Quang Nam``.
TTR109: list[Row] = [
    ("Nơi", 96.73, (366, 1650, 416, 1674), 24), ("nhận:", 96.95, (426, 1649, 505, 1680), 24),
    ("-", 93.12, (367, 1709, 375, 1712), 25), ("Như", 95.75, (385, 1694, 440, 1718), 25),
    ("trên;", 95.75, (447, 1695, 501, 1722), 25),
    ("-", 89.11, (366, 1785, 375, 1787), 27), ("TT", 96.39, (384, 1773, 422, 1794), 27),
    ("Đảng", 95.73, (430, 1772, 496, 1800), 27), ("ủy", 96.94, (505, 1772, 534, 1800), 27),
    ("xã", 93.31, (544, 1772, 572, 1794), 27), ("(b/€);", 40.89, (581, 1771, 645, 1800), 27),
    ("-", 90.76, (366, 1824, 375, 1826), 28), ("Lưu:", 93.3, (385, 1812, 441, 1832), 28),
    ("VT.", 67.84, (452, 1812, 497, 1832), 28),
    ("TMzỦY", 85.11, (1084, 1645, 1211, 1677), 29), ("BAN", 94.69, (1222, 1652, 1296, 1677), 29),
    ("NHÂN", 96.78, (1306, 1644, 1411, 1677), 29), ("DÂN", 94.96, (1422, 1644, 1498, 1677), 29),
    ("x~~", 44.58, (1143, 1718, 1150, 1725), 30), ("CHỦ", 96.23, (1202, 1692, 1280, 1725), 30),
    ("TỊCH", 96.86, (1290, 1698, 1381, 1724), 30),
    ("XZÌ", 21.7, (1270, 1725, 1339, 1770), 31), ("|", 88.59, (1338, 1767, 1339, 1770), 32),
    ("K3", 7.76, (1234, 1826, 1412, 1882), 33),
    ("Trần", 94.68, (1156, 1963, 1230, 1990), 34), ("Quang", 96.08, (1242, 1966, 1344, 1998), 34),
    ("Nam", 95.33, (1354, 1966, 1426, 1990), 34),
]
#: seed 456's ``seals-08-ttr-228`` p. 1 from its position down: the seal's rim read ``(xHYY )`` at 0 in the gap.
TTR228: list[Row] = [
    ("Nơi", 96.77, (402, 2375, 479, 2410), 25), ("nhận:", 96.75, (492, 2375, 612, 2419), 25),
    ("-", 93.29, (403, 2463, 416, 2467), 26), ("Như", 96.86, (430, 2444, 511, 2476), 26),
    ("trên;", 96.86, (522, 2444, 602, 2483), 26),
    ("-", 91.7, (403, 2635, 416, 2639), 29), ("Lưu:", 93.31, (429, 2618, 513, 2648), 29),
    ("VT.", 84.28, (530, 2618, 595, 2648), 29),
    ("TMzỦY", 79.19, (1501, 2367, 1691, 2415), 30), ("BAN", 95.58, (1705, 2378, 1818, 2414), 30),
    ("NHÂN", 96.19, (1834, 2367, 1991, 2414), 30), ("DÂN", 96.21, (2006, 2367, 2121, 2414), 30),
    ("CHỦ", 95.47, (1677, 2438, 1794, 2488), 31), ("TỊCH", 95.91, (1810, 2449, 1946, 2486), 31),
    ("(xHYY", 0.0, (1706, 2638, 1984, 2725), 33), (")", 72.71, (1957, 2634, 1983, 2736), 33),
    ("Lê", 95.75, (1668, 2847, 1726, 2887), 34), ("Tiến", 96.37, (1742, 2847, 1844, 2887), 34),
    ("Hòa", 96.11, (1859, 2848, 1953, 2887), 34),
]
#: seed 455's ``seals-05-tb-098`` p. 2: ``KT: CHỦ-TỊCH`` parsed as a position over ``PHÓ CHỦ`` (its ``TỊCH`` read
#: apart), the signature ``\\`` and ``...`` over ``Lý Thị Hoa``.
TB098: list[Row] = [
    ("Nơi", 96.67, (387, 816, 437, 839), 10), ("nhận:", 97.01, (447, 814, 526, 846), 10),
    ("-", 93.21, (388, 874, 397, 878), 11), ("UBND", 92.31, (406, 862, 491, 883), 11),
    ("huyện", 96.73, (501, 861, 576, 890), 11), ("Cái", 96.86, (585, 861, 626, 883), 11),
    ("Bè", 93.3, (636, 861, 668, 883), 11), ("(b/c);", 87.79, (678, 861, 742, 890), 11),
    ("-", 91.42, (388, 950, 397, 954), 13), ("Lưu:", 93.3, (406, 938, 462, 959), 13),
    ("VT.", 36.81, (473, 938, 517, 959), 13),
    ("KT:", 92.8, (1210, 818, 1266, 842), 14), ("CHỦ-TỊCH", 83.13, (1278, 818, 1458, 842), 14),
    ("PHÓ", 91.03, (1200, 855, 1266, 889), 15), ("CHỦ", 96.38, (1290, 852, 1352, 898), 15),
    ("TỊCH", 68.29, (1415, 864, 1467, 889), 15),
    ("\\", 68.56, (1181, 927, 1208, 1017), 16), ("...", 38.64, (1253, 922, 1308, 955), 16),
    ("Lý", 96.61, (1245, 1130, 1286, 1164), 17), ("Thị", 96.68, (1295, 1130, 1350, 1163), 17),
    ("Hoa", 97.01, (1360, 1132, 1422, 1157), 17),
]


def dropped(rows: list[Row]) -> list[str]:
    words = page(rows)
    return [w.text for w in words if w not in drop_gap_strokes(1, words)]


def test_a_position_read_after_a_stroke_is_the_heading_and_the_strokes_go() -> None:
    """``x~~ CHỦ TỊCH`` reads no position as a whole; from its first word of letters it does: the gap under it holds
    the signature, and the ``x~~`` beside the position goes too. The block parses as before, less the stroke."""
    assert gap_box(footer_of(page(TTR109))) is not None
    assert dropped(TTR109) == ["x~~", "XZÌ", "|", "K3"]
    kept = drop_gap_strokes(1, page(TTR109))
    after = footer_of(kept)
    assert after.name.text == "Trần Quang Nam" and [p.text for p in after.positions] == ["CHỦ TỊCH"]


def test_a_seals_rim_in_brackets_is_no_annotation() -> None:
    assert dropped(TTR228) == ["(xHYY", ")"]
    assert _annotation("(Đã ký)") and _annotation("(Ký, ghi rõ họ tên)") and _annotation("(đã ký và đóng dấu)")
    assert not _annotation("(xHYY )") and not _annotation("(")


def test_the_heading_under_an_authority_taken_for_a_position() -> None:
    """``KT: CHỦ-TỊCH`` over ``PHÓ CHỦ``: the first position reads as an authority, the second is the heading. Since
    session 49 the parser reads ``KT:`` glued to its heading as the authority itself (``signwords._glued``), so the
    heading is its only position; the strokes found beside them are the same."""
    f = footer_of(page(TB098))
    assert f.authority is not None and f.authority[0] == "KT." and [p.text for p in f.positions] == ["PHÓ CHỦ"]
    assert dropped(TB098) == ["\\", "..."]


def test_symbols_on_a_headings_row_go_and_its_words_stay() -> None:
    """A stroke's ``/`` left of the position and a seal's ``%`` right of it, on its row: gone; a
    heading's own words read badly (``GHỦ`` at 13, ``BAÑ*NHÂN``) and ``Q.`` stay."""
    rows = [r for r in TTR228 if r[3] != 33]
    extra = [("/", 92.9, (1506, 2462, 1517, 2484), 31), ("%", 77.0, (2100, 2445, 2120, 2480), 31),
             ("`", 96.0, (1980, 2455, 1990, 2465), 32)]
    words = rows[:14] + extra + rows[14:]
    assert sorted(dropped(words)) == ["%", "/", "`"]
    for text in ["/", "//.", "/`", "x~~", "đ“-", "%", "..."]:
        assert symbol_only(Word(text, 50.0, (0, 0, 1, 1), 0)), text
    for text in ["Q.", "GHỦ", "BAÑ*NHÂN", "M‹<ÚY", "-", "7m", "Ti", "(b/c);"]:
        assert not symbol_only(Word(text, 13.0, (0, 0, 1, 1), 0)), text


def test_without_a_name_nothing_beside_the_headings_goes() -> None:
    rows = [r for r in TTR109 if r[3] != 34]
    words = page(rows)
    assert drop_gap_strokes(1, words) is words


#: seed 457's ``seals-06-qd-160`` p. 1 from ``Nơi nhận:``: the parser takes ``KT. CHỦ TỊCH`` and not the line under
#: it, ``/4 PHÓ CHỦ`TỊCH`` (its ``TỊCH`` read at 6), where a stroke's ``/4`` stands before the position.
QD160: list[Row] = [
    ("Nơi", 96.87, (392, 2255, 471, 2292), 29), ("nhận:", 96.87, (483, 2255, 605, 2302), 29),
    ("-", 93.27, (394, 2343, 408, 2349), 30), ("Như", 96.93, (421, 2324, 503, 2358), 30),
    ("Điều", 95.16, (514, 2323, 601, 2358), 30), ("3;", 96.7, (615, 2326, 647, 2365), 30),
    ("-", 86.91, (394, 2515, 408, 2521), 33), ("Lưu:", 93.23, (421, 2498, 506, 2530), 33),
    ("VT,", 72.9, (520, 2498, 588, 2537), 33), ("TP.", 93.78, (601, 2498, 660, 2530), 33),
    ("KT.", 96.46, (1576, 2243, 1662, 2310), 34), ("CHỦ", 96.97, (1679, 2243, 1776, 2329), 34),
    ("TỊCH", 96.76, (1811, 2258, 1948, 2307), 34),
    ("/4", 48.79, (1463, 2271, 1576, 2393), 35), ("PHÓ", 92.74, (1561, 2318, 1677, 2367), 35),
    ("CHỦ`TỊCH", 6.03, (1694, 2317, 1963, 2397), 35),
    ("Bùi", 96.73, (1567, 2727, 1648, 2768), 39), ("Quốc", 96.17, (1664, 2726, 1785, 2776), 39),
    ("Khánh", 96.27, (1798, 2727, 1957, 2768), 39),
]
#: seed 457's ``seals-04-kh-015`` p. 2 from ``Nơi nhận:``: the stroke ``/4`` and ``kr.`` (``KT.``) read on the label's
#: line, ``“`` before ``PHÓ CHỦ TỊCH`` on the first item's.
KH015: list[Row] = [
    ("Nơi", 96.25, (409, 1132, 486, 1167), 10), ("nhận:", 96.61, (500, 1132, 620, 1177), 10),
    ("/4", 43.54, (1492, 1099, 1566, 1192), 10), ("kr.", 33.85, (1624, 1136, 1698, 1208), 10),
    ("CHỦ", 74.71, (1717, 1124, 1817, 1186), 10), ("TỊCH", 74.71, (1851, 1124, 1985, 1186), 10),
    ("-", 92.65, (410, 1220, 423, 1224), 11), ("UBND", 92.75, (437, 1203, 564, 1233), 11),
    ("huyện", 96.5, (579, 1201, 689, 1243), 11), ("Cái", 96.53, (704, 1201, 765, 1233), 11),
    ("Bè", 93.31, (779, 1201, 827, 1233), 11), ("(b/c);", 91.67, (842, 1201, 936, 1243), 11),
    ("“", 53.82, (1555, 1209, 1562, 1214), 11), ("PHÓ", 91.28, (1600, 1195, 1713, 1242), 11),
    ("CHỦ", 96.87, (1731, 1194, 1848, 1257), 11), ("TỊCH", 96.0, (1859, 1194, 2000, 1252), 11),
    ("-", 93.04, (410, 1392, 423, 1396), 14), ("Các", 96.52, (438, 1373, 506, 1405), 14),
    ("thành", 96.33, (520, 1373, 620, 1405), 14), ("viên", 96.47, (634, 1373, 711, 1405), 14),
    ("Ban", 96.89, (725, 1375, 797, 1405), 14), ("Chỉ", 96.66, (811, 1373, 874, 1405), 14),
    ("đạo;", 96.64, (889, 1373, 962, 1413), 14),
    ("Đinh", 70.27, (1630, 1605, 1742, 1643), 16), ("Bá", 96.42, (1757, 1605, 1818, 1644), 16),
    ("Nghĩa", 95.03, (1834, 1605, 1970, 1655), 16),
]


def test_a_stroke_before_a_position_the_parser_did_not_take() -> None:
    """A gap line kept as a heading loses its symbols only: ``/4`` goes, ``PHÓ`` and ``CHỦ`TỊCH`` (at 6) stay."""
    assert dropped(QD160) == ["/4"]


def test_symbols_that_hold_the_block_apart_from_the_list_stay() -> None:
    """Without ``/4`` and ``“`` the label's line would give the list a first item ``kr. CHỦ TỊCH`` (a recipient
    stored wrong): the block is parsed again, and as it changes, the symbols beside the headings stay."""
    before = footer_of(page(KH015))
    words = page(KH015)
    gone = {"/4", "“"}
    after = footer_of([w for w in words if w.text not in gone])
    assert [r.text for r in after.recipients] != [r.text for r in before.recipients]  # why the check is needed
    assert dropped(KH015) == []


#: seed 455's ``tables-03-bc-014`` p. 2 from ``Nơi nhận:``: the signature read ``=``, `` ` —“`` and ``N``; the list
#: takes ``—“`` (a dash, as its bullet) for an item of its own.
BC014: list[Row] = [
    ("Nơi", 96.07, (404, 921, 454, 944), 11), ("nhận:", 96.98, (464, 920, 542, 951), 11),
    ("-", 93.15, (405, 980, 414, 982), 12), ("UBND", 93.09, (423, 968, 508, 988), 12),
    ("huyện", 95.7, (518, 966, 593, 995), 12), ("Thọ", 96.77, (602, 966, 650, 993), 12),
    ("Xuân;", 96.87, (660, 966, 732, 993), 12),
    ("-", 92.43, (405, 1056, 413, 1058), 14), ("Lưu:", 93.3, (423, 1044, 479, 1064), 14),
    ("VT.", 75.65, (490, 1044, 534, 1064), 14),
    ("TM.", 96.48, (1134, 922, 1198, 947), 15), ("ỦY", 96.92, (1210, 916, 1261, 947), 15),
    ("BAN", 96.0, (1270, 922, 1346, 947), 15), ("NHÂN", 96.55, (1356, 914, 1461, 947), 15),
    ("DÂN", 95.78, (1470, 914, 1547, 947), 15),
    ("CHỦ", 96.48, (1252, 962, 1329, 994), 16), ("TỊCH", 95.8, (1339, 970, 1430, 1001), 16),
    ("=", 36.34, (1188, 1130, 1195, 1135), 17),
    ("`", 66.87, (1101, 1174, 1108, 1186), 18), ("—“", 54.39, (1190, 1178, 1209, 1182), 18),
    ("N", 71.03, (1107, 1184, 1124, 1202), 19),
    ("Dương", 95.88, (1213, 1237, 1317, 1270), 20), ("Đình", 95.82, (1326, 1236, 1402, 1262), 20),
    ("Lộc", 96.97, (1412, 1234, 1468, 1268), 20),
]


def test_a_stroke_the_list_took_for_an_item_bounds_no_gap() -> None:
    """``—“`` under the block is no item whose end the gap must keep right of: the gap reaches its REACH left of
    the block, and ``=``, ``—“`` and the strokes left of them, ````` and ``N`` 2.7 heading heights left of the block
    (kept by session 47's reach of 2, session 49's 5 takes them), go."""
    assert any(r.text.startswith("-") and r.box()[0] > 1000 for r in footer_of(page(BC014)).recipients)
    x0 = gap_box(footer_of(page(BC014)))[0]
    assert 732 < x0 < 1188
    assert dropped(BC014) == ["=", "`", "—“", "N"]
