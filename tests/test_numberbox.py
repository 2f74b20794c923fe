"""Numbers' digits (numbers37, issue 14 items 6 and 9): a number's digit lost or read twice, stored at 0.95
unflagged (HG47 ``63/BC-UBND`` for ``163/BC-UBND``, HG46 ``7/KH-UBND`` read from ``1€7/KH-UBND``, HG47 ``222/QĐ-UBND``
for ``22/QĐ-UBND`` at word confidence 0). The page's own glyph widths tell a box holding one more digit than its text;
the word the number begins in tells a digit left out; a word read at confidence 0 is not settled by the grammar."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from archivist.fields import Field
from archivist.numberbox import EXTRA_DIGITS, advance, box_doubt, extra_digits, left_out_doubt, page_scale
from archivist.ocrtext import PageText
from tests.test_flag_evidence import CHOICES, FOOT, HEAD, _extract, _page

NUMBER = "118/TB-UBND"


def _with_number(text: str, conf: float = 95.0, extra_px: int = 0) -> PageText:
    """The test page (every glyph 14 px: a typewriter's face) with its number's word read as ``text`` in the box
    ``118/TB-UBND`` takes, widened by ``extra_px`` (the page read keeping the engine's choices)."""
    page = _page(HEAD + FOOT, rivals=CHOICES)
    words = []
    for w in page.words or []:
        if w[0] == NUMBER:
            x0, y0, x1, y1 = w[2]
            w = (text, conf, (x0, y0, x1 + extra_px, y1), w[3])
        words.append(w)
    return PageText(1, page.text.replace(NUMBER, text), words, (), page.rivals)


def _box(page: PageText, text: str) -> tuple[int, int, int, int]:
    return next(w[2] for w in page.words or [] if w[0] == text)


def test_widths_are_advances_of_the_page_face() -> None:
    assert advance("163/BC-UBND", mono=True) == pytest.approx(0.6 * 11)
    assert advance("22/QĐ-UBND", mono=False) == pytest.approx((500 * 2 + 278 + 722 * 2 + 333 + 722 * 3 + 667) / 1000)
    assert advance("Hậu", mono=False) == advance("Hau", mono=False)  # marks take no width of their own
    # the test page's words are 14 px a letter: monospaced, 14 / 0.6 px an em; a box one letter wider is one digit
    scale = page_scale(_page(HEAD + FOOT).words or [])
    assert scale is not None and scale[1] and scale[0] == pytest.approx(14 / 0.6)
    assert extra_digits("63/BC-UBND", 14 * 11, scale) == pytest.approx(1.0)
    assert page_scale([("Quỳnh", 95.0, (0, 0, 70, 30), 0)] * 4) is None  # too few words to know the face


def test_a_number_whose_box_holds_a_digit_more_than_its_text_is_flagged() -> None:
    # HG47 typewriter-09-bc-163: the engine read ``63/BC-UBND`` (0.95) from a box as wide as ``163/BC-UBND``
    lost = _extract(_with_number("18/TB-UBND"))  # in the box ``118/TB-UBND`` takes
    assert lost.number_symbol.value == "18/TB-UBND"
    assert lost.number_symbol.review == "the box of '18/TB-UBND' is 1.0 digits wider than its text: a digit may be lost"
    assert lost.number.review == lost.number_symbol.review
    assert lost.symbol.review is None  # the symbol is not in doubt
    assert "number_symbol" in lost.needs_review
    # read whole, or with a box half a digit wide of it (a serif, a speck's edge): not doubted
    for page in (_with_number(NUMBER), _with_number(NUMBER, extra_px=7)):
        meta = _extract(page)
        assert meta.number_symbol.value == NUMBER and meta.number_symbol.review is None
        assert "number_symbol" not in meta.needs_review


def test_a_box_running_into_another_word_or_taller_than_the_line_is_not_judged() -> None:
    page = _with_number(NUMBER, extra_px=40)
    x0, y0, x1, y1 = _box(page, NUMBER)
    f = Field(NUMBER, 0.95, 1, (_box(page, "Số:")[0], y0, x1, y1), f"Số: {NUMBER}")  # the label's box and the number's
    assert box_doubt(f, [page]) is not None
    crowded = PageText(1, page.text, (page.words or []) + [("Xã", 95.0, (x1 - 20, y0, x1 + 30, y1), 3)])
    assert box_doubt(f, [crowded]) is None  # HG44 tb-134: the box spanned the next word ``Xã``
    tall = PageText(1, page.text, [(w[0], w[1], (w[2][0], w[2][1] - 30, w[2][2], w[2][3]), w[3]) if w[0] == NUMBER
                                   else w for w in page.words or []])
    assert box_doubt(Field(NUMBER, 0.95, 1, (f.bbox[0], y0 - 30, x1, y1), f"Số: {NUMBER}"), [tall]) is None


def test_a_digit_glued_before_the_number_in_its_word_is_flagged() -> None:
    # HG46 typewriter-09-kh-167: ``1€7/KH-UBND`` read, ``7/KH-UBND`` kept (unlabelled, 0.8)
    meta = _extract(_with_number("1€7/KH-UBND"))
    assert meta.number_symbol.value == "7/KH-UBND"
    assert meta.number_symbol.review == \
        "'1€' before the number in its word '1€7/KH-UBND' holds a digit the value left out"
    assert "number_symbol" in meta.needs_review
    page = _with_number("1€7/KH-UBND")
    f = Field("7/KH-UBND", 0.8, 1, _box(page, "1€7/KH-UBND"), "7/KH-UBND")
    assert left_out_doubt(f, "7/KH-UBND", [page]) is not None
    # the label glued to the number (``Số:118``, ``S6:118``) or a speck that is no digit: nothing left out
    for glued in ("Số:118/TB-UBND", "S6:118/TB-UBND", "~118/TB-UBND"):
        page = _with_number(glued)
        assert left_out_doubt(Field(NUMBER, 0.95, 1, _box(page, glued), glued), NUMBER, [page]) is None, glued


def test_a_number_read_at_confidence_near_zero_is_not_settled_by_the_grammar() -> None:
    # HG47 clean-03-qd-022: ``222/QĐ-UBND`` for ``22/QĐ-UBND`` at word confidence 0.0, the grammar settling every
    # rival: stored at 0.95. At 20 and over the doubt is a speck or a quote glued on, and settles as before
    low = _extract(_with_number(NUMBER, conf=5.0))
    assert low.number_symbol.value == NUMBER and low.number_symbol.confidence < 0.6
    assert "number_symbol" in low.needs_review
    fair = _extract(_with_number(NUMBER, conf=40.0))
    assert fair.number_symbol.confidence == 0.95 and "number_symbol" not in fair.needs_review


# --- the widths on real pixels: pages typed in a typewriter's face and in Times, read by Tesseract -----------------

MONO = "/usr/share/fonts/truetype/liberation2/LiberationMono-Regular.ttf"
SERIF = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"
BODY = ["Ủy ban nhân dân xã Quỳnh Hậu báo cáo tình hình thiệt hại",
        "do mưa lũ gây ra trong tháng chín năm nay như sau",
        "Thực hiện chỉ đạo của huyện về công tác khắc phục hậu quả"]


def _typed(font_path: str, dpi: int = 300) -> np.ndarray:
    im = Image.new("L", (int(8.27 * dpi), int(3 * dpi)), 235)
    d = ImageDraw.Draw(im)
    font = ImageFont.truetype(font_path, int(13 / 72 * dpi))
    for i, line in enumerate(["Số: 163/BC-UBND", *BODY]):
        d.text((int(0.8 * dpi), int((0.4 + 0.5 * i) * dpi)), line, font=font, fill=30)
    return np.asarray(im)


@pytest.mark.parametrize(("font_path", "mono"), [(MONO, True), (SERIF, False)])
def test_on_a_typed_page_the_number_box_fits_its_digits_and_a_lost_one_shows(font_path: str, mono: bool) -> None:
    from archivist.ocr import TesserocrEngine

    read = TesserocrEngine().recognize(_typed(font_path), 300.0).words
    words = [(w.text, w.conf, tuple(w.bbox), w.line) for w in read]
    num = next(w for w in words if "/BC-" in w[0])
    assert num[0] == "163/BC-UBND", [w[0] for w in words]
    scale = page_scale([w for w in words if w is not num])
    assert scale is not None and scale[1] is mono  # the page's own words tell its face
    width = num[2][2] - num[2][0]
    assert abs(extra_digits(num[0], width, scale)) < 0.5
    # the engine loses the 1, the box keeps its ink: in Times a 1's side bearings make it 0.88 of a digit's width
    assert extra_digits("63/BC-UBND", width, scale) >= EXTRA_DIGITS
    # through box_doubt: the number's word read without its first digit in the same box is doubted, whole it is not
    lost = [("63/BC-UBND", *w[1:]) if w is num else w for w in words]
    f = Field("63/BC-UBND", 0.95, 1, num[2], "63/BC-UBND")
    assert box_doubt(f, [PageText(1, "", lost)]) is not None
    assert box_doubt(Field(num[0], 0.95, 1, num[2], num[0]), [PageText(1, "", words)]) is None
