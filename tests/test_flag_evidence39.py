"""Review flags, thirty-ninth round (issue 14 item 9): sealed seed 49's wrong values stored without a flag. HG49
gm-088's archive copy ``Lưu: VT, TC`` read ``Lưu: VT, T.``: the ``T.`` dropped as debris, and the check that a
word after the last separator was kept compared letters, not words (``VT`` ends with ``T``), so the list passed
as whole. Right lists that look alike are tested beside it."""

from __future__ import annotations

from archivist.recipients import ends_with_word
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page


def test_a_word_is_kept_only_as_a_whole_word() -> None:
    assert not ends_with_word("Lưu: VT", "T")
    assert ends_with_word("Lưu: VT, TC", "TC") and ends_with_word("Lưu: VT", "VT")
    assert ends_with_word("Lưu: VT, TT.HĐND", "HĐND") and ends_with_word("Lưu: VT, VP-UB", "UB")
    assert not ends_with_word("Lưu: VT", "") and not ends_with_word("Lưu: VT, ĐC", "C")


def test_a_unit_code_read_as_one_letter_and_dropped_is_flagged_through_extract() -> None:
    meta = _extract(_page(HEAD + FOOT[:3] + [[(100, "- Lưu: VT, T.")]] + FOOT[4:]))
    assert meta.recipients.value[-1] == "Lưu: VT" and "recipients" in meta.needs_review  # flagged, not changed
    # the archive copy kept whole, with or without a unit's code, or a stop after it: nothing flagged
    for last in ("- Lưu: VT, TC.", "- Lưu: VT.", "- Lưu: VT, VP"):
        meta = _extract(_page(HEAD + FOOT[:3] + [[(100, last)]] + FOOT[4:]))
        assert meta.needs_review == [], last
