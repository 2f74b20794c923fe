"""A word read again from its crop, checked the same way for every second reading whose call is
``reread(engine, ocr, image, dpi)`` (archivist/hookread.py, archivist/typedread.py)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from archivist.models import Word
from archivist.ocr import OcrResult, TesserocrEngine


def assert_read_again(reread: Callable, img: np.ndarray, box: tuple[int, int, int, int], read: str, kept: str) -> None:
    """A first reading of ``read`` at ``box`` (beside a word no rule asks about) comes back ``kept`` from ``img`` at
    300 dpi, the text rebuilt, the box and line as read; without the image the reading is returned as it was."""
    first = OcrResult([Word(read, 90.0, box, 0), Word("xã", 95.0, (560, 60, 620, 100), 0)], f"{read} xã", 92.5)
    out = reread(TesserocrEngine(), first, img, 300.0)
    assert [w.text for w in out.words] == [kept, "xã"]
    assert out.text == f"{kept} xã"
    assert out.words[0].bbox == box  # the box and the line as read
    assert reread(TesserocrEngine(), first, None, 300.0) is first  # not a page this reading is for
