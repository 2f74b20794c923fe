"""A typewritten word read in small letters whose first glyph stands taller than its line's small letters, read again
alone (archivist/typedcaps.py): which readings are taken, a typed line read with the real Tesseract, and a generated
typewritten document end to end through ``archivist process``."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from archivist import pagework, typedcaps
from archivist.metrics import words
from archivist.models import Word
from archivist.ocr import OcrResult, TesserocrEngine
from tests.pdfcheck import assert_valid_pdfa
from tests.pdfpages import pdftotext
from tests.rereadcheck import typed_both_ways
from tests.test_typedcase import _typed_line


@pytest.mark.parametrize(("text", "again", "taken"), [
    ("châu", "Châu", "Châu"), ("chỉ", "Chỉ.", "Chỉ"),  # a capital of one shape in both cases, read small
    ("xiến:", "kiến:", "kiến:"), ("cồn", "“tồn.", "tồn"), ("noạch", "hoạch", "hoạch"),  # a taller letter read short
    ("(xã", "Xã", "(Xã"),  # the word's own edge punctuation kept
    ("ngày", "Ngày", None),  # an N read n would have been read N: only the ascender is taken for it
    ("xã", "XÃ", None), ("chủ", "nhủ", None), ("châu", "Chân", None),  # more than the first letter, or no capital
    ("châu", "châu", None), ("cái", "cái.", None),  # the same reading
    ("xiến", "giến", None), ("rrăm", "hrăm", None),  # a letter with no ascender; not a syllable
    ("xã", "", None),
])
def test_tall_reading_takes_only_the_first_letter_as_capital_or_ascender(text: str, again: str,
                                                                          taken: str | None) -> None:
    assert typedcaps.tall_reading(text, again) == taken


def test_tall_reading_leaves_the_capital_at_a_start_to_the_pattern() -> None:
    """At a sentence's, an item's or a subject's start (``runs_on`` false) the capital is not taken (a subject's
    ``về`` is wordingflags' to restore, with its flag); the ascender still is."""
    assert typedcaps.tall_reading("về", "Về", runs_on=False) is None
    assert typedcaps.tall_reading("xiến", "kiến", runs_on=False) == "kiến"
    assert typedcaps.runs_on("chí") and typedcaps.runs_on("xã,")
    assert not any(typedcaps.runs_on(p) for p in ("sau:", "xã.", "-", "a)", "+"))


def _page(typed: str, read: str) -> tuple:
    img, boxes = _typed_line(typed, 58)
    words = [Word(r, 90.0, b, 0) for r, b in zip(read.split(" "), boxes, strict=True)]
    return img, OcrResult(words, read, 90.0)


def test_typed_capitals_reads_a_tall_first_glyph_again() -> None:
    """On a line typed in the mono face at 300 dpi size: ``Châu`` read ``châu`` and ``kiến`` read ``xiến`` (their first
    glyphs a capital's and an ascender's height over the line's ``v``, ``n``, ``s``, ``x``) come back as typed; the
    small words, ``sau`` among them (its ``s`` no taller than the line's), are not read again and stay."""
    typed = "việc như sau xong Châu nay kiến mới"
    img, ocr = _page(typed, "việc như sau xong châu nay xiến mới")
    out = typedcaps.typed_capitals(TesserocrEngine(), ocr, img, 300.0)
    assert [w.text for w in out.words] == typed.split()
    assert out.text == typed
    assert [w.bbox for w in out.words] == [w.bbox for w in ocr.words]


def test_typed_capitals_keeps_right_small_words_and_other_pages() -> None:
    typed = "việc như sau xong các nay"
    img, ocr = _page(typed, typed)
    assert typedcaps.typed_capitals(TesserocrEngine(), ocr, img, 300.0) is ocr  # no tall first glyph
    img, ocr = _page("việc như sau xong Châu", "việc như sau xong châu")
    assert typedcaps.typed_capitals(TesserocrEngine(), ocr, None, 300.0) is ocr  # not a typed page
    img, ocr = _page("lý hoạch châu", "lý hoạch châu")
    assert typedcaps.typed_capitals(TesserocrEngine(), ocr, img, 300.0) is ocr  # no line x-height to stand over


@pytest.mark.slow
def test_generated_typed_document_reads_its_capital_again_end_to_end(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The second typewritten document of seed 143 (``generate.py --docs 2 --groups typewriter``: the minutes of Kim
    Sơn, one page) through ``archivist process``: its ``Đồng chí Châu Thanh Phúc``, read ``châu`` without the second
    reading, is ``Châu`` in the record and in the PDF/A's text layer, the page loses fewer words, and the PDF/A-1b
    passes Preflight."""
    done = typed_both_ways(tmp_path, 143, lambda: monkeypatch.setattr(
        pagework, "typed_capitals", lambda engine, ocr, typed, dpi: ocr), doc=2)
    read, want = done.read, done.want
    assert want["châu"] == 0 and want["Châu"] == 3
    assert read["without"]["châu"] >= 1 and read["with"]["châu"] == 0
    assert read["with"]["Châu"] == read["without"]["Châu"] + read["without"]["châu"]
    assert done.errors["with"] < done.errors["without"], done.errors
    layer = Counter(w for k in range(1, len(done.pages) + 1) for w in words(pdftotext(done.pdf, k)))
    assert layer["châu"] == 0 and layer["Châu"] == read["with"]["Châu"]
    assert_valid_pdfa(done.archive)
