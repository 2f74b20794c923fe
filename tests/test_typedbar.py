"""A typewritten ``l`` read ``t`` opening a word (archivist/typedbar.py): which words are asked, the ``t``'s crossbar
and the ``l``'s top measured on glyphs typed in the mono face, typed lines, and a generated typewritten document end
to end through ``archivist process``."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from archivist import pagework, typedbar
from archivist.typedupper import glyph_cells
from tests.rereadcheck import assert_mended, typed_both_ways_older
from tests.test_typedring import AROUND, SIZES, _page, assert_left_alone, assert_read_back
from tests.test_typedstem import _small


@pytest.mark.parametrize(("read", "want"), [
    ("tà", (0, "là")), ("tập,", (0, "lập,")), ("(tý", (1, "(lý")),  # edge punctuation kept
    ("Tà", None), ("TẬP", None),  # capitals: an L is another rule's
    ("thể", None), ("xtà", None), ("tà2", None),  # no syllable made; a t inside a word; a digit
    ("là", None), ("t", None),  # nothing to read again; one letter
])
def test_l_reading_asks_a_t_opening_a_word(read: str, want: tuple[int, str] | None) -> None:
    assert typedbar.l_reading(read) == want


@pytest.mark.parametrize(("line", "k", "want"), [
    ("Căn cứ Ủy tan nhân dân huyện", 3, (0, "ban")),  # a set phrase's b: not l
    ("Luật tổ chức chính quyền nhân tân huyện", 6, (0, "dân")),  # nhân dân's d
    ("của Ủy tan nhân dân,", 2, (0, "ban")),
    ("ông tà người", 1, (0, "là")),  # no phrase: the l as before
    ("nhân dân tà tập", 2, (0, "là")),  # a phrase beside it: the word not in it
    ("Ủy tan, nhân dân", 1, (0, "lan,")),  # punctuation inside: no phrase, the l as before
    ("Ông Nhân Tân", 2, None),  # a capital: a name, never asked
    ("chi tương", 1, (0, "lương")),  # chi lương: the phrase's letter is the l
])
def test_stem_reading_asks_a_set_phrases_letter(line: str, k: int, want: tuple[int, str] | None) -> None:
    words = line.split()
    assert typedbar.stem_reading(words, [0] * len(words), k) == want


def test_stem_reading_leaves_a_word_another_letter_also_completes() -> None:
    """``nhân`` and ``tân`` on two lines: no phrase across them, the ``l`` asked as before; a word opening with ``t``
    that already makes a phrase (``tổ`` in ``mặt trận tổ quốc``) is not asked."""
    assert typedbar.stem_reading(["nhân", "tân"], [0, 1], 1) == (0, "lân")
    assert typedbar.stem_reading(["mặt", "trận", "tổ", "quốc"], [0] * 4, 2) is None


def _cells(size: int) -> tuple[np.ndarray, np.ndarray, float, float]:
    """The first glyphs of ``là`` and ``tà`` typed in the mono face at ``size``, the page's small letters' height and
    its pitch."""
    img, ocr = _page(f"{AROUND} là tà", f"{AROUND} là tà", size)
    pitch, small = 0.6 * size, _small(img, ocr)
    l_cells, _ = glyph_cells(img, ocr.words[-2].bbox, 2, pitch)
    t_cells, _ = glyph_cells(img, ocr.words[-1].bbox, 2, pitch)
    return l_cells[0], t_cells[0], small, pitch


def test_l_glyph_tells_an_l_from_a_t() -> None:
    """The mono face's ``l`` (at the 200 dpi size) has no crossbar at the small letters' height and rises to the
    ascenders; its ``t`` has the bar and stops under them."""
    l_cell, t_cell, small, pitch = _cells(SIZES[0])
    assert typedbar.l_glyph(l_cell, small, pitch)
    assert not typedbar.l_glyph(t_cell, small, pitch)
    assert not typedbar.l_glyph(l_cell, 0.6 * small, pitch)  # its top far over the ascenders: a mark, not asked
    assert not typedbar.l_glyph(np.zeros((30, 12), np.uint8), small, pitch)


def test_l_glyph_at_300_dpi_asks_the_ascender() -> None:
    """At the 300 dpi size the clean face's ``l`` stands 1.27 of the small letters' height, under :data:`TOP_MIN`
    (the worn scans' ``l`` read ``t`` stood 1.28-1.55, a capital ``L`` read ``t`` 1.02-1.4): not taken, the bar alone
    would say it."""
    l_cell, t_cell, small, pitch = _cells(SIZES[1])
    assert not typedbar.l_glyph(l_cell, small, pitch)
    assert typedbar.l_glyph(l_cell, small / 1.05, pitch)  # its top 1.33: taken
    assert not typedbar.l_glyph(t_cell, small / 1.05, pitch)  # the t's bar: never


def test_typed_bars_reads_an_l_again() -> None:
    """On a line typed in the mono face (200 dpi), ``là``, ``lập`` and ``lý`` read ``tà``, ``tập`` and ``tý`` come
    back as typed (boxes and lines as read); a typed ``tà`` and ``tập`` stay."""
    typed = f"{AROUND} là lập lý tà tập"
    read = f"{AROUND} tà tập tý tà tập"
    assert_read_back(typedbar.typed_bars, typed, read, f"{AROUND} là lập lý tà tập", SIZES[0])


def test_typed_bars_reads_a_set_phrases_letter_on_its_stem() -> None:
    """A worn ``b`` or ``d`` whose bowl is lost shows the ``l``'s bare stem (typed here as an ``l``): read ``t``
    inside ``Ủy ban nhân dân`` it comes back as the phrase's letter, not the ``l``; the ``t`` of a typed ``tân``
    (its bar) stays as read."""
    typed = f"{AROUND} Ủy lan nhân dân, nhân lân tân"
    read = f"{AROUND} Ủy tan nhân dân, nhân tân tân"
    assert_read_back(typedbar.typed_bars, typed, read, f"{AROUND} Ủy ban nhân dân, nhân dân tân", SIZES[0])


@pytest.mark.parametrize("size", SIZES)
def test_typed_bars_leaves_other_pages_alone(size: int) -> None:
    assert_left_alone(typedbar.typed_bars, "là", "tà", size)


@pytest.mark.slow
def test_generated_typed_document_reads_its_l_end_to_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first typewritten document of seed 278 (``generate.py --docs 1 --groups typewriter``): its ``là``, read
    ``tà`` without the rule, is ``là`` in the record and in the PDF/A's text layer, no truth word is lost, the
    document loses fewer words, and the PDF/A-1b passes Preflight."""
    done = typed_both_ways_older(tmp_path, 278,
                                 lambda: monkeypatch.setattr(pagework, "typed_bars", lambda ocr, typed: ocr))
    assert_mended(done, "tà", "là")


@pytest.mark.slow
def test_generated_typed_document_reads_a_set_phrases_letter_end_to_end(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The first typewritten document of seed 296 (``generate.py --docs 1 --groups typewriter``): its legal basis
    line's ``Ủy ban nhân dân``, whose worn ``b`` reads ``t`` and the ``l``'s stem (``Ủy lan nhân dân`` with the ``l``
    alone, session 44's second round), reads ``ban`` in the record and in the PDF/A's text layer, no truth word is
    lost, the document loses fewer words, and the PDF/A-1b passes Preflight."""
    done = typed_both_ways_older(tmp_path, 296, lambda: monkeypatch.setattr(
        typedbar, "stem_reading", lambda texts, lines, k: typedbar.l_reading(texts[k])))
    assert_mended(done, "lan", "ban")
