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
