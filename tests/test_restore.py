"""Restoration before OCR (archivist/restore.py) on generated hard pages: a faded carbon copy gets its
contrast raised locally rather than its strokes thickened, and reads no worse for it; a clean page keeps
its contrast."""

from __future__ import annotations

import os

import numpy as np
import pytest
from PIL import Image

from archivist import restore
from archivist.metrics import bag_of_words_error
from archivist.ocr import TesserocrEngine
from archivist.preprocess import Correction, apply, flatten_background, ink_level
from samples.generate import generate


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[np.ndarray, float, str]]:
    """The first page of one faded and one clean generated document, upright, with its dpi and text."""
    out = tmp_path_factory.mktemp("restore")
    found = {}
    for truth in generate(out, seed=3, n_docs=1, groups=["clean", "faded"]):
        p = truth["pages"][0]
        with Image.open(out / p["file"]) as im:
            im.seek(p["index"])
            gray = np.asarray(im.convert("L"))
        found[truth["group"]] = (apply(gray, Correction(p["rotation"], p["skew"], 1.0, True)), float(p["dpi"]),
                                 p["text"])
    return found


def test_faded_page_gets_local_contrast_not_thicker_strokes(pages: dict) -> None:
    up, dpi, _ = pages["faded"]
    flat = flatten_background(up, dpi)
    assert ink_level(flat) >= restore.FAINTEST
    prepared = restore.prepare(up, dpi)
    assert "clahe" in prepared.steps and "thicken" not in prepared.steps
    assert ink_level(prepared.image) < ink_level(flat) - 20  # the faint strokes are darker
    thick = restore.prepare(up, dpi, faintest=256.0)  # as before: every stroke grown
    assert "thicken" in thick.steps and "clahe" not in thick.steps


def test_clean_page_keeps_its_contrast(pages: dict) -> None:
    """A clean page may be a faint print (thickened as before) but never a faded carbon copy."""
    up, dpi, _ = pages["clean"]
    assert ink_level(flatten_background(up, dpi)) < restore.FAINTEST
    assert "clahe" not in restore.prepare(up, dpi).steps


def test_faded_page_reads_no_worse_than_thickened(pages: dict) -> None:
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    up, dpi, text = pages["faded"]
    engine = TesserocrEngine()
    errors = {}
    for name, p in (("clahe", restore.prepare(up, dpi)), ("thicken", restore.prepare(up, dpi, faintest=256.0))):
        errors[name] = bag_of_words_error(text, engine.recognize(p.image, p.dpi).text)
    assert errors["clahe"] <= errors["thicken"] + 0.01, errors
    assert errors["clahe"] < 0.15, errors

