"""A typewritten word's colon read inside its last letter's cell (a broken final stroke) dropped, a typed colon kept
(archivist/typedcolon.py): told by the word's width in the type's pitch, on words typed in the generator's face."""

from __future__ import annotations

import numpy as np
import pytest

from archivist import typedcolon
from archivist.models import Word
from archivist.ocr import OcrResult
from tests.test_typedcase import _typed_line

PITCH = 34.8  # the mono face's advance at 58 px (14 pt at 300 dpi)


@pytest.mark.parametrize(("typed", "read", "dropped"), [
    ("ban", "ban:", True), ("quản", "quản:", True), ("Thạnh", "Thạnh:", True),  # the colon inside the last cell
    ("sau:", "sau:", False), ("nhận:", "nhận:", False), ("ĐỊNH:", "ĐỊNH:", False),  # typed: a cell of its own
    ("ban", "ban", False), ("12", "12:", False), ("ba.", "ba.:", False),  # no colon; a digit or a stop before it
])
def test_stroke_colon_is_a_colon_with_no_cell_of_its_own(typed: str, read: str, dropped: bool) -> None:
    _, (box,) = _typed_line(typed, 58)
    assert typedcolon.stroke_colon(read, box, PITCH) is dropped


def test_drop_stroke_colons_on_a_typed_line() -> None:
    typed = "xử lý ban như sau: quản thành"
    img, boxes = _typed_line(typed, 58)
    read = "xử lý ban: như sau: quản: thành"
    ocr = OcrResult([Word(r, 90.0, b, 0) for r, b in zip(read.split(), boxes, strict=True)], read, 90.0)
    out = typedcolon.drop_stroke_colons(ocr, img)
    assert out.text == typed and [w.bbox for w in out.words] == boxes
    assert typedcolon.drop_stroke_colons(ocr, None) is ocr  # not a typed page
    assert typedcolon.drop_stroke_colons(OcrResult([], "", 0.0), np.zeros((4, 4), np.uint8)).words == []
