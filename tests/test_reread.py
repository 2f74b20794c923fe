"""A faded page's weak lines read a second time and judged by their words (archivist/reread.py, wordlist.py),
on generated pages with real Tesseract: the faded page's kept lines are each judged higher than their first
reading and the page reads no worse; a speckled page is read once, as before."""

from __future__ import annotations

import os

import numpy as np
import pytest

from archivist import reread, restore
from archivist.cells import read_page
from archivist.metrics import bag_of_words_error
from archivist.models import Word
from archivist.ocr import OcrResult, TesserocrEngine
from archivist.pagework import _read
from archivist.wordlist import canon, load
from tests.hardpages import first_pages


def test_word_list_tells_a_faded_misreading_by_its_words() -> None:
    lex = load()
    assert canon("uỷ") == canon("ỦY") and canon("hoà") == canon("hòa")  # the list's tone placement and the page's
    assert lex.covered("ỦY BAN NHÂN DÂN".split()) == 4
    assert lex.covered("ỦY BẠN NHÂN DÂN".split()) == 2  # BẠN is a syllable, but ủy bạn is no word
    assert lex.prior(["hai"]) > lex.prior(["nai"])  # hai stands in more words than nai

    def line(text: str, conf: float) -> list[Word]:
        return [Word(t, conf, (0, 0, 1, 1), 1) for t in text.split()]
    # a reading Tesseract is a little surer of loses to one whose syllables make the words
    assert reread.judged(line("ỦY BAN NHÂN DÂN", 80)) > reread.judged(line("ỦY BẠN NHÂN DÂN", 84))


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[np.ndarray, float, str]]:
    """The first page of one faded and one speckled generated document, upright, with its dpi and text."""
    return first_pages(tmp_path_factory.mktemp("reread"), 3, ["faded", "speckle"])


@pytest.fixture(scope="module")
def engine() -> TesserocrEngine:
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    return TesserocrEngine()


def _first(engine: TesserocrEngine, up: np.ndarray, dpi: float) -> tuple[restore.Prepared, OcrResult]:
    prep = restore.prepare(up, dpi)
    ocr = restore.on_page(read_page(engine, prep.image, prep.dpi, prep.grids), prep.scale)
    return prep, restore.faint_reading(ocr, prep)


def test_faded_page_weak_lines_read_again_judged_by_words(pages: dict, engine: TesserocrEngine) -> None:
    up, dpi, text = pages["faded"]
    prep, first = _first(engine, up, dpi)
    assert "clahe" in prep.steps, "the generated faded page is one prepare raises the contrast of"
    before = reread.lines_of(first.words)
    weak = [n for n, ws in before.items() if reread.weak(ws)]
    assert weak, "the generated faded page has weak lines"
    second = reread.second_reading(engine, first, prep)
    after = reread.lines_of(second.words)
    assert set(after) == set(before)
    changed = [n for n in weak if [w.text for w in after[n]] != [w.text for w in before[n]]]
    for n in changed:  # a line kept from the second reading is judged higher than its first reading
        assert reread.judged(after[n]) > reread.judged(before[n])
    assert all([w.text for w in after[n]] == [w.text for w in before[n]] for n in after if n not in weak)
    assert bag_of_words_error(text, second.text) <= bag_of_words_error(text, first.text)
    assert second.notes == first.notes  # still noted as faint
    assert _read(engine, up, dpi).text == second.text  # what the pipeline reads


def test_speckled_page_read_once(pages: dict, engine: TesserocrEngine) -> None:
    up, dpi, _ = pages["speckle"]
    prep, first = _first(engine, up, dpi)
    assert "clahe" not in prep.steps
    assert reread.second_reading(engine, first, prep) is first
