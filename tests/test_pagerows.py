"""Rows from the lines' boxes (archivist/pagerows.py): the same rows whether a footer's two columns were read across
(one line number a row) or one after the other (a number for each column's part)."""

from __future__ import annotations

from archivist.ocrtext import Line
from archivist.pagerows import Rows, same_row


def line(index: int, text: str, x0: int, y0: int, x1: int, y1: int, page: int = 1) -> Line:
    """One line of one word box."""
    return Line(page, index, text, [(0, len(text), (x0, y0, x1, y1), 90.0)])


ACROSS = [line(0, "nhất trí thông qua", 247, 1562, 692, 1600),
          line(1, "THƯ KÝ", 433, 1625, 563, 1662), line(1, "CHỦ TỌA", 1114, 1622, 1265, 1666),
          line(2, "/w", 411, 1754, 574, 1840), line(2, "(`", 1123, 1753, 1308, 1825),
          line(3, "Mai Thành Tuấn", 346, 1893, 647, 1930), line(3, "Bùi Thu Nhung", 1050, 1896, 1329, 1933)]
#: the same lines with the left block's, then the right block's, each on a line number of its own
IN_ORDER = [line(0, "nhất trí thông qua", 247, 1562, 692, 1600),
            line(1, "THƯ KÝ", 433, 1625, 563, 1662), line(2, "/w", 411, 1754, 574, 1840),
            line(3, "Mai Thành Tuấn", 346, 1893, 647, 1930), line(4, "CHỦ TỌA", 1114, 1622, 1265, 1666),
            line(5, "(`", 1123, 1753, 1308, 1825), line(6, "Bùi Thu Nhung", 1050, 1896, 1329, 1933)]


def test_rows_are_the_same_read_across_or_one_column_after_the_other() -> None:
    across, in_order = Rows(ACROSS), Rows(IN_ORDER)
    assert [across.row(ln) for ln in ACROSS] == [0, 1, 1, 2, 2, 3, 3]
    by_text = {ln.text: in_order.row(ln) for ln in IN_ORDER}
    assert all(by_text[ln.text] == across.row(ln) for ln in ACROSS)
    assert [ln.text for ln in in_order.ordered(IN_ORDER)] == [ln.text for ln in ACROSS]  # top to bottom, left to right


def test_a_skewed_rows_parts_are_one_row_in_either_order() -> None:
    """A typed row whose right part stands 22 px lower than its left (12 px of 29 shared) is one row read across (one
    line number: seed 228's cv-103, ``TT Đảng ủy … (b/c);`` and ``` `" ```) and put one after the other; the next
    line, over the first's span, is the next row; a body line across the page joins no row beside it."""
    across = [line(23, "TT Đảng ủy (b/c);", 304, 1468, 782, 1502), line(23, '`"', 1074, 1490, 1112, 1519),
              line(24, "UBHTTQ VN Xã;", 305, 1509, 539, 1540)]
    rows = Rows(across)
    assert [rows.row(ln) for ln in across] == [0, 0, 1]
    apart = [across[0], across[2], line(25, '`"', 1074, 1490, 1112, 1519)]
    rows = Rows(apart)
    assert [rows.row(ln) for ln in apart] == [0, 1, 0]
    assert not same_row((304, 1468, 782, 1502), (305, 1509, 539, 1540))
    body = [line(0, "THƯ KÝ", 433, 1625, 563, 1662), line(1, "nhất trí thông qua", 247, 1630, 1692, 1668)]
    assert [Rows(body).row(ln) for ln in body] == [0, 1]


def test_lines_on_two_pages_and_lines_without_boxes() -> None:
    two = [line(0, "CHỦ TỌA", 1114, 1622, 1265, 1666, page=1), line(0, "Bùi Thu Nhung", 1050, 100, 1329, 140, page=2)]
    rows = Rows(two)
    assert rows.ordered(list(reversed(two))) == two  # page 1 first
    plain = [Line(1, 5, "THƯ KÝ CHỦ TỌA"), Line(1, 7, "Mai Thành Tuấn Bùi Thu Nhung")]
    rows = Rows(plain)
    assert [rows.row(ln) for ln in plain] == [5, 7] and rows.ordered(plain[::-1]) == plain[::-1]  # as they came


def test_a_line_of_one_column_between_two_rows_stays_between_them() -> None:
    """Seed 236's typed minutes ``bb-159``: a signature under ``CHỦ TỌA`` read ``A LƯ`` stands alone on its row,
    over the names' row. Put in order, it comes after the secretary's name; numbered top to bottom, its row is still
    the one between the positions' and the names' (numbered as they came, it was after the names', and the chair's
    name did not take the name's place from it)."""
    across = [line(30, "THƯ KÝ", 526, 1698, 656, 1730), line(30, "CHỦ TỌA", 1192, 1696, 1343, 1736),
              line(31, "A LƯ", 1194, 1829, 1389, 1891),
              line(32, "Đỗ Thị Trang", 460, 1962, 719, 2004), line(32, "Đinh Điệu Mai", 1126, 1968, 1407, 2004)]
    in_order = [line(30, "THƯ KÝ", 526, 1698, 656, 1730), line(31, "Đỗ Thị Trang", 460, 1962, 719, 2004),
                line(32, "CHỦ TỌA", 1192, 1696, 1343, 1736), line(33, "A LƯ", 1194, 1829, 1389, 1891),
                line(34, "Đinh Điệu Mai", 1126, 1968, 1407, 2004)]
    a, b = Rows(across), Rows(in_order)
    assert [a.row(ln) for ln in across] == [0, 0, 1, 2, 2]
    assert {ln.text: b.row(ln) for ln in in_order} == {ln.text: a.row(ln) for ln in across}
