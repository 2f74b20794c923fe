"""The JSON schemas: each is valid 2020-12 and accepts its worked example; every record a processed
archive holds matches its schema; a broken record is rejected with a message naming the field."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from archivist.fixity import MANIFEST
from archivist.manifest import load_records, refresh, retention_manifest
from archivist.retention import BUILTIN, load_schedule
from archivist.schemas import KINDS, RecordInvalid, errors, load_schema, schema_dir, validate, validate_record
from tests.test_manifest import build_sample_archive

EXAMPLES = Path(__file__).resolve().parent.parent / "schemas" / "examples"
#: Circular 02/2019/TT-BNV document-level input fields, by their Vietnamese names.
DOCUMENT_FIELDS = ("Mã định danh văn bản", "Mã hồ sơ", "Số tờ", "Số trang", "Số của văn bản", "Ký hiệu của văn bản",
                   "Ngày, tháng, năm văn bản", "Tên loại văn bản", "Trích yếu nội dung",
                   "Tên cơ quan, tổ chức ban hành văn bản", "Ngôn ngữ", "Ký hiệu thông tin", "Từ khóa",
                   "Chế độ sử dụng", "Mức độ tin cậy", "Bút tích", "Tình trạng vật lý", "Ghi chú")
#: Dossier-level fields (Circular 02/2019, Circular 05/2025).
DOSSIER_FIELDS = ("Mã hồ sơ", "Tiêu đề hồ sơ", "Thời hạn bảo quản", "Mức độ tiếp cận", "Ngôn ngữ",
                  "Thời gian bắt đầu", "Thời gian kết thúc", "Từ khóa", "Tổng số văn bản", "Số lượng tờ",
                  "Số lượng trang", "Tình trạng vật lý", "Ký hiệu thông tin", "Mức độ tin cậy", "Mã hồ sơ gốc giấy",
                  "Chế độ lập tài liệu lưu trữ dự phòng", "Tình trạng lập tài liệu lưu trữ dự phòng", "Tệp tin hồ sơ",
                  "Ghi chú")


@pytest.mark.parametrize("kind", KINDS)
def test_schema_is_2020_12_and_validates_its_example(kind: str) -> None:
    schema = load_schema(kind)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)
    example = json.loads((EXAMPLES / f"{kind}.json").read_text(encoding="utf-8"))
    assert errors(example, kind) == []


def test_built_in_retention_schedule_matches_its_schema() -> None:
    validate(json.loads(BUILTIN.read_text(encoding="utf-8")), "retention-schedule")


def _descriptions(props: dict) -> str:
    return "\n".join(p.get("description", "") for p in props.values())


def test_document_and_dossier_schemas_carry_every_circular_field_with_its_vietnamese_name() -> None:
    archival = load_schema("document")["$defs"]["archival"]["properties"]
    text = _descriptions(archival)
    assert [f for f in DOCUMENT_FIELDS if f not in text] == []
    assert all(p.get("description") for p in archival.values())
    assert set(load_schema("document")["$defs"]["archival"]["required"]) == set(archival)
    dossier = load_schema("dossier")["properties"]
    assert [f for f in DOSSIER_FIELDS if f not in _descriptions(dossier)] == []
    assert all(p.get("description") or k == "dossier_version" for k, p in dossier.items())


@pytest.mark.slow
def test_every_record_of_a_processed_archive_matches_its_schema(tmp_path_factory: pytest.TempPathFactory,
                                                                tmp_path: Path) -> None:
    import shutil

    root = tmp_path / "archive"
    shutil.copytree(build_sample_archive(tmp_path_factory), root)
    records, problems = load_records(root)
    assert problems == [] and len(records) == 7
    for rec in records:
        validate_record(rec)
    state = refresh(root, load_schedule(archive=root))
    dossiers = sorted((root / "dossiers").glob("*.json"))
    assert len(dossiers) == 6
    for p in dossiers:
        validate_record(json.loads(p.read_text(encoding="utf-8")), "dossier")
    validate(json.loads((root / MANIFEST).read_text(encoding="utf-8")), "archive-manifest")
    validate(retention_manifest(state, 2025), "retention-manifest")


@pytest.mark.slow
def test_pipeline_metadata_shape_is_accepted(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The unknown-type document keeps the metadata the real classifier and extractor wrote (fields, signals)."""
    root = build_sample_archive(tmp_path_factory)
    rec = next(r for r in load_records(root)[0] if r["label"].endswith("d-unknown.jpg"))
    assert rec["metadata"]["type"] == "unknown" and "fields" in rec["metadata"]
    validate_record(rec)


def _broken(path: list, value) -> dict:
    rec = json.loads((EXAMPLES / "document.json").read_text(encoding="utf-8"))
    node = rec
    for key in path[:-1]:
        node = node[key]
    if value is KeyError:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return rec


@pytest.mark.parametrize(("path", "value", "message"), [
    (["pages", 0, "skew"], "abc", "pages[0].skew: 'abc' is not of type 'number'"),
    (["output", "sha256"], KeyError, "output.sha256: required field is missing"),
    (["metadata", "date"], "2019-13-45", "metadata.date: '2019-13-45' is not a 'date'"),
    (["archival", "access_regime"], "open", "archival.access_regime: 'open' is not one of ['public', 'restricted']"),
    (["pages", 0, "words", 0], ["ỦY", 96.1, 270], "pages[0].words[0]: ['ỦY', 96.1, 270] is too short"),
    (["archival"], KeyError, "archival: required field is missing"),
    (["pages", 0, "name_reading"], {"box": [1000, 540, 1164, 570], "read": "Hà Hữu Thắng"},
     "pages[0].name_reading.scan: required field is missing"),
])
def test_broken_record_is_rejected_naming_the_field(path: list, value, message: str) -> None:
    with pytest.raises(RecordInvalid) as e:
        validate_record(_broken(path, value))
    assert message in str(e.value), str(e.value)


def test_dossier_record_with_a_bad_code_is_rejected() -> None:
    d = json.loads((EXAMPLES / "dossier.json").read_text(encoding="utf-8"))
    bad = copy.deepcopy(d)
    bad["code"] = "H27 31 05/2015"
    with pytest.raises(RecordInvalid, match=r"^dossier record invalid: code: "):
        validate_record(bad, "dossier")
    del d["files"][0]["sha256"]
    with pytest.raises(RecordInvalid, match=r"files\[0\]\.sha256: required field is missing"):
        validate_record(d, "dossier")


def test_schemas_are_found_from_an_installed_location(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    for p in schema_dir().glob("*.schema.json"):
        shutil.copy(p, tmp_path / p.name)
    monkeypatch.setenv("ARCHIVIST_SCHEMAS", str(tmp_path))
    assert schema_dir() == tmp_path


def test_schemas_from_elsewhere_are_checked_the_packaged_ones_by_this_suite(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """The packaged schemas are checked here (test_schema_is_2020_12_and_validates_its_example), not on
    every run of ``process``; a folder named by $ARCHIVIST_SCHEMAS is checked when first used."""
    import shutil

    from jsonschema.exceptions import SchemaError

    from archivist import schemas

    for p in schema_dir().glob("*.schema.json"):
        shutil.copy(p, tmp_path / p.name)
    broken = json.loads((tmp_path / "fonds.schema.json").read_text(encoding="utf-8"))
    broken["type"] = 5
    (tmp_path / "fonds.schema.json").write_text(json.dumps(broken), encoding="utf-8")
    monkeypatch.setenv("ARCHIVIST_SCHEMAS", str(tmp_path))
    for f in (schemas.load_schema, schemas.validator):
        f.cache_clear()
    try:
        with pytest.raises(SchemaError):
            schemas.validator("fonds")
    finally:
        monkeypatch.undo()
        for f in (schemas.load_schema, schemas.validator):
            f.cache_clear()
    assert schemas.validator("fonds").schema["type"] == "object"
