"""Review flags, ninety-eighth round (issue 14 item 9, the sealed seeds 123-124): a number's loop digit whose glyph
looks more like the page's ``0`` than like its own digit, under the height the other glyph rules ask, where a second
reading of the box gives another digit there (HG124 typewriter-09 ttr-140's ``149/TTr-UBND`` for ``140/TTr-UBND``
at 0.95: its ``9`` at 0.838 to the page's ``0`` against 0.776 to its own; the scan read ``146``). Flagged, never
changed."""

from __future__ import annotations

from archivist.digitglyphs import zero_reread_doubt
from tests.test_flag_evidence import _extract
from tests.test_flag_evidence86 import _number_page as leaning_page

#: HG124 ttr-140's number word as the page stage judged it
JUDGED = [{"text": "149/TTr-UBND", "box": [622, 514, 1004, 555],
           "digits": [[0, 0.964, "2", 0.514], [1, 0.993, "6", 0.417], [2, 0.776, "0", 0.838]]}]


def test_a_loop_digit_leaning_to_zero_where_a_reading_gives_another_is_doubted() -> None:
    why = zero_reread_doubt(JUDGED, "149", ["149", "146"])
    assert why is not None and "'9' looks more like the page's '0' (0.838)" in why and "gave 146" in why, why


def test_a_repeated_digit_an_unleaning_glyph_or_no_loop_digit_is_no_doubt() -> None:
    assert zero_reread_doubt(JUDGED, "149", ["149", "149"]) is None  # every reading repeats the 9 (11 right numbers)
    assert zero_reread_doubt(JUDGED, "149", ["14"]) is None  # no reading of as many digits
    own = [{**JUDGED[0], "digits": [[2, 0.85, "0", 0.838]]}]
    assert zero_reread_doubt(own, "149", ["146"]) is None  # the glyph is more like its own 9
    other = [{**JUDGED[0], "digits": [[2, 0.776, "8", 0.838]]}]
    assert zero_reread_doubt(other, "149", ["146"]) is None  # leaning to another digit than 0: glyph_doubt's
    four = [{"text": "144/TTr", "box": [0, 0, 9, 9], "digits": [[2, 0.776, "0", 0.838]]}]
    assert zero_reread_doubt(four, "144", ["146"]) is None  # a 4 is no loop digit


def _number_page(scan: str, own: float):  # noqa: ANN202
    """HEAD's notice whose number box the scan read ``scan``, its ``8`` like the page's ``0`` at 0.838."""
    return leaning_page(scan, own, "0", 0.838)


def test_the_number_is_flagged_and_kept_through_extract() -> None:
    meta = _extract(_number_page("Số: 116/TB-UBND.", 0.776))
    assert meta.number_symbol.value == "118/TB-UBND" and {"number", "number_symbol"} <= set(meta.needs_review)
    assert "like the page's '0'" in (meta.number_symbol.review or ""), meta.number_symbol.review
    for scan, own in (("Số: 118/TB-UBND.", 0.776), ("Số: 116/TB-UBND.", 0.85)):
        assert "number_symbol" not in _extract(_number_page(scan, own)).needs_review, (scan, own)
