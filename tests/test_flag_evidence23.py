"""Review flags, twenty-third round (issue 14 item 9): seed 30's wrong values stored without a flag, each with
what beside its confidence says it is wrong: a power of attorney's delegate taken for its signer, a body's fixed
head cut short (``ỦY BAN NHÂN XÃ …``), a subject's fixed opening misread (``Và việc``), a list's code read as a
capital run no code spells (``LI``), a list with a blank row where an item was. Each against the same value where
that evidence is absent."""

from __future__ import annotations

from archivist.classify import PageText
from archivist.fields import Field
from archivist.footer import Footer
from archivist.listflags import flag_list, row_gap_doubt, unknown_code_doubt
from archivist.wordingflags import flag_wording, lost_head_word_fix, subject_opening_fix
from tests.test_flag_evidence import _extract, _page
from tests.test_flag_evidence17 import _cell

GUQ = [[(100, "UBND HUYỆN NHƠN TRẠCH"), (900, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")],
       [(100, "ỦY BAN NHÂN DÂN"), (900, "Độc lập - Tự do - Hạnh phúc")], [(100, "XÃ PHƯỚC THIỀN")],
       [(100, "Số: 240/GUQ-UBND"), (900, "Phước Thiền, ngày 22 tháng 5 năm 2009")], [(600, "GIẤY ỦY QUYỀN")],
       [(100, "Người ủy quyền: Bà Hoàng Thị Trang, Chủ tịch Ủy ban nhân dân xã Phước Thiền.")],
       [(100, "Người được ủy quyền: Bà Mai Mỹ Hương, công chức Địa chính - Xây dựng.")],
       [(100, "Người được ủy quyền không được ủy quyền lại cho người khác./.")],
       [(200, "NGƯỜI ĐƯỢC ỦY QUYỀN"), (900, "NGƯỜI ỦY QUYỀN")], [(950, "CHỦ TỊCH")], [], [],
       [(250, "Mai Mỹ Hương"), (920, "{chair}")]]


def _guq(chair: str):
    return _extract(_page([[(x, t.format(chair=chair)) for x, t in row] for row in GUQ]))


def test_a_delegates_name_is_not_taken_for_the_signer_of_a_power_of_attorney():
    # AT30 23-guq-240: the chair's name under ``CHỦ TỊCH`` not read; the delegate's (left column) was taken
    m = _guq("")
    assert m.signer.value != "Mai Mỹ Hương" and m.signer_position.value == "CHỦ TỊCH"
    read = _guq("Hoàng Thị Trang")  # the chair's name read: the chair signs, as on every GUQ of the fit basis
    assert read.signer.value == "Hoàng Thị Trang" and read.signer_position.value == "CHỦ TỊCH"


def test_a_fixed_head_cut_short_is_restored_and_flagged():
    # HG30 faded-17: ``DÂN`` read as a lone ``D`` and dropped
    f = Field("ỦY BAN NHÂN XÃ PHÚ LƯƠNG", 0.851, 1, None, "ỦY BAN NHÂN D XÃ PHÚ LƯƠNG")
    flag_wording({"issuer": f})
    assert f.value == "ỦY BAN NHÂN DÂN XÃ PHÚ LƯƠNG" and f.review and "fixed wording" in f.review
    assert lost_head_word_fix("ỦY BAN NHÂN ĐÂ XÃ BÌNH MINH")[0] == "ỦY BAN NHÂN DÂN XÃ BÌNH MINH"  # a fragment
    assert lost_head_word_fix("HỘI ĐỒNG NHÂN XÃ MỸ LỘC")[0] == "HỘI ĐỒNG NHÂN DÂN XÃ MỸ LỘC"
    for value in ("ỦY BAN NHÂN DÂN XÃ PHÚ LƯƠNG", "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM", "UBND XÃ PHÚ LƯƠNG",
                  "ỦY BAN NHÂN BÂN XÃ MỸ ĐỨC"):  # whole, another body, a code, one letter off (flags19's)
        assert lost_head_word_fix(value) is None, value
    right = Field("ỦY BAN NHÂN DÂN XÃ PHÚ LƯƠNG", 0.851, 1, None, "ỦY BAN NHÂN DÂN XÃ PHÚ LƯƠNG")
    flag_wording({"issuer": right})
    assert right.review is None and right.value == "ỦY BAN NHÂN DÂN XÃ PHÚ LƯƠNG"


def test_a_subjects_fixed_opening_misread_is_restored_and_flagged():
    # HG30 speckle-21: ``Và việc`` at 0.712, both real syllables
    subject = "thành lập Ban Chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn năm 2007"
    f = Field("Và việc " + subject, 0.712, 1, None, "Và việc thành lập Ban Chỉ đạo phòng, chống")
    flag_wording({"subject": f})
    assert f.value == "Về việc " + subject and f.review and "opens with 'Về việc'" in f.review
    for value in ("Về việc " + subject, "Kế hoạch thực hiện việc " + subject, "Và " + subject):
        assert subject_opening_fix(value) is None, value


def test_a_list_code_no_abbreviation_spells_flags_the_list():
    # HG30 clean-02: ``TT`` read ``LI`` at confidence 22, the list stored at 0.85
    items = ["UBND huyện Đông Hưng (b/c)", "LI Đảng ủy, HĐND xã", "Các ban, ngành, đoàn thể xã", "Lưu: VT, VP"]
    rec = Field(items, 0.85, 2, None, "\n".join(items))
    flag_list({"recipients": rec}, Footer(2, noi_nhan=True), [])
    assert rec.review and "'LI'" in rec.review
    right = ["UBND huyện Đông Hưng (b/c)", "TT Đảng ủy, HĐND xã", "UBMTTQ VN xã", "Lưu: VT, VP"]
    assert unknown_code_doubt(right) is None
    rec = Field(right, 0.85, 2, None, "\n".join(right))
    flag_list({"recipients": rec}, Footer(2, noi_nhan=True), [])
    assert rec.review is None


def _list(tops: list[int], beside: list[tuple[int, str]] = ()) -> tuple[Field, Footer, PageText]:
    """HG30 seals-32's list, rows at ``tops`` (px), each line 36 px tall, and lines ``beside`` it (top, text) on
    the right: the recipients field, its footer, and the page's words."""
    items = ["Như trên", "Chủ tịch, các PCT UBND xã", "TT Đảng ủy, HĐND xã (b/c)", "Lưu: VT, VP"]
    lines = [_cell(20 + i, f"- {item};", 329, top) for i, (item, top) in enumerate(zip(items, tops, strict=True))]
    other = [_cell(30 + i, text, 1100, top) for i, (top, text) in enumerate(beside)]
    words = [(ln.text[a:b], c, box, ln.index) for ln in lines + other for a, b, box, c in ln.spans]
    page = PageText(2, "\n".join(ln.text for ln in lines + other), words)
    return Field(items, 0.85, 2, None, "\n".join(ln.text for ln in lines)), \
        Footer(2, recipients=lines, noi_nhan=True), page


def test_a_blank_row_inside_a_list_flags_it():
    # HG30 seals-32: ``- UBMTTQ VN xã;`` not read at all, a step of 76 px where the others are 38-40
    rec, footer, page = _list([1329, 1368, 1408, 1484])
    assert row_gap_doubt(footer, rec.value, page.words) is not None
    flag_list({"recipients": rec}, footer, [page])
    assert rec.review and "a row between them was lost" in rec.review
    rec, footer, page = _list([1329, 1368, 1408, 1446])  # the same list with the row gone and the rest moved up
    flag_list({"recipients": rec}, footer, [page])
    assert rec.review is None
    # a signature line read as a row of its own between two items fills the row: nothing was lost there
    rec, footer, page = _list([1329, 1368, 1408, 1484], beside=[(1446, "CHỦ TỊCH")])
    flag_list({"recipients": rec}, footer, [page])
    assert rec.review is None
