"""A typewritten ``c`` read ``s`` (archivist/typedspine.py): which words are asked, the open ``c`` told from the ``s``
on a line typed in the mono face at the 200 and 300 dpi sizes, the rule on a typed line, and a generated typewritten
document through ``archivist process`` with session 49's three late typed rules (``typedspine``, ``typedrival``,
``typedlong``) and without them."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from archivist import typedspine
from archivist.typedupper import body_of, glyph_cells
from tests.rereadcheck import assert_mended, typed_both_ways, typed_rules_off
from tests.test_typedring import AROUND, SIZES, _page, assert_left_alone, assert_read_back


@pytest.mark.parametrize(("read", "want"), [
    ("sông", (0, "công")), ("sác", (0, "các")), ("sứ", (0, "cứ")),  # words in use and none alike
    ("(sông,", (1, "(công,")),  # edge punctuation kept
    ("sinh", None), ("sẽ", None),  # no word in use with a c (cinh, cẽ: a k is written there)
    ("Sông", None), ("SÔNG", None),  # a capital: not asked
    ("công", None), ("s", None), ("s2", None), ("tso", None),  # no s opening; one letter; a digit
])
def test_candidate_is_an_opening_s_making_a_word_with_a_c(read: str, want: tuple[int, str] | None) -> None:
    assert typedspine.candidate(read) == want


@pytest.mark.parametrize("size", SIZES)
def test_open_c_tells_a_c_from_an_s(size: int) -> None:
    """Across the middle rows of its glyph the mono face's ``c`` holds ink on the cell's left and none right of its
    middle; its ``s`` reaches right of the middle with its spine. A cell too tall or too short, or empty, is not
    measured; a ``c`` whose left wore away is not one."""
    img, ocr = _page("công sông", "công sông", size)
    pitch = 0.6 * size
    c = glyph_cells(img, ocr.words[0].bbox, 4, pitch)[0][0]
    s = glyph_cells(img, ocr.words[1].bbox, 4, pitch)[0][0]
    n = glyph_cells(img, ocr.words[0].bbox, 4, pitch)[0][2]
    small = float(body_of(n)[0])  # the n: a small letter's body
    assert typedspine.open_c(c, small, pitch)
    assert not typedspine.open_c(s, small, pitch)
    assert not typedspine.open_c(c, 1.5 * small, pitch)  # not the small letters' height
    assert not typedspine.open_c(np.zeros((30, 12), np.uint8), small, pitch)
    worn = c.copy()
    worn[:, : round(typedspine.LEFT * worn.shape[1])] = 0  # the c's left side worn away
    assert not typedspine.open_c(worn, small, pitch)


@pytest.mark.parametrize("size", SIZES)
def test_typed_spines_reads_a_c_back_on_a_typed_line(size: int) -> None:
    """On a line typed in the mono face, ``công tác`` and ``các`` read with an ``s`` come back as typed (boxes and
    lines as read); a typed ``sông`` and ``sác`` (their spines) stay; off a typed page, with nothing asked or too few
    letters to measure, the page is left as read."""
    typed, read = "công tác các sông sác", "sông tác sác sông sác"
    assert_read_back(typedspine.typed_spines, f"{AROUND} {typed}", f"{AROUND} {read}", f"{AROUND} {typed}", size)
    assert_left_alone(typedspine.typed_spines, "công tác", "sông tác", size)


@pytest.mark.slow
def test_generated_typed_document_reads_its_c_rival_and_phrase_end_to_end(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Fit seed 480's fifth typewritten document (``--docs 8``: a submission of Cẩm Thạch, two pages) through
    ``archivist process``: read without session 49's rules, its ``đầu tư sông``, ``thời tiếc``, ``lăn chiếm`` and
    ``trên địa nàn`` are ``công`` (:mod:`archivist.typedspine`: the open ``c``), ``tiết`` and ``lấn``
    (:mod:`archivist.typedrival`: the engine's rival making a word) and ``bàn`` (:mod:`archivist.typedlong`) with
    them, in the record and in the PDF/A's text layer; no truth word is lost, fewer are, and the PDF/A-1b passes
    Preflight."""
    done = typed_both_ways(tmp_path, 480, typed_rules_off(monkeypatch, "typed_spines", "typed_rivals", "typed_long"),
                           doc=5, docs=8)
    assert_mended(done, "sông", "công")
    for read, printed in (("tiếc", "tiết"), ("lăn", "lấn"), ("nàn", "bàn")):
        assert done.read["with"][read] == done.read["without"][read] - 1
        assert done.read["with"][printed] == done.read["without"][printed] + 1
