"""A typewritten word one letter short of a long set phrase's word (archivist/typedroom.py): which words are asked,
the room a word stands in on its line, and the rule on a line typed in the mono face: a lost letter's cell kept comes
back, a word typed short is left."""

from __future__ import annotations

from pathlib import Path

import pytest

from archivist import typedroom
from archivist.models import Word
from tests.rereadcheck import assert_mended, typed_both_ways, typed_rules_off
from tests.test_typedring import AROUND, SIZES, _page, assert_read_back


def _ask(line: str, k: int, lines: list[int] | None = None) -> str | None:
    texts = line.split(" ")
    return typedroom.short_slip(texts, lines or [0] * len(texts), k)


@pytest.mark.parametrize(("line", "k", "want"), [
    ("của Ủy ban hân dân huyện", 3, "nhân"),  # the first letter lost
    ("Ủy ban nhân dâ,", 3, "dân,"),  # the last, edge punctuation kept
    ("trên địa àn xã", 2, "bàn"),
    ("Ủy an nhân dân", 1, "ban"),
    ("Hội nông ân xã", 2, "dân"),  # the phrase's first word capitalised
    ("Ủy ban nhân dân", 2, None),  # read right
    ("nhân ân", 1, None),  # a two-word phrase says nothing
    ("Ủy ban hâ dân", 2, None),  # two letters lost
    ("Ủy ban, hân dân", 2, None),  # punctuation inside the phrase
    ("Ủy bạn hân dân", 2, None),  # another word of the phrase misread too
    ("ỦY BA NHÂN DÂN", 1, "BAN"),  # a heading's word in capitals
    ("ỦY Ba NHÂN DÂN", 1, "Ban"),  # its case as read
    ("Ủy ban nhân sân", 3, None),  # a letter for another: typedlong's
])
def test_short_slip_reads_a_phrase_word_a_letter_short(line: str, k: int, want: str | None) -> None:
    assert _ask(line, k) == want


def test_short_slip_asks_the_phrase_on_the_word_s_line_only() -> None:
    assert _ask("Ủy ban hân dân", 2, [0, 0, 1, 1]) is None


@pytest.mark.parametrize(("read", "word", "lost"), [
    ("hân", "nhân", True), ("nhâ", "nhân", True), ("nân", "nhân", True), ("an", "ban", True),
    ("hn", "nhân", False), ("nhân", "nhân", False), ("sân", "nhân", False), ("nhâm", "nhân", False),
])
def test_lost_one(read: str, word: str, lost: bool) -> None:
    assert typedroom.lost_one(read, word) is lost


def _words(spans: list[tuple[int, str]], line: int = 0) -> tuple[list[Word], list[str]]:
    """Words typed at ``pitch`` 10 from the cell each starts at, one line."""
    return [Word(t, 90.0, (10 * at, 0, 10 * (at + len(t)) - 2, 20), line) for at, t in spans], [t for _, t in spans]


def test_step_and_room_count_cells_from_the_neighbours_left_edges() -> None:
    """A line typed at a pitch of 10: the step is 10; ``hân`` standing where ``nhân`` was typed has a cell more than
    its letters, one typed short none; a word with no neighbour on its line on either side has no room measured."""
    line = "của Ủy ban nhân dân huyện Yên Bình tỉnh Yên Bái"
    spans, at = [], 0
    for t in line.split(" "):
        spans.append((at, t))
        at += len(t) + 1
    words, texts = _words(spans)
    assert typedroom.step(words, texts) == pytest.approx(10)
    lost = [(a, "hân") if t == "nhân" else (a, t) for a, t in spans]
    words, texts = _words(lost)
    assert typedroom.room(words, texts, 3, 10.0) - len("hân") == pytest.approx(1)
    short = [(a if a < 11 else a - 1, "hân" if t == "nhân" else t) for a, t in spans]
    words, texts = _words(short)
    assert typedroom.room(words, texts, 3, 10.0) - len("hân") == pytest.approx(0)
    assert typedroom.room(words, texts, 0, 10.0) is None
    words[4] = Word("dân", 90.0, words[4].bbox, 1)
    assert typedroom.room(words, texts, 3, 10.0) is None
    assert typedroom.step(words[:5], texts[:5]) is None  # too few pairs to say


@pytest.mark.parametrize("size", SIZES)
def test_typed_rooms_reads_the_lost_letter_back(size: int) -> None:
    """On a typed line, ``Ủy ban nhân dân`` read ``ban hân dân`` (the n's cell kept) comes back, boxes and lines as
    read; the same words typed short (no cell for the letter) are left, and so is the page off a typed one."""
    typed = "của Ủy ban nhân dân trên địa bàn xã"
    read = "của Ủy ban hân dân trên địa bàn xã"
    assert_read_back(typedroom.typed_rooms, f"{AROUND} {typed}", f"{AROUND} {read}", f"{AROUND} {typed}", size)
    img, ocr = _page(f"{AROUND} {read}", f"{AROUND} {read}", size)
    assert typedroom.typed_rooms(ocr, img) is ocr  # typed short: no room
    img, ocr = _page(f"{AROUND} {typed}", f"{AROUND} {read}", size)
    assert typedroom.typed_rooms(ocr, None) is ocr  # not a typed page


@pytest.mark.slow
def test_generated_typed_document_reads_its_lost_letter_end_to_end(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Fit seed 532's first typewritten document (``--docs 8``: an invitation of Hòa Bình, one page) through
    ``archivist process``: read without :mod:`archivist.typedroom` (and :mod:`archivist.typedbowl`), its ``Ủy ba nhân
    dân`` lost the ``n`` of ``ban`` with its cell kept; with them it is ``ban`` in the record and in the PDF/A's text
    layer, no truth word is lost, fewer are, and the PDF/A-1b passes Preflight."""
    done = typed_both_ways(tmp_path, 532, typed_rules_off(monkeypatch, "typed_rooms", "typed_bowls"), doc=1, docs=8)
    assert_mended(done, "ba", "ban")
