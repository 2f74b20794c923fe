"""What a batch's fork server and workers load, and what they leave until a page needs it (issue 16, session 30).

Each worker is forked from the fork server (archivist/warm.py) and pays, once, whatever its first page loads
that the server did not; the server pays what it imports once a batch. Both are CPU a short batch pays beside
its pages (bench/RESULTS.md, "A batch's fixed cost, third round (session 30)"). Real Tesseract models, real
imports in fresh interpreters."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _run(code: str) -> list[str]:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT,
                         timeout=120)
    return out.stdout.split("\n")


def test_osd_is_loaded_when_first_asked_not_when_made() -> None:
    from archivist.osd import _UNLOADED, Osd
    from tests.textpage import scan, text_page

    osd = Osd()
    if osd.path is None:
        pytest.skip("Tesseract's osd.traineddata is not installed")
    assert osd._api is _UNLOADED  # made, nothing loaded
    im, _ = text_page(150, seed=4, lines=14)
    said = osd.detect(scan(im, 0.0, 180, seed=1), 150)
    assert osd._api is not _UNLOADED and osd.api is not None  # the model came with the first question
    assert said is not None and said.turned == 180


def test_a_worker_reads_an_upright_page_with_what_the_server_loaded(tmp_path: Path) -> None:
    """The page stage as a worker runs it, after the fork server's preload: a plainly upright page is read
    without OSD, so the worker never loads its model (0.06-0.07 CPU s a worker a batch before session 30),
    and without importing any NumPy module of its own (0.013 CPU s a worker)."""
    from tests.textpage import text_page

    im, _ = text_page(300, seed=2, lines=20)
    im.save(tmp_path / "page.png", dpi=(300, 300))
    lines = _run("import sys, archivist.warm\n"
                 "from pathlib import Path\n"
                 "from archivist import pagework\n"
                 "from archivist.models import PageRef, PageTask\n"
                 "from archivist.osd import _UNLOADED\n"
                 "before = set(sys.modules)\n"
                 f"r = pagework.process_page(PageTask(0, 1, PageRef(Path({str(tmp_path / 'page.png')!r}), 'image'), "
                 "'tesserocr', 'vie'))\n"
                 "print(r.orientation_decision, 'osd' in r.orientation_evidence, bool(r.words))\n"
                 "print(pagework._OSD is None or pagework._OSD._api is _UNLOADED)\n"
                 "print(sorted(m for m in set(sys.modules) - before if m.startswith('numpy')))\n")
    assert lines[:3] == ["upright False True", "True", "[]"]


def test_the_page_stage_imports_no_cross_check() -> None:
    """markheight (page stage) names the same fields as nametwin (document stage) without importing it: nametwin
    imports the cross-check, and with it most of the document stage, into the fork server."""
    from archivist import fields, markheight, nametwin

    assert markheight.NAME_FIELDS is nametwin.NAME_FIELDS is fields.NAME_FIELDS
    lines = _run("import sys, archivist.pagework\n"
                 "print(sorted(m for m in ('archivist.nametwin', 'archivist.crosscheck', 'archivist.civil', "
                 "'archivist.classify', 'archivist.listflags', 'archivist.wordpairs') if m in sys.modules))\n")
    assert lines[0] == "[]"


def test_the_commands_fork_server_imports_the_cli_its_workers_run_again() -> None:
    """Each worker of ``archivist process`` runs the command's script again as its main module (multiprocessing's
    way), importing archivist.cli and click: the command's fork server imports them once for all its workers; a
    library caller's pool does not (its workers run the caller's script)."""
    lines = _run("import sys; sys.argv = ['archivist', 'process', 'x', '-a', 'y', '-w', '2']\n"
                 "import archivist.cli\n"
                 "from multiprocessing import forkserver\n"
                 "print(forkserver._forkserver._preload_modules)\n")
    assert lines[0] == "['archivist.warm', 'archivist.cli']"
    from archivist import forkstart

    assert forkstart.PRELOAD == ("archivist.warm",) and forkstart.CLI_PRELOAD == ("archivist.warm", "archivist.cli")


def test_python_m_archivist_cli_leaves_the_cli_to_multiprocessing() -> None:
    """Run as ``python -m archivist.cli``, the fork server imports archivist.cli itself as its ``__mp_main__``;
    preloaded too, runpy would warn on every batch's stderr (tests/test_bad_input.py reads it for stray lines)."""
    from archivist import forkstart

    lines = _run("import sys, importlib.machinery\n"
                 "sys.modules['__main__'].__spec__ = importlib.machinery.ModuleSpec('archivist.cli', None)\n"
                 "from archivist.forkstart import command_preload\n"
                 "print(command_preload())\n")
    assert lines[0] == str(forkstart.PRELOAD)
    assert forkstart.command_preload() == forkstart.CLI_PRELOAD  # pytest's own main is no archivist.cli


def test_the_server_loads_without_collecting_and_leaves_the_collector_on() -> None:
    """The fork server's preload runs with the collector off (its objects live as long as the server), and
    leaves it on and what it loaded frozen, so every worker forked from it collects its pages' garbage."""
    lines = _run("import gc\n"
                 "runs = []\n"
                 "import archivist\n"  # the package first: what the preload does is counted alone
                 "gc.callbacks.append(lambda phase, info: runs.append(phase))\n"
                 "import archivist.warm\n"
                 "print(gc.isenabled(), gc.get_freeze_count() > 10000, runs.count('start'))\n")
    enabled, frozen, collections = lines[0].split()
    # one collection may come while warm.py itself is compiled, when no bytecode is kept, before its first line
    # runs; with the collector on through the preload there were 75-80
    assert (enabled, frozen) == ("True", "True") and int(collections) <= 1


def test_the_command_imports_without_collecting_and_leaves_the_collector_on() -> None:
    """Session 31: the main process imports the command and, in ``archivist process``, the pipeline with the collector
    held off (archivist/gcpause.py), their objects frozen after; the collector is on for the batch (24 collections
    in these imports before, 33 more in the pipeline's)."""
    lines = _run("import gc, sys\n"
                 "runs = []\n"
                 "import archivist\n"
                 "gc.callbacks.append(lambda phase, info: runs.append(phase))\n"
                 "sys.argv = ['archivist', '--help']\n"  # no fork server started by the import
                 "import archivist.cli\n"
                 "print(gc.isenabled(), gc.get_freeze_count() > 10000, runs.count('start'))\n"
                 "from archivist import gcpause\n"
                 "on = gcpause.pause()\n"
                 "import archivist.pipeline\n"
                 "gcpause.resume(on)\n"
                 "print(gc.isenabled(), runs.count('start'))\n"
                 "gc.disable()\n"  # a caller that holds the collector off keeps it off
                 "gcpause.resume(gcpause.pause())\n"
                 "print(gc.isenabled())\n")
    enabled, frozen, collections = lines[0].split()
    # two collections may come while gcpause.py and cli.py are compiled, when no bytecode is kept
    assert (enabled, frozen) == ("True", "True") and int(collections) <= 2
    enabled, collections_after = lines[1].split()
    assert enabled == "True" and int(collections_after) - int(collections) <= 1
    assert lines[2] == "False"
