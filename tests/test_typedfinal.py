"""A typewritten final ``n`` read ``r`` (archivist/typedfinal.py): which words are asked, the right stem measured on
glyphs typed in the mono face, a typed line, and a generated typewritten document end to end through ``archivist
process``."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from archivist import typedfinal
from archivist.typedupper import glyph_cells
from tests.rereadcheck import assert_mended, typed_both_ways_older, typed_rules_off
from tests.test_typedring import SIZES, _page, assert_read_back


@pytest.mark.parametrize(("read", "want"), [
    ("dâr", "dân"), ("nhâr", "nhân"), ("bar", "ban"), ("Đoàr,", "Đoàn,"),  # edge punctuation and a first capital kept
    ("tr", None), ("r", None),  # no word made; one letter
    ("96/TTr", None), ("BAR", None), ("TTr", None),  # codes and capitals: never asked
    ("xr", None),  # n makes no word in use
])
def test_n_reading_asks_only_a_final_r_whose_n_makes_a_word(read: str, want: str | None) -> None:
    got = typedfinal.n_reading(read)
    assert (got and got[1]) == want
    assert got is None or read[got[0]] == "r"  # the place of the glyph asked: the final r, edges counted


@pytest.mark.parametrize("size", SIZES)
def test_right_stem_tells_an_n_from_an_r(size: int) -> None:
    """Down the lower half of its body the mono face's ``n`` keeps a right stem, its ``r`` nothing right of it."""
    img, ocr = _page("ban bar", "ban bar", size)
    pitch = 0.6 * size
    n_cells, _ = glyph_cells(img, ocr.words[0].bbox, 3, pitch)
    r_cells, _ = glyph_cells(img, ocr.words[1].bbox, 3, pitch)
    assert typedfinal.right_stem(n_cells[2])
    assert not typedfinal.right_stem(r_cells[2])
    assert not typedfinal.right_stem(np.zeros((30, 12), np.uint8))


@pytest.mark.parametrize("size", SIZES)
def test_typed_finals_reads_an_n_again(size: int) -> None:
    """On a line typed in the mono face, ``nhân dân`` and ``ban`` read ``nhâr dâr`` and ``bar`` come back as typed
    (boxes and lines as read); a typed ``bar`` (an ``r``) stays."""
    assert_read_back(typedfinal.typed_finals, "ủy ban nhân dân ban bar", "ủy ban nhâr dâr bar bar",
                     "ủy ban nhân dân ban bar", size)


@pytest.mark.parametrize("size", SIZES)
def test_typed_finals_leaves_other_pages_alone(size: int) -> None:
    img, ocr = _page("nhân dân", "nhâr dân", size)
    assert typedfinal.typed_finals(ocr, None) is ocr  # not a typed page
    img, ocr = _page("nhân dân", "nhân dân", size)
    assert typedfinal.typed_finals(ocr, img) is ocr  # nothing asked


@pytest.mark.slow
def test_generated_typed_document_reads_its_n_end_to_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first typewritten document of seed 237 (``generate.py --docs 1 --groups typewriter``: an official letter
    of Thạnh Lợi): its ``Ủy ban nhân dân``, its ``nhân`` read ``nhâr`` without the rule, is ``nhân`` in the record and
    in the PDF/A's text layer, no truth word is lost, the page loses fewer words, and the PDF/A-1b passes
    Preflight."""
    done = typed_both_ways_older(tmp_path, 237, typed_rules_off(monkeypatch, "typed_finals", "typed_phrases"))
    assert_mended(done, "nhâr", "nhân")
