"""A typewritten ``m`` read ``n`` and an ``h`` read ``n`` (archivist/typedstem.py): which words are asked, the ``m``'s
third stem and a worn ``h`` measured on glyphs typed in the mono face, typed lines, and a generated typewritten
document end to end through ``archivist process``."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from archivist import pagework, typedstem
from archivist.typedupper import glyph_cells
from tests.rereadcheck import assert_mended, typed_both_ways
from tests.test_typedring import AROUND, SIZES, _page, assert_left_alone, assert_read_back


@pytest.mark.parametrize(("read", "want"), [
    ("xón", (2, "xóm")), ("Xón,", (2, "Xóm,")),  # a first capital and edge punctuation kept
    ("năm", None), ("nhân", None),  # words in use: never asked alone
    ("XÓN", None), ("x2n", None), ("n", None),  # capitals, digits, one letter
])
def test_lone_reading_of_an_m(read: str, want: tuple[int, str] | None) -> None:
    assert typedstem.lone_reading(read, typedstem._m_forms) == want


@pytest.mark.parametrize(("read", "want"), [
    ("chínn", (4, "chính")), ("trácn,", (4, "trách,")), ("knó", (1, "khó")), ("cnức", (1, "chức")),
    ("niện", None),  # an n opening a word: no letter before it says it is an h
    ("chính", None), ("xnn", None),  # a word in use; no word made
])
def test_lone_reading_of_an_h(read: str, want: tuple[int, str] | None) -> None:
    assert typedstem.lone_reading(read, typedstem._h_forms) == want


@pytest.mark.parametrize("size", SIZES)
def test_three_stems_tells_an_m_from_an_n(size: int) -> None:
    """Across the middle and top rows of its body the mono face's ``m`` shows three runs of ink, its ``n`` two."""
    img, ocr = _page(f"{AROUND} năm năn", f"{AROUND} năm năn", size)
    pitch, small = 0.6 * size, _small(img, ocr)
    m_cells, _ = glyph_cells(img, ocr.words[-2].bbox, 3, pitch)
    n_cells, _ = glyph_cells(img, ocr.words[-1].bbox, 3, pitch)
    assert typedstem.three_stems(m_cells[2], small, pitch)
    assert not typedstem.three_stems(n_cells[2], small, pitch)
    assert not typedstem.three_stems(m_cells[2], 2.0 * small, pitch)  # a body far from the small letters': not asked
    assert not typedstem.three_stems(np.zeros((30, 12), np.uint8), small, pitch)


@pytest.mark.parametrize("size", SIZES)
def test_worn_h_is_an_arch_on_two_stems(size: int) -> None:
    """An ``h`` or an ``n`` (what an ``h`` leaves when its ascender wears away) passes; an ``r``, a ``c`` do not."""
    img, ocr = _page(f"{AROUND} chính bar", f"{AROUND} chính bar", size)
    pitch, small = 0.6 * size, _small(img, ocr)
    h_cells, _ = glyph_cells(img, ocr.words[-2].bbox, 5, pitch)
    r_cells, _ = glyph_cells(img, ocr.words[-1].bbox, 3, pitch)
    assert typedstem.worn_h(h_cells[4], small, pitch) and typedstem.worn_h(h_cells[3], small, pitch)
    assert not typedstem.worn_h(r_cells[2], small, pitch)
    assert not typedstem.worn_h(h_cells[0], small, pitch)  # the c: no right stem


def _small(img: np.ndarray, ocr) -> float:  # noqa: ANN001 - a test helper
    """The page's small letters' height, as the rule measures it."""
    from archivist.typedcase import page_pitch
    from archivist.typedupper import cell_bodies, page_bodies

    texts = [w.text for w in ocr.words]
    pitch = page_pitch(ocr.words)
    heights = page_bodies(texts, [cell_bodies(img, w.bbox, len(t), pitch) if t.isalpha() else None
                                  for w, t in zip(ocr.words, texts, strict=True)])
    assert heights is not None
    return heights[1]


@pytest.mark.parametrize("size", SIZES)
def test_typed_stems_reads_an_m_and_an_h_again(size: int) -> None:
    """On a line typed in the mono face, ``xóm``, ``tham gia``, ``chính`` and ``trách`` read ``xón``, ``than gia``,
    ``chínn`` and ``trácn`` come back as typed (boxes and lines as read); a typed ``xón`` and ``than gia`` (``n``
    typed) stay."""
    typed = f"{AROUND} xóm tham gia chính trách xón than gia"
    read = f"{AROUND} xón than gia chínn trácn xón than gia"
    assert_read_back(typedstem.typed_stems, typed, read, f"{AROUND} xóm tham gia chính trách xón than gia", size)


@pytest.mark.parametrize("size", SIZES)
def test_typed_stems_leaves_other_pages_alone(size: int) -> None:
    assert_left_alone(typedstem.typed_stems, "xóm", "xón", size)


@pytest.mark.slow
def test_generated_typed_document_reads_its_m_end_to_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The third typewritten document of seed 279 (``generate.py --docs 3 --groups typewriter``): its ``năm``, read
    ``năn`` without the rule, is ``năm`` in the record and in the PDF/A's text layer, no truth word is lost, the page
    loses fewer words, and the PDF/A-1b passes Preflight."""
    done = typed_both_ways(tmp_path, 279, lambda: monkeypatch.setattr(pagework, "typed_stems", lambda ocr, typed: ocr),
                           doc=3)
    assert_mended(done, "năn", "năm")
