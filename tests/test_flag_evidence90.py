"""Review flags, ninetieth round (issue 14 item 9): a name word the restorer changed while another word of the page
lies across it (HG111 tables-25 qd-242's signer, printed ``Lê Tiến Thịnh``: the seal's ring and the signature over
``Lê`` read ``Tả`` at 95, the signature's strokes ``Z2`` across its box, restored ``Tạ`` and stored unflagged at
0.879). Flagged, never changed."""

from __future__ import annotations

from archivist.namerival import crossed_name_doubt
from tests.test_flag_evidence import CHOICES, FOOT, HEAD, _extract, _page

#: HG111 qd-242's name line as stored (upright page pixels), and the signature's words above it
NAME = [("Tả", (1155, 556, 1210, 627)), ("Tiến", (1215, 580, 1294, 638)), ("Thịnh", (1307, 580, 1410, 638))]
STROKES = [("Z2", (1089, 507, 1201, 584)), ("J„M}M", (1194, 446, 1406, 564))]


def test_a_restored_word_a_stroke_crosses_is_doubted() -> None:
    why = crossed_name_doubt("Tạ Tiến Thịnh", NAME, STROKES)
    assert why is not None and "'Tả' was stored 'Tạ'" in why and "'Z2'" in why


def test_a_word_kept_as_read_uncrossed_or_unpaired_is_not() -> None:
    # kept as read: the letters are the engine's, no guess made from them (other rules judge the word)
    assert crossed_name_doubt("Tả Tiến Thịnh", NAME, STROKES) is None
    # restored, but nothing lies across it: the signature a line higher, as on most pages
    high = [(t, (x0, y0 - 100, x1, y1 - 100)) for t, (x0, y0, x1, y1) in STROKES]
    assert crossed_name_doubt("Tạ Tiến Thịnh", NAME, high) is None
    # a word touching the box's edge only covers nothing of it
    assert crossed_name_doubt("Tạ Tiến Thịnh", NAME, [("Z2", (1089, 507, 1155, 584))]) is None
    assert crossed_name_doubt("Tạ Tiến Thịnh", NAME[:2], STROKES) is None  # the words do not pair with the value's


def test_the_signer_through_extract_is_flagged_and_kept() -> None:
    foot = FOOT[:-1] + [[(1000, "Z2 J„M}M")], [(1000, "Tả Hữu Thắng")]]
    # the name's first word 20 px taller, up into the strokes' line (rows are 40 px apart, words 30 px high)
    crossed = _extract(_page(HEAD + foot, rivals=CHOICES, tall={"Tả": 20})).fields()["signer"]
    assert crossed.value == "Tạ Hữu Thắng" and "'Z2'" in (crossed.review or "")
    apart = _extract(_page(HEAD + foot, rivals=CHOICES)).fields()["signer"]
    assert apart.value == "Tạ Hữu Thắng" and apart.review is None
    listed = FOOT[:-1] + [[(1000, "Z2 J„M}M")], [(1000, "Hà Hữu Thắng")]]
    kept = _extract(_page(HEAD + listed, rivals=CHOICES, tall={"Hà": 20})).fields()["signer"]
    assert kept.value == "Hà Hữu Thắng" and kept.review is None  # read as a listed name: no guess to doubt
