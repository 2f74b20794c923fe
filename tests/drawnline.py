"""One line of a test page drawn for real, for the tests that read a box again with Tesseract (the signer's name;
the date's year draws its line the same way in tests/test_dateread.py)."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFont

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
