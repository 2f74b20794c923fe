"""Review flags, sixty-seventh round (issue 14 item 9): recipients lists that lost a part the page still shows.
AT59 29-ctr-227's ``['Như trên', 'Lưu: VT']`` (a row not read at all, in a list of two rows) and HG72
speckle-21-kh-010's ``Lưu: VT`` read from ``- Lưu: VT, +:`` (the code after the comma read as marks). Flagged, never
changed."""

from __future__ import annotations

import pytest

from archivist.classify import PageText
from archivist.fields import Field
from archivist.footer import Footer
from archivist.listlossflags import flag_list_loss, marks_after_copy_doubt, two_row_gap_doubt
from tests.test_flag_evidence import HEAD, _extract, _page
from tests.test_flag_evidence17 import _cell


@pytest.mark.parametrize("source", ["- UBND huyện Cái Bè (b/c);\n- Lưu: VT, +:", "- Như thành phần mời;\n- Lưu: VT;,",
                                    "- Lưu: VT, -"])
def test_marks_after_the_archive_copys_separator_are_doubted(source: str) -> None:
    assert "a unit's code was lost" in (marks_after_copy_doubt(source, ["Lưu: VT"]) or ""), source


@pytest.mark.parametrize(("source", "last"), [
    ("- Như thành phần mời;\n- Lưu VT,.", "Lưu VT"),  # HG69 gm-214, right: the closing stop after a comma
    ("- Như trên;\n- Lưu: VT,\nc+«£", "Lưu: VT"),  # AT33 pc-096, right: debris on a line of its own
    ("- Lưu: VT, TP.", "Lưu: VT, TP"),  # the code read: nothing lost
    ("- Lưu: VT.", "Lưu: VT"), ("- Lưu: VT, +:", "Như trên")])
def test_a_closing_stop_a_line_of_debris_or_a_read_code_is_not_doubted(source: str, last: str) -> None:
    assert marks_after_copy_doubt(source, [last]) is None, source


def _two_rows(first: int, second: int, label: int = 1521, beside: tuple[tuple[int, str], ...] = ()):
    """AT59 ctr-227's list: ``Nơi nhận:`` at ``label``, its two rows at ``first`` and ``second`` (tops, px), and
    lines ``beside`` it on the right (top, text): the recipients field, its footer and the page's words."""
    label_line = _cell(19, "Nơi nhận:", 295, label)
    lines = [_cell(20, "- Như trên;", 296, first), _cell(21, "- Lưu: VT", 296, second)]
    other = [_cell(30 + i, text, 1100, top) for i, (top, text) in enumerate(beside)]
    words = [(ln.text[a:b], c, box, ln.index) for ln in [label_line, *lines, *other] for a, b, box, c in ln.spans]
    page = PageText(2, "\n".join(ln.text for ln in [label_line, *lines, *other]), words)
    rec = Field(["Như trên", "Lưu: VT"], 0.85, 2, None, "\n".join(ln.text for ln in lines))
    return rec, Footer(2, recipients=lines, noi_nhan=True, label=label_line), page


def test_a_two_row_list_whose_second_row_stands_two_label_steps_down_is_doubted() -> None:
    rec, footer, page = _two_rows(1566, 1646, label=1521)  # AT59: 45 px below the label, then 80
    assert "a row between them was lost" in (two_row_gap_doubt(footer, rec.value, page.words) or "")
    flag_list_loss({"recipients": rec}, footer, [page])
    assert rec.review and "label steps apart" in rec.review and rec.value == ["Như trên", "Lưu: VT"]


@pytest.mark.parametrize(("first", "second", "beside"), [
    (1566, 1612, ()),  # evenly stepped: nothing lost
    (1566, 1630, ()),  # 1.4 steps: uneven, not a row
    (1566, 1646, ((1600, "CHỦ TỊCH"),)),  # a signature line read on the row between fills it
])
def test_an_even_or_filled_two_row_list_is_not_doubted(first: int, second: int, beside: tuple) -> None:
    rec, footer, page = _two_rows(first, second, beside=beside)
    assert two_row_gap_doubt(footer, rec.value, page.words) is None
    flag_list_loss({"recipients": rec}, footer, [page])
    assert rec.review is None


def test_a_list_of_three_rows_is_left_to_the_list_gap_rule() -> None:
    label = _cell(19, "Nơi nhận:", 295, 1521)
    lines = [_cell(20, "- Như trên;", 296, 1566), _cell(21, "- TT HĐND xã;", 296, 1612),
             _cell(22, "- Lưu: VT", 296, 1740)]
    footer = Footer(2, recipients=lines, noi_nhan=True, label=label)
    assert two_row_gap_doubt(footer, ["Như trên", "TT HĐND xã", "Lưu: VT"], []) is None


def _foot(rows: list) -> list:
    return [[(100, "Nơi nhận:"), (1000, "TM. ỦY BAN NHÂN DÂN")], [(100, "- Như trên;"), (1000, "CHỦ TỊCH")], *rows,
            [(1000, "Hà Hữu Thắng")]]


def test_the_targets_lists_are_flagged_through_extract_and_kept() -> None:
    lost = _extract(_page(HEAD + _foot([[], [(100, "- Lưu: VT, TC.")]])))  # a row left blank between two
    assert lost.recipients.value == ["Như trên", "Lưu: VT, TC"] and "recipients" in lost.needs_review
    assert "a row between them was lost" in (lost.recipients.review or "")
    whole = _extract(_page(HEAD + _foot([[(100, "- Lưu: VT, TC.")]])))
    assert whole.recipients.value == ["Như trên", "Lưu: VT, TC"] and "recipients" not in whole.needs_review
    specks = _extract(_page(HEAD + _foot([[(100, "- TT Đảng ủy xã (b/c);")], [(100, "- Lưu: VT, +:")]])))
    assert specks.recipients.value == ["Như trên", "TT Đảng ủy xã (b/c)", "Lưu: VT"]
    assert "a unit's code was lost" in (specks.recipients.review or "") and "recipients" in specks.needs_review
    bare = _extract(_page(HEAD + _foot([[(100, "- TT Đảng ủy xã (b/c);")], [(100, "- Lưu: VT.")]])))
    assert bare.recipients.value == ["Như trên", "TT Đảng ủy xã (b/c)", "Lưu: VT"]
    assert "recipients" not in bare.needs_review
