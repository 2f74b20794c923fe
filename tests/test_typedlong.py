"""A typewritten word in use read inside a set phrase of three words or more (archivist/typedlong.py): which words
are read as the phrase's, which are left, and the rule on a typed line."""

from __future__ import annotations

import pytest

from archivist import typedlong
from tests.test_typedring import AROUND, SIZES, _page, assert_left_alone, assert_read_back


def _ask(line: str, k: int, lines: list[int] | None = None) -> str | None:
    texts = line.split(" ")
    return typedlong.long_slip(texts, lines or [0] * len(texts), k)


@pytest.mark.parametrize(("line", "k", "want"), [
    ("của Ủy ban nhân sân huyện", 4, "dân"),  # a letter for another, a word in use
    ("Ủy ban nhân sân,", 3, "dân,"),  # edge punctuation kept
    ("trên địa nàn xã", 2, "bàn"),
    ("của Ủy bon nhân dân", 2, "ban"),  # a vowel for another
    ("Hội nông sân xã", 2, "dân"),  # the phrase's first word capitalised
    ("Sân", 0, None),  # no phrase
    ("nhân sân", 1, None),  # a two-word phrase says nothing (nhân thân, nhân dân)
    ("Ủy ban nhân dân", 3, None),  # read right
    ("trên địa bản", 2, None),  # a tone alone: phrasefix's (a village's Phó trưởng bản)
    ("Ủy ban nhân tấn", 3, None),  # a letter and a mark: two glyphs
    ("Ủy ban nhân thân", 3, None),  # a letter more: not one glyph
    ("Ủy ban nhân, sân", 3, None),  # punctuation inside the phrase
    ("Ủy bạn nhân sân", 3, None),  # another word of the phrase misread too
    ("ỦY BAN NHÂN SÂN", 3, None),  # capitals: a heading's word is asked no letter
])
def test_long_slip_reads_a_phrase_word_one_letter_away(line: str, k: int, want: str | None) -> None:
    assert _ask(line, k) == want


def test_long_slip_asks_the_phrase_on_the_word_s_line_only() -> None:
    assert _ask("Ủy ban nhân sân", 3, [0, 0, 1, 1]) is None


@pytest.mark.parametrize(("read", "word", "near"), [
    ("sân", "dân", True), ("đan", "ban", True), ("bon", "ban", True), ("chúc", "chức", True),
    ("bản", "ban", False), ("tấn", "dân", False), ("thân", "dân", False), ("dân", "dân", False),
    ("ngâm", "ngân", True), ("tá", "tế", False),
])
def test_one_letter_away(read: str, word: str, near: bool) -> None:
    assert typedlong.one_letter_away(read, word) is near


@pytest.mark.parametrize("size", SIZES)
def test_typed_long_reads_the_phrase_word_back(size: int) -> None:
    """On a typed line, ``Ủy ban nhân dân`` read ``nhân sân`` comes back (boxes and lines as read), no glyph asked."""
    typed = "của Ủy ban nhân dân trên địa bàn"
    read = "của Ủy ban nhân sân trên địa nàn"
    assert_read_back(typedlong.typed_long, f"{AROUND} {typed}", f"{AROUND} {read}", f"{AROUND} {typed}", size)


@pytest.mark.parametrize("size", SIZES[:1])
def test_typed_long_leaves_other_pages_alone(size: int) -> None:
    """Off a typed page nothing is read; on one, nothing is asked of a phrase read right."""
    img, ocr = _page(f"{AROUND} Ủy ban nhân sân", f"{AROUND} Ủy ban nhân sân", size)
    assert typedlong.typed_long(ocr, None) is ocr  # not a typed page
    assert_left_alone(typedlong.typed_long, "Ủy ban nhân dân", "Ủy ban nhân dân", size)
