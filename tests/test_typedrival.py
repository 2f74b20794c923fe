"""A typewritten syllable making no word with its neighbours read with the engine's rival letter where that makes
one (archivist/typedrival.py): which rivals make readings, which words are read again, which are left."""

from __future__ import annotations

import numpy as np
import pytest

from archivist import typedrival
from archivist.models import Word
from archivist.ocr import OcrResult

TYPED = np.full((40, 400), 255, np.uint8)  # the rule reads no glyph: any typed image says the page is typed


def _ocr(line: str, rivals: dict[int, tuple[tuple[int, str, float, float], ...]]) -> OcrResult:
    texts = line.split(" ")
    words = [Word(t, 80.0, (10 * k, 0, 10 * k + 9, 20), 0, rivals=rivals.get(k, ())) for k, t in enumerate(texts)]
    return OcrResult(words, line, 80.0)


@pytest.mark.parametrize(("text", "rivals", "core", "want"), [
    ("tiếc", ((3, "t", 80.0, 60.0),), "tiếc", {"tiết": (3, "tiết")}),
    ("(Kể", ((2, "ế", 80.0, 60.0),), "Kể", {"kế": (1, "Kế")}),  # the edge counted in the rival's place
    ("Uy", ((0, "Ủ", 80.0, 60.0),), "Uy", {"ủy": (0, "Ủy")}),  # a capital's rival a capital
    ("uy", ((0, "Ủ", 80.0, 60.0),), "uy", {}),  # not a small letter's
    ("tiếc", ((3, "7", 80.0, 60.0), (3, "x", 80.0, 60.0)), "tiếc", {}),  # a digit; no word in use
    ("tiếc", ((9, "t", 80.0, 60.0),), "tiếc", {}),  # past the word (read otherwise by an earlier rule)
])
def test_rival_forms_are_the_words_in_use_the_rivals_make(text: str, rivals: tuple, core: str, want: dict) -> None:
    word = Word(text, 80.0, (0, 0, 10, 10), 0, rivals=rivals)
    assert typedrival.rival_forms(word, text)(core) == want


@pytest.mark.parametrize(("line", "rivals", "want"), [
    ("do thời tiếc diễn biến", {2: ((3, "t", 85.0, 60.0),)}, "do thời tiết diễn biến"),
    ("cơ quan, đen vị chịu", {2: ((1, "ơ", 85.0, 60.0),)}, "cơ quan, đơn vị chịu"),
    ("trường hợp lăn chiếm đất", {2: ((1, "ấ", 85.0, 60.0),)}, "trường hợp lấn chiếm đất"),
    ("phòng Tài chính - Kể toán", {4: ((1, "ế", 85.0, 60.0),)}, "phòng Tài chính - Kế toán"),
])
def test_typed_rivals_reads_the_rival_where_it_makes_a_word(line: str, rivals: dict, want: str) -> None:
    out = typedrival.typed_rivals(_ocr(line, rivals), TYPED)
    assert out.text == want
    assert [w.bbox for w in out.words] == [w.bbox for w in _ocr(line, rivals).words]


@pytest.mark.parametrize(("line", "rivals"), [
    ("thời tiết diễn biến", {1: ((3, "c", 85.0, 60.0),)}),  # read right: a word with its neighbour
    ("thời, tiếc diễn", {1: ((3, "t", 85.0, 60.0),)}),  # a comma between: no neighbour
    ("thời tiếc diễn", {}),  # no rival: the engine did not weigh the letter
    ("thời tiếc diễn", {1: ((0, "b", 85.0, 60.0),)}),  # a rival making no word with the neighbours
])
def test_typed_rivals_leaves_words_without_both_pieces_of_evidence(line: str, rivals: dict) -> None:
    ocr = _ocr(line, rivals)
    assert typedrival.typed_rivals(ocr, TYPED).text == line


def test_typed_rivals_leaves_other_pages_alone() -> None:
    ocr = _ocr("do thời tiếc diễn biến", {2: ((3, "t", 85.0, 60.0),)})
    assert typedrival.typed_rivals(ocr, None) is ocr
