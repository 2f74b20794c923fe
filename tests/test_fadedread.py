"""A faded page's doubtful words read again (session 37, archivist/fadedread.py): a number's 6 or 9, an acute over a
circumflex or breve and a syllable the word list finds odd are read again alone from the page before and beside its
raised contrast, and taken only when a reading changes exactly that glyph; and a generated faded page end to end
through the CLI."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from archivist import fadedglyphs, fadedread, restore
from archivist.models import Word
from archivist.ocr import OcrResult, TesserocrEngine
from samples.layout import font
from tests.pdfcheck import assert_valid_pdfa
from tests.pdfpages import pdftotext


def test_zero_places_takes_only_a_zero_for_a_six_or_nine() -> None:
    assert fadedread.zero_places("2099", "2009") == {2}
    assert fadedread.zero_places("2969", "2909") == {2}
    assert fadedread.zero_places("61/UBND", "01/UBND") == {0}
    assert fadedread.zero_places("2009", "2099") == set()  # never the other way
    assert fadedread.zero_places("2069", "2008") == set()  # another digit changed too
    assert fadedread.zero_places("2099", "2009.") == set()  # a mark more
    assert fadedread.zero_places("2099", "2099") == set()
    assert fadedread.zero_places("2017", "2010") == set()  # a 7 is no broken 0


def _word(text: str, line: int = 0, x: int = 0) -> Word:
    return Word(text, 80.0, (x, 0, x + 40, 30), line)


def test_judge_each_sign_and_its_guard() -> None:
    # zeros: wherever any reading put one, the readings' other places as first read
    assert fadedread._judge(_word("2969"), ["2909", "2069", "2968"], None, None) == "2009"
    assert fadedread._judge(_word("2969"), ["2969", "2968"], None, None) is None
    # a hook for the acute, unless the first reading made a word the hook breaks (HG119's ``phối hợp``)
    assert fadedread._judge(_word("Cấm"), ["Cấm", "Cẩm"], None, None) == "Cẩm"
    assert fadedread._judge(_word("phối"), ["phổi"], None, (["phối", "hợp"], 0)) is None
    assert fadedread._judge(_word("thế,"), ["thể,"], None, (["tập", "thế"], 1)) == "thể,"
    # a letter the list wants, only when a reading is that syllable
    assert fadedread._judge(_word("tập"), ["lập"], "lập", (["thành", "tập"], 1)) == "lập"
    assert fadedread._judge(_word("tập"), ["tập", "lấp"], "lập", (["thành", "tập"], 1)) is None


def test_the_word_list_finds_the_odd_syllable_in_its_line() -> None:
    words = [_word("thành", 0, 0), _word("tập", 0, 50), _word("Tổ", 0, 100), _word("lập", 1, 0)]
    odd, place = fadedread.odd_in_runs(words)
    assert odd == {1: "lập"}  # ``thành tập`` is no word, ``thành lập`` is; a capital and another line cut the run
    assert place[1] == (["thành", "tập"], 1) and 2 not in place and place[3] == (["lập"], 0)


def _strip(text: str) -> tuple[np.ndarray, tuple[int, int, int, int]]:
    """``text`` printed at 300 dpi, 14 pt Liberation Serif, on a white strip, and its box."""
    im = Image.new("L", (600, 160), 255)
    d = ImageDraw.Draw(im)
    f = font("regular", 58)
    d.text((60, 50), text, font=f, fill=20)
    return np.asarray(im), d.textbbox((60, 50), text, font=f)


@pytest.mark.parametrize(("printed", "read", "kept"), [("2009", "2099", "2009"), ("Cẩm", "Cấm", "Cẩm"),
                                                       ("1969", "1969", "1969"), ("Cấm", "Cấm", "Cấm")])
def test_reread_faded_reads_the_word_again_from_the_page(printed: str, read: str, kept: str) -> None:
    """Tesseract itself reads the crops: a zero or hook printed is taken for the 9 or acute a first reading had; a
    9 or an acute printed stays."""
    img, box = _strip(printed)
    first = OcrResult([Word(read, 90.0, box, 0), Word("xã", 95.0, (400, 60, 460, 100), 0)], f"{read} xã", 92.5)
    prep = restore.Prepared(img, 300.0, steps=["flatten", "clahe"], before_contrast=img)
    out = fadedread.reread_faded(TesserocrEngine(), first, prep)
    assert [w.text for w in out.words] == [kept, "xã"]
    assert out.text == f"{kept} xã"
    assert out.words[0].bbox == box  # the box and the line as read
    assert fadedread.reread_faded(TesserocrEngine(), first, restore.Prepared(img, 300.0)) is first  # not faded


def test_only_a_faded_page_keeps_its_image_before_the_contrast() -> None:
    page = np.full((1600, 1200), 240, np.uint8)
    for y in range(200, 1400, 60):  # rows of strokes, faint as a carbon copy's
        page[y:y + 12, 100:1100:7] = 190
    prep = restore.prepare(page, 200.0)
    assert "clahe" in prep.steps
    assert prep.before_contrast is not None and prep.before_contrast.shape == prep.image.shape
    dark = page.copy()
    dark[dark < 240] = 30  # the same strokes well inked
    assert restore.prepare(dark, 200.0).before_contrast is None


@pytest.mark.slow
def test_generated_faded_document_reads_its_zeros_end_to_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A generated faded document (seed 4: two 200 dpi pages, carbon-copy ink) through ``archivist process``: its
    ``2008``, read ``2998`` and ``2098`` without the second reading, and its ``kịp``, read ``kip``, come back right in
    the record and in the PDF/A's text layer, the document loses fewer words, and the PDF/A-1b passes Preflight.
    (The reading without it is made in this process, where it can be switched off: the command reads pages in a
    fork server's workers.)"""
    from archivist import pagework
    from archivist.metrics import words
    from tests.rereadcheck import typed_both_ways

    def switch_off() -> None:
        monkeypatch.setattr(pagework, "reread_faded", lambda engine, ocr, prep: ocr)
        # and the typed zero's dot, which sets the same zeros on this carbon copy since session 42 (fadedglyphs)
        monkeypatch.setattr(fadedglyphs, "typed_zeros", lambda ocr, *args: ocr)

    done = typed_both_ways(tmp_path, 4, switch_off, group="faded")  # its "with" run shared with test_fadedread_zeros
    read, errors, want = done.read, done.errors, done.want
    assert not want["2998"] and not want["2098"] and want["kịp"]
    assert read["without"]["2998"] and read["without"]["2098"] and not read["without"]["kịp"]
    assert not read["with"]["2998"] and not read["with"]["2098"] and read["with"]["kịp"]
    assert read["with"]["2008"] == read["without"]["2008"] + 2
    assert errors["with"] < errors["without"], errors
    layer = pdftotext(done.pdf, 1) + pdftotext(done.pdf, 2)
    assert Counter(words(layer))["2008"] == read["with"]["2008"] and "kịp" in layer
    assert_valid_pdfa(done.archive)
