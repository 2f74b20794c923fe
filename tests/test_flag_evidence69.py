"""Review flags, sixty-ninth round (issue 14 item 9): sealed seed 87's subject ``… tại các thôn ấp`` for ``… các
thôn, ấp`` (HG87 speckle-24 cv-079, 0.801), a comma lost to a speck between two unit levels. Flagged, never changed."""

from __future__ import annotations

import pytest

from archivist.fields import Field
from archivist.levelcomma import comma_lost_doubt, flag_level_comma
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page, _with_subject

SUBJECT = "V/v tổ chức thu gom rác thải sinh hoạt tại các thôn{} ấp"


@pytest.mark.parametrize(("text", "pair"), [(SUBJECT.format(""), "thôn ấp"), ("Trưởng các thôn ấp", "thôn ấp"),
                                            ("Thôn ấp trên địa bàn xã", "thôn ấp"),
                                            ("UBND các xã phường thị trấn", "xã phường"),
                                            ("Trưởng các thôn tổ dân phố", "thôn tổ dân phố"),
                                            ("các ấp khu phố", "ấp khu phố"), ("các thôn tổ", "thôn tổ")])
def test_two_levels_with_no_comma_are_doubted(text: str, pair: str) -> None:
    assert f"'{pair}'" in (comma_lost_doubt(text) or ""), text


@pytest.mark.parametrize("text", [SUBJECT.format(","), "Trưởng các thôn, ấp", "UBND các xã, phường, thị trấn",
                                  "Các thôn tổ chức họp dân", "Vệ sinh thôn xóm", "Quan hệ làng xã",
                                  "Hỗ trợ thôn bản", "Khảo sát thôn Ấp Bắc", "Tại ấp Phú Lợi", "tại khu vực thôn",
                                  "UBND thị xã Hoàng Mai", "các thôn thôn"])
def test_one_level_a_joined_word_or_a_name_is_not_doubted(text: str) -> None:
    assert comma_lost_doubt(text) is None, text


def test_a_recipients_item_is_judged_and_a_flagged_value_keeps_its_reason() -> None:
    found = {"recipients": Field(["Như trên", "Trưởng các thôn ấp", "Lưu: VT"], 0.85),
             "subject": Field(SUBJECT.format(""), 0.8, review="an earlier reason")}
    flag_level_comma(found)
    assert "'thôn ấp'" in (found["recipients"].review or "")
    assert found["subject"].review == "an earlier reason"
    assert found["recipients"].value == ["Như trên", "Trưởng các thôn ấp", "Lưu: VT"]


def test_the_targets_subject_is_flagged_through_extract_and_kept() -> None:
    meta = _extract(_page(_with_subject(SUBJECT.format(""))))
    assert meta.subject.value == SUBJECT.format("") and "subject" in meta.needs_review
    assert "'thôn ấp'" in (meta.subject.review or ""), meta.subject.review
    plain = _extract(_page(_with_subject(SUBJECT.format(","))))
    assert plain.subject.value == SUBJECT.format(",") and "subject" not in plain.needs_review


def test_a_recipient_through_extract_is_flagged_and_kept() -> None:
    rows = HEAD + FOOT[:3] + [[(100, "- Trưởng các thôn ấp;")]] + FOOT[3:]
    meta = _extract(_page(rows))
    assert "Trưởng các thôn ấp" in meta.recipients.value and "recipients" in meta.needs_review
    assert "'thôn ấp'" in (meta.recipients.review or ""), meta.recipients.review
