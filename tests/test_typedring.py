"""A typewritten ``o`` read ``e`` in a word none uses, told by the glyph's missing bar (archivist/typedring.py): which
words are asked, the bar measured on glyphs typed in the mono face, a typed line, and a generated typewritten document
end to end through ``archivist process``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from archivist import pagework, typedring
from archivist.models import Word
from archivist.ocr import OcrResult
from tests.rereadcheck import assert_mended, typed_both_ways
from tests.test_typedcase import _typed_line

SIZES = [39, 58]  # 14 pt at 200 and 300 dpi
#: capitals and small letters enough for the page's heights to be measured
AROUND = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM giao cho các xã như sau"


@pytest.mark.parametrize(("read", "want"), [
    ("thên", (2, "thôn")), ("Thếng", (2, "Thống")), ("Lệc", (1, "Lộc")), ("rẹng", (1, "rộng")),  # ê -> ô, e -> ô
    ("xém", (1, "xóm")), ("(thên,", (3, "(thôn,")),  # e -> o; edge punctuation kept
    ("đẹng", None),  # đọng and động: which one, the glyph cannot say
    ("hệ", None), ("thêm", None),  # words in use: never asked
    ("xyz", None), ("e", None), ("thên2", None),  # no e making a word; one letter; a digit
])
def test_candidate_is_the_one_o_making_a_word_in_use(read: str, want: tuple[int, str] | None) -> None:
    assert typedring.candidate(read) == want


def _page(typed: str, read: str, size: int) -> tuple[np.ndarray, OcrResult]:
    img, boxes = _typed_line(typed, size)
    return img, OcrResult([Word(r, 90.0, b, 0) for r, b in zip(read.split(" "), boxes, strict=True)], read, 90.0)


def assert_read_back(rule: Callable[[OcrResult, np.ndarray], OcrResult], typed: str, read: str, want: str,
                     size: int) -> None:
    """``rule`` on ``typed`` typed in the mono face at ``size`` and read ``read`` gives ``want``, each word's box and
    line as read (shared by the typed rules' tests)."""
    img, ocr = _page(typed, read, size)
    out = rule(ocr, img)
    assert out.text == want
    assert [(w.bbox, w.line) for w in out.words] == [(w.bbox, w.line) for w in ocr.words]


@pytest.mark.parametrize("size", SIZES)
def test_barless_tells_an_o_from_an_e(size: int) -> None:
    """Across the middle of its body the mono face's ``o`` shows two strokes, its ``e`` a bar."""
    from archivist.typedupper import glyph_cells

    img, ocr = _page("thôn thên", "thôn thên", size)
    pitch = 0.6 * size
    o_cells, _ = glyph_cells(img, ocr.words[0].bbox, 4, pitch)
    e_cells, _ = glyph_cells(img, ocr.words[1].bbox, 4, pitch)
    small = typedring.body_of(o_cells[3])[0]  # the n: a small letter's body
    assert typedring.barless(o_cells[2], small, pitch)
    assert not typedring.barless(e_cells[2], small, pitch)
    assert not typedring.barless(o_cells[2], 2 * small, pitch)  # a body far from the small letters': not measured
    assert not typedring.barless(np.zeros((30, 12), np.uint8), small, pitch)


@pytest.mark.parametrize("size", SIZES)
def test_typed_rings_reads_an_o_again(size: int) -> None:
    """On a line typed in the mono face, ``thôn``, ``Thống`` and ``rộng`` read ``thên``, ``Thếng``, ``rẹng`` come back
    as typed (boxes and lines as read); a typed ``thên`` (its ``e`` crossed by the bar) and the words in use stay."""
    typed = f"{AROUND} thôn Thống rộng thên"
    read = f"{AROUND} thên Thếng rẹng thên"
    assert_read_back(typedring.typed_rings, typed, read, f"{AROUND} thôn Thống rộng thên", size)


@pytest.mark.parametrize("size", SIZES)
def test_typed_rings_leaves_other_pages_alone(size: int) -> None:
    assert_left_alone(typedring.typed_rings, "thôn", "thên", size)


def assert_left_alone(rule: Callable[[OcrResult, np.ndarray | None], OcrResult], typed: str, read: str,
                      size: int) -> None:
    """``rule`` returns the page as read where it is not a typed page, where nothing is asked (``typed`` read
    right) and where the page has too few letters for their heights (shared by the typed rules' tests)."""
    img, ocr = _page(f"{AROUND} {typed}", f"{AROUND} {read}", size)
    assert rule(ocr, None) is ocr  # not a typed page
    img, ocr = _page(f"{AROUND} {typed}", f"{AROUND} {typed}", size)
    assert rule(ocr, img) is ocr  # nothing asked
    img, ocr = _page(f"giao {typed}", f"giao {read}", size)
    assert rule(ocr, img) is ocr  # too few letters to measure the page's heights on


@pytest.mark.slow
def test_generated_typed_document_reads_its_o_end_to_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The fourth typewritten document of seed 210 (``generate.py --docs 4 --groups typewriter``: a decision of Cẩm
    Thạch, two pages) through ``archivist process``: its ``xóm``, read ``xém`` without the rule, is ``xóm`` in the
    record and in the PDF/A's text layer, no truth word is lost, the pages lose fewer words, and the PDF/A-1b passes
    Preflight."""
    done = typed_both_ways(tmp_path, 210, lambda: monkeypatch.setattr(pagework, "typed_rings", lambda ocr, typed: ocr),
                           doc=4)
    assert_mended(done, "xém", "xóm")
