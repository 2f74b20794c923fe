"""The command line as a script and a first-time user meet it: every command's help, --json wherever a command
prints results, and a failure that is one line on stderr (and one JSON object on stdout under --json)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import click
import pikepdf
import pytest
from click.testing import CliRunner

from archivist.cli import _register_optional, main
from tests.badinput import encrypted_pdf
from tests.pdfcheck import assert_valid_pdfs
from tests.textpage import text_page

CLI = [sys.executable, "-m", "archivist.cli"]

# Commands whose output a script would read: each must take --json.
PRINTS_RESULTS = {"process", "search", "open", "reindex", "verify", "catalogue", "bag", "report", "supersede",
                  "init", "fonds list"}


def _commands() -> dict[str, click.Command]:
    """Every command and subcommand by the name a person types (``fonds list``)."""
    _register_optional()
    found: dict[str, click.Command] = {}

    def walk(prefix: str, group: click.Group) -> None:
        for name, cmd in group.commands.items():
            found[f"{prefix}{name}"] = cmd
            if isinstance(cmd, click.Group):
                walk(f"{prefix}{name} ", cmd)

    walk("", main)
    return found


def _run(*args: object) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True)


def test_every_command_and_subcommand_explains_each_option_with_an_example() -> None:
    runner = CliRunner()
    commands = _commands()
    assert {"fonds list", "fonds add", "review export", "review import"} <= set(commands)
    for name, cmd in commands.items():
        res = runner.invoke(main, [*name.split(), "--help"])
        assert res.exit_code == 0, name
        assert "Example" in res.output, f"{name}: no example in --help"
        for param in cmd.params:
            if isinstance(param, click.Option) and param.name != "help":
                assert param.help and len(param.help) > 10, f"{name} {param.opts[0]}: no explanation"


def test_the_help_a_first_time_user_reads_first_is_current() -> None:
    """The top help's session starts where a new archive starts (init: without it dossier codes stay
    provisional), and process's help names every format it reads, not the four it first did."""
    top = CliRunner().invoke(main, ["--help"], prog_name="archivist").output
    assert top.index("archivist init --archive archive --commune") < top.index("archivist process scans/")
    process = " ".join(CliRunner().invoke(main, ["process", "--help"], prog_name="archivist").output.split())
    assert "WebP, JPEG 2000, BMP, GIF, PNM and an iPhone's HEIC" in process


def test_every_command_that_prints_results_takes_json() -> None:
    commands = _commands()
    missing = sorted(n for n in PRINTS_RESULTS
                     if not any("--json" in p.opts for p in commands[n].params if isinstance(p, click.Option)))
    assert missing == []


@pytest.mark.parametrize("args", [
    ["search", "x", "--archive", "{tmp}/none", "--json"],       # not an archive (the library's error)
    ["search", "--json"],                                        # a missing argument (Click's)
    ["search", "x", "--archive", "{tmp}", "--limit", "0", "--json"],  # a bad value, before any option is read
    ["process", "{tmp}/not-there.jpg", "--archive", "{tmp}/a", "--json"],
    ["fonds", "list", "--archive", "{tmp}/none", "--json"],
    ["reindex", "--archive", "{tmp}", "--index", "mysql://x@y/z", "--json"],
    ["open", "doc-0", "--archive", "{tmp}", "--json"],
])
def test_an_error_under_json_is_one_json_object_on_stdout_and_one_line_on_stderr(tmp_path: Path,
                                                                               args: list[str]) -> None:
    (tmp_path / "documents").mkdir()
    res = _run(*[a.replace("{tmp}", str(tmp_path)) for a in args])
    assert res.returncode == 2, res.stderr
    error = json.loads(res.stdout)
    assert set(error) == {"error", "details", "exit_code"} and error["exit_code"] == 2 and error["details"] == []
    assert res.stderr.splitlines() == [f"error: {error['error']}"]
    assert "Traceback" not in res.stderr and "Usage:" not in res.stderr
    without = _run(*[a.replace("{tmp}", str(tmp_path)) for a in args if a != "--json"])
    assert without.returncode == 2 and without.stdout == "" and without.stderr == res.stderr


def test_a_usage_error_is_one_line_that_says_where_to_look(tmp_path: Path) -> None:
    res = CliRunner().invoke(main, ["search", "x", "--archive", str(tmp_path), "--limit", "0"], prog_name="archivist")
    assert res.exit_code == 2
    assert res.output.splitlines() == ["error: Invalid value for '--limit': 0 is not in the range 1<=x<=1000 "
                                       "(see 'archivist search --help')"]
    res = CliRunner().invoke(main, ["nosuch"], prog_name="archivist")
    assert res.exit_code == 2 and res.output.splitlines() == ["error: No such command 'nosuch' "
                                                              "(see 'archivist --help')"]


def test_an_unknown_commune_under_json_gives_the_candidates_as_details(tmp_path: Path) -> None:
    res = _run("init", "--archive", tmp_path / "a", "--commune", "khong co", "--json")
    assert res.returncode == 2
    error = json.loads(res.stdout)
    assert error["error"] == "no commune-level unit is named 'khong co' in the 2025 list"
    assert "Xã Khổng Lào, Tỉnh Lai Châu (03583)" in error["details"]
    assert not (tmp_path / "a").exists()


def _nfc(text: str) -> bool:
    return unicodedata.is_normalized("NFC", text)


@pytest.mark.slow
def test_a_first_batch_with_bad_files_through_the_cli(tmp_path: Path) -> None:
    """One scan and the five bad inputs a box holds, through the real CLI as a first-time user runs it: --json
    keeps stdout JSON while progress and each bad file's line go to stderr; the plain summary says where the
    report is; open, reindex, catalogue and bag answer in JSON; Vietnamese text is NFC everywhere."""
    scans = tmp_path / "hộp 1"
    scans.mkdir()
    page, _ = text_page(200, seed=36, lines=14)
    page.save(scans / "trang 1.jpg", dpi=(200, 200), quality=85)
    jpeg = io.BytesIO()
    page.save(jpeg, "JPEG", dpi=(200, 200), quality=85)
    (scans / "cắt.jpg").write_bytes(jpeg.getvalue()[:4000])
    (scans / "rỗng.jpg").write_bytes(b"")
    (scans / "mật.pdf").write_bytes(encrypted_pdf())
    (scans / "ghi chú.tif").write_text("danh sách hồ sơ, không phải ảnh\n", encoding="utf-8")
    pikepdf.new().save(scans / "không trang.pdf")
    archive = tmp_path / "archive"
    assert _run("init", "--archive", archive, "--commune", "04714").returncode == 0

    res = _run("process", scans, "--archive", archive, "--workers", 1, "--json")
    assert res.returncode == 1, res.stderr
    report = json.loads(res.stdout)
    failed = {Path(f["path"]).name: f["reason"] for f in report["failures"]}
    assert set(failed) == {"cắt.jpg", "rỗng.jpg", "mật.pdf", "ghi chú.tif", "không trang.pdf"}
    assert "Processing 2 pages…" in res.stderr and "pages/min" in res.stderr  # the progress, on stderr (the cut
    # JPEG counts until its pixels fail to decode)
    for name, reason in failed.items():  # and each bad file's one line, for whoever sent stdout to a file
        assert f"error: {scans / name}: {reason}" in res.stderr.splitlines()
    assert "Traceback" not in res.stderr
    (doc,) = report["documents"]

    plain = _run("process", scans, "--archive", archive, "--workers", 1)
    assert plain.returncode == 1
    assert f"Report: {archive / 'report.html'} (open it in a web browser)" in plain.stdout.splitlines()
    assert "Documents: 0 processed, 1 already done, 5 failed" in plain.stdout.splitlines()
    (pages,) = [line for line in plain.stdout.splitlines() if line.startswith("Pages: ")]
    assert pages.startswith("Pages: 0 in ") and "pages/min" not in pages  # no "0.0 pages/min" on a re-run

    opened = json.loads(_run("open", doc["id"], "--archive", archive, "--json").stdout)
    assert opened == {"doc_id": doc["id"], "pdf": str((archive / "documents" / f"{doc['id']}.pdf").resolve()),
                      "page": 1, "page_count": 1}
    assert json.loads(_run("reindex", "--archive", archive, "--json").stdout) == {
        "documents": 1, "backend": "sqlite", "index": str(archive / "index.sqlite")}
    cat = _run("catalogue", "--archive", archive, "--json")
    catalogue = json.loads(cat.stdout)
    assert cat.returncode == 0 and catalogue["dossiers"] == 1 and catalogue["problems"] == []
    bag = json.loads(_run("bag", "--archive", archive, "--out", tmp_path / "bag", "--json").stdout)
    assert bag["bag"] == str(tmp_path / "bag") and bag["info"]["Document-Count"] == "1"
    assert bag["info"]["Source-Organization"] == "Ủy ban nhân dân xã Yên Bình"

    texts = [res.stdout, res.stderr, plain.stdout, plain.stderr,
             Path(catalogue["csv"]).read_text(encoding="utf-8-sig"),
             (archive / "report.html").read_text(encoding="utf-8")]
    record = json.loads((archive / "documents" / f"{doc['id']}.json").read_text(encoding="utf-8"))
    texts.append(json.dumps(record, ensure_ascii=False))  # its strings, whether the file escapes them or not
    assert "Ủy" in record["pages"][0]["text"]  # Vietnamese was read, so there is something to check
    with pikepdf.open(opened["pdf"]) as pdf:
        texts += [pdf.Root.Metadata.read_bytes().decode("utf-8"), *map(str, pdf.docinfo.values())]
    assert all(map(_nfc, texts))
    assert_valid_pdfs([Path(opened["pdf"])])
