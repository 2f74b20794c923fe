"""The batch's problems on stderr: plain lines when piped, told without importing rich (issue 16, session 42).

Why: ``_print_problems`` imported rich's console and table (25 CPU ms of the main process a batch) only to learn
that stderr was no terminal and print plain lines. ``_plain_stderr`` tells the same from the environment and the
stream; whenever rich might see a terminal (``FORCE_COLOR``, ``TTY_COMPATIBLE``, a tty) rich decides, as before.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from archivist import cli

ROOT = Path(__file__).resolve().parent.parent

_SCRIPT = """
import sys
from archivist import cli
from archivist.models import BatchReport, Failure
r = BatchReport(archive="/tmp/nowhere-archive")
r.failures.append(Failure("in/scan.jpg", "not an image", "ingest"))
r.skipped_files.append("in/notes.txt")
cli._print_problems(r)
print("rich" in sys.modules)
"""


def _run(env_extra: dict[str, str]) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE")}
    env.update(env_extra, PYTHONPATH=str(ROOT), COLUMNS="120")
    return subprocess.run([sys.executable, "-c", _SCRIPT], env=env, capture_output=True, text=True, check=True,
                          cwd="/tmp")


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


class _Closed(io.StringIO):
    def isatty(self) -> bool:
        raise ValueError("I/O operation on closed file")


@pytest.fixture
def no_colour_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("TTY_COMPATIBLE", raising=False)
    return monkeypatch


def test_plain_when_piped_and_nothing_forces_colour(no_colour_env: pytest.MonkeyPatch) -> None:
    no_colour_env.setattr(sys, "stderr", io.StringIO())
    assert cli._plain_stderr()
    no_colour_env.setattr(sys, "stderr", _Closed())  # rich: no terminal either
    assert cli._plain_stderr()


@pytest.mark.parametrize(("name", "value"), [("FORCE_COLOR", "1"), ("FORCE_COLOR", ""), ("TTY_COMPATIBLE", "1"),
                                             ("TTY_COMPATIBLE", "0")])
def test_rich_decides_when_the_environment_speaks(no_colour_env: pytest.MonkeyPatch, name: str, value: str) -> None:
    no_colour_env.setattr(sys, "stderr", io.StringIO())
    no_colour_env.setenv(name, value)
    assert not cli._plain_stderr()


def test_rich_decides_on_a_tty(no_colour_env: pytest.MonkeyPatch) -> None:
    no_colour_env.setattr(sys, "stderr", _Tty())
    assert not cli._plain_stderr()


def test_piped_problems_are_plain_lines_without_rich() -> None:
    got = _run({})
    assert got.stderr.splitlines() == ["error: in/scan.jpg: not an image",
                                       "skipped: in/notes.txt: not a scan (left alone)"]
    assert got.stdout.strip() == "False"


def test_forced_colour_still_draws_rich_table() -> None:
    got = _run({"FORCE_COLOR": "1"})
    assert "Batch report (also in report.json)" in got.stderr
    assert "in/scan.jpg" in got.stderr and "not an image" in got.stderr
    assert got.stdout.strip() == "True"


def test_tty_compatible_zero_is_plain_as_rich_says() -> None:
    """rich reads TTY_COMPATIBLE=0 as no terminal: the same plain lines, rich asked (and imported) as before."""
    got = _run({"TTY_COMPATIBLE": "0"})
    assert got.stderr.splitlines() == ["error: in/scan.jpg: not an image",
                                       "skipped: in/notes.txt: not a scan (left alone)"]
    assert got.stdout.strip() == "True"
