"""Review flags, fifty-sixth round (issue 14 item 9): a level word read with a capital inside running text (HG66
typewriter-11-bc-047's subject ``… khắc phục hậu quả tại Xã Trung Nghĩa``, its typed ``x`` read ``X``). Decree 30
writes ``xã``, ``huyện``, ``phường``, ``quận``, ``tỉnh`` small there. Flagged, never changed."""

from __future__ import annotations

from archivist.codeflags import text_level_doubt
from tests.test_flag_evidence import _extract, _page, _with_subject

TARGET = "Tình hình thiệt hại do mưa lũ và công tác khắc phục hậu quả tại Xã Trung Nghĩa"


def test_the_targets_capital_level_word_is_doubted() -> None:
    why = text_level_doubt(TARGET)
    assert why is not None and "'tại Xã'" in why and "'xã'" in why
    for value in ("Về việc sửa chữa trụ sở Ủy ban nhân dân Huyện Yên Phong", "V/v tăng cường công tác Xã, ngày",
                  "Kính gửi UBND Phường 3", "báo cáo của Tỉnh."):
        assert text_level_doubt(value) is not None, value


def test_a_level_word_as_decree_30_writes_it_is_not_doubted() -> None:
    for value in ("Tình hình thiệt hại do mưa lũ tại xã Trung Nghĩa", "Xã Trung Nghĩa", "Huyện Can Lộc",
                  "ỦY BAN NHÂN DÂN XÃ TRUNG NGHĨA", "UBND HUYỆN YÊN PHONG", "Về việc cấp nước tại thôn Xuân Hòa",
                  "Về việc lịch trực Tết Nguyên đán năm 2016", ""):
        assert text_level_doubt(value) is None, value


def test_a_subject_with_a_capital_level_word_is_flagged_and_kept_through_extract() -> None:
    meta = _extract(_page(_with_subject("Về việc khắc phục hậu quả mưa lũ tại Xã Quỳnh Hậu")))
    assert meta.subject.value == "Về việc khắc phục hậu quả mưa lũ tại Xã Quỳnh Hậu"
    assert "subject" in meta.needs_review and "'tại Xã'" in (meta.subject.review or "")
    right = _extract(_page(_with_subject("Về việc khắc phục hậu quả mưa lũ tại xã Quỳnh Hậu")))
    assert right.subject.value == "Về việc khắc phục hậu quả mưa lũ tại xã Quỳnh Hậu"
    assert "subject" not in right.needs_review


def test_a_place_opening_with_its_level_word_is_not_flagged_through_extract() -> None:
    rows = [[(100, "Số: 118/TB-UBND"), (1000, "Xã Quỳnh Hậu, ngày 21 tháng 3 năm 2016")] if r[0][1].startswith("Số:")
            else r for r in _with_subject("Về việc lịch trực Tết Nguyên đán năm 2016")]
    meta = _extract(_page(rows))
    assert meta.place.value == "Xã Quỳnh Hậu" and "place" not in meta.needs_review
    assert "subject" not in meta.needs_review
