"""Typewritten pages told apart by their fixed pitch (session 27): a typed page's gaps between letters repeat
at the carriage's step, a printed page's do not; the bench's candidates even out the strikes of the typed
pages only (not adopted: bench/RESULTS.md, "Typewritten pages told apart")."""

from __future__ import annotations

import random

import numpy as np
import pytest
from PIL import Image, ImageDraw

from archivist import restore, typewritten
from samples import pictures
from samples.layout import font


def _pages(seed: int, dpi: int) -> tuple[np.ndarray, np.ndarray]:
    """A typewritten page (pica, every strike its own darkness, one bit) and the same lines printed in
    Liberation Serif 13 pt, as grey arrays."""
    im, text = pictures.typewriter(random.Random(seed), dpi)
    printed = Image.new("L", im.size, 255)
    d = ImageDraw.Draw(printed)
    f = font("regular", round(13 / 72 * dpi))
    for i, line in enumerate(text.split("\n")):
        d.text((round(1.1 * dpi), dpi + i * round(0.25 * dpi)), line, font=f, fill=20)
    return np.asarray(im.convert("L")), np.asarray(printed)


@pytest.mark.parametrize("dpi", [200, 300])
def test_typed_page_told_from_printed(dpi: int) -> None:
    typed, printed = _pages(1, dpi)
    score, pitch = typewritten.pitch_score(typed, dpi)
    assert score > 1.5 * typewritten.TYPED and abs(pitch - 2.54) < 0.1  # pica: ten characters an inch
    assert typewritten.typewritten(typed, dpi)
    assert typewritten.pitch_score(printed, dpi)[0] < typewritten.TYPED / 1.5
    assert not typewritten.typewritten(printed, dpi)
    assert typewritten.pitch_score(np.full((2339, 1654), 255, np.uint8), 200) == (0.0, 0.0)


def test_only_typed_pages_get_even_strikes() -> None:
    typed, printed = _pages(2, 200)
    assert restore.prepare(typed, 200, typed_pages="all").steps[-2:] == ["even strikes", "thicken"]
    assert "even strikes" not in restore.prepare(printed, 200, typed_pages="all").steps
    assert restore.prepare(typed, 200, typed_pages="all, faint thickened").steps[-1] == "even strikes"  # well inked
    assert "even strikes" not in restore.prepare(typed, 200, typed_pages="faint").steps  # well inked
    assert "even strikes" not in restore.prepare(typed, 200).steps  # not adopted (fields on HG42)


def test_even_strikes_darkens_a_light_letter_alone() -> None:
    im = np.full((60, 200), 255, np.uint8)
    im[20:40, 20:24] = 30  # a hard strike
    im[20:40, 120:124] = 150  # a light one, far from it
    im[45:50, 60:64] = 220  # grain, lighter than the floor
    out = restore.even_strikes(im, 200.0)
    assert out[30, 121] < 10 and out[30, 21] < 40  # both as dark as ink gets
    assert (out[45:50, 60:64] == 220).all() and out[5, 5] == 255  # grain and paper untouched

