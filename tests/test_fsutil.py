"""The reader of the archive's JSON files that passes a damaged one over (verify, fixity, the store, fonds)."""

from pathlib import Path

from archivist.fsutil import atomic_write_json, read_json_object


def test_a_json_object_or_none(tmp_path: Path) -> None:
    ok = tmp_path / "ok.json"
    atomic_write_json(ok, {"id": "x", "text": "Ủy ban"})
    assert read_json_object(ok) == {"id": "x", "text": "Ủy ban"}
    for name, data in (("list.json", b"[1]"), ("half.json", b'{"id": '), ("latin.json", b'{"a": "\xff"}')):
        (tmp_path / name).write_bytes(data)
        assert read_json_object(tmp_path / name) is None, name  # no object, cut off, not UTF-8
    assert read_json_object(tmp_path / "missing.json") is None
    assert read_json_object(tmp_path) is None  # a folder
