"""The retention schedule: which series a record falls in, its period, legal basis and due year,
and an archive's own schedule overriding and extending the built-in one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archivist.retention import (
    BUILTIN,
    Retention,
    ScheduleError,
    end_year,
    load_schedule,
    longest,
    needs_review,
    retention_for,
    status,
)


def rec(typ: str | None, kind: str = "administrative", subject: str | None = None, review: list | None = None) -> dict:
    return {"metadata": {"type": typ, "kind": kind, "subject": subject, "needs_review": review or []}}


@pytest.mark.parametrize(("record", "series", "period"), [
    (rec("Khai tử", "civil_status"), "civil_status", "permanent"),
    (rec("Sổ địa chính", "land"), "land", "permanent"),
    (rec("Quyết định", subject="Về việc bổ nhiệm cán bộ"), "decisions", "permanent"),
    (rec("Quyết định", subject="Ban hành Quy chế làm việc của UBND xã"), "charter_rules", 20),
    (rec("Quyết định", subject="Về việc khen thưởng tập thể có thành tích"), "emulation_local", 20),
    (rec("Tờ trình", subject="Đề nghị Chủ tịch nước tặng Huân chương Lao động"), "emulation_national", "permanent"),
    (rec("Báo cáo", subject="Kết quả công tác quý III năm 2019"), "plans_reports_periodic", 20),
    (rec("Báo cáo", subject="Tình hình kinh tế - xã hội sáu tháng đầu năm"), "plans_reports_periodic", 20),
    (rec("Kế hoạch", subject="Công tác tháng 5 năm 2020"), "plans_reports_monthly", 5),
    (rec("Báo cáo", subject="Tổng kết công tác năm 2018"), "plans_reports_annual", "permanent"),
    (rec("Báo cáo", subject="Quyết toán ngân sách xã năm 2018"), "accounting_statements", "permanent"),
    (rec("Biên bản", subject="Kỳ họp thứ 7 Hội đồng nhân dân xã khóa XX"), "council_minutes", "permanent"),
    (rec("Công văn", subject="V/v đôn đốc thu thuế"), "correspondence", 10),
    (rec("Giấy mời"), "routine_slips", 5),
    (rec("Phiếu chuyển"), "routine_slips", 5),
    (rec("Đơn khiếu nại", "petition", "Khiếu nại về bồi thường"), "complaints", 15),
    (rec("Đơn tố cáo", "petition", "Tố cáo vụ việc phức tạp kéo dài"), "complaints_serious", "permanent"),
    (rec("unknown", "unknown"), "unclassified", "permanent"),
    (rec(None, None), "unclassified", "permanent"),
    (rec("Hợp đồng", subject="Thuê khoán"), "unclassified", "permanent"),
])
def test_series_and_period(record: dict, series: str, period) -> None:
    r = retention_for(record)
    assert (r.series, r.period) == (series, period)
    assert len(r.basis) > 5


def test_types_match_without_diacritics_and_only_civil_status_is_verified() -> None:
    assert retention_for(rec("QUYET DINH")).series == "decisions"
    entries = load_schedule().entries
    assert [e.series for e in entries if e.verified] == ["civil_status"]
    civil = retention_for(rec("Khai sinh", "civil_status"))
    assert civil.basis == "Decree 123/2015/ND-CP Art. 12; Circular 04/2020/TT-BTP Art. 37"
    assert civil.access == "restricted"
    assert "(item to confirm)" in retention_for(rec("Giấy mời")).basis
    assert entries[-1].series == "unclassified" and entries[-1].review


def test_review_flag() -> None:
    assert needs_review(rec("unknown", "unknown"), retention_for(rec("unknown", "unknown")))
    uncertain = rec("Công văn", review=["type"])
    assert needs_review(uncertain, retention_for(uncertain))
    sure = rec("Công văn", review=["subject"])
    assert not needs_review(sure, retention_for(sure))


@pytest.mark.parametrize(("closing", "period", "as_of", "end", "text"), [
    (2015, 10, 2025, 2025, "due now"),
    (2015, 10, 2024, 2025, "due for appraisal in 2025"),
    (2019, 5, 2030, 2024, "due now"),
    (2021, 20, 2025, 2041, "due for appraisal in 2041"),
    (1998, "permanent", 2025, None, "permanent"),
])
def test_end_year_and_status(closing: int, period, as_of: int, end, text: str) -> None:
    assert end_year(closing, period) == end
    assert status(end, as_of) == text


def test_longest_prefers_permanent_then_years_then_verified() -> None:
    a = Retention(10, "b", "a", False)
    b = Retention(20, "b", "b", False)
    c = Retention("permanent", "b", "c", False)
    d = Retention("permanent", "b", "d", True)
    assert longest([a, b]).series == "b"
    assert longest([a, c, b]).series == "c"
    assert longest([c, d]).series == "d"


def _write(path: Path, entries: list) -> Path:
    path.write_text(json.dumps({"schedule_version": 1, "entries": entries}, ensure_ascii=False), encoding="utf-8")
    return path


def test_archive_schedule_overrides_inherits_and_extends(tmp_path: Path) -> None:
    _write(tmp_path / "retention.json", [
        {"series": "correspondence", "period": 15, "basis": [{"instrument": "Quyết định 3/QĐ-UBND", "item": "Mục 2"}],
         "verified": True},
        {"series": "land_permits", "match": [{"kinds": ["land"], "subject": ["giay phep xay dung"]}], "period": 70,
         "basis": [{"instrument": "Circular 10/2022/TT-BNV", "item": None}]},
    ])
    s = load_schedule(archive=tmp_path)
    assert (s.overridden, s.added) == (["correspondence"], ["land_permits"])
    assert "overrides correspondence; adds land_permits" in s.describe()
    cv = retention_for(rec("Công văn"), s)
    assert (cv.period, cv.basis, cv.verified) == (15, "Quyết định 3/QĐ-UBND Mục 2", True)
    assert retention_for(rec("Công điện"), s).period == 15  # the match was inherited from the built-in entry
    permit = retention_for(rec("Giấy phép xây dựng", "land", "Cấp giấy phép xây dựng nhà ở"), s)
    assert (permit.series, permit.period) == ("land_permits", 70)  # new series are tried first
    assert retention_for(rec("Sổ địa chính", "land"), s).series == "land"
    assert [x["path"] for x in s.sources][1] == str(tmp_path / "retention.json")


def test_an_override_entry_without_a_verified_flag_is_unverified(tmp_path: Path) -> None:
    f = _write(tmp_path / "s.json", [{"series": "civil_status", "period": "permanent",
                                      "basis": [{"instrument": "Local rule", "item": "1"}]}])
    assert retention_for(rec("Khai sinh", "civil_status"), load_schedule(f)).verified is False


@pytest.mark.parametrize(("entries", "message"), [
    ([{"series": "x", "period": "forever", "basis": [{"instrument": "Circular 1", "item": None}]}],
     "entries[0].period"),
    ([{"series": "x", "period": 10}], "entries[0].basis: required field is missing"),
    ([{"series": "Bad Key", "period": 10, "basis": [{"instrument": "Circular 1", "item": None}]}],
     "entries[0].series"),
    ([{"series": "x", "period": 10, "basis": [{"instrument": "Circular 1", "item": None}],
       "match": [{"subject": ["(unclosed"]}]}], "entries[0].match[0].subject[0]"),
    ([{"series": "brand_new", "period": 10, "basis": [{"instrument": "Circular 1", "item": None}]}],
     "a new series needs 'match'"),
])
def test_invalid_archive_schedule_is_an_error_naming_the_field(tmp_path: Path, entries: list, message: str) -> None:
    f = _write(tmp_path / "s.json", entries)
    with pytest.raises(ScheduleError) as e:
        load_schedule(f)
    assert message in str(e.value) and str(f) in str(e.value)


def test_builtin_file_is_shipped_as_package_data() -> None:
    assert BUILTIN.parent.name == "data" and BUILTIN.parent.parent.name == "archivist"
