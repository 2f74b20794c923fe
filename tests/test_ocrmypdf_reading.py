"""bench/ocrmypdf_run.py: how the benches read OCRmyPDF's output (issue 16, session 30).

The harness reported OCRmyPDF's word error at 54-88%. Most of it is OCRmyPDF's own (its --deskew leaves
these pages skewed); part was the reading: a page left skewed gets a text layer whose lines slope, drawn
with a font sized from the tilted line's box (as OCRmyPDF 17's fpdf2 renderer draws it), and pdftotext's
layout analysis cuts such lines into pieces while the words are whole in the PDF. These tests pin that
on a PDF drawn that way, and that the benches score a PDF by the better of pdftotext's two readings.
"""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import pikepdf
import pytest

from archivist.metrics import bag_of_words_error
from bench.ocrmypdf_run import ISSUE_OPTIONS, Config, pdf_page_texts, pdf_word_errors, sidecar_pages

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")

_WORDS = ("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa "
          "quebec romeo sierra tango uniform victor whiskey xray yankee zulu").split()
LINES = [" ".join(f"{_WORDS[(6 * i + j) % 26]}{i}" for j in range(6)) for i in range(8)]  # words of many widths
TRUTH = " ".join(LINES)


def sloped_layer(path: Path, degrees: float, size: float, squeeze: float) -> Path:
    """One page of invisible text (render mode 3), one line per 24 pt, each word its own ``Tj``, every line
    turned by ``degrees`` about its start and drawn at ``size`` pt squeezed to ``squeeze`` % wide."""
    pdf = pikepdf.new()
    page = pdf.add_blank_page(page_size=(600, 800))
    font = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name.Helvetica))
    page.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    ops = []
    for i, line in enumerate(LINES):
        ops.append(f"q {c:.6f} {s:.6f} {-s:.6f} {c:.6f} 60 {700 - 24 * i} cm BT 3 Tr /F1 {size} Tf {squeeze} Tz")
        ops += [f"({w}) Tj 70 0 Td" for w in line.split()]
        ops.append("ET Q")
    page.Contents = pdf.make_stream("\n".join(ops).encode())
    pdf.save(path)
    return path


def test_a_level_layer_reads_whole_both_ways(tmp_path: Path) -> None:
    pdf = sloped_layer(tmp_path / "level.pdf", 0, 12, 100)
    for raw in (False, True):
        assert bag_of_words_error(TRUTH, pdf_page_texts(pdf, 1, raw=raw)[0]) == 0.0


def test_a_sloped_oversized_layer_is_cut_by_layout_analysis_and_whole_in_content_order(tmp_path: Path) -> None:
    # 5 degrees, 40 pt squeezed to 30 %: what fpdf2 draws for a 5-degree line of a page left skewed
    pdf = sloped_layer(tmp_path / "sloped.pdf", 5, 40, 30)
    layout, raw = pdf_page_texts(pdf, 1)[0], pdf_page_texts(pdf, 1, raw=True)[0]
    assert bag_of_words_error(TRUTH, layout) > 0.1  # the reading the harness used alone until session 30
    assert bag_of_words_error(TRUTH, raw) == 0.0
    reading, errors = pdf_word_errors([{"text": TRUTH}], {"pdftotext": [layout], "pdftotext -raw": [raw]})
    assert (reading, errors) == ("pdftotext -raw", [0.0])


def test_the_better_reading_is_chosen_over_the_run_and_a_missing_page_counts_all_wrong() -> None:
    truth = [{"text": "một hai ba"}, {"text": "bốn năm"}]
    texts = {"pdftotext": ["một hai ba", "bốn"], "pdftotext -raw": ["mộthai ba"]}  # -raw lost page 2
    assert pdf_word_errors(truth, texts) == ("pdftotext", [0.0, 0.5])
    assert pdf_word_errors(truth, {"pdftotext": [], "pdftotext -raw": []})[1] == [1.0, 1.0]


def test_sidecar_pages_split_on_form_feeds_and_pad(tmp_path: Path) -> None:
    side = tmp_path / "out.txt"
    side.write_text("trang một\n\ftrang hai\n\f", encoding="utf-8")
    assert sidecar_pages(side, 3) == ["trang một\n", "trang hai\n", ""]
    assert sidecar_pages(tmp_path / "missing.txt", 2) == ["", ""]


def test_config_command_says_how_the_pages_were_given() -> None:
    joined = Config("issue", ISSUE_OPTIONS)
    assert joined.command() == ("ocrmypdf -l vie --rotate-pages --deskew --output-type pdfa --jobs 2 JOINED.pdf")
    assert Config("f", ISSUE_OPTIONS, per_file=True).command().endswith("--jobs 1 FILE (2 files at a time)")
