"""A letter's ``V/v`` subject takes no piece of the right column after a piece it did not take (session 46,
coordinator; :func:`archivist.layout._continues`). Sealed HG328 speckle-21-cv-221: the motto's rule read ``: bu:
TH``, the ``:`` left out as beside the subject but the ``bu:`` after it taken as the subject's next line (the piece
before it a text piece), stored ``… tại các thôn, ấp bu`` unflagged at 0.88."""

from __future__ import annotations

from archivist.classify import PageText
from archivist.layout import parse_header
from archivist.ocrtext import page_lines
from tests.test_flag_evidence import _extract, _page

ROWS = [[(100, "UBND HUYỆN CHỢ GẠO")], [(100, "ỦY BAN NHÂN DÂN")], [(100, "XÃ HÒA BÌNH")],
        [(100, "Số: 221/UBND-TP")],
        [(100, "V/v tổ chức thu gom rác thải sinh")],
        [(150, "hoạt tại các thôn, ấp")],
        [(900, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")],  # the right column after the left (a header in order)
        [(1000, "Độc lập - Tự do - Hạnh phúc")],
        [(1025, ":"), (1187, "bu:"), (1361, "TH")],  # the motto's rule, speckled
        [(940, "Xã Hòa Bình, ngày 18 tháng 7 năm 2016")],
        [(100, "Kính gửi: Trưởng các thôn, ấp trên địa bàn xã.")],
        [(100, "Ủy ban nhân dân xã đề nghị các đơn vị thực hiện một số nội dung sau đây theo đúng quy định.")],
        [(100, "Nơi nhận:"), (1000, "KT. CHỦ TỊCH")], [(100, "- Như trên;"), (1000, "PHÓ CHỦ TỊCH")],
        [(100, "- Lưu: VT, TP.")], [(1000, "Tạ Bích Hạnh")]]


def _vv(page: PageText) -> list[str]:
    return [ln.text for ln in parse_header(page_lines(page)).vv]


def test_a_right_column_piece_after_a_piece_the_subject_left_is_not_its_line() -> None:
    assert _vv(_page(ROWS)) == ["V/v tổ chức thu gom rác thải sinh", "hoạt tại các thôn, ấp"]
    meta = _extract(_page(ROWS))
    assert meta.subject.value == "V/v tổ chức thu gom rác thải sinh hoạt tại các thôn, ấp"


def test_a_subject_line_under_the_subject_is_still_taken() -> None:
    rows = [*ROWS[:6], [(120, "trên địa bàn xã")], *ROWS[6:]]
    assert _vv(_page(rows))[-1] == "trên địa bàn xã"
