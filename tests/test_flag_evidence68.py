"""Review flags, sixty-eighth round (issue 14 item 9): a marriage certificate's person taken from the second party
after the first party's name label was misread (HG80 speckle-22-ket-hon-118: ``Hợ, chữ đệm, tên NGUYÊN VĂN HÙNG``,
its colon lost, so ``Lê Thu Oanh`` was stored). Flagged, never changed; the form read whole, and a recognition of
parentage (the person named after the one recognising, by its role label), stay unflagged."""

from __future__ import annotations

import pytest

from archivist.classify import PageText
from archivist.extract import extract
from archivist.partyflags import other_party_doubt

FIRST = ("Ngày, tháng, năm sinh: 07/09/1992", "Dân tộc: Kinh; Quốc tịch: Việt Nam",
         "Nơi cư trú: thôn Đồng Tâm, xã Đại Đồng, huyện Thạch Thất, tỉnh Hà Nội")


def test_a_plain_label_after_a_partys_block_is_doubted() -> None:
    before = ["giay chung nhan ket hon", "ho, chu dem, ten nguyen van hung", "ngay, thang, nam sinh: 07/09/1992"]
    assert "second party" in (other_party_doubt("ho, chu dem, ten: ", before) or "")


@pytest.mark.parametrize(("label", "before"), [
    ("ho, chu dem, ten: ", ["giay chung nhan ket hon", "so: 118"]),  # the form's first label: nothing above
    ("ho, chu dem, ten nguoi duoc nhan la con: ", ["ho, chu dem, ten nguoi nhan: tran quoc hoa",
                                                  "noi cu tru: thon cau da", "giay to tuy than: cmnd so 363348412"]),
])
def test_the_first_label_or_a_role_label_is_not_doubted(label: str, before: list[str]) -> None:
    assert other_party_doubt(label, before) is None


def _form(first_label: str) -> str:
    return ("UBND HUYỆN THẠCH THẤT\nỦY BAN NHÂN DÂN\nXÃ ĐẠI ĐỒNG\nSố: 118\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            f"Độc lập - Tự do - Hạnh phúc\nGIẤY CHỨNG NHẬN KẾT HÔN\n{first_label} NGUYỄN VĂN HÙNG\n"
            + "\n".join(FIRST) + "\nHọ, chữ đệm, tên: LÊ THU OANH\nNgày, tháng, năm sinh: 08/12/1995\n"
            "Ngày, tháng, năm đăng ký: 02/07/2021\nQuyển số: 02/2021\nĐại Đồng, ngày 02 tháng 7 năm 2021\n"
            "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nĐỗ Thu Lan")


def test_the_second_partys_name_is_flagged_through_extract_and_kept() -> None:
    slip = extract([PageText(1, _form("Hợ, chữ đệm, tên"))])
    assert slip.person is not None and slip.person.value == "Lê Thu Oanh"
    assert "second party" in (slip.person.review or "") and "person" in slip.needs_review
    whole = extract([PageText(1, _form("Họ, chữ đệm, tên:"))])
    assert whole.person is not None and whole.person.value == "Nguyễn Văn Hùng" and whole.person.review is None
