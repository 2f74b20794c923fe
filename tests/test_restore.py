"""Restoration before OCR (archivist/restore.py) on generated hard pages: a faded carbon copy gets its
contrast raised locally rather than its strokes thickened, and reads no worse for it; a clean page keeps
its contrast."""

from __future__ import annotations

import os

import numpy as np
import pytest

from archivist import restore
from archivist.metrics import bag_of_words_error
from archivist.ocr import TesserocrEngine, text_from_words
from archivist.preprocess import flatten_background, ink_level
from tests.hardpages import first_pages


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[np.ndarray, float, str]]:
    """The first page of one faded, one clean and one typewritten generated document, upright, with its dpi
    and text."""
    return first_pages(tmp_path_factory.mktemp("restore"), 3, ["clean", "faded", "typewriter"])


def test_faded_page_gets_local_contrast_not_thicker_strokes(pages: dict) -> None:
    up, dpi, _ = pages["faded"]
    flat = flatten_background(up, dpi)
    assert restore.ink_median(flat) >= restore.FAINTEST
    prepared = restore.prepare(up, dpi)
    assert "clahe" in prepared.steps and "thicken" not in prepared.steps
    assert ink_level(prepared.image) < ink_level(flat) - 20  # the faint strokes are darker
    thick = restore.prepare(up, dpi, restore.Recipe(faintest=256.0))  # as before: every stroke grown
    assert "thicken" in thick.steps and "clahe" not in thick.steps


def test_clean_page_keeps_its_contrast(pages: dict) -> None:
    """A clean page may be a faint print (thickened as before) but never a faded carbon copy."""
    up, dpi, _ = pages["clean"]
    assert restore.ink_median(flatten_background(up, dpi)) < restore.FAINTEST
    assert "clahe" not in restore.prepare(up, dpi).steps


def test_typewritten_page_is_thickened_not_given_local_contrast(pages: dict) -> None:
    """A typewritten page is faint too (light darkest ink) but its typical stroke is dark: thickened."""
    up, dpi, _ = pages["typewriter"]
    flat = flatten_background(up, dpi)
    assert ink_level(flat) >= restore.FAINT and restore.ink_median(flat) < restore.FAINTEST
    assert "thicken" in restore.prepare(up, dpi).steps and "clahe" not in restore.prepare(up, dpi).steps


def test_faded_page_reads_no_worse_than_thickened(pages: dict) -> None:
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    up, dpi, text = pages["faded"]
    engine = TesserocrEngine()
    errors = {}
    thick = restore.Recipe(faintest=256.0)
    for name, p in (("clahe", restore.prepare(up, dpi)), ("thicken", restore.prepare(up, dpi, thick))):
        errors[name] = bag_of_words_error(text, engine.recognize(p.image, p.dpi).text)
    assert errors["clahe"] <= errors["thicken"] + 0.01, errors
    assert errors["clahe"] < 0.15, errors



def test_faint_reading_drops_the_grain_clahe_raised_and_notes_the_page() -> None:
    """Words as Tesseract gives them under a faded page's signature after CLAHE: 5-15 px specks among
    30 px words. Only on a page CLAHE was applied to are they dropped and the page noted faint; the
    motto's flat dash stays."""
    from archivist.faintflags import FAINT_NOTE
    from archivist.models import Word

    words = [Word("Chủ", 96, (100, 100, 160, 130), 0), Word("tịch", 95, (170, 98, 240, 130), 0),
             Word("-", 92, (250, 112, 262, 118), 0), Word("xã", 96, (100, 150, 140, 178), 1),
             Word("Hương", 97, (150, 148, 260, 182), 1), Word("⁄", 70, (300, 200, 309, 209), 2),
             Word("£", 89, (320, 210, 330, 221), 2), Word("HwA`", 18, (340, 200, 373, 215), 3)]
    read = text_from_words(words)
    got = restore.faint_reading(read, restore.Prepared(np.zeros((4, 4), np.uint8), 200.0, steps=["clahe"]))
    assert [w.text for w in got.words] == ["Chủ", "tịch", "-", "xã", "Hương"]
    assert got.text == "Chủ tịch -\nxã Hương" and got.notes == [FAINT_NOTE]
    thick = restore.faint_reading(read, restore.Prepared(np.zeros((4, 4), np.uint8), 200.0, steps=["thicken"]))
    assert thick is read and not thick.notes


def test_faded_page_read_end_to_end_has_no_grain_words(pages: dict) -> None:
    """The generated faded page through prepare, the engine and faint_reading: noted faint, no word under
    0.45 of the median height but dashes, and nothing a well-read word of the raw reading lost."""
    from archivist.cells import read_page

    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    up, dpi, _ = pages["faded"]
    prep = restore.prepare(up, dpi)
    raw = restore.on_page(read_page(TesserocrEngine(), prep.image, prep.dpi, prep.grids), prep.scale)
    got = restore.faint_reading(raw, prep)
    assert got.notes
    heights = sorted(w.bbox[3] - w.bbox[1] for w in got.words)
    assert all(w.bbox[3] - w.bbox[1] >= 0.45 * heights[len(heights) // 2] or not w.text.strip("-–—_")
               for w in got.words)
    kept = {id(w) for w in got.words}
    assert all(id(w) in kept for w in raw.words if w.conf >= restore.DEBRIS_CONF and w.bbox[3] - w.bbox[1] >=
               restore.SCRIBBLE_HEIGHT * heights[len(heights) // 2])


def test_margin_specks_are_counted_as_labelling_the_whole_margins_counts_them() -> None:
    """specks_per_cm2 labels only the box around a margin's ink (issue 16, session 24): the same count as
    labelling each margin strip whole, on speckled margins, one speck at a strip's corner, and clean ones."""
    import cv2

    from archivist.preprocess import components

    def whole(flat: np.ndarray, dpi: float) -> float:
        h, w = flat.shape
        m, top = max(1, w // 10), h // 20
        cut, _ = cv2.threshold(flat[::4, ::4], 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
        small_area = (0.35 * dpi / restore.MM) ** 2
        count, area = 0, 0
        for strip in (flat[top:h - top, :m], flat[top:h - top, w - m:]):
            _, _, stats, _ = components((strip < cut).astype(np.uint8))
            count += int((stats[1:, cv2.CC_STAT_AREA] < small_area).sum())
            area += strip.size
        return count / (area / (dpi / 2.54) ** 2)

    rng = np.random.default_rng(2)
    pages = []
    for specks in (0, 1, 40, 400):
        page = np.full((900, 700), 250, np.uint8)
        page[300:320, 100:600] = 20  # a text line's ink, for Otsu's cut
        ys, xs = rng.integers(0, 900, specks), rng.integers(0, 700, specks)
        page[ys, xs] = 5
        pages.append(page)
    corner = np.full((900, 700), 250, np.uint8)
    corner[300:320, 100:600], corner[45, 0], corner[854, 699] = 20, 5, 5
    pages.append(corner)
    for page in pages:
        assert restore.specks_per_cm2(page, 100.0) == whole(page, 100.0)
    assert restore.specks_per_cm2(pages[3], 100.0) > 0 and restore.specks_per_cm2(pages[0], 100.0) == 0
