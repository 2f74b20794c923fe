"""Review flags, hundred-and-thirty-fourth round (issue 14 item 9, session 41; fitted on the case it catches: nothing
held out behind it): sealed HG161 typewriter-09-tb-003-hoa-khanh stored the item ``Trưởng cáo thôn, ấp`` (0.85)
unflagged, a typed ``c`` read ``o``; its body writes ``Các thôn, ấp`` (``itemtwin.letter_twin_doubt``). Flagged,
kept."""

from __future__ import annotations

import pytest

from archivist import classify
from archivist.extract import Metadata, extract
from archivist.itemtwin import letter_twin_doubt
from archivist.wordpairs import entries
from tests.test_flag_evidence import _page

needs_words = pytest.mark.skipif(not entries(), reason="underthesea's word list (Viet74K) is not installed")

#: the notice's page as read (its lines' text; the fixture's boxes)
ROWS = [[(100, "UBND HUYỆN CÁI BÈ"), (1000, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")],
        [(100, "ỦY BAN NHÂN DÂN"), (1000, "Độc lập - Tự do - Hạnh phúc")], [(100, "XÃ HÒA KHÁNH")],
        [(100, "Số: 03/TB-UBND"), (1000, "Hòa Khánh, ngày 3 tháng 8 năm 2006")], [(600, "THÔNG BÁO")],
        [(400, "Về việc lịch trực Tết Nguyên đán năm 2006")],
        [(100, "Thực hiện Công văn số 10/UBND-NV ngày 27 tháng 7")],
        [(100, "năm 2006 của Ủy ban nhân dân huyện Cái Bè, Ủy ban")],
        [(100, "nhân dân xã Hòa Khánh thông báo như sau:")],
        [(100, "1. Các thôn, ấp tổ chức họp dân để phổ biến nội")],
        [(100, "dung này, lấy ý kiến của nhân dân và gửi biên bản")],
        [(100, "Ủy ban nhân dân xã thông báo để các cơ quan, đơn")], [(100, "vị và nhân dân được biết, thực hiện./.")],
        [(100, "Nơi nhận:"), (1000, "TM. ỦY BAN NHÂN DÂN")], [(100, "- UBND huyện Cái Bè (b/c);"), (1000, "CHỦ TỊCH")],
        [(100, "- Trưởng cáo thôn, ấp;")], [(100, "- Lưu VT, TC.")], [(1000, "Bùi Phương Nhàn")]]
ITEMS = ["UBND huyện Cái Bè (b/c)", "Trưởng cáo thôn, ấp", "Lưu VT, TC"]
TEXT = "\n".join("   ".join(t for _, t in row) for row in ROWS)
REASON = "is written one letter otherwise elsewhere in the document"


def _extract(rows: list[list[tuple[int, str]]]) -> Metadata:
    classify._LAST = None  # pages that differ in a line only: classified afresh
    return extract([_page(rows)])


@needs_words
def test_an_item_pair_the_body_writes_one_letter_otherwise_is_doubted() -> None:
    why = letter_twin_doubt(ITEMS, TEXT)
    assert why == f"'cáo thôn' in 'Trưởng cáo thôn, ấp' {REASON}", why


@needs_words
def test_the_pair_as_the_body_writes_it_a_code_or_a_pair_written_twice_is_not() -> None:
    right = ["UBND huyện Cái Bè (b/c)", "Trưởng các thôn, ấp", "Lưu VT, TC"]
    assert letter_twin_doubt(right, TEXT.replace("cáo thôn", "các thôn")) is None  # as the body writes it
    assert letter_twin_doubt(ITEMS, TEXT.replace("1. Các thôn", "1. Mọi nhà")) is None  # no twin in the document
    assert letter_twin_doubt(["UBMTTQ VN xã"], "UBMTTQ VN xã\nhội an xã") is None  # a code in capitals: no syllable
    assert letter_twin_doubt(ITEMS, TEXT + "\nTrưởng cáo thôn, ấp") is None  # the document writes it more than once
    assert letter_twin_doubt(["Như trên"], TEXT) is None


@needs_words
def test_the_list_is_flagged_and_kept_through_extract() -> None:
    meta = _extract(ROWS)
    assert meta.recipients.value == ITEMS and "recipients" in meta.needs_review
    assert (meta.recipients.review or "").endswith(REASON), meta.recipients.review
    right = _extract([[(100, "- Trưởng các thôn, ấp;")] if row[0][1] == "- Trưởng cáo thôn, ấp;" else row
                      for row in ROWS])
    assert "recipients" not in right.needs_review, right.recipients
