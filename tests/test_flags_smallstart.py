"""Review flags, session 43 (issue 14 items 4/9; bench/RESULTS.md, "Typewritten pages, the l's flag taken (session
43, second round)"): a subject, body's or person's name stored opening with a small letter. Seed 234's typed
``Kết quả công tác đăng ký và quản lý hộ tịch năm 2008`` was stored ``kết quả … quản tý …``, flagged only for
``quản tý``; once ``typedflag`` read ``quản lý`` the subject, still wrong by its capital read small, lost that
flag. Its first letter is doubted on its own now. Flagged, kept."""

from __future__ import annotations

import pytest

from archivist.fields import Field
from archivist.subjectcase import CAPITAL_FIELDS, flag_small_start, small_start_doubt
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page

SUBJECT = "Kết quả công tác đăng ký và quản lý hộ tịch năm 2008"


def test_a_value_opening_with_a_small_letter_is_doubted() -> None:
    why = small_start_doubt(SUBJECT.replace("Kết", "kết"))
    assert why == "'kết' opens the value with a small letter where a capital stands: a letter read in the wrong " \
        "case, or the value's first word lost"
    assert small_start_doubt("ủy BAN NHÂN DÂN XÃ MỸ Đức") is not None  # a body's name: its Ủ read small
    assert small_start_doubt("việc giao chỉ tiêu sản xuất") is not None  # 'Về' lost


@pytest.mark.parametrize("value", [SUBJECT, "Về việc lịch trực Tết", "ỦY BAN NHÂN DÂN XÃ MỸ ĐỨC", "CHỦ TỊCH",
                                   "Hà Hữu Thắng", "2008 năm", "- Về việc", "", None, ["a"], 3])
def test_a_capital_a_digit_a_sign_or_no_text_say_nothing(value: object) -> None:
    assert small_start_doubt(value) is None


def test_flag_small_start_keeps_another_rules_reason_and_other_fields() -> None:
    found = {"subject": Field("kết quả công tác", 0.9), "issuer": Field("ủy BAN NHÂN DÂN", 0.9, review="other"),
             "place": Field("xã Tân Phú", 0.9), "signer": Field(None, 0.0)}
    flag_small_start(found)
    assert found["subject"].review is not None and found["subject"].value == "kết quả công tác"  # flagged, kept
    assert found["issuer"].review == "other"  # another rule's reason stays
    assert found["place"].review is None  # a place may open with its level word: not asked
    assert found["signer"].review is None
    assert "place" not in CAPITAL_FIELDS and "type" not in CAPITAL_FIELDS


def _head(subject: str) -> list[list[tuple[int, str]]]:
    return [[(x, subject if t.startswith("Về việc") else t) for x, t in row] for row in HEAD]


def test_a_page_whose_subject_opens_small_is_flagged_for_it_the_same_page_with_its_capital_is_not() -> None:
    right = _extract(_page(_head(SUBJECT) + FOOT))
    assert right.subject.value == SUBJECT and "subject" not in right.needs_review
    wrong = _extract(_page(_head(SUBJECT.replace("Kết", "kết")) + FOOT))
    assert wrong.subject.value == SUBJECT.replace("Kết", "kết")  # kept
    assert "subject" in wrong.needs_review and "small letter" in (wrong.subject.review or "")
