"""Review flags, hundred-and-thirty-first round (issue 14 item 9, session 41; fitted on the case it catches, session
40's open case: nothing held out behind it): HG176 speckle-19-qd-122-dong-son stored the subject ``Về việc phê duyệt
dự toán sửa chữa`` (0.883) unflagged: its second line ``kênh mương nội đồng ấp Long Thạnh`` was not read at all. The
decision's ``Điều 1.`` restates the subject and goes on with those words (``subjectbody.restated_doubt``): flagged,
the value kept."""

from __future__ import annotations

from archivist import classify
from archivist.extract import Metadata, extract
from archivist.ocrtext import page_lines
from archivist.subjectbody import restated_doubt
from tests.test_flag_evidence import _page

#: HG176 speckle-19-qd-122's first page to its first article, as read (its lines' text; the fixture's boxes)
ROWS = [[(100, "UBND HUYỆN THỦY NGUYÊN"), (1000, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")],
        [(100, "ỦY BAN NHÂN DÂN"), (1000, "Độc lập - Tự do - Hạnh phúc")], [(100, "XÃ ĐÔNG SƠN")],
        [(100, "Số: 122/QĐ-UBND"), (900, "Xã Đông Sơn, ngày 13 tháng 5 năm 2005")], [(600, "QUYẾT ĐỊNH")],
        [(450, "Về việc phê duyệt dự toán sửa chữa")], [(350, "- CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ ĐÔNG SƠN")],
        [(100, "_ Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy bạn nhân dân ngày 26 tháng 11")],
        [(100, "năm 2003; :")], [(100, "Xét đề nghị của Chỉ huy trưởng Ban Chỉ huy quân sự xã.")],
        [(600, "QUYẾT ĐỊNH:")],
        [(100, '"Điều 1. Phê duyệt dự toán sửa chữa kênh mương nội đồng ấp Long Thạnh, cụ thể')],
        [(100, "như sau: : - :")], [(100, "1. Chi phí xây dựng: 344.200.000 đồhg;")],
        [(100, "Điều 2. Giao nhiệm vụ cụ thể như sau: -")]]
SUBJECT = "Về việc phê duyệt dự toán sửa chữa"
REASON = "the subject may be cut short (a line of it not read)"


def _pages(rows: list[list[tuple[int, str]]]) -> list[list]:
    return [page_lines(_page(rows))]


def _with_article(article: str) -> list[list[tuple[int, str]]]:
    return [row if not row[0][1].startswith('"Điều 1.') else [(100, article)] for row in ROWS]


def _extract(rows: list[list[tuple[int, str]]]) -> Metadata:
    classify._LAST = None  # pages that differ in a line only: classified afresh
    return extract([_page(rows)])


def test_the_article_going_on_past_the_subject_is_doubted() -> None:
    why = restated_doubt(SUBJECT, _pages(ROWS))
    assert why is not None and why.endswith(REASON) and "'kênh mương nội đồng ấp Long Thạnh'" in why, why
    assert restated_doubt("V/v phê duyệt dự toán sửa chữa", _pages(ROWS)) is not None  # a letter's prefix


def test_a_whole_subject_an_own_tail_or_another_opening_is_not() -> None:
    whole = SUBJECT + " kênh mương nội đồng ấp Long Thạnh"
    assert restated_doubt(whole, _pages(ROWS)) is None  # the article goes on with a mark: the subject is whole
    for article in ("Điều 1. Phê duyệt dự toán sửa chữa gồm các hạng mục sau:",  # the article's own tail
                    "Điều 1. Phê duyệt dự toán sửa chữa như sau:",
                    "Điều 1. Phê duyệt dự toán sửa chữa kênh, cụ thể",  # one word more: too little to say
                    "Điều 1. Giao nhiệm vụ cụ thể như sau:"):  # the article says something else
        assert restated_doubt(SUBJECT, _pages(_with_article(article))) is None, article
    assert restated_doubt("Về việc phê duyệt", _pages(ROWS)) is None  # two words: too few to match on
    assert restated_doubt(SUBJECT, _pages(ROWS[:11])) is None  # no article
    assert restated_doubt(None, _pages(ROWS)) is None


def test_the_subject_is_flagged_and_kept_through_extract() -> None:
    meta = _extract(ROWS)
    assert meta.subject.value == SUBJECT and "subject" in meta.needs_review
    assert (meta.subject.review or "").endswith(REASON)
    whole = _extract([[(350, SUBJECT + " kênh mương nội đồng ấp Long Thạnh")] if row[0][1] == SUBJECT else row
                      for row in ROWS])
    assert "subject" not in whole.needs_review, whole.subject
