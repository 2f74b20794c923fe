"""A line inside a block the page's reading touched, on which it read no word, read alone
(archivist/unreadlines.py), on drawn pages read by the real Tesseract."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from archivist.blocks import Block
from archivist.models import Word
from archivist.ocr import make_engine, text_from_words
from archivist.unreadlines import _repeats, _unread_bands, bands, boxes_of, read_lines, unread_lines
from tests.textpage import FONT

DPI = 200
LEFT = ["Nơi nhận:", "- Như Điều 3;", "- TT Đảng ủy, HĐND xã;", "- Lưu: VT."]


@pytest.fixture(scope="module")
def engine():  # noqa: ANN201 - the real Tesseract, loaded once
    return make_engine("tesserocr", "vie")


def _page(seal: bool = False) -> np.ndarray:
    """The recipients of a decision's last page (``seal``: the last line replaced by a seal's ring and stroke)."""
    w, h = int(6 * DPI), int(3 * DPI)
    im = Image.new("L", (w, h), 255)
    d = ImageDraw.Draw(im)
    font = ImageFont.truetype(FONT, int(13 / 72 * DPI))
    for i, line in enumerate(LEFT[:-1] if seal else LEFT):
        d.text((int(0.9 * DPI), int((1.0 + 0.2 * i) * DPI)), line, font=font, fill=40)
    if seal:
        y = int(1.6 * DPI)
        d.arc((int(0.9 * DPI), y, int(2.4 * DPI), y + int(0.9 * DPI)), 200, 340, fill=110, width=4)
    return np.asarray(im)


def _without_last(engine, page: np.ndarray):  # noqa: ANN001, ANN202
    """The page's reading less its last line: a reading that skipped ``- Lưu: VT.`` as the failing pages' did."""
    ocr = engine.recognize(page, DPI)
    last = max(w.line for w in ocr.words)
    assert " ".join(w.text for w in ocr.words if w.line == last) == LEFT[-1]
    return replace(text_from_words([w for w in ocr.words if w.line != last]), notes=ocr.notes), last


def test_bands_join_a_lines_marks_and_part_at_a_tail_reaching_the_next_line() -> None:
    ink = np.zeros((400, 100), np.uint8)
    ink[10:14, :10] = 1  # tone marks over capitals, 0.4 mm over the letters (3 px at 200 dpi)
    ink[17:40, :] = 1  # the letters' bodies
    ink[40:47, :3] = 1  # a g's tail, down to the next line's marks: sparse rows
    ink[47:70, :] = 1  # the next line
    ink[100:103, :] = 1  # a rule's remains: too thin
    ink[200:290, :] = 1  # 11 mm: a seal or two lines run together
    assert bands(ink, DPI) == [(10, 40), (47, 70)]
    assert bands(np.zeros((50, 50), np.uint8), DPI) == []
    assert bands(np.zeros((0, 50), np.uint8), DPI) == []  # an empty crop: no rows to sum


def test_a_box_the_reading_stretched_over_two_lines_reads_neither() -> None:
    block, found = Block(0, 0, 500, 200), [(10, 40), (50, 80)]
    merged = Word("UBND", 90.0, (10, 8, 100, 80), 0)  # the reading ran the two lines together
    giang = Word("Giang;", 90.0, (120, 12, 200, 40), 0)
    assert _unread_bands(found, block, [merged, giang]) == [(50, 80)]  # the upper line read by its own words
    assert _unread_bands(found, block, [merged, giang, Word("VT.", 90.0, (120, 52, 170, 78), 1)]) == []
    words = [merged, giang, Word("VT.", 90.0, (120.0, 52.5, 170.0, 78.5), 1)]  # boxes in floats count alike
    assert _unread_bands(found, block, words, boxes_of(words)) == _unread_bands(found, block, words) == []
    assert _unread_bands(found, block, []) == found  # nothing read: every band unread
    band = Block(0, 45, 500, 85)
    assert _repeats([Word("UBND", 88.0, (10, 50, 100, 78), 0)], band, [merged, giang])  # read twice: not lost
    assert not _repeats([Word("-", 90.0, (0, 60, 8, 64), 0), Word("Lưu:", 93.0, (12, 50, 60, 78), 0),
                         Word("VT.", 91.0, (70, 50, 110, 78), 0)], band, [merged, giang])


def test_a_line_the_reading_skipped_inside_its_block_is_read_where_it_stands(engine) -> None:  # noqa: ANN001
    page = _page()
    ocr, last = _without_last(engine, page)
    [line] = unread_lines(page, DPI, ocr.words)
    assert int(1.5 * DPI) < line.y0 < int(1.65 * DPI) < line.y1 < int(1.85 * DPI)  # the 4th line, at 1.6 in
    out = read_lines(engine, ocr, page, DPI)
    assert out.text.splitlines() == LEFT  # the line back, last, with its bullet; the others as read
    assert out.words[: len(ocr.words)] == ocr.words  # nothing already read changed
    added = out.words[len(ocr.words):]
    assert all(line.x0 <= w.bbox[0] < w.bbox[2] <= line.x1 and line.y0 <= w.bbox[1] < w.bbox[3] <= line.y1
               for w in added)


def test_a_page_read_whole_and_a_seals_arc_add_nothing(engine) -> None:  # noqa: ANN001
    page = _page()
    ocr = engine.recognize(page, DPI)
    assert unread_lines(page, DPI, ocr.words) == []
    assert read_lines(engine, ocr, page, DPI) is ocr
    sealed = _page(seal=True)
    ocr = engine.recognize(sealed, DPI)
    assert read_lines(engine, ocr, sealed, DPI).text == ocr.text  # the arc's band, if found, reads as no text
    assert unread_lines(sealed, DPI, []) == []  # a page without words is left alone
