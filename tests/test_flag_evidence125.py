"""Review flags, hundred-and-twenty-fifth round (issue 14 item 9, session 40, fitted on the opened sealed seed 138;
nothing held out behind it): a number's digit the engine weighed a letter for, the letter it weighed for another
digit on the same page (HG138 typewriter-12-bc-014-trung-nghia: ``44/BC-UBND`` for ``14/BC-UBND`` at 0.95, the typed
``1`` read ``4`` with ``i`` its only rival, and the page's ``1.`` read with ``i`` its rival too). Flagged, kept.
The words and rivals are the record's."""

from __future__ import annotations

from types import SimpleNamespace

from archivist.letterrival import letter_rival_doubt, page_letter_digits
from tests.test_flag_evidence import FOOT, _extract, _page

#: the record's: the number's word and its one rival, the body heading's ``1.`` and its
NUMBER = ("44/BC-UBND", ((0, "i", 91.0, 52.8),))
HEADING = ("1.", ((0, "i", 83.2, 71.6),))
REASON = "the OCR weighed 'i' for the number's '4' (53 against 91), as it did for the page's '1': the '4' may be a '1'"


def _rivals(**words: tuple) -> SimpleNamespace:
    """A page whose ``rivals`` hold the given words (box -> (text, rivals)), each on its own made-up box."""
    return SimpleNamespace(rivals={(10 * i, 0, 10 * i + 5, 5): w for i, w in enumerate(words.values())})


def test_a_letter_weighed_for_the_number_and_another_digit_of_the_page_doubts_it() -> None:
    elsewhere = page_letter_digits(_rivals(heading=HEADING), set())
    assert elsewhere == {"i": {"1"}}
    assert letter_rival_doubt(*NUMBER, "44", elsewhere) == REASON
    # HG136 faded-17-kh-004's 64 for 04: 'Ø' weighed for its 6 and for the 0 of 2010
    faded = page_letter_digits(_rivals(year=("2010", ((1, "Ø", 90.0, 60.0),))), set())
    assert letter_rival_doubt("64/KH-UBND", ((0, "Ø", 77.9, 63.9),), "64", faded) is not None


def test_the_same_digit_a_digit_rival_the_symbol_or_no_other_word_say_nothing() -> None:
    same = page_letter_digits(_rivals(four=("4,", ((0, "i", 88.0, 60.0),))), set())
    assert letter_rival_doubt(*NUMBER, "44", same) is None  # the page's 4 weighed 'i' too: no other digit
    assert letter_rival_doubt(*NUMBER, "44", {}) is None  # no other word of the page weighed 'i'
    assert letter_rival_doubt("44/BC-UBND", ((0, "1", 91.0, 52.8),), "44", {"1": {"1"}}) is None  # a digit: chardoubt's
    assert letter_rival_doubt("44/BC-UBND", ((4, "i", 91.0, 52.8),), "44", {"i": {"1"}}) is None  # in the symbol
    assert letter_rival_doubt(*NUMBER, "14", {"i": {"1"}}) is None  # the number not in the word
    skipped = _rivals(heading=HEADING)
    assert page_letter_digits(skipped, set(skipped.rivals)) == {}  # the value's own words lend nothing


HEAD = [[(100, "UBND HUYỆN YÊN PHONG")], [(100, "ỦY BAN NHÂN DÂN")], [(100, "XÃ TRUNG NGHĨA")],
        [(100, "Số: 44/BC-UBND"), (1000, "Xã Trung Nghĩa, ngày 20 tháng 5 năm 2005")], [(600, "BÁO CÁO")],
        [(400, "Kết quả rà soát hộ nghèo, hộ cận nghèo năm 2005")], [(100, "I. KẾT QUẢ THỰC HIỆN")],
        [(100, "1. Về kinh tế")], [(100, "Toàn xã đã nạo vét 3 km kênh mương nội đồng.")]]


def test_the_number_is_flagged_and_kept_through_extract() -> None:
    doubted = _extract(_page(HEAD + FOOT, rivals={"44/BC-UBND": NUMBER[1], "1.": HEADING[1]}))
    assert doubted.number_symbol.value == "44/BC-UBND"
    assert doubted.number_symbol.review == REASON and "number_symbol" in doubted.needs_review
    alone = _extract(_page(HEAD + FOOT, rivals={"44/BC-UBND": NUMBER[1]}))  # the heading read with no rival
    assert alone.number_symbol.value == "44/BC-UBND" and "number_symbol" not in alone.needs_review
