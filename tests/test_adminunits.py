"""The 2025 unit lists from the installed package: their size, name and code resolution, and how they
agree with the copy of the official lists and the merge mapping in ``../shared/admin-units/`` (those
tests skip when it is absent; it is "good, not authoritative", so they measure agreement and print
every disagreement rather than demand identity)."""

from __future__ import annotations

import re

import pytest

from archivist.adminunits import (
    MERGER_DATE,
    UnitAmbiguous,
    UnitNotFound,
    UnitsUnavailable,
    data_dir,
    load_units,
    split_type,
    unit_names_raw,
)
from tests.conftest import SHARED

UNITS = SHARED / "admin-units"


@pytest.fixture(scope="module")
def lists():
    return load_units()


def test_the_names_read_from_the_database_are_every_units_names(lists) -> None:
    """unit_names_raw (the cross-check's names, read without building the units; session 23) is the set of
    every unit's name, district and province as load_units builds them: an island district's own name in."""
    built = {name for u in (*lists.units.values(), *lists.former.values())
             for name in (u.name, u.district_name, u.province_name) if name}
    names = unit_names_raw()
    assert len(names) == 9387 and names == built
    assert any(u.district_code is None and u.name in names for u in lists.former.values())


def test_the_package_holds_3321_units_in_34_provinces_and_the_former_units(lists) -> None:
    assert len(lists.units) == 3321
    assert len(lists.provinces) == 34
    assert all(re.fullmatch(r"[0-9]{5}", c) for c in lists.units)
    assert len(lists.former) == 10040  # 10,035 communes, wards and towns and 5 island districts without any
    assert {u.type for u in lists.units.values()} == {"Xã", "Phường", "Đặc khu"}
    # every new unit was made of at least one former unit, and every former unit went somewhere
    assert set(lists.merges) == set(lists.units)
    merged = {m.former.code for ms in lists.merges.values() for m in ms}
    assert merged == set(lists.former)
    # a partly merged former unit names the other new units that took the rest
    partial = [m for ms in lists.merges.values() for m in ms if m.partial]
    assert partial and all(m.also_into and set(m.also_into) <= set(lists.units) for m in partial)


def test_source_names_the_package_version_and_the_data(lists) -> None:
    src = lists.source()
    assert src["package"] == "vietnamadminunits" and src["version"] == "1.0.4"
    assert src["new_list_date"] == "2025-06-25" and "1027/CTK-CSCL" in src["new_list"]
    assert set(src["data"]) == {"dataset.db", "converter_2025.json"}
    assert all(re.fullmatch(r"[0-9a-f]{64}", h) for h in src["data"].values())


@pytest.mark.parametrize("query, province", [
    ("Xã Yên Bình", "Lào Cai"), ("yen binh", "lao cai"), ("XÃ YÊN BÌNH", "15"), ("Yên Bình, Tỉnh Lào Cai", None),
    ("04714", None), ("4714", None), ("04714", "Lào Cai"),
])
def test_a_name_with_or_without_diacritics_or_a_code_resolves(lists, query: str, province: str | None) -> None:
    unit = lists.resolve(query, province)
    assert (unit.code, unit.name, unit.province_name) == ("04714", "Xã Yên Bình", "Tỉnh Lào Cai")
    assert unit.era == "2025"


def test_the_type_word_is_optional_and_narrows_when_given(lists) -> None:
    assert split_type("Đặc khu Côn Đảo") == ("Đặc khu", "con dao")
    assert split_type("xa yen binh") == ("Xã", "yen binh")
    assert lists.resolve("Côn Đảo").type == "Đặc khu"
    hoa_binh = [u for u in lists.units.values() if u.short_name == "Hòa Bình"]
    wards = [u for u in hoa_binh if u.type == "Phường"]
    assert len(hoa_binh) > len(wards) > 1  # several wards and communes of that name
    with pytest.raises(UnitAmbiguous) as e:
        lists.resolve("Phường Hòa Bình")
    assert len(e.value.details) == len(wards)


def test_an_ambiguous_name_lists_every_candidate_with_province_and_code(lists) -> None:
    with pytest.raises(UnitAmbiguous) as e:
        lists.resolve("Xã Yên Bình")
    same = sorted((u for u in lists.units.values() if u.name == "Xã Yên Bình"), key=lambda u: u.code)
    assert len(same) >= 2
    assert e.value.details == [u.describe() for u in same]
    assert all(u.province_name in line and f"({u.code})" in line for u, line in zip(same, e.value.details, strict=True))
    assert e.value.exit_code == 2 and "\n" not in str(e.value)


def test_an_unknown_name_gives_the_closest_names(lists) -> None:
    with pytest.raises(UnitNotFound) as e:
        lists.resolve("Yen Bihn")
    assert e.value.details and all("Yên Bình" in d for d in e.value.details[:3])
    with pytest.raises(UnitNotFound):
        lists.resolve("99999")
    with pytest.raises(UnitNotFound):
        lists.resolve("Yên Bình", "Atlantis")


def test_a_former_name_or_code_says_which_2025_unit_it_belongs_to(lists) -> None:
    truc_bach = next(u for u in lists.former.values() if u.name == "Phường Trúc Bạch")
    into = [c for c, ms in lists.merges.items() if any(m.former == truc_bach for m in ms)]
    with pytest.raises(UnitNotFound) as e:
        lists.resolve("Trúc Bạch")
    assert any(lists.units[into[0]].describe() in d for d in e.value.details)
    former_only = next(c for c in lists.former if c not in lists.units)
    with pytest.raises(UnitNotFound) as e:
        lists.resolve(former_only)
    assert "former unit" in str(e.value) and e.value.details
    with pytest.raises(UnitNotFound) as e:  # a province of before 1 July 2025
        lists.resolve("Yên Bình", "Yên Bái")
    assert e.value.details == ["Yên Bái -> Tỉnh Lào Cai"]


def test_new_codes_reuse_former_codes_so_a_unit_keeps_its_list(lists) -> None:
    reused = [c for c in lists.units if c in lists.former]
    assert reused  # e.g. 00004: the new Phường Ba Đình, the former Phường Trúc Bạch
    assert any(lists.units[c].name != lists.former[c].name for c in reused)
    assert all(lists.units[c].era == "2025" and lists.former[c].era == "former" for c in reused)
    assert lists.units[reused[0]].to_dict()["list_date"] == "2025-06-25"
    assert MERGER_DATE == "2025-07-01"


def test_missing_package_is_one_clear_line(monkeypatch) -> None:
    import archivist.adminunits as au

    monkeypatch.setattr(au, "PACKAGE", "archivist_no_such_unit_package")
    with pytest.raises(UnitsUnavailable) as e:
        data_dir()
    assert "pip install" in str(e.value) and e.value.exit_code == 3


# --- agreement with ../shared/admin-units (bench/units_agreement.py prints every disagreement) -----

@pytest.fixture(scope="module")
def agreement(lists):
    from bench.units_agreement import compare

    if not UNITS.is_dir():
        pytest.skip("../shared/admin-units is not present on this machine")
    return compare(lists, UNITS)


def test_package_units_agree_with_the_statistics_office_list(agreement) -> None:
    assert agreement.units_here == agreement.units_there == 3321
    assert agreement.provinces_agree  # the 34 provinces of 915/CTK-CSCL, same codes
    assert agreement.same_names_and_provinces  # the same 3,321 names in the same provinces
    print(f"units whose code differs (name, province, here, there): {agreement.code_differs}")
    assert len(agreement.code_differs) <= 0.001 * 3321  # measured: 1 (Xã Ia Mơ, Gia Lai: 23938 here, 23737 there)


def test_package_mapping_agrees_with_the_shared_merge_mapping(agreement) -> None:
    a = agreement
    print(f"pairs (new <- former): {a.pairs_here} here, {a.pairs_there} there, {a.pairs_both} in both; "
          f"only here {a.only_here}; only there {a.only_there}; full/partial differs {a.partial_differs}")
    assert a.pairs_both >= 0.99 * max(a.pairs_here, a.pairs_there)  # measured 99.63%
    assert len(a.partial_differs) <= 0.01 * a.pairs_both  # measured 0.43%
