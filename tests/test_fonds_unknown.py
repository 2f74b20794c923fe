"""``--fonds`` naming a fonds this archive does not hold (another archive's code, a slip of the keyboard): every
command that takes it refuses with one error line naming this archive's fonds codes, and under it one line per
fonds with its code and name, so the user can pick one (before, search, manifest, catalogue, bag and process said
only "this archive has no fonds 'X'" and left the user to run 'fonds list').

Unit tests of :func:`archivist.fonds.find_fonds`, and end to end through the real CLI (``python -m archivist.cli``)
on archives set up by ``archivist init`` for two real communes, with a scan for ``process``."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from archivist.adminunits import load_units
from archivist.fonds import FondsError, find_fonds, fonds_of_unit, load_fonds
from tests.test_lock import CLI, make_scans

#: this archive's fonds: Xã Yên Bình, Tỉnh Lào Cai (04714), made of four former units
OURS = {"M04714": "Ủy ban nhân dân xã Yên Bình", "C04714": "Ủy ban nhân dân thị trấn Yên Bình",
        "C04756": "Ủy ban nhân dân xã Tân Hương", "C04768": "Ủy ban nhân dân xã Đại Đồng",
        "C04777": "Ủy ban nhân dân xã Thịnh Hưng"}


def _cli(*args: object) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True, timeout=600, env=dict(os.environ))


def _check_listed(stderr: str, wanted: str) -> None:
    """One error line naming ``wanted`` and every code of this archive, then a line per fonds: code and name."""
    lines = stderr.splitlines()
    errors = [i for i, line in enumerate(lines) if line.startswith("error:")]
    assert len(errors) == 1, stderr
    first = lines[errors[0]]
    assert f"this archive has no fonds {wanted!r}" in first and "give one of its 5 fonds by code or name" in first
    assert all(code in first for code in OURS), first
    listed = lines[errors[0] + 1:]
    assert len(listed) == len(OURS), stderr
    for line, (code, name) in zip(listed, OURS.items(), strict=True):
        assert line.startswith(f"  {code} {name} ("), line


def test_find_fonds_names_the_fonds_there_are() -> None:
    lists = load_units()
    ours = fonds_of_unit(lists, lists.resolve("04714"))
    theirs = fonds_of_unit(lists, lists.resolve("00004"))
    with pytest.raises(FondsError) as e:
        find_fonds(ours, theirs[0].code)
    assert str(e.value) == ("this archive has no fonds 'M00004': give one of its 5 fonds by code or name "
                            "(M04714, C04714, C04756, C04768, C04777)")
    assert [d.split(" (")[0] for d in e.value.details] == [f"{c} {n}" for c, n in OURS.items()]
    with pytest.raises(FondsError) as none:
        find_fonds([], "C04756")
    assert "it has none: run 'archivist init'" in str(none.value) and none.value.details == []


@pytest.fixture(scope="module")
def archives(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """This archive (04714), another commune's (00004), and a folder holding one scan."""
    base = tmp_path_factory.mktemp("fondsunknown")
    for folder, commune in (("ours", "04714"), ("theirs", "00004")):
        res = _cli("init", "--archive", base / folder, "--commune", commune)
        assert res.returncode == 0, res.stderr
    return base / "ours", base / "theirs", make_scans(base / "scans", 1, seed=150)


@pytest.mark.parametrize("command", ["search", "manifest", "catalogue", "bag", "process"])
def test_every_command_taking_fonds_lists_this_archives_fonds(archives: tuple[Path, Path, Path], command: str,
                                                              tmp_path: Path) -> None:
    ours, theirs, scans = archives
    other = load_fonds(theirs)[0].code  # another archive's fonds
    assert other == "M00004" and other not in OURS
    args = {"search": ["search", "xa"], "manifest": ["manifest"], "catalogue": ["catalogue", "--out", tmp_path / "c"],
            "bag": ["bag", "--out", tmp_path / "bag"], "process": ["process", scans, "--workers", "1"]}[command]
    before = sorted(p.relative_to(ours) for p in ours.rglob("*"))
    res = _cli(*args, "--archive", ours, "--fonds", other)
    assert res.returncode == 2, res.stderr
    _check_listed(res.stderr, other)
    assert sorted(p.relative_to(ours) for p in ours.rglob("*")) == before, "nothing is written"


def test_the_json_error_carries_the_fonds_too(archives: tuple[Path, Path, Path]) -> None:
    ours, _, _ = archives
    res = _cli("search", "xa", "--archive", ours, "--fonds", "Hà Nội", "--json")
    assert res.returncode == 2
    out = json.loads(res.stdout)
    assert out["exit_code"] == 2 and "(M04714, C04714, C04756, C04768, C04777)" in out["error"]
    assert [d.split(" (")[0] for d in out["details"]] == [f"{c} {n}" for c, n in OURS.items()]
