"""A typewritten ``h`` opening a word read ``n`` and a ``b`` read ``h`` (archivist/typedopen.py): which words are asked,
the ``h``'s ascender and the ``b``'s bowl foot measured on glyphs typed in the mono face, typed lines, and generated
typewritten documents end to end through ``archivist process``."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from archivist import pagework, typedopen
from archivist.typedstem import lone_reading
from archivist.typedupper import glyph_cells
from tests.rereadcheck import assert_mended, typed_both_ways
from tests.test_typedring import AROUND, SIZES, _page, assert_left_alone, assert_read_back
from tests.test_typedstem import _small


@pytest.mark.parametrize(("read", "want"), [
    ("nộ", (0, "hộ")), ("nư,", (0, "hư,")), ("(nạn", (1, "(hạn")),  # asked; the glyph decides
    ("Nộ", None), ("NỘ", None),  # a capital N: a name's, or another rule's
    ("nxy", None), ("anộ", None), ("nộ2", None),  # no syllable made; an n inside a word; a digit
    ("hộ", None), ("n", None),  # nothing to read again; one letter
])
def test_h_reading_asks_an_n_opening_a_word(read: str, want: tuple[int, str] | None) -> None:
    assert typedopen.h_reading(read) == want


@pytest.mark.parametrize(("read", "forms", "want"), [
    ("nuy", typedopen._opening_h, (0, "huy")), ("nuyện.", typedopen._opening_h, (0, "huyện.")),
    ("niện", typedopen._opening_h, (0, "hiện")),  # none in use: the one word the h makes
    ("nộ", typedopen._opening_h, None),  # a word in use: the glyph alone must say it
    ("hiệt", typedopen._opening_b, (0, "biệt")), ("huổi", typedopen._opening_b, (0, "buổi")),
    ("hộ", typedopen._opening_b, None), ("HIỆT", typedopen._opening_b, None),  # in use; capitals
])
def test_words_none_uses_are_asked(read: str, forms, want: tuple[int, str] | None) -> None:  # noqa: ANN001
    assert lone_reading(read, forms) == want


@pytest.mark.parametrize("size", SIZES)
def test_ascender_tells_an_h_from_an_n(size: int) -> None:
    """Over the left half of its cell the mono face's ``h`` has ink above the small letters, its ``n`` none; an ``m``
    is no worn ``h`` (its third stem)."""
    img, ocr = _page(f"{AROUND} hộ nộ mộ", f"{AROUND} hộ nộ mộ", size)
    pitch, small = 0.6 * size, _small(img, ocr)
    h, n, m = (glyph_cells(img, ocr.words[k].bbox, 2, pitch)[0][0] for k in (-3, -2, -1))
    assert typedopen.ascender(h, small) and typedopen.h_glyph(h, small, pitch)
    assert not typedopen.ascender(n, small) and not typedopen.h_glyph(n, small, pitch)
    assert typedopen.worn_h_not_m(n, small, pitch)  # an n is what a worn h leaves
    assert not typedopen.worn_h_not_m(m, small, pitch)
    assert not typedopen.ascender(np.zeros((30, 12), np.uint8), small)


@pytest.mark.parametrize("size", SIZES)
def test_bowl_foot_tells_a_b_from_an_h(size: int) -> None:
    """Across the foot of its body the mono face's ``b`` closes its bowl; its ``h`` stands on two feet."""
    img, ocr = _page(f"{AROUND} bộ hộ", f"{AROUND} bộ hộ", size)
    pitch, small = 0.6 * size, _small(img, ocr)
    b, h = (glyph_cells(img, ocr.words[k].bbox, 2, pitch)[0][0] for k in (-2, -1))
    assert typedopen.bowl_foot(b, small, pitch)
    assert not typedopen.bowl_foot(h, small, pitch)
    assert not typedopen.bowl_foot(np.zeros((30, 12), np.uint8), small, pitch)


@pytest.mark.parametrize("size", SIZES)
def test_typed_openings_reads_an_h_and_a_b_again(size: int) -> None:
    """On a line typed in the mono face, ``huy``, ``hiện``, ``hư hại``, ``biên bản`` and ``đặc biệt`` read ``nuy``,
    ``niện``, ``nư hại``, ``hiên bản`` and ``đặc hiệt`` come back as typed (boxes and lines as read); a typed
    ``cứu nạn`` (an ``n`` making a word whose ``h`` makes one too) and a typed ``hiên bản`` stay."""
    typed = f"{AROUND} huy hiện hư hại biên bản đặc biệt cứu nạn hiên bản"
    read = f"{AROUND} nuy niện nư hại hiên bản đặc hiệt cứu nạn hiên bản"
    assert_read_back(typedopen.typed_openings, typed, read,
                     f"{AROUND} huy hiện hư hại biên bản đặc biệt cứu nạn hiên bản", size)


@pytest.mark.parametrize("size", SIZES)
def test_typed_openings_leaves_other_pages_alone(size: int) -> None:
    assert_left_alone(typedopen.typed_openings, "hư hại", "nư hại", size)


@pytest.mark.slow
def test_generated_typed_document_reads_its_h_end_to_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The sixth typewritten document of seed 302 (``generate.py --docs 6 --groups typewriter``): its ``hư``, read
    ``nư`` without the rule, is ``hư`` in the record and in the PDF/A's text layer, no truth word is lost, the
    document loses fewer words, and the PDF/A-1b passes Preflight."""
    done = typed_both_ways(tmp_path, 302, lambda: monkeypatch.setattr(pagework, "typed_openings",
                                                                      lambda ocr, typed: ocr), doc=6)
    assert_mended(done, "nư", "hư")


@pytest.mark.slow
def test_generated_typed_document_reads_its_b_end_to_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The fourth typewritten document of seed 302: its ``thông báo``, read ``thông háo`` without the rule, is
    ``báo`` in the record and in the PDF/A's text layer, no truth word lost, fewer lost, PDF/A-1b valid."""
    done = typed_both_ways(tmp_path, 302, lambda: monkeypatch.setattr(pagework, "typed_openings",
                                                                      lambda ocr, typed: ocr), doc=4)
    assert_mended(done, "háo", "báo")
