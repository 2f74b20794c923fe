"""The recipients list's column read for its lost last line where a speckled page has no blocks
(archivist/listcolumn.py, archivist/unreadlines.py), on drawn pages read by the real Tesseract, and end to end on a
generated speckled page."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from archivist.blocks import Block, find_blocks
from archivist.listcolumn import codes_only, list_column, list_line
from archivist.metrics import bag_of_words_error
from archivist.models import Word
from archivist.ocr import make_engine, text_from_words
from archivist.unreadlines import read_lines
from tests.pdfcheck import assert_valid_pdfs
from tests.test_dateread_day_cli import _render, processed
from tests.textpage import FONT

DPI = 200
LEFT = ["Nơi nhận:", "- Như Điều 3;", "- TT Đảng ủy, HĐND xã;", "- Lưu: VT."]


@pytest.fixture(scope="module")
def engine():  # noqa: ANN201 - the real Tesseract, loaded once
    return make_engine("tesserocr", "vie")


def _w(text: str, x0: int, y0: int, line: int, conf: float = 93.0) -> Word:
    return Word(text, conf, (x0, y0, x0 + 20 * len(text), y0 + 30), line)


def test_the_column_runs_from_the_label_down_past_its_last_word_left_of_the_middle() -> None:
    words = [_w("Đề", 100, 100, 0), _w("nghị", 160, 100, 0), _w("Nơi", 100, 300, 1), _w("nhận:", 180, 300, 1),
             _w("KT.", 900, 305, 1), _w("CHỦ", 980, 305, 1), _w("-", 100, 350, 2), _w("Như", 130, 350, 2),
             _w("PHÓ", 900, 360, 2)]
    [b] = list_column(words, 1600, 2000, DPI)
    pad, below = round(1.5 / 25.4 * DPI), round(9.0 / 25.4 * DPI)
    assert b == Block(100 - pad, 300 - pad, 280 + pad, 380 + below)  # the signer's column and the body left out
    assert list_column(words[:2], 1600, 2000, DPI) == []  # no label: no column
    joined = [*words[:2], replace(words[2], text="Nơinhận:"), *words[4:]]
    assert list_column(joined, 1600, 2000, DPI) == [Block(b.x0, b.y0, 190 + pad, b.y1)]  # read run together
    misread = [*words[:3], replace(words[3], text="nhữn?”"), *words[4:]]
    assert list_column(misread, 1600, 2000, DPI) == [b]  # its vowel misread under specks
    other = [*words[:3], replace(words[3], text="dung"), *words[4:]]
    assert list_column(other, 1600, 2000, DPI) == []  # ``Nơi dung``: no label
    right = [replace(w, bbox=(w.bbox[0] + 900, *w.bbox[1:3], w.bbox[3])) for w in words[2:4]]
    assert list_column(right, 1600, 2000, DPI) == []  # a label right of the middle: no list column to read


def test_only_a_line_opening_as_the_lists_last_is_kept() -> None:
    def line(*texts: str, conf: float = 93.0) -> list[Word]:
        return [_w(t, 100 + 60 * i, 100, 0, conf) for i, t in enumerate(texts)]

    assert list_line(line("-", "Lưu:", "VT."), 50)
    assert list_line(line("~", "Lưu:", "VT,'VP,"), 50)  # the dash a speck made ``~``: the word after it decides
    assert list_line(line("Lưu:", "VT", "-"), 50)
    assert not list_line(line("-", "Lưu:", "VT.", conf=40), 50)  # not read surely
    assert not list_line(line("-", "IỮU:", "VT."), 50)  # read otherwise: never supplied
    assert not list_line(line("-", "Như", "Điều", "3;"), 50)  # another line of the list
    assert not list_line(line("-", "~", "Lưu:"), 50)  # the word third: not the line's opening
    assert not list_line([], 50)


def test_after_luu_only_units_codes_are_kept() -> None:
    def texts(*read: str) -> list[str]:
        return [w.text for w in codes_only([_w(t, 100 + 60 * i, 100, 0) for i, t in enumerate(read)])]

    assert texts("-", "Lưu:", "VT.") == ["-", "Lưu:", "VT."]
    assert texts("-", "Lưu:", "VT;", "VX.") == ["-", "Lưu:", "VT;", "VX."]
    assert texts("Lưu:", "VT,ĐC.") == ["Lưu:"]  # two codes run together: not one code, left out
    assert texts("-", "Lưu:", "Vĩ") == ["-", "Lưu:"]  # ``VT.`` misread: not a code, left out
    assert texts("~", "Lưu:", "VT,'VP,") == ["~", "Lưu:"]
    assert texts("Lưu:", "VT", "-") == ["Lưu:", "VT"]  # a mark after: left out


def _speckled(lines: list[str]) -> np.ndarray:
    """The recipients of a decision's last page, beside a signer's title, on paper with 120 specks."""
    w, h = int(6 * DPI), int(3 * DPI)
    im = Image.new("L", (w, h), 255)
    d = ImageDraw.Draw(im)
    font = ImageFont.truetype(FONT, int(13 / 72 * DPI))
    for i, text in enumerate(lines):
        d.text((int(0.5 * DPI), int((1.0 + 0.2 * i) * DPI)), text, font=font, fill=40)
    d.text((int(3.6 * DPI), int(1.0 * DPI)), "CHỦ TỊCH", font=font, fill=40)
    rng = np.random.default_rng(7)
    for x, y in zip(rng.integers(0, w, 120), rng.integers(0, h, 120), strict=True):
        d.rectangle((int(x), int(y), int(x) + 2, int(y) + 2), fill=30)
    return np.asarray(im)


def _without(engine, page: np.ndarray, text: str):  # noqa: ANN001, ANN202
    """The page's reading less the line reading ``text`` (a line the failing pages' first reading lost; this
    drawn page's reading loses ``- Lưu: VT.`` on its own, under the specks)."""
    ocr = engine.recognize(page, DPI)
    lines = {w.line for w in ocr.words if text in w.text}
    return replace(text_from_words([w for w in ocr.words if w.line not in lines]), notes=ocr.notes)


def test_a_speckled_pages_lost_last_line_is_read_in_its_column_and_no_other_line(engine) -> None:  # noqa: ANN001
    page = _speckled(LEFT)
    assert find_blocks(page, DPI, faint=True) is None  # the specks: no blocks, so no block's lost lines read
    ocr = _without(engine, page, "Lưu")
    out = read_lines(engine, ocr, page, DPI)
    assert out.words[: len(ocr.words)] == ocr.words  # nothing already read changed
    added = [w.text for w in out.words[len(ocr.words):]]
    assert added == ["-", "Lưu:"]  # its ``VT.`` read ``VT..`` (a speck after it, a stop): no code, left out
    assert out.text.splitlines()[-1] == "- Lưu:"
    ocr = _without(engine, page, "Như")  # another line of the list lost too: left lost, not read here
    added = [w.text for w in read_lines(engine, ocr, page, DPI).words[len(ocr.words):]]
    assert "Như" not in added and added[:2] == ["-", "Lưu:"]


@pytest.mark.slow
def test_generated_speckled_page_reads_the_recipients_last_line_end_to_end(tmp_path: Path) -> None:
    """Seed 256's sixth speckled document (a fit seed: ``speckle-06-gm-035-hoa-binh``, an invitation, 200 dpi JPEG),
    rendered as its set renders it, through ``archivist process``: its first reading ran ``- Lưu: VT.`` into the
    signer's title (``PHÓ CHỦ TỊCH``) and lost it; now the line is in the record, the PDF/A's text, and the recipients,
    and the PDF/A-1b passes Preflight."""
    ((rec, truth, pdf),) = processed(256, [5], tmp_path, lambda seed, slots, scans: _render(
        seed, slots, scans, docs=8, groups=["speckle"]))
    assert truth["document"] == "speckle-06-gm-035-hoa-binh"
    text, want = rec["pages"][0]["text"], truth["pages"][0]["text"]
    assert "- Lưu: VT." in want
    assert any(ln.startswith("- Lưu:") for ln in text.splitlines())  # a line of its own (the footer read in order)
    assert bag_of_words_error(want, text) < 0.0588  # 5.88% on dc731f6, where the line was lost
    assert any(r.startswith("Lưu") for r in rec["metadata"]["recipients"])
    assert_valid_pdfs([pdf])


@pytest.mark.slow
def test_a_seal_pages_last_line_read_under_the_score_is_kept_end_to_end(tmp_path: Path) -> None:
    """Seed 268's second seal document (``seals-02-kh-174-nghia-hung``, page 2), rendered as its set renders it,
    through ``archivist process``: its blocks are found, and its lost ``- Lưu: VT.`` read alone gives ``- Lưu:``,
    under unreadlines' score (4 letters); kept now as the list's last line opens, the code not read left out."""
    ((rec, truth, pdf),) = processed(268, [1], tmp_path, lambda seed, slots, scans: _render(
        seed, slots, scans, docs=6, groups=["seals"]))
    assert truth["document"] == "seals-02-kh-174-nghia-hung"
    text, want = rec["pages"][1]["text"], truth["pages"][1]["text"]
    assert "- Lưu: VT." in want and "- Lưu:" in text.splitlines()
    assert bag_of_words_error(want, text) < 0.0577  # 5.77% on dc731f6, where the line was lost
    assert_valid_pdfs([pdf])
