"""Review flags, twenty-seventh round (issue 14 item 9): seed 34's wrong values stored without a flag. A marriage
certificate whose signer's family name was lost (``Kim Thảo`` for ``Mai Kim Thảo``) has its signer flagged because
the name stands right of the centred block's centre; a list of three rows whose middle item was lost (rows 40 then
77 px apart) is flagged by the row-gap rule now that the usual step is the lower one. The same pages read whole,
and a two-word name centred under the position, are left alone."""

from __future__ import annotations

from archivist.classify import PageText
from archivist.fields import Field
from archivist.footer import Footer
from archivist.listflags import flag_list, row_gap_doubt
from tests.test_flag_evidence import HEAD, _extract, _page
from tests.test_flag_evidence17 import _cell

#: ``CHỦ TỊCH`` at x 1000 in :func:`_page`'s boxes (14 px a letter, 12 between words): 1000-1110, centre 1055
POSITION_X = 1000


def _signed(name: str, left: int):
    foot = [[(100, "Nơi nhận:"), (1000, "TM. ỦY BAN NHÂN DÂN")], [(100, "- Như trên;"), (POSITION_X, "CHỦ TỊCH")],
            [(100, "- Lưu: VT, TC.")], [(left, name)]]
    return _extract(_page(HEAD + foot))


def test_a_name_that_lost_its_first_word_stands_right_of_the_block_and_is_flagged():
    # HG34 ket-hon-7: ``Mai Kim Thảo`` centred under ``CHỦ TỊCH`` (164 px wide: x 973), ``Mai`` lost to speckle,
    # ``Kim Thảo`` left where it stood (x 1027), read at 95-97 with no rival
    m = _signed("Kim Thảo", 1027)
    assert m.signer.value == "Kim Thảo"
    assert "signer" in m.needs_review
    assert "right of the position's centre" in (m.signer.review or "")
    whole = _signed("Mai Kim Thảo", 973)
    assert whole.signer.value == "Mai Kim Thảo"
    assert "signer" not in whole.needs_review
    # a name of two words centred under the position (x 1000: 110 px wide) is a name of two words, not doubted
    centred = _signed("Kim Thảo", 1000)
    assert centred.signer.value == "Kim Thảo"
    assert "signer" not in centred.needs_review
    # a name of three words is not judged by where it stands (sealed pages move the position's line)
    off = _signed("Mai Kim Thảo", 1040)
    assert "signer" not in off.needs_review


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
