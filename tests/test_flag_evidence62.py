"""Review flags, sixty-second round (issue 14 item 9): seed 74's two wrong values left unflagged. HG74
typewriter-08-bb-117: the minutes' secretary's block read ``THƯ XÝ`` gave the signer ``Châu Trọng Trung`` for the
chair; a position one letter from a second signer's (and no known position) now flags the signer as ``THƯ KÝ`` does.
AT74 21-gnh-158: a memorandum's position stored as the side's heading ``ĐẠI DIỆN BÊN A`` for ``CHỦ TỊCH``; a party's
heading stored as the position is flagged (the position only). Values are kept."""

from __future__ import annotations

from rapidfuzz.distance import Levenshtein

from archivist.secondsigner import party_label_doubt, second_signer_doubt
from archivist.signwords import POSITIONS, SECONDARY
from tests.test_flag_evidence import _extract, _page
from tests.test_flag_evidence21 import MINUTES


def test_a_heading_one_letter_from_a_second_signers_is_doubted() -> None:
    assert "one letter from 'thu ky'" in (second_signer_doubt("THƯ XÝ", None) or "")
    assert second_signer_doubt("THƯ #Ý", None) is not None  # HG65 bb-136
    assert second_signer_doubt("THƯ XÝ", "TM.") is None  # signed for the body
    for position in ("CHỦ TỌA", "CHỦ TỊCH", "PHÓ CHỦ TTCH", "GHỦ TỊCH", "NGƯỜI KÝ", "CHỦ TRÌ"):
        assert second_signer_doubt(position, None) is None, position


def test_no_known_position_is_one_letter_from_a_second_signers() -> None:
    assert not [(p, s) for p in POSITIONS for s in SECONDARY if Levenshtein.distance(p, s) == 1]


def test_a_partys_heading_is_doubted_a_position_not() -> None:
    for label in ("ĐẠI DIỆN BÊN A", "ĐẠI DIỆN BÊN B", "BÊN A", "Đại diện bên B"):
        assert "party's heading" in (party_label_doubt(label) or ""), label
    for position in ("CHỦ TỊCH", "GIÁM ĐỐC", "THƯ KÝ", "", "ĐẠI DIỆN"):
        assert party_label_doubt(position) is None, position


def test_the_misread_secretarys_block_is_flagged_and_kept_through_extract() -> None:
    m = _extract(_page(MINUTES[:-3] + [[(300, "THƯ XÝ")], [], [(260, "Võ Quang Tâm")]]))
    assert m.signer.value == "Võ Quang Tâm" and m.signer_position.value == "THƯ XÝ"  # kept
    assert {"signer", "signer_position"} <= set(m.needs_review)
    assert "one letter from" in (m.signer.review or "")
    read = _extract(_page(MINUTES))  # the chair's block read: no doubt of this rule
    assert read.signer.value == "Vũ Thanh Phượng" and read.signer_position.value == "CHỦ TỌA"
    assert "signs second" not in (read.signer.review or "") + (read.signer_position.review or "")


def _memorandum(office_line: bool):
    rows = [[(100, "UBND HUYỆN QUỲNH LƯU")], [(100, "ỦY BAN NHÂN DÂN")], [(100, "XÃ QUỲNH HẬU")],
            [(100, "Số: 12/BGN-UBND"), (1000, "Xã Quỳnh Hậu, ngày 11 tháng 9 năm 2006")], [(600, "BẢN GHI NHỚ")],
            [(400, "Về việc phối hợp giữ gìn vệ sinh môi trường")],
            [(100, "Hai bên thống nhất các nội dung phối hợp sau đây.")],
            [(100, "ĐẠI DIỆN BÊN B"), (1000, "ĐẠI DIỆN BÊN A")]] + ([[(1000, "CHỦ TỊCH")]] if office_line else []) + \
        [[(100, "Hoàng Minh Khánh"), (1000, "Lê Ngọc Quý")]]
    return _extract(_page(rows))


def test_a_partys_heading_stored_as_the_position_is_flagged_and_kept_through_extract() -> None:
    m = _memorandum(office_line=False)
    assert m.signer_position.value == "ĐẠI DIỆN BÊN A"  # kept
    assert "signer_position" in m.needs_review and "party's heading" in (m.signer_position.review or "")
    assert "party's heading" not in (m.signer.review or "")  # the signer under it may be right
    ok = _memorandum(office_line=True)
    assert ok.signer_position.value == "CHỦ TỊCH" and "party's heading" not in (ok.signer_position.review or "")
