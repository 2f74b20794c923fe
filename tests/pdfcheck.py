"""Preflight for a test's own archive: every PDF/A-1b a test writes is checked by the validator, not by us."""

from __future__ import annotations

from pathlib import Path

import pytest

from archivist.preflight import preflight_available, validate_pdfa


def assert_valid_pdfa(archive: Path) -> None:
    """Every PDF in ``archive``'s documents passes PDFBox Preflight (PDF/A-1b). Called last in a test, so where
    Preflight is not installed the skip costs none of the test's other checks (CI installs it)."""
    pdfs = sorted((archive / "documents").glob("*.pdf"))
    assert pdfs, f"no PDF in {archive}"
    if not preflight_available():
        pytest.skip("PDFBox Preflight is not installed")
    assert not {p.name: v for p, v in validate_pdfa(pdfs).items() if v}
