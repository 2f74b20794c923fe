"""An install that works anywhere (issue 15, item 7): the schemas and all data are package data.

The wheel itself is built, installed into a fresh environment and run by scripts/wheel-check.sh
(``make test`` runs it before pytest); these quick checks keep a new data file from missing the wheel.
"""

from __future__ import annotations

import fnmatch
import shutil
import subprocess
import tomllib
from importlib.resources import files
from pathlib import Path

import pytest

from archivist.schemas import KINDS, schema_dir
from tests.conftest import ROOT

PACKAGE = ROOT / "archivist"


def test_schemas_are_found_inside_the_package() -> None:
    assert schema_dir() == Path(str(files("archivist") / "schemas")) == PACKAGE / "schemas"
    for kind in KINDS:
        assert (schema_dir() / f"{kind}.schema.json").is_file(), kind


def test_top_level_schemas_is_a_link_to_the_package_folder() -> None:
    top = ROOT / "schemas"
    assert top.is_symlink() and top.resolve() == (PACKAGE / "schemas").resolve()
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    mode = subprocess.run(["git", "ls-files", "-s", "schemas"], cwd=ROOT, capture_output=True, text=True,
                          check=True).stdout.split(" ", 1)[0]
    assert mode == "120000", "git must keep schemas/ as a link, not as copies of the files"


def test_every_data_file_is_declared_package_data() -> None:
    """Every non-Python file under archivist/ matches a package-data pattern, so the wheel carries it."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["archivist"]
    data = [p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*")
            if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts]
    assert any(d.startswith("schemas/") for d in data) and any(d.startswith("data/") for d in data)
    missing = [d for d in data if not any(fnmatch.fnmatch(d, pat) and d.count("/") == pat.count("/")
                                          for pat in patterns)]
    assert not missing, f"add these to [tool.setuptools.package-data] in pyproject.toml: {missing}"
