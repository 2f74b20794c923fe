"""Fifty-first round of review flags (issue 14 item 9): HG50 speckle-21-qd-093's ``933/QĐ-UBND`` for ``93/QĐ-UBND``,
its word read at 35.6 and given the pattern's 0.95 back by ``settle_number``, in a box 1.78 digits narrower than its
text: a digit read twice. ``numberbox.narrow_doubt`` flags a weakly read number whose box is at least
``NARROW_DIGITS`` digits narrower than its text; the value stays as read."""

from __future__ import annotations

from archivist.fields import Field
from archivist.numberbox import NARROW_DIGITS, WEAK_NUMBER, extra_digits, narrow_doubt, page_scale
from tests.test_numberbox import NUMBER, _box, _with_number

#: the test page types every glyph 14 px wide (a typewriter's face): a digit is 14 px
DIGIT = 14


def test_the_box_narrower_than_its_weak_text_is_doubted() -> None:
    page = _with_number("1118/TB-UBND", conf=40.0, extra_px=-10)  # 12 glyphs, box of 11 less 10 px: -1.7
    box = _box(page, "1118/TB-UBND")
    scale = page_scale([w for w in page.words or [] if w[2] != box])
    assert scale is not None and extra_digits("1118/TB-UBND", box[2] - box[0], scale) <= -NARROW_DIGITS
    f = Field("1118/TB-UBND", 0.95, 1, box, "1118/TB-UBND")
    assert narrow_doubt(f, [page]) == \
        "the box of '1118/TB-UBND' is 1.7 digits narrower than its text: a digit may be read twice"


def test_a_sure_word_a_fitting_box_or_one_digit_short_is_not_doubted() -> None:
    sure = _with_number("1118/TB-UBND", conf=WEAK_NUMBER, extra_px=-10)  # the engine sure enough of its text
    one = _with_number("1118/TB-UBND", conf=40.0)  # one glyph more than the box: under the bound (a limit)
    whole = _with_number(NUMBER, conf=40.0, extra_px=-DIGIT // 2)  # read as printed, the box half a digit short
    for page, text in ((sure, "1118/TB-UBND"), (one, "1118/TB-UBND"), (whole, NUMBER)):
        box = _box(page, text)
        assert narrow_doubt(Field(text, 0.95, 1, box, text), [page]) is None, text


def test_a_weak_number_in_a_narrow_box_is_flagged_and_kept_through_extract() -> None:
    from tests.test_flag_evidence import _extract

    meta = _extract(_with_number("1118/TB-UBND", conf=40.0, extra_px=-10))
    assert meta.number_symbol.value == "1118/TB-UBND"  # kept as read: a flag, not a fix
    assert meta.number_symbol.confidence == 0.95  # the grammar settled it, as on HG50
    assert meta.number_symbol.review == \
        "the box of '1118/TB-UBND' is 1.7 digits narrower than its text: a digit may be read twice"
    assert meta.number.review == meta.number_symbol.review and meta.symbol.review is None
    assert "number_symbol" in meta.needs_review
    # the same word read at 40 in a box that fits it: settled, not flagged
    fair = _extract(_with_number(NUMBER, conf=40.0))
    assert fair.number_symbol.confidence == 0.95 and fair.number_symbol.review is None
    assert "number_symbol" not in fair.needs_review
