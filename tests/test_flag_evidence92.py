"""Review flags, ninety-second round (issue 14 item 9): a number's digit the page renders nowhere, whose glyph looks
most like the digit a second reading of the box gives there, no reading of as many digits giving the number (HG113
typewriter-09 kh-008's ``03/KH-UBND`` for ``08/KH-UBND`` at 0.95: the page has no ``3``, the glyph is most like its
``8`` s at 0.757, the scan read ``88``, the digits-only reading ``3``). Flagged, never changed."""

from __future__ import annotations

from archivist.digitglyphs import unrendered_doubt
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page

#: HG113 kh-008's number word as the page stage judged it: the 0 like the page's 0s, the 3 with none to compare
JUDGED = [{"text": "03/KH-UBND", "box": [662, 526, 982, 570],
           "digits": [[0, 0.872, "6", 0.812], [1, None, "8", 0.757]]}]


def test_an_unrendered_digit_a_reading_and_the_glyph_name_otherwise_is_doubted() -> None:
    why = unrendered_doubt(JUDGED, "03", ["3", "88"])
    assert why is not None and "no '3'" in why and "'8' (0.757)" in why, why
    assert unrendered_doubt(JUDGED, "03", ["08"]) is not None


def test_a_rendered_digit_a_whole_reading_or_another_digit_is_no_doubt() -> None:
    assert unrendered_doubt(JUDGED, "03", ["3", "03"]) is None  # a reading of as many digits gives it
    assert unrendered_doubt(JUDGED, "03", ["3"]) is None  # no reading of as many digits
    assert unrendered_doubt(JUDGED, "03", ["05"]) is None  # the reading names another digit than the glyph
    rendered = [{**JUDGED[0], "digits": [[0, 0.872, "6", 0.812], [1, 0.70, "8", 0.757]]}]
    assert unrendered_doubt(rendered, "03", ["88"]) is None  # the page renders a 3: the glyph rules judge it
    # the page's number 236, read 236 and 238 (HG113 speckle-20 gm-236, right): a whole reading gives it
    gm = [{"text": "236/GM-UBND", "box": [0, 0, 9, 9], "digits": [[2, None, "8", 0.786]]}]
    assert unrendered_doubt(gm, "236", ["236", "238"]) is None


def _number_page(scan: str, own: float | None):  # noqa: ANN202
    page = _page(HEAD + FOOT)
    box = [int(v) for v in _extract(page).number_symbol.bbox]
    page.number_reading = {"box": box, "read": ":/", "scan": scan,  # the digits-only reading gave none
                           "glyphs": [{"text": "118/TB-UBND", "box": box, "digits": [[2, own, "6", 0.757]]}]}
    return page


def test_the_number_is_flagged_and_kept_through_extract() -> None:
    meta = _extract(_number_page("Số: 116/TB-UBND", None))
    assert meta.number_symbol.value == "118/TB-UBND" and {"number", "number_symbol"} <= set(meta.needs_review)
    assert "no '8'" in (meta.number_symbol.review or "")
    for scan, own in (("Số: 118/TB-UBND", None), ("Số: 116/TB-UBND", 0.70)):
        assert "number_symbol" not in _extract(_number_page(scan, own)).needs_review, (scan, own)
