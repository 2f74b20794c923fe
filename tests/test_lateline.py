"""A line read after the lines under it put back where it stands (archivist/lateline.py), and a signature block's
heading read just before ``Nơi nhận:`` opening the footer (archivist/footorder.py, ``opens_before``), on word boxes
as Tesseract gave them for two sealed proposals (generated seed 495's seals ``ttr-052`` and ``ttr-218``, words and
boxes as their base records hold them)."""

from __future__ import annotations

from archivist import pagework
from archivist.footorder import footer_order, opens_before
from archivist.headorder import _lines
from archivist.lateline import late_lines
from archivist.ocr import OcrResult
from archivist.ocrfix import text_of
from tests.test_footorder import _footer, boxed

#: ``ttr-052``'s last lines: the body's closing sentence, the seal over its end, read after the recipients' list.
CLOSING = [
    [("mươi", 580, 2276, 693, 2315), ("sáu", 708, 2274, 778, 2315), ("triệu", 793, 2274, 892, 2323),
     ("sáu", 906, 2274, 976, 2315), ("trăm", 991, 2275, 1090, 2315), ("nghìn", 1104, 2274, 1226, 2326),
     ("đồng).", 1241, 2272, 1377, 2326)],
    [("Nơi", 578, 2519, 657, 2556), ("nhận:", 668, 2519, 791, 2565)],
    [("-", 580, 2607, 594, 2613), ("Như", 607, 2588, 689, 2622), ("trên;", 698, 2588, 780, 2629)],
    [("-", 580, 2665, 594, 2671), ("TT", 606, 2648, 663, 2680), ("Đảng", 673, 2647, 773, 2690),
     ("ủy", 785, 2646, 831, 2690), ("xã", 842, 2647, 885, 2680), ("(b/c);", 898, 2646, 994, 2690)],
    [("-", 580, 2722, 594, 2728), ("TT", 606, 2705, 663, 2737), ("HĐND", 674, 2705, 806, 2737),
     ("xã;", 818, 2704, 871, 2743)],
    [("-", 580, 2779, 594, 2785), ("Lưu:", 607, 2762, 692, 2794), ("VT.", 706, 2762, 774, 2794)],
    [("Ủy", 730, 2376, 795, 2437), ("ban", 808, 2386, 886, 2426), ("nhân", 901, 2385, 1005, 2426),
     ("dân", 1019, 2385, 1096, 2426), ("xã", 1110, 2387, 1161, 2426), ("Hải", 1175, 2386, 1252, 2426),
     ("Xuân", 1267, 2385, 1383, 2426), ("kính", 1397, 2385, 1492, 2425), ("trình", 1506, 2385, 1608, 2426),
     ("xem", 1621, 2397, 1714, 2426), ("xét,", 1728, 2385, 1805, 2433), ("phê", 1822, 2385, 1898, 2437),
     ("duyệt./.", 1913, 2385, 2072, 2437)],
    [("Vũ", 1812, 2992, 1876, 3033), ("Diệu", 1895, 2992, 2002, 3043), ("Loan", 2016, 2995, 2137, 3033)],
]
#: ``ttr-218``'s footer: the authority line, its top 8 px over the label's, read before ``Nơi nhận:``.
HEADING_FIRST = [
    [("Ủy", 508, 1524, 552, 1566), ("ban", 560, 1530, 613, 1558), ("nhân", 622, 1530, 692, 1558),
     ("dân", 701, 1530, 754, 1558), ("xã", 762, 1530, 796, 1558), ("Yên", 805, 1530, 865, 1558),
     ("Thịnh", 874, 1530, 960, 1563), ("kính", 970, 1530, 1033, 1558), ("trình", 1042, 1530, 1110, 1558),
     ("xem", 1118, 1538, 1181, 1558), ("xét,", 1190, 1530, 1242, 1562), ("phê", 1251, 1530, 1304, 1565),
     ("duyệt./.", 1313, 1530, 1419, 1565)],
    [("TM.", 1108, 1613, 1176, 1639), ("ỦY-BAN", 1192, 1602, 1320, 1651), ("NHÂN", 1340, 1602, 1428, 1651),
     ("DÂN", 1452, 1602, 1524, 1651)],
    [("Nơi", 407, 1611, 459, 1636), ("nhận:", 466, 1610, 548, 1643)],
    [("-", 408, 1670, 418, 1674), ("Như", 426, 1656, 482, 1680), ("trên;", 488, 1656, 543, 1685)],
    [("-", 408, 1708, 418, 1713), ("TT", 434, 1690, 464, 1730), ("HĐND", 471, 1696, 561, 1718),
     ("xã;", 569, 1695, 606, 1722)],
    [("-", 408, 1746, 418, 1750), ("TT", 430, 1729, 458, 1766), ("Đảng", 471, 1733, 539, 1763),
     ("ủy", 546, 1733, 578, 1763), ("xã", 585, 1733, 614, 1756), ("(b/c);", 622, 1732, 688, 1762)],
    [("-", 408, 1785, 418, 1790), ("Lưu:", 426, 1773, 600, 1800), ("VT,", 499, 1770, 543, 1806),
     ("VX.", 554, 1770, 601, 1806)],
    [("Trần", 1166, 1924, 1242, 1954), ("Phương", 1250, 1926, 1373, 1961), ("Tuyết", 1380, 1924, 1469, 1961)],
]


def test_the_bodys_closing_line_read_after_the_list_comes_back_over_it() -> None:
    words = boxed(CLOSING)
    out = late_lines(words)
    lines = text_of(out).split("\n")
    assert lines[1].startswith("Ủy ban nhân dân xã Hải Xuân kính trình") and lines[2] == "Nơi nhận:"
    assert lines[-1] == "Vũ Diệu Loan"
    assert sorted((w.text, w.bbox, w.conf) for w in out) == sorted((w.text, w.bbox, w.conf) for w in words)
    assert [w.line for w in out] == sorted(w.line for w in out)
    assert _footer(out)[2:] == _footer(words)[2:]  # the name and the recipients as before
    assert all("kính trình" not in item for item in _footer(out)[3])


def test_lines_in_their_place_beside_one_another_or_of_marks_are_left_as_read() -> None:
    in_order = boxed([CLOSING[0], CLOSING[6], *CLOSING[1:6], CLOSING[7]])
    assert late_lines(in_order) is in_order
    beside = boxed(HEADING_FIRST)  # the heading on the label's row, right of the list: another column
    assert late_lines(beside) is beside
    mark = boxed([*CLOSING[:6], [("~", 730, 2376, 760, 2437)], CLOSING[7]])  # a seal's mark alone
    assert late_lines(mark) is mark
    across = [[(t, x0 + 1500, y0, x1 + 1500, y1) for t, x0, y0, x1, y1 in CLOSING[6]]]  # right of the label only
    far_right = boxed([*CLOSING[:6], *across])
    assert late_lines(far_right) is far_right


def test_a_stroke_read_as_a_line_between_is_no_neighbour() -> None:
    """As on seed 498's seals ``qd-130`` p. 2 (session 49): a signature's stroke read as a line of one word (``ný``,
    16 px wide) between the two lines the late line stands between, right of the late line (not across it). It
    neither places the line (the late line does not overlap it) nor keeps it where it was read (it stands over the
    late line's bottom): the line goes back right before the label, after the stroke, the stroke where read."""
    stroke = [("ný", 2200, 2300, 2216, 2350)]
    words = boxed([CLOSING[0], stroke, *CLOSING[1:]])
    out = late_lines(words)
    lines = text_of(out).split("\n")
    assert lines[1] == "ný" and lines[2].startswith("Ủy ban nhân dân xã Hải Xuân") and lines[3] == "Nơi nhận:"
    assert lines[-1] == "Vũ Diệu Loan"
    assert sorted((w.text, w.bbox, w.conf) for w in out) == sorted((w.text, w.bbox, w.conf) for w in words)
    assert _footer(out)[2:] == _footer(words)[2:]
    across = [("ný", 1500, 2300, 1516, 2350)]  # over the late line, across it: still no neighbour, still placed
    assert text_of(late_lines(boxed([CLOSING[0], across, *CLOSING[1:]]))).split("\n")[2].startswith("Ủy ban")
    two = [("ný", 2200, 2300, 2216, 2350), ("ab", 2230, 2300, 2260, 2350)]  # two words: a line, no stroke
    kept = boxed([CLOSING[0], two, *CLOSING[1:]])
    assert late_lines(kept) is kept


def test_a_heading_read_before_the_label_opens_the_footer() -> None:
    words = boxed(HEADING_FIRST)
    lines = _lines(words)
    assert opens_before(lines, 1) == (548, 1108)  # ``TM. ỦY-BAN NHÂN DÂN`` then ``Nơi nhận:`` on its row
    assert opens_before(lines, 0) is None and opens_before(lines, 2) is None  # not a heading; not before the label
    out = footer_order(words)
    assert text_of(out).split("\n")[1:] == ["Nơi nhận:", "- Như trên;", "- TT HĐND xã;", "- TT Đảng ủy xã (b/c);",
                                            "- Lưu: VT, VX.", "TM. ỦY-BAN NHÂN DÂN", "Trần Phương Tuyết"]
    assert sorted((w.text, w.bbox, w.conf) for w in out) == sorted((w.text, w.bbox, w.conf) for w in words)
    assert _footer(out) == _footer(words)


def test_a_heading_read_before_a_label_line_holding_the_seal_opens_the_footer() -> None:
    """As the page was read before the signature's strokes were dropped: the seal over ``CHỦ TỊCH`` read ``TNGG``
    on the label's line, which opens the footer itself; the heading read before it goes with the right column."""
    lines = [list(line) for line in HEADING_FIRST]
    lines[2] = [*lines[2], ("TNGG", 1210, 1602, 1525, 1770)]
    words = boxed(lines)
    assert opens_before(_lines(words), 1) == (548, 1108)
    assert text_of(footer_order(words)).split("\n")[1:] == [
        "Nơi nhận:", "- Như trên;", "- TT HĐND xã;", "- TT Đảng ủy xã (b/c);", "- Lưu: VT, VX.", "TM. ỦY-BAN NHÂN DÂN",
        "TNGG", "Trần Phương Tuyết"]


def test_in_reading_order_puts_the_closing_line_back() -> None:
    words = boxed(CLOSING)
    out = pagework.in_reading_order(OcrResult(words=words, text=text_of(words)))
    assert out.text.split("\n")[1].startswith("Ủy ban nhân dân")
