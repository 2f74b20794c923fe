"""A typewritten item number ``1.`` read ``4.`` (archivist/typedone.py): the ``1``'s foot measured on glyphs typed in
the mono face, which tokens are asked, and a generated typewritten document end to end through ``archivist
process``."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from archivist import pagework, typedone
from archivist.models import Word
from archivist.ocr import OcrResult
from archivist.typedupper import glyph_cells
from tests.rereadcheck import assert_mended, typed_both_ways
from tests.test_typedring import AROUND, SIZES, _page, assert_read_back
from tests.test_typedstem import _small


@pytest.mark.parametrize("size", SIZES)
def test_footed_one_tells_a_1_from_a_4(size: int) -> None:
    """The mono face's ``1`` stands on a foot with no ink left of its stem at mid-height; its ``4`` does not."""
    img, ocr = _page(f"1. 4. {AROUND}", f"1. 4. {AROUND}", size)
    pitch, small = 0.6 * size, _small(img, ocr)
    one, _ = glyph_cells(img, ocr.words[0].bbox, 2, pitch)
    four, _ = glyph_cells(img, ocr.words[1].bbox, 2, pitch)
    assert typedone.footed_one(one[0], small, pitch)
    assert not typedone.footed_one(four[0], small, pitch)
    assert not typedone.footed_one(one[0], 1.5 * small, pitch)  # a body short of a digit's height: not measured
    assert not typedone.footed_one(np.zeros((30, 12), np.uint8), small, pitch)


@pytest.mark.parametrize("size", SIZES)
def test_typed_ones_reads_an_items_1_again(size: int) -> None:
    """A typed item number ``1.`` read ``4.`` comes back as typed (box and line as read); a typed ``4.`` stays."""
    assert_read_back(typedone.typed_ones, f"1. {AROUND}", f"4. {AROUND}", f"1. {AROUND}", size)
    assert_read_back(typedone.typed_ones, f"4. {AROUND}", f"4. {AROUND}", f"4. {AROUND}", size)


@pytest.mark.parametrize("size", SIZES)
def test_typed_ones_asks_only_an_item_number_opening_its_line(size: int) -> None:
    """A ``4.`` inside a line, a ``4`` in a number or a code is never asked, nor another page; the same ``4.`` opening
    a line of its own is."""
    img, ocr = _page(f"{AROUND} 1. 1.100 1/KH", f"{AROUND} 4. 4.100 4/KH", size)
    assert typedone.typed_ones(ocr, img) is ocr
    assert typedone.typed_ones(ocr, None) is ocr
    start = len(AROUND.split(" "))
    words = [Word(w.text, w.conf, w.bbox, int(k >= start)) for k, w in enumerate(ocr.words)]
    out = typedone.typed_ones(OcrResult(words, ocr.text, 90.0), img)
    assert [w.text for w in out.words[start:]] == ["1.", "4.100", "4/KH"]


@pytest.mark.slow
def test_generated_typed_document_reads_its_item_one_end_to_end(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """The seventh typewritten document of seed 278 (``generate.py --docs 7 --groups typewriter``: a notice of Mỹ
    Lộc): its first item's ``1.``, read ``4.`` without the rule, is ``1.`` in the record and in the PDF/A's text
    layer, no truth word is lost, the page loses fewer words, and the PDF/A-1b passes Preflight."""
    done = typed_both_ways(tmp_path, 278, lambda: monkeypatch.setattr(pagework, "typed_ones", lambda ocr, typed: ocr),
                           doc=7)
    assert_mended(done, "4.", "1.")
