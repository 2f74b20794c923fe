"""A faded page's letters read from their glyphs' shapes (archivist/fadedglyphs.py, session 43): a capital ``I``
ending a word read ``T`` (:func:`capital_i`) and a small ``l`` opening one read ``t`` (:func:`small_l`), told in the
generator's faces; and generated faded documents through ``archivist process`` (real Tesseract)."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from archivist import fadedglyphs, pagework, restore
from archivist.metrics import words
from archivist.models import Word
from archivist.ocr import OcrResult
from tests.pdfcheck import assert_valid_pdfa
from tests.pdfpages import pdftotext
from tests.rereadcheck import typed_both_ways
from tests.test_fadedglyphs import _printed
from tests.test_typedcase import _typed_line


@pytest.mark.parametrize("word", ["KHAI", "HỘI", "CÁI"])
def test_a_words_last_capital_i_is_told_from_a_t(word: str) -> None:
    """The last glyph of a word in capitals: an ``I`` (bars over and under its stem, spanning it) in the serif's
    regular and bold and the mono face; the ``T`` of the word read for it (a top bar, a short foot or none) not."""
    for t, want in ((word, True), (word[:-1] + "T", False)):
        for style in ("regular", "bold"):
            for size in (30, 39, 58):
                assert fadedglyphs._last_is_i(*_printed(t, size, style)) is want
        for size in (39, 58):
            img, (box,) = _typed_line(t, size)
            assert fadedglyphs._last_is_i(img, box) is want


def test_capital_i_reads_a_last_t_back_only_where_the_glyph_and_the_word_say_so() -> None:
    """``KHAT`` over a printed ``KHAI`` is ``KHAI``; a printed ``CÁT`` read ``CÁT`` is kept (its glyph a ``T``);
    ``VIỆT`` (``VIỆI`` is no word) and a word in small letters are not looked at; a page not faded is untouched."""
    text = "KHAI CÁT VIỆT Lưu"
    img, boxes = _typed_line(text, 39)
    read = ["KHAT", "CÁT", "VIỆT", "Lưu"]
    ocr = OcrResult([Word(t, 85.0, b, 0) for t, b in zip(read, boxes, strict=True)], " ".join(read), 85.0)
    out = fadedglyphs.capital_i(ocr, img)
    assert [w.text for w in out.words] == ["KHAI", "CÁT", "VIỆT", "Lưu"] and out.text == "KHAI CÁT VIỆT Lưu"
    kept = OcrResult(ocr.words[1:], " ".join(read[1:]), 85.0)
    assert fadedglyphs.capital_i(kept, img) is kept
    assert fadedglyphs.faded_glyphs(ocr, restore.Prepared(img, 300.0, [], [], 1.0)) is ocr
    faded = restore.Prepared(img, 300.0, [], ["clahe"], 1.0, before_contrast=img)
    assert fadedglyphs.faded_glyphs(ocr, faded).words[0].text == "KHAI"


def _capital_i_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fadedglyphs, "capital_i", lambda ocr, image: ocr)


@pytest.mark.slow
def test_generated_faded_document_reads_its_last_capital_i_end_to_end(tmp_path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The first faded document of seed 191 (a birth register's extract typed in carbon, session 41's fit set): its
    title's ``KHAI``, read ``KHAT`` without the glyph's shape, is ``KHAI`` in the record and in the text layer."""
    both = typed_both_ways(tmp_path, 191, lambda: _capital_i_off(monkeypatch), group="faded")
    assert both.want["KHAI"] and not both.want["KHAT"]
    assert both.read["without"]["KHAT"] and not both.read["with"]["KHAT"]
    assert both.read["with"]["KHAI"] == both.read["without"]["KHAI"] + both.read["without"]["KHAT"]
    assert both.errors["with"] < both.errors["without"]
    layer = Counter(words("".join(pdftotext(both.pdf, k + 1) for k in range(len(both.pages)))))
    assert layer["KHAI"] == both.read["with"]["KHAI"] and not layer["KHAT"]
    assert_valid_pdfa(both.archive)


def _spread(img: np.ndarray, box: tuple[int, int, int, int]) -> tuple[np.ndarray, tuple[int, int, int, int]]:
    """A strip's ink spread a pixel (the carbon's), its box grown with it."""
    import cv2

    return cv2.erode(img, np.ones((2, 2), np.uint8)), (box[0] - 1, box[1] - 1, box[2] + 1, box[3] + 1)


@pytest.mark.parametrize("word", ["lập", "lý", "lương", "lực", "là"])
def test_a_words_first_small_l_is_told_from_a_t(word: str) -> None:
    """The first glyph of a typed word: an ``l`` (a flag left of the stem at its top, nothing left of it under)
    in the mono face, its ink spread as a carbon's; the ``t`` read for it (a crossbar) never, in any face."""
    for size in (39, 58):
        img, (box,) = _typed_line(word, size)
        assert fadedglyphs._first_is_l(*_spread(img, box))
        img, (box,) = _typed_line("t" + word[1:], size)
        assert not fadedglyphs._first_is_l(img, box) and not fadedglyphs._first_is_l(*_spread(img, box))
    for style in ("regular", "bold"):
        assert not fadedglyphs._first_is_l(*_printed("t" + word[1:], 39, style))


def test_small_l_reads_a_first_t_back_only_where_the_glyph_and_the_word_say_so() -> None:
    """``tập`` and ``tý,`` over typed ``lập`` and ``lý,`` are ``lập`` and ``lý,``; a typed ``tập`` and ``thời`` read
    so are kept (a crossbar); ``tổng`` over ``lổng`` is kept (``lổng`` no word); a capital is not looked at."""
    text = "lập tập lý, thời lổng Lập"
    img, boxes = _typed_line(text, 58)
    read = ["tập", "tập", "tý,", "thời", "tổng", "Tập"]
    ocr = OcrResult([Word(t, 85.0, b, 0) for t, b in zip(read, boxes, strict=True)], " ".join(read), 85.0)
    out = fadedglyphs.small_l(ocr, img)
    assert [w.text for w in out.words] == ["lập", "tập", "lý,", "thời", "tổng", "Tập"]
    assert out.text == "lập tập lý, thời tổng Tập"
    kept = OcrResult(ocr.words[1:2] + ocr.words[3:], "", 85.0)
    assert fadedglyphs.small_l(kept, img) is kept


def _small_l_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """``small_l`` off, and the motto's reading (archivist/fadedmotto.py, session 45): the document's ``tập`` is the
    motto's ``Độc lập``, which that rule sets back too."""
    monkeypatch.setattr(fadedglyphs, "small_l", lambda ocr, image: ocr)
    monkeypatch.setattr(pagework, "faded_headings", lambda ocr, prep: ocr)


@pytest.mark.slow
def test_generated_faded_document_reads_its_first_l_end_to_end(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The third faded document of seed 190 (a birth register's extract typed in carbon, session 41's fit set): its
    ``lập``, read ``tập`` without the glyph's shape, is ``lập`` in the record and in the text layer."""
    both = typed_both_ways(tmp_path, 190, lambda: _small_l_off(monkeypatch), doc=3, group="faded")
    assert both.want["lập"] and not both.want["tập"]
    assert both.read["without"]["tập"] and not both.read["with"]["tập"]
    assert both.read["with"]["lập"] == both.read["without"]["lập"] + both.read["without"]["tập"]
    assert both.errors["with"] < both.errors["without"]
    layer = Counter(words("".join(pdftotext(both.pdf, k + 1) for k in range(len(both.pages)))))
    assert layer["lập"] == both.read["with"]["lập"] and not layer["tập"]
    assert_valid_pdfa(both.archive)
