"""Review flags, fiftieth round (issue 14 item 9): a signer's position holding a mark (HG61 seals-32-ttr-083's
``PHÓ CHỦ, TỊCH``: a seal's speck read as a comma inside the title), and an archive copy stored without the colon its
own line prints (HG61 speckle-24-tb-201's ``Lưu VT`` from ``- Lưu:``, its ``VT`` lost and restored as Circular 55
wrote it). Flagged, never changed."""

from __future__ import annotations

from archivist.fields import Field
from archivist.sideflags import copy_colon_doubt
from archivist.signerflags import position_mark_doubt
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page


def test_a_position_holding_a_mark_is_doubted_the_forms_spaced_dash_not() -> None:
    for position in ("PHÓ CHỦ, TỊCH", "PHÓ-CHỦ TỊCH", "CHỦ 'TỊCH", "KT. CHỦ TỊCH", "CHỦ TỊCH -", "CHỦ TỊ0H"):
        assert position_mark_doubt(position) is not None, position
    for position in ("PHÓ CHỦ TỊCH", "CHỦ TỊCH", "TRƯỞNG BAN", "CÔNG CHỨC TƯ PHÁP - HỘ TỊCH"):
        assert position_mark_doubt(position) is None, position


def test_a_position_with_a_comma_is_flagged_and_kept_through_extract() -> None:
    foot = [FOOT[0], [(100, "- Như trên;"), (1000, "PHÓ CHỦ, TỊCH")], *FOOT[2:]]
    meta = _extract(_page(HEAD + foot))
    assert meta.signer_position.value == "PHÓ CHỦ, TỊCH" and "signer_position" in meta.needs_review
    assert "holds ','" in (meta.signer_position.review or "")
    plain = _extract(_page(HEAD + FOOT))
    assert plain.signer_position.value == "CHỦ TỊCH" and "signer_position" not in plain.needs_review


def test_an_archive_copy_without_the_colon_its_line_prints_is_doubted() -> None:
    def rec(items: list[str], source: str) -> Field:
        return Field(items, 0.85, 1, None, source)

    assert copy_colon_doubt(rec(["TT Đảng ủy, HĐND xã", "Lưu VT"], "- TT Đảng ủy, HDND xã;\n- Lưu:")) is not None
    assert copy_colon_doubt(rec(["TT Đảng ủy, HĐND xã", "Lưu VT"], "- TT Đảng ủy, HDND xã;\n- Lưu VT.")) is None
    assert copy_colon_doubt(rec(["TT Đảng ủy, HĐND xã", "Lưu: VT"], "- TT Đảng ủy, HDND xã;\n- Lưu:")) is None
    assert copy_colon_doubt(rec(["Như trên"], "- Như trên: các ông, bà")) is None  # no archive copy stored


def test_the_targets_list_is_flagged_and_kept_through_extract() -> None:
    # dated 2009 in the old spelling (TM. UỶ BAN): the bare 'Lưu' gets its 'VT' back without a colon (Circular 55)
    head = [*HEAD[:3], [(100, "Số: 118/TB-UBND"), (1000, "Quỳnh Hậu, ngày 21 tháng 3 năm 2009")], *HEAD[4:]]
    foot = [[(100, "Nơi nhận:"), (1000, "TM. UỶ BAN NHÂN DÂN")], FOOT[1], FOOT[2], [(100, "- Lưu:")], FOOT[4]]
    meta = _extract(_page(head + foot))
    assert meta.recipients.value[-1] == "Lưu VT" and "recipients" in meta.needs_review
    assert "without the colon" in (meta.recipients.review or "")
    typed = [*foot[:3], [(100, "- Lưu VT.")], foot[4]]  # the line itself without a colon: as Circular 55 typed it
    assert "without the colon" not in (_extract(_page(head + typed)).recipients.review or "")
