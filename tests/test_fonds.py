"""Fonds of a merged commune: the records ``init`` makes from the mapping, their schema, codes, totals
and edits; and, end to end, ``archivist init`` and ``archivist fonds`` on an archive made by
``archivist process`` (set up in place, documents untouched), with every refusal of bad input."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from archivist.adminunits import load_units
from archivist.cli import main
from archivist.fonds import (
    Fonds,
    FondsError,
    check_code,
    find_fonds,
    fonds_of_unit,
    fonds_totals,
    load_fonds,
    validate_fonds,
)
from archivist.fsutil import sha256_file
from archivist.schemas import load_schema

#: Circular 05/2025/TT-BNV fonds-level fields, by their Vietnamese names (../shared/archival-rules.md).
FONDS_FIELDS = ("Mã phông", "Tên phông", "Trạng thái", "Lịch sử đơn vị hình thành phông", "Thời gian tài liệu",
                "Tổng số tài liệu", "Phương án phân loại", "Ngôn ngữ", "Chế độ dự phòng", "Ghi chú")


@pytest.fixture(scope="module")
def lists():
    return load_units()


def test_schema_carries_every_fonds_field_of_circular_05_2025() -> None:
    schema = load_schema("fonds")
    text = "\n".join(json.dumps(p, ensure_ascii=False) for p in schema["properties"].values())
    assert [f for f in FONDS_FIELDS if f not in text] == []
    assert set(schema["required"]) >= {"code", "name", "status", "history", "language", "classification_scheme",
                                       "backup_regime", "notes", "totals"}


def test_a_merged_commune_gets_its_open_fonds_and_one_closed_fonds_per_former_unit(lists) -> None:
    unit = lists.resolve("Yên Bình", "Lào Cai")
    made = fonds_of_unit(lists, unit)
    merges = lists.former_units(unit.code)
    assert len(made) == 1 + len(merges) >= 3
    own, former = made[0], made[1:]
    assert (own.code, own.status, own.origin, own.start_date, own.end_date) == (
        "M" + unit.code, "open", "new_unit", "2025-07-01", None)
    assert own.unit["code"] == unit.code and own.unit["list_date"] == "2025-06-25"
    for f, m in zip(former, merges, strict=True):
        assert (f.code, f.status, f.origin, f.end_date) == ("C" + m.former.code, "closed", "former_unit", "2025-06-30")
        assert f.unit["name"] == m.former.name and f.unit["district_name"] == m.former.district_name
        assert f.merged_into == {"code": unit.code, "name": unit.name, "province_name": unit.province_name}
        assert m.former.name in f.history and unit.name in f.history
        validate_fonds(f)
    validate_fonds(own)
    # the new commune reuses the code of a former unit merged into it: two fonds, two codes, two lists
    assert any(f.unit["code"] == unit.code for f in former)
    assert len({f.code for f in made}) == len(made)


def test_a_partly_merged_former_unit_is_marked_with_where_the_rest_went(lists) -> None:
    unit = next(u for c, u in lists.units.items() if any(m.partial for m in lists.former_units(c)))
    made = {f.code: f for f in fonds_of_unit(lists, unit)}
    for m in lists.former_units(unit.code):
        f = made["C" + m.former.code]
        assert f.partial == m.partial
        assert [r["code"] for r in f.partial_into] == list(m.also_into)
        assert ("một phần" in f.history) == m.partial


def test_totals_are_computed_from_document_records_and_dossiers() -> None:
    recs = [{"page_count": 3, "metadata": {"date": "2003-05-02"}}, {"page_count": 1, "metadata": {"date": None}},
            {"page_count": 2, "metadata": {"date": "1998-11-20"}}]
    t = fonds_totals(recs, [{"start_date": "1997-01-02", "end_date": "2001-12-31"}], computed="2025-09-01T00:00:00Z")
    assert t == {"documents": 3, "superseded": 0, "dossiers": 1, "pages": 6, "undated": 1, "start_date": "1997-01-02",
                 "end_date": "2003-05-02", "computed": "2025-09-01T00:00:00Z"}
    assert fonds_totals([])["start_date"] is None


def test_totals_count_the_versions_a_later_one_replaces() -> None:
    """Both versions are kept, so both are documents; ``superseded`` says how many of them are not in force."""
    recs = [{"id": "doc-a", "page_count": 2, "metadata": {"date": "2003-05-02"},
             "superseded_by": {"id": "doc-b", "at": "2026-12-05T00:00:00Z", "person": None, "reason": None}},
            {"id": "doc-b", "page_count": 3, "metadata": {"date": "2003-05-02"}, "supersedes": ["doc-a"]},
            {"id": "doc-c", "page_count": 1, "metadata": {"date": None}, "superseded_by": None}]
    t = fonds_totals(recs)
    assert (t["documents"], t["superseded"], t["pages"]) == (3, 1, 6)
    validate_fonds(Fonds(code="C04756", name="Ủy ban nhân dân xã Tân Hương", status="closed", origin="added",
                         totals=t))  # the schema takes it


@pytest.mark.parametrize("code", ["C04756", "M04714", "DU-01", "H27.31.05", "phong_1"])
def test_codes_that_can_start_a_dossier_code(code: str) -> None:
    assert check_code(code) == code


@pytest.mark.parametrize("code", ["", "a b", "C/1", ".C1", "C1.", "C..1", "Xã1", "con", "X" * 41])
def test_codes_that_cannot(code: str) -> None:
    with pytest.raises(FondsError):
        check_code(code)


def test_a_fonds_is_found_by_code_or_by_name_without_diacritics(lists) -> None:
    made = fonds_of_unit(lists, lists.resolve("04714"))
    tan_huong = next(f for f in made if f.unit["name"] == "Xã Tân Hương")
    assert find_fonds(made, tan_huong.code.lower()) is tan_huong
    assert find_fonds(made, "tan huong") is tan_huong
    assert find_fonds(made, "Ủy ban nhân dân xã Tân Hương") is tan_huong
    with pytest.raises(FondsError) as e:  # the town and the new commune share the name Yên Bình
        find_fonds(made, "Yên Bình")
    assert len(e.value.details) == 2
    with pytest.raises(FondsError):
        find_fonds(made, "Hà Nội")


def test_totals_are_stored_only_when_a_figure_changed(lists, tmp_path: Path) -> None:
    from archivist.fonds import store_totals, write_fonds

    for f in fonds_of_unit(lists, lists.resolve("04714")):
        write_fonds(tmp_path, f)
    t = fonds_totals([{"page_count": 2, "metadata": {"date": "2001-02-03"}}])
    assert [p.name for p in store_totals(tmp_path, {"C04756": t})] == ["C04756.json"]
    assert find_fonds(load_fonds(tmp_path), "C04756").totals == t
    assert store_totals(tmp_path, {"C04756": {**t, "computed": "2030-01-01T00:00:00Z"}}) == []
    assert find_fonds(load_fonds(tmp_path), "C04756").changes == []


def test_a_start_after_the_end_is_refused() -> None:
    with pytest.raises(FondsError):
        validate_fonds(Fonds(code="X1", name="X", status="closed", origin="added", start_date="2020-01-01",
                             end_date="2019-01-01"))


# --- end to end on a processed archive ------------------------------------------------------------

def _cli(*args: str | Path):
    return CliRunner().invoke(main, [str(a) for a in args])


#: Files every writer changes: the fixity manifest records what it wrote, the lock names who writes.
BOOKKEEPING = {"archive-manifest.json", "archive.lock"}


def _tree(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): sha256_file(p) for p in sorted(root.rglob("*")) if p.is_file()
            and p.relative_to(root).as_posix() not in BOOKKEEPING}


@pytest.fixture(scope="module")
def processed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two generated one-page documents processed by the real command (PDF/A-1b, real Tesseract)."""
    from samples.generate import generate

    work = tmp_path_factory.mktemp("fonds-e2e")
    generate(work / "gen", seed=13, n_docs=2, pages_max=1, formats=("jpeg",), dpi_choices=(200,))
    archive = work / "archive"
    res = subprocess.run([sys.executable, "-m", "archivist.cli", "process", str(work / "gen" / "scans"), "--archive",
                          str(archive), "--workers", "1", "--pdfa", "1b", "--quiet"], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert len(list((archive / "documents").glob("*.pdf"))) == 2
    return archive


@pytest.fixture
def archive(processed: Path, tmp_path: Path) -> Path:
    dest = tmp_path / "archive"
    shutil.copytree(processed, dest)
    return dest


@pytest.mark.slow
def test_init_sets_up_an_archive_of_an_earlier_version_in_place(archive: Path) -> None:
    before = _tree(archive)
    info_before = json.loads((archive / "archive.json").read_text(encoding="utf-8"))
    assert "organisation" not in info_before
    res = _cli("init", "--archive", archive, "--commune", "yen binh", "--province", "Lào Cai")
    assert res.exit_code == 0, res.output
    assert "M04714" in res.stdout and "C04756" in res.stdout
    after = _tree(archive)
    # fonds/ was added, archive.json names the commune, and the records (through the commit path, their index
    # rows too) say which fonds each document belongs to; the PDFs and the reports are untouched
    untouched = {k: v for k, v in before.items() if k.endswith(".pdf") or k.startswith("report")}
    assert {k: after[k] for k in untouched} == untouched
    for rec_path in (archive / "documents").glob("*.json"):
        meta = json.loads(rec_path.read_text(encoding="utf-8"))["metadata"]
        assert "fonds" in meta and "fonds" in meta["fields"]
        assert meta["fonds"] is not None or "fonds" in meta["needs_review"]
    info = json.loads((archive / "archive.json").read_text(encoding="utf-8"))
    assert info["created"] == info_before["created"]
    assert info["organisation"]["commune_code"] == "04714" and info["organisation"]["province_name"] == "Tỉnh Lào Cai"
    assert info["units_source"]["package"] == "vietnamadminunits" and info["units_source"]["version"] == "1.0.4"
    found = load_fonds(archive)
    assert [f.code for f in found][0] == "M04714" and all(validate_fonds(f) for f in found)
    # the archive still verifies, PDFs and all (fonds records are expected files)
    res = subprocess.run([sys.executable, "-m", "archivist.cli", "verify", "--archive", str(archive), "--pdfa"],
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stdout + res.stderr
    listed = _cli("fonds", "list", "--archive", archive, "--json")
    assert [f["code"] for f in json.loads(listed.stdout)] == [f.code for f in found]
    unfiled = sum(not json.loads(p.read_text(encoding="utf-8")).get("fonds") for p in archive.glob("documents/*.json"))
    if unfiled:
        said = "1 document belongs" if unfiled == 1 else f"{unfiled} documents belong"
        assert f"{said} to no fonds yet" in _cli("fonds", "list", "--archive", archive).stdout
    again = _cli("init", "--archive", archive, "--commune", "04714")  # the same command again: nothing changes
    assert again.exit_code == 0 and "nothing changed" in again.stdout
    assert _tree(archive) == after


@pytest.mark.slow
def test_init_without_archive_json_and_on_a_new_folder(archive: Path, tmp_path: Path) -> None:
    (archive / "archive.json").unlink()  # the earliest archives have none
    assert _cli("init", "-a", archive, "-c", "04714").exit_code == 0
    info = json.loads((archive / "archive.json").read_text(encoding="utf-8"))
    assert info["created_by"].startswith("archivist") and info["organisation"]["identifier"] == "M04714"
    fresh = tmp_path / "new"
    res = _cli("init", "-a", fresh, "-c", "Côn Đảo", "--json")
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert out["organisation"]["commune_name"] == "Đặc khu Côn Đảo"
    assert [f["unit"]["type"] for f in out["fonds"]] == ["Đặc khu", "Huyện"]  # a former island district
    assert (fresh / "documents").is_dir()


@pytest.mark.slow
@pytest.mark.parametrize("commune, province, first", [
    ("Xã Yên Bình", None, "error: 3 units are named 'Xã Yên Bình'"),
    ("Yen Bihn", None, "error: no commune-level unit is named 'Yen Bihn'"),
    ("Trúc Bạch", None, "error: 'Trúc Bạch' names a former unit"),
    ("Yên Bình", "Yên Bái", "error: 'Yên Bái' is a province of before 1 July 2025"),
    ("99999", None, "error: no commune-level unit has code 99999"),
])
def test_a_commune_that_does_not_resolve_is_one_line_exit_2_and_nothing_written(
        archive: Path, commune: str, province: str | None, first: str) -> None:
    before = _tree(archive)
    args = ["init", "--archive", archive, "--commune", commune] + (["--province", province] if province else [])
    res = _cli(*args)
    assert res.exit_code == 2
    lines = res.stderr.splitlines()
    assert lines[0].startswith(first) and all(line.startswith("  ") for line in lines[1:])
    assert "Traceback" not in res.output
    if commune == "Xã Yên Bình":
        assert lines[1:] == ["  Xã Yên Bình, Tỉnh Thái Nguyên (02116)", "  Xã Yên Bình, Tỉnh Lào Cai (04714)",
                             "  Xã Yên Bình, Tỉnh Lạng Sơn (06391)"]
    elif commune == "Yen Bihn":
        assert "Xã Yên Bình, Tỉnh Lào Cai (04714)" in res.stderr
    assert _tree(archive) == before and not (archive / "fonds").exists()


@pytest.mark.slow
def test_another_commune_needs_force_and_no_record_is_lost(archive: Path) -> None:
    assert _cli("init", "-a", archive, "-c", "04714").exit_code == 0
    assert _cli("fonds", "add", "-a", archive, "--code", "DU01", "--name", "Đảng ủy xã Yên Bình").exit_code == 0
    before = _tree(archive)
    res = _cli("init", "-a", archive, "-c", "Ba Đình", "-p", "Hà Nội")
    assert res.exit_code == 2 and res.stderr.startswith("error: ") and "--force" in res.stderr
    assert len(res.stderr.splitlines()) == 1 and _tree(archive) == before
    res = _cli("init", "-a", archive, "-c", "Ba Đình", "-p", "Hà Nội", "--force")
    assert res.exit_code == 0, res.output
    after = _tree(archive)
    assert all(after[k] == v for k, v in before.items() if k != "archive.json")  # every earlier file as it was
    info = json.loads((archive / "archive.json").read_text(encoding="utf-8"))
    assert info["organisation"]["commune_code"] == "00004"
    assert [o["commune_code"] for o in info["organisation_history"]] == ["04714"]
    codes = {f.code for f in load_fonds(archive)}
    assert {"M04714", "C04756", "DU01", "M00004", "C00004"} <= codes
    assert "partial" in res.stdout and "archivist fonds drop" in res.stdout


@pytest.mark.slow
def test_fonds_add_set_and_drop_without_touching_json(archive: Path) -> None:
    assert _cli("init", "-a", archive, "-c", "04714").exit_code == 0
    before = _tree(archive)
    for code in ("C04756", "c04756"):  # a code already taken, in any case
        res = _cli("fonds", "add", "-a", archive, "--code", code, "--name", "Khác")
        assert res.exit_code == 2 and "already taken" in res.stderr and _tree(archive) == before
    assert _cli("fonds", "add", "-a", archive, "--code", "a/b", "--name", "X").exit_code == 2
    assert _cli("fonds", "add", "-a", archive, "--code", "X1").exit_code == 2  # no name
    assert _tree(archive) == before
    res = _cli("fonds", "add", "-a", archive, "--code", "HT2019", "--name", "Ủy ban nhân dân xã Hợp Thành",
               "--end", "2019-12-31", "--history", "Nhập vào xã Tân Hương năm 2020")
    assert res.exit_code == 0, res.output
    ht = find_fonds(load_fonds(archive), "HT2019")
    assert (ht.status, ht.origin, ht.end_date) == ("closed", "added", "2019-12-31")
    res = _cli("fonds", "set", "tan huong", "-a", archive, "--history", "Theo nghị quyết năm 2025",
               "--classification", "Theo vấn đề, năm", "--by", "Lan")
    assert res.exit_code == 0, res.output
    th = find_fonds(load_fonds(archive), "C04756")
    assert th.history == "Theo nghị quyết năm 2025" and th.classification_scheme == "Theo vấn đề, năm"
    assert th.changes[-1]["by"] == "Lan" and set(th.changes[-1]["fields"]) == {"history", "classification_scheme"}
    assert th.changes[-1]["fields"]["history"]["old"].startswith("Xã Tân Hương, Huyện Yên Bình")
    assert _cli("fonds", "set", "C04756", "-a", archive, "--code", "C04768").exit_code == 2  # taken
    assert _cli("fonds", "set", "C04756", "-a", archive, "--code", "TH").exit_code == 0  # unused: may change
    assert not (archive / "fonds" / "C04756.json").exists() and (archive / "fonds" / "TH.json").is_file()
    # Once a document names the fonds (the pipeline writes record["fonds"]; done by hand here on a real
    # record), its code is fixed and it cannot be dropped.
    rec_path = sorted((archive / "documents").glob("*.json"))[0]
    rec = json.loads(rec_path.read_text(encoding="utf-8"))
    rec_path.write_text(json.dumps({**rec, "fonds": {"code": "TH", "name": th.name}}, ensure_ascii=False), "utf-8")
    res = _cli("fonds", "set", "TH", "-a", archive, "--code", "TH2")
    assert res.exit_code == 2 and "never changed" in res.stderr
    assert _cli("fonds", "drop", "TH", "-a", archive).exit_code == 2
    listed = {f["code"]: f["totals"] for f in json.loads(_cli("fonds", "list", "-a", archive, "--json").stdout)}
    assert listed["TH"]["documents"] == 1 and listed["TH"]["start_date"] == rec["metadata"]["date"]
    res = _cli("fonds", "drop", "C04777", "-a", archive)
    assert res.exit_code == 0 and not (archive / "fonds" / "C04777.json").exists()
    assert _cli("fonds", "set", "C04777", "-a", archive, "--notes", "x").exit_code == 2  # gone


def test_init_refuses_a_folder_that_is_not_an_archive(tmp_path: Path) -> None:
    other = tmp_path / "photos"
    other.mkdir()
    (other / "holiday.jpg").write_bytes(b"\xff\xd8")
    res = _cli("init", "-a", other, "-c", "04714")
    assert res.exit_code == 2 and "not an archive" in res.stderr
    assert sorted(p.name for p in other.iterdir()) == ["holiday.jpg"]
    assert _cli("fonds", "list", "-a", tmp_path / "nothing").exit_code == 2


def test_an_identifier_given_once_is_kept_and_changed_only_with_force(tmp_path: Path) -> None:
    root = tmp_path / "archive"
    assert _cli("init", "-a", root, "-c", "04714", "--identifier", "H15.01").exit_code == 0

    def ident() -> str:
        return json.loads((root / "archive.json").read_text(encoding="utf-8"))["organisation"]["identifier"]

    assert _cli("init", "-a", root, "-c", "04714").exit_code == 0 and ident() == "H15.01"
    res = _cli("init", "-a", root, "-c", "04714", "--identifier", "X9")
    assert res.exit_code == 2 and "H15.01" in res.stderr and ident() == "H15.01"
    assert _cli("init", "-a", root, "-c", "04714", "--identifier", "X9", "--force").exit_code == 0
    assert ident() == "X9"
    history = json.loads((root / "archive.json").read_text(encoding="utf-8"))["organisation_history"]
    assert [h["identifier"] for h in history] == ["H15.01"]
    assert _cli("init", "-a", root, "-c", "04714", "--identifier", "a b", "--force").exit_code == 2
    assert ident() == "X9"
