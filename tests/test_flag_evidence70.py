"""Review flags, seventieth round (issue 14 item 9): sealed seed 88's parent issuer ``ỦY BAN NHÂN DÂN XÃ QUỲNH HẬU``
for ``UBND HUYỆN QUỲNH LƯU`` (HG88 speckle-22 khai-sinh-309, 0.819), a commune stored as a parent, and subject
``Về việc đề gi công nhận …`` for ``đề nghị`` (HG88 typewriter-07 ttr-006, 0.721), a syllable that lost letters;
AT88 gnh-035's signer ``Lê Quốc Trí`` for ``Đào Diệu Hoa`` (0.884), read under side B's heading. Flagged, never
changed."""

from __future__ import annotations

import pytest

from archivist.fields import Field
from archivist.parentflags import flag_parent_and_stub, parent_rank_doubt, stub_doubt, unit_level
from archivist.secondsigner import flag_party_heading, other_side_doubt
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page, _with_subject

SUBJECT = "Về việc đề {} công nhận xã Mỹ Đức đạt chuẩn nông thôn mới năm 2010"


@pytest.mark.parametrize(("name", "level"), [("UBND HUYỆN QUỲNH LƯU", 2), ("ỦY BAN NHÂN DÂN XÃ QUỲNH HẬU", 1),
                                             ("UBND THỊ XÃ HOÀNG MAI", 2), ("UBND TỈNH NGHỆ AN", 3),
                                             ("UBND PHƯỜNG 3", 1), ("UBND THỊ TRẤN CẦU GIÁT", 1),
                                             ("UBND HUYỆN ĐỊNH QUÁN CỘNG HÒA XÃ HỘI", 2),
                                             ("UBND THÀNH PHỐ VINH", None), ("ỦY BAN NHÂN DÂN", None)])
def test_a_units_level_is_its_first_unit_word(name: str, level: int | None) -> None:
    assert unit_level(name) == level


@pytest.mark.parametrize(("parent", "issuer", "why"), [
    ("ỦY BAN NHÂN DÂN XÃ QUỲNH HẬU", "Số 188/†LKS-BS Ì", "commune-level"),
    ("UBND PHƯỜNG 3", None, "commune-level"),
    ("UBND HUYỆN QUỲNH LƯU", "ỦY BAN NHÂN DÂN HUYỆN QUỲNH LƯU", "issuer itself"),
    ("UBND HUYỆN YÊN THÀNH", "ỦY BAN NHÂN DÂN HUYỆN QUỲNH LƯU", "not above"),
    ("UBND THỊ XÃ HOÀNG MAI", "UBND TỈNH NGHỆ AN", "not above")])
def test_a_parent_no_higher_than_its_issuer_is_doubted(parent: str, issuer: str | None, why: str) -> None:
    assert why in (parent_rank_doubt(parent, issuer) or ""), parent


@pytest.mark.parametrize(("parent", "issuer"), [
    ("UBND HUYỆN QUỲNH LƯU", "ỦY BAN NHÂN DÂN XÃ QUỲNH HẬU"), ("UBND TỈNH NGHỆ AN", "ỦY BAN NHÂN DÂN XÃ QUỲNH HẬU"),
    ("UBND TỈNH NGHỆ AN", "ỦY BAN NHÂN DÂN THỊ XÃ HOÀNG MAI"), ("UBND THÀNH PHỐ VINH", "ỦY BAN NHÂN DÂN PHƯỜNG 3"),
    ("UBND HUYỆN ĐỊNH QUÁN CỘNG HÒA XÃ HỘI", "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ"), ("UBND HUYỆN QUỲNH LƯU", None),
    ("UBND HLIYỆ CẨM XIZÊN", "ỦY BAN NHÂN DÂN Ã CẦM T::ẠCH")])
def test_a_parent_above_its_issuer_or_of_no_known_level_is_not_doubted(parent: str, issuer: str | None) -> None:
    assert parent_rank_doubt(parent, issuer) is None, parent


def test_a_bare_gi_is_doubted_a_marked_or_longer_one_is_not() -> None:
    assert "'gi'" in (stub_doubt(SUBJECT.format("gi")) or "")
    for text in (SUBJECT.format("nghị"), "Về việc giải quyết đơn", "Không có gì thay đổi", "Về việc gia hạn"):
        assert stub_doubt(text) is None, text


def test_a_flagged_value_keeps_its_reason_and_no_value_changes() -> None:
    found = {"parent_issuer": Field("ỦY BAN NHÂN DÂN XÃ QUỲNH HẬU", 0.819),
             "issuer": Field("ỦY BAN NHÂN DÂN XÃ QUỲNH HẬU", 0.6),
             "subject": Field(SUBJECT.format("gi"), 0.7, review="an earlier reason")}
    flag_parent_and_stub(found)
    assert "commune-level" in (found["parent_issuer"].review or "")
    assert found["parent_issuer"].value == "ỦY BAN NHÂN DÂN XÃ QUỲNH HẬU" and found["parent_issuer"].confidence == 0.819
    assert found["subject"].review == "an earlier reason"


def test_a_commune_parent_through_extract_is_flagged_and_kept() -> None:
    rows = [[(100, "UBND XÃ QUỲNH HẬU")]] + HEAD[1:] + FOOT
    meta = _extract(_page(rows))
    assert meta.parent_issuer.value == "UBND XÃ QUỲNH HẬU" and "parent_issuer" in meta.needs_review
    assert "commune-level" in (meta.parent_issuer.review or ""), meta.parent_issuer.review
    plain = _extract(_page(HEAD + FOOT))
    assert plain.parent_issuer.value == "UBND HUYỆN QUỲNH LƯU" and "parent_issuer" not in plain.needs_review


def test_the_targets_subject_through_extract_is_flagged_and_kept() -> None:
    subject = SUBJECT.replace("2010", "2016")  # the page's own year: another year is doubted first
    meta = _extract(_page(_with_subject(subject.format("gi"))))
    assert meta.subject.value == subject.format("gi") and "subject" in meta.needs_review
    assert "'gi'" in (meta.subject.review or ""), meta.subject.review
    plain = _extract(_page(_with_subject(subject.format("nghị"))))
    assert plain.subject.value == subject.format("nghị") and "subject" not in plain.needs_review


def test_a_signer_under_side_bs_heading_is_doubted_under_side_as_not() -> None:
    for position in ("ĐẠI DIỆN BÊN B", "BÊN B", "Đại diện bên B"):
        assert "partner's side" in (other_side_doubt(position) or ""), position
    for position in ("ĐẠI DIỆN BÊN A", "BÊN A", "CHỦ TỊCH", "", "PHÓ CHỦ TỊCH"):
        assert other_side_doubt(position) is None, position
    found = {"signer_position": Field("ĐẠI DIỆN BÊN B", 0.57), "signer": Field("Lê Quốc Trí", 0.884)}
    flag_party_heading(found)
    assert "party's heading" in (found["signer_position"].review or "")
    assert "partner's side" in (found["signer"].review or "") and found["signer"].value == "Lê Quốc Trí"


def _memorandum(right: str) -> list[list[tuple[int, str]]]:
    """A memorandum whose right-hand block, the one the record keeps, is side ``right``'s, with no position."""
    left = "A" if right == "B" else "B"
    return [[(100, "UBND HUYỆN QUỲNH LƯU")], [(100, "ỦY BAN NHÂN DÂN")], [(100, "XÃ QUỲNH HẬU")],
            [(100, "Số: 35/GNH-UBND"), (1000, "Quỳnh Hậu, ngày 11 tháng 6 năm 2023")], [(600, "BẢN GHI NHỚ")],
            [(400, "Về phối hợp tuyên truyền, vận động nhân dân xây dựng nông thôn mới")],
            [(100, "Hai bên thống nhất các nội dung phối hợp sau đây.")],
            [(100, f"ĐẠI DIỆN BÊN {left}"), (1000, f"ĐẠI DIỆN BÊN {right}")],
            [(100, "Đào Diệu Hoa"), (1000, "Lê Quốc Trí")]]


def test_the_signer_under_side_b_through_extract_is_flagged_and_kept() -> None:
    meta = _extract(_page(_memorandum("B")))
    assert meta.signer.value == "Lê Quốc Trí" and meta.signer_position.value == "ĐẠI DIỆN BÊN B"  # kept
    assert "signer" in meta.needs_review and "partner's side" in (meta.signer.review or ""), meta.signer.review
    side_a = _extract(_page(_memorandum("A")))
    assert side_a.signer_position.value == "ĐẠI DIỆN BÊN A"
    assert "partner's side" not in (side_a.signer.review or "")
