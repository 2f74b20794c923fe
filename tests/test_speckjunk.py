"""A speck read as a token of letters of its own on a speckled page, dropped where its box and its ink are lower than
any printed letter (archivist/speckjunk.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np
import pytest

from archivist.models import Word
from archivist.ocr import OcrResult
from archivist.speckjunk import drop_speck_letters, is_speck_letters
from archivist.specklone import page_word_height
from tests.drawnline import drawn_parts


def _ocr(words: list[Word]) -> OcrResult:
    return OcrResult(words, " ".join(w.text for w in words), 80.0)


def _line(text: str, ink: str) -> tuple[np.ndarray, list[Word]]:
    """``nhân dân TEXT công tác``: ``text`` read between the words, its ink drawn as ``ink``: a round ``speck``, a
    thin ``rule`` piece, or a letter ``v`` drawn by the font whose box the engine cut to its top (``cut``)."""
    parts = [("nhân", "nhân", 10), ("dân", "dân", 120), ("công", "công", 300), ("tác", "tác", 410)]
    if ink == "cut":
        image, words = drawn_parts([*parts[:2], (text, "v", 240), *parts[2:]])
        x0, y0, x1, _ = words[2].bbox
        words[2] = Word(text, 40.0, (x0, y0, x1, y0 + 3), 0, baseline=words[2].baseline)
        return image, words
    image, words = drawn_parts(parts)
    image = image.copy()
    base = words[0].baseline or 0
    if ink == "speck":
        cv2.circle(image, (240, base - 12), 3, 0, -1)
        box = (237, base - 15, 244, base - 8)
    else:
        cv2.rectangle(image, (205, base - 14), (285, base - 12), 0, -1)
        box = (205, base - 14, 286, base - 11)
    return image, [*words[:2], Word(text, 40.0, box, 0, baseline=base), *words[2:]]


def test_a_speck_read_as_letters_goes() -> None:
    for text, ink in (("Yz", "speck"), ("ì", "speck"), ("ZSIyNo", "rule"), ("Tng", "rule")):
        image, words = _line(text, ink)
        assert is_speck_letters(image, words, 2, page_word_height(words) or 0), text
        out = drop_speck_letters(_ocr(words), image, image)
        assert [w.text for w in out.words] == ["nhân", "dân", "công", "tác"]
        assert out.text == "nhân dân công tác"


def test_a_letter_whose_box_was_cut_stays() -> None:
    image, words = _line("vz", "cut")  # the box 3 px high, the v's ink under it a letter's height
    assert words[2].bbox[3] - words[2].bbox[1] == 3
    first = _ocr(words)
    assert drop_speck_letters(first, image, image) is first


def test_numbers_marks_words_on_a_rule_and_glued_tokens_stay() -> None:
    image, words = _line("Yz", "speck")
    height = page_word_height(words) or 0
    for text in ("7", "a7", "-"):  # a number, a mark (specklone's)
        other = [*words[:2], Word(text, 40.0, words[2].bbox, 0), *words[3:]]
        assert not is_speck_letters(image, other, 2, height), text
    for text in ("tế", "ở", "UBND"):  # a word: kept where the box is a rule's piece, only a speck's both ways taken
        other = [*words[:2], Word(text, 40.0, words[2].bbox, 0), *words[3:]]
        assert is_speck_letters(image, other, 2, height), text
        ruled, lined = _line(text, "rule")
        assert not is_speck_letters(ruled, lined, 2, height), text
    glued_and_unspeckled_stay(is_speck_letters, drop_speck_letters, image, words)


def glued_and_unspeckled_stay(test: Callable[[np.ndarray, list[Word], int, float], bool],
                              drop: Callable[[OcrResult, np.ndarray | None, np.ndarray], OcrResult],
                              image: np.ndarray, words: list[Word]) -> None:
    """The speck read as word 2 of ``words`` stays where its box touches its left neighbour's (ink glued to a word
    is the word's), and the page is left as read where it is not speckled (``unsmoothed`` None): the two guards
    every speck-token step (``test``, ``drop``) shares with :func:`archivist.specklone.drop_tokens`."""
    glued = list(words)
    x0, y0, _, y1 = glued[1].bbox
    glued[1] = Word("dân", 80.0, (x0, y0, glued[2].bbox[0] + 1, y1), 0, baseline=glued[1].baseline)
    assert not test(image, glued, 2, page_word_height(words) or 0)  # touching its neighbour: the word's
    first = _ocr(words)
    assert drop(first, None, image) is first  # not a speckled page


@pytest.mark.slow
def test_generated_speckled_page_drops_its_speck_letters_end_to_end(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """A generated speckled page (seed 362, a fit seed of the session: the first document, a decision, 200 dpi, JPEG)
    through ``archivist process``: without the step its reading holds ``Yz``, a speck in the signature block's gap
    read as letters in a box of 4 by 3 pixels; with it the token is gone from the record and the PDF/A's text layer,
    the page's word error in reading order is lower, no word of the truth is lost, and the PDF/A-1b passes
    Preflight."""
    from collections import Counter

    from archivist import pagework
    from archivist.metrics import words
    from bench.groups import ordered_word_error
    from samples.generate import generate
    from tests.pdfcheck import assert_valid_pdfa
    from tests.pdfpages import pdftotext
    from tests.steprun import first_page_with_and_without

    (doc,) = generate(tmp_path / "set", seed=362, n_docs=8, groups=["speckle"], only=[0])  # its first page, as run
    truth = doc["pages"][0]["text"]
    assert "Yz" not in truth
    scans = tmp_path / "set" / "scans"  # the first document only is written and read

    def switch_off() -> None:
        monkeypatch.setattr(pagework, "drop_speck_letters", lambda ocr, unsmoothed, image: ocr)

    texts = first_page_with_and_without(scans, tmp_path, switch_off)
    assert "Yz" in texts["without"].split()
    assert "Yz" not in texts["with"].split()
    assert ordered_word_error(truth, texts["with"]) < ordered_word_error(truth, texts["without"])
    lost = {name: Counter(words(truth)) - Counter(words(text)) for name, text in texts.items()}
    assert lost["with"] == lost["without"], lost
    assert_valid_pdfa(tmp_path / "with")
    (pdf,) = (tmp_path / "with" / "documents").glob("*.pdf")
    assert "Yz" not in pdftotext(pdf, 1).split()
