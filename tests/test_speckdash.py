"""A list's dash the reading of a speckled page left out, put back where its bar stands in line with the list's
other dashes (archivist/speckdash.py)."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from archivist.models import Word
from archivist.ocr import OcrResult
from archivist.speckdash import line_bars, put_back_dashes
from tests.drawnline import SERIF


def _list(drawn: list[str], read: list[str], bar_at: int = 54, bar_y: float = 0.55) -> tuple[np.ndarray, OcrResult]:
    """Lines drawn from ``drawn`` (``- `` opening a line drawn as a bar at ``bar_at``, its middle ``bar_y`` down the
    first word's box), read as ``read`` (the words of each line; a line read without its dash has none)."""
    im = Image.new("L", (900, 70 * len(drawn) + 40), 255)
    draw, font = ImageDraw.Draw(im), ImageFont.truetype(SERIF, 40)
    words: list[Word] = []
    for i, (line, reading) in enumerate(zip(drawn, read, strict=True)):
        y, x = 20 + 70 * i, 70
        boxes = []
        for token in line.removeprefix("- ").split():
            draw.text((x, y), token, font=font, fill=0)
            box = tuple(int(v) for v in draw.textbbox((x, y), token, font=font))
            boxes.append(box)
            x = box[2] + 12
        if line.startswith("- "):
            top = boxes[0][1] + int(bar_y * (boxes[0][3] - boxes[0][1])) - 2
            draw.rectangle((bar_at, top, bar_at + 7, top + 2), fill=0)
            if reading.startswith("- "):
                words.append(Word("-", 90.0, (bar_at, top, bar_at + 8, top + 3), i))
        words += [Word(t, 90.0, b, i) for t, b in zip(reading.removeprefix("- ").split(), boxes, strict=True)]
    return np.asarray(im), OcrResult(words, "\n".join(read), 90.0)


DRAWN = ["Nơi nhận:", "- Như trên;", "- Trưởng các thôn;", "- Lưu: VT."]


def test_a_dash_left_out_is_put_back_in_line_with_the_list() -> None:
    image, ocr = _list(DRAWN, ["Nơi nhận:", "- Như trên;", "Trưởng các thôn;", "- Lưu: VT."])
    out = put_back_dashes(ocr, image, image)
    assert out.text.split("\n")[2] == "- Trưởng các thôn;"
    dash = out.words[[w.text for w in out.words].index("Trưởng") - 1]
    assert dash.text == "-" and dash.line == 2 and dash.bbox[2] < 70
    assert put_back_dashes(ocr, None, image) is ocr  # not a speckled page


def test_two_lines_left_without_their_dashes_agree() -> None:
    image, ocr = _list(DRAWN, ["Nơi nhận:", "Như trên;", "Trưởng các thôn;", "Lưu: VT."])
    assert put_back_dashes(ocr, image, image).text.split("\n")[1:] == DRAWN[1:]


def test_no_dash_without_its_bar_or_out_of_line() -> None:
    lines = ["Nơi nhận:", "- Như trên;", "Trưởng các thôn;"]
    image, ocr = _list(lines, lines)
    assert put_back_dashes(ocr, image, image) is ocr  # no ink before ``Trưởng``
    image, ocr = _list(["Nơi nhận:", "- Trưởng các thôn;"], ["Nơi nhận:", "Trưởng các thôn;"])
    assert put_back_dashes(ocr, image, image) is ocr  # a bar, but no other dash of a list to stand in line with
    image, ocr = _list(DRAWN, ["Nơi nhận:", "- Như trên;", "Trưởng các thôn;", "- Lưu: VT."], bar_y=0.95)
    first = next(w for w in ocr.words if w.text == "Trưởng")
    assert line_bars(image, first, 40.0) == []  # on the baseline: a rule's piece, no dash


def test_marks_read_in_the_dashs_place_are_the_dash() -> None:
    image, ocr = _list(DRAWN, ["Nơi nhận:", "- Như trên;", "Trưởng các thôn;", "- Lưu: VT."])
    k = next(i for i, w in enumerate(ocr.words) if w.text == "Trưởng")
    _, y0, _, y1 = ocr.words[k].bbox  # the bar drawn before it, read as marks (``_~``) opening the line
    words = [*ocr.words[:k], Word("_~", 40.0, (50, y0 + 8, 66, y1 - 8), 2), *ocr.words[k:]]
    line = [w.text for w in put_back_dashes(OcrResult(words, "", 90.0), image, image).words if w.line == 2]
    assert line == ["-", "Trưởng", "các", "thôn;"]
