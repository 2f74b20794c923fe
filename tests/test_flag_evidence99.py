"""Review flags, ninety-ninth round (issue 14 item 9, the sealed seeds 123-124): a recipients item read with one
slip the engine was sure of: a colon before the item's bracketed note (HG124 typewriter-10 kh-245's ``UBND huyện
Thủy Nguyên: (b/c)``), and a lexicon phrase with one syllable one confusion off (HG124 speckle-23 tb-025's ``Các
han, ngành, đoàn thể xã`` for ``Các ban, …``), both stored at 0.85 unflagged. Flagged, never changed."""

from __future__ import annotations

from archivist.fields import Field
from archivist.itemslips import colon_note_doubt, phrase_slip_doubt
from tests.test_flag_evidence import HEAD, _extract, _page

SIGN = [(1000, "TM. ỦY BAN NHÂN DÂN")]


def _recipients(*lines: str) -> Field:
    rows = [[(100, "Nơi nhận:")] + SIGN, [(100, "- Như trên;"), (1000, "CHỦ TỊCH")],
            *([(100, line)] for line in lines), [(100, "- Lưu: VT.")]]
    return _extract(_page(HEAD + rows + [[(1000, "Hà Hữu Thắng")]])).fields()["recipients"]


def test_a_colon_before_an_items_note_is_doubted() -> None:
    why = colon_note_doubt(["UBND huyện Thủy Nguyên: (b/c)", "Lưu VT"])
    assert why is not None and "'UBND huyện Thủy Nguyên: (b/c)' has a colon before its note" in why, why
    assert colon_note_doubt(["UBND huyện Thủy Nguyên (b/c)", "Lưu: VT, ĐC", "Như trên"]) is None


def test_a_phrase_one_confusion_off_is_doubted() -> None:
    why = phrase_slip_doubt(["UBND huyện Châu Thành (b/c)", "Các han, ngành, đoàn thể xã"])
    assert why is not None and "'các ban ngành'" in why and "read 'han'" in why, why
    assert phrase_slip_doubt(["Trưởng các thên, ấp"]) is not None  # HG112's, flagged already


def test_the_phrase_itself_another_phrase_or_two_slips_are_no_doubt() -> None:
    assert phrase_slip_doubt(["Các ban, ngành, đoàn thể xã", "Trưởng các thôn, ấp"]) is None
    assert phrase_slip_doubt(["Các hội, ngành, đoàn thể xã"]) is None  # hội is no one confusion of ban
    assert phrase_slip_doubt(["Cúc han, ngành"]) is None  # two words off the phrase
    assert phrase_slip_doubt(["UBND huyện Quỳnh Lưu", "Lưu: VT, 123"]) is None


def test_the_items_are_flagged_and_kept_through_extract() -> None:
    colon = _recipients("- UBND huyện Quỳnh Lưu: (b/c);")
    assert colon.value == ["Như trên", "UBND huyện Quỳnh Lưu: (b/c)", "Lưu: VT"]
    assert "colon before its note" in (colon.review or ""), colon.review
    slip = _recipients("- Các han, ngành, đoàn thể xã;")
    assert slip.value == ["Như trên", "Các han, ngành, đoàn thể xã", "Lưu: VT"]
    assert "read 'han'" in (slip.review or ""), slip.review
    right = _recipients("- UBND huyện Quỳnh Lưu (b/c);", "- Các ban, ngành, đoàn thể xã;")
    assert right.value == ["Như trên", "UBND huyện Quỳnh Lưu (b/c)", "Các ban, ngành, đoàn thể xã", "Lưu: VT"]
    assert right.review is None
