"""Capitals a typewritten page's reading has small, told by each glyph's body against the page's own capitals and small
letters (archivist/typedupper.py): the body without its marks, which words are read in capitals and which first
letters made capitals, a typed line, and a generated typewritten document end to end through ``archivist process``."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from archivist import pagework, typedupper
from archivist.metrics import words
from archivist.models import Word
from archivist.ocr import OcrResult
from tests.pdfcheck import assert_valid_pdfa
from tests.pdfpages import pdftotext
from tests.rereadcheck import typed_both_ways
from tests.test_typedcase import _typed_line


def _cell(*runs: tuple[int, int]) -> np.ndarray:
    """A glyph's cell 40 rows high with ink on the rows of each run (start, end)."""
    cell = np.zeros((40, 10), np.uint8)
    for a, b in runs:
        cell[a:b, 2:8] = 1
    return cell


def test_body_of_leaves_a_mark_above_and_a_dot_below_out() -> None:
    assert typedupper.body_of(_cell((10, 30))) == (20, False, 30)  # no mark
    assert typedupper.body_of(_cell((4, 7), (10, 30))) == (20, True, 30)  # a mark above, paper between
    assert typedupper.body_of(_cell((10, 30), (33, 36))) == (20, False, 30)  # a dot below
    assert typedupper.body_of(_cell((4, 30))) == (26, False, 30)  # a mark run into the body: one run
    assert typedupper.body_of(_cell((10, 12))) is None  # too small to be a body
    assert typedupper.body_of(_cell()) is None


def _bodies(*heights: int, marked: tuple[int, ...] = (), bottom: int = 30) -> list:
    return [(h, k in marked, bottom) for k, h in enumerate(heights)]


@pytest.mark.parametrize(("text", "bodies", "read"), [
    ("PHổ", _bodies(24, 24, 24, marked=(2,)), "PHỔ"),  # the ổ's body a capital's, its marks apart
    ("BáO", _bodies(24, 23, 24, marked=(1,)), "BÁO"),
    ("xã", _bodies(24, 24, marked=(1,)), "XÃ"),
    ("Mời", _bodies(24, 24, 24, marked=(1, 2)), None),  # ờ: a horn, not measured, nor the i after it
    ("Tổ", _bodies(24, 24, marked=(1,)), "TỔ"), ("mì", _bodies(24, 24, marked=(1,)), "MÌ"),  # the dot, the mark apart
    ("mì", _bodies(24, 24), None),  # the i's mark run into its body
    ("PHổ", _bodies(24, 24, 19, marked=(2,)), None),  # the ổ at the x-height: small as read
    ("PHổ", _bodies(24, 24, 24), None),  # its mark run into the body: not measured
    ("PHổ", _bodies(24, 24, 28, marked=(2,)), None),  # taller than a capital: a mark in it
    ("xã", _bodies(19, 24, marked=(1,)), None),  # every small letter measured must stand so
    ("lập", _bodies(28, 24, 28, marked=(1,)), "LẬP"),  # l and p not measured, ậ a capital's
    ("tư", _bodies(28, 24), None),  # nothing measured (ư has a horn)
    ("HÒA", _bodies(24, 24, 24, marked=(1,)), None),  # already capitals
    ("12a", _bodies(24, 24, 24), None),
])
def test_upper_reading_asks_every_small_letter_measured_to_stand_a_capital(text: str, bodies: list,
                                                                          read: str | None) -> None:
    """The page's capitals' bodies 24 pixels, its small letters' 19 (200 dpi)."""
    assert typedupper.upper_reading(text, bodies, 24.0, 19.0) == read


@pytest.mark.parametrize(("text", "bodies", "base", "read"), [
    ("châu", _bodies(24, 28, 19, 19, marked=(2,)), 30, "Châu"),
    ("văn", _bodies(24, 19, 19, marked=(1,)), 30, "Văn"),
    ("ủy", _bodies(24, 26, marked=(0,)), 30, "Ủy"),  # the hook apart from the Ủ's body
    ("(mùa", [None, *_bodies(24, 19, 19, marked=(1,))], 30, "(Mùa"),  # edge punctuation kept
    ("châu", _bodies(21, 28, 19, 19, marked=(2,)), 30, None),  # 0.4 of the way: not past FIRST_SPLIT
    ("ủy", _bodies(25, 26), 30, None),  # the hook run into the body: not measured
    ("châu", _bodies(24, 28, 19, 19), 24, None),  # its body reaches below the line's baseline: a descender
    ("châu", _bodies(24, 28, 19, 19), None, None),  # no baseline
    ("rế", _bodies(24, 24), 30, None),  # an R is no r drawn larger (a tall glyph read r was a k)
    ("ươn", _bodies(24, 24, 19), 30, None),  # a horn
    ("Châu", _bodies(24, 28, 19, 19), 30, None),  # not in small letters
])
def test_capital_first_asks_the_first_letter_alone(text: str, bodies: list, base: float | None,
                                                   read: str | None) -> None:
    assert typedupper.capital_first(text, bodies, 24.0, 19.0, base) == read


def test_letters_are_not_told_where_the_page_does_not_tell_capitals_from_small() -> None:
    assert typedupper.upper_reading("PHổ", _bodies(20, 20, 20, marked=(2,)), 20.0, 19.0) is None
    assert typedupper.capital_first("châu", _bodies(20, 20, 19, 19), 20.0, 19.0, 30) is None


def _page(typed: str, read: str, size: int) -> tuple[np.ndarray, OcrResult]:
    img, boxes = _typed_line(typed, size)
    return img, OcrResult([Word(r, 90.0, b, 0) for r, b in zip(read.split(" "), boxes, strict=True)], read, 90.0)


@pytest.mark.parametrize("size", [39, 58])  # 14 pt at 200 and 300 dpi
def test_typed_upper_reads_capitals_by_their_bodies(size: int) -> None:
    """On a line typed in the mono face: ``PHỔ`` read ``PHổ`` in the heading, and ``Ủy``, ``Châu`` read small mid-line,
    come back as typed; the words typed small beside them (``xã``, ``các``) stay."""
    typed = "ỦY BAN NHÂN DÂN HUYỆN PHỔ YÊN giao cho Ủy ban xã Châu Thành và các xã như sau"
    img, ocr = _page(typed, "ỦY BAN NHÂN DÂN HUYỆN PHổ YÊN giao cho ủy ban xã châu Thành và các xã như sau", size)
    out = typedupper.typed_upper(ocr, img)
    assert out.text == typed
    assert [w.bbox for w in out.words] == [w.bbox for w in ocr.words]


@pytest.mark.parametrize("size", [39, 58])
def test_typed_upper_keeps_small_letters_typed_small(size: int) -> None:
    typed = "ỦY BAN NHÂN DÂN HUYỆN xã giao cho ủy ban xã châu thành và các xã như sau"
    img, ocr = _page(typed, typed, size)
    assert typedupper.typed_upper(ocr, img) is ocr
    img, ocr = _page("ỦY BAN NHÂN DÂN HUYỆN PHỔ YÊN", "ỦY BAN NHÂN DÂN HUYỆN PHổ YÊN", size)
    assert typedupper.typed_upper(ocr, None) is ocr  # not a typed page
    img, ocr = _page("giao cho Châu", "giao cho châu", size)
    assert typedupper.typed_upper(ocr, img) is ocr  # too few capitals and small letters to measure the page on


@pytest.mark.slow
def test_generated_typed_document_reads_its_capitals_end_to_end(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The first typewritten document of seed 180 (``generate.py --docs 1 --groups typewriter``: the plan of Quỳnh
    Hậu, one page) through ``archivist process``: its ``Quỳnh Lưu, Ủy ban``, read ``ủy`` without the rule, is ``Ủy``
    in the record and in the PDF/A's text layer, the page loses fewer words, and the PDF/A-1b passes Preflight."""
    done = typed_both_ways(tmp_path, 180, lambda: monkeypatch.setattr(pagework, "typed_upper", lambda ocr, typed: ocr))
    read, want = done.read, done.want
    assert read["without"]["ủy"] > want["ủy"]
    assert read["with"]["ủy"] == read["without"]["ủy"] - 1
    assert read["with"]["Ủy"] == read["without"]["Ủy"] + 1
    assert done.errors["with"] < done.errors["without"], done.errors
    layer = Counter(w for k in range(1, len(done.pages) + 1) for w in words(pdftotext(done.pdf, k)))
    assert layer["Ủy"] == read["with"]["Ủy"] and layer["ủy"] == read["with"]["ủy"]
    assert_valid_pdfa(done.archive)


def test_a_word_beside_capitals_stands_next_to_them_on_its_line() -> None:
    """The header's two columns share a line: ``DÂN`` at the left column's end is not beside ``lập`` in the right
    column's ``Độc lập`` (it made ``LẬP`` of a typed ``lập`` on the fit pages before the gap was asked)."""
    ws = [Word("NHÂN", 90.0, (100, 10, 180, 40), 0), Word("DÂN", 90.0, (200, 10, 260, 40), 0),
          Word("Độc", 90.0, (700, 10, 760, 40), 0), Word("lập", 90.0, (780, 10, 840, 40), 0),
          Word("XÃ", 90.0, (100, 60, 140, 90), 1), Word("xã", 90.0, (160, 60, 200, 90), 1)]
    texts = [w.text for w in ws]
    assert typedupper._beside_capitals(ws, texts, 2, 20.0) is False  # 22 pitches from DÂN
    assert typedupper._beside_capitals(ws, texts, 3, 20.0) is False
    assert typedupper._beside_capitals(ws, texts, 5, 20.0) is True  # one pitch from XÃ, on its line
    assert typedupper._beside_capitals(ws, texts, 4, 20.0) is False  # xã is no word in capitals
