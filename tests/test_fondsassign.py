"""Which fonds a document belongs to, on the real units of Xã Yên Bình, Lào Cai (04714): the former Thị trấn
Yên Bình (the same name and code as the new commune), Xã Tân Hương, Xã Đại Đồng and Xã Thịnh Hưng."""

from __future__ import annotations

import pytest

from archivist.adminunits import load_units
from archivist.fonds import fonds_of_unit
from archivist.fondsassign import choose_fonds


@pytest.fixture(scope="module")
def fonds():
    lists = load_units()
    return fonds_of_unit(lists, lists.resolve("04714"))


def test_the_commune_has_the_fonds_the_tests_assume(fonds) -> None:
    assert {f.code: f.status for f in fonds} == {"M04714": "open", "C04714": "closed", "C04756": "closed",
                                                 "C04768": "closed", "C04777": "closed"}


@pytest.mark.parametrize("meta,page,code,source", [
    ({"issuer": "ỦY BAN NHÂN DÂN XÃ TÂN HƯƠNG", "place": "Tân Hương", "date": "2019-04-02"}, "", "C04756", "issued"),
    ({"issuer": "ỦY BAN NHÂN DÂN THỊ TRẤN YÊN BÌNH", "date": "2020-01-15"}, "", "C04714", "issued"),
    ({"issuer": "UBND XÃ ĐẠI ĐỒNG", "parent_issuer": "UBND HUYỆN YÊN BÌNH", "date": "2024-11-20"}, "", "C04768",
     "issued"),
    ({"issuer": "ỦY BAN NHÂN DÂN XÃ YÊN BÌNH", "parent_issuer": "ỦY BAN NHÂN DÂN TỈNH LÀO CAI", "date": "2025-08-04"},
     "", "M04714", "issued"),
    # received from outside: the fonds of the commune it is addressed to, not of its issuer
    ({"issuer": "ỦY BAN NHÂN DÂN HUYỆN YÊN BÌNH", "place": "Yên Bình", "date": "2018-06-01",
      "recipients": ["UBND xã Đại Đồng", "Lưu: VT"]}, "", "C04768", "received"),
    ({"issuer": "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "date": "2021-03-09"},
     "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG\nKính gửi: Ủy ban nhân dân xã Thịnh Hưng\n", "C04777", "received"),
])
def test_evidence_decides(fonds, meta, page, code, source) -> None:
    c = choose_fonds(meta, page, fonds)
    assert (c.code, c.source) == (code, source), c
    assert not c.review, c


@pytest.mark.parametrize("meta,page", [
    ({"issuer": "CÔNG TY TNHH AN PHÚ", "date": "2019-01-01"}, ""),  # nobody of the archive named
    ({"issuer": "ỦY BAN NHÂN DÂN XÃ YÊN BÌNH", "date": "2020-05-05"}, ""),  # the new commune, before it existed
    ({"issuer": "ỦY BAN NHÂN DÂN XÃ TÂN HƯƠNG", "date": "2025-09-01"}, ""),  # a former one, after it ceased
    ({"issuer": "ỦY BAN NHÂN DÂN XÃ TÂN HƯƠNG", "date": "2022-02-02", "recipients": ["UBND xã Đại Đồng"]}, ""),
    ({"place": "Yên Bình", "date": "2019-03-03"}, ""),  # a place line alone is weak evidence
])
def test_weak_or_contradictory_evidence_is_flagged(fonds, meta, page) -> None:
    c = choose_fonds(meta, page, fonds)
    assert c.review and c.reasons, c


def test_the_box_fonds_is_kept_and_a_contradiction_flagged(fonds) -> None:
    plain = choose_fonds({"issuer": "Bản đồ địa chính", "date": None}, "", fonds, given="C04756")
    assert (plain.code, plain.review) == ("C04756", False)
    other = choose_fonds({"issuer": "ỦY BAN NHÂN DÂN XÃ ĐẠI ĐỒNG", "date": "2015-05-05"}, "", fonds, given="C04756")
    assert other.code == "C04756" and other.review and "Đại Đồng" in " ".join(other.reasons)
    late = choose_fonds({"issuer": "", "date": "2025-10-10"}, "", fonds, given="C04756")
    assert late.review and "outside the dates" in " ".join(late.reasons)


def test_a_place_line_with_its_unit_type_names_one_unit(fonds) -> None:
    """The new Xã Yên Bình took the former Thị trấn Yên Bình's name: ``Thị trấn Yên Bình, ngày …`` names the
    town alone, a bare ``Yên Bình, ngày …`` either of them (and a place line alone stays weak evidence)."""
    town = choose_fonds({"place": "Thị trấn Yên Bình", "date": "2019-03-03"}, "", fonds)
    assert (town.code, town.source, town.review) == ("C04714", "place", True)
    assert "xã Yên Bình" not in " ".join(town.reasons), town
    bare = choose_fonds({"place": "Yên Bình", "date": "2019-03-03"}, "", fonds)
    assert bare.code == "C04714" and bare.review  # the date leaves only the town


@pytest.mark.parametrize("meta", [
    {"issuer": "ỦY BAN NHÂN DÂN XÃ YÊN BÌNH", "place": "Yên Bình", "date": "2025-08-04"},
    {"issuer": "ỦY BAN NHÂN DÂN THỊ TRẤN YÊN BÌNH", "parent_issuer": "UBND HUYỆN YÊN BÌNH", "place": "Yên Bình",
     "date": "2016-11-15"},
])
def test_a_date_that_settles_a_shared_place_name_is_no_contradiction(fonds, meta) -> None:
    """The issuer decides; the bare place name also fits the unit of the same name in the other era, which the
    date rules out: nothing to review."""
    c = choose_fonds(meta, "", fonds)
    assert c.source == "issued" and not c.review, c
    assert c.code == ("M04714" if meta["date"] >= "2025-07-01" else "C04714")
