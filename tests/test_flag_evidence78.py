"""Review flags, seventy-eighth round (issue 14 item 9): sealed seed 94's recipients item ``Các. thành viên Ban Chỉ
đạo`` for ``Các thành viên Ban Chỉ đạo`` (HG94 speckle-22 kh-081, 0.85), a speck read as a full stop glued to the end
of a word before a small-letter word. Flagged, never changed."""

from __future__ import annotations

import pytest

from archivist.fields import Field
from archivist.slipflags import back_stop_doubt, flag_back_stops
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page, _with_subject

TARGET = "Các. thành viên Ban Chỉ đạo"
ITEMS = ["UBND huyện Thủy Nguyên (b/c)", TARGET, "Lưu: VT"]


@pytest.mark.parametrize(("value", "word"), [
    (TARGET, "Các."), ("Về việc tổ chức thu gom. rác thải", "gom."), ("Lưu: VT, TP. sự", "TP."),
    ("Phòng Nội. vụ huyện", "Nội."), ("Lưu VT,TP. sự", "TP."), ("UBND. huyện Đông Triều (b/c)", "UBND.")])
def test_a_stop_glued_to_a_words_end_before_a_small_letter_word_is_doubted(value: str, word: str) -> None:
    assert f"'{word}" in (back_stop_doubt(value) or ""), value


@pytest.mark.parametrize("value", [
    "Các thành viên Ban Chỉ đạo", "Chủ tịch, các PCT UBND xã", "Lưu: VT, TC.", "TM. ỦY BAN NHÂN DÂN",
    "KT. chủ tịch", "TT. Đảng ủy", "X. tỉnh", "TL. chủ tịch", "TUQ. chủ tịch", "Q. chủ tịch",
    "các phòng, ban v.v. khác",
    "Nguyễn H. minh", "ngày 12. tháng", "Hưng Yên. Ủy ban", "V/v đôn.đốc thu nộp thuế", "kinh phí .sửa chữa"])
def test_abbreviations_a_capital_or_digit_after_and_commas_are_not(value: str) -> None:
    assert back_stop_doubt(value) is None, value


def test_recipients_items_and_every_text_value_are_looked_at_and_none_changes() -> None:
    found = {"recipients": Field(list(ITEMS), 0.85), "subject": Field("V/v tổ. chức thu gom rác", 0.9),
             "place": Field("Xã Đông Sơn", 0.9), "page_count": Field(1, 1.0), "entries": Field([3, 4], 0.9),
             "signer_position": Field("CHỦ. tịch", 0.9, review="an earlier reason")}
    flag_back_stops(found)
    assert "'Các. thành'" in (found["recipients"].review or "") and found["recipients"].value == ITEMS
    assert found["recipients"].confidence == 0.85 and "'tổ. chức'" in (found["subject"].review or "")
    assert found["place"].review is None and found["page_count"].review is None and found["entries"].review is None
    assert found["signer_position"].review == "an earlier reason"


def test_the_targets_item_through_extract_is_flagged_and_kept() -> None:
    foot = [r if r[0][1] != "- Như trên;" else [(100, "- Các. thành viên Ban Chỉ đạo;"), r[1]] for r in FOOT]
    meta = _extract(_page(HEAD + foot))
    assert TARGET in meta.recipients.value and "recipients" in meta.needs_review
    assert "'Các. thành'" in (meta.recipients.review or ""), meta.recipients.review
    subject = "Về việc lịch trực Tết Nguyên. đán năm 2016"
    flagged = _extract(_page(_with_subject(subject)))
    assert flagged.subject.value == subject and "'Nguyên. đán'" in (flagged.subject.review or "")
    plain = _extract(_page(HEAD + FOOT))
    assert plain.recipients.review is None and "recipients" not in plain.needs_review
    assert plain.subject.review is None
