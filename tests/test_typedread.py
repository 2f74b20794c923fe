"""A typewritten page's numbers read again where a 0 may have been read as a 6, 8 or 9 (archivist/typedread.py): the
dotted zero's dot painted out of the crop, a 0 taken only where a reading changes just that digit, nothing done on any
other page; and a generated typewritten document end to end through ``archivist process``."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import cv2
import numpy as np
import pytest

from archivist import fadedread, restore, typedread
from archivist.metrics import words
from samples.layout import typeface
from tests.pdfcheck import assert_valid_pdfa
from tests.pdfpages import pdftotext
from tests.rereadcheck import assert_read_again, typed_both_ways
from tests.test_fadedread import _strip


def test_zero_places_on_a_typed_page_takes_a_zero_for_an_eight_too() -> None:
    assert typedread.zero_places("2086", "2006", typedread.TYPED_ZERO_AS) == {2}
    assert typedread.zero_places("2096", "2006", typedread.TYPED_ZERO_AS) == {2}
    assert fadedread.zero_places("2086", "2006") == set()  # a faded page's loop digits are 6 and 9 only
    assert typedread.zero_places("2086", "2000", typedread.TYPED_ZERO_AS) == {2, 3}
    assert typedread.zero_places("2086", "2016", typedread.TYPED_ZERO_AS) == set()  # another digit changed
    assert typedread.zero_places("2006", "2086", typedread.TYPED_ZERO_AS) == set()  # never a 0 made a loop digit


def _ring(dot: bool, second_hole: bool = False) -> np.ndarray:
    """A zero's ring drawn on paper, with a dot in its hole, or an 8's two holes."""
    im = np.full((60, 44), 255, np.uint8)
    if second_hole:
        cv2.ellipse(im, (22, 17), (12, 11), 0, 0, 360, 30, 4)
        cv2.ellipse(im, (22, 41), (14, 13), 0, 0, 360, 30, 4)
    else:
        cv2.ellipse(im, (22, 30), (15, 24), 0, 0, 360, 30, 4)
    if dot:
        im[27:34, 19:26] = 30
    return im


def test_islands_out_paints_only_the_dot_inside_a_ring() -> None:
    dotted = _ring(dot=True)
    out = typedread.islands_out(dotted)
    assert (out[26:35, 18:27] == 255).all()  # the dot and its halo are paper
    assert np.array_equal(out[:, :8], dotted[:, :8]) and (out < 128).sum() == (_ring(dot=False) < 128).sum()
    plain, eight = _ring(dot=False), _ring(dot=False, second_hole=True)
    assert np.array_equal(typedread.islands_out(plain), plain)  # a 0 without a dot, an 8: nothing inside a hole
    assert np.array_equal(typedread.islands_out(eight), eight)
    framed = np.full((80, 80), 255, np.uint8)
    cv2.rectangle(framed, (5, 5), (74, 74), 30, 3)
    framed[15:65, 15:65] = 30  # a large mark inside a frame is no dot: kept
    assert np.array_equal(typedread.islands_out(framed), framed)


@pytest.mark.parametrize(("typed", "read", "kept"), [("2006", "2086", "2006"), ("2006", "2996", "2006"),
                                                     ("1986", "1986", "1986"), ("2096", "2096", "2096")])
def test_reread_typed_reads_the_number_again_from_the_page(typed: str, read: str, kept: str) -> None:
    """Tesseract itself reads the crops of numbers typed at 300 dpi: a typed (dotted) zero is taken for the loop
    digit a first reading had; a typed 6, 8 or 9 stays."""
    with typeface("mono"):  # the generator's typewriter face, its zero dotted
        img, box = _strip(typed)
    assert_read_again(typedread.reread_typed, img, box, read, kept)


def test_only_a_typed_page_keeps_its_image_before_the_strikes() -> None:
    """``prepare`` keeps the image before the strikes were evened only where it evens them: a typed page, not the
    same lines printed."""
    from tests.test_typewritten import _pages

    typed, printed = _pages(2, 200)
    prep = restore.prepare(typed, 200)
    assert "even strikes" in prep.steps
    assert prep.typed_before is not None and prep.typed_before.shape == prep.image.shape
    assert restore.prepare(printed, 200).typed_before is None


@pytest.mark.slow
def test_generated_typed_document_reads_its_zeros_end_to_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A generated typewritten document (seed 2: one 300 dpi page, the mono face's dotted zero) through ``archivist
    process``: its ``10`` read ``16`` three times and its ``2007`` read ``2667`` without the second reading come back
    right in the record and in the PDF/A's text layer, the page loses fewer words, and the PDF/A-1b passes Preflight.
    Without it means without :mod:`archivist.typedzero` too, which sets the same zeros by their dots. (The reading
    without it is made in this process, where it can be switched off: the command reads pages in a fork
    server's workers.)"""
    from archivist import pagework

    def switch_off() -> None:  # the second reading, and the dot's evidence that now sets the same zeros (typedzero)
        monkeypatch.setattr(pagework, "reread_typed", lambda engine, ocr, typed, dpi, size: ocr)
        monkeypatch.setattr(pagework, "typed_zeros", lambda ocr, typed: ocr)

    done = typed_both_ways(tmp_path, 2, switch_off)
    read, errors, want = done.read, done.errors, done.want
    assert not want["16"] and not want["2667"] and want["10"] >= 3 and want["2007"]
    assert read["without"]["16"] >= 2 and read["without"]["2667"]
    assert not read["with"]["16"] and not read["with"]["2667"]
    assert read["with"]["10"] >= read["without"]["10"] + 2 and read["with"]["2007"] > read["without"]["2007"]
    assert errors["with"] < errors["without"], errors
    layer = Counter(words(pdftotext(done.pdf, 1)))
    assert layer["10"] == read["with"]["10"] and layer["2007"] == read["with"]["2007"] and not layer["16"]
    assert_valid_pdfa(done.archive)
