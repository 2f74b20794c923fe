"""A typewritten word that makes no word taken as its reading alone where that is a word in use a letter or two away
(archivist/typedwords.py, called by archivist/typedread.py): which readings are taken, the words typed in the
generator's typewriter face read with the real Tesseract, and a generated typewritten document end to end through
``archivist process``."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from archivist import typedread, typedwords
from archivist.metrics import words
from samples.layout import typeface
from tests.pdfcheck import assert_valid_pdfa
from tests.pdfpages import pdftotext
from tests.rereadcheck import assert_read_again, typed_both_ways
from tests.test_fadedread import _strip


@pytest.mark.parametrize(("read", "again", "taken"), [
    ("t!:áng", "tháng", True), ("tỉ:ôn", "thôn", True), ("pi:ương", "phương", True),  # a glyph read as two
    ("nụuành,", "ngành,", True), ("Tùi:g,", "Tùng,", True),  # the edge punctuation kept
    ("ngnèc,", "nghèo,", True), ("niữug", "những", True), ("Hg,", "Hưng,", True),  # two edits
    ("N?iÂN", "NHÂN", True), ("VYIỆT", "VIỆT", True),
    ("tháng", "thánh", False),  # the first reading is a word: not this rule's
    ("t!:áng", "tháng.", False), ("Tùi:g,", "Tùng", False),  # the edge punctuation changed
    ("rrtđỉnh", "nình", False),  # more than two edits
    ("Ltở", "ở", False),  # two letters shorter: a letter lost, not a glyph mended
    ("t", "tụ", False),  # one glyph is too little to go on
    ("KTIM", "KIm", False),  # no word a typist prints
    ("crức", "Chức", False),  # small letters read again as a capital
    ("Q:ang", "gang", False),  # a name's first letter read again as another
    ("t!:áng", "t!áng", False), ("thz", "thxy", False),  # no word in use
    ("2O09", "2009", False),  # a number is typedread's zeros'
    ("(b/c)", "(be)", False), ("V/v", "Vv", False),  # a code's stroke between letters: not a word misread
])
def test_word_taken_only_a_word_in_use_near_a_reading_that_makes_none(read: str, again: str, taken: bool) -> None:
    assert typedwords.word_taken(read, again) is taken


def test_word_reading_takes_the_reading_most_views_give() -> None:
    assert typedwords.word_reading("t!:áng", ["tháng", "thánh", "tháng"]) == "tháng"
    assert typedwords.word_reading("niê»z", ["niên:", "niên:", "niêm"]) == "niêm"  # the others change its edge
    assert typedwords.word_reading("Ltở", ["ở", "ở", "ở"]) is None
    assert typedwords.word_reading("t!:áng", []) is None


@pytest.mark.parametrize(("typed", "read", "kept"), [("tháng", "t!:áng", "tháng"), ("thôn", "tỉ:ôn", "thôn"),
                                                     ("ngành,", "nụuành,", "ngành,"), ("những", "niữug", "những"),
                                                     ("Quang", "Q:ang", "Quang")])
def test_reread_typed_takes_the_word_read_alone(typed: str, read: str, kept: str) -> None:
    """Tesseract itself reads the crops of words typed at 300 dpi in the generator's typewriter face: a first
    reading that made no word, a glyph read as two, comes back as typed."""
    with typeface("mono"):
        img, box = _strip(typed)
    assert_read_again(typedread.reread_typed, img, box, read, kept)


@pytest.mark.slow
def test_generated_typed_document_reads_its_split_glyphs_end_to_end(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The fifth typewritten document of seed 184 (``generate.py --docs 5 --groups typewriter``: the minutes of
    Thạnh Lợi, one page) through ``archivist process``: its ``thôn`` and ``Tùng,``, read ``tỉ:ôn`` and ``Tùi:g,``
    (a broken ``h`` and ``n`` read as two glyphs) without the reading alone taken, are right in the record and in the
    PDF/A's text layer, no truth word is lost, the page loses fewer, and the PDF/A-1b passes Preflight."""
    done = typed_both_ways(tmp_path, 184, lambda: monkeypatch.setattr(typedread, "word_reading",
                                                                      lambda read, readings: None), doc=5)
    read, want = done.read, done.want
    assert read["without"]["tỉ:ôn"] + read["without"]["Tùi:g,"] >= 1, read["without"]
    assert read["with"]["tỉ:ôn"] == read["with"]["Tùi:g,"] == 0
    assert read["with"]["thôn"] + read["with"]["Tùng,"] > read["without"]["thôn"] + read["without"]["Tùng,"]
    assert all(min(read["with"][w], n) >= min(read["without"][w], n) for w, n in want.items())
    assert done.errors["with"] < done.errors["without"], done.errors
    layer = Counter(w for k in range(1, len(done.pages) + 1) for w in words(pdftotext(done.pdf, k)))
    assert layer["thôn"] == read["with"]["thôn"] and layer["Tùng,"] == read["with"]["Tùng,"]
    assert_valid_pdfa(done.archive)
