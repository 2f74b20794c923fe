"""Review flags, fifty-seventh round (issue 14 items 6 and 9): sealed seed 67's three slips. A number's type part
that is no type's code on a document whose type has one (HG67 kh-069's ``69/XH-UBND`` under ``KẾ HOẠCH``), a
decision's list formula ``Như Điều 3`` misread (HG67 qd-120's ``Như triều 3``), and a subject's pair with both
syllables one confusion off (AT67's ``cư sử`` for ``cơ sở``). Flagged, never changed."""

from __future__ import annotations

from archivist.lostwords import formula_doubt
from archivist.typeflags import type_part_doubt
from archivist.wordpairs import double_doubt, entries
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page


def _numbered(number: str) -> list[list[tuple[int, str]]]:
    return [*HEAD[:3], [(100, f"Số: {number}"), (1000, "Quỳnh Hậu, ngày 21 tháng 3 năm 2016")], *HEAD[4:]]


def test_a_type_part_that_is_no_types_code_is_doubted_on_a_type_with_a_code() -> None:
    why = type_part_doubt("69/XH-UBND", "KH")
    assert why is not None and "'XH'" in why and "'KH'" in why
    assert type_part_doubt("12/2019/XH-UBND", "QĐ") is not None  # a normative number's type part too
    assert type_part_doubt("69/KH-UBND", "KH") is None
    assert type_part_doubt("69/TB-UBND", "KH") is None  # another type's code: extract lowers it already
    assert type_part_doubt("102/UBND-VX", None) is None  # a letter writes its issuer first
    assert type_part_doubt("60-NQ/TW", "NQ") is None  # a Party number
    assert type_part_doubt(None, "KH") is None and type_part_doubt("69/XH-UBND", "") is None


def test_the_number_is_flagged_and_kept_through_extract() -> None:
    meta = _extract(_page(_numbered("118/XH-UBND") + FOOT))
    assert meta.classification is not None and meta.classification.code == "TB"
    assert meta.number_symbol.value == "118/XH-UBND" and "number_symbol" in meta.needs_review
    assert "no type's code" in (meta.number_symbol.review or "")
    assert "no type's code" in (meta.symbol.review or "") and "no type's code" not in (meta.number.review or "")
    right = _extract(_page(_numbered("118/TB-UBND") + FOOT))
    assert right.number_symbol.value == "118/TB-UBND" and "number_symbol" not in right.needs_review


def test_a_decisions_article_formula_a_letter_or_two_off_is_doubted() -> None:
    why = formula_doubt(["Như triều 3;", "Lưu: VT"])
    assert why is not None and "'Như triều 3'" in why and "'Như Điều 3'" in why
    assert formula_doubt(["Nhu Điều 4"]) and formula_doubt(["Như Điều4;"]) and formula_doubt(["Như Biều 12."])
    assert formula_doubt(["Như Điều 3;", "Như Điều 12", "Lưu: VT"]) is None  # as written, any article
    assert formula_doubt(["Phòng Tư pháp huyện 3", "UBND xã 2"]) is None  # other items ending in a number


def test_a_list_with_its_article_formula_misread_is_flagged_and_kept_through_extract() -> None:
    def foot(item: str) -> list[list[tuple[int, str]]]:
        return [[(100, "Nơi nhận:"), (1000, "TM. ỦY BAN NHÂN DÂN")], [(100, f"- {item};"), (1000, "CHỦ TỊCH")],
                [(100, "- TT Đảng ủy, HĐND xã;")], [(100, "- Lưu: VT, TC.")], [(1000, "Hà Hữu Thắng")]]

    meta = _extract(_page(HEAD + foot("Như triều 3")))
    assert "Như triều 3" in meta.recipients.value and "recipients" in meta.needs_review
    assert "'Như Điều 3'" in (meta.recipients.review or "")
    right = _extract(_page(HEAD + foot("Như Điều 3")))
    assert "Như Điều 3" in right.recipients.value and "recipients" not in right.needs_review


def test_a_pair_with_both_syllables_one_confusion_off_is_doubted() -> None:
    if not entries():  # without underthesea's word list no pair is judged
        return
    why = double_doubt("Về việc ô nhiễm môi trường từ cư sử chăn nuôi tại thôn Cầu Đá")
    assert why is not None and "'cư sử'" in why and "'cơ sở'" in why
    assert double_doubt("Đầu tư xây dựng trụ sử Ủy ban nhân dân xã") is not None  # 'trụ sở'
    for subject in ("Về việc ô nhiễm môi trường từ cơ sở chăn nuôi tại thôn Cầu Đá",
                    "Kết luận tại cuộc họp giao ban tháng 11 năm 2019", "Dự hội nghị xây dựng đời sống văn hóa"):
        assert double_doubt(subject) is None, subject


def test_the_subject_is_flagged_and_kept_through_extract() -> None:
    if not entries():
        return
    subject = "Về việc ô nhiễm môi trường từ cư sử chăn nuôi tại thôn Cầu Đá"
    meta = _extract(_page([*HEAD[:5], [(400, subject)], HEAD[6]] + FOOT))
    assert meta.subject.value == subject and "subject" in meta.needs_review
    assert "'cơ sở'" in (meta.subject.review or ""), meta.subject.review
    right = _extract(_page([*HEAD[:5], [(400, subject.replace("cư sử", "cơ sở"))], HEAD[6]] + FOOT))
    assert "subject" not in right.needs_review
