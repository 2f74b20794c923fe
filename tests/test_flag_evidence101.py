"""Review flags, hundred-and-first round (issue 14 item 9, session 37): a number's loop digit its glyph cannot tell
from another digit, on a page whose date was read with a year a ``0`` read as a loop digit made impossible (HG105
faded-15 khai-sinh-301's ``76/TLKS-BS`` for ``70/TLKS-BS`` at 0.95: its ``6`` at 0.652 to the page's ``6``, 0.648 to
its ``9``; both readings of the box ``76``; the date read ``ngày 21 tháng 19 năm 2619``). Flagged, never changed."""

from __future__ import annotations

from archivist.pagezero import page_zero_doubt, zero_read_year
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page

#: HG105 khai-sinh-301's number word as the page stage judged it
JUDGED = [{"text": "76/TLKS-BS", "box": [455, 342, 666, 369],
           "digits": [[0, 0.922, "2", 0.581], [1, 0.652, "9", 0.648]]}]
DATE = "ngày 21 tháng 19 năm 2619"


def test_years_a_zero_read_as_a_loop_digit_made_impossible_are_told() -> None:
    assert zero_read_year(DATE) == "2619"
    assert zero_read_year("Xã Yên Thịnh, ngày 3 tháng 9 năm: 2908") == "2908"
    assert zero_read_year("ngày 21 tháng 10 năm 2019") is None  # a possible year
    assert zero_read_year("ngày 21 tháng 10 năm 2713") is None  # no 6, 8 or 9 to mend: another misread
    assert zero_read_year("ngày 21 tháng 10 năm 2699") is None  # one 0 does not mend it


def test_a_loop_digit_tied_with_another_on_such_a_page_is_doubted() -> None:
    why = page_zero_doubt(JUDGED, "76", DATE)
    assert why is not None and "'6' looks as much like the page's '9' (0.648)" in why and "2619" in why, why
    to_zero = [{**JUDGED[0], "digits": [[1, 0.875, "0", 0.872]]}]  # HG105 ttr-170's 176, flagged already
    assert page_zero_doubt(to_zero, "76", DATE) is not None


def test_a_told_glyph_a_possible_year_or_no_loop_digit_is_no_doubt() -> None:
    assert page_zero_doubt(JUDGED, "76", "ngày 21 tháng 10 năm 2019") is None
    apart = [{**JUDGED[0], "digits": [[1, 0.759, "8", 0.774]]}]  # HG117 kh-169's right 169: 0.015 apart
    assert page_zero_doubt(apart, "76", DATE) is None
    seven = [{**JUDGED[0], "digits": [[0, 0.652, "1", 0.648]]}]  # a 7 is no loop digit
    assert page_zero_doubt(seven, "76", DATE) is None
    year = [{"text": "21/2069/QĐ-UBND", "box": [0, 0, 9, 9], "digits": [[5, 0.64, "0", 0.641]]}]
    assert page_zero_doubt(year, "21", DATE) is None  # the number's own digits only, not the year beside it


def test_a_year_a_faded_page_read_again_keeps_its_first_reading_as_the_evidence() -> None:
    """faded37 reads a faded page's doubtful words again: HG105's ``2619`` is then taken as ``2010``, and the page's
    sign that its 0s read as loop digits would be gone with it. The date's second reading keeps the first one."""
    from archivist.fadedread import keep_first_readings
    from archivist.restore import Prepared

    assert page_zero_doubt(JUDGED, "76", "ngày 21 tháng 19 năm 2010") is None  # the mended year alone tells nothing
    why = page_zero_doubt(JUDGED, "76", "ngày 21 tháng 19 năm 2010", "2619")
    assert why is not None and "2619" in why, why
    reading = {"box": [1, 2, 3, 4],
               "words": [{"text": "21", "box": [1, 2, 2, 4]}, {"text": "2010", "box": [2, 2, 3, 4]}]}
    prep = Prepared(image=None, dpi=300)  # type: ignore[arg-type]
    assert keep_first_readings(reading, prep) is reading  # nothing read again: the reading as it was
    prep.rereads.append(("2619", "2010"))
    kept = keep_first_readings(reading, prep)
    assert kept["words"][1] == {"text": "2010", "box": [2, 2, 3, 4], "first": "2619"}
    assert "first" not in kept["words"][0]
    assert keep_first_readings(None, prep) is None


def _dated_page(year: str, own: float):  # noqa: ANN202
    """HEAD's notice dated in ``year`` as read, both readings of its number box ``118``, the second ``8`` at ``own``
    to the page's ``8`` and 0.70 to its ``9``: under LIKE and no reading otherwise, so no other glyph rule doubts."""
    rows = [row if not row[0][1].startswith("Số:") else
            [row[0], (1000, f"Quỳnh Hậu, ngày 21 tháng 3 năm {year}")] for row in HEAD]
    page = _page(rows + FOOT)
    box = [int(v) for v in _extract(page).number_symbol.bbox]
    page.number_reading = {"box": box, "read": ":118/", "scan": "Số: 118/TB-UBND.",
                           "glyphs": [{"text": "118/TB-UBND", "box": box, "digits": [[2, own, "9", 0.70]]}]}
    return page


def test_the_number_is_flagged_and_kept_through_extract() -> None:
    meta = _extract(_dated_page("2916", 0.705))
    assert meta.number_symbol.value == "118/TB-UBND" and {"number", "number_symbol"} <= set(meta.needs_review)
    assert "the date's year read 2916" in (meta.number_symbol.review or ""), meta.number_symbol.review
    assert meta.number.review == meta.number_symbol.review and meta.symbol.review is None
    for year, own in (("2016", 0.705), ("2916", 0.80)):
        assert "number_symbol" not in _extract(_dated_page(year, own)).needs_review, (year, own)
