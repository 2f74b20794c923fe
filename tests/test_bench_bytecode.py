"""bench/bytecode.py: the benches time a tree with its bytecode written, as an install has it (issue 16,
session 25), whatever PYTHONDONTWRITEBYTECODE says; a module that does not compile stops the bench."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.bytecode import compile_package, imported_package


def test_writes_every_modules_bytecode_with_writing_switched_off(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    for f in (pkg / "__init__.py", pkg / "a.py", pkg / "sub" / "__init__.py", pkg / "sub" / "b.py"):
        f.write_text("X = 1\n", encoding="utf-8")
    compile_package(pkg)
    for src in pkg.rglob("*.py"):
        assert Path(importlib.util.cache_from_source(str(src))).is_file(), src
    # and a fresh interpreter reads it back rather than compiling (its import finds the cached file)
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    code = "import pkg.sub.b, sys; print(pkg.sub.b.__cached__)"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    assert Path(out.strip()).is_file()


def test_a_module_that_does_not_compile_stops_the_bench(tmp_path: Path) -> None:
    (tmp_path / "bad.py").write_text("def (:\n", encoding="utf-8")
    with pytest.raises(SystemExit):
        compile_package(tmp_path)


def test_the_package_timed_is_the_one_imported(monkeypatch) -> None:
    import archivist

    monkeypatch.delenv("PYTHONPATH", raising=False)
    assert imported_package() == Path(archivist.__file__).parent


def test_the_package_timed_is_the_first_on_pythonpath(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "tree" / "archivist").mkdir(parents=True)
    (tmp_path / "tree" / "archivist" / "__init__.py").write_text("", encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(tmp_path / "none"), str(tmp_path / "tree")]))
    assert imported_package() == (tmp_path / "tree" / "archivist").resolve()
