"""A faded carbon copy's item number ``1.`` read ``4.`` (archivist/fadedglyphs.py, ``faded_glyphs`` asking
archivist/typedone.py's ``1``'s foot on the image read): only on a faded page typed in a fixed-pitch face, a typed
``4.`` kept; and a generated faded document through ``archivist process`` (real Tesseract)."""

from __future__ import annotations

from pathlib import Path

import pytest

from archivist import fadedglyphs, restore
from tests.rereadcheck import assert_mended, typed_both_ways
from tests.test_typedring import AROUND, SIZES, _page

#: The typed rules' line, with words of four letters or more enough for the page's pitch to be told fixed.
LINE = AROUND + " những người trong tháng thông nhiệm"


def _faded(img) -> restore.Prepared:
    return restore.Prepared(img, 300.0, [], ["clahe"], 1.0, before_contrast=img)


@pytest.mark.parametrize("size", SIZES)
def test_faded_glyphs_read_a_typed_items_1_again(size: int) -> None:
    """On a faded page typed in the mono face, an item's ``1.`` read ``4.`` comes back (box and line as read), a typed
    ``4.`` stays; a page that is not faded is left as read."""
    img, ocr = _page(f"1. {LINE}", f"4. {LINE}", size)
    assert fadedglyphs.fixed_pitch(ocr.words)
    out = fadedglyphs.faded_glyphs(ocr, _faded(img))
    assert out.words[0].text == "1." and out.text == f"1. {LINE}"
    assert [(w.bbox, w.line) for w in out.words] == [(w.bbox, w.line) for w in ocr.words]
    assert fadedglyphs.faded_glyphs(ocr, restore.Prepared(img, 300.0, [], [], 1.0)) is ocr
    img, ocr = _page(f"4. {LINE}", f"4. {LINE}", size)
    assert fadedglyphs.faded_glyphs(ocr, _faded(img)).words[0].text == "4."


@pytest.mark.slow
def test_generated_faded_document_reads_its_item_one_end_to_end(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """The first faded document of seed 316's set of eight (``generate.py --docs 8 --groups faded``, session 45's fit
    set: a decision of Bình Minh, typed on a carbon copy): its first item's ``1.``, read ``4.`` without the rule, is
    ``1.`` in the record and in the PDF/A's text layer, no truth word is lost, the document loses fewer words, and the
    PDF/A-1b passes Preflight."""
    done = typed_both_ways(tmp_path, 316, lambda: monkeypatch.setattr(fadedglyphs, "typed_ones", lambda ocr, img: ocr),
                           group="faded", docs=8)
    assert_mended(done, "4.", "1.")
