"""A typewritten word's small ``l`` read as a capital ``L`` lowered where the glyph has a small ``l``'s shape and the
sentence runs on (archivist/typedcase.py): the shape told on words typed in the generator's typewriter face, the
places where a sentence runs on, a page's words lowered or kept; and a generated typewritten document end to end
through ``archivist process``."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from archivist import pagework, typedcase
from archivist.metrics import words
from archivist.models import Word
from archivist.ocr import OcrResult
from samples.layout import font, typeface
from tests.pdfcheck import assert_valid_pdfa
from tests.pdfpages import pdftotext
from tests.rereadcheck import typed_both_ways


def _typed_line(text: str, size: int) -> tuple[np.ndarray, list[tuple[int, int, int, int]]]:
    """``text`` typed in the mono face at ``size`` px on a white strip, and each word's ink box (as the engine
    gives it: the ink's extent, not the cells')."""
    with typeface("mono"):
        f = font("regular", size)
    im = Image.new("L", (40 + len(text) * size, 3 * size), 255)
    d = ImageDraw.Draw(im)
    x, boxes = 20, []
    for word in text.split(" "):
        d.text((x, size), word, font=f, fill=30)
        x1 = x + round(f.getlength(word))
        ink = np.asarray(im)[:, x:x1] < 128
        rows, cols = np.flatnonzero(ink.any(1)), np.flatnonzero(ink.any(0))
        boxes.append((x + int(cols[0]), int(rows[0]), x + int(cols[-1]) + 1, int(rows[-1]) + 1))
        x = x + round(f.getlength(word + " "))
    return np.asarray(im), boxes


@pytest.mark.parametrize("size", [39, 58])  # 14 pt at 200 and 300 dpi
@pytest.mark.parametrize(("typed", "small"), [("lập", True), ("là", True), ("lượng", True),
                                              ("Lập", False), ("Lưu", False), ("Lê", False)])
def test_small_l_tells_the_typed_letters_apart_by_shape(typed: str, small: bool, size: int) -> None:
    """A typed ``l``: a flag at the top of its cell's left edge, its foot a hook to the right; an ``L``: a stem on
    the left edge, full height, its foot leaving from the bottom-left corner."""
    img, (box,) = _typed_line(typed, size)
    assert typedcase.small_l(img, box, 0.6 * size) is small


def test_small_l_says_nothing_of_a_glyph_too_small_or_no_ink() -> None:
    img, (box,) = _typed_line("lập", 6)
    assert typedcase.small_l(img, box, 3.6) is False
    assert typedcase.small_l(np.full((40, 40), 255, np.uint8), (5, 5, 30, 30), 20.0) is False


@pytest.mark.parametrize(("prev", "text", "nxt", "runs_on"), [
    ("việc", "Lập", "kế", True), ("Họp", "Lấy", "ý", True),  # mid-sentence; a subject's capitalised first word
    ("đây", "Lập", "Kế", True), ("đây", "Là", "Kế", False),  # before a capitalised word: a surname (La) is a name
    ("16/05/2008", "Làm", "54", True),  # after a number
    ("quản:", "Lý", "đất", False), ("sau.", "Làm", "rõ", False),  # a sentence's or a clause's start
    ("-", "Lập", "kế", False), ("a)", "Lập", "kế", False), ("", "Lập", "kế", False),  # an item's, the page's
    ("ông", "Lâm", "nói", False), ("xã", "Lộc", "Hà", False),  # after a word that names
    ("TỊCH", "Lê", "Văn", False),  # after a line in capitals (a position before the signer)
    ("đồng", "Lý", "Văn", False),  # a surname before a capitalised word: a name
])
def test_run_on_is_where_a_sentence_runs_on(prev: str, text: str, nxt: str, runs_on: bool) -> None:
    assert typedcase.run_on(prev, text, nxt) is runs_on


def _page(text: str, read: str) -> tuple[np.ndarray, OcrResult]:
    img, boxes = _typed_line(text, 58)
    words = [Word(r, 90.0, b, 0) for r, b in zip(read.split(" "), boxes, strict=True)]
    return img, OcrResult(words, read, 90.0)


def test_typed_case_lowers_the_slip_and_keeps_a_typed_capital() -> None:
    img, ocr = _page("tổ chức việc lập hoạch và Lưu trữ", "tổ chức việc Lập hoạch và Lưu trữ")
    out = typedcase.typed_case(ocr, img)
    assert [w.text for w in out.words] == "tổ chức việc lập hoạch và Lưu trữ".split()
    assert out.text == "tổ chức việc lập hoạch và Lưu trữ"
    assert [w.bbox for w in out.words] == [w.bbox for w in ocr.words]  # the boxes as read
    assert typedcase.typed_case(ocr, None) is ocr  # not a typed page


def test_typed_case_lowers_a_same_shape_capital_no_higher_than_the_line_s_small_letters() -> None:
    """``Sau:`` whose ``s`` stands as high as the line's ``n``, ``v``, ``x`` is ``sau:``; a typed ``Văn`` and ``Xuân``
    stand a capital's height over them and stay, as does a typed ``sự`` (read small: nothing to lower)."""
    typed = "việc như sau: xong Văn mới cùng Xuân sự nay"
    img, ocr = _page(typed, "việc như Sau: xong Văn mới cùng Xuân sự nay")
    assert [w.text for w in typedcase.typed_case(ocr, img).words] == typed.split()


def test_line_x_heights_need_two_small_letters_of_no_ascender() -> None:
    img, ocr = _page("việc như Sau: xong", "việc như Sau: xong")
    ((line, height),) = typedcase.line_x_heights(ocr.words, img, 34.8).items()
    assert line == 0 and 20 <= height <= 34  # 58 px type: an x-height of 0.55 of it, give or take the thickness
    img, ocr = _page("là hoạch lý", "là hoạch lý")
    assert typedcase.line_x_heights(ocr.words, img, 34.8) == {}


def test_typed_case_leaves_a_typed_l_where_a_sentence_starts() -> None:
    """The shape says ``l``, but after a sentence's end the capital is left as read (a sentence's first word)."""
    img, ocr = _page("hoàn thành. lập hoạch", "hoàn thành. Lập hoạch")
    assert typedcase.typed_case(ocr, img) is ocr


@pytest.mark.slow
def test_generated_typed_document_lowers_its_l_slips_end_to_end(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """A generated typewritten document (seed 5, ``--groups typewriter``) through ``archivist process``: the small
    ``l`` its type prints read ``L`` mid-sentence without the shape's reading comes back small in the record and in
    the PDF/A's text layer, the pages lose fewer words, and the PDF/A-1b passes Preflight."""
    done = typed_both_ways(tmp_path, 5, lambda: monkeypatch.setattr(pagework, "typed_case", lambda ocr, t: ocr))
    read, want = done.read, done.want
    slips, printed = ("Lý", "Lực"), ("lý", "lực")
    assert not any(want[w] for w in slips) and all(want[w] for w in printed)
    assert all(read["without"][w] for w in slips)  # read as capitals without the shape's reading
    assert not any(read["with"][w] for w in slips)
    assert all(read["with"][w] > read["without"][w] for w in printed)
    assert done.errors["with"] < done.errors["without"], done.errors
    layer = Counter(w for k in range(1, len(done.pages) + 1) for w in words(pdftotext(done.pdf, k)))
    assert not any(layer[w] for w in slips) and all(layer[w] == read["with"][w] for w in printed)
    assert_valid_pdfa(done.archive)
