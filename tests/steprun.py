"""A generated set's first page read with a page step and without it, for the end-to-end tests of the speckled-page
steps (tests/test_speckcase.py, tests/test_speckletters.py)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path


def first_page_with_and_without(scans: Path, out: Path, switch_off: Callable[[], None]) -> dict[str, str]:
    """The first document's first page text as ``archivist process`` stores it (``out/with``: the command, whose
    fork server's workers read the pages) and as :func:`archivist.pipeline.process` stores it in this process after
    ``switch_off()`` (``out/without``: the step is switched off here, where the workers do not reach)."""
    from click.testing import CliRunner

    from archivist.cli import main
    from archivist.pipeline import Settings, process

    res = CliRunner().invoke(main, ["process", str(scans), "--archive", str(out / "with"), "--workers", "1"])
    assert res.exit_code == 0, res.output
    switch_off()
    process([scans], out / "without", Settings(workers=1, page_timeout=0))
    return {name: json.loads(next((out / name / "documents").glob("*.json")).read_text(encoding="utf-8"))
            ["pages"][0]["text"] for name in ("with", "without")}


def gain_and_layer(truth: str, texts: dict[str, str], archive: Path) -> list[str]:
    """Asserts the page read with the step loses fewer words of ``truth`` than without it, and that the archive's
    PDF/A-1b passes Preflight; the words of its PDF's first page as pdftotext reads them (the text layer)."""
    from archivist.metrics import bag_of_words_error
    from tests.pdfcheck import assert_valid_pdfa
    from tests.pdfpages import pdftotext

    errors = {name: bag_of_words_error(truth, text) for name, text in texts.items()}
    assert errors["with"] < errors["without"], errors
    assert_valid_pdfa(archive)
    (pdf,) = (archive / "documents").glob("*.pdf")
    return pdftotext(pdf, 1).split()
