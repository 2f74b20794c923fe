"""Review flags, seventy-seventh round (issue 14 item 9): sealed seed 92's extract read its place line ``Xã Hỏi
Xuân`` (a speck on the vowel), restored to ``Xã Hội Xuân``, a real commune, for ``Xã Hải Xuân`` (HG92 speckle-19
khai-sinh-137, 0.712); its issuer's commune line was read glued (``XAHÃIXUÂN.``), and the body names ``xã Hải
Xuân`` five times. A place one character from the unit the page's other lines name, never itself, is flagged and
kept (both names real units)."""

from __future__ import annotations

import pytest

from archivist.communenear import flag_place_near, named_units, one_apart, place_near_doubt
from archivist.fields import Field
from tests.test_flag_evidence import _extract, _page


@pytest.mark.parametrize(("a", "b"), [("hội xuân", "hải xuân"), ("đồng sơn", "đông sơn"), ("tân phú", "tân phúc"),
                                      ("an", "ban")])
def test_one_character_apart(a: str, b: str) -> None:
    assert one_apart(a, b) and one_apart(b, a)


@pytest.mark.parametrize(("a", "b"), [("hải xuân", "hải xuân"), ("hội xuân", "hải xuyên"), ("cẩm thạch", "cấm thạc"),
                                      ("ab", "ba")])
def test_not_one_character_apart(a: str, b: str) -> None:
    assert not one_apart(a, b)


def test_the_pages_units_leave_the_places_own_line_out() -> None:
    texts = ["UBND HUYỆN HẢI HẬU", "Nơi cư trú: thôn Đông Hạ, xã Hải Xuân, huyện Hải Hậu, tỉnh Nam Định",
             "Xã Hỏi Xuân, ngày 18 tháng 5 năm 2009"]
    assert named_units(texts, "Xã Hỏi Xuân") == ["HẢI HẬU", "Hải Xuân", "Hải Hậu", "Nam Định"]


def test_a_place_one_letter_from_the_pages_commune_is_doubted() -> None:
    assert "names 'Hải Xuân'" in (place_near_doubt("Xã Hội Xuân", ["Hải Xuân", "Hải Hậu"]) or "")
    assert "names 'ĐÔNG SƠN'" in (place_near_doubt("Đồng Sơn", ["ĐÔNG SƠN"]) or "")  # a mark, in capitals


@pytest.mark.parametrize("others", [
    ["Hải Xuân", "Hội Xuân"],  # the place's own name is written elsewhere too: the near one is another unit
    ["HẢI XUÂN", "hội xuân"],  # in any case
    ["Hải Hậu", "Nam Định"],  # nothing one character away
    ["Hỏi Xuân"],  # one character away but no unit's name (a misread line of the body)
    [],
])
def test_a_place_the_page_names_or_no_real_unit_near_is_not(others: list[str]) -> None:
    assert place_near_doubt("Xã Hội Xuân", others) is None


def test_a_place_no_unit_has_is_left_to_unit_doubt() -> None:
    assert place_near_doubt("Xã Hỏi Xuân", ["Hải Xuân"]) is None  # crosscheck.unit_doubt's


def test_flags_only_and_an_earlier_reason_is_kept() -> None:
    texts = ["Quê quán: xã Hải Xuân, huyện Hải Hậu, tỉnh Nam Định", "Xã Hỏi Xuân, ngày 18 tháng 5 năm 2009"]
    place = Field("Xã Hội Xuân", 0.712, source_text="Xã Hỏi Xuân")
    found = {"place": place, "issuer": Field("ỦY BAN NHÂN DÂN", 0.5)}
    flag_place_near(found, texts)
    assert "Hải Xuân" in (place.review or "") and place.value == "Xã Hội Xuân" and place.confidence == 0.712
    earlier = Field("Xã Hội Xuân", 0.712, source_text="Xã Hỏi Xuân", review="an earlier reason")
    flag_place_near({"place": earlier}, texts)
    assert earlier.review == "an earlier reason"
    named = Field("Xã Hội Xuân", 0.712, source_text="Xã Hỏi Xuân")  # the issuer names the place: no doubt
    flag_place_near({"place": named, "issuer": Field("ỦY BAN NHÂN DÂN XÃ HỘI XUÂN", 0.9)}, texts)
    assert named.review is None
    flag_place_near({}, texts)  # no place stored


EXTRACT = [[(100, "UBND HUYỆN HẢI HẬU"), (900, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")],
           [(100, "ỦY BAN NHÂN DÂN"), (900, "Độc lập - Tự do - Hạnh phúc")], [(100, "XAHÃIXUÂN.")],
           [(100, "Số: 56/TLKS-BS")], [(500, "TRÍCH LỤC KHAI SINH")],
           [(100, "Họ, chữ đệm, tên: NGUYỄN THỊ TUYẾT")],
           [(100, "Nơi sinh: Trạm Y tế xã Hải Xuân, huyện Hải Hậu, tỉnh Nam Định")],
           [(100, "Nơi cư trú: thôn Đông Hạ, xã Hải Xuân, huyện Hải Hậu, tỉnh Nam Định")],
           [(100, "Quyển số: 02/1993")], [(100, "Số: 137")],
           [(900, "{place}, ngày 18 tháng 5 năm 2009")], [(900, "NGƯỜI KÝ TRÍCH LỤC")], [(900, "Hà Đức An")]]


def _extract_of(place: str):
    return _extract(_page([[(x, t.format(place=place)) for x, t in row] for row in EXTRACT]))


def test_the_targets_extract_through_extract_is_flagged_and_kept() -> None:
    meta = _extract_of("Xã Hội Xuân")
    place = meta.fields()["place"]
    assert place.value == "Xã Hội Xuân" and "place" in meta.needs_review
    assert "names 'Hải Xuân'" in (place.review or ""), place.review
    right = _extract_of("Xã Hải Xuân").fields()["place"]
    assert right.value == "Xã Hải Xuân" and right.review is None, right.review
