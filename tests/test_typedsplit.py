"""A typewritten word broken apart at a worn ``h`` (archivist/typedsplit.py): which pairs are joined, the boxes' gap
on a typed page's words, and a generated typewritten document end to end through ``archivist process``."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from archivist import pagework, typedsplit
from archivist.models import Word
from archivist.ocr import OcrResult
from tests.rereadcheck import assert_mended, typed_both_ways


@pytest.mark.parametrize(("head", "tail", "want"), [
    ("ni", "ất", "nhất"), ("pi", "òng,", "phòng,"), ("ti", "ực", "thực"), ("Ni", "ân.", "Nhân."),  # joined
    ("ti", "anh", "thanh"), ("ki", "ông", "không"),
    ("ti", "êu", None), ("ti", "ền", None),  # an i broken from its word: tiêu, tiền are syllables
    ("TI", "I.", None), ("NI", "ÂN", None), ("ni", "Ân", None), ("ni", "ẤT", None), ("ni", "ấT", None),  # capitals
    (":i", "ân", None), ("!i", "ết", None), ("i", "ạnh", None), ("ri", "ân", None),  # no consonant an h follows
    ("ni", "oà::", None), ("ni", "(ân", None), ("ni", "ân2", None), ("ni", "xyz", None),  # marks, digits, no vowel
    ("ti", "ưng,", None),  # thưng: no syllable in use
])
def test_joined(head: str, tail: str, want: str | None) -> None:
    assert typedsplit.joined(head, tail) == want


def _words(*spec: tuple[str, int, int, int]) -> list[Word]:
    """Words from (text, left, right, line), 20 px a character, 30 px high."""
    return [Word(text, 90.0, (x0, 100 * line, x1, 100 * line + 30), line) for text, x0, x1, line in spec]


def test_typed_splits_joins_touching_boxes() -> None:
    """``ni ất`` whose boxes touch is ``nhất`` (the union of the boxes, the lower confidence, the rivals moved on);
    ``ti ực`` a whole space apart, and ``pi`` ``òng`` on two lines, stay."""
    words = _words(("thông", 0, 100, 0), ("ni", 120, 160, 0), ("ất", 160, 200, 0), ("ti", 240, 280, 0),
                   ("ực", 300, 340, 0), ("pi", 360, 400, 0), ("òng", 0, 60, 1))
    words[2] = Word("ất", 80.0, (160, 95, 200, 30), 0, rivals=((0, "ấ", 70.0, 60.0),))
    words[1] = Word("ni", 90.0, words[1].bbox, 0, rivals=((1, "l", 50.0, 40.0), (0, "u", 80.0, 30.0)))
    ocr = OcrResult(words, "", 90.0)
    got = typedsplit.typed_splits(ocr, np.zeros((300, 500), np.uint8))
    assert [w.text for w in got.words] == ["thông", "nhất", "ti", "ực", "pi", "òng"]
    assert got.words[1].bbox == (120, 0, 200, 30) and got.words[1].conf == 80.0
    assert got.words[1].rivals == ((0, "u", 80.0, 30.0), (2, "ấ", 70.0, 60.0))
    assert got.text == "thông nhất ti ực pi\nòng"


def test_typed_splits_leaves_other_pages_alone() -> None:
    """No typed image, no words, or no pitch (no word of four letters): unchanged."""
    ocr = OcrResult(_words(("thông", 0, 100, 0), ("ni", 120, 160, 0), ("ất", 160, 200, 0)), "thông ni ất", 90.0)
    assert typedsplit.typed_splits(ocr, None) is ocr
    short = OcrResult(_words(("ni", 120, 160, 0), ("ất", 160, 200, 0)), "ni ất", 90.0)
    assert typedsplit.typed_splits(short, np.zeros((30, 300), np.uint8)) is short
    empty = OcrResult([], "", 0.0)
    assert typedsplit.typed_splits(empty, np.zeros((30, 300), np.uint8)) is empty


@pytest.mark.slow
def test_generated_typed_document_joins_its_h_end_to_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The fifth typewritten document of seed 302 (``generate.py --docs 5 --groups typewriter``): its ``phòng`` and
    ``nhập``, read ``pi òng,`` and ``ni ập`` without the rule, are whole in the record and in the PDF/A's text layer,
    no truth word is lost, the document loses fewer words, and the PDF/A-1b passes Preflight."""
    done = typed_both_ways(tmp_path, 302, lambda: monkeypatch.setattr(pagework, "typed_splits", lambda ocr, typed: ocr),
                           doc=5)
    assert_mended(done, "pi", "phòng,")
    assert done.read["with"]["nhập"] == done.read["without"]["nhập"] + 1
