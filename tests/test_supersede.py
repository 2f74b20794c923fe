"""The rules of a supersession (archivist/supersede.py) and what the index, the records and the lists make of it.

Records here are the few keys each rule reads; the index tests index them with the real SQLite FTS5 and the
real PostgreSQL server (tests/pgserver.py). The whole flow through the CLI on generated scans is
tests/test_supersede_e2e.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from archivist.archival import archival_fields
from archivist.dossiers import versions_of
from archivist.index import Filters, SqliteIndex
from archivist.models import DocumentRecord
from archivist.supersede import SupersedeError, check, link, link_problems, unlink
from archivist.versions import Earlier, version_warning
from tests.pgserver import pg_bin, postgres_server

AT, LATER = "2026-12-05T10:00:00Z", "2026-12-06T08:30:00Z"


def _rec(doc_id: str, fonds: str | None = "C04714", text: str = "ủy ban nhân dân xã Tân Hương") -> dict:
    return {"id": doc_id, "fonds": {"code": fonds, "name": f"fonds {fonds}"} if fonds else None,
            "source": {"paths": [f"/scans/{doc_id}.jpg"]}, "metadata": {"type": "Quyết định"}, "page_count": 1,
            "pages": [{"number": 1, "text": text, "source": {"path": f"/scans/{doc_id}.jpg"}}]}


def _world(*recs: dict) -> dict[str, dict]:
    return {r["id"]: r for r in recs}


def _linked(old: dict, new: dict) -> tuple[dict, dict]:
    return link(old, new, "Nguyễn Thị Lan", "trang 3 quét bổ sung", AT)


def test_a_link_is_recorded_on_both_records_with_history() -> None:
    old, new = _rec("doc-old"), _rec("doc-new")
    assert check(old, new, _world(old, new).get) is True
    old2, new2 = _linked(old, new)
    assert old2["superseded_by"] == {"id": "doc-new", "at": AT, "person": "Nguyễn Thị Lan",
                                     "reason": "trang 3 quét bổ sung"}
    assert new2["supersedes"] == ["doc-old"]
    assert old2["history"] == [{"field": "superseded_by", "old": None, "new": "doc-new", "reviewer": "Nguyễn Thị Lan",
                                "at": AT, "reason": "trang 3 quét bổ sung"}]
    assert new2["history"][-1]["field"] == "supersedes" and new2["history"][-1]["new"] == ["doc-old"]
    assert "superseded_by" not in old and "supersedes" not in new  # the records given are not changed
    assert check(old2, new2, _world(old2, new2).get) is False  # already so: nothing to add
    assert _linked(old2, new2) == (old2, new2)  # and linking again changes nothing


def test_a_new_version_may_replace_several_parts() -> None:
    a, b, new = _rec("doc-a-01"), _rec("doc-a-02"), _rec("doc-new")
    a2, new = _linked(a, new)
    b2, new = _linked(b, new)
    assert new["supersedes"] == ["doc-a-01", "doc-a-02"] and len(new["history"]) == 2
    assert link_problems({"a.json": a2, "b.json": b2, "n.json": new}) == []


@pytest.mark.parametrize("case, message", [
    ("itself", "doc-old cannot replace itself"),
    ("fonds", "doc-old is in fonds C04714 and doc-new in fonds C04756: a version can only replace one of the "
              "same fonds (provenance must not mix)"),
    ("no fonds", "doc-old is in fonds C04714 and doc-new in fonds (none)"),
    ("new replaced", "doc-new is itself replaced by doc-newer: name the latest version "
                     "(archivist supersede doc-old --by doc-newest)"),
    ("old replaced", "doc-old is already replaced by doc-other (recorded 2026-12-05T10:00:00Z by Nguyễn Thị Lan); "
                     "to change that, undo it first: archivist supersede doc-old --undo"),
])
def test_refusals_say_why(case: str, message: str) -> None:
    old, new = _rec("doc-old"), _rec("doc-new")
    world = _world(old, new)
    if case == "itself":
        new = old
    elif case in ("fonds", "no fonds"):
        new = _rec("doc-new", "C04756" if case == "fonds" else None)
    elif case == "new replaced":
        newer, newest = _rec("doc-newer"), _rec("doc-newest")
        newer, newest = _linked(newer, newest)
        new, newer = _linked(new, newer)
        world = _world(old, new, newer, newest)
    else:
        old, _ = _linked(old, _rec("doc-other"))
    with pytest.raises(SupersedeError) as e:
        check(old, new, world.get)
    assert str(e.value).startswith(message)
    assert e.value.exit_code == 2


def test_chains_that_would_loop_are_refused() -> None:
    a, b, c = _rec("doc-a"), _rec("doc-b"), _rec("doc-c")
    a, b = _linked(a, b)
    with pytest.raises(SupersedeError, match=r"doc-a cannot replace doc-b: doc-a is already replaced by doc-b "
                                             r"\(doc-a → doc-b\), the chain would loop"):
        check(b, a, _world(a, b).get)
    b, c = _linked(b, c)  # a → b → c: c may not be replaced by a
    with pytest.raises(SupersedeError, match=r"\(doc-a → doc-b → doc-c\), the chain would loop"):
        check(c, a, _world(a, b, c).get)
    assert check(_rec("doc-d"), c, _world(a, b, c).get) is True  # a fourth version may join the chain's head


def test_undo_keeps_the_history() -> None:
    old, new = _linked(_rec("doc-old"), _rec("doc-new"))
    old2, new2 = unlink(old, new, "Trần Văn Bình", "nhầm hồ sơ", LATER)
    assert old2["superseded_by"] is None and new2["supersedes"] == []
    assert [h["new"] for h in old2["history"]] == ["doc-new", None]
    assert old2["history"][-1] == {"field": "superseded_by", "old": "doc-new", "new": None,
                                   "reviewer": "Trần Văn Bình", "at": LATER, "reason": "nhầm hồ sơ"}
    assert [h["new"] for h in new2["history"]] == [["doc-old"], []]
    assert check(old2, new2, _world(old2, new2).get) is True  # and it may be recorded again


def test_one_sided_links_are_found() -> None:
    old, new = _linked(_rec("doc-old"), _rec("doc-new"))
    half_done = {"o.json": _rec("doc-old"), "n.json": new}  # stopped after the new record was written
    [(path, detail)] = link_problems(half_done)
    assert path == "n.json" and "run archivist supersede doc-old --by doc-new" in detail
    half_undone = {"o.json": old, "n.json": _rec("doc-new")}  # an undo stopped after the new record
    [(path, detail)] = link_problems(half_undone)
    assert path == "n.json" and "doc-old --undo" in detail
    assert link_problems({"o.json": old}) == [("o.json", "superseded_by names doc-new, which the archive does not "
                                                         "hold")]


def test_the_record_keeps_its_links_and_writes_none_when_empty() -> None:
    base = {"id": "doc-old", "label": "x", "source": {"paths": ["/x"], "sha256": "0" * 64, "bytes": 1},
            "output": {"pdf": "documents/doc-old.pdf", "sha256": "0" * 64, "bytes": 1, "pdfa": "1b"},
            "pages": [], "metadata": {}, "created": AT, "settings": {}, "tools": {}}
    plain = DocumentRecord.from_dict(base).to_dict()
    assert "superseded_by" not in plain and "supersedes" not in plain
    old, _ = _linked({**base}, _rec("doc-new"))
    back = DocumentRecord.from_dict(old).to_dict()
    assert back["superseded_by"]["id"] == "doc-new" and list(back).index("superseded_by") > list(back).index("history")
    assert DocumentRecord.from_dict({**base, "supersedes": ["doc-a"]}).to_dict()["supersedes"] == ["doc-a"]


def test_lists_and_notes_say_which_replaces_which() -> None:
    old, new = _linked(_rec("doc-old"), _rec("doc-new"))
    assert versions_of(old) == {"superseded_by": "doc-new"}
    assert versions_of(new) == {"supersedes": ["doc-old"]}
    assert versions_of(_rec("doc-x")) == {}
    assert "Đã được thay thế bởi bản doc-new" in archival_fields(old)["notes"]
    assert "Thay thế bản doc-old" in archival_fields(new)["notes"]
    assert archival_fields(_rec("doc-x"))["notes"] is None


def test_the_batch_warning_names_the_command() -> None:
    one = version_warning("scans/hồ sơ 1", [Earlier(("doc-old",), 2)], ["doc-new"], 3, "kho lưu trữ")
    assert one == ("scans/hồ sơ 1: already archived as doc-old (2 pages); this version (doc-new, 3 pages) is "
                   "archived beside it — both are kept; if this version replaces it, say so (nothing is deleted): "
                   "archivist supersede doc-old --by doc-new --archive 'kho lưu trữ'")
    split = version_warning("hs", [Earlier(("doc-a-01", "doc-a-02"), 2)], ["doc-b"], 3, "archive")
    assert split.endswith("for each earlier document a new one replaces, say so (nothing is deleted): "
                          "archivist supersede OLD --by NEW --archive archive")


# --- the index: SQLite FTS5 and PostgreSQL -------------------------------------------------------------

def _indexed(idx: object) -> None:
    old, new = _linked(_rec("doc-old"), _rec("doc-new"))
    for rec in (old, new, _rec("doc-other", text="biên bản họp thôn")):
        idx.upsert_document(rec)


def _answers(idx: object, query: str, **kw: object) -> list[tuple[str, str | None]]:
    return sorted((h.doc_id, h.superseded_by) for h in idx.search(query, Filters(**kw), limit=50))


def _check_search(idx: object) -> None:
    assert _answers(idx, "uy ban") == [("doc-new", None)]
    assert _answers(idx, "uy ban", all_versions=True) == [("doc-new", None), ("doc-old", "doc-new")]
    assert _answers(idx, "ủy ban", type="quyet dinh", all_versions=True) == [("doc-new", None), ("doc-old", "doc-new")]
    assert _answers(idx, "ủy ban NOT thôn", fonds="C04714") == [("doc-new", None)]
    assert _answers(idx, "bien ban") == [("doc-other", None)]
    old, new = unlink(*_linked(_rec("doc-old"), _rec("doc-new")), None, None, LATER)
    idx.upsert_document(old)  # undone: current again
    assert _answers(idx, "uy ban") == [("doc-new", None), ("doc-old", None)]


def test_sqlite_leaves_superseded_documents_out_unless_asked(tmp_path: Path) -> None:
    with SqliteIndex(tmp_path / "index.sqlite") as idx:
        _indexed(idx)
        _check_search(idx)


def test_postgresql_leaves_superseded_documents_out_unless_asked(tmp_path: Path) -> None:
    if pg_bin() is None:
        pytest.skip("PostgreSQL is not installed (apt install postgresql)")
    from archivist.index_pg import PgIndex

    with postgres_server(tmp_path / "pg") as url, PgIndex(url) as idx:
        _indexed(idx)
        _check_search(idx)
        fields, _ = idx.stored_rows("doc-new")
        assert fields["superseded_by"] is None


def test_the_schema_takes_the_links_and_refuses_a_broken_one() -> None:
    import json

    from archivist.schemas import errors

    example = json.loads((Path(__file__).resolve().parent.parent / "schemas" / "examples" / "document.json")
                         .read_text(encoding="utf-8"))
    assert example["supersedes"] and errors(example, "document") == []
    old, _ = _linked({**example, "supersedes": []}, _rec("doc-new"))
    assert errors(old, "document") == []
    assert errors({**old, "superseded_by": {"id": "doc-new"}}, "document")  # who, when and why are part of it
    assert errors({**old, "supersedes": ["doc-a", "doc-a"]}, "document")


def test_a_half_done_link_is_completed_and_the_done_side_left_alone() -> None:
    old, new = _linked(_rec("doc-old"), _rec("doc-new"))
    stopped_old = _rec("doc-old")  # the run stopped after writing the new record: the old one is still current
    assert check(stopped_old, new, _world(stopped_old, new).get) is True
    old2, new2 = _linked(stopped_old, new)
    assert new2 == new and old2["superseded_by"]["id"] == "doc-new" and len(new2["history"]) == 1


def test_the_command_wants_by_or_undo(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from archivist.cli_supersede import supersede

    for args in ([], ["--by", "doc-new", "--undo"]):
        res = CliRunner().invoke(supersede, ["doc-old", "--archive", str(tmp_path), *args])
        assert res.exit_code == 2
        assert "give either --by NEW_ID (the version that replaces OLD_ID) or --undo" in res.output
