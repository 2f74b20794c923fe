"""A ruled page's tilt measured on its rules (archivist/ruledtilt.py), on drawn pages."""

from __future__ import annotations

import cv2
import numpy as np

from archivist.ruledtilt import rule_tilt

DPI = 200


def _turned(img: np.ndarray, angle: float) -> np.ndarray:
    """``img`` turned ``angle`` degrees counter-clockwise about its centre, corners paper."""
    h, w = img.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(img, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)


def _table(angle: float) -> np.ndarray:
    """A table's grid (5 columns, 4 rows) with a word or two in some cells, turned ``angle`` degrees."""
    img = np.full((int(11 * DPI), int(8.5 * DPI)), 235, np.uint8)
    x0, x1, ys = int(1 * DPI), int(7.5 * DPI), [int((2 + 0.6 * i) * DPI) for i in range(5)]
    for y in ys:
        cv2.line(img, (x0, y), (x1, y), 30, 2)
    for x in np.linspace(x0, x1, 6).astype(int):
        cv2.line(img, (int(x), ys[0]), (int(x), ys[-1]), 30, 2)
    for i, (x, y) in enumerate(((x0 + 20, ys[0] + 40), (x0 + 700, ys[1] + 70), (x0 + 300, ys[2] + 30))):
        cv2.putText(img, f"Thon {i}", (x, y), cv2.FONT_HERSHEY_SIMPLEX, 0.9, 30, 2)
    return _turned(img, angle)


def test_a_tables_rules_give_its_tilt_near_what_the_text_measured() -> None:
    for angle in (9.0, -4.3, 13.1):
        got = rule_tilt(_table(angle), DPI, 0, angle + 0.5)  # the text's measure half a degree off
        assert got is not None
        tilt, sharp = got
        assert abs(tilt - angle) < 0.1 and sharp >= 0.7


def test_a_table_turned_a_quarter_is_measured_along_its_rules() -> None:
    page = np.ascontiguousarray(np.rot90(_table(6.0)))  # turned 90 counter-clockwise: its rules run down
    got = rule_tilt(page, DPI, 90, 6.3)
    assert got is not None and abs(got[0] - 6.0) < 0.1


def test_no_rules_a_far_text_measure_or_a_picture_give_no_tilt() -> None:
    assert rule_tilt(_table(9.0), DPI, 0, 12.0) is None  # three degrees from the text's: no agreement
    words = np.full((int(11 * DPI), int(8.5 * DPI)), 235, np.uint8)
    for i in range(6):
        cv2.putText(words, "Ho va ten", (200 + 90 * i, 400 + 70 * i), cv2.FONT_HERSHEY_SIMPLEX, 1.0, 30, 2)
    assert rule_tilt(_turned(words, 5.0), DPI, 0, 5.0) is None  # only letters
    lines = np.full((int(11 * DPI), int(8.5 * DPI)), 235, np.uint8)
    for y in range(400, 2000, 120):  # long lines one way only (a map's boundaries, ruled paper): no grid
        cv2.line(lines, (200, y), (1500, y + 25), 30, 2)
    assert rule_tilt(_turned(lines, 2.0), DPI, 0, 3.0) is None
    photo = np.full((int(11 * DPI), int(8.5 * DPI)), 235, np.uint8)
    cv2.rectangle(photo, (300, 500), (1400, 1300), 60, -1)  # a photograph's dark rectangle, filled
    assert rule_tilt(_turned(photo, 3.0), DPI, 0, 3.0) is None
