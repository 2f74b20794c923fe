"""Review flags, fortieth round (issue 14 item 9): seed 50's slips. A register book whose year lost a digit
(HG50 ket-hon-8 ``02/201`` for ``02/2013``) and a straight quote without its partner left in a value (HG50 tb-200's
position ``CHỦ 'TỊCH``), each flagged and never changed; right writings beside them are left alone."""

from __future__ import annotations

import pytest

from archivist.civil import book_doubt
from archivist.crosscheck import unbalanced_doubt
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page
from tests.test_flag_evidence20 import _register


@pytest.mark.parametrize("book", ["02/201", "02/", "02", "02/20133", "2013", "02/2O13"])
def test_a_book_that_is_no_number_and_four_digit_year_is_doubted(book: str) -> None:
    assert "NN/YYYY" in (book_doubt(book) or ""), book


@pytest.mark.parametrize("book", ["02/2013", "1/2009", "125/2020"])
def test_a_book_number_and_year_is_not_doubted(book: str) -> None:
    assert book_doubt(book) is None


def test_a_register_book_with_a_cut_year_is_flagged_through_extract() -> None:
    cut = _register("02/202")
    assert cut.fields()["book"].value == "02/202"  # flagged, never changed
    assert "NN/YYYY" in (cut.fields()["book"].review or "") and "book" in cut.needs_review
    whole = _register("02/2024")
    assert whole.fields()["book"].value == "02/2024" and whole.fields()["book"].review is None


def test_a_straight_quote_without_its_partner_is_doubted() -> None:
    for value in ("CHỦ 'TỊCH", "UBND HUYỆN'LẤP VÔ", "Lâm Thị'trinh", 'năm "2015', "Hội thi ‘Gia đình văn hóa"):
        assert "without its partner" in (unbalanced_doubt(value) or "") or "do not pair" in (
            unbalanced_doubt(value) or ""), value
    for value in ("CHỦ TỊCH", "Hội thi 'Gia đình văn hóa' năm 2019", 'Hội thi "Gia đình văn hóa" năm 2019',
                  "Hội thi ‘Gia đình văn hóa’ năm 2019", "Hội thi “Gia đình văn hóa” năm 2019"):
        assert unbalanced_doubt(value) is None, value


def test_a_position_with_a_glued_quote_is_flagged_through_extract() -> None:
    foot = [[(c[0], c[1].replace("CHỦ TỊCH", "CHỦ 'TỊCH")) for c in row] for row in FOOT]
    meta = _extract(_page(HEAD + foot))
    pos = meta.fields()["signer_position"]
    assert pos.value == "CHỦ 'TỊCH" and "without its partner" in (pos.review or "")
    assert "signer_position" in meta.needs_review
    right = _extract(_page(HEAD + FOOT))
    assert right.fields()["signer_position"].value == "CHỦ TỊCH"
    assert right.fields()["signer_position"].review is None
