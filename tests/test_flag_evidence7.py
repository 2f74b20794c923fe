"""Review flags, seventh round (issue 14 item 9; bench/RESULTS.md, "Flags, seventh round (session 22)"): the
two values seed 14 left wrong without a flag are read right, the case rule no longer flags a right
recipients list for a speck the list does not hold, and fewer right numbers are flagged. Each on a small
page with the slip and without.

- a register book ends on a digit: a full stop after it (``Quyển số: 02/2014.``) is not the book's;
- a ``V/v`` subject's second line, read after the place and date beside its first, is still the subject's;
- the case rule judges only the words the recipients list keeps (not a speck in its box, ``)jee``);
- (measured, not kept: the swallowed-line rule held to words read under 20, refuted by seed 15's ``VT,`` at 22);
- a number whose only change is a full stop taken off after it, or whose digit rival is more than
  DIGIT_MARGIN points behind, is settled by its grammar like one read as printed.
"""

from __future__ import annotations

from archivist.chardoubt import grammar_settles
from tests.test_flag_evidence import CHOICES, FOOT, HEAD, _extract, _number, _page

CIVIL = [[(100, "UBND HUYỆN THẠCH THẤT"), (900, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")],
         [(100, "ỦY BAN NHÂN DÂN"), (900, "Độc lập - Tự do - Hạnh phúc")], [(100, "XÃ KIM SƠN")],
         [(100, "Số: 364/TLKS-BS")], [(500, "TRÍCH LỤC KHAI SINH")], [(100, "Họ, chữ đệm, tên: ĐÀO CÔNG ĐẠT")],
         [(100, "Ngày, tháng, năm sinh: 16/04/2014")], [(100, "Ngày, tháng, năm đăng ký: 08/05/2014")]]
CIVIL_FOOT = [[(100, "Số: 110")], [(700, "Xã Kim Sơn, ngày 25 tháng 8 năm 2017")], [(700, "NGƯỜI KÝ TRÍCH LỤC")],
              [(700, "Trịnh Thị Hằng")]]


def test_a_register_book_ends_on_a_digit_a_full_stop_after_it_is_not_its() -> None:
    for line, book in (("Quyển số: 02/2014.", "02/2014"), ("Quyển số: 02/2014", "02/2014"),
                       ("Quyển số: 1/2014-", "1/2014"), ("Quyển số: 03.", "03")):
        meta = _extract(_page(CIVIL + [[(100, line)]] + CIVIL_FOOT))
        assert meta.book is not None and meta.book.value == book, line


LETTER = [[(100, "UBND HUYỆN THẠCH THẤT"), (900, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")],
          [(100, "ỦY BAN NHÂN DÂN"), (900, "Độc lập - Tự do - Hạnh phúc")], [(100, "XÃ ĐẠI ĐỒNG")],
          [(100, "Số: 201/UBND-VP")]]
BODY = [[(500, "Kính gửi: Trưởng các thôn trên địa bàn xã.")],
        [(200, "Thực hiện Công văn số 26/UBND-NV của Ủy ban nhân dân huyện, Ủy ban nhân dân xã đề nghị như sau:")]]


def test_a_subjects_second_line_read_after_the_date_beside_its_first_is_the_subjects() -> None:
    # seed 14: 'V/v rà soát, cập nhật dữ liệu hộ tịch' | 'Đại Đồng, ngày 4 …' on one row, 'năm 2005' under the V/v
    subject = [(100, "V/v rà soát, cập nhật dữ liệu hộ tịch"), (900, "Đại Đồng, ngày 4 tháng 10 năm 2005")]
    two = _extract(_page(LETTER + [subject, [(260, "năm 2005")]] + BODY + FOOT))
    assert two.subject.value == "V/v rà soát, cập nhật dữ liệu hộ tịch năm 2005"
    assert two.date.value == "2005-10-04"
    one = _extract(_page(LETTER + [subject] + BODY + FOOT))
    assert one.subject.value == "V/v rà soát, cập nhật dữ liệu hộ tịch"
    # a line under the date only (the right column's) is not taken into the subject
    right = _extract(_page(LETTER + [subject, [(1000, "(Kèm theo kế hoạch)")]] + BODY + FOOT))
    assert right.subject.value == "V/v rà soát, cập nhật dữ liệu hộ tịch"


def test_the_case_rule_judges_only_the_words_the_recipients_keep() -> None:
    # seed 14: specks '* )jee' read as a line under the archive copy's, dropped from the value, 'j' weighed against 'J'
    rows = HEAD + FOOT[:4] + [[(300, "* )jee")], FOOT[4]]
    speck = _extract(_page(rows, conf={")jee": 0.0}, rivals=CHOICES | {")jee": ((1, "J", 82.0, 69.1),)}))
    assert all("jee" not in item for item in speck.recipients.value)
    assert speck.recipients.review is None and "recipients" not in speck.needs_review
    kept = HEAD + FOOT[:2] + [[(100, "- Chủ tịch, Các PCT UBND xã;")]] + FOOT[2:]
    doubted = _extract(_page(kept, rivals=CHOICES | {"Các": ((0, "c", 87.5, 82.4),)}))
    assert "'Các'" in (doubted.recipients.review or "")


def test_a_list_word_read_at_22_in_a_tall_box_still_flags_the_swallowed_line() -> None:
    # seed 15: 'VT,' at 22 in a box 1.6 words tall, two items lost above it ('Như trên', 'TT HĐND xã')
    swallowed = _extract(_page(HEAD + FOOT, conf={"VT,": 22.0}, tall={"VT,": 24}))
    assert "'VT,'" in (swallowed.recipients.review or "")


def test_a_digit_rival_far_behind_is_no_doubt_the_grammar_settles() -> None:
    # seed 14: '25/2008/QĐ-UBND' read at 60 with '6' 38.9 points behind its '8'
    assert grammar_settles("25/2008/QĐ-UBND", ((4, "6", 92.7, 53.8),))
    assert not grammar_settles("25/2008/QĐ-UBND", ((4, "6", 92.7, 63.0),))  # within 30 points: in doubt
    far = _number(45.0, {"118/TB-UBND": ((1, "7", 90.0, 55.0),)})
    assert far.number_symbol.confidence == 0.95 and "number_symbol" not in far.needs_review


def test_a_number_whose_only_change_is_a_stop_taken_off_is_settled() -> None:
    # seed 14: '186/UBND-TC.' and '248/TB-UBND.' read at 69-80 with nothing weighed, flagged for the stop
    rows = [r if r[0][1] != "Số: 118/TB-UBND" else [(100, "Số: 118/TB-UBND."), r[1]] for r in HEAD] + FOOT
    stop = _extract(_page(rows, conf={"118/TB-UBND.": 45.0}, rivals=CHOICES))
    assert stop.number_symbol.value == "118/TB-UBND" and stop.number_symbol.confidence == 0.95
    assert "number_symbol" not in stop.needs_review
    near = CHOICES | {"118/TB-UBND.": ((1, "7", 80.0, 60.0),)}
    digit = _extract(_page(rows, conf={"118/TB-UBND.": 45.0}, rivals=near))
    assert "number_symbol" in digit.needs_review
