"""The timed tree's modules compiled to bytecode before a bench times them (issue 16, session 25).

Why: this environment sets ``PYTHONDONTWRITEBYTECODE=1`` and the trees the benches time (a worktree, a copy made
with ``git archive``) hold no ``__pycache__``, so every batch's main process and fork server compiled archivist's
107 modules from source: ≈ 0.1 CPU s a batch in the main process alone (bench/RESULTS.md, issue 16, sessions 24
and 25). A user's box does not pay that: ``pip install`` compiles a wheel's modules as it installs them, and any
run without that variable writes the bytecode on its first import. So the benches compile the package they time
once before their first run (both trees of an A/B alike: a tree with bytecode against one without is biased by
that 0.1 s); ``--source`` keeps the earlier figures' way. Stale bytecode cannot be timed instead of the source:
Python checks each file's size and modification time against its source and compiles again when they differ.
"""

from __future__ import annotations

import compileall
import importlib.util
import os
from pathlib import Path


def imported_package() -> Path:
    """The ``archivist`` package the benches' runs import: the first on ``PYTHONPATH`` (their scripts are run by
    path from ``bench/``, which holds none), else the installed one. Not this process's ``sys.path``: under
    ``python -m`` it starts with the current folder, which the runs do not search."""
    for entry in filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep)):
        if (Path(entry) / "archivist" / "__init__.py").is_file():
            return (Path(entry) / "archivist").resolve()
    spec = importlib.util.find_spec("archivist")
    if spec is None or spec.origin is None:
        raise SystemExit("archivist is not importable here")
    return Path(spec.origin).parent


def compile_package(package: Path) -> None:
    """Write the bytecode of every module under ``package`` (quietly; a module that does not compile fails)."""
    if not compileall.compile_dir(str(package), quiet=1):
        raise SystemExit(f"{package}: some module does not compile")
