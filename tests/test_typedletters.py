"""A typewritten page's letters read again where the worn type may have been read as another letter
(archivist/typedletters.py, called by archivist/typedread.py): which words are asked, which second reading is taken
(the doubted glyph only, to a word Vietnamese uses, never ``l`` made ``t`` nor an abbreviation or a number touched);
and a generated typewritten document end to end through ``archivist process``."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from archivist import typedletters, typedread
from archivist.metrics import words
from samples.layout import typeface
from tests.pdfcheck import assert_valid_pdfa
from tests.pdfpages import pdftotext
from tests.rereadcheck import assert_read_again, typed_both_ways_older, typed_rules_off
from tests.test_fadedread import _strip


@pytest.mark.parametrize(("word", "asked"), [
    ("tực", True),  # l read t: lực is a word
    ("rgày", True), ("THẠ%H", True), ("cöa", True), ("TÂH", True),  # no word at all
    ("tại", True),  # a t whose l makes a word (lại): read again, kept unless a reading says l
    ("ngày", False), ("lập", False), ("Hà", False),  # words, with no t, r or T whose letter makes one
    ("VT,", False), ("II.", False), ("UBND", False),  # abbreviations and Roman numerals
    ("2086", False), ("1T.", False), ("", False),  # numbers are typedread's zeros' only
])
def test_asked_words_that_make_no_word_or_hold_a_letter_the_type_is_read_as(word: str, asked: bool) -> None:
    assert typedletters.asked(word) is asked


@pytest.mark.parametrize(("read", "again", "taken"), [
    ("tực", "lực", True), ("tượt,", "lượt,", True), ("rgày", "ngày", True), ("HỘT", "HỘI", True),
    ("THẠ%H", "THẠNH", True), ("cöa", "của", True), ("Truig", "Trung", True),  # no word: any letter for the glyph
    ("lập", "tập", False), ("ngày", "rgày", False),  # never the other way: that is the engine's slip
    ("tại", "lại;", False), ("tực", "lục", False), ("tực", "lựa", False),  # more than the one glyph
    ("tại", "hại", False),  # a word, and h is no letter a typed t is read for
    ("VT,", "VI,", False), ("II.", "TI.", False),  # abbreviations and Roman numerals stay
    ("1T.", "1I.", False), ("2086", "2006", False),  # a word with a digit: not a letter's
    ("Nâ¡i", "NA¡i", False),  # what is left is no word
    ("cöa", "c:a", False),  # the glyph read again is no letter
    ("tực", "tực", False),
])
def test_letter_taken_only_for_the_doubted_glyph(read: str, again: str, taken: bool) -> None:
    assert typedletters.letter_taken(read, again) is taken


def test_letter_reading_takes_the_reading_most_views_give() -> None:
    assert typedletters.letter_reading("rhân", ["nhân", "rhân", "nhân"]) == "nhân"
    assert typedletters.letter_reading("Truig", ["Trung", "Truing", "Trunh"]) == "Trung"
    assert typedletters.letter_reading("tực", ["tực", "lực", "tục"]) == "lực"
    assert typedletters.letter_reading("lập", ["tập", "tập", "lập"]) is None
    assert typedletters.letter_reading("tại", []) is None


@pytest.mark.parametrize(("typed", "read", "kept"), [("lúc", "túc", "lúc"), ("lên", "tên", "lên"),
                                                     ("ngày", "rgày", "ngày"), ("dân", "dâr", "dân"),
                                                     ("THẠNH", "THẠ%H", "THẠNH"), ("TỚI", "TỚT", "TỚI"),
                                                     ("MINH", "MTNH", "MINH"), ("tập", "tập", "tập"),
                                                     ("tại", "tại", "tại")])
def test_reread_typed_reads_the_letters_again_from_the_page(typed: str, read: str, kept: str) -> None:
    """Tesseract itself reads the crops of words typed at 300 dpi in the generator's typewriter face: the printed
    letter is taken for the one a first reading had; a typed ``t`` stays a ``t``."""
    with typeface("mono"):
        img, box = _strip(typed)
    assert_read_again(typedread.reread_typed, img, box, read, kept)


@pytest.mark.slow
def test_generated_typed_document_reads_its_letters_end_to_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A generated typewritten document (seed 3, ``--groups typewriter``: two 300 dpi pages in the worn mono face)
    through ``archivist process``: the ``n`` its type leaves read ``r`` (``rhân``, ``riên``, ``côrg``) without the
    letters' second reading comes back right in the record and in the PDF/A's text layer, the pages lose fewer
    words, and the PDF/A-1b passes Preflight. (The reading without it is made in this process, where it can be
    switched off: the command reads pages in a fork server's workers.)"""
    phrases_off = typed_rules_off(monkeypatch, "typed_phrases")  # typedphrase (session 48) reads rhân back too
    done = typed_both_ways_older(tmp_path, 3, lambda: (monkeypatch.setattr(typedread, "asked", lambda text: False),
                                                 phrases_off()))
    read, errors, want = done.read, done.errors, done.want
    slips = ("rhân", "riên", "côrg")
    assert not any(want[w] for w in slips) and want["nhân"] and want["niên"] and want["công"]
    assert sum(read["without"][w] for w in slips) >= 2
    assert not any(read["with"][w] for w in slips)
    fixed = sum(read["with"][w] - read["without"][w] for w in ("nhân", "niên", "công"))
    assert fixed >= 2 and errors["with"] < errors["without"], (fixed, errors)
    layer = Counter(w for k in range(1, len(done.pages) + 1) for w in words(pdftotext(done.pdf, k)))
    assert not any(layer[w] for w in slips) and layer["nhân"] == read["with"]["nhân"]
    assert_valid_pdfa(done.archive)
