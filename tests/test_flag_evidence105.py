"""Review flags, hundred-and-fifth round (issue 14 item 9, session 38): a signature block that reads one position
on two lines, one under the other, with no authority (HH371 seals-36-kh-080-phu-luong: a seal over the left of
``KT. CHỦ TỊCH`` / ``PHÓ CHỦ TỊCH`` left ``⁄2 CHỦ TỊCH`` over ``CHỦ TỊCH``, and ``CHỦ TỊCH`` was stored for ``PHÓ
CHỦ TỊCH`` at 0.83, unflagged). Decree 30 prints a position twice only in a deputy's block, so the position is
flagged as a deputy's whose ``KT.`` and ``PHÓ`` were not read; the value is kept."""

from __future__ import annotations

from archivist.deputyflags import repeated_doubt
from archivist.fields import Field
from archivist.footer import Footer
from archivist.ocrtext import Line, page_lines
from tests.test_flag_evidence import HEAD, _extract, _page

#: HH371's block as read: the seal's mark (``⁄2``, one tall word at 57) before the first line's position
SEAL = [[(100, "Nơi nhận:"), (960, "⁄2 CHỦ TỊCH")], [(100, "- UBND huyện Đông Hưng (b/c);"), (1010, "CHỦ TỊCH")],
        [(100, "- Các thành viên Ban Chỉ đạo;")], [(100, "- Lưu: VT TP.")], [(1000, "Hà Hữu Thắng")]]
REASON = "one position printed twice is a deputy's block (KT. over PHÓ) whose 'KT.' and 'PHÓ' were not read"


def _block(*texts: str) -> list[Line]:
    """The right column's lines of a block of ``texts``, one a row."""
    page = _page([[(1000, t)] for t in texts])
    return [ln for ln in page_lines(page) if ln.text.strip()]


def _case(value: str, texts: tuple[str, ...], authority: str | None = None) -> tuple[Field, Footer]:
    """The position ``value`` stored from the last of the block's lines ``texts``, and the block's footer (its
    first line the authority when ``authority`` is given)."""
    lines = _block(*texts)
    footer = Footer(1, authority=(authority, lines[0]) if authority else None,
                    positions=lines[1:] if authority else lines)
    return Field(value, 0.83, 1, lines[-1].box(), lines[-1].text), footer


def _doubt(value: str, *texts: str, authority: str | None = None) -> str | None:
    return repeated_doubt(*_case(value, texts, authority))


def test_one_position_read_twice_without_an_authority_is_doubted() -> None:
    why = _doubt("CHỦ TỊCH", "⁄2 CHỦ TỊCH", "CHỦ TỊCH")
    assert why is not None and why.endswith(REASON) and "'/2 CHỦ TỊCH'" in why, why  # as read: the mark normalised
    assert _doubt("CHỦ TỊCH", "CHỦ TỊCH", "CHỦ TỊCH") is not None  # both words lost, nothing left of the mark
    assert _doubt("BÍ THƯ", "/ Bí thư", "BÍ THƯ") is not None  # case and marks folded, any position


def test_a_chairs_a_deputys_or_an_authoritys_block_is_not_doubted() -> None:
    assert _doubt("CHỦ TỊCH", "ỦY BAN NHÂN DÂN", "CHỦ TỊCH") is None  # TM.'s body, its authority lost: not a repeat
    assert _doubt("PHÓ CHỦ TỊCH", "CHỦ TỊCH", "PHÓ CHỦ TỊCH") is None  # a deputy's position already
    assert _doubt("CHỦ TỊCH", "KT. CHỦ TỊCH", "CHỦ TỊCH", authority="KT.") is None  # the authority was read
    assert _doubt("CHỦ TỊCH", "XT. CHỦ TỊCH", "CHỦ TỊCH") is None  # a word with letters: authority_lost_doubt's
    assert _doubt("CHỦ TỊCH", "CHỦ TỊCH") is None  # one line
    assert _doubt("CHỦ TỊCH", "CHỦ TỊCH UBND", "CHỦ TỊCH") is None  # another line, not the same position


def test_the_seals_block_is_flagged_and_kept_through_extract() -> None:
    meta = _extract(_page(HEAD + SEAL, conf={"⁄2": 56.9}, tall={"⁄2": 90}))
    assert meta.signer_position.value == "CHỦ TỊCH" and meta.authority.value is None
    assert "signer_position" in meta.needs_review and (meta.signer_position.review or "").endswith(REASON)
    chair = [[(100, "Nơi nhận:"), (1000, "TM. ỦY BAN NHÂN DÂN")], [(100, "- Như trên;"), (1000, "CHỦ TỊCH")],
             [(100, "- Lưu: VT, TP.")], [(1000, "Hà Hữu Thắng")]]
    right = _extract(_page(HEAD + chair))
    assert right.signer_position.value == "CHỦ TỊCH" and "signer_position" not in right.needs_review
    deputy = [[(100, "Nơi nhận:"), (1000, "KT. CHỦ TỊCH")], [(100, "- Như trên;"), (1000, "PHÓ CHỦ TỊCH")],
              [(100, "- Lưu: VT, TP.")], [(1000, "Hà Hữu Thắng")]]
    kept = _extract(_page(HEAD + deputy))
    assert kept.signer_position.value == "PHÓ CHỦ TỊCH" and "signer_position" not in kept.needs_review
