"""Issue 16, per-format speed (session 21): the page stage's work around the engine made cheaper without
changing what Tesseract reads. Each cut is pinned against the plain way of computing the same thing:
the rules painted out on a copy, the faint page's measures taken before the rules go, and the workers
starting with the post-correction's tables already built."""

from __future__ import annotations

import numpy as np

from archivist import restore, tables
from archivist.preprocess import flatten_background, ink_level

DPI = 300.0  # tests/test_tables.py's pages


def _table_page() -> tuple[np.ndarray, list[int], list[int]]:
    """tests/test_tables.py's ruled page, imported here and not at the top: the pool's workers import this
    module to run :func:`_tables_in_worker`, which checks what they hold."""
    from tests.test_tables import _table_page as page

    return page()


def test_rules_painted_in_place_are_the_rules_painted_on_a_copy() -> None:
    page, _, _ = _table_page()
    on_copy = tables.remove_rules(page, DPI)
    work = page.copy()
    in_place = tables.remove_rules(work, DPI, in_place=True)
    assert in_place.image is work and on_copy.image is not page
    assert on_copy.removed_px > 1000 and in_place.removed_px == on_copy.removed_px
    assert np.array_equal(in_place.image, on_copy.image) and in_place.grids == on_copy.grids


def _faint_ruled_page() -> np.ndarray:
    """The ruled table printed faint (darkest ink about 120 after flattening): a page prepare thickens."""
    page, _, _ = _table_page()
    return (255 - (255 - page.astype(np.float32)) * 0.5).astype(np.uint8)


def test_prepare_measures_the_page_before_its_rules_go_and_leaves_the_page_alone() -> None:
    for page, step in ((_table_page()[0], None), (_faint_ruled_page(), "thicken")):
        before = page.copy()
        prep = restore.prepare(page, DPI)
        assert np.array_equal(page, before)  # the upright page (the report's and the PDF's) is untouched
        # the same image as flattening, painting the rules out of a copy, and deciding on the flattened page
        flat = flatten_background(page, DPI)
        expected = tables.remove_rules(flat, DPI).image
        if ink_level(flat) >= restore.FAINT:
            expected = restore.thicken(expected, 3)
        assert "rules" in prep.steps and (step is None or step in prep.steps)
        assert np.array_equal(prep.image, expected)


def _tables_in_worker(_: int) -> list[int]:
    import gc
    import sys

    from archivist import doctypes, ocrfix, phrasefix, syllables

    built = [f.cache_info().currsize for f in (syllables.folded_syllables, syllables.attested, doctypes.load_table,
                                               ocrfix.type_words, ocrfix._by_toneless, phrasefix._phrases)]
    document_stage = {"archivist.pipeline", "archivist.store", "archivist.spool", "jsonschema", "pikepdf"}
    return [*built, int(gc.get_freeze_count() > 0), int(not document_stage & set(sys.modules))]


def test_pool_workers_start_with_the_word_tables_built_and_frozen() -> None:
    """The fork server builds the post-correction's tables (archivist/warm.py), so no worker's first
    page does, and freezes what it loaded out of the garbage collector's walks; it imports the page
    stage only (archivist/pagework.py), not the document stage, and the workers forked from it neither."""
    from archivist.executor import make_executor
    from archivist.forkstart import start_early
    from archivist.pagework import init_worker

    start_early(2)
    ex = make_executor(2, init_worker)
    try:
        assert [r for _, r in ex.map_unordered(_tables_in_worker, [1, 2])] == [[1] * 8, [1] * 8]
    finally:
        ex.close()


_CLI_SERVER = """
import sys
from archivist.executor import make_executor
from archivist.forkstart import CLI_PRELOAD, start_early
from archivist.pagework import init_worker
from tests.test_page_stage_cost import _tables_in_worker

start_early(2, preload=CLI_PRELOAD)
ex = make_executor(2, init_worker)
try:
    print(sorted({r[-1] for _, r in ex.map_unordered(_tables_in_worker, [1, 2])}))
finally:
    ex.close()
"""


def test_workers_forked_from_the_commands_server_hold_no_document_stage() -> None:
    """The command's fork server imports the CLI too (forkstart.CLI_PRELOAD): nothing the CLI imports at its top
    may bring the document stage (jsonschema, pikepdf, the store) into the workers. A fresh process, since this
    one's server may have been started already with another preload (report34's ``--index`` check did: the
    CLI's import of archiveinfo read the schemas)."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    run = subprocess.run([sys.executable, "-c", _CLI_SERVER], cwd=root, capture_output=True, text=True, timeout=300,
                         env={**__import__("os").environ, "PYTHONPATH": str(root)})
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().splitlines()[-1] == "[1]", run.stdout + run.stderr


def _ink_level_by_histogram(flat: np.ndarray) -> float:
    """The 0.5th percentile from the page's whole histogram, as preprocess.ink_level computed it before."""
    hist = np.bincount(flat.ravel(), minlength=256)
    return float(np.searchsorted(np.cumsum(hist), 0.005 * flat.size))


def test_ink_level_is_the_percentile_of_the_whole_page() -> None:
    rng = np.random.default_rng(3)
    paper = np.full((900, 700), 250, np.uint8)
    cases = [paper, np.zeros((50, 40), np.uint8), np.full((3, 5), 255, np.uint8),
             rng.integers(0, 256, (640, 480), dtype=np.uint8),  # flat histogram
             np.clip(rng.normal(235, 12, (1200, 900)), 0, 255).astype(np.uint8)]  # paper grain only
    for dark, share in ((20, 0.004), (20, 0.006), (120, 0.02), (160, 0.3)):
        page = paper.copy()
        page[rng.random(page.shape) < share] = dark  # ink just under and just over the 0.5%
        cases.append(page)
    hidden = paper.copy()
    hidden[1::4] = 40  # ink only on rows the guess does not look at: the guess is far off, the count is not
    cases += [hidden, _table_page()[0], _faint_ruled_page(), flatten_background(_faint_ruled_page(), DPI)]
    for flat in cases:
        assert ink_level(flat) == _ink_level_by_histogram(flat)
