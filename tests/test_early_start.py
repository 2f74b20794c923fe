"""``archivist process`` starts its fork server from the command line, before the CLI's imports
(archivist/forkstart.py ``early_options``, called at the top of archivist/cli.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from archivist.forkstart import default_workers, early_options

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(("args", "expected"), [
    (["process", "scans", "--archive", "a"], (default_workers(), 600.0)),
    (["process", "scans", "-a", "a", "--workers", "2"], (2, 600.0)),
    (["process", "scans", "-a", "a", "--workers=3", "--page-timeout", "30"], (3, 30.0)),
    (["process", "scans", "-a", "a", "-w4", "-w", "1"], (1, 600.0)),  # the last value counts, as in click
    (["process", "scans", "-a", "a", "-w", "1", "--page-timeout", "5"], (1, 5.0)),  # one worker, still a pool
    (["process", "scans", "-a", "a", "--executor", "local", "-w", "2"], (2, 600.0)),
])
def test_a_local_pool_is_read_from_the_words(args, expected):
    assert early_options(args) == expected


@pytest.mark.parametrize("args", [
    [],
    ["search", "quyet dinh", "--archive", "a"],
    ["process", "--help"],
    ["process", "scans", "-a", "a", "-h"],
    ["process", "scans", "-a", "a", "--executor", "dask", "--scheduler", "tcp://h:1"],
    ["process", "scans", "-a", "a", "--executor=dask-local"],
    ["process", "scans", "-a", "a", "--workers", "1", "--page-timeout", "0"],  # inline: no pool at all
    ["process", "scans", "-a", "a", "--workers", "two"],  # click will say what is wrong, not this
])
def test_anything_else_starts_nothing(args):
    assert early_options(args) is None


def test_importing_the_cli_for_process_starts_the_fork_server_first():
    """The real import path: the fork server is started before ``click`` is imported, and is running after."""
    code = ("import sys; sys.argv = ['archivist', 'process', 'x', '-a', 'y', '-w', '2']\n"
            "import archivist.forkstart as ex\n"
            "start = ex.start_early\n"
            "ex.start_early = lambda *a: (print('click' in sys.modules), start(*a))\n"
            "import archivist.cli\n"
            "from multiprocessing import forkserver\n"
            "print(forkserver._forkserver._forkserver_pid is not None)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT, timeout=60)
    assert out.stdout.split() == ["False", "True"]


def test_workers_of_python_m_archivist_cli_start_no_server_of_their_own(tmp_path):
    """Run as ``python -m archivist.cli``, each worker imports the CLI again as its main module (with the
    command's argv): it must not start a fork server there (it did, and every page failed)."""
    scans = tmp_path / "scans"
    scans.mkdir()
    Image.new("L", (400, 300), 255).save(scans / "blank.png", dpi=(200, 200))  # a real page, quick to read
    cmd = [sys.executable, "-m", "archivist.cli", "process", str(scans), "--archive", str(tmp_path / "a"),
           "--workers", "1", "--json"]
    res = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=120)
    report = json.loads(res.stdout)
    assert report["failures"] == [] and len(report["documents"]) == 1, report["failures"]


def test_the_other_commands_are_imported_only_when_asked_for():
    """``archivist process`` (and each worker, which runs the script again) does not import the other stages'
    command modules; asking for the list of commands, or for one of them, still finds every one."""
    code = ("import sys; sys.argv = ['archivist', 'search', 'x']\n"
            "import archivist.cli as cli, click\n"
            "print(sorted(m for m in sys.modules if m.startswith('archivist.cli_') and m != 'archivist.cli_common'))\n"
            "print(cli.main.get_command(click.Context(cli.main), 'fonds').name)\n"
            "print(' '.join(cli.main.list_commands(click.Context(cli.main))))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT, timeout=60)
    before, fonds, names = out.stdout.splitlines()
    assert before == "[]" and fonds == "fonds"
    assert {"process", "search", "verify", "review", "report", "fonds", "init"} <= set(names.split())
