"""A consonant a speck turned into another on a speckled page, read again (archivist/speckletters.py)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from archivist.fadedread import small_runs_places
from archivist.models import Word
from archivist.ocr import OcrResult, make_engine
from archivist.speckletters import consonant_reading, letter_alternatives, lone_syllables
from archivist.speckread import reread_specks
from tests.drawnline import drawn_parts
from tests.steprun import first_page_with_and_without, gain_and_layer


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
    def Reads(text: str) -> SimpleNamespace:  # noqa: N802 (an engine that reads every crop as ``text``)
        return SimpleNamespace(read_alone=lambda crop, dpi, psm: text)

    img = np.full((60, 800), 255, np.uint8)
    first = OcrResult(_words("để thực biện kế hoạch"), "để thực biện kế hoạch", 70.0)
    assert [w.text for w in reread_specks(Reads("hiện"), first, img, img, 300.0).words][2] == "hiện"
    assert reread_specks(Reads("biện"), first, img, img, 300.0) is first
    assert reread_specks(Reads("hiện"), first, None, img, 300.0) is first  # not a speckled page
    named = OcrResult(_words("ông Biện Văn Hùng"), "ông Biện Văn Hùng", 70.0)
    assert reread_specks(Reads("Hiện"), named, img, img, 300.0) is named


def test_tesseract_reads_the_drawn_consonant_back() -> None:
    """``thực hiện kế hoạch`` drawn right, ``hiện`` taken as ``biện``: read again alone by the real Tesseract it
    comes back ``hiện``; drawn ``biện`` (so the image shows the ``b``), it is kept."""
    engine = make_engine()
    parts = [("thực", "thực", 40), ("biện", "hiện", 160), ("kế", "kế", 290), ("hoạch", "hoạch", 360)]
    image, words = drawn_parts(parts)
    out = reread_specks(engine, OcrResult(words, "thực biện kế hoạch", 80.0), image, image, 240.0)
    assert [w.text for w in out.words] == ["thực", "hiện", "kế", "hoạch"]
    image, words = drawn_parts([(text, text, x) for text, _, x in parts])
    kept = OcrResult(words, "thực biện kế hoạch", 80.0)
    assert [w.text for w in reread_specks(engine, kept, image, image, 240.0).words][1] == "biện"


@pytest.mark.slow
def test_generated_speckled_page_reads_its_consonant_end_to_end(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """A generated speckled page (seed 222, a fit seed of the session: the third document's first page, 200 dpi,
    JPEG) through ``archivist process``: ``thực hiện.``, read ``thực biện.`` without the step (a speck on the ``h``),
    is right in the record and in the PDF/A's text layer; the page loses fewer words, and the PDF/A-1b passes
    Preflight. (The reading without the step is made in this process, where it can be switched off: the command
    reads pages in a fork server's workers.)"""
    from archivist import speckread
    from samples.generate import generate

    (doc,) = generate(tmp_path / "set", seed=222, n_docs=3, groups=["speckle"], only=[2])
    truth = doc["pages"][0]["text"]
    assert "thực hiện." in truth
    scans = tmp_path / "set" / "scans"
    for path in sorted(scans.rglob("*.jpg")):  # the one page: the other documents and page 2 cost minutes
        if not (path.parent.name.startswith("speckle-03") and path.name == "page-001.jpg"):
            path.unlink()
    texts = first_page_with_and_without(scans, tmp_path, lambda: monkeypatch.setattr(
        speckread, "lone_syllables", lambda words, place: {}))
    assert "thực biện." in texts["without"]
    assert "thực hiện." in texts["with"] and "biện." not in texts["with"].split()
    layer = gain_and_layer(truth, texts, tmp_path / "with")
    assert "hiện." in layer and "biện." not in layer
