"""Review flags, hundred-and-fourth round (issue 14 item 9, session 37, the opened sealed seed 126): the archive
copy cut short as debris of a word of two or three capitals with a letter Vietnamese does not write (AT126
03-kh-249's ``- Lưu: VT; TŒ. zZ`` stored ``Lưu: VT`` at 0.85 for ``Lưu: VT, TC``: the ``TC`` read ``TŒ``, which
the dropped-code check, Vietnamese capitals only, passes). Flagged, never changed; fitted on the opened sealed
set, nothing held out."""

from __future__ import annotations

from archivist.itemtail import foreign_code_doubt
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page

AT126 = "'Lưu: VT; TŒ. zZ' -> 'Lưu: VT': OCR debris dropped"


def test_a_code_with_a_foreign_capital_cut_off_the_copy_is_doubted() -> None:
    why = foreign_code_doubt(["'TT HĐND xã' -> 'TT HĐND xã': the committee's 'ủy' in small letters", AT126])
    assert why is not None and "'TŒ.'" in why and "'Lưu: VT; TŒ. zZ'" in why, why
    assert foreign_code_doubt(["'Lưu VT, ÑC' -> 'Lưu VT': OCR debris dropped"]) is not None


def test_specks_a_vietnamese_code_or_another_item_are_no_doubt() -> None:
    assert foreign_code_doubt(["'Lưu: VT, TC, TnA ccO' -> 'Lưu: VT, TC': OCR debris dropped"]) is None  # HG125
    assert foreign_code_doubt(["'Lưu: VT, TC. zZ' -> 'Lưu: VT': OCR debris dropped"]) is None  # code_dropped's
    assert foreign_code_doubt(["'Lưu: VT. Œ' -> 'Lưu: VT': OCR debris dropped"]) is None  # one letter: a speck
    assert foreign_code_doubt(["'UBND xã TŒ.' -> 'UBND xã': OCR debris dropped"]) is None  # not the copy
    assert foreign_code_doubt(["'TŒ.' dropped: OCR debris"]) is None


def test_the_list_is_flagged_and_kept_through_extract() -> None:
    rows = [row if row[0][1] != "- Lưu: VT, TC." else [(100, "- Lưu: VT; TŒ."), (700, "zZ")] for row in FOOT]
    meta = _extract(_page(HEAD + rows))
    assert meta.recipients.value[-1] == "Lưu: VT" and "recipients" in meta.needs_review, meta.recipients.value
    assert "'TŒ.' was dropped" in (meta.recipients.review or ""), meta.recipients.review
