"""The page number alone at the top of a page (archivist/pagenumber.py): Tesseract's layout analysis drops it,
so it is found from the ink and read on its own; only one to three digits are kept, on the page's first line.
End to end on generated table pages: tests/test_tables.py."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from archivist.ocr import make_engine, text_from_words
from archivist.pagenumber import add_page_number, find
from samples.layout import font

DPI = 300.0
LINES = ["Nơi nhận: KT. CHỦ TỊCH", "- Như Điều 3; PHÓ CHỦ TỊCH", "- Lưu: VT."]


def _page(top: str | None) -> np.ndarray:
    """A 300 dpi page (A4 width) with three lines of text from 30 mm down, and ``top`` centred 15 mm from the top."""
    im = Image.new("L", (2480, 900), 255)
    d = ImageDraw.Draw(im)
    f = font("regular", round(13 * DPI / 72))
    if top is not None:
        d.text((1240, 180), top, font=f, fill=25, anchor="ms")
    for i, line in enumerate(LINES):
        d.text((300, 400 + i * 80), line, font=f, fill=25, anchor="ls")
    return np.asarray(im)


def _read(top: str | None):
    engine = make_engine()
    page = _page(top)
    return page, engine.recognize(page, DPI), engine


def test_a_lone_page_number_is_read_as_the_first_line() -> None:
    page, read, engine = _read("12")
    # on a scan Tesseract's layout analysis drops it (0 of 34 table pages' numbers read on HG43-HG47); on
    # this clean drawing it may not, and a number already read is left alone
    assert add_page_number(engine, page, DPI, read) is read or read.words[0].text != "12"
    ocr = text_from_words([w for w in read.words if w.text != "12"])
    got = add_page_number(engine, page, DPI, ocr)
    assert got.words[0].text == "12" and got.words[0].line == 0 and got.words[0].conf >= 70
    x0, y0, x1, y1 = got.words[0].bbox
    assert 1180 < x0 < x1 < 1300 and 120 < y0 < y1 < 190  # its box on the page
    assert [w.line for w in got.words[1:]] == [w.line + 1 for w in ocr.words]
    assert got.text.split("\n")[0] == "12" and got.text.split("\n", 1)[1] == ocr.text


def test_no_number_a_letter_or_no_text_adds_nothing() -> None:
    for top in (None, "A"):
        page, ocr, engine = _read(top)
        assert add_page_number(engine, page, DPI, ocr) is ocr
    blank = np.full((900, 2480), 255, np.uint8)
    engine = make_engine()
    empty = engine.recognize(blank, DPI)
    assert add_page_number(engine, blank, DPI, empty) is empty


def test_specks_and_pieces_off_the_middle_are_no_candidates() -> None:
    page, ocr, _ = _read(None)
    specked = page.copy()
    specked[150:154, 1200:1204] = 30  # a speck: far below a digit's height
    specked[150:190, 200:225] = 30  # a digit-sized blot in the left margin, out of the middle third
    assert find(specked, ocr.words) is None
    two = _page("2").copy()
    two[150:185, 1500:1520] = 30  # a second digit-sized piece apart from the number: not a lone number
    assert find(two, ocr.words) is None
