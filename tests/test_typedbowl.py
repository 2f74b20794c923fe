"""A typewritten ``o`` read ``c`` (archivist/typedbowl.py): which readings are tried, the closed ``o`` told from the
``c`` on a line typed in the mono face at the 200 and 300 dpi sizes, and the rule on a typed line."""

from __future__ import annotations

import numpy as np
import pytest

from archivist import typedbowl
from archivist.typedupper import body_of, glyph_cells
from tests.test_typedring import AROUND, SIZES, _page, assert_left_alone, assert_read_back


@pytest.mark.parametrize(("read", "want"), [
    ("các", {"cáo": (2, "cáo")}), ("Các", {"cáo": (2, "Cáo")}),  # the last c; the case kept
    ("bác", {"báo": (2, "báo")}), ("tác", {"táo": (2, "táo")}),
    ("xyz", {}), ("cũng", {}),  # no c; no o making a word
])
def test_o_forms_tries_an_o_for_each_c(read: str, want: dict[str, tuple[int, str]]) -> None:
    assert typedbowl.o_forms(read) == want


@pytest.mark.parametrize("size", SIZES)
def test_closed_o_tells_an_o_from_a_c(size: int) -> None:
    """Across its middle rows the mono face's ``o`` holds ink on both sides of its cell, its ``c`` on the left only;
    a cell not the small letters' height, an empty one and an ``o`` whose right side wore away are not ``o``s."""
    img, ocr = _page("cáo các", "cáo các", size)
    pitch = 0.6 * size
    o = glyph_cells(img, ocr.words[0].bbox, 3, pitch)[0][2]
    c = glyph_cells(img, ocr.words[1].bbox, 3, pitch)[0][2]
    small = float(body_of(c)[0])
    assert typedbowl.closed_o(o, small, pitch)
    assert not typedbowl.closed_o(c, small, pitch)
    assert not typedbowl.closed_o(o, 1.5 * small, pitch)
    assert not typedbowl.closed_o(np.zeros((30, 12), np.uint8), small, pitch)
    worn = o.copy()
    worn[:, round(typedbowl.RIGHT_FROM * worn.shape[1]):] = 0  # the o's right side worn away: a c
    assert not typedbowl.closed_o(worn, small, pitch)


@pytest.mark.parametrize("size", SIZES)
def test_typed_bowls_reads_an_o_back_on_a_typed_line(size: int) -> None:
    """On a typed line, ``báo cáo`` read ``báo các`` comes back (boxes and lines as read); a typed ``các`` after
    ``báo`` (its open c) stays; off a typed page, with nothing asked or too few letters to measure, it is left."""
    typed, read = "báo cáo tình hình báo các", "báo các tình hình báo các"
    assert_read_back(typedbowl.typed_bowls, f"{AROUND} {typed}", f"{AROUND} {read}", f"{AROUND} {typed}", size)
    assert_left_alone(typedbowl.typed_bowls, "báo cáo", "báo các", size)
