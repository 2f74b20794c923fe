"""Review flags, sixtieth round (issue 14 item 9): a signer stored from the block of one who signs second (HG71
typewriter-08-bb-231-phu-luong: the minutes' secretary ``Hồ Thanh Trang`` and ``THƯ KÝ`` stored for the chair
``Huỳnh Trọng Hiếu``, ``CHỦ TỌA``, with nothing beside the secretary's block to say the chair's was lost). A stored
position that is a second signer's (``signwords.SECONDARY``) with no authority flags the position and the signer; the
values are kept. A recipient ending with a bracketed code read without its slash (HG72 speckle-20-ttr-132:
``TT Đảng ủy xã (hè)`` for ``(b/c)``): the list flagged, kept."""

from __future__ import annotations

from archivist.annotflags import annotation_doubt
from archivist.secondsigner import second_signer_doubt
from tests.test_flag_evidence import HEAD, _extract, _page
from tests.test_flag_evidence21 import MINUTES


def test_a_second_signers_position_without_authority_is_doubted() -> None:
    assert "'THƯ KÝ'" in (second_signer_doubt("THƯ KÝ", None) or "")
    assert second_signer_doubt("Thư ký", None) is not None  # folded: the case does not hide it
    assert second_signer_doubt("NGƯỜI ĐƯỢC ỦY QUYỀN", None) is not None


def test_a_principals_position_or_one_under_an_authority_is_not_doubted() -> None:
    for position in ("CHỦ TỌA", "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "NGƯỜI KÝ TRÍCH LỤC", "CHỦ TRÌ", ""):
        assert second_signer_doubt(position, None) is None, position
    assert second_signer_doubt("THƯ KÝ", "TM.") is None  # signed for the body: the authority says so


def test_the_secretarys_block_alone_is_flagged_and_kept_through_extract() -> None:
    alone = _extract(_page(MINUTES[:-3] + [[(300, "THƯ KÝ")], [], [(260, "Võ Quang Tâm")]]))
    assert alone.signer.value == "Võ Quang Tâm" and alone.signer_position.value == "THƯ KÝ"  # kept
    assert {"signer", "signer_position"} <= set(alone.needs_review)
    assert "signs second" in (alone.signer_position.review or "") and "signs second" in (alone.signer.review or "")
    read = _extract(_page(MINUTES))  # the chair's block read: the chair's taken, no doubt of this rule
    assert read.signer.value == "Vũ Thanh Phượng" and read.signer_position.value == "CHỦ TỌA"
    assert "signs second" not in (read.signer.review or "") + (read.signer_position.review or "")


# --- a recipient's annotation read without its slash (HG72 ttr-132: '(hè)' for '(b/c)') -------------------------

def test_a_bracketed_code_without_its_slash_is_doubted() -> None:
    assert "'(hè)'" in (annotation_doubt(["UBND huyện Yên Thành (b/c);", "TT Đảng ủy xã (hè)"]) or "")
    assert annotation_doubt(["UBND huyện Châu Thành (B:c)"]) is not None  # a speck for the slash


def test_annotations_with_a_slash_words_and_counts_are_not_doubted() -> None:
    for item in ("UBND huyện (b/c);", "Các thôn (t/h);", "TT Đảng ủy (để biết)", "Lưu: VT (02)", "Như trên;", "X ()"):
        assert annotation_doubt([item]) is None, item


def test_the_lost_slash_is_flagged_and_kept_through_extract() -> None:
    foot = [[(100, "Nơi nhận:"), (1000, "TM. ỦY BAN NHÂN DÂN")], [(100, "- UBND huyện (b/c);"), (1000, "CHỦ TỊCH")],
            [(100, "- TT Đảng ủy xã (hè);")], [(100, "- Lưu: VT.")], [(1000, "Hà Hữu Thắng")]]
    meta = _extract(_page(HEAD + foot))
    assert any("(hè)" in v for v in meta.recipients.value)  # kept
    assert "recipients" in meta.needs_review and "without its slash" in (meta.recipients.review or "")
    slash = [(100, "- TT Đảng ủy xã (b/c);")]
    right = _extract(_page(HEAD + [row if "hè" not in row[0][1] else slash for row in foot]))
    assert "without its slash" not in (right.recipients.review or "")
