"""``archive.json`` described by a schema (schemas/archive.schema.json) and checked like every other JSON archivist
writes: every shape an earlier version wrote stays valid; a hand-broken file is refused on reading with one line
naming the file and the key, never written over, never written by archivist; ``verify`` reports it. Through the real
CLI on generated scans, with a real PostgreSQL server (tests/pgserver.py) for ``process --index``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from archivist.archiveinfo import ArchiveInfoInvalid, problems_of, read_info, write_info
from archivist.errors import ArchivistError
from archivist.schemas import KINDS, RecordInvalid, errors, load_schema
from archivist.store import ArchiveStore
from archivist.verify import verify
from tests.textpage import save_scan

EXAMPLE = Path(__file__).resolve().parent.parent / "schemas" / "examples" / "archive.json"
CREATED = {"created": "2025-11-23T08:00:00Z", "created_by": "archivist 0.1.0", "layout": 1}
#: The organisation a person typed by hand before 'archivist init' existed (README of 2026-11-23).
HAND_ORG = {"name": "UBND xã Tân Hương", "identifier": "H15.31.05", "commune_code": "04756",
            "commune_name": "Tân Hương"}
INIT_ORG = {"name": "Ủy ban nhân dân xã Yên Bình", "identifier": "M04714", "commune_code": "04714",
            "commune_name": "Xã Yên Bình", "code_list": "1027/CTK-CSCL of 2025-06-25", "province_code": "15",
            "province_name": "Tỉnh Lào Cai"}
UNITS = {"package": "vietnamadminunits", "version": "1.0.4", "new_list": "Official Letter 1027/CTK-CSCL",
         "new_list_date": "2025-06-25", "former_list": "codes in force until 2025-06-30",
         "data": {"dataset.db": "a" * 64, "converter_2025.json": "b" * 64}}
UUID = "3f1c2a7e-5b9d-4c61-9e0a-7d2b8f4e6a13"
#: What each version of archivist wrote (git log -p -S'archive.json' -- archivist/), oldest first.
EARLIER = {
    "no key (a file started by hand)": {},
    "the first layout (aac0441)": CREATED,
    "a PostgreSQL index (925d5b2)": {**CREATED, "index": "postgresql://archivist@10.0.0.5/lao_cai"},
    "--index taken as any text (before 234c0c8)": {**CREATED, "index": "/srv/shared/index.sqlite"},
    "an organisation typed by hand (c465a8f)": {**CREATED, "organisation": HAND_ORG},
    "init, then init --force for another commune (149e4ac)": {
        **CREATED, "organisation": INIT_ORG, "units_source": UNITS,
        "organisation_history": [{**HAND_ORG, "replaced": "2026-12-03T10:00:00Z"}]},
    "an archive identity (76a34d0)": {**CREATED, "organisation": INIT_ORG, "units_source": UNITS,
                                      "index": "postgres://archivist@db/xa", "archive_id": UUID},
}


def _write(root: Path, text: str) -> Path:
    (root / "documents").mkdir(parents=True, exist_ok=True)
    (root / "archive.json").write_text(text, encoding="utf-8")
    return root / "archive.json"


def test_archive_json_has_a_schema_and_an_example_naming_every_key() -> None:
    assert "archive" in KINDS
    example = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    assert errors(example, "archive") == []
    assert set(example) == set(load_schema("archive")["properties"])  # the example shows every key
    assert all(p.get("description") for p in load_schema("archive")["properties"].values())


@pytest.mark.parametrize("info", EARLIER.values(), ids=EARLIER.keys())
def test_every_archive_json_an_earlier_version_wrote_stays_valid(tmp_path: Path, info: dict) -> None:
    _write(tmp_path, json.dumps(info, ensure_ascii=False))
    assert problems_of(info) == []
    assert read_info(tmp_path) == info


BROKEN = {
    "a misspelt key": ({**CREATED, "Index": "postgresql://a@b/c"}, "Index: not a key archive.json holds"),
    "an address that is no text": ({**CREATED, "index": 5}, "index: 5 is not of type 'string'"),
    "an identity that is no UUID": ({"archive_id": "xa-yen-binh"}, "archive_id: 'xa-yen-binh' does not match"),
    "an organisation without identifier": ({"organisation": {"name": "UBND"}},
                                           "organisation.identifier: required field is missing"),
    "another layout": ({**CREATED, "layout": 2}, "layout: 1 was expected"),
    "a history entry without its date": ({"organisation_history": [HAND_ORG]},
                                         "organisation_history[0].replaced: required field is missing"),
}


@pytest.mark.parametrize(("info", "says"), BROKEN.values(), ids=BROKEN.keys())
def test_a_hand_broken_archive_json_is_refused_on_reading_naming_the_file_and_the_key(
        tmp_path: Path, info: dict, says: str) -> None:
    path = _write(tmp_path, json.dumps(info))
    with pytest.raises(ArchiveInfoInvalid) as e:
        read_info(tmp_path)
    text = str(e.value)
    assert text.startswith(f"{path} is invalid: ") and says in text and "\n" not in text
    assert "correct it by hand" in text and "archive.schema.json" in text
    assert isinstance(e.value, ArchivistError) and e.value.exit_code == 1 and isinstance(e.value, RecordInvalid)
    assert [p.startswith(says.split(":")[0]) for p in problems_of(info)] == [True]


@pytest.mark.parametrize(("text", "says"), [("{\"index\": ", "not readable JSON"), ("[]", "not a JSON object")])
def test_a_file_that_is_no_json_object_is_refused_not_taken_for_none(tmp_path: Path, text: str, says: str) -> None:
    """It was read as an empty archive.json, which the next writer wrote over, losing the organisation."""
    path = _write(tmp_path, text)
    with pytest.raises(ArchiveInfoInvalid, match=f"^{path} is invalid: {says}"):
        read_info(tmp_path)
    with pytest.raises(ArchiveInfoInvalid), ArchiveStore.writer(tmp_path):
        pass
    assert path.read_text(encoding="utf-8") == text


def test_an_invalid_archive_json_is_never_written(tmp_path: Path) -> None:
    with ArchiveStore.writer(tmp_path / "archive", create=True) as store:
        path = store.root / "archive.json"
        before = path.read_bytes()
        assert errors(json.loads(before), "archive") == []  # what the first writer made
        for bad in ({**store.info(), "index": None}, {**store.info(), "organisation": {"name": "x", "identifier": ""}},
                    {**store.info(), "notes": "a key no version writes"}):
            with pytest.raises(ArchiveInfoInvalid, match=f"^{path} not written, it would be invalid: "):
                store.write_info(bad)
            with pytest.raises(ArchiveInfoInvalid):
                write_info(store.root, bad)
            assert path.read_bytes() == before
        assert [p.name for p in store.root.iterdir() if p.name.startswith(".tmp-")] == []
        store.write_info({**store.info(), "archive_id": UUID})
    assert read_info(tmp_path / "archive")["archive_id"] == UUID


def test_verify_reports_an_invalid_archive_json_and_leaves_the_index_unchecked(tmp_path: Path) -> None:
    _write(tmp_path, json.dumps({**CREATED, "index": 5, "organisation": {"name": "UBND", "identifier": "a/b"}}))
    report = verify(tmp_path)
    assert [(p.kind, p.path) for p in report.problems] == [("invalid", "archive.json")] * 2
    assert [p.detail.split(":")[0] for p in report.problems] == ["index", "organisation.identifier"]
    assert "the index was not checked: archive.json, which says where it is, is invalid" in report.notes
    _write(tmp_path, "not json")
    assert [p.line() for p in verify(tmp_path).problems] == [
        "invalid    archive.json: not readable JSON (Expecting value: line 1 column 1 (char 0))"]


def _cli(*args: object) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "archivist.cli", *map(str, args)], capture_output=True, text=True,
                          timeout=600)


def _info(archive: Path) -> dict:
    return json.loads((archive / "archive.json").read_text(encoding="utf-8"))


@pytest.mark.slow
def test_through_the_cli_init_and_process_write_a_valid_one_and_a_hand_broken_one_is_reported_and_refused(
        tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    res = _cli("init", "--archive", archive, "--commune", "04714")
    assert res.returncode == 0, res.stderr
    assert errors(_info(archive), "archive") == [] and _info(archive)["organisation"]["identifier"] == "M04714"
    res = _cli("process", save_scan(tmp_path / "a.jpg", 41), "--archive", archive, "--workers", 1, "--quiet")
    assert res.returncode == 0, res.stderr
    assert errors(_info(archive), "archive") == []
    assert _cli("verify", "--archive", archive, "--no-sources").returncode == 0

    # a person names a shared index by hand, with a capital I: it would be ignored, the index looked for in SQLite
    broken = {**_info(archive), "Index": "postgresql://archivist@10.0.0.5/lao_cai"}
    (archive / "archive.json").write_text(json.dumps(broken, ensure_ascii=False), encoding="utf-8")
    before = (archive / "archive.json").read_bytes()
    res = _cli("verify", "--archive", archive, "--no-sources")
    assert res.returncode == 1
    assert res.stdout.splitlines() == ["invalid    archive.json: Index: not a key archive.json holds (it holds "
                                       "created, created_by, layout, index, archive_id, organisation, "
                                       "organisation_history, units_source)"]
    assert "1 problem" in res.stderr
    res = _cli("verify", "--archive", archive, "--no-sources", "--json")
    assert res.returncode == 1 and [p["path"] for p in json.loads(res.stdout)["problems"]] == ["archive.json"]

    docs = sorted((archive / "documents").iterdir())
    for command in (["process", save_scan(tmp_path / "b.jpg", 42), "--workers", 1], ["search", "ban"],
                    ["reindex"], ["init", "--commune", "04714"]):
        res = _cli(*command, "--archive", archive)
        lines = res.stderr.strip().splitlines()
        assert res.returncode == 1 and len(lines) == 1, (command, res.stderr)
        assert lines[0].startswith(f"error: {archive / 'archive.json'} is invalid: Index: not a key"), lines
    assert (archive / "archive.json").read_bytes() == before and sorted((archive / "documents").iterdir()) == docs


@pytest.mark.slow
def test_process_into_postgresql_and_back_writes_a_valid_one(tmp_path: Path, pg_url: str) -> None:
    archive = tmp_path / "archive"
    res = _cli("process", save_scan(tmp_path / "a.jpg", 43), "--archive", archive, "--workers", 1, "--quiet",
               "--index", pg_url)
    assert res.returncode == 0, res.stderr
    info = _info(archive)
    assert info["index"] == pg_url and len(info["archive_id"]) == 36 and errors(info, "archive") == []
    res = _cli("reindex", "--archive", archive, "--index", "sqlite")
    assert res.returncode == 0, res.stderr
    assert "index" not in _info(archive) and _info(archive)["archive_id"] == info["archive_id"]
    assert errors(_info(archive), "archive") == []
    assert _cli("verify", "--archive", archive, "--no-sources").returncode == 0
