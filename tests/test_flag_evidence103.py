"""Review flags, hundred-and-third round (issue 14 item 9, session 37, the opened sealed seed 125): a recipients
item as many words as a lexicon phrase, each a letter at most off the phrase's, that is no phrase or word itself
(HG125 speckle-23 ttr-111's ``Nụ tiên`` for ``Như trên`` at 0.85: both words misread, so the one-slip rule is
silent, and both are syllables). Flagged, never changed; fitted on the opened sealed set, nothing held out."""

from __future__ import annotations

from archivist.itemslips import stock_item_doubt
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page

STORED = ["Nụ tiên", "TT Đảng ủy xã (b/c)", "TT HĐND xã", "Lưu: VT, TC"]


def test_a_stock_phrase_misread_in_both_words_is_doubted() -> None:
    why = stock_item_doubt(STORED)
    assert why is not None and "'Nụ tiên'" in why and "'như trên'" in why, why
    assert stock_item_doubt(["Nhu tiên;"]) is not None  # a letter each, marks aside
    assert stock_item_doubt(["Như tiên"]) is not None  # one word a letter off that is no one confusion of it


def test_the_phrase_itself_another_phrase_or_a_far_item_is_no_doubt() -> None:
    assert stock_item_doubt(["Như trên", *STORED[1:]]) is None
    assert stock_item_doubt(["Như trên;", "Chi bộ", "Thị xã", "Tư pháp", "Văn phòng"]) is None
    assert stock_item_doubt(["Công an"]) is None  # a phrase itself, a letter from ``công văn``
    assert stock_item_doubt(["Nữ tiến sĩ"]) is None  # three words: no two-word phrase's length
    assert stock_item_doubt(["Nụ cười"]) is None  # ``cười`` is two letters and more off ``trên``
    assert stock_item_doubt(["Như 2"]) is None  # no run of letters


def _list_page(first: str):  # noqa: ANN202
    """HEAD's notice whose list opens with ``first``."""
    return _page(HEAD + [row if row[0][1] != "- Như trên;" else [(100, first), row[1]] for row in FOOT])


def test_the_list_is_flagged_and_kept_through_extract() -> None:
    meta = _extract(_list_page("- Nụ tiên;"))
    assert meta.recipients.value[0] == "Nụ tiên" and "recipients" in meta.needs_review
    assert "the stock phrase 'như trên'" in (meta.recipients.review or ""), meta.recipients.review
    right = _extract(_list_page("- Như trên;"))
    assert right.recipients.value[0] == "Như trên" and right.recipients.review is None, right.recipients.review
