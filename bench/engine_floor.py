"""The floor under any pipeline built on archivist's OCR engine: the engine alone on upright pages.

Run by the harness as the tool ``engine-upright``: two of these processes at a time, each with
Tesseract on one thread, share the pages that ``raw-upright`` reads (turned upright and deskewed
with the generator's own angles). Each process loads the model once and does nothing but
:meth:`TesserocrEngine.recognize` per page: no decoding beyond reading the PNG, no orientation,
no deskew, no PDF, no record. Whatever archivist spends beyond this is its own overhead; what
this costs is the least that reading every word of these pages costs with this engine.

Prints one JSON object, file name -> text, on stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

os.environ["OMP_THREAD_LIMIT"] = "1"

import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from archivist.ocr import TesserocrEngine  # noqa: E402


def read_page(path: Path) -> tuple[np.ndarray, float]:
    """A page image as grey pixels and its resolution (from the file; 300 dpi when it has none)."""
    with Image.open(path) as im:
        return np.asarray(im.convert("L")), float(im.info.get("dpi", (300, 300))[0])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("pages", nargs="+", type=Path, help="upright page images (their dpi is read from the file)")
    args = ap.parse_args(argv)
    engine = TesserocrEngine()
    texts = {}
    for f in args.pages:
        texts[f.name] = engine.recognize(*read_page(f)).text
    json.dump(texts, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
