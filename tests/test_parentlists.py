"""A parent body naming a district the unit lists hold under no district (session 49): sealed seed 478's
``UBND HUYỆN CAM LỘC`` for ``UBND HUYỆN CAN LỘC`` (HG478 typewriter-09 tb-065, 0.813), a commune's name the
any-level check passed. Flagged, never changed."""

from __future__ import annotations

import pytest

from archivist.fields import Field
from archivist.parentflags import flag_parent_and_stub
from archivist.parentlists import district_list_doubt, district_names
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page

needs_lists = pytest.mark.skipif(not district_names(), reason="the administrative unit lists are not installed")


@needs_lists
@pytest.mark.parametrize("parent", ["UBND HUYỆN CAM LỘC", "UBND HUYỆN CỦ CHỈ", "ỦY BAN NHÂN DÂN QUẬN BA ĐÌNG",
                                    "UBND THỊ XÃ CAM LỘC"])
def test_a_district_body_whose_name_no_district_bears_is_doubted(parent: str) -> None:
    assert "no district of the unit lists" in (district_list_doubt(parent) or ""), parent


@needs_lists
@pytest.mark.parametrize("parent", [
    "UBND HUYỆN CAN LỘC", "UBND HUYỆN QUỲNH LƯU", "UBND QUẬN BA ĐÌNH",
    "UBND HUYỆN ĐÔNG TRIỀU",  # a district the lists know as a town (Thị xã Đông Triều): compared without the level
    "UBND HUYỆN THUỶ NGUYÊN",  # the old placing of the tone mark
    "ỦY BAN NHÂN DÂN HUYỆN CÔN ĐẢO", "UBND HUYỆN LÝ SƠN",  # island districts without communes
    "UBND THÀNH PHỐ HÀ NỘI",  # a centrally run city is a province: not judged
    "UBND TỈNH NGHỆ AN", "ỦY BAN NHÂN DÂN XÃ MỸ LỘC", "UBND huyện Cam Lộc"])
def test_a_listed_district_or_a_body_of_another_kind_is_not_doubted(parent: str) -> None:
    assert district_list_doubt(parent) is None, parent


@needs_lists
def test_the_flag_keeps_the_value_and_an_earlier_reason() -> None:
    found = {"parent_issuer": Field("UBND HUYỆN CAM LỘC", 0.813), "issuer": Field("ỦY BAN NHÂN DÂN XÃ MỸ LỘC", 0.9)}
    flag_parent_and_stub(found)
    assert "'CAM LỘC'" in (found["parent_issuer"].review or "")
    assert found["parent_issuer"].value == "UBND HUYỆN CAM LỘC" and found["parent_issuer"].confidence == 0.813
    found = {"parent_issuer": Field("UBND HUYỆN CAM LỘC", 0.6, review="an earlier reason")}
    flag_parent_and_stub(found)
    assert found["parent_issuer"].review == "an earlier reason"


@needs_lists
def test_through_extract_the_misread_district_is_flagged_and_the_right_one_is_not() -> None:
    def parent_of(name: str) -> Field:
        rows = [[(100, f"UBND HUYỆN {name}")], [(100, "ỦY BAN NHÂN DÂN")], [(100, "XÃ MỸ LỘC")], *HEAD[3:], *FOOT]
        return _extract(_page(rows)).parent_issuer

    wrong, right = parent_of("CAM LỘC"), parent_of("CAN LỘC")
    assert wrong.value == "UBND HUYỆN CAM LỘC" and "no district of the unit lists" in (wrong.review or "")
    assert right.value == "UBND HUYỆN CAN LỘC" and "no district" not in (right.review or "")
