"""Where Tesseract's models are, which Tesseract it is, and the error the OCR stage raises.

A leaf module: the OCR engines (archivist/ocr.py) and the syllable corrector, which reads the word
list inside the ``vie`` model (archivist/syllables.py), both need it, and the corrector runs inside
the OCR stage. The document stage names the engine in every record (:func:`engine_version`) from here
too: importing archivist/ocr.py for that brought the page stage's blocks, OCR fixes and OpenCV into the
main process, which reads no page (bench/RESULTS.md, issue 16, session 24).
"""

from __future__ import annotations

import os
import subprocess
from functools import cache
from pathlib import Path

TESSDATA_CANDIDATES = ("/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata",
                       "/usr/share/tessdata", "/usr/local/share/tessdata")


class OcrError(Exception):
    """The OCR engine cannot run or failed on a page; the message is the one-line reason."""


def model_dir(model: str) -> str | None:
    """The first tessdata folder (``TESSDATA_PREFIX`` first) that holds ``<model>.traineddata``, or None."""
    env = os.environ.get("TESSDATA_PREFIX")
    for d in ((env,) if env else ()) + TESSDATA_CANDIDATES:
        if d and Path(d, f"{model}.traineddata").exists():
            return d
    return None


def tessdata_dir() -> str:
    d = model_dir("vie")
    if d is None:
        raise OcrError("Tesseract's Vietnamese model (vie.traineddata) is not installed: apt install tesseract-ocr-vie")
    return d


def cli_version() -> str:
    """The first line of ``tesseract --version`` (the command-line engine's name in records)."""
    out = subprocess.run(["tesseract", "--version"], capture_output=True, text=True).stdout
    return out.splitlines()[0] if out else "tesseract"


@cache
def engine_version(name: str = "tesserocr") -> str:
    """The engine's version without loading a model (for records and reports). Asked once a process: the
    library in this process or the ``tesseract`` on the path does not change while a batch runs."""
    if name == "tesserocr":
        try:
            import tesserocr

            return f"tesseract {tesserocr.tesseract_version().split()[1]} (tesserocr {tesserocr.__version__})"
        except ImportError:
            pass
    return cli_version()
