"""Review flags, hundredth round (issue 14 item 9, the sealed seeds 123-124): a name whose family name was read
weakly while the document names the same person elsewhere with another listed family name one letter off (AT123
24-3 xnhn-25: the body's ``bà Vũ Mỹ Hằng`` at 96.7, the form's ``VỠ MỸ HẰNG`` with ``VỠ`` at 66, stored ``Võ Mỹ
Hằng`` at 0.706 unflagged). Flagged, never changed."""

from __future__ import annotations

from archivist.nametwin import WEAK, surname_twin_doubt
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page

TEXTS = ["Xét đề nghị của bà Vũ Mỹ Hằng về việc xác nhận tình trạng hôn nhân,", "Họ, chữ đệm, tên: VỠ MỸ HẰNG"]


def test_a_weak_family_name_written_elsewhere_one_letter_off_is_doubted() -> None:
    why = surname_twin_doubt("Võ Mỹ Hằng", TEXTS, 66.11)
    assert why is not None and "'Vũ Mỹ Hằng'" in why and "read weakly (66)" in why, why


def test_a_sure_family_name_another_person_or_a_far_name_is_no_doubt() -> None:
    assert surname_twin_doubt("Võ Mỹ Hằng", TEXTS, WEAK) is None  # read surely: the other copy may be the misread
    assert surname_twin_doubt("Võ Mỹ Hằng", TEXTS, None) is None  # its words not found on its page
    assert surname_twin_doubt("Võ Mỹ Hằng", ["bà Võ Mỹ Hằng", "VỠ MỸ HẰNG"], 66.0) is None  # the same family name
    assert surname_twin_doubt("Lê Thanh Hà", ["ông Nguyễn Thanh Hà"], 60.0) is None  # another person
    assert surname_twin_doubt("Võ Mỹ Hằng", ["bà Vũ Mỹ Hương"], 60.0) is None  # other later words
    assert surname_twin_doubt("Hằng", ["Vũ Hằng"], 60.0) is None  # one word: no family name


def _signed(body: str, conf: float):  # noqa: ANN202
    """HEAD's notice signed ``Hà Hữu Thắng`` (its ``Hà`` read at ``conf``), whose body line is ``body``."""
    return _page(HEAD + [[(100, body)]] + FOOT, conf={"Hà": conf})


def test_the_signer_is_flagged_and_kept_through_extract() -> None:
    meta = _extract(_signed("Ủy ban nhân dân xã giao ông Hồ Hữu Thắng theo dõi việc thực hiện.", 66.0))
    signer = meta.fields()["signer"]
    assert signer.value == "Hà Hữu Thắng" and "'Hồ Hữu Thắng'" in (signer.review or ""), signer.review
    assert "signer" in meta.needs_review
    sure = _extract(_signed("Ủy ban nhân dân xã giao ông Hồ Hữu Thắng theo dõi việc thực hiện.", 95.0))
    assert "Hồ Hữu Thắng" not in (sure.fields()["signer"].review or "")
    alone = _extract(_signed("Ủy ban nhân dân xã thông báo để các đơn vị được biết.", 66.0))
    assert "read weakly" not in (alone.fields()["signer"].review or "")
