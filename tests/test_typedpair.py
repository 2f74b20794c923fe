"""A typewritten ``o`` read ``e`` in a syllable in use that makes no word with its neighbours (archivist/typedpair.py):
which syllables are asked, a ring split by wear measured whole (archivist/typedring.py's ``ring_span``), a typed
line, and a generated typewritten document end to end through ``archivist process``."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from archivist import pagework, typedpair, typedring
from archivist.typedupper import body_of, glyph_cells
from tests.rereadcheck import assert_mended, typed_both_ways
from tests.test_typedring import AROUND, SIZES, _page, assert_left_alone, assert_read_back


@pytest.mark.parametrize(("read", "i", "want"), [
    (["mệt", "số"], 0, (1, "một")), (["mức", "đệ"], 1, (1, "độ")), (["Mệt", "số"], 0, (1, "Một")),  # case kept
    (["đẹng", "viên"], 0, (1, "động")),  # the neighbour picks the one o the word alone could not
    (["hệ", "thống"], 0, None), (["về", "việc"], 0, None),  # a word of the list: never asked
    (["công", "tác", "tết"], 2, None),  # no o makes a word there
    (["nên", "các"], 0, None),  # in no word, and no o makes one
])
def test_pair_reading_is_the_one_o_making_a_word_with_a_neighbour(read: list[str], i: int,
                                                                   want: tuple[int, str] | None) -> None:
    assert typedpair.pair_reading(read, i) == want


def test_runs_are_cut_by_punctuation_capitals_and_digits() -> None:
    texts = ["Về", "việc", "tổ", "chức,", "hộ", "nghèo", "(năm", "2019)", "UBND", "xã", "mệt", "số", "x"]
    assert list(typedpair.runs(texts)) == [[0, 1, 2, 3], [4, 5], [9, 10, 11, 12]]


@pytest.mark.parametrize("size", SIZES)
def test_ring_split_by_wear_is_measured_whole(size: int) -> None:
    """Paper rows worn across the top of an ``ộ``'s ring leave two parts, neither the small letters' height; taken
    together they are, and the ring has no bar across its middle. The same rows worn across an ``ệ`` leave its bar."""
    img, ocr = _page("độ đệ", "độ đệ", size)
    pitch = 0.6 * size
    cells, top = glyph_cells(img, ocr.words[0].bbox, 2, pitch)
    small, _, bottom = body_of(cells[1])
    worn = img.copy()
    cut = top + bottom - small + round(0.25 * small)
    worn[cut:cut + 2, :] = 255  # paper rows across the whole line, a quarter down the rings
    o_cell = glyph_cells(worn, ocr.words[0].bbox, 2, pitch)[0][1]
    e_cell = glyph_cells(worn, ocr.words[1].bbox, 2, pitch)[0][1]
    assert body_of(o_cell)[0] < typedring.BODY_RANGE[0] * small  # the worn ring's body alone: too short
    assert typedring.ring_span(o_cell, small) is not None
    assert typedring.barless(o_cell, small, pitch)
    assert not typedring.barless(e_cell, small, pitch)
    assert typedring.ring_span(np.zeros((30, 12), np.uint8), small) is None


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(("typed", "read"), [
    ("một số mức độ mệt số hệ thống", "mệt số mức đệ mệt số hệ thống"),  # a pair: the neighbours ask
    ("Hộ ông Hộ bà hộ tịch Hệ ông", "Hệ ông Hệ bà hệ tịch Hệ ông"),  # a set phrase asks (session 47)
    ("phí cho các hộ mưu cho Ủy ban che các", "phí che các hộ mưu che Ủy ban che các"),  # cho (session 48)
])
def test_typed_pairs_reads_an_o_again(size: int, typed: str, read: str) -> None:
    """On a line typed in the mono face, ``một số`` and ``mức độ`` read ``mệt số`` and ``mức đệ``, and ``Hộ ông``,
    ``Hộ bà`` and ``hộ tịch`` read with an ``ệ``, and ``cho các``, ``cho Ủy`` read ``che``, come back as typed (boxes
    and lines as read); a typed ``mệt số``, ``Hệ ông`` or ``che các`` (its ``e`` crossed by the bar) and ``hệ thống``
    stay."""
    assert_read_back(typedpair.typed_pairs, f"{AROUND} {typed}", f"{AROUND} {read}", f"{AROUND} {typed}", size)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(("typed", "read"), [("một số", "mệt số"), ("Hộ ông", "Hệ ông"), ("cho các", "che các")])
def test_typed_pairs_leaves_other_pages_alone(size: int, typed: str, read: str) -> None:
    assert_left_alone(typedpair.typed_pairs, typed, read, size)


@pytest.mark.slow
def test_generated_typed_document_reads_its_o_end_to_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The seventh typewritten document of seed 234 (``generate.py --docs 7 --groups typewriter``: an official letter
    of Long Hưng): its ``một số``, read ``mệt số`` without the rule, is ``một`` in the record and in the PDF/A's text
    layer, no truth word is lost, the page loses fewer words, and the PDF/A-1b passes Preflight."""
    done = typed_both_ways(tmp_path, 234, lambda: monkeypatch.setattr(pagework, "typed_pairs", lambda ocr, typed: ocr),
                           doc=7)
    assert_mended(done, "mệt", "một")


@pytest.mark.parametrize(("texts", "lines", "k", "want"), [
    (["1.", "Hệ", "ông", "Trần"], [0, 0, 0, 0], 1, (1, "Hộ")),  # a household item (TITLED)
    (["2.", "hệ", "bà", "Lý"], [0, 0, 0, 0], 1, (1, "hộ")),  # case kept
    (["Tư", "pháp", "-", "Hệ", "tịch"], [0] * 5, 3, (1, "Hộ")),  # a lexicon phrase (hộ tịch)
    (["các", "hệ", "nghèo"], [0, 0, 0], 1, (1, "hộ")),  # hộ nghèo
    (["hệ", "thống"], [0, 0], 0, None),  # no phrase puts an o there
    (["Hộ", "ông"], [0, 0], 0, None),  # read right: nothing asked
    (["Hệ", "ông"], [0, 1], 0, None),  # the title on the next line
    (["hệ,", "ông"], [0, 0], 0, None),  # punctuation between
    (["HỆ", "ÔNG"], [0, 0], 0, None),  # capitals: a heading or a name
    (["thế", "ông"], [0, 0], 0, None),  # the o's word is not the phrase's
    (["kinh", "phí", "che", "các", "hộ"], [0] * 5, 2, (2, "cho")),  # cho các (GIVEN_TO, session 48)
    (["mưu", "che", "Ủy", "ban"], [0] * 4, 1, (2, "cho")),  # cho Ủy ban
    (["Che", "hộ", "nghèo"], [0] * 3, 0, (2, "Cho")),  # case kept
    (["che", "các"], [0, 1], 0, None),  # the next word on the next line
    (["che,", "các"], [0, 0], 0, None),  # punctuation between
    (["che", "chắn"], [0, 0], 0, None),  # che chắn: a word, nothing asked
    (["hệ", "các"], [0, 0], 0, None),  # its o makes hộ, not cho
])
def test_phrase_reading_is_the_set_phrases_o(texts: list[str], lines: list[int], k: int,
                                            want: tuple[int, str] | None) -> None:
    assert typedpair.phrase_reading(texts, lines, k) == want


@pytest.mark.slow
def test_generated_household_item_reads_its_o_end_to_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The third typewritten document of fit seed 405 (``generate.py --docs 8 --groups typewriter``: a decision of
    Cẩm Thạch listing households), its first page alone: its ``1. Hộ ông Trần Minh Hòa``, read ``Hệ ông`` without
    the set phrase's asking, is ``Hộ`` in the record and in the PDF/A's text layer, no truth word is lost, the page
    loses fewer words, and the PDF/A-1b passes Preflight."""
    def off() -> None:
        monkeypatch.setattr(typedpair, "phrase_reading", lambda texts, lines, k: None)

    done = typed_both_ways(tmp_path, 405, off, doc=3, docs=8, page=0)
    assert_mended(done, "Hệ", "Hộ")
