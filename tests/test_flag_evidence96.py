"""Review flags, ninety-sixth round (issue 14 item 9): a register entry holding a ``6``, ``8`` or ``9`` beside a book
whose year a ``0`` read as a loop digit made impossible (HG122 faded-15 khai-sinh-303: book ``03/2603`` for
``03/2003``, flagged for its year; entry ``363`` for ``303`` at 0.83, unflagged). The book and the entry are typed on
neighbouring lines in one face and one fading, as flags93's book numbered ``93`` for ``03``. Flagged, never
changed."""

from __future__ import annotations

import pytest

from archivist.bookyear import entry_zero_doubt, year_zero_read
from tests.test_flag_evidence import _extract, _page


@pytest.mark.parametrize("book", ["03/2603", "02/2096", "01/2809", "03/1969"])
def test_an_impossible_year_a_loop_digit_read_for_0_is_told(book: str) -> None:
    assert year_zero_read(book) is (book != "03/1969"), book  # 1969 is a possible year: nothing to tell


@pytest.mark.parametrize("book", ["03/2003", "92/2996", "02/1894", "2/26096", "03/2713"])
def test_a_possible_year_or_one_no_0_makes_possible_is_not(book: str) -> None:
    # 2996 and 1894: no loop digit read as 0 gives a possible year (a 1 read 9, a 9 read 8); 2/26096: no book's shape
    assert not year_zero_read(book), book


def test_the_entry_beside_such_a_book_is_doubted_and_only_for_a_loop_digit() -> None:
    why = entry_zero_doubt("363", "03/2603")
    assert why is not None and "'03/2603'" in why, why
    assert entry_zero_doubt("175", "03/2603") is None  # no loop digit in the entry
    assert entry_zero_doubt("363", "03/2003") is None  # the book read right


def _extract_of(book: str, entry: str):  # noqa: ANN202
    """HG122 faded-15 khai-sinh-303's birth extract, its book and entry as read."""
    rows = [[(100, "UBND HUYỆN LẤP VÒ"), (900, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")],
            [(100, "ỦY BAN NHÂN DÂN"), (900, "Độc lập - Tự do - Hạnh phúc")], [(100, "XÃ VĨNH THẠNH")],
            [(100, "Số: 131/TLKS-BS"), (900, "Vĩnh Thạnh, ngày 18 tháng 2 năm 2006")], [(500, "TRÍCH LỤC KHAI SINH")],
            [(100, "Họ, chữ đệm, tên: ĐẶNG VĂN TÂM")], [(100, "Ngày, tháng, năm sinh: 01/03/2003")],
            [(100, "Nơi sinh: xã Vĩnh Thạnh, huyện Lấp Vò")], [(100, f"Quyển số: {book}")], [(100, f"Số: {entry}")],
            [(1000, "NGƯỜI KÝ TRÍCH LỤC")], [(1000, "Huỳnh Công An")]]
    return _extract(_page(rows))


def test_the_entry_through_extract_is_flagged_and_kept() -> None:
    meta = _extract_of("03/2603", "363")
    entry = meta.fields()["entry"]
    assert entry.value == "363" and "entry" in meta.needs_review and "'03/2603'" in (entry.review or ""), entry.review
    right = _extract_of("03/2003", "363")
    assert right.fields()["entry"].value == "363" and right.fields()["entry"].review is None
    assert "entry" not in right.needs_review
