"""Preflight for a test's own PDFs: every PDF/A a test writes is checked by the validator, not by us.

One place for the pattern each test repeated (is Preflight installed, skip, validate, assert no complaint), so
that the tests skip alike and report a failure alike (the file and the rules it broke)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from archivist.preflight import preflight_available, validate_pdfa

MISSING = "PDFBox Preflight is not installed"


def require_preflight() -> None:
    """Skip the rest of the test where Preflight is not installed (CI installs it): for a test whose every
    remaining check needs it."""
    if not preflight_available():
        pytest.skip(MISSING)


def preflight(pdfs: Sequence[Path]) -> dict[Path, list[str]]:
    """Preflight's complaints about each of ``pdfs`` (skipping the test where it is not installed): for a test
    that expects some (a PDF/A-2b file, which Preflight checks against PDF/A-1b's rules, a missing file)."""
    require_preflight()
    return validate_pdfa(list(pdfs))


def assert_valid_pdfs(pdfs: Sequence[Path], last: bool = True) -> None:
    """Every one of ``pdfs`` passes PDFBox Preflight. Called last in a test (``last``), so where Preflight is not
    installed the skip costs none of the test's other checks; a test whose later steps rewrite the PDFs checks
    them before those with ``last=False``, which passes the check over (the test goes on) without Preflight."""
    assert pdfs, "no PDF to check"
    if not last and not preflight_available():
        return
    verdicts = preflight(pdfs)
    assert verdicts == {p: [] for p in pdfs}, {p.name: v for p, v in verdicts.items() if v}


def assert_valid_pdfa(archive: Path) -> None:
    """Every PDF in ``archive``'s documents passes PDFBox Preflight (PDF/A-1b); called last in a test."""
    pdfs = sorted((archive / "documents").glob("*.pdf"))
    assert pdfs, f"no PDF in {archive}"
    assert_valid_pdfs(pdfs)
