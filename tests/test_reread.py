"""The second reading of weak lines (archivist/reread.py) on generated pages, real Tesseract: a typewritten
page's weak lines are read again from its image thickened and it reads no worse; a faded carbon copy and a
speckled page are not read again (the bench showed no gain there, bench/RESULTS.md)."""

from __future__ import annotations

import os

import numpy as np
import pytest

from archivist import reread, restore
from archivist.cells import read_page
from archivist.metrics import bag_of_words_error
from archivist.ocr import OcrResult, TesserocrEngine
from archivist.pagework import _read
from tests.hardpages import first_pages


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[np.ndarray, float, str]]:
    """The first page of one typewritten, one faded and one speckled generated document, upright, with its dpi
    and text."""
    return first_pages(tmp_path_factory.mktemp("reread"), 3, ["typewriter", "faded", "speckle"])


@pytest.fixture(scope="module")
def engine() -> TesserocrEngine:
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    return TesserocrEngine()


def _first(engine: TesserocrEngine, up: np.ndarray, dpi: float) -> tuple[restore.Prepared, OcrResult]:
    prep = restore.prepare(up, dpi)
    ocr = restore.on_page(read_page(engine, prep.image, prep.dpi, prep.grids), prep.scale)
    return prep, restore.faint_reading(ocr, prep)


def test_typewritten_page_weak_lines_read_again_no_worse(pages: dict, engine: TesserocrEngine) -> None:
    up, dpi, text = pages["typewriter"]
    prep, first = _first(engine, up, dpi)
    lines = reread.lines_of(first.words)
    weak = [n for n, ws in lines.items() if reread.weak(ws, reread.WEAK_WORD)]
    assert len(weak) >= reread.WEAK_PAGE * len(lines), "the generated typewritten page is read weakly"
    second = reread.second_reading(engine, first, prep)
    assert bag_of_words_error(text, second.text) <= bag_of_words_error(text, first.text)
    # every line it kept from the second reading scores higher than the first reading of that line
    before, after = reread.lines_of(first.words), reread.lines_of(second.words)
    assert set(after) == set(before)
    for n in weak:
        if [w.text for w in after[n]] != [w.text for w in before[n]]:
            assert reread.score(after[n]) > reread.score(before[n])
    assert _read(engine, up, dpi).text == second.text  # what the pipeline reads


@pytest.mark.parametrize("group", ["faded", "speckle"])
def test_faded_and_speckled_pages_not_read_again(pages: dict, engine: TesserocrEngine, group: str) -> None:
    up, dpi, _ = pages[group]
    prep, first = _first(engine, up, dpi)
    assert {"clahe", "despeckle"} & set(prep.steps)
    assert reread.second_reading(engine, first, prep) is first
