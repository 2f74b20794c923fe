"""A typewritten ``l`` read ``t`` in a syllable that makes no word with its neighbours (archivist/typedflag.py): which
syllables are asked, the ``l``'s flag measured on glyphs typed in the mono face, a typed line, and a generated
typewritten document end to end through ``archivist process``."""

from __future__ import annotations

from pathlib import Path

import pytest

from archivist import pagework, typedflag
from archivist.typedpair import pair_reading
from archivist.typedupper import body_of, glyph_cells
from tests.rereadcheck import assert_mended, typed_both_ways
from tests.test_typedring import SIZES, _page, assert_left_alone, assert_read_back


@pytest.mark.parametrize(("read", "i", "want"), [
    (["quản", "tý"], 1, (0, "lý")), (["thành", "tập"], 1, (0, "lập")), (["thảo", "tuận"], 1, (0, "luận")),
    (["Độc", "tập"], 1, (0, "lập")),  # a capitalised first word opens the run
    (["tổ", "chức"], 0, None), (["tăng", "cường"], 0, None),  # words of the list: never asked
    (["tại", "xã"], 0, None),  # in no word, and no l makes one
])
def test_pair_reading_asks_an_l_for_a_t_making_a_word(read: list[str], i: int, want: tuple[int, str] | None) -> None:
    assert pair_reading(read, i, typedflag._l_forms) == want


@pytest.mark.parametrize("size", SIZES)
def test_flagged_tells_an_l_from_a_t(size: int) -> None:
    """Over its first rows above the small letters' height the mono face's ``l`` shows its flag, its ``t`` a bare
    stem."""
    img, ocr = _page("lý tý nam", "lý tý nam", size)
    pitch = 0.6 * size
    l_cells, _ = glyph_cells(img, ocr.words[0].bbox, 2, pitch)
    t_cells, _ = glyph_cells(img, ocr.words[1].bbox, 2, pitch)
    small = body_of(glyph_cells(img, ocr.words[2].bbox, 3, pitch)[0][2])[0]  # the m: a small letter's body
    assert typedflag.flagged(l_cells[0], small, pitch)
    assert not typedflag.flagged(t_cells[0], small, pitch)
    assert not typedflag.flagged(l_cells[0], 2 * small, pitch)  # no stem above the small letters: not an l


@pytest.mark.parametrize("size", SIZES)
def test_typed_flags_reads_an_l_again(size: int) -> None:
    """On a line typed in the mono face, ``quản lý`` and ``thành lập`` read ``quản tý`` and ``thành tập`` come back as
    typed (boxes and lines as read); a typed ``quản tý`` (a ``t``) and ``tổ chức`` stay."""
    around = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM giao cho các xã như sau"
    assert_read_back(typedflag.typed_flags, f"{around} quản lý thành lập quản tý tổ chức",
                     f"{around} quản tý thành tập quản tý tổ chức", f"{around} quản lý thành lập quản tý tổ chức",
                     size)


@pytest.mark.parametrize("size", SIZES)
def test_typed_flags_leaves_other_pages_alone(size: int) -> None:
    assert_left_alone(typedflag.typed_flags, "quản lý", "quản tý", size)


@pytest.mark.slow
def test_generated_typed_document_reads_its_l_end_to_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first typewritten document of seed 234 (``generate.py --docs 1 --groups typewriter``: a report of Phước
    Thiền, two pages): its ``quản lý``, read ``quản tý`` without the rule, is ``lý`` in the record and in the PDF/A's
    text layer, no truth word is lost, the pages lose fewer words, and the PDF/A-1b passes Preflight."""
    def without() -> None:  # typedbar (session 44) reads this l by its missing bar too: both taken out
        monkeypatch.setattr(pagework, "typed_flags", lambda ocr, typed: ocr)
        monkeypatch.setattr(pagework, "typed_bars", lambda ocr, typed: ocr)

    done = typed_both_ways(tmp_path, 234, without)
    assert_mended(done, "tý", "lý")
