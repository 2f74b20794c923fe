"""Generated hard-group pages turned upright with the generator's own angles, for the tests of what OCR
reads (restoration, the second reading): orientation and deskew are tested elsewhere and stay out of it."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image

from archivist.preprocess import Correction, apply
from samples.generate import generate


def first_pages(out: Path, seed: int, groups: list[str]) -> dict[str, tuple[np.ndarray, float, str]]:
    """group -> the first page of one generated document of that group: upright grey image, dpi, text."""
    found = {}
    for truth in generate(out, seed=seed, n_docs=1, groups=groups):
        p = truth["pages"][0]
        with Image.open(out / p["file"]) as im:
            im.seek(p["index"])
            gray = np.asarray(im.convert("L"))
        found[truth["group"]] = (apply(gray, Correction(p["rotation"], p["skew"], 1.0, True)), float(p["dpi"]),
                                 p["text"])
    return found
