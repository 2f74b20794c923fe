"""A faded number's 6 or 9 that the three psm-8 readings left is read two more ways (session 39,
``archivist.fadedread.more_zero_readings``): as a line (psm 7) and enlarged twice, from the same three views, the
zero taken by the same rule as before (``zero_places``); and asked only where those three gave no zero."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from archivist import fadedglyphs, fadedread, restore
from archivist.models import Word
from archivist.ocr import OcrResult, TesserocrEngine
from tests.pdfcheck import assert_valid_pdfa
from tests.pdfpages import pdftotext
from tests.test_fadedread import _strip


def test_only_a_number_with_a_loop_digit_is_asked_more() -> None:
    def asked(text: str) -> bool:
        return fadedread._loop_digits(Word(text, 80.0, (0, 0, 40, 30), 0))

    assert asked("2099") and asked("61/UBND") and asked("(2096);") and asked("9")
    assert not asked("2017") and not asked("Cấm") and not asked("thế,") and not asked("/") and not asked("")


def test_more_zero_readings_reads_each_crop_as_a_line_and_enlarged() -> None:
    """Tesseract reads the crops: a printed ``2009`` comes back ``2009`` both ways, from the crop as it is and twice
    its size; a printed ``2099`` gives no reading with a zero for its nines (the rule cannot invent one)."""
    engine = TesserocrEngine()
    calls: list[tuple[int, tuple[int, ...], float]] = []

    def read_alone(img: np.ndarray, dpi: float, psm: int, whitelist: str = "") -> str:
        calls.append((psm, img.shape, dpi))
        return engine.read_alone(img, dpi, psm, whitelist)

    img, (x0, y0, x1, y1) = _strip("2009")
    crop = img[y0 - 10:y1 + 10, x0 - 10:x1 + 10]
    assert fadedread.more_zero_readings(read_alone, [crop], 300.0) == ["2009", "2009"]
    h, w = crop.shape
    assert calls == [(7, (h, w), 300.0), (8, (2 * h, 2 * w), 600.0)]
    img, (x0, y0, x1, y1) = _strip("2099")
    again = fadedread.more_zero_readings(engine.read_alone, [img[y0 - 10:y1 + 10, x0 - 10:x1 + 10]], 300.0)
    assert len(again) == 2 and not any(fadedread.zero_places("2099", r) for r in again)


def _counted(engine: TesserocrEngine, calls: list[int]) -> TesserocrEngine:
    """``engine`` with each crop it reads alone counted by its segmentation mode (the engine still reads it)."""
    real = engine.read_alone

    def read_alone(img: np.ndarray, dpi: float, psm: int, whitelist: str = "") -> str:
        calls.append(psm)
        return real(img, dpi, psm, whitelist)

    engine.read_alone = read_alone  # type: ignore[method-assign]
    return engine


def test_the_more_readings_are_asked_only_where_the_three_gave_no_zero() -> None:
    """A printed ``2009`` first read ``2099``: the three psm-8 readings give the zero, nothing more is read. A printed
    ``2099`` read so: the three give none, the two more ways of each view are read (six crops more), and the nines
    stay. A word with no loop digit (``Cấm``) is never read the more ways."""
    for printed, first, kept, more in (("2009", "2099", "2009", 0), ("2099", "2099", "2099", 6),
                                       ("Cẩm", "Cấm", "Cẩm", 0)):
        img, box = _strip(printed)
        ocr = OcrResult([Word(first, 90.0, box, 0)], first, 90.0)
        prep = restore.Prepared(img, 300.0, steps=["flatten", "clahe"], before_contrast=img)
        calls: list[int] = []
        out = fadedread.reread_faded(_counted(TesserocrEngine(), calls), ocr, prep)
        assert [w.text for w in out.words] == [kept] and out.words[0].bbox == box, printed
        assert calls == [8, 8, 8] + [7, 8] * (more // 2), (printed, calls)


@pytest.mark.slow
def test_generated_faded_document_reads_a_zero_the_more_ways_end_to_end(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """A generated faded document (``generate(..., groups=["faded"])``, seed 4: two 200 dpi pages of carbon-copy
    ink) through ``archivist process``: its ``10.``, which the three psm-8 readings leave ``19.``, comes back
    ``10.`` in the record and in the PDF/A's text layer, the document loses fewer words, and the PDF/A-1b passes
    Preflight. (The reading without the more ways is made in this process, where they can be switched off: the
    command reads pages in a fork server's workers.)"""
    from archivist.metrics import words
    from tests.rereadcheck import typed_both_ways

    def switch_off() -> None:
        monkeypatch.setattr(fadedread, "more_zero_readings", lambda read_alone, crops, dpi: [])
        # and the typed zero's dot, which sets the same zero on this carbon copy since session 42 (fadedglyphs)
        monkeypatch.setattr(fadedglyphs, "typed_zeros", lambda ocr, *args: ocr)

    done = typed_both_ways(tmp_path, 4, switch_off, group="faded")  # its "with" run shared with test_fadedread
    read = done.read
    assert done.want["10."] and not done.want["19."]
    assert read["without"]["19."] and not read["with"]["19."]
    assert read["with"]["10."] == read["without"]["10."] + read["without"]["19."]
    assert done.errors["with"] < done.errors["without"]
    layer = Counter(words(pdftotext(done.pdf, 1) + pdftotext(done.pdf, 2)))
    assert layer["10."] == read["with"]["10."] and not layer["19."]
    assert_valid_pdfa(done.archive)
