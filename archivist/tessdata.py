"""Where Tesseract's models are, and the error the OCR stage raises.

A leaf module: the OCR engines (archivist/ocr.py) and the syllable corrector, which reads the word
list inside the ``vie`` model (archivist/syllables.py), both need it, and the corrector runs inside
the OCR stage.
"""

from __future__ import annotations

import os
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
