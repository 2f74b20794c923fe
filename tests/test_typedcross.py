"""A typewritten capital ``Đ`` read ``b`` (archivist/typedcross.py): which words are asked, the ``D``'s top stroke
measured on glyphs typed in the mono face, a typed line, and a generated typewritten document end to end through
``archivist process``."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from archivist import pagework, typedcross
from archivist.typedupper import glyph_cells
from tests.rereadcheck import assert_mended, typed_both_ways_older
from tests.test_typedring import AROUND, SIZES, _page, assert_left_alone, assert_read_back
from tests.test_typedstem import _small


@pytest.mark.parametrize(("read", "want"), [
    ("bộc", (0, "Độc")), ("bông,", (0, "Đông,")), ("(bình", (1, "(Đình")),  # edge punctuation kept
    ("bxy", None),  # no word made with Đ
    ("Bộc", None), ("BỘC", None), ("b", None), ("b2", None),  # a capital B, capitals, one letter, digits
])
def test_d_reading_asks_a_small_b_whose_d_makes_a_word(read: str, want: tuple[int, str] | None) -> None:
    assert typedcross.d_reading(read) == want


@pytest.mark.parametrize("size", SIZES)
def test_top_stroke_tells_a_d_from_a_b(size: int) -> None:
    """The mono face's ``Đ`` opens with a stroke across its top; its ``b`` has its ascender's stem alone there."""
    img, ocr = _page(f"{AROUND} Đông bông", f"{AROUND} Đông bông", size)
    pitch, small = 0.6 * size, _small(img, ocr)
    d_cells, _ = glyph_cells(img, ocr.words[-2].bbox, 4, pitch)
    b_cells, _ = glyph_cells(img, ocr.words[-1].bbox, 4, pitch)
    assert typedcross.top_stroke(d_cells[0], small, pitch)
    assert not typedcross.top_stroke(b_cells[0], small, pitch)
    assert not typedcross.top_stroke(d_cells[0], 0.5 * small, pitch)  # a body not a capital's height: not measured
    assert not typedcross.top_stroke(np.zeros((30, 12), np.uint8), small, pitch)


@pytest.mark.parametrize("size", SIZES)
def test_top_stroke_wants_nothing_over_the_body(size: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """A typed ``b`` broken across its ascender leaves a body of a capital's height, whose top a smudge widens into a
    "stroke" (``báo`` made ``Đáo`` on fit seed 331, session 46): the ascender's top standing over that body says it
    is no ``Đ``. The same glyph with nothing over its body passes."""
    from archivist.typedupper import body_of

    img, ocr = _page(f"{AROUND} bông", f"{AROUND} bông", size)
    pitch, small = 0.6 * size, _small(img, ocr)
    cell = glyph_cells(img, ocr.words[-1].bbox, 4, pitch)[0][0].copy()
    bottom = body_of(cell)[2]
    cut = bottom - round(1.2 * small)  # the break: a body 1.2 of the small letters under it
    cell[cut - 2:cut] = 0
    cell[cut:cut + 3, :round(0.5 * pitch)] = 1  # a smudge across the broken body's top
    assert not typedcross.top_stroke(cell, small, pitch)  # the ascender's top stands over the body
    monkeypatch.setattr(typedcross, "ABOVE_MAX", 10.0)
    assert typedcross.top_stroke(cell, small, pitch)  # without the guard: a Đ
    monkeypatch.undo()
    cell[:cut] = 0
    assert typedcross.top_stroke(cell, small, pitch)  # nothing over the body: the stroke decides


@pytest.mark.parametrize("size", SIZES)
def test_typed_crosses_reads_a_d_again(size: int) -> None:
    """On a line typed in the mono face, ``Độc lập`` and ``Đông`` read ``bộc lập`` and ``bông`` come back as typed
    (boxes and lines as read); a typed ``bông`` stays."""
    assert_read_back(typedcross.typed_crosses, f"{AROUND} Độc lập Đông bông", f"{AROUND} bộc lập bông bông",
                     f"{AROUND} Độc lập Đông bông", size)


@pytest.mark.parametrize("size", SIZES)
def test_typed_crosses_leaves_other_pages_alone(size: int) -> None:
    assert_left_alone(typedcross.typed_crosses, "Đông", "bông", size)


@pytest.mark.slow
def test_generated_typed_document_reads_its_d_end_to_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The second typewritten document of seed 279 (``generate.py --docs 2 --groups typewriter``: an invitation of
    Phước Thiền): its motto's ``Độc``, read ``bộc`` without the rule, is ``Độc`` in the record and in the PDF/A's
    text layer, no truth word is lost, the page loses fewer words, and the PDF/A-1b passes Preflight."""
    done = typed_both_ways_older(tmp_path, 279, lambda: monkeypatch.setattr(pagework, "typed_crosses",
                                                                      lambda ocr, typed: ocr), doc=2)
    assert_mended(done, "bộc", "Độc")


@pytest.mark.slow
def test_generated_typed_document_keeps_its_broken_b_end_to_end(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The third typewritten document of seed 331 (``generate.py --docs 8 --groups typewriter``): its ``báo``, its
    ``b``'s ascender broken across, made ``Đáo`` without the guard (:data:`archivist.typedcross.ABOVE_MAX`), stays
    ``báo`` in the record and in the PDF/A's text layer, no truth word lost, fewer lost, PDF/A-1b valid."""
    done = typed_both_ways_older(tmp_path, 331, lambda: monkeypatch.setattr(typedcross, "ABOVE_MAX", 10.0),
                                 doc=3, docs=8)
    assert_mended(done, "Đáo", "báo")
