"""A text block the page's reading left without a word, read alone (archivist/unreadblocks.py), on drawn pages
read by the real Tesseract."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from archivist.blocks import Block
from archivist.models import Word
from archivist.ocr import OcrResult, make_engine
from archivist.unreadblocks import read_block, read_unread, unread_blocks
from tests.textpage import FONT

DPI = 200
BOLD = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf"
LEFT = ["Nơi nhận:", "- Như Điều 3;", "- TT Đảng ủy, HĐND xã;", "- Lưu: VT."]
RIGHT = ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Đặng Thị Loan"]


@pytest.fixture(scope="module")
def engine():  # noqa: ANN201 - the real Tesseract, loaded once
    return make_engine("tesserocr", "vie")


def _page(right: bool = True, scribble: bool = False, ink: int = 40) -> np.ndarray:
    """A decision's last page: the page number, the recipients on the left, the signature block on the right
    (or, with ``scribble``, only a seal's ring and a signature's stroke where it goes), printed in grey ``ink``."""
    w, h = int(8.27 * DPI), int(5 * DPI)
    im = Image.new("L", (w, h), 255)
    d = ImageDraw.Draw(im)
    small, bold = ImageFont.truetype(FONT, int(11 / 72 * DPI)), ImageFont.truetype(BOLD, int(13 / 72 * DPI))
    d.text((w // 2, int(0.3 * DPI)), "2", font=small, fill=ink)
    for i, line in enumerate(LEFT):
        d.text((int(0.9 * DPI), int((1.0 + 0.2 * i) * DPI)), line, font=small, fill=ink)
    if right:
        for i, line in enumerate(RIGHT):
            d.text((int(4.8 * DPI), int((1.0 + 0.25 * i + (0.5 if i == 2 else 0)) * DPI)), line, font=bold, fill=ink)
    if scribble:
        d.ellipse((int(4.9 * DPI), int(1.0 * DPI), int(5.6 * DPI), int(1.7 * DPI)), outline=110, width=4)
        d.line([(int(5.7 * DPI) + 20 * k, int(1.4 * DPI) + (15 if k % 2 else -15)) for k in range(12)], fill=60,
               width=3)
    return np.asarray(im)


def _left_only(engine, page: np.ndarray) -> OcrResult:  # noqa: ANN001
    """The page's reading as Tesseract's analysis gave it on the failing pages: the recipients read, the
    signature block not at all (read here from the page with the right half painted paper)."""
    left = page.copy()
    left[:, page.shape[1] // 2:] = 255
    return engine.recognize(left, DPI)


def test_only_an_untouched_block_large_enough_for_a_line_is_unread() -> None:
    page = _page()
    h, w = page.shape
    on_left = [Word("Nơi", 95.0, (int(0.9 * DPI), int(1.0 * DPI), int(1.2 * DPI), int(1.1 * DPI)), 0)]
    title, name = unread_blocks(page, DPI, on_left)  # the page number's block is too small, the left one read
    assert title.x0 > w // 2 and title.y0 < int(1.1 * DPI) < int(1.5 * DPI) < title.y1 < name.y0 < int(2.0 * DPI)
    assert unread_blocks(page, DPI, []) == []  # a page its reading found nothing on is left alone
    loan = Word("Loan", 90.0, (name.x1 - 60, name.y0 + 10, name.x1 - 5, name.y1 - 10), 3)  # one word, partly in
    assert unread_blocks(page, DPI, [*on_left, loan]) == [title]


def test_a_signature_block_read_alone_gives_its_three_lines_where_they_are(engine) -> None:  # noqa: ANN001
    page = _page()
    ocr = _left_only(engine, page)
    title, name = unread_blocks(page, DPI, ocr.words)
    for block, lines in ((title, RIGHT[:2]), (name, RIGHT[2:])):
        got = read_block(engine, page, DPI, block)
        assert [" ".join(w.text for w in got if w.line == i) for i in range(len(lines))] == lines
        assert all(block.x0 <= w.bbox[0] < w.bbox[2] <= block.x1 and block.y0 <= w.bbox[1] < w.bbox[3] <= block.y1
                   for w in got)


def test_a_seal_ring_and_a_scribble_alone_add_nothing(engine) -> None:  # noqa: ANN001
    page = _page(right=False, scribble=True)
    ocr = _left_only(engine, page)
    strokes = Block(int(4.8 * DPI), int(0.9 * DPI), int(6.3 * DPI), int(1.8 * DPI))
    assert int((page[strokes.y0:strokes.y1, strokes.x0:strokes.x1] < 128).sum()) > 1000  # ink there ...
    assert read_block(engine, page, DPI, strokes) == []  # ... that reads as no text
    assert read_unread(engine, ocr, page, DPI) is ocr


def test_the_page_reading_keeps_its_words_and_gains_the_blocks_lines(engine) -> None:  # noqa: ANN001
    page = _page()
    ocr = _left_only(engine, page)
    big = cv2.resize(page, None, fx=1.5, fy=1.5, interpolation=cv2.INTER_CUBIC)  # a page the restoration enlarged
    out = read_unread(engine, ocr, big, DPI * 1.5, 1.5)
    lines = out.text.splitlines()
    assert [ln for ln in lines if ln not in RIGHT] == ocr.text.splitlines()  # every line read before, as before
    assert [ln for ln in lines if ln in RIGHT] == RIGHT  # each line of the block a line of the page
    assert lines.index(RIGHT[0]) < lines.index(LEFT[1])  # placed where its top falls among the page's lines
    loan = next(w for w in out.words if w.text == "Loan")  # in the page's pixels, not the enlarged image's
    assert 4.8 * DPI < loan.bbox[0] < loan.bbox[2] < 6.5 * DPI and 1.9 * DPI < loan.bbox[1] < 2.2 * DPI
    assert len({w.line for w in out.words}) == len(lines)


def test_a_page_read_whole_is_returned_as_it_is(engine) -> None:  # noqa: ANN001
    page = _page()
    whole = engine.recognize(page, DPI)
    assert all(line in whole.text for line in RIGHT)  # Tesseract's analysis reads the drawn block ...
    assert read_unread(engine, whole, page, DPI) is whole  # ... and nothing is read twice


def test_a_page_printed_in_light_grey_ink_has_its_blocks_found(engine) -> None:  # noqa: ANN001
    """The tables group's pages are printed in light grey (HG89's page: darkest ink 132), which the blocks' layout
    takes for faded ink and leaves to Tesseract's analysis; where the reading left a block out, it is found."""
    from archivist.blocks import find_blocks

    page = _page(ink=150)
    assert find_blocks(page, DPI) is None  # as --layout blocks sees it: faded
    ocr = _left_only(engine, page)
    out = read_unread(engine, ocr, page, DPI)
    assert [ln for ln in out.text.splitlines() if ln in RIGHT] == RIGHT


class _Reads:
    """An engine that gives the same words for any image: the filter of a kept reading, apart from the OCR."""

    name = "fixed"

    def __init__(self, words: list[Word]) -> None:
        self.words = words

    def recognize(self, gray: np.ndarray, dpi: float, block: bool = False, bilevel: bool = False) -> OcrResult:
        return OcrResult(self.words, " ".join(w.text for w in self.words), 90.0)


def test_a_kept_readings_junk_words_are_left_out() -> None:
    """HG89: a signature's stroke read ``Z2`` at 0 beside ``Vũ Hữu Toàn``; HG130: a seal's arc read ``—``."""
    read = [Word("—", 72.0, (2, 10, 30, 14), 0), Word("Vũ", 96.0, (40, 0, 70, 30), 0),
            Word("Z2", 0.0, (75, 0, 95, 30), 0), Word("Hữu", 96.0, (100, 0, 150, 30), 0),
            Word("Toàn", 96.0, (160, 0, 230, 30), 0)]
    got = read_block(_Reads(read), np.full((100, 300), 255, np.uint8), DPI, Block(10, 20, 290, 90))
    assert [w.text for w in got] == ["Vũ", "Hữu", "Toàn"]
    assert got[0].bbox == (50, 20, 80, 50)  # in the page's pixels
    assert read_block(_Reads(read[:3]), np.full((100, 300), 255, np.uint8), DPI, Block(10, 20, 290, 90)) == []
