"""The local pool's workers run the code the command runs, whatever folder it is started from.

Why: Python 3.11 starts the fork server as ``python -c …``, whose import path opens with the current folder, and
does not apply the parent's path before importing the preloaded page stage (archivist/forkstart.py,
:func:`~archivist.forkstart.parent_import_path`). Started from a folder holding an ``archivist`` package (another
checkout, an unpacked older release), the command ran its own archivist and every worker the folder's. These
tests start real fork servers (the real page stage and Tesseract model preloaded) from such a folder, whose
package leaves a mark when imported, and check that no process imported it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.textpage import save_scan

ROOT = Path(__file__).resolve().parent.parent
PROBE = """
import archivist
from archivist.forkstart import forkserver_context
if __name__ == "__main__":
    with forkserver_context().Pool(1) as pool:
        print(archivist.__file__)
        print(pool.apply(eval, ("__import__('archivist').__file__",)))
        print(pool.apply(eval, ("__import__('sys').modules['archivist.warm'].__file__",)))
"""
LAUNCHER = "import sys\nfrom archivist.cli import main\nif __name__ == '__main__':\n    sys.exit(main())\n"


def _other_checkout(folder: Path) -> Path:
    """A folder holding an ``archivist`` package that writes ``imported-here`` beside it when imported."""
    pkg = folder / "archivist"
    pkg.mkdir(parents=True)
    (pkg / "__init__.py").write_text("from pathlib import Path\n(Path(__file__).parent.parent / 'imported-here')"
                                     ".write_text('archivist')\n", encoding="utf-8")
    (pkg / "warm.py").write_text("", encoding="utf-8")
    return folder


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), *filter(None, [env.get("PYTHONPATH")])])
    return env


def test_workers_import_the_callers_archivist_not_the_current_folders(tmp_path: Path) -> None:
    cwd = _other_checkout(tmp_path / "checkout")
    script = tmp_path / "bin" / "probe.py"  # a script's own folder, not the current one, opens its path
    script.parent.mkdir()
    script.write_text(PROBE, encoding="utf-8")
    run = subprocess.run([sys.executable, str(script)], cwd=cwd, env=_env(), capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 0, run.stderr
    parent, worker, warm = run.stdout.split()
    assert parent == str(ROOT / "archivist" / "__init__.py")
    assert worker == parent and warm == str(ROOT / "archivist" / "warm.py")
    assert not (cwd / "imported-here").exists()


def test_parent_import_path_is_restored(monkeypatch: pytest.MonkeyPatch) -> None:
    from archivist.forkstart import parent_import_path

    monkeypatch.setenv("PYTHONPATH", "/somewhere")
    monkeypatch.delenv("PYTHONSAFEPATH", raising=False)
    with parent_import_path():
        assert os.environ["PYTHONSAFEPATH"] == "1"
        assert os.environ["PYTHONPATH"].split(os.pathsep)[:len(sys.path)] == [
            os.path.abspath(p) if p else os.getcwd() for p in sys.path]
    assert os.environ["PYTHONPATH"] == "/somewhere" and "PYTHONSAFEPATH" not in os.environ


@pytest.mark.slow
def test_archivist_process_started_in_another_checkout_runs_its_own_code(tmp_path: Path) -> None:
    """The user's case, through the command as installed (a launcher like the ``archivist`` script pip writes):
    two workers, so the pages go to the fork server's workers."""
    cwd = _other_checkout(tmp_path / "checkout")
    scans = tmp_path / "scans"
    scans.mkdir()
    for n in (1, 2):
        save_scan(scans / f"trang-{n}.jpg", seed=n)
    launcher = tmp_path / "bin" / "archivist"
    launcher.parent.mkdir()
    launcher.write_text(LAUNCHER, encoding="utf-8")
    run = subprocess.run([sys.executable, str(launcher), "process", str(scans), "--archive", str(tmp_path / "out"),
                          "--workers", "2", "--quiet"], cwd=cwd, env=_env(), capture_output=True, text=True,
                         timeout=600)
    assert run.returncode == 0, run.stderr
    assert "Documents: 2 processed" in run.stdout
    assert not (cwd / "imported-here").exists()
