"""Review flags, forty-fourth round (issue 14 item 9): a name the document writes elsewhere with other marks (AT42
23-don-dang-ky-thua-291's signer ``Trần Mỹ Vần``, the applicant's line ``TRẦN MỸ VÂN``), and a word's first letter
read twice, once alone over the word's start (HG38 speckle-20-tb-138's subject ``… đường ổ ống …``). Flagged, never
changed."""

from __future__ import annotations

from archivist.nametwin import name_twin_doubt
from archivist.twiceflags import piece_doubt
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page

#: HG38 tb-138's subject line from ``đường`` on, as stored (``ổ`` over the start of ``ống``)
PIECE = [("đường", 93.3, (851, 580, 946, 641), 7), ("ổ", 85.12, (966, 583, 983, 639), 7),
         ("ống", 84.13, (966, 593, 1024, 619), 7), ("tại", 96.0, (1040, 590, 1100, 619), 7)]


def test_a_name_written_elsewhere_with_other_marks_is_doubted() -> None:
    texts = ["Họ và tên người đề nghị: TRẦN MỸ VÂN", "Trần Mỹ Vần"]
    assert "TRẦN MỸ VÂN" in (name_twin_doubt("Trần Mỹ Vần", "Trần Mỹ Vần", texts) or "")
    assert name_twin_doubt("Bùi Thị Thơm", "Bùi Thị Thơm", ["Bùi Thị Thờm"]) is not None  # a mark the other way


def test_a_name_written_alike_or_once_is_not_doubted() -> None:
    assert name_twin_doubt("Trần Mỹ Vân", "Trần Mỹ Vân", ["TRẦN MỸ VÂN", "Trần Mỹ Vân"]) is None
    assert name_twin_doubt("Lương Mỹ Thúy", "Lương Mỹ Thúy", ["Lương Mỹ Thúy"]) is None
    assert name_twin_doubt("Vân", "Vân", ["Vần"]) is None  # one word: no family name to hold it to


def test_another_family_name_or_the_values_own_words_are_no_second_reading() -> None:
    # the other copy's family name misread (Đỉnh for Đinh): that copy is the misread one, nearly always
    assert name_twin_doubt("Đinh Văn Hiếu", "Đinh Văn Hiếu", ["Đỉnh Văn Hiếu", "Đinh Văn Hiếu"]) is None
    # a name restored from its own words (the certificate's capitals) is not judged against them
    assert name_twin_doubt("Bùi Phương Quyên", "BÙI PHƯƠNG QUYỂN", ["BÙI PHƯƠNG QUYỂN"]) is None
    # another person who shares the letters but not the family name
    assert name_twin_doubt("Trần Thanh Hà", "Trần Thanh Hà", ["Lê Thanh Hà", "Trần Thanh Hà"]) is None


def test_a_signer_written_elsewhere_with_other_marks_is_flagged_through_extract() -> None:
    body = [[(100, "Ủy ban nhân dân xã giao ông Hà Hữu Thăng theo dõi việc thực hiện.")]]
    meta = _extract(_page(HEAD + body + FOOT))
    signer = meta.fields()["signer"]
    assert signer.value == "Hà Hữu Thắng" and "Hà Hữu Thăng" in (signer.review or "")
    assert "signer" in meta.needs_review
    same = [[(100, "Ủy ban nhân dân xã giao ông Hà Hữu Thắng theo dõi việc thực hiện.")]]
    assert _extract(_page(HEAD + same + FOOT)).fields()["signer"].review is None


def test_a_letter_over_the_start_of_its_word_is_doubted() -> None:
    assert "'ổ' lies over the start of 'ống'" in (piece_doubt("sửa chữa đường ổ ống tại thôn", PIECE) or "")


def test_a_letter_side_by_side_or_not_in_the_value_is_not_doubted() -> None:
    side = [("ở", 95.0, (100, 0, 120, 40), 1), ("ông", 95.0, (140, 0, 200, 40), 1)]  # a space away
    assert piece_doubt("nhà ở ông", side) is None
    assert piece_doubt("đường ống tại", PIECE) is None  # the value built without the piece
    other = [("a", 95.0, (966, 583, 983, 639), 7), ("ống", 84.13, (966, 593, 1024, 619), 7)]
    assert piece_doubt("a ống", other) is None  # another letter than the word's first
    below = [("ổ", 85.0, (966, 583, 983, 639), 6), ("ống", 84.13, (966, 593, 1024, 619), 7)]
    assert piece_doubt("ổ ống", below) is None  # another line


def test_a_subject_holding_a_letter_read_twice_is_flagged_through_extract() -> None:
    head = [row if "Về việc" not in row[0][1] else [(400, "Về việc lịch trực Tết Nguyên đán năm 2016")]
            for row in HEAD]
    page = _page(head)
    i = next(k for k, w in enumerate(page.words) if w[0] == "năm" and w[3] == 5)
    nam = page.words[i]
    x0, y0, x1, y1 = nam[2]
    page.words.insert(i, ("n", 92.0, (x0, y0 - 2, x0 + 14, y1 + 4), nam[3]))  # a speck on the n read alone
    page.text = page.text.replace("đán năm 2016", "đán n năm 2016")
    meta = _extract(page)
    subject = meta.fields()["subject"]
    assert "n năm" in str(subject.value) and "first letter read twice" in (subject.review or "")
