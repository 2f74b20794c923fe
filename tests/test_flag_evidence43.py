"""Review flags, forty-third round (issue 14 item 9): a recipients item whose tail broke onto a line of its own that
the reading dropped (HG53 speckle-20-cv-161: ``- TT Đảng ủy, HĐND xã`` then ``c);``, the ``(b/c)`` lost and the list
stored at 0.85 unflagged), and a place whose lost level word moved its line less than the round before
allowed (HG53 speckle-21-tb-078: ``Kim Sơn`` for ``Xã Kim Sơn``, 0.69 of a line right of the nearer centre)."""

from __future__ import annotations

from archivist.fields import Field
from archivist.itemtail import lost_tail_doubt
from tests.test_flag_evidence import HEAD, _extract, _page
from tests.test_flag_evidence34 import _place

SIGN = [(1000, "TM. ỦY BAN NHÂN DÂN")]


def _recipients(rows: list[list[tuple[int, str]]]) -> Field:
    return _extract(_page(HEAD + rows + [[(1000, "Hà Hữu Thắng")]])).fields()["recipients"]


def _report(*lines: str) -> list[list[tuple[int, str]]]:
    return [[(100, "Nơi nhận:")] + SIGN, [(100, "- Như trên;"), (1000, "CHỦ TỊCH")],
            *([(100, line)] for line in lines), [(100, "- Lưu: VT.")]]


def test_an_item_whose_tail_was_read_apart_and_dropped_is_flagged_through_extract() -> None:
    f = _recipients(_report("- TT Đảng ủy, HĐND xã", "c);"))
    assert f.value == ["Như trên", "TT Đảng ủy, HĐND xã", "Lưu: VT"]  # the fragment dropped, as on HG53
    assert f.review and "'c);', was dropped" in f.review
    whole = _recipients(_report("- TT Đảng ủy, HĐND xã (b/c);"))
    assert whole.value == ["Như trên", "TT Đảng ủy, HĐND xã (b/c)", "Lưu: VT"] and whole.review is None


def test_a_closed_item_a_lone_bullet_or_a_kept_line_is_not_judged() -> None:
    items = ["Như trên", "TT HĐND xã", "Lưu: VT"]
    assert lost_tail_doubt("- Như trên;\n- TT HĐND xã;\n*)x\n- Lưu: VT.", items) is None  # a speck after a close
    assert lost_tail_doubt("- Như trên;\n- TT HĐND xã.\nc);\n- Lưu: VT", items) is None  # closed by '.'
    assert lost_tail_doubt("- Như trên;\n-\nx7\"\n- Lưu: VT.", ["Như trên", "Lưu: VT"]) is None  # a bullet alone
    assert lost_tail_doubt("- Như trên;\n- TT HĐND xã\n- Lưu: VT.", items) is None  # a bullet follows: no tail
    kept = ["Như trên", "UBND huyện Quỳnh Lưu (b/c)", "Lưu: VT"]  # the tail joined to its item
    assert lost_tail_doubt("- Như trên;\n- UBND huyện Quỳnh\nLưu (b/c);\n- Lưu: VT.", kept) is None
    assert lost_tail_doubt("- Lưu: VT", ["Lưu: VT"]) is None  # the last line: nothing after it


def test_the_doubt_names_the_item_and_the_dropped_line() -> None:
    why = lost_tail_doubt("- Như trên;\n- TT Đảng ủy, HĐND xã\nc);\n- Lưu: VT.", ["Như trên", "TT Đảng ủy, HĐND xã",
                                                                                "Lưu: VT"])
    assert why == "'- TT Đảng ủy, HĐND xã' is not closed and the line after it, 'c);', was dropped: the item's tail " \
        "was lost"


def test_a_place_line_two_thirds_of_a_line_right_of_the_centre_is_doubted_through_extract() -> None:
    # the words are 30 px tall here: 21 px is HG53 tb-078's 0.69; 14 px the largest right bare place's 0.45 (HG34)
    lost = _place("Kim Sơn, ngày 11 tháng 01 năm 2018", shift=21)
    assert lost.place.value == "Kim Sơn" and "place" in lost.needs_review
    assert lost.place.review and lost.place.review.startswith("the place-and-date line stands 0.7 lines right")
    right = _place("Kim Sơn, ngày 11 tháng 01 năm 2018", shift=14)
    assert right.place.review is None and "place" not in right.needs_review
