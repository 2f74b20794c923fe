"""A typewritten ``chi`` read ``chỉ`` where its neighbours write ``chi`` (archivist/typedchi.py): which words are
asked, the dot told from the hook on a line typed in the mono face at the 200 and 300 dpi sizes, and a generated
typewritten page end to end through ``archivist process``."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from archivist import pagework, typedchi
from archivist.typedupper import body_of, glyph_cells
from tests.rereadcheck import assert_mended, typed_both_ways
from tests.test_typedring import AROUND, SIZES, _page, assert_left_alone, assert_read_back


@pytest.mark.parametrize(("texts", "lines", "k", "want"), [
    (["2.", "Chỉ", "phí"], [0, 0, 0], 1, (2, "Chi")),  # a list's item: case kept
    (["được", "chỉ", "từ"], [0, 0, 0], 1, (2, "chi")),
    (["huyện", "Củ", "Chỉ"], [0, 0, 0], 2, (2, "Chi")),  # a place's name
    (["thu", "chỉ,"], [0, 0], 1, (2, "chi,")),  # edge punctuation kept
    (["Chỉ", "huy"], [0, 0], 0, None), (["chỉ", "tiêu"], [0, 0], 0, None),  # chỉ written there
    (["chỉ", "phí"], [0, 1], 0, None),  # the neighbour on the next line
    (["chỉ,", "phí"], [0, 0], 0, None),  # punctuation between
    (["CHỈ", "PHÍ"], [0, 0], 0, None),  # capitals: a heading
    (["chi", "phí"], [0, 0], 0, None),  # read right
])
def test_asked_where_the_neighbours_write_chi(texts: list[str], lines: list[int], k: int,
                                              want: tuple[int, str] | None) -> None:
    assert typedchi.asked(texts, lines, k) == want


@pytest.mark.parametrize("size", SIZES)
def test_dotted_tells_the_dot_from_the_hook(size: int) -> None:
    """The mono face's ``i`` carries a short dot over its stem, its ``ỉ`` a hook of another height: only the dot
    passes; an empty cell or one with no mark does not."""
    img, ocr = _page("chi chỉ", "chi chỉ", size)
    pitch = 0.6 * size
    dot = glyph_cells(img, ocr.words[0].bbox, 3, pitch)[0][2]
    hook = glyph_cells(img, ocr.words[1].bbox, 3, pitch)[0][2]
    small = float(body_of(dot)[0])  # the i's stem: the small letters' height
    assert typedchi.dotted(dot, small, pitch)
    assert not typedchi.dotted(hook, small, pitch)
    assert not typedchi.dotted(np.zeros((30, 12), np.uint8), small, pitch)
    stem = dot.copy()
    stem[: stem.shape[0] - round(small) - 1] = 0  # the dot worn away
    assert not typedchi.dotted(stem, small, pitch)


@pytest.mark.parametrize("size", SIZES)
def test_typed_chis_reads_a_dot_back(size: int) -> None:
    """On a line typed in the mono face, ``chi phí`` and ``Củ Chi`` read with ``ỉ`` come back as typed (boxes and
    lines as read); a typed ``chỉ từ`` (its hook) and ``chỉ tiêu`` stay."""
    typed, read = "chi phí Củ Chi chỉ từ chỉ tiêu", "chỉ phí Củ Chỉ chỉ từ chỉ tiêu"
    assert_read_back(typedchi.typed_chis, f"{AROUND} {typed}", f"{AROUND} {read}", f"{AROUND} {typed}", size)


@pytest.mark.parametrize("size", SIZES)
def test_typed_chis_leaves_other_pages_alone(size: int) -> None:
    assert_left_alone(typedchi.typed_chis, "chi phí", "chỉ phí", size)


@pytest.mark.slow
def test_generated_typed_document_reads_its_chi_end_to_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Fit seed 470's fourth typewritten document (``--docs 8``: a decision of Hòa Khánh), its second page alone: its
    ``được chi từ``, read ``chỉ`` without the rule, is ``chi`` in the record and in the PDF/A's text layer, no truth
    word is lost, the page loses fewer words, and the PDF/A-1b passes Preflight."""
    done = typed_both_ways(tmp_path, 470, lambda: monkeypatch.setattr(pagework, "typed_chis", lambda ocr, typed: ocr),
                           doc=4, docs=8, page=1)
    assert_mended(done, "chỉ", "chi")
