"""The notes of a move of the index (archivist/indexmove.py) read in Vietnamese in report.html's Vietnamese view,
like the batch's other warnings (data/report/reasons.json): before, they stayed in English there.

Unit tests on the notes as archivist/indexmove.py makes them, and end to end through the real CLI: an archive
processed into SQLite, then into a real PostgreSQL database (tests/pgserver.py), then into another one, each batch's
report.html read."""

from __future__ import annotations

import html
import os
import re
import socket
import subprocess
from pathlib import Path

import pytest

from archivist import indexmove
from archivist.reportlang import vietnamese, warning_vietnamese
from tests.test_lock import CLI
from tests.textpage import save_scan


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_each_note_of_a_move_has_its_vietnamese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stray = tmp_path / "index.sqlite"
    stray.write_bytes(b"")
    gone = f"postgresql://archivist@127.0.0.1:{_free_port()}/old"
    removed, = indexmove.settle_index("postgresql://archivist@127.0.0.1:5432/new", [stray], None, lambda: [])
    assert vietnamese(removed) == ("đã xóa index.sqlite: chỉ mục của kho lưu trữ nằm trong PostgreSQL (archive.json "
                                   "\"index\"), đã được dựng lại ở đó từ các bản ghi")
    assert warning_vietnamese(removed) == vietnamese(removed)  # as a whole line, not cut at its ': '
    unreachable, = indexmove.settle_index(None, [], gone, lambda: ["doc-1"])  # a real refused connection
    vi = vietnamese(unreachable)
    assert vi.startswith(f"không xóa được các dòng của kho lưu trữ này trong chỉ mục PostgreSQL {gone} (không kết "
                         "nối được máy chủ: ") and vi.endswith("; dù vậy chỉ mục nay vẫn nằm ở index.sqlite")
    assert "check that the server" not in vi
    other = ("the archive's rows in the PostgreSQL index postgresql://a@h:1/x could not be removed (permission "
             "denied for table documents); the index is in index.sqlite all the same")
    assert vietnamese(other).endswith("(permission denied for table documents); dù vậy chỉ mục nay vẫn nằm ở "
                                      "index.sqlite")
    for n, left in ((None, "để nguyên chỉ mục PostgreSQL "), (1, "đã xóa 1 tài liệu của kho lưu trữ này khỏi chỉ "
                                                                "mục PostgreSQL "), (3, "đã xóa 3 tài liệu")):
        monkeypatch.setattr("archivist.index_pg.remove_documents", lambda *a, n=n: n)  # the database's answer
        note, = indexmove.settle_index(None, [], "postgresql://archivist@127.0.0.1:5432/old", lambda: ["doc-1"])
        assert vietnamese(note).startswith(left) and vietnamese(note).endswith("nằm ở index.sqlite"), note


def _cli(*args: object) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True, timeout=600, env=dict(os.environ))


def _database(server: str, name: str) -> str:
    import psycopg

    with psycopg.connect(server, autocommit=True) as db:
        db.execute(f"CREATE DATABASE {name}")
    return server.rsplit("/", 1)[0] + f"/{name}"


def _warnings(archive: Path) -> list[tuple[str, str]]:
    """(Vietnamese, English) of each warning row of report.html."""
    page = (archive / "report.html").read_text(encoding="utf-8")
    section = page.split('<section id="warnings">', 1)[1].split("</section>", 1)[0]
    return [(html.unescape(vi), html.unescape(en))
            for vi, en in re.findall(r'<td data-vi="([^"]*)" data-en="([^"]*)"', section)]


@pytest.mark.slow
def test_report_html_shows_the_notes_of_a_move_in_vietnamese(tmp_path: Path, pg_url: str) -> None:
    archive = tmp_path / "archive"
    first, second = _database(pg_url, "move_vi_a"), _database(pg_url, "move_vi_b")
    for n, index in enumerate((None, first, second)):
        scans = tmp_path / f"box{n}"
        scans.mkdir()
        save_scan(scans / f"p{n}.jpg", seed=60 + n)
        res = _cli("process", scans, "--archive", archive, "--workers", "1", "--quiet",
                   *(["--index", index] if index else []))
        assert res.returncode == 0, res.stdout + res.stderr
        if index == first:
            assert ("đã xóa index.sqlite: chỉ mục của kho lưu trữ nằm trong PostgreSQL (archive.json \"index\"), "
                    "đã được dựng lại ở đó từ các bản ghi",
                    "removed index.sqlite: the archive's index is in PostgreSQL (archive.json \"index\"), rebuilt "
                    "there from the records") in _warnings(archive)
    vi = [v for v, en in _warnings(archive) if en.startswith("removed this archive's")]
    assert vi == [f"đã xóa 2 tài liệu của kho lưu trữ này khỏi chỉ mục PostgreSQL {first}: chỉ mục nay nằm ở "
                  f"{second}"], _warnings(archive)
