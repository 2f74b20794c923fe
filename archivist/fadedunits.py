"""The old import path of the unit names read a mark off (:mod:`archivist.unitmarks`), first run on faded pages
only (session 49's faded round); kept so that the faded rules' callers and tests that import it still work."""

from __future__ import annotations

from .fadedwords import on_faded
from .ocr import OcrResult
from .restore import Prepared
from .unitmarks import unit_readings

__all__ = ["faded_units", "unit_readings"]


def faded_units(ocr: OcrResult, prep: Prepared) -> OcrResult:
    """A faded page's reading with :func:`archivist.unitmarks.unit_readings` taken
    (:func:`archivist.fadedwords.on_faded`)."""
    return on_faded(ocr, prep, unit_readings)
