"""Review flags, seventy-fifth round (issue 14 item 9): a continuation page taken as a document of its own (a loose
page, a boundary found inside a multi-page file) has no header, and the first ``ngày`` of its running text was
stored as the document's date at the header line's confidence, unflagged (bilevel32's page-documents:
``… trước ngày 15/08/2022.`` for ``2022-05-24``, ``Thời gian thực hiện từ ngày 11/11/2021 …`` for ``2021-08-28``).
Such a date is flagged, never changed."""

from __future__ import annotations

from archivist.classify import analysed
from archivist.datefield import placedate
from archivist.fields import Field
from archivist.headless import flag_headless_date, headless
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page

#: the second page of a decision (bilevel32 S3202 clean-05-qd-232-cam-thach), read alone
CONTINUATION = [[(700, "2")],
                [(100, "2. Bố trí cán bộ trực 24/24 giờ, chuẩn bị đầy đủ phương tiện, vật tư theo")],
                [(100, "phương châm bốn tại chỗ; báo cáo nhanh tình hình về Ủy ban nhân dân xã.")],
                [(100, "3. Thời gian thực hiện từ ngày 11/11/2021 đến hết ngày 03/01/2022; kết")],
                [(100, "quả tổng hợp gửi về bộ phận Văn phòng - Thống kê để báo cáo Ủy ban nhân")],
                [(100, "dân huyện.")],
                [(100, "Điều 3. Các thành viên có tên tại Điều 1 chịu trách nhiệm thực hiện")],
                [(100, "nhiệm vụ được phân công và tự giải thể sau khi hoàn thành nhiệm vụ.")],
                [(100, "Nơi nhận:"), (1000, "KT. CHỦ TỊCH")], [(100, "- Như Điều 4;"), (1000, "PHÓ CHỦ TỊCH")],
                [(100, "- Lưu: VT, VP.")], [(1000, "Vũ Xuân Hòa")]]

#: the same page's deadline written as the report pages wrote it (S3202 faded-10-kh-169-dai-dong)
DEADLINE = [[(100, "Ủy ban nhân dân xã giao các thôn rà soát, tổng hợp danh sách các hộ gia đình")],
            [(100, "báo cáo kết quả về Ủy ban nhân dân xã trước ngày 15/08/2022.")],
            [(100, "Nơi nhận:"), (1000, "TM. ỦY BAN NHÂN DÂN")], [(100, "- Như trên;"), (1000, "CHỦ TỊCH")],
            [(100, "- Lưu: VT.")], [(1000, "Hà Hữu Thắng")]]


def test_a_continuation_pages_running_date_is_flagged_and_kept() -> None:
    for rows, value in ((CONTINUATION, "2021-11-11"), (DEADLINE, "2022-08-15")):
        meta = _extract(_page(rows))
        date = meta.fields()["date"]
        assert date.value == value, date
        assert "no header" in (date.review or ""), date.review
        assert "date" in meta.needs_review


def test_a_document_with_its_header_is_not_judged() -> None:
    meta = _extract(_page(HEAD + FOOT))
    date = meta.fields()["date"]
    assert date.value == "2016-03-21" and date.review is None and "date" not in meta.needs_review


def test_headless_reads_number_title_and_anchors() -> None:
    assert headless(analysed([_page(CONTINUATION)]))
    assert not headless(analysed([_page(HEAD + FOOT)]))
    only_number = [[(100, "Số: 118/TB-UBND")]] + DEADLINE  # a number alone: a header begun, not a page inside
    assert not headless(analysed([_page(only_number)]))
    only_motto = [[(900, "Độc lập - Tự do - Hạnh phúc")]] + DEADLINE
    assert not headless(analysed([_page(only_motto)]))


def test_a_place_and_date_line_on_a_headless_page_is_left_alone() -> None:
    """A petition's last page split off keeps the petition's own line ``<place>, ngày …``: its date is the
    document's, not a guess."""
    rows = [[(100, "Tôi xin cam đoan những lời khai trên là đúng sự thật.")],
            [(800, "Quỳnh Hậu, ngày 21 tháng 3 năm 2016")], [(900, "Người làm đơn")], [(900, "Hà Hữu Thắng")]]
    page = _page(rows)
    doc = analysed([page])
    pd = placedate(doc)
    assert headless(doc) and pd is not None and pd.place is not None
    f = Field("2016-03-21", 0.85)
    flag_headless_date(f, doc, pd)
    assert f.review is None


def test_only_flags_nothing_changes() -> None:
    doc = analysed([_page(DEADLINE)])
    pd = placedate(doc)
    f = Field("2022-08-15", 0.936)
    flag_headless_date(f, doc, pd)
    assert f.value == "2022-08-15" and f.confidence == 0.936 and "no header" in (f.review or "")
    earlier = Field("2022-08-15", 0.936, review="an earlier reason")
    flag_headless_date(earlier, doc, pd)
    assert earlier.review == "an earlier reason"
    none = Field(None, 0.0)
    flag_headless_date(none, doc, pd)
    assert none.review is None
