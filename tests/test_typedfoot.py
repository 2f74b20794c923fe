"""A typewritten capital ``I`` read ``T``, told by its foot (archivist/typedfoot.py): the foot measured on glyphs typed
in the mono face, which words are read again, a typed line, and a generated typewritten document end to end through
``archivist process``."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from archivist import pagework, typedfoot
from archivist.models import Word
from archivist.ocr import OcrResult
from tests.rereadcheck import assert_mended, typed_both_ways
from tests.test_typedcase import _typed_line

SIZES = [39, 58]  # 14 pt at 200 and 300 dpi
HEADING = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM KẾT QUẢ TỚI CÁC HỘ"


def _page(typed: str, read: str, size: int) -> tuple[np.ndarray, OcrResult]:
    img, boxes = _typed_line(typed, size)
    return img, OcrResult([Word(r, 90.0, b, 0) for r, b in zip(read.split(" "), boxes, strict=True)], read, 90.0)


def _cells(img: np.ndarray, ocr: OcrResult, k: int, size: int) -> list[np.ndarray]:
    from archivist.typedupper import glyph_cells

    got = glyph_cells(img, ocr.words[k].bbox, len(ocr.words[k].text), 0.6 * size)
    assert got is not None
    return got[0]


@pytest.mark.parametrize("size", SIZES)
def test_an_i_stands_on_a_foot_a_t_on_its_stem(size: int) -> None:
    """The mono face's ``I`` has a foot bar two thirds of its cell wide, its ``T`` only the stem: measured on the
    glyph's body, the one stands past :data:`typedfoot.FOOT_MIN` of a pitch, the other well under it."""
    img, ocr = _page("HỘI VIỆT", "HỘI VIỆT", size)
    pitch = 0.6 * size
    i_height, i_foot = typedfoot.foot_width(_cells(img, ocr, 0, size)[2])
    t_height, t_foot = typedfoot.foot_width(_cells(img, ocr, 1, size)[3])
    assert i_foot >= typedfoot.FOOT_MIN * pitch > 0.3 * pitch >= t_foot
    assert abs(i_height - t_height) <= 2
    assert typedfoot.foot_width(np.zeros((30, 12), np.uint8)) is None


@pytest.mark.parametrize("size", SIZES)
def test_i_reading_takes_an_i_by_its_foot_in_a_word_in_use(size: int) -> None:
    img, ocr = _page("HỘI CÁI TỚI VT", "HỘT CÁT TỚT VT", size)
    pitch = 0.6 * size
    cap = typedfoot.foot_width(_cells(img, ocr, 0, size)[0])[0]  # the H's body: a capital's height
    assert typedfoot.i_reading("HỘT", _cells(img, ocr, 0, size), cap, pitch) == "HỘI"
    assert typedfoot.i_reading("CÁT", _cells(img, ocr, 1, size), cap, pitch) == "CÁI"
    assert typedfoot.i_reading("TỚT", _cells(img, ocr, 2, size), cap, pitch) == "TỚI"  # the first T stays a T
    assert typedfoot.i_reading("VT", _cells(img, ocr, 3, size), cap, pitch) is None  # a T typed: no foot
    worn = [c.copy() for c in _cells(img, ocr, 0, size)]
    worn[2][:, :] = 0  # the I worn away: nothing to measure
    assert typedfoot.i_reading("HỘT", worn, cap, pitch) is None
    footless = [c.copy() for c in _cells(img, ocr, 0, size)]
    rows = np.flatnonzero(footless[2].any(1))
    footless[2][rows[-1] - round(0.15 * len(rows)):rows[-1] + 1, :] = 0  # its foot worn off: a shorter body
    assert typedfoot.i_reading("HỘT", footless, cap, pitch) is None
    img, ocr = _page("XIM", "XTM", size)  # an I's foot, but XIM is no word
    assert typedfoot.i_reading("XTM", _cells(img, ocr, 0, size), cap, pitch) is None


@pytest.mark.parametrize("size", SIZES)
def test_typed_feet_reads_a_heading_again(size: int) -> None:
    """On a heading typed in the mono face, ``HỘI``, ``TỚI`` and ``CÁI`` read with a ``T`` come back as typed (boxes
    and lines as read); the ``T`` typed in ``VIỆT``, ``KẾT`` and the first of ``TỚI`` stay."""
    typed = f"{HEADING} CÁI"
    img, ocr = _page(typed, typed.replace("HỘI", "HỘT").replace("TỚI", "TỚT").replace("CÁI", "CÁT"), size)
    out = typedfoot.typed_feet(ocr, img)
    assert out.text == typed
    assert [(w.bbox, w.line) for w in out.words] == [(w.bbox, w.line) for w in ocr.words]
    img, ocr = _page(typed, typed, size)
    assert typedfoot.typed_feet(ocr, img) is ocr  # read right: nothing changed


@pytest.mark.parametrize("size", SIZES)
def test_typed_feet_leaves_other_pages_and_words_alone(size: int) -> None:
    img, ocr = _page(HEADING, HEADING.replace("HỘI", "HỘT"), size)
    assert typedfoot.typed_feet(ocr, None) is ocr  # not a typed page
    img, ocr = _page("HỘI TỚI", "HỘT TỚT", size)
    assert typedfoot.typed_feet(ocr, img) is ocr  # too few capitals to measure the page's on
    img, ocr = _page("các hội viên", "các hột viên", size)
    assert typedfoot.typed_feet(ocr, img) is ocr  # small letters: a t is no T
    img, ocr = _page(HEADING, HEADING.replace("HỘI", "HỘIT"), size)
    assert typedfoot.typed_feet(ocr, img).words[3].text == "HỘIT"  # a box not as many cells wide as the reading


@pytest.mark.slow
def test_generated_typed_document_reads_its_i_end_to_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The second typewritten document of seed 210 (``generate.py --docs 2 --groups typewriter``: an invitation of
    Hòa Khánh, one page) through ``archivist process``: its ``CÁI``, read ``CÁT`` without the rule, is ``CÁI`` in
    the record and in the PDF/A's text layer, no truth word is lost, the page loses fewer words, and the PDF/A-1b
    passes Preflight."""
    done = typed_both_ways(tmp_path, 210, lambda: monkeypatch.setattr(pagework, "typed_feet", lambda ocr, typed: ocr),
                           doc=2)
    assert_mended(done, "CÁT", "CÁI")
