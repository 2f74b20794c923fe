"""Review flags, hundred-and-sixty-fourth round (issue 14 item 9, session 45): a deputy's block whose ``KT.`` and
position were each read a letter off and whose ``PHÓ`` was lost (HG321 typewriter-10-tb-052-kim-son: ``KT. CHỦ
TỊCH`` / ``PHÓ CHỦ TỊCH`` typed with worn keys read ``XT. CHẾ TỊCH`` over ``CHỦ TỊCH``, and ``CHỦ TỊCH`` was stored
for ``PHÓ CHỦ TỊCH`` at 0.778, unflagged). The position is flagged as a deputy's; the value is kept."""

from __future__ import annotations

from archivist.deputyflags import misread_repeat_doubt
from tests.test_flag_evidence import HEAD, _extract, _page
from tests.test_flag_evidence105 import _case

#: HG321 tb-052's block as read (page 2): the authority's K read X, the position's Ủ read Ế, the PHÓ lost
WORN = [[(100, "&zxi nhận:"), (1158, "XT. CHẾ TỊCH")], [(100, "- UBND huyện Đông mều (b/c};"), (1244, "CHỦ TỊCH")],
        [(100, "- bài truyền thanh xã;")], [(1148, "Huỳnh Mỹ Dung")]]
REASON = "a deputy's block (KT. over PHÓ) whose 'PHÓ' was not read"


def _doubt(value: str, *texts: str, authority: str | None = None) -> str | None:
    return misread_repeat_doubt(*_case(value, texts, authority))


def test_kt_and_the_position_each_a_letter_off_over_the_position_are_doubted() -> None:
    why = _doubt("CHỦ TỊCH", "XT. CHẾ TỊCH", "CHỦ TỊCH")
    assert why is not None and why.endswith(REASON) and "'XT. CHẾ TỊCH'" in why, why
    assert _doubt("CHỦ TỊCH", "KT: CHỦ TỊCN", "CHỦ TỊCH") is not None  # the colon, the position's last letter
    assert _doubt("TRƯỞNG BAN", "KI. TRƯỞNG BAM", "TRƯỞNG BAN") is not None  # any position, folded


def test_a_chairs_an_acting_heads_or_another_block_is_not_doubted() -> None:
    assert _doubt("CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH") is None  # the chair's block
    assert _doubt("CHỦ TỊCH", "TM. CHỦ TỊCH", "CHỦ TỊCH") is None  # TM is two letters from KT
    assert _doubt("CHỦ TỊCH", "Q. CHỦ TỊCH", "CHỦ TỊCH") is None  # an acting head's
    assert _doubt("CHÁNH VĂN PHÒNG", "TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG") is None  # another position
    assert _doubt("PHÓ CHỦ TỊCH", "XT. CHẾ TỊCH", "PHÓ CHỦ TỊCH") is None  # a deputy's position already
    assert _doubt("CHỦ TỊCH", "KT. CHỦ TỊCH", "CHỦ TỊCH", authority="KT.") is None  # the authority was read
    assert _doubt("CHỦ TỊCH", "XT. CHẾ TỊCH UBND", "CHỦ TỊCH") is None  # a word more: not the same position
    assert _doubt("CHỦ TỊCH", "XT. KHẾ TỊNH", "CHỦ TỊCH") is None  # two letters off
    assert _doubt("CHỦ TỊCH", "CHỦ TỊCH") is None  # one line


def test_the_worn_block_is_flagged_and_kept_through_extract() -> None:
    meta = _extract(_page(HEAD + WORN))
    assert meta.signer_position.value == "CHỦ TỊCH" and meta.authority.value is None
    assert "signer_position" in meta.needs_review and (meta.signer_position.review or "").endswith(REASON), \
        meta.signer_position.review
    deputy = [[(100, "Nơi nhận:"), (1000, "KT. CHỦ TỊCH")], [(100, "- Như trên;"), (1000, "PHÓ CHỦ TỊCH")],
              [(100, "- Lưu: VT, TP.")], [(1000, "Huỳnh Mỹ Dung")]]
    kept = _extract(_page(HEAD + deputy))
    assert kept.signer_position.value == "PHÓ CHỦ TỊCH" and "signer_position" not in kept.needs_review
