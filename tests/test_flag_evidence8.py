"""Review flags, eighth round (issue 14 item 9): a value whose brackets or quotes do not pair lost a piece in the
reading (seed 15's subject ``… vụ Hè Thu năm 2011)``, its opening bracket not in the value). Each case on a small
document with the slip and the same document without it, which must stay unflagged."""

from __future__ import annotations

import pytest

from archivist.classify import PageText
from archivist.crosscheck import unbalanced_doubt
from archivist.extract import extract

DOC = ("UBND HUYỆN KIM SƠN\nỦY BAN NHÂN DÂN XÃ KIM HẢI\nSố: 206/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
       "Độc lập - Tự do - Hạnh phúc\nKim Hải, ngày 12 tháng 4 năm 2011\nQUYẾT ĐỊNH\n{subject}\n"
       "ỦY BAN NHÂN DÂN XÃ KIM HẢI\nCăn cứ Luật Tổ chức chính quyền địa phương;\nQUYẾT ĐỊNH:\n"
       "Điều 1. Giao chỉ tiêu cho các thôn.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nHà Hữu Thắng\n"
       "Nơi nhận:\n- {recipient};\n- Lưu: VT.")
SUBJECT = "Về việc giao chỉ tiêu sản xuất nông nghiệp vụ Hè Thu năm 2011"


def _fields(subject: str = SUBJECT, recipient: str = "UBND huyện Kim Sơn"):
    return extract([PageText(1, DOC.format(subject=subject, recipient=recipient))]).fields()


def test_a_subject_keeping_a_closing_bracket_without_its_opening_one_is_flagged():
    f = _fields(subject=SUBJECT + ")")["subject"]
    assert f.value.endswith("2011)")
    assert f.review and "do not pair" in f.review


def test_the_same_subject_read_whole_is_not_flagged():
    f = _fields()["subject"]
    assert f.value == SUBJECT and f.review is None


def test_a_subject_with_its_bracket_closed_is_not_flagged():
    f = _fields(subject=SUBJECT + " (vụ chính)")["subject"]
    assert f.value.endswith("(vụ chính)") and f.review is None


def test_a_list_item_with_an_opening_bracket_left_open_is_flagged():
    rec = _fields(recipient="Đảng ủy xã (B/C")["recipients"]
    assert rec.review and "do not pair" in rec.review
    assert _fields(recipient="Đảng ủy xã (b/c)")["recipients"].review is None  # closed, written small
    # closed but in capitals: not the brackets' doubt, the code's case (forty-fifth round, structflags)
    assert "do not pair" not in (_fields(recipient="Đảng ủy xã (B/C)")["recipients"].review or "")


@pytest.mark.parametrize("value,doubted", [
    ("vụ Hè Thu năm 2011)", True),
    ("(vụ Hè Thu năm 2011", True),
    ("cấp [huyện", True),
    ("phong trào “Toàn dân đoàn kết", True),
    ('phong trào "Toàn dân đoàn kết', True),
    ("phong trào “Toàn dân đoàn kết”", False),
    ('phong trào "Toàn dân đoàn kết"', False),
    ("Đảng ủy xã (B/C)", False),
    ("Lưu: VT", False),
])
def test_unbalanced_doubt_pairs_brackets_and_quotes(value: str, doubted: bool):
    assert (unbalanced_doubt(value) is not None) is doubted


@pytest.mark.parametrize("conf,flagged", [(86.0, True), (88.0, False)])
def test_a_faint_pages_value_is_flagged_under_87_not_at_88(conf: float, flagged: bool):
    """The faint-page rule's bound (87, was 90): seed 15's right subjects at 87-89 on faded pages were flagged
    for their 'năm'; wrong values on seeds 7-15 had their weakest word at 86 at most."""
    from archivist.faintflags import FAINT_NOTE, flag_faint
    from archivist.fields import Field

    words = [("Về", 95.0, (100, 100, 150, 140), 0), ("việc", 95.0, (160, 100, 240, 140), 0),
             ("lịch", 95.0, (250, 100, 320, 140), 0), ("trực", 95.0, (330, 100, 400, 140), 0),
             ("năm", conf, (410, 100, 480, 140), 0), ("2014", 95.0, (490, 100, 570, 140), 0)]
    text = "Về việc lịch trực năm 2014"
    page = PageText(1, text, words, (FAINT_NOTE,))
    found = {"subject": Field(text, 0.85, 1, (100, 100, 570, 140), text)}
    flag_faint(found, [page])
    assert (found["subject"].review is not None) is flagged
