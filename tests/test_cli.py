"""The command line as a person uses it: help with examples, exit codes, JSON, plain output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from archivist.cli import main
from tests.textpage import text_page


def test_every_command_has_help_with_an_example() -> None:
    runner = CliRunner()
    top = runner.invoke(main, ["--help"])
    assert top.exit_code == 0
    for name, cmd in main.commands.items():
        res = runner.invoke(main, [name, "--help"])
        assert res.exit_code == 0, name
        assert "archivist " + name in res.output or "Example" in res.output, name
        for param in cmd.params:
            if param.param_type_name == "option" and param.name not in ("help",):
                assert param.help, f"{name} --{param.name} has no help text"


def test_usage_error_exits_2() -> None:
    res = CliRunner().invoke(main, ["process", "--archive"])
    assert res.exit_code == 2


@pytest.mark.slow
def test_process_json_and_exit_codes(tmp_path: Path) -> None:
    page, _ = text_page(200, seed=9, lines=12)
    scans = tmp_path / "scans"
    scans.mkdir()
    page.rotate(4, fillcolor=235).save(scans / "trang 1.jpg", dpi=(200, 200), quality=80)
    (scans / "hỏng.png").write_bytes(b"not really a png")
    archive = tmp_path / "archive"
    cmd = [sys.executable, "-m", "archivist.cli", "process", str(scans), "--archive", str(archive),
           "--workers", "1", "--json"]
    res = subprocess.run(cmd, capture_output=True, text=True)
    assert res.returncode == 1, res.stderr  # one document failed
    report = json.loads(res.stdout)
    assert report["ok"] is False
    assert [f["path"].endswith("hỏng.png") for f in report["failures"]] == [True]
    assert len(report["documents"]) == 1 and report["documents"][0]["status"] == "processed"
    assert json.loads((archive / "report.json").read_text(encoding="utf-8"))["pages"] == 1
    # Plain (non-tty) run of the same batch: resumes, one-line error, no traceback.
    res = subprocess.run(cmd[:-1], capture_output=True, text=True)
    assert res.returncode == 1
    assert "Traceback" not in res.stderr
    assert "hỏng.png: not an image file" in res.stderr
    assert "0 processed, 1 already done, 1 failed" in res.stdout
