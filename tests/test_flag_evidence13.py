"""Review flags, thirteenth round (issue 14 item 9): right recipients lists were flagged at 20.5%, most for
``UBMTTQ VN``'s ``VN`` counted as a misread word. ``VN`` is a known abbreviation now; the two wrong lists that
only this had flagged get evidence of their own: a level word with a capital inside an item (``UBMTTQ VN Xã``),
and the first item standing two rows below ``Nơi nhận:`` (AT19: ``- Như trên;`` not read at all)."""

from __future__ import annotations

from archivist.bodies import odd_tokens
from archivist.listflags import level_case_doubt
from tests.test_flag_evidence import HEAD, _extract, _page

SIGN = [(1000, "TM. ỦY BAN NHÂN DÂN")]
ITEMS = [[(100, "- UBMTTQ VN xã;")], [(100, "- TT Đảng ủy, HĐND xã (b/c);")], [(100, "- Lưu VT, TP.")]]


def _recipients(rows):
    return _extract(_page(HEAD + rows + [[(1000, "Hà Hữu Thắng")]])).fields()["recipients"]


def test_vn_is_a_known_abbreviation_so_a_right_list_keeps_its_confidence():
    assert odd_tokens("UBMTTQ VN và các đoàn thể xã") == []
    f = _recipients([[(100, "Nơi nhận:")] + SIGN, [(100, "- Như trên;"), (1000, "CHỦ TỊCH")]] + ITEMS)
    assert f.value == ["Như trên", "UBMTTQ VN xã", "TT Đảng ủy, HĐND xã (b/c)", "Lưu VT, TP"]
    assert f.confidence == 0.85 and f.review is None


def test_a_level_word_with_a_capital_inside_an_item_is_flagged():
    assert "'UBMTTQ VN Xã'" in level_case_doubt(["Như trên", "UBMTTQ VN Xã", "Lưu VT, TP"])
    assert level_case_doubt(["Chủ tịch, các PCT UBND Xã;"])
    assert level_case_doubt(["Như trên", "UBMTTQ VN xã", "UBND huyện Can Lộc (b/c)", "Lưu VT, TP"]) is None
    assert level_case_doubt(["Xã đội", "Lưu VT"]) is None  # an item's first word is written with its capital
    f = _recipients([[(100, "Nơi nhận:")] + SIGN, [(100, "- Như trên;"), (1000, "CHỦ TỊCH")],
                     [(100, "- UBMTTQ VN Xã;")], [(100, "- Lưu VT, TP.")]])
    assert "has a capital" in f.review


def test_a_first_item_two_rows_below_the_label_is_flagged():
    lost = _recipients([[(100, "Nơi nhận:")] + SIGN, [(1000, "CHỦ TỊCH")]] + ITEMS)  # AT19: Như trên not read
    assert lost.value == ["UBMTTQ VN xã", "TT Đảng ủy, HĐND xã (b/c)", "Lưu VT, TP"]
    assert "lines below 'Nơi nhận:'" in lost.review
    whole = _recipients([[(100, "Nơi nhận:")] + SIGN, [(100, "- Như trên;"), (1000, "CHỦ TỊCH")]] + ITEMS)
    assert whole.review is None  # one row below: nothing lost


# --- a subject's misread year that reads back to another than the date's -----------------------------------

def test_a_subject_year_misread_and_read_back_to_another_year_flags_the_date():
    from archivist.agreement import flag_subject_year, subject_year_doubt
    from archivist.fields import Field

    assert "read back: 2010" in subject_year_doubt("Dự hội nghị sơ kết công tác 9 tháng đầu năm 2910", 2019)
    assert subject_year_doubt("công tác 9 tháng đầu năm 2910", 2010) is None  # read back to the date's year
    assert subject_year_doubt("công tác năm 2965", 2005) is None  # no one-digit read-back: says nothing
    assert subject_year_doubt("kế hoạch năm 2011", 2010) is None  # a possible year may differ from the date's
    found = {"date": Field("2019-02-11", 0.926), "subject": Field("công tác 9 tháng đầu năm 2910", 0.5)}
    flag_subject_year(found)
    assert "not the date's 2019" in found["date"].review
    held = {"date": Field("2019-02-11", 0.926, review="another reason"), "subject": Field("năm 2910", 0.5)}
    flag_subject_year(held)
    assert held["date"].review == "another reason"
