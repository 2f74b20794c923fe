"""Review flags, eighty-seventh round (issue 14 item 9): a number's ``6``, ``8`` or ``9`` whose glyph looks as much
like the page's ``0`` as like its own digit (HG105 typewriter-12 ttr-170's ``176`` for ``170`` at 0.95: its ``6`` at
0.875 to the page's ``6``s, 0.872 to its ``0``s; both second readings ``176``). Flagged, never changed."""

from __future__ import annotations

from archivist.digitglyphs import zero_tie_doubt
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page


def _judged(text: str, at: int, own: float | None, digit: str, other: float) -> list[dict]:
    return [{"text": text, "box": [547, 388, 804, 418], "digits": [[at, own, digit, other]]}]


def test_a_loop_digit_as_much_like_the_pages_zero_is_doubted() -> None:
    why = zero_tie_doubt(_judged("176/TTr-UBND", 2, 0.875, "0", 0.872), "176")
    assert why is not None and "'6'" in why and "'0' (0.872)" in why, why
    assert zero_tie_doubt(_judged("189/UBND", 1, 0.84, "0", 0.86), "189") is not None  # more like the 0: a tie too


def test_a_clear_own_digit_another_digit_or_a_weak_likeness_is_no_doubt() -> None:
    assert zero_tie_doubt(_judged("176/TTr-UBND", 2, 0.95, "0", 0.872), "176") is None  # its own, clearly
    assert zero_tie_doubt(_judged("176/TTr-UBND", 2, 0.875, "5", 0.872), "176") is None  # like a 5: not this rule
    assert zero_tie_doubt(_judged("176/TTr-UBND", 2, 0.80, "0", 0.80), "176") is None  # under LIKE
    assert zero_tie_doubt(_judged("176/TTr-UBND", 1, 0.875, "0", 0.872), "176") is None  # a 7 is no loop digit
    assert zero_tie_doubt(_judged("176/TTr-UBND", 2, None, "0", 0.9), "176") is None  # no 6 rendered: glyph_doubt's


def _number_page(own: float):  # noqa: ANN202
    page = _page(HEAD + FOOT)
    box = [int(v) for v in _extract(page).number_symbol.bbox]
    page.number_reading = {"box": box, "read": ":118/", "scan": "Số: 118/TB-UBND",
                           "glyphs": [{"text": "118/TB-UBND", "box": box, "digits": [[2, own, "0", 0.872]]}]}
    return page


def test_the_number_is_flagged_and_kept_through_extract() -> None:
    meta = _extract(_number_page(0.875))
    assert meta.number_symbol.value == "118/TB-UBND" and {"number", "number_symbol"} <= set(meta.needs_review)
    assert "looks as much like the page's '0'" in (meta.number_symbol.review or "")
    assert "number_symbol" not in _extract(_number_page(0.95)).needs_review
