"""A typewritten ``p`` ending a syllable read ``n`` (archivist/typedtail.py): which words are asked, the ``p``'s
descender measured on glyphs typed in the mono face, typed lines, and a generated typewritten document end to end
through ``archivist process``."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from archivist import typedtail
from archivist.typedpair import asked_pairs
from archivist.typedstem import lone_reading
from archivist.typedupper import glyph_cells
from tests.rereadcheck import assert_mended, typed_both_ways, typed_rules_off
from tests.test_typedring import AROUND, SIZES, _page, assert_left_alone, assert_read_back
from tests.test_typedstem import _small


@pytest.mark.parametrize(("read", "want"), [
    ("hợn", (2, "hợp")), ("Họn,", (2, "Họp,")),  # none in use; a first capital and edge punctuation kept
    ("hơn", None), ("hiện", None),  # words in use: never asked alone
    ("HỢN", None), ("nợ", None), ("n", None),  # capitals; no n ending it; one letter
])
def test_lone_reading_of_a_final_p(read: str, want: tuple[int, str] | None) -> None:
    assert lone_reading(read, typedtail._final_p) == want


def test_neighbours_ask_a_word_in_use() -> None:
    """``Liên hiện`` makes no word where ``liên hiệp`` does; ``thực hiện`` is a word and is never asked."""
    assert asked_pairs("Hội Liên hiện Phụ nữ".split(), typedtail._final_p) == {2: (3, "hiệp")}
    assert asked_pairs("thực hiện nhiệm vụ".split(), typedtail._final_p) == {}


@pytest.mark.parametrize("size", SIZES)
def test_descender_tells_a_p_from_an_n(size: int) -> None:
    """Under the line the mono face's ``p`` has its stem, its ``n`` nothing."""
    img, ocr = _page(f"{AROUND} hợp hơn", f"{AROUND} hợp hơn", size)
    pitch, small = 0.6 * size, _small(img, ocr)
    p_cells, _ = glyph_cells(img, ocr.words[-2].bbox, 3, pitch)
    n_cells, _ = glyph_cells(img, ocr.words[-1].bbox, 3, pitch)
    assert typedtail.descender(p_cells[2], small, pitch)
    assert not typedtail.descender(n_cells[2], small, pitch)
    assert not typedtail.descender(np.zeros((30, 12), np.uint8), small, pitch)


@pytest.mark.parametrize("size", SIZES)
def test_typed_tails_reads_a_p_again(size: int) -> None:
    """On a line typed in the mono face, ``tổng hợp``, ``Họp`` and ``Liên hiệp`` read ``tổng hợn``, ``Họn`` and
    ``Liên hiện`` come back as typed (boxes and lines as read); a typed ``hợn`` and ``Liên hiện`` (``n`` typed)
    stay."""
    typed = f"{AROUND} tổng hợp Họp Liên hiệp hợn Liên hiện"
    read = f"{AROUND} tổng hợn Họn Liên hiện hợn Liên hiện"
    assert_read_back(typedtail.typed_tails, typed, read, f"{AROUND} tổng hợp Họp Liên hiệp hợn Liên hiện", size)


@pytest.mark.parametrize("size", SIZES)
def test_typed_tails_leaves_other_pages_alone(size: int) -> None:
    assert_left_alone(typedtail.typed_tails, "tổng hợp", "tổng hợn", size)


@pytest.mark.slow
def test_generated_typed_document_reads_its_p_end_to_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The fourth typewritten document of seed 300 (``generate.py --docs 4 --groups typewriter``): its ``tổng hợp``,
    read ``tổng hợn`` without the rule, is ``hợp`` in the record and in the PDF/A's text layer, no truth word is
    lost, the document loses fewer words, and the PDF/A-1b passes Preflight."""
    done = typed_both_ways(tmp_path, 300, typed_rules_off(monkeypatch, "typed_tails", "typed_phrases"), doc=4)
    assert_mended(done, "hợn", "hợp")
