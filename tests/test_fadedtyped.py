"""A faded carbon copy's ``h`` opening a word read ``n``, ``b`` read ``h`` and ``p`` ending a syllable read ``n``
(archivist/fadedglyphs.py, ``typed_letters``: archivist/typedopen.py's and archivist/typedtail.py's glyph tests asked
on a faded page typed in a fixed-pitch face): on typed lines, only a faded page; and a generated faded document
through ``archivist process`` (real Tesseract)."""

from __future__ import annotations

from pathlib import Path

import pytest

from archivist import fadedglyphs, restore
from tests.rereadcheck import assert_mended, typed_both_ways
from tests.test_fadedones import LINE
from tests.test_typedring import SIZES, _page


def _faded(img) -> restore.Prepared:  # noqa: ANN001
    return restore.Prepared(img, 300.0, [], ["clahe"], 1.0, before_contrast=img)


@pytest.mark.parametrize("size", SIZES)
def test_faded_glyphs_read_typed_h_b_and_p_again(size: int) -> None:
    """On a faded page typed in the mono face, ``huy``, ``hư hại``, ``biên bản`` and ``tổng hợp`` read ``nuy``,
    ``nư hại``, ``hiên bản`` and ``tổng hợn`` come back as typed (boxes and lines as read); a typed ``cứu nạn`` and
    ``hiên bản`` stay; a page that is not faded is left as read."""
    typed = f"{LINE} huy hư hại biên bản tổng hợp cứu nạn hiên bản"
    read = f"{LINE} nuy nư hại hiên bản tổng hợn cứu nạn hiên bản"
    img, ocr = _page(typed, read, size)
    assert fadedglyphs.fixed_pitch(ocr.words)
    out = fadedglyphs.faded_glyphs(ocr, _faded(img))
    assert out.text == typed
    assert [(w.bbox, w.line) for w in out.words] == [(w.bbox, w.line) for w in ocr.words]
    assert fadedglyphs.faded_glyphs(ocr, restore.Prepared(img, 300.0, [], [], 1.0)) is ocr


@pytest.mark.parametrize("size", SIZES)
def test_typed_letters_asks_both_images(size: int) -> None:
    """Each image the page is kept in is asked (the image read first, then before its contrast was raised): a glyph
    told on either comes back, a blank image leaves the words as read."""
    typed, read = f"{LINE} tổng hợp", f"{LINE} tổng hợn"
    img, ocr = _page(typed, read, size)
    blank = img * 0 + 255
    both = restore.Prepared(blank, 300.0, [], ["clahe"], 1.0, before_contrast=img)
    assert fadedglyphs.typed_letters(ocr, both).text == typed
    neither = restore.Prepared(blank, 300.0, [], ["clahe"], 1.0, before_contrast=blank)
    assert fadedglyphs.typed_letters(ocr, neither).text == read


@pytest.mark.slow
def test_generated_faded_document_reads_its_h_end_to_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The fifth faded document of seed 316's set of eight (``generate.py --docs 8 --groups faded``, session 45's fit
    set: a submission, ttr-036, typed on a carbon copy): its ``Kế hoạch``, read ``noạch`` without the rule, is
    ``hoạch`` in the record and in the PDF/A's text layer, no truth word is lost, the document loses fewer words, and
    the PDF/A-1b passes Preflight."""
    done = typed_both_ways(tmp_path, 316, lambda: monkeypatch.setattr(fadedglyphs, "typed_letters",
                                                                      lambda ocr, prep: ocr),
                           doc=5, group="faded", docs=8)
    assert_mended(done, "noạch", "hoạch")
