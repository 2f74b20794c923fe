"""Review flags, ninth round (issue 14 item 9): seed 16's wrong values that had no flag. A subject naming a
``năm`` that is no year (``năm 29698``), a position with a hyphen glued in (``CHỦ-TỊCH``), a position under an
authority line misread (``/XT. CHỦ TỊCH``) and a subject cut before a line that goes on in small letters. Each
case on a small document with the slip and the same document without it, which must stay unflagged."""

from __future__ import annotations

import pytest

from archivist.classify import PageText
from archivist.crosscheck import nam_doubt
from archivist.extract import extract

DOC = ("UBND HUYỆN CÁI BÈ\nỦY BAN NHÂN DÂN XÃ HÒA KHÁNH\nSố: 179/TB-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
       "Độc lập - Tự do - Hạnh phúc\nHòa Khánh, ngày 01 tháng 11 năm 2017\nTHÔNG BÁO\n{subject}\n"
       "Thực hiện Công văn số 06/UBND-NV ngày 06 tháng 8 năm 2017 của Ủy ban nhân dân huyện Cái Bè.\n"
       "Ủy ban nhân dân xã thông báo như sau.\n{sign}\nLương Diệu Trinh\n"
       "Nơi nhận:\n- UBND huyện Cái Bè;\n- Lưu: VT.")
SUBJECT = "Về việc niêm yết công khai danh sách hộ nghèo năm 2008"
SIGN = "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH"


def _fields(subject: str = SUBJECT, sign: str = SIGN):
    return extract([PageText(1, DOC.format(subject=subject, sign=sign))]).fields()


def test_the_document_read_right_has_no_flag_on_its_subject_or_position():
    f = _fields()
    assert f["subject"].value == SUBJECT and f["subject"].review is None
    assert f["signer_position"].value == "CHỦ TỊCH" and f["signer_position"].review is None


#: (what the document is read with, the field, the value read, a word of the flag's reason)
SLIPS = [
    ({"subject": SUBJECT.replace("2008", "29698")}, "subject", SUBJECT.replace("2008", "29698"), "not a possible year"),
    ({"sign": "TM. ỦY BAN NHÂN DÂN\nCHỦ-TỊCH"}, "signer_position", "CHỦ-TỊCH", "hyphen glued"),
    ({"sign": "/XT. CHỦ TỊCH\nCHỦ TỊCH"}, "signer_position", "CHỦ TỊCH", "authority misread"),
    ({"subject": "Về việc niêm yết công khai danh sách\n- hộ nghèo, hộ cận nghèo năm 2017."}, "subject",
     "Về việc niêm yết công khai danh sách", "small letters"),
]


@pytest.mark.parametrize("slip,name,value,reason", SLIPS)
def test_each_slip_of_seed_16_is_flagged(slip: dict[str, str], name: str, value: str, reason: str):
    f = _fields(**slip)[name]
    assert f.value == value
    assert f.review and reason in f.review


def test_a_deputys_position_under_an_authority_line_misread_is_not_flagged():
    """Under KT. or TM. alike a ``PHÓ CHỦ TỊCH`` is a deputy's position: the lost authority does not change it."""
    f = _fields(sign="/XT. CHỦ TỊCH\nPHÓ CHỦ TỊCH")["signer_position"]
    assert f.value == "PHÓ CHỦ TỊCH" and f.review is None


def test_a_subject_on_two_lines_read_whole_is_not_flagged():
    f = _fields(subject="Về việc niêm yết công khai danh sách\nhộ nghèo, hộ cận nghèo năm 2017")["subject"]
    assert f.value == "Về việc niêm yết công khai danh sách hộ nghèo, hộ cận nghèo năm 2017" and f.review is None


@pytest.mark.parametrize("value", ["hộ nghèo năm 29698", "kế hoạch năm 208", "tháng 11 năm 2609"])
def test_a_number_after_nam_that_is_no_year_is_doubted(value: str):
    assert nam_doubt(value) is not None


@pytest.mark.parametrize("value", ["tháng 11 năm 2008", "giai đoạn năm 2021-2025", "trong 5 năm 2 lần",
                                   "số 29698 năm nay"])
def test_a_year_or_a_count_is_not_doubted(value: str):
    assert nam_doubt(value) is None
