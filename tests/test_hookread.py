"""The hook over a circumflex read again on a speckled page (session 36, archivist/hookread.py): a word read with an
acute over a circumflex or breve is read again alone from the page before its median, and the hook taken only when
that reading is the same word with a hook there; and a generated speckled page end to end through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from archivist import hookread, restore
from samples.layout import font
from tests.pdfcheck import assert_valid_pdfa
from tests.pdfpages import pdftotext
from tests.rereadcheck import assert_read_again


def test_hook_reading_takes_only_a_hook_for_an_acute() -> None:
    assert hookread.hook_reading("Cấm", "Cẩm") == "Cẩm"
    assert hookread.hook_reading("thế,", "thể,") == "thể,"
    assert hookread.hook_reading("TỐNG", "TỔNG") == "TỔNG"
    assert hookread.hook_reading("Cấm", "Cấm") is None  # read the same
    assert hookread.hook_reading("Cấm", "Câm") is None  # the mark lost, not a hook
    assert hookread.hook_reading("Cấm", "Cẩn") is None  # another letter too
    assert hookread.hook_reading("Cấm", "Cẩm.") is None  # a mark more
    assert hookread.hook_reading("Cám", "Cảm") is None  # an acute over a plain vowel: not this repair's
    assert hookread.hook_reading("Cẩm", "Cấm") is None  # never the other way
    assert hookread.hook_reading("đất", "đẩt") is None  # a syllable closed by t takes no hook (HG119)
    assert hookread.hook_reading("tiếp.", "tiểp.") is None
    assert hookread.hook_reading("Bắc", "Bẳc") is None
    assert hookread.hook_reading("sách", "sảch") is None  # not this repair's letter anyway


def _word_image(text: str) -> tuple[np.ndarray, tuple[int, int, int, int]]:
    """``text`` printed at 300 dpi, 14 pt Liberation Serif, on a white strip, and its box."""
    im = Image.new("L", (600, 160), 255)
    d = ImageDraw.Draw(im)
    f = font("regular", 58)
    d.text((60, 50), text, font=f, fill=20)
    x0, y0, x1, y1 = d.textbbox((60, 50), text, font=f)
    return np.asarray(im), (x0, y0, x1, y1)


@pytest.mark.parametrize(("printed", "read", "kept"), [("Cẩm", "Cấm", "Cẩm"), ("Cấm", "Cấm", "Cấm"),
                                                       ("thể", "thế", "thể")])
def test_reread_hooks_reads_the_word_again_from_the_image(printed: str, read: str, kept: str) -> None:
    """Tesseract itself reads the crop: the hook printed is taken for the acute a first reading had, an acute
    printed stays an acute."""
    img, box = _word_image(printed)
    assert_read_again(hookread.reread_hooks, img, box, read, kept)


def test_only_a_speckled_page_keeps_its_image_before_the_median() -> None:
    rng = np.random.default_rng(3)
    page = np.full((800, 600), 235, np.uint8)
    page[300:330, 100:500] = 30  # a band of ink, so the page has text-like ink
    assert restore.prepare(page, 200.0).unsmoothed is None
    for _ in range(1500):  # specks all over, the margins too: a speckled page
        y, x = rng.integers(0, 800), rng.integers(0, 600)
        page[y:y + 2, x:x + 2] = 60
    prep = restore.prepare(page, 200.0)
    assert "median" in prep.steps
    assert prep.unsmoothed is not None and prep.unsmoothed.shape == prep.image.shape
    assert restore.prepare(page, 200.0, restore.Recipe(hooks=False)).unsmoothed is None


@pytest.mark.slow
def test_generated_speckled_page_reads_the_hook_end_to_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A generated speckled page (seed 6: 200 dpi, JPEG q60) through ``archivist process``: its two ``Tổng``, one read
    ``Tống`` without the second reading, are in the record and in the PDF/A's text layer, the page loses fewer words,
    and the PDF/A-1b passes Preflight. (The reading without it is made in this process, where the second reading can
    be switched off: the command reads pages in a fork server's workers.)"""
    from click.testing import CliRunner

    from archivist import pagework
    from archivist.cli import main
    from archivist.metrics import bag_of_words_error
    from archivist.pipeline import Settings, process
    from samples.generate import generate

    truth = generate(tmp_path / "set", seed=6, n_docs=1, groups=["speckle"])[0]["pages"][0]["text"]
    res = CliRunner().invoke(main, ["process", str(tmp_path / "set" / "scans"), "--archive", str(tmp_path / "with"),
                                    "--workers", "1"])
    assert res.exit_code == 0, res.output
    monkeypatch.setattr(pagework, "reread_hooks", lambda engine, ocr, unsmoothed, dpi: ocr)
    process([tmp_path / "set" / "scans"], tmp_path / "without", Settings(workers=1, page_timeout=0))
    texts = {name: json.loads(next((tmp_path / name / "documents").glob("*.json")).read_text(encoding="utf-8"))
             ["pages"][0]["text"] for name in ("with", "without")}
    errors = {name: bag_of_words_error(truth, text) for name, text in texts.items()}
    assert truth.count("Tổng") == 2 and "Tống" not in truth
    assert "Tống" in texts["without"] and "Tống" not in texts["with"]
    assert texts["with"].count("Tổng") > texts["without"].count("Tổng")
    assert errors["with"] < errors["without"], errors
    (pdf,) = (tmp_path / "with" / "documents").glob("*.pdf")
    assert pdftotext(pdf, 1).count("Tổng") == texts["with"].count("Tổng")
    assert_valid_pdfa(tmp_path / "with")
