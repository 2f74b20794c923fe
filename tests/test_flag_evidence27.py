"""Review flags, twenty-seventh round (issue 14 item 9): seed 34's wrong values stored without a flag. A list of
three rows whose middle item was lost (rows 40 then 77 px apart) is flagged by the row-gap rule now that the usual
step is the lower one; the list read whole is left alone."""

from __future__ import annotations

from archivist.classify import PageText
from archivist.fields import Field
from archivist.footer import Footer
from archivist.listflags import flag_list, row_gap_doubt
from tests.test_flag_evidence17 import _cell


def _list(tops: list[int]) -> tuple[Field, Footer, PageText]:
    """AT34 nq-115's list of three rows at ``tops`` (px): the recipients field, its footer and the page's words."""
    items = ["Như trên", "TT HĐND xã", "Lưu VT"]
    lines = [_cell(20 + i, f"- {item};", 251, top) for i, (item, top) in enumerate(zip(items, tops, strict=True))]
    words = [(ln.text[a:b], c, box, ln.index) for ln in lines for a, b, box, c in ln.spans]
    page = PageText(2, "\n".join(ln.text for ln in lines), words)
    return Field(items, 0.85, 2, None, "\n".join(ln.text for ln in lines)), \
        Footer(2, recipients=lines, noi_nhan=True), page


def test_a_blank_row_in_a_list_of_three_rows_flags_it():
    # AT34 nq-115: ``- TT Đảng ủy xã (b/c);`` not read at all; the rows step 40 then 77 px. With two steps the
    # upper median was the doubled step itself, so the rule never fired on a list of three rows
    rec, footer, page = _list([1775, 1815, 1892])
    assert row_gap_doubt(footer, rec.value, page.words) is not None
    flag_list({"recipients": rec}, footer, [page])
    assert rec.review and "a row between them was lost" in rec.review
    rec, footer, page = _list([1775, 1815, 1854])  # the list read whole
    flag_list({"recipients": rec}, footer, [page])
    assert rec.review is None
    rec, footer, page = _list([1775, 1815, 1852])  # uneven by a few px: no row lost
    flag_list({"recipients": rec}, footer, [page])
    assert rec.review is None
