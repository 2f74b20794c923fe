"""One line of a test page drawn for real, for the tests that read a box again with Tesseract (the signer's name;
the date's year draws its line the same way in tests/test_dateread.py)."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from archivist.models import Word

SERIF = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"


def drawn_line(text: str, x: int, y: int, line: int, size: tuple[int, int] = (1800, 700)) -> tuple[np.ndarray, list]:
    """A white page of ``size`` with ``text`` drawn from ``(x, y)`` (Liberation Serif, 36 px), and the words as the
    OCR gives them: ``(text, 95.0, ink-tight box, line)``, ``line`` the index of the line on the page."""
    im = Image.new("L", size, 255)
    draw, font = ImageDraw.Draw(im), ImageFont.truetype(SERIF, 36)
    words = []
    for word in text.split():
        draw.text((x, y), word, font=font, fill=0)
        box = draw.textbbox((x, y), word, font=font)
        words.append((word, 95.0, tuple(box), line))
        x = box[2] + 12
    return np.asarray(im), words


def drawn_parts(parts: list[tuple[str, str, int]]) -> tuple[np.ndarray, list[Word]]:
    """A white strip with each part's ``ink`` drawn from its x, and the words as a reading took them: ``text`` with
    the ink's box and the line's baseline (Liberation Serif, 40 px, about 12 pt at 240 dpi): a word the first
    reading took otherwise than it is drawn (tests/test_spanread.py, tests/test_speckcase.py)."""
    im = Image.new("L", (900, 120), 255)
    draw, font = ImageDraw.Draw(im), ImageFont.truetype(SERIF, 40)
    base = 30 + font.getmetrics()[0]
    words = []
    for text, ink, x in parts:
        draw.text((x, 30), ink, font=font, fill=0)
        box = draw.textbbox((x, 30), ink, font=font)
        words.append(Word(text, 80.0, tuple(int(v) for v in box), 0, baseline=base))
    return np.asarray(im), words
