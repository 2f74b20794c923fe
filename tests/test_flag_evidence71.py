"""Review flags, seventy-first round (issue 14 item 9): sealed seed 89's subject ``Về việc đề nghị phê duyệt dự toán
kinh phí .sửa chữa điểm trường mầm non thôn An Phú`` (HG89 speckle-22 ttr-223, 0.884), a speck read as a dot glued
to the front of a word. Flagged, never changed."""

from __future__ import annotations

import pytest

from archivist.fields import Field
from archivist.slipflags import flag_front_specks, front_speck_doubt
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page, _with_subject

TARGET = "Về việc đề nghị phê duyệt dự toán kinh phí .sửa chữa điểm trường mầm non thôn An Phú"


@pytest.mark.parametrize(("value", "word"), [(TARGET, ".sửa"), ("Về việc tăng cường ,các biện pháp", ",các"),
                                             ("V/v tăng cường công tác quản :ý đất đai", ":ý"),
                                             (".Thực hiện Công văn số 77", ".Thực"), ("CHỦ ;TỊCH", ";TỊCH")])
def test_punctuation_glued_to_a_words_front_is_doubted(value: str, word: str) -> None:
    assert f"'{word}'" in (front_speck_doubt(value) or ""), value


@pytest.mark.parametrize("value", [
    "Về việc đề nghị phê duyệt dự toán kinh phí sửa chữa điểm trường",
    "Ủy ban nhân dân xã trân trọng kính mời: Đồng chí",
    "Kế hoạch phát triển kinh tế - xã hội năm 2021 – 2025", "Số: 35/GNH-UBND", "V/v đôn.đốc thu nộp thuế",
    "năm .2016", "Về việc 'Ngày hội toàn dân'", "UBND HUYỆN QUỲNH LƯU", ". . ."])
def test_punctuation_after_a_word_inside_one_or_before_a_digit_is_not(value: str) -> None:
    assert front_speck_doubt(value) is None, value


def test_every_text_value_is_looked_at_and_none_changes() -> None:
    found = {"subject": Field(TARGET, 0.884), "signer_position": Field("CHỦ ,TỊCH", 0.9),
             "place": Field("Xã Quỳnh Hậu", 0.9), "page_count": Field(1, 1.0),
             "signer": Field("Lê ,Quốc Trí", 0.9, review="an earlier reason")}
    flag_front_specks(found)
    assert "'.sửa'" in (found["subject"].review or "") and found["subject"].value == TARGET
    assert found["subject"].confidence == 0.884 and "',TỊCH'" in (found["signer_position"].review or "")
    assert found["place"].review is None and found["page_count"].review is None
    assert found["signer"].review == "an earlier reason"


def test_the_targets_subject_through_extract_is_flagged_and_kept() -> None:
    subject = "Về việc lịch trực Tết .Nguyên đán năm 2016"
    meta = _extract(_page(_with_subject(subject)))
    assert meta.subject.value == subject and "subject" in meta.needs_review
    assert "'.Nguyên'" in (meta.subject.review or ""), meta.subject.review
    plain = _extract(_page(HEAD + FOOT))
    assert plain.subject.review is None and "subject" not in plain.needs_review
