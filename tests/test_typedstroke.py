"""A typewritten ``đ`` read ``d`` and a ``d`` read ``đ`` (archivist/typedstroke.py), and an ``h`` after ``t`` read
``r`` (archivist/typedstem.py): which words are asked, the ascender's stroke measured on glyphs typed in the mono
face, typed lines, and a generated typewritten document end to end through ``archivist process``."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from archivist import typedstem, typedstroke
from archivist.typedstem import asked_words, worn_h
from archivist.typedupper import glyph_cells
from tests.rereadcheck import assert_mended, typed_both_ways_older
from tests.test_typedring import AROUND, SIZES, _page, assert_left_alone, assert_read_back
from tests.test_typedstem import _small


@pytest.mark.parametrize(("read", "forms", "want"), [
    ("đân số", typedstroke._to_d, {0: (0, "dân")}),  # none in use: the one word the d makes
    ("Tự đo", typedstroke._to_d, {1: (0, "do")}),  # no word with its neighbour: the d makes one
    ("dến nay", typedstroke._to_dd, {0: (0, "đến")}), ("dồng ý", typedstroke._to_dd, {0: (0, "đồng")}),
    ("đo lường", typedstroke._to_d, {}), ("dân số", typedstroke._to_d, {}),  # words in use there: never asked
    ("nhân dân", typedstroke._to_dd, {}), ("dã", typedstroke._to_dd, {}),
    ("ĐÂN SỐ", typedstroke._to_d, {}), ("Dến", typedstroke._to_dd, {}),  # capitals: a name's, a code's
    ("trực hiện", typedstem._r_forms, {0: (1, "thực")}), ("trấy", typedstem._r_forms, {0: (1, "thấy")}),
    ("trực tiếp", typedstem._r_forms, {}), ("Tráng 10", typedstem._r_forms, {}),  # in use; a capital alone
])
def test_the_words_ask_first(read: str, forms, want: dict) -> None:  # noqa: ANN001
    assert asked_words(read.split(" "), forms) == want


@pytest.mark.parametrize("size", SIZES)
def test_stroke_tells_a_d_from_an_dd(size: int) -> None:
    """Across its ascender the mono face's ``đ`` has a stroke standing left of the stem, its ``d`` the stem alone; a
    glyph with no ascender is not measured."""
    img, ocr = _page(f"{AROUND} đo do on", f"{AROUND} đo do on", size)
    pitch, small = 0.6 * size, _small(img, ocr)
    dd, d, o = (glyph_cells(img, ocr.words[k].bbox, 2, pitch)[0][0] for k in (-3, -2, -1))
    assert typedstroke.stroke_share(dd, small) >= typedstroke.STROKE_MIN
    assert typedstroke.stroke_share(d, small) <= typedstroke.BARE_MAX
    assert typedstroke.stroked(dd, small, pitch) and not typedstroke.bare(dd, small, pitch)
    assert typedstroke.bare(d, small, pitch) and not typedstroke.stroked(d, small, pitch)
    assert typedstroke.stroke_share(o, small) is None
    assert typedstroke.stroke_share(np.zeros((30, 12), np.uint8), small) is None


@pytest.mark.parametrize("size", SIZES)
def test_worn_h_tells_an_h_from_an_r(size: int) -> None:
    """The mono face's ``r`` has nothing under its arm; an ``h`` (worn or whole) stands on its right stem."""
    img, ocr = _page(f"{AROUND} thực trực", f"{AROUND} thực trực", size)
    pitch, small = 0.6 * size, _small(img, ocr)
    h, r = (glyph_cells(img, ocr.words[k].bbox, 4, pitch)[0][1] for k in (-2, -1))
    assert worn_h(h, small, pitch) and not worn_h(r, small, pitch)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(("rule", "typed", "read"), [
    # ``dân số``, ``Tự do`` and ``đến nay`` read ``đân số``, ``Tự đo`` and ``dến nay``; a typed ``đân`` read as typed
    # keeps its stroke and stays, a typed ``dến`` its bare stem
    (typedstroke.typed_strokes, "dân số Tự do đến nay đân dến nay", "đân số Tự đo dến nay đân dến nay"),
    # ``thực hiện`` read ``trực hiện``; a typed ``trực hiện`` (an ``r`` the words ask) stays
    (typedstem.typed_stems, "thực hiện trực hiện", "trực hiện trực hiện"),
], ids=["d-and-dd", "h-read-r"])
def test_typed_words_come_back_as_typed(rule, typed: str, read: str, size: int) -> None:  # noqa: ANN001
    """On a line typed in the mono face, the words read with the other glyph come back as typed (boxes and lines as
    read) and the words typed so stay: one table for the two rules, whose tests differed in their lines alone."""
    assert_read_back(rule, f"{AROUND} {typed}", f"{AROUND} {read}", f"{AROUND} {typed}", size)


@pytest.mark.parametrize("size", SIZES)
def test_typed_strokes_leaves_other_pages_alone(size: int) -> None:
    assert_left_alone(typedstroke.typed_strokes, "dân số", "đân số", size)


@pytest.mark.slow
def test_generated_typed_document_reads_its_d_and_h_end_to_end(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The seventh typewritten document of seed 332 (``generate.py --docs 8 --groups typewriter``): its motto's ``Tự
    do``, read ``Tự đo`` without the rule, and its ``thực hiện``, read ``trực hiện``, are ``do`` and ``thực`` in the
    record and in the PDF/A's text layer, no truth word is lost, the document loses fewer words, PDF/A-1b valid."""
    def switch_off() -> None:
        from archivist import pagework

        monkeypatch.setattr(pagework, "typed_strokes", lambda ocr, typed: ocr)
        monkeypatch.setattr(typedstem, "_r_forms", lambda core: {})

    done = typed_both_ways_older(tmp_path, 332, switch_off, doc=7, docs=8)
    assert_mended(done, "đo", "do")
    assert done.read["with"]["thực"] == done.read["without"]["thực"] + 1
    assert done.read["with"]["trực"] == done.read["without"]["trực"] - 1
