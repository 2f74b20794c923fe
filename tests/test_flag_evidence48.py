"""Review flags, forty-eighth round (issue 14 item 9): a subject's small letter read as a capital where it makes a
word with the word before it (HG59 typewriter-08-cv-202's ``quản Lý đất``), a number whose issuer code is a
people's committee's ``UBND`` cut to ``UB`` (HG59 faded-14-kh-226's ``226/KH-UB``), and a level word read with
other marks after a body's code (HG59 typewriter-10-bc-234's ``HĐND xả``). Flagged, never changed."""

from __future__ import annotations

import pytest

from archivist.codeflags import cut_code_doubt, level_mark_doubt
from archivist.fields import Field
from archivist.wordingflags import capital_pair_doubt
from archivist.wordpairs import entries
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page, _with_subject

needs_pairs = pytest.mark.skipif(not entries(), reason="underthesea's word list is not installed")


# --- a capital that makes a word with the word before it ----------------------------------------------

@needs_pairs
def test_the_targets_capital_is_doubted_though_the_syllable_is_a_name() -> None:
    why = capital_pair_doubt("V/v tăng cường công tác quản Lý đất đai, trật tự xây dựng trên địa bàn")
    assert why is not None and "'Lý'" in why and "'quản lý'" in why
    assert capital_pair_doubt("Tình hình thiệt hại do mưa Lũ và công tác khắc phục") is not None


@needs_pairs
def test_a_body_or_title_opened_inside_a_subject_is_not_doubted() -> None:
    for value in ("Về việc sửa chữa trụ sở Ủy ban nhân dân xã", "Về việc công nhận danh hiệu Gia đình văn hóa",
                  "Dự hội nghị tổng kết phong trào Toàn dân đoàn kết", "Kết luận của Chủ tịch Ủy ban nhân dân xã",
                  "Về việc cấp nước tại thôn Trung Hòa", "Về việc quản lý đất đai", "Về việc tại xã Lý Nhân"):
        assert capital_pair_doubt(value) is None, value


@needs_pairs
def test_a_subject_with_a_capital_making_a_word_before_it_is_flagged_through_extract() -> None:
    meta = _extract(_page(_with_subject("Về việc tăng cường công tác quản Lý đất đai")))
    assert meta.subject.value == "Về việc tăng cường công tác quản Lý đất đai" and "subject" in meta.needs_review
    right = _extract(_page(_with_subject("Về việc tăng cường công tác quản lý đất đai")))
    assert "subject" not in right.needs_review


# --- a number's issuer code cut short -------------------------------------------------------------------

def test_a_committees_code_cut_to_ub_is_doubted() -> None:
    committee = Field(value="ỦY BAN NHÂN DÂN XÃ CẨM THẠCH", confidence=0.9)
    why = cut_code_doubt("226/KH-UB", committee)
    assert why is not None and "'UB'" in why
    assert cut_code_doubt("12/2019/QĐ-UB", None) is not None  # no issuer found: a committee's number most likely


def test_a_whole_code_or_another_bodys_is_not_doubted() -> None:
    committee = Field(value="ỦY BAN NHÂN DÂN XÃ CẨM THẠCH", confidence=0.9)
    assert cut_code_doubt("226/KH-UBND", committee) is None and cut_code_doubt("60-NQ/TW", None) is None
    assert cut_code_doubt("15/NQ-HĐND", committee) is None
    assert cut_code_doubt("3/BC-UB", Field(value="BAN CHỈ ĐẠO XÃ MỸ ĐỨC", confidence=0.9)) is None


def test_a_number_with_its_code_cut_is_flagged_and_kept_through_extract() -> None:
    def rows(number: str) -> list[list[tuple[int, str]]]:
        return [r if not r[0][1].startswith("Số:") else [(100, f"Số: {number}"), r[1]] for r in HEAD] + FOOT

    meta = _extract(_page(rows("118/TB-UB")))
    assert meta.number_symbol.value == "118/TB-UB" and "number_symbol" in meta.needs_review
    assert "cut short" in (meta.number_symbol.review or "")
    right = _extract(_page(rows("118/TB-UBND")))
    assert right.number_symbol.value == "118/TB-UBND" and "number_symbol" not in right.needs_review


# --- a level word with other marks after a body's code ----------------------------------------------------

def test_a_level_word_with_other_marks_after_a_code_is_doubted() -> None:
    why = level_mark_doubt(["UBND huyện Cái Bè", "TT Đảng ủy, HĐND xả;", "Lưu VT, VX"])
    assert why is not None and "'HĐND xả'" in why and "'xã'" in why
    assert level_mark_doubt(["UBND huyên Can Lộc"]) and level_mark_doubt(["TT HĐND xá"])


def test_a_level_word_as_written_or_a_name_after_a_name_is_not_doubted() -> None:
    assert level_mark_doubt(["UBND huyện Định Quán (b/c)", "TT Đảng ủy, HĐND xã", "UBND Xã"]) is None
    assert level_mark_doubt(["Chủ tịch, các PCT UBND xã", "Đài truyền thanh xã", "Lưu: VT"]) is None


def test_a_list_with_a_level_word_misread_is_flagged_and_kept_through_extract() -> None:
    def foot(item: str) -> list[list[tuple[int, str]]]:
        return [FOOT[0], FOOT[1], [(100, f"- {item};")], FOOT[3], FOOT[4]]

    meta = _extract(_page(HEAD + foot("TT Đảng ủy, HĐND xả")))
    assert "TT Đảng ủy, HĐND xả" in meta.recipients.value and "recipients" in meta.needs_review
    right = _extract(_page(HEAD + foot("TT Đảng ủy, HĐND xã")))
    assert "recipients" not in right.needs_review
