"""Review flags, thirty-sixth round (issue 14 item 9): speck debris left in values on speckled pages once
restoration keeps the blobs where a letter's mark sits (HG40 tb-170 ``tháng 11†``, HG41 cv-230 ``ấp -ả``, HG40
bc-018 ``thực-hiện``), and a recipient whose syllables make no word one confusion off one (HG41 kh-183 ``Các
thành viến Ban Chỉ đạo``). Right writings that look alike are tested beside them."""

from __future__ import annotations

from archivist.debrisflags import debris_value_doubt, foreign_doubt, glued_dash_doubt, hyphen_word_doubt
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page, _with_subject

#: right values of the kinds the rules must leave: codes, dashes between words or years, quotes, names with
#: hyphens, ``(b/c)``, ``./.``, units
RIGHT = ("Tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội quý III năm 2013", "V/v báo cáo kết quả",
         "UBND huyện Thăng Bình (b/c)", "./.", "Lưu: VT, TC.", "Số: 118/TB-UBND", "giai đoạn 2021-2025",
         "năm 2021 – 2025", "Hội thi “Gia đình văn hóa” năm 2019", "Về việc hỗ trợ hộ nghèo & cận nghèo",
         "đồng bào Ê-đê, Ba-na và Pa Cô", "diện tích 200 m²", "tăng 5% so với cùng kỳ", "Phó Chủ tịch UBND xã",
         "2019-08-06", "Kết hôn")


def test_right_writings_are_not_doubted() -> None:
    for value in RIGHT:
        assert debris_value_doubt(value) is None, value


def test_a_character_no_vietnamese_text_uses_is_doubted() -> None:
    assert "'†' (U+2020)" in (foreign_doubt("giao ban tháng 11† năm 2019") or "")
    for value in ("Điều 3 §2", "KHU PHỐ ©", "xã Hòa# Bình", "ấp Tân Lộc ‡", "Straße"):
        assert foreign_doubt(value), value


def test_a_dash_glued_to_a_word_s_front_is_doubted() -> None:
    assert glued_dash_doubt("tại các thôn, ấp -ả") == "'-ả': a dash glued to the front of a word, debris read as a dash"
    assert glued_dash_doubt("-UBND huyện") and glued_dash_doubt("công tác —phòng chống")
    for value in ("kinh tế - xã hội", "QĐ-UBND", "2021 -2025"):  # a dash between words, in a code, before digits
        assert glued_dash_doubt(value) is None, value


def test_a_hyphen_between_syllables_that_make_a_word_is_doubted() -> None:
    assert "'thực hiện' is a word" in (hyphen_word_doubt("Tình hình thực-hiện nhiệm vụ") or "")
    assert hyphen_word_doubt("phát triển kinh-tế") is not None
    # names in capitals, pairs that make no word, chains of hyphens: not judged
    for value in ("Ê-đê", "Thực-hiện", "ba-na", "xơ-đăng", "a-b-c"):
        assert hyphen_word_doubt(value) is None, value


def test_debris_in_a_subject_is_flagged_through_extract() -> None:
    for subject, why in (("Về việc lịch trực Tết† Nguyên đán năm 2016", "'†'"),
                         ("Về việc lịch trực Tết Nguyên đán năm 2016 -ả", "'-ả'"),
                         ("Về việc thực-hiện lịch trực Tết Nguyên đán năm 2016", "'thực-hiện'")):
        meta = _extract(_page(_with_subject(subject)))
        assert meta.subject.value == subject  # flagged, never changed
        assert why in (meta.subject.review or "") and "subject" in meta.needs_review
    assert _extract(_page(HEAD + FOOT)).subject.review is None


def test_a_recipient_one_confusion_off_a_word_is_flagged_through_extract() -> None:
    def foot(item: str) -> list[list[tuple[int, str]]]:
        return FOOT[:2] + [[(100, f"- {item};")]] + FOOT[2:]

    meta = _extract(_page(HEAD + foot("Các thành viến Ban Chỉ đạo")))
    assert "Các thành viến Ban Chỉ đạo" in meta.recipients.value
    assert "'thành viến' is no word; 'thành viên' is one confusion away" == meta.recipients.review
    meta = _extract(_page(HEAD + foot("Các thành viên Ban Chỉ đạo")))
    assert "Các thành viên Ban Chỉ đạo" in meta.recipients.value and meta.recipients.review is None
