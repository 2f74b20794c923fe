"""Review flags, ninety-seventh round (issue 14 item 9): a number/symbol whose box, read again as one word on the
upright scan, gives the same number and symbol with a part more (HG122 speckle-19 cv-239: the page read the word
``239/UBND-"TP``, the grammar took ``239/UBND`` and dropped the rest, stored at 0.95 unflagged; the scan read
``_S6:239/UBND-TP.``). Flagged, never changed."""

from __future__ import annotations

import pytest

from archivist.numberread import symbol_tail_doubt
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page


def test_a_scan_reading_with_a_part_more_is_doubted() -> None:
    why = symbol_tail_doubt({"scan": '_S6:239/UBND-TP.'}, "239/UBND")
    assert why is not None and "'239/UBND-TP'" in why and "past '239/UBND'" in why, why
    assert symbol_tail_doubt({"scan": "Số: 81/KH-UBND."}, "81/KH") is not None  # HG94 speckle-22, flagged already


@pytest.mark.parametrize(("scan", "value"), [
    ("_S6:239/UBND-TP.", "239/UBND-TP"),  # the same as stored
    ("Số: 239/UBND.", "239/UBND-TP"),  # shorter: the scan lost a part, not the page
    ("Số: 238/UBND-TP.", "239/UBND"),  # another number: the digit rules judge that
    ("Số: 239/UBNDX.", "239/UBND"),  # a longer part is no part more
    ("", "239/UBND"), ("Số 239", "239/UBND"),  # nothing of a symbol read
])
def test_the_same_a_shorter_or_another_reading_is_no_doubt(scan: str, value: str) -> None:
    assert symbol_tail_doubt({"scan": scan}, value) is None


def _page_read(number: str, scan: str):  # noqa: ANN202
    """A notice whose number line reads ``number`` and whose number box the scan read ``scan``."""
    page = _page([r if r[0][1] != "Số: 118/TB-UBND" else [(100, f"Số: {number}"), r[1]] for r in HEAD] + FOOT)
    box = [int(v) for v in _extract(page).number_symbol.bbox]
    page.number_reading = {"box": box, "read": ":118/", "scan": scan}
    return page


def test_the_number_is_flagged_and_kept_through_extract() -> None:
    meta = _extract(_page_read('118/TB-UBND-"TP', "Số: 118/TB-UBND-TP."))
    assert meta.number_symbol.value == "118/TB-UBND" and {"number_symbol", "symbol"} <= set(meta.needs_review)
    assert "'118/TB-UBND-TP'" in (meta.number_symbol.review or ""), meta.number_symbol.review
    assert "number" not in meta.needs_review  # the digits are not in doubt
    same = _extract(_page_read("118/TB-UBND", "Số: 118/TB-UBND."))
    assert same.number_symbol.value == "118/TB-UBND" and "number_symbol" not in same.needs_review
