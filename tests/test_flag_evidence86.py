"""Review flags, eighty-sixth round (issue 14 item 9): a number digit whose glyph and one second reading of its box
point at the same other digit, each short of its own rule. HG101 typewriter-09 ttr-161's ``181`` for ``161`` (the
``8`` correlates 0.872 with the page's ``6``, 0.789 with its ``8``: under the glyph rule's 0.1 margin; the scan's
reading ``161``, the digits-only one ``181``) and HG99 speckle-19 khai-sinh-21's ``183`` for ``184`` (its ``3`` at
0.47 to the page's ``3``s, the scan's ``184``), both stored at 0.95 unflagged. Flagged, never changed."""

from __future__ import annotations

from archivist.digitglyphs import glyph_reread_doubt
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page


def _judged(own: float | None, digit: str, other: float, at: int = 1) -> list[dict]:
    return [{"text": "181/TTr-UBND", "box": [699, 566, 1084, 609], "digits": [[at, own, digit, other]]}]


def test_a_digit_a_reread_and_its_glyph_both_name_otherwise_is_doubted() -> None:
    why = glyph_reread_doubt(_judged(0.789, "6", 0.872), "181", ["181", "161"])
    assert why is not None and "gave 161" in why and "'6' (0.872" in why, why
    assert "looks little like" in (glyph_reread_doubt(_judged(0.47, "1", 0.579), "181", ["161"]) or "")


def test_either_alone_or_pointing_elsewhere_is_no_doubt() -> None:
    assert glyph_reread_doubt(_judged(0.789, "6", 0.872), "181", ["181", "181"]) is None  # the box agrees
    assert glyph_reread_doubt(_judged(0.789, "6", 0.872), "181", []) is None  # no reading with digits
    assert glyph_reread_doubt(_judged(0.95, "6", 0.872), "181", ["161"]) is None  # more like its own
    assert glyph_reread_doubt(_judged(0.789, "9", 0.872), "181", ["161"]) is None  # the glyph names another
    assert glyph_reread_doubt(_judged(0.789, "6", 0.80), "181", ["161"]) is None  # under LIKE
    assert glyph_reread_doubt(_judged(0.789, "6", 0.872, at=0), "181", ["161"]) is None  # another digit judged
    assert glyph_reread_doubt(_judged(0.789, "6", 0.872), "181", ["1611", "61"]) is None  # not one digit apart


def _number_page(scan: str, own: float, digit: str = "6", other: float = 0.872):  # noqa: ANN202
    """HEAD's notice whose number box the scan read ``scan`` and whose ``8`` correlates ``own`` with the page's own
    renderings of it and ``other`` with those of ``digit``."""
    page = _page(HEAD + FOOT)
    box = [int(v) for v in _extract(page).number_symbol.bbox]
    page.number_reading = {"box": box, "read": ":118/", "scan": scan,
                           "glyphs": [{"text": "118/TB-UBND", "box": box, "digits": [[2, own, digit, other]]}]}
    return page


def test_the_number_is_flagged_and_kept_through_extract() -> None:
    meta = _extract(_number_page("Số: 116/TB-UBND", 0.789))
    assert meta.number_symbol.value == "118/TB-UBND" and {"number", "number_symbol"} <= set(meta.needs_review)
    assert "gave 116" in (meta.number_symbol.review or "")
    for scan, own in (("Số: 118/TB-UBND", 0.789), ("Số: 116/TB-UBND", 0.95)):
        assert "number_symbol" not in _extract(_number_page(scan, own)).needs_review, (scan, own)
