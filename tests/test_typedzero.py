"""A typewritten number's ``0`` read as a 6, 8 or 9 set back by the dot its glyph shows (archivist/typedzero.py): the
dot told on digits typed in the generator's typewriter face, whole and worn; the first digit kept as a rival that
flags the value holding it (archivist/chardoubt.py); and a generated typewritten document end to end through
``archivist process``."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from archivist import pagework, typedzero
from archivist.chardoubt import changed_digit_doubt, flag_doubted
from archivist.fields import Field
from archivist.metrics import words
from archivist.models import Word
from archivist.ocr import OcrResult
from archivist.ocrtext import PageText
from tests.pdfcheck import assert_valid_pdfa
from tests.pdfpages import pdftotext
from tests.rereadcheck import typed_both_ways
from tests.test_typedcase import _typed_line


def _dots(img: np.ndarray, box: tuple[int, int, int, int], read: str) -> list[bool]:
    return [(g := typedzero.cell_ink(img, box, read, k)) is not None and typedzero.has_dot(g) for k in range(len(read))]


@pytest.mark.parametrize("size", [39, 58])  # 14 pt at 200 and 300 dpi
def test_the_typed_zero_shows_its_dot_and_no_loop_digit_does(size: int) -> None:
    img, boxes = _typed_line("2009 2689 06", size)
    assert _dots(img, boxes[0], "2089") == [False, True, True, False]
    assert _dots(img, boxes[1], "2689") == [False, False, False, False]  # a 6's, an 8's, a 9's loops: no dot
    assert _dots(img, boxes[2], "66") == [True, False]


def _worn(img: np.ndarray, box: tuple[int, int, int, int], at: int, n: int) -> np.ndarray:
    """``img`` with the ring of the ``at``-th of ``n`` typed characters in ``box`` broken: paper across its top-left
    and bottom-right corners, as the worn type prints it (the dot left whole)."""
    out = img.copy()
    x0, y0, x1, y1 = box
    lo, hi = x0 + (x1 - x0) * at // n, x0 + (x1 - x0) * (at + 1) // n
    h, w = y1 - y0, hi - lo
    out[y0:y0 + h // 4, lo:lo + w // 2] = 255
    out[y1 - h // 4:y1, hi - w // 2:hi] = 255
    return out


@pytest.mark.parametrize("size", [39, 58])
def test_a_worn_zero_read_as_a_loop_digit_is_set_back_by_its_dot(size: int) -> None:
    """The ring broken (its hole open, so :func:`archivist.typedread.islands_out` finds no island), the dot still
    there: ``2089`` -> ``2009``, the ``8`` kept as a rival of the word's own weight; a whole ``2689`` is kept."""
    img, boxes = _typed_line("2009 2689", size)
    worn = _worn(img, boxes[0], 2, 4)
    assert _dots(worn, boxes[0], "2089")[2]
    first = OcrResult([Word("2089", 91.0, boxes[0], 0, rivals=((2, "6", 88.0, 40.0),)),
                       Word("2689", 93.0, boxes[1], 0)], "2089 2689", 92.0)
    out = typedzero.typed_zeros(first, worn)
    assert [w.text for w in out.words] == ["2009", "2689"]
    assert out.text == "2009 2689"
    assert out.words[0].rivals == ((2, "8", 91.0, 91.0),)  # the engine's own rival at that place replaced
    assert [w.bbox for w in out.words] == boxes
    assert out.words[1] is first.words[1]


def test_no_dot_no_change() -> None:
    """A zero whose dot is worn away gives no evidence: ``2089`` stays; nor does a speck a tenth of the glyph
    wide; nor a page that is not typed, nor words with no 6, 8 or 9, nor a lone digit (``8.``)."""
    img, (box,) = _typed_line("2009", 58)
    x0, y0, x1, y1 = box
    lo, hi = x0 + (x1 - x0) * 2 // 4, x0 + (x1 - x0) * 3 // 4
    blank = img.copy()
    blank[y0 + (y1 - y0) // 3:y1 - (y1 - y0) // 3, lo + (hi - lo) // 4:hi - (hi - lo) // 4] = 255  # the dot gone
    first = OcrResult([Word("2089", 91.0, box, 0)], "2089", 91.0)
    assert typedzero.typed_zeros(first, blank) is first
    assert typedzero.typed_zeros(first, None) is first
    plain = OcrResult([Word("2005", 91.0, box, 0)], "2005", 91.0)
    assert typedzero.typed_zeros(plain, img) is plain
    img, (box,) = _typed_line("0.", 58)  # a lone digit: a list's number, never a lone 0
    lone = OcrResult([Word("8.", 91.0, box, 0)], "8.", 91.0)
    assert _dots(img, box, "8.")[0] and typedzero.typed_zeros(lone, img) is lone
    glyph = np.zeros((40, 27), np.uint8)
    glyph[0:40, 0:4] = glyph[0:40, 23:27] = glyph[0:4, :] = glyph[36:40, :] = 1  # a ring ...
    glyph[19:21, 13:15] = 1  # ... round a speck 0.07 of its width
    assert not typedzero.has_dot(glyph)
    glyph[17:23, 10:17] = 1  # a dot
    assert typedzero.has_dot(glyph)
    glyph[17:23, 4:10] = 1  # the dot joined to the ring: a stroke, no dot
    assert not typedzero.has_dot(glyph)


def test_a_value_holding_a_digit_the_glyph_set_is_flagged() -> None:
    """The digit first read, kept as a rival of the same weight, flags the number, the date and the subject that hold
    it; the engine's own rival digit (other weights) is no such doubt for the subject."""
    why = changed_digit_doubt("2009", [(2, "8", 91.0, 91.0)])
    assert why == "the digit '0' of '2009' was read '8' and set by its glyph"
    assert changed_digit_doubt("2009", [(2, "8", 91.0, 88.0)]) is None
    assert changed_digit_doubt("hộ", [(0, "h", 91.0, 91.0)]) is None
    word = ("2009", 91.0, (410, 500, 500, 540), 3)
    page = PageText(1, "năm 2009", [word], (), {word[2]: (word[0], ((2, "8", 91.0, 91.0),))})
    subject = Field("Về việc tổng kết năm 2009", 0.9, 1, (410, 500, 500, 540), "2009")
    date = Field("2009-05-03", 0.9, 1, (410, 500, 500, 540), "2009")
    flag_doubted({"subject": subject, "date": date}, [page])
    assert subject.review == "the digit '0' of '2009' was read '8' and set by its glyph"
    assert date.review  # digit_doubt: the rival digit as near as can be


@pytest.mark.slow
def test_generated_typed_document_reads_its_zeros_end_to_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The second typewritten document of seed 184 (``generate.py --docs 2 --groups typewriter``: a submission of Kim
    Sơn, one page) through ``archivist process``: its ``2006`` and ``234.000.000``, read ``2086`` and ``234.880.006``
    without the dot's evidence, are right in the record and in the PDF/A's text layer, the page loses fewer words,
    and the PDF/A-1b passes Preflight."""
    done = typed_both_ways(tmp_path, 184, lambda: monkeypatch.setattr(pagework, "typed_zeros", lambda ocr, typed: ocr),
                           doc=2)
    read, want = done.read, done.want
    gained = [w for w in ("2006", "234.000.000") if read["with"][w] > read["without"][w]]
    assert gained == ["2006", "234.000.000"], (read["with"], read["without"])
    assert all(min(read["with"][w], n) >= min(read["without"][w], n) for w, n in want.items())  # no truth word lost
    assert done.errors["with"] < done.errors["without"], done.errors
    layer = Counter(w for k in range(1, len(done.pages) + 1) for w in words(pdftotext(done.pdf, k)))
    assert all(layer[w] == read["with"][w] for w in gained)
    assert_valid_pdfa(done.archive)
