"""A consonant a speck turned into another on a speckled page, read again (archivist/speckletters.py)."""

from __future__ import annotations

import numpy as np

from archivist.fadedread import small_runs_places
from archivist.models import Word
from archivist.ocr import OcrResult
from archivist.speckletters import consonant_reading, letter_alternatives, lone_syllables
from archivist.speckread import reread_specks


def _words(text: str, line: int = 0) -> list[Word]:
    return [Word(t, 70.0, (100 * i, 0, 100 * i + 90, 30), line) for i, t in enumerate(text.split())]


def test_letter_alternatives_change_one_consonant_and_keep_the_marks() -> None:
    assert {"hiện", "điện", "tiện"} <= letter_alternatives("biện")
    assert "công" in letter_alternatives("tông")
    assert "biển" not in letter_alternatives("biện")  # another tone: not this step's
    assert "bien" not in letter_alternatives("biện") and "biện" not in letter_alternatives("biện")


def test_only_a_syllable_in_no_word_that_one_consonant_would_put_in_one_is_asked_about() -> None:
    words = _words("để thực biện kế hoạch và của")
    # ``biện`` only: ``và``, ``của`` stand in no word, and no consonant changed makes one
    assert set(lone_syllables(words, small_runs_places(words))) == {2}
    for text in ("kéo dài thời gian",  # every syllable in a word
                 "Biện Văn Hùng biện",  # a name: capitals cut the run
                 "Kinh phí thực hiện",  # ``phí`` stands in a word with the capital before it (seed 226: ``thí``)
                 "đến hết rgày"):  # ``hết`` is in use, beside a spoilt syllable (seed 222: ``tết``)
        words = _words(text)
        assert lone_syllables(words, small_runs_places(words)) == {}, text


def test_the_new_letter_is_taken_only_from_a_reading_that_makes_a_word() -> None:
    read = ["thực", "biện", "kế"]
    assert consonant_reading(read, 1, ["biện", "hiện."]) == "hiện"
    assert consonant_reading(read, 1, ["biện", "biện"]) is None  # the image shows the letter as read: kept
    assert consonant_reading(read, 1, ["hiền"]) is None  # another tone too: no
    assert consonant_reading(["các", "tông", "trình"], 1, ["công"]) == "công"
    assert consonant_reading(["các", "tông", "việc"], 1, ["bông"]) is None  # ``bông việc`` is no word


def test_reread_specks_changes_a_letter_only_where_a_reading_shows_it() -> None:
    class Reads:
        def __init__(self, text: str) -> None:
            self.text = text

        def read_alone(self, crop: np.ndarray, dpi: float, psm: int) -> str:
            return self.text

    img = np.full((60, 800), 255, np.uint8)
    first = OcrResult(_words("để thực biện kế hoạch"), "để thực biện kế hoạch", 70.0)
    assert [w.text for w in reread_specks(Reads("hiện"), first, img, img, 300.0).words][2] == "hiện"
    assert reread_specks(Reads("biện"), first, img, img, 300.0) is first
    assert reread_specks(Reads("hiện"), first, None, img, 300.0) is first  # not a speckled page
    named = OcrResult(_words("ông Biện Văn Hùng"), "ông Biện Văn Hùng", 70.0)
    assert reread_specks(Reads("Hiện"), named, img, img, 300.0) is named
