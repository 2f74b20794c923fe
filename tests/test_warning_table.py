"""The batch's terminal table parts each warning into its file and its message where the file ends, not at the
first ``": "`` (archivist/warnparts.py): a folder named ``Hồ sơ: đất`` was cut inside its name, and a warning with no
file whose message holds ``": "`` had its first words shown as a file.

Unit tests of :func:`archivist.warnparts.part_warning`, and end to end through the real CLI on a real terminal
(a pseudo-terminal, where the CLI draws its table) on a generated folder document whose name holds ``": "``."""

from __future__ import annotations

import os
import pty
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from archivist.warnparts import part_warning
from tests.test_lock import CLI
from tests.textpage import scan, text_page

LOW_DPI = "scanned at 150 dpi, below the 200 dpi digitization standard"


def test_a_file_whose_name_holds_the_separator_is_kept_whole(tmp_path: Path) -> None:
    folder = tmp_path / "Hồ sơ: đất"
    folder.mkdir()
    (folder / "a.jpg").write_bytes(b"x")
    assert part_warning(f"{folder} p.1: {LOW_DPI}") == (f"{folder} p.1", LOW_DPI)
    assert part_warning(f"{folder}/a.jpg: the same scan as b.jpg: kept once") == (
        f"{folder}/a.jpg", "the same scan as b.jpg: kept once")
    # a label the batch showed (a name no longer on disk, or shown escaped) counts as well as a file that exists
    assert part_warning("in/gone: x.jpg: a link to a file inside the input; skipped", ["in/gone: x.jpg"]) == (
        "in/gone: x.jpg", "a link to a file inside the input; skipped")


def test_a_message_with_no_file_has_an_empty_file_column(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    (archive / "documents").mkdir(parents=True)
    (archive / "documents" / "doc-1.pdf").write_bytes(b"%PDF")
    for line in ("report.json could not be written: No space left on device",
                 "removed index.sqlite: the archive's index is in PostgreSQL (archive.json \"index\")",
                 "dossiers and fonds totals not updated (OSError: gone); 'archivist catalogue' does it later",
                 "1 document already done was filed in fonds C04756 (no OCR again)"):
        assert part_warning(line, ["in/a.jpg"], [archive]) == ("", line)
    # an archive file a warning names, relative to the archive
    assert part_warning("documents/doc-1.pdf: missing or damaged; made again from in/a.jpg", [], [archive]) == (
        "documents/doc-1.pdf", "missing or damaged; made again from in/a.jpg")
    assert part_warning(": odd") == ("", ": odd")


def _on_a_terminal(*args: object) -> str:
    """What the command writes on stderr when stderr is a terminal (a pseudo-terminal, 400 columns wide)."""
    master, slave = pty.openpty()
    proc = subprocess.Popen([*CLI, *map(str, args)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=slave, env={**os.environ, "COLUMNS": "400", "LINES": "50", "NO_COLOR": "1"})
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the command closed the terminal's other end
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(600)
    os.close(master)
    assert proc.returncode == 0, b"".join(chunks).decode(errors="replace")
    return b"".join(chunks).decode()


@pytest.mark.slow
def test_the_terminal_table_parts_a_warning_where_its_file_ends(tmp_path: Path) -> None:
    folder = tmp_path / "scans" / "Hồ sơ: đất"
    folder.mkdir(parents=True)
    im, _ = text_page(150, seed=61, lines=6)
    Image.fromarray(scan(im, 1.0, 0, seed=61)).save(folder / "page-001.jpg", dpi=(150, 150), quality=80)
    out = _on_a_terminal("process", tmp_path / "scans", "--archive", tmp_path / "archive", "--workers", "1",
                         "--quiet")
    rows = [[c.strip() for c in line.split("│")[1:-1]] for line in out.splitlines() if "│" in line]
    assert ["warning", f"{folder} p.1", LOW_DPI] in rows, out
