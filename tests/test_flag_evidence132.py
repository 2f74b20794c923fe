"""Review flags, hundred-and-thirty-second and -third rounds (issue 14 item 9, session 41; each fitted on the case it
catches: nothing held out behind them).

- flags132: fresh HG204 speckle-21-tb-161-yen-thinh stored ``CHỦ TỊCH`` for ``PHÓ CHỦ TỊCH`` (0.835) unflagged: the
  authority ``KT. CHỦ TỊCH`` read whole on the row of ``Nơi nhận:`` after a speck read as a bullet, so the footer took
  it for a recipient, read no authority, and the position under it stood alone. ``deputyflags.stacked_doubt`` reads
  ``KT.`` and the same position over it in its column: a deputy's block whose ``PHÓ`` was lost.
- flags133: sealed HG161 speckle-23-qd-153-tien-phong stored the item ``Chủ tịch, các PCT UBND xã, ko`` (0.85)
  unflagged: ``ko`` is a speck in the signature column (read at 0, 6 px tall) on the item's row, 13 row heights after
  it, taken for the item's tail because it opens in small letters (``sideflags.far_piece_doubt``).

Both flag and keep the value."""

from __future__ import annotations

from archivist import classify
from archivist.extract import Metadata, extract
from archivist.footer import Footer
from archivist.ocrtext import page_lines
from archivist.sideflags import far_piece_doubt
from tests.test_flag_evidence129 import Word, _with_head

#: HG204 speckle-21-tb-161's block (its page's lines 15-19), as read (text, confidence, box, line)
KT_BLOCK: list[Word] = [
    ('Nơi', 96.77, (331, 1049, 380, 1072), 15), ('nhận:', 91.81, (390, 1048, 469, 1079), 15),
    ('_.', 55.28, (519, 1065, 523, 1068), 15), ('-', 65.62, (1137, 1045, 1140, 1049), 15),
    ('KT.', 96.42, (1155, 1051, 1211, 1075), 15), ('CHỦ', 96.87, (1223, 1044, 1300, 1075), 15),
    ('TỊCH', 96.05, (1311, 1051, 1401, 1082), 15), ('-', 92.98, (331, 1108, 339, 1111), 16),
    ('UBND', 90.96, (350, 1096, 434, 1116), 16), ('huyện', 96.15, (445, 1094, 518, 1123), 16),
    ('Yên', 96.82, (529, 1094, 577, 1116), 16), ('Mô', 93.3, (589, 1094, 629, 1116), 16),
    ('(b', 92.34, (638, 1094, 663, 1123), 16), ('c);', 91.65, (673, 1095, 703, 1123), 16),
    ('CHỦ', 96.75, (1233, 1091, 1311, 1123), 16), ('TỊCH', 96.38, (1321, 1098, 1411, 1129), 16),
    ('-', 93.14, (331, 1147, 339, 1149), 17), ('Đài', 96.27, (350, 1133, 391, 1155), 17),
    ('truyền', 96.77, (403, 1132, 478, 1162), 17), ('thanh', 96.77, (487, 1133, 555, 1155), 17),
    ('xã;', 96.91, (565, 1134, 599, 1159), 17), ('-', 92.84, (331, 1185, 339, 1187), 18),
    ('Lưu:', 93.29, (357, 1168, 405, 1203), 18), ('VT..', 42.05, (421, 1168, 474, 1203), 18),
    ('“Cao', 53.45, (1122, 1325, 1234, 1389), 19), ('Mỹ', 96.38, (1251, 1364, 1288, 1407), 19),
    ('Loan', 93.53, (1310, 1365, 1383, 1389), 19),
]
#: sealed HG161 speckle-23-qd-153's block (its last page's lines 28-32), as read
SPECK_BLOCK: list[Word] = [
    ('Nơi', 96.79, (310, 1639, 359, 1663), 28), ('nhận:', 96.89, (369, 1638, 448, 1669), 28),
    ('TM.', 72.35, (1064, 1640, 1129, 1665), 28), ('ỦY', 72.35, (1142, 1633, 1191, 1665), 28),
    ('BAN', 95.65, (1203, 1640, 1275, 1665), 28), ('NHÂN', 96.86, (1287, 1632, 1391, 1665), 28),
    ('DÂN', 93.15, (1403, 1632, 1477, 1665), 28), ("'", 65.9, (1508, 1640, 1514, 1645), 28),
    ('-', 93.04, (311, 1698, 317, 1701), 29), ('Như', 97.02, (335, 1684, 377, 1707), 29),
    ('Điều', 93.61, (391, 1683, 443, 1706), 29), ('3;', 96.89, (459, 1686, 479, 1711), 29),
    ('`...', 46.87, (1088, 1686, 1136, 1709), 29), ('CHỦ', 95.94, (1183, 1680, 1259, 1715), 29),
    ('TỊCH.', 93.25, (1270, 1684, 1379, 1713), 29), ('-', 93.26, (310, 1736, 318, 1739), 30),
    ('Chủ', 96.98, (328, 1713, 377, 1744), 30), ('tịch,', 95.65, (387, 1722, 439, 1748), 30),
    ('các', 93.18, (449, 1721, 489, 1745), 30), ('PCT', 85.35, (499, 1724, 554, 1744), 30),
    ('UBND', 92.86, (564, 1724, 649, 1744), 30), ('xã,', 80.13, (659, 1723, 693, 1749), 30),
    ('ko', 0.0, (1088, 1735, 1113, 1741), 30), ('0', 17.09, (1173, 1710, 1189, 1758), 30),
    ('05', 17.09, (1222, 1725, 1227, 1731), 30), ('n0', 17.55, (1241, 1710, 1253, 1758), 30),
    ('CC', 33.87, (1329, 1710, 1345, 1758), 30), ('4', 30.86, (1364, 1734, 1368, 1737), 30),
    ('-', 31.47, (311, 1774, 318, 1777), 31), ('Lưu:', 31.47, (329, 1761, 384, 1783), 31),
    ('VT,', 91.56, (397, 1762, 440, 1786), 31), ('VX.', 93.1, (451, 1762, 499, 1797), 31),
    ('Dương', 96.84, (1095, 1933, 1203, 1990), 32), ('Phương', 96.35, (1213, 1954, 1334, 1987), 32),
    ('Huyền', 94.17, (1345, 1952, 1444, 1987), 32),
]

DEPUTY = "a deputy signs under 'KT.', and the position stored has no 'PHÓ'"
SPECK = "was taken into the list: a speck beside it, not the item's tail"


def _extract(words: list[Word]) -> Metadata:
    classify._LAST = None  # pages that differ in their boxes only: classified afresh
    return extract([_with_head(words)])


def _renamed(words: list[Word], names: dict[str, str]) -> list[Word]:
    return [(names.get(w, w), c, b, ln) for w, c, b, ln in words]


def test_kt_over_the_position_in_its_column_is_flagged_and_kept() -> None:
    meta = _extract(KT_BLOCK)
    assert meta.signer_position.value == "CHỦ TỊCH" and "signer_position" in meta.needs_review
    assert (meta.signer_position.review or "").endswith(DEPUTY), meta.signer_position.review
    assert "'KT. CHỦ TỊCH'" in (meta.signer_position.review or "")


def test_tm_or_another_authority_over_the_position_is_not() -> None:
    for word in ("TM.", "Q.", "TL."):  # a chair's, an acting head's, a delegate's: no PHÓ wanted
        meta = _extract(_renamed(KT_BLOCK, {"KT.": word}))
        assert "PHÓ" not in (meta.signer_position.review or ""), (word, meta.signer_position.review)
        assert not (meta.signer_position.review or "").endswith(DEPUTY), word


def test_a_weak_piece_far_beside_an_item_taken_into_it_is_doubted() -> None:
    lines = [ln for ln in page_lines(_with_head(SPECK_BLOCK)) if ln.index in (29, 30, 31) and ln.box()]
    listed = [ln for ln in lines if ln.box()[0] < 1000 or ln.text == "ko"]  # the list's lines as the footer took them
    items = ["Như Điều 3", "Chủ tịch, các PCT UBND xã, ko", "Lưu: VT, VX"]
    why = far_piece_doubt(Footer(1, recipients=listed), items)
    assert why is not None and why.endswith(SPECK) and why.startswith("'ko'"), why
    assert far_piece_doubt(Footer(1, recipients=listed), ["Như Điều 3", "Chủ tịch, các PCT UBND xã", "Lưu: VT, VX"]) \
        is None  # in no item: nothing to doubt
    near = [ln for ln in page_lines(_with_head([(w, c, (700, b[1], 725, b[3]) if w == "ko" else b, ln)
                                                for w, c, b, ln in SPECK_BLOCK])) if ln.index == 30]
    assert far_piece_doubt(Footer(1, recipients=near), items) is None  # the row's own tail: row_tail's to judge
    sure = [ln for ln in page_lines(_with_head([(w, 90.0 if w == "ko" else c, b, ln) for w, c, b, ln in SPECK_BLOCK]))
            if ln.index == 30 and (ln.box()[0] < 1000 or ln.text == "ko")]
    assert far_piece_doubt(Footer(1, recipients=sure), items) is None  # read surely: no speck


def test_the_list_is_flagged_and_kept_through_extract() -> None:
    meta = _extract(SPECK_BLOCK)
    assert meta.recipients.value == ["Như Điều 3", "Chủ tịch, các PCT UBND xã, ko", "Lưu: VT, VX"]
    assert "recipients" in meta.needs_review and (meta.recipients.review or "").endswith(SPECK)
