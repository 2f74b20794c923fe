"""Review flags, forty-first round (issue 14 item 9): seed 51's slip, one printed word read twice from one place
(HG51 seals-33-tb-219's signer ``Tạ Tạ Thanh Vân``, the two ``Tạ`` in boxes almost wholly overlapping). Flagged,
never changed; a name that repeats a word side by side (``Hồ Quang Quang``) is left alone."""

from __future__ import annotations

from archivist.twiceflags import overlap, twice_doubt
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page

#: HG51 seals-33-tb-219's signature line, as stored
TA_TWICE = [("Tạ", 96.85, (1692, 2441, 1760, 2539), 23), ("Tạ", 93.58, (1702, 2439, 1764, 2544), 23),
            ("Thanh", 95.0, (1790, 2485, 1930, 2529), 23), ("Vân", 91.87, (1953, 2485, 2056, 2529), 23)]


def test_overlap_is_the_share_of_the_smaller_box() -> None:
    assert overlap((0, 0, 10, 10), (0, 0, 10, 10)) == 1.0
    assert overlap((0, 0, 10, 10), (5, 0, 15, 10)) == 0.5
    assert overlap((0, 0, 10, 10), (2, 2, 4, 4)) == 1.0  # the small box inside the large one
    assert overlap((0, 0, 10, 10), (12, 0, 20, 10)) == 0.0
    assert overlap((0, 0, 0, 10), (0, 0, 10, 10)) == 0.0  # an empty box covers nothing


def test_a_word_read_twice_from_one_place_is_doubted() -> None:
    assert "read twice" in (twice_doubt("Tạ Tạ Thanh Vân", TA_TWICE) or "")


def test_a_name_repeating_a_word_side_by_side_is_not_doubted() -> None:
    side = [("Hồ", 96.0, (100, 0, 140, 40), 1), ("Quang", 96.0, (160, 0, 260, 40), 1),
            ("Quang", 96.0, (280, 0, 380, 40), 1)]
    assert twice_doubt("Hồ Quang Quang", side) is None


def test_overlapping_words_of_different_text_or_a_value_holding_the_word_once_are_not_doubted() -> None:
    # a word's box stretched over its neighbours (NHÂN's over DÂN): common, and no word read twice
    stretched = [("NHÂN", 96.6, (1342, 278, 1536, 314), 0), ("DÂN", 96.5, (1464, 275, 1539, 325), 0)]
    assert twice_doubt("ỦY BAN NHÂN DÂN", stretched) is None
    # the two boxes of one word, the value built from one of them: nothing doubled in it
    assert twice_doubt("Tạ Thanh Vân", TA_TWICE) is None


def test_a_signer_read_twice_is_flagged_through_extract() -> None:
    foot = [[(c[0], c[1].replace("Hà Hữu Thắng", "Hà Hà Hữu Thắng")) for c in row] for row in FOOT]
    page = _page(HEAD + foot)
    ha = [i for i, w in enumerate(page.words) if w[0] == "Hà"]
    assert len(ha) == 2
    first = page.words[ha[0]]
    x0, y0, x1, y1 = first[2]
    page.words[ha[1]] = ("Hà", 93.6, (x0 + 4, y0 - 2, x1 + 4, y1 + 3), first[3])  # the same place, read again
    meta = _extract(page)
    signer = meta.fields()["signer"]
    assert signer.value == "Hà Hà Hữu Thắng" and "read twice" in (signer.review or "")
    assert "signer" in meta.needs_review
    side = _extract(_page(HEAD + foot))  # the same words side by side: a name may repeat a word
    assert side.fields()["signer"].value == "Hà Hà Hữu Thắng" and side.fields()["signer"].review is None
