"""The command line as a first-time user and a script meet it, beyond tests/test_cli_scripts.py.

``--json`` on the commands that change an archive (``review import``, ``fonds add`` / ``set`` / ``drop``): a script
reads what was done on stdout as one JSON document, and a refusal as ``{"error", "details", "exit_code"}`` with the
same one line on stderr. A command group run bare (``archivist fonds``) prints its help and exits 0. ``catalogue``
says in plain words which retention schedule it uses. Real ``archivist init`` (the unit lists) and a real
``process`` of one page (Tesseract, SQLite FTS5) make the archive.
"""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from archivist.cli import _register_optional, main
from archivist.retention import load_schedule
from tests.badinput import _encoded, small_page
from tests.test_commit_path import _sheet


def _cli(*args: object) -> tuple[int, str, str]:
    res = CliRunner().invoke(main, [str(a) for a in args], prog_name="archivist")
    return res.exit_code, res.stdout, res.stderr


def _json_error(code: int, out: str, err: str, exit_code: int = 2) -> dict:
    assert code == exit_code, (out, err)
    error = json.loads(out)
    assert set(error) == {"error", "details", "exit_code"} and error["exit_code"] == exit_code
    assert err.splitlines()[0] == f"error: {error['error']}"
    return error


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An archive of commune 04714 holding one processed page."""
    base = tmp_path_factory.mktemp("json-edits")
    (base / "scans").mkdir()
    (base / "scans" / "trang.jpg").write_bytes(_encoded(small_page(200, seed=31, lines=4), "JPEG", quality=85,
                                                         dpi=(200, 200)))
    archive = base / "archive"
    code, _out, err = _cli("init", "--archive", archive, "--commune", "04714")
    assert code == 0, err
    code, _out, err = _cli("process", base / "scans", "--archive", archive, "--workers", 1, "--quiet")
    assert code == 0, err
    return archive


def test_fonds_add_set_drop_print_json(archive: Path) -> None:
    code, out, err = _cli("fonds", "add", "--archive", archive, "--code", "DU01", "--name", "Đảng ủy xã Yên Bình",
                          "--start", "2025-07-01", "--json")
    assert code == 0, err
    added = json.loads(out)
    assert added["fonds"]["code"] == "DU01" and added["fonds"]["status"] == "open"
    assert added["fonds"]["name"] == "Đảng ủy xã Yên Bình" and added["fonds"]["start_date"] == "2025-07-01"
    assert json.loads(Path(added["path"]).read_text(encoding="utf-8")) == added["fonds"]  # what was written

    code, out, err = _cli("fonds", "set", "DU01", "--archive", archive, "--notes", "Tài liệu bị ẩm", "--by", "Lan",
                          "--json")
    assert code == 0, err
    changed = json.loads(out)
    assert changed["changed"] == ["notes"] and changed["fonds"]["notes"] == "Tài liệu bị ẩm"
    assert changed["fonds"]["changes"][-1]["by"] == "Lan"

    code, out, err = _cli("fonds", "drop", "DU01", "--archive", archive, "--json")
    assert code == 0, err
    assert json.loads(out)["dropped"]["code"] == "DU01" and not Path(added["path"]).exists()


@pytest.mark.parametrize("args", [
    ["fonds", "add", "--code", "C04714", "--name", "Trùng mã"],  # the code is taken
    ["fonds", "add", "--code", "X1"],  # no --name
    ["fonds", "set", "C04714"],  # nothing to change
    ["fonds", "set", "KHONG-CO", "--notes", "x"],  # no such fonds
    ["fonds", "drop", "KHONG-CO"],
])
def test_a_refused_fonds_edit_under_json_is_one_json_object(archive: Path, args: list[str]) -> None:
    before = sorted(p.read_bytes() for p in (archive / "fonds").glob("*.json"))
    error = _json_error(*_cli(*args, "--archive", archive, "--json"))
    assert error["error"]
    plain = _cli(*args, "--archive", archive)
    assert plain[0] == 2 and plain[1] == "" and plain[2].splitlines()[0] == f"error: {error['error']}"
    assert sorted(p.read_bytes() for p in (archive / "fonds").glob("*.json")) == before  # nothing written


def test_review_import_prints_json(archive: Path, tmp_path: Path) -> None:
    (doc,) = [json.loads(p.read_text(encoding="utf-8")) for p in (archive / "documents").glob("*.json")]
    sheet = _sheet(tmp_path / "review.csv", [
        {"document_id": doc["id"], "field": "signer", "corrected_value": "Trần Văn An"},
        {"document_id": "doc-khong-co", "field": "subject", "corrected_value": "x"},
    ])
    code, out, err = _cli("review", "import", sheet, "--archive", archive, "--reviewer", "Lan", "--json")
    assert code == 1, err  # one row could not be applied: the exit code says so, the JSON says which
    result = json.loads(out)
    assert result["sheet"] == str(sheet) and result["applied"] == 1 and result["documents"] == [doc["id"]]
    (error,) = result["errors"]
    assert "row 3" in error and "doc-khong-co" in error and f"error: {error}" in err.splitlines()
    assert result["warnings"] == []
    after = json.loads((archive / "documents" / f"{doc['id']}.json").read_text(encoding="utf-8"))
    assert after["metadata"]["signer"] == "Trần Văn An" and after["history"][-1]["reviewer"] == "Lan"


def test_review_import_refusal_under_json(archive: Path, tmp_path: Path) -> None:
    not_a_sheet = tmp_path / "ghi chú.csv"
    not_a_sheet.write_text("a,b\n1,2\n", encoding="utf-8")
    error = _json_error(*_cli("review", "import", not_a_sheet, "--archive", archive, "--json"))
    assert error["error"].startswith(f"{not_a_sheet} is not a review sheet: ")
    _json_error(*_cli("review", "import", not_a_sheet, "--archive", tmp_path / "none", "--json"))


def _groups() -> dict[str, click.Group]:
    """Every command group by the words a person types (``""`` for ``archivist`` itself)."""
    _register_optional()
    found: dict[str, click.Group] = {}

    def walk(prefix: str, group: click.Group) -> None:
        found[prefix.strip()] = group
        for name, cmd in group.commands.items():
            if isinstance(cmd, click.Group):
                walk(f"{prefix}{name} ", cmd)

    walk("", main)
    return found


def test_every_group_run_bare_prints_its_help_and_exits_0() -> None:
    groups = _groups()
    assert {"", "fonds", "review"} <= set(groups)
    for name in groups:
        bare = CliRunner().invoke(main, name.split(), prog_name="archivist")
        helped = CliRunner().invoke(main, [*name.split(), "--help"], prog_name="archivist")
        assert bare.exit_code == 0, (name, bare.output)
        assert bare.stdout == helped.stdout and bare.stderr == "", name  # the help, on stdout: nothing went wrong
        assert "Commands:" in bare.stdout and ("Example" in bare.stdout or "Typical session" in bare.stdout), name


def test_archivist_fonds_alone_through_the_real_cli() -> None:
    res = subprocess.run([sys.executable, "-m", "archivist.cli", "fonds"], capture_output=True, text=True)
    assert res.returncode == 0 and res.stderr == ""
    assert res.stdout.startswith("Usage: ") and all(f"  {c} " in res.stdout for c in ("list", "add", "set", "drop"))


def test_the_schedule_in_force_is_said_plainly(tmp_path: Path) -> None:
    built_in = load_schedule()
    assert built_in.describe() == f"Using the retention schedule built into archivist ({len(built_in.entries)} series)"
    own = tmp_path / "lịch bảo quản.json"
    own.write_text(json.dumps({"schedule_version": 1, "entries": [
        {"series": "correspondence", "period": 15, "basis": [{"instrument": "Quyết định 3/QĐ-UBND", "item": "Mục 2"}]},
    ]}, ensure_ascii=False), encoding="utf-8")
    assert load_schedule(own).describe() == (f"Using the retention schedule built into archivist and your own, {own} "
                                             f"({len(built_in.entries)} series; overrides correspondence)")


def test_catalogue_names_the_schedule_it_uses(archive: Path, tmp_path: Path) -> None:
    n = len(load_schedule().entries)
    code, out, err = _cli("catalogue", "--archive", archive, "--out", tmp_path / "muc-luc", "--json")
    assert code == 0, err
    assert json.loads(out)["dossiers"] == 1
    assert err.splitlines()[0] == f"Using the retention schedule built into archivist ({n} series)"
    assert "(built-in)" not in err


def test_one_pattern_cuts_names_into_words() -> None:
    """The word patterns are written once (archivist/tokens.py) and every module that cut words with one uses that
    one: a run of word characters (``\\w+``), of letters and digits (``[^\\W_]+``), of letters (the words of a name)."""
    import ast

    from archivist import (
        chardoubt,
        civil,
        faintflags,
        highland,
        index_pg,
        lexicon,
        marks,
        nameread,
        namerival,
        nametwin,
        structflags,
        textnorm,
        tokens,
        unlisted,
        wordingflags,
    )

    package = Path(tokens.__file__).parent
    for pattern in (r"[^\W\d_]+", r"\w+", r"[^\W_]+"):
        defined = sorted(p.name for p in package.glob("*.py") for node in ast.walk(ast.parse(p.read_text("utf-8")))
                         if isinstance(node, ast.Constant) and node.value == pattern)
        assert defined == ["tokens.py"], pattern
    assert all(m.LETTERS is tokens.LETTERS for m in (lexicon, civil, highland, nameread, namerival, nametwin,
                                                     structflags, unlisted, wordingflags))
    assert all(m.WORD is tokens.WORD for m in (lexicon, marks, index_pg))
    assert all(m.ALNUM is tokens.ALNUM for m in (chardoubt, faintflags, textnorm))
    assert tokens.LETTERS.findall("Lò Văn Đức-2, Nguyễn_Thị") == ["Lò", "Văn", "Đức", "Nguyễn", "Thị"]
    assert tokens.ALNUM.findall("Lò Văn Đức-2, Nguyễn_Thị") == ["Lò", "Văn", "Đức", "2", "Nguyễn", "Thị"]
    assert tokens.WORD.findall("Lò Văn Đức-2, Nguyễn_Thị") == ["Lò", "Văn", "Đức", "2", "Nguyễn_Thị"]
    assert textnorm.exact_tokens("U.B.N.D xã, Q.Đ số 45") == ["ubnd", "xã", "qđ", "số", "45"]  # dotted capitals: one


def _every_command() -> dict[str, click.Command]:
    _register_optional()
    found: dict[str, click.Command] = {}
    for prefix, group in _groups().items():
        for name, cmd in group.commands.items():
            found[f"{prefix} {name}".strip()] = cmd
    return found


def test_every_help_reads_as_plain_text_with_its_examples_whole() -> None:
    """No option shows a format string (Click's [%Y-%m-%d]) where a person expects YYYY-MM-DD, and every example
    line of a command's help is printed as one line, as written (not run together with the next by rewrapping)."""
    for name, cmd in _every_command().items():
        out = CliRunner().invoke(main, [*name.split(), "--help"], prog_name="archivist").stdout
        assert "%" not in out, name
        lines = {line.strip() for line in out.splitlines()}
        examples = [line.strip() for line in (cmd.epilog or "").splitlines() if line.strip().startswith("archivist ")]
        assert examples, f"{name}: no example"
        assert all(example in lines for example in examples), (name, examples)
    top = CliRunner().invoke(main, ["--help"], prog_name="archivist").stdout
    assert "archivist COMMAND --help" in " ".join(top.split())
    fonds_add = CliRunner().invoke(main, ["fonds", "add", "--help"], prog_name="archivist").stdout
    assert "--start YYYY-MM-DD" in fonds_add and "--end YYYY-MM-DD" in fonds_add


def _examples(text: str) -> list[list[str]]:
    """The example command lines of a help text (a line continued with ``\\`` read whole), each as its words."""
    joined = re.sub(r"\\\n\s*", " ", text)
    return [shlex.split(line, comments=True) for line in joined.splitlines() if line.strip().startswith("archivist ")]


def test_every_option_of_every_command_and_group_has_an_example() -> None:
    """Each option is shown in use: on an example line of its command's help (its epilog; the top group's own
    help for ``archivist`` itself) or in its own help text (``e.g. --start 2025-07-01``)."""
    targets = {**_every_command(), **_groups()}
    assert {"", "init", "fonds", "fonds add", "process", "supersede"} <= set(targets)
    missing = []
    for name, cmd in targets.items():
        lines = _examples((cmd.epilog or "") + "\n" + (cmd.help or ""))
        for param in cmd.params:
            if not isinstance(param, click.Option) or param.name == "help":
                continue
            shown = any(word == opt or word.startswith(opt + "=")
                        for line in lines for word in line for opt in param.opts)
            if not shown and not re.search(r"\be\.g\.|Example", param.help or ""):
                missing.append(f"archivist {name} {param.opts[0]}".replace("  ", " "))
    assert missing == []


def test_every_command_is_an_archivist_command() -> None:
    """Every command fails the archivist way (one line, JSON under --json), whichever module defines it."""
    from archivist.cli_common import ArchivistCommand, ArchivistGroup

    for name, cmd in {**_every_command(), **_groups()}.items():
        assert isinstance(cmd, ArchivistGroup if isinstance(cmd, click.Group) else ArchivistCommand), name


def test_init_fails_in_one_line_through_the_real_cli(tmp_path: Path) -> None:
    """``init`` where the archive cannot be made (its parent is a file): one line and exit 1, as every other
    command; it was a Python traceback."""
    (tmp_path / "a file").write_text("not a folder", encoding="utf-8")
    cmd = [sys.executable, "-m", "archivist.cli", "init", "--archive", "a file/archive", "--commune", "04714"]
    res = subprocess.run(cmd, capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert (res.returncode, res.stdout, res.stderr) == (1, "", "error: cannot create a file/archive: Not a directory\n")
    res = subprocess.run([*cmd, "--json"], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert res.returncode == 1 and json.loads(res.stdout) == {
        "error": "cannot create a file/archive: Not a directory", "details": [], "exit_code": 1}
    assert not (tmp_path / "a file" / "archive").exists() and (tmp_path / "a file").read_text() == "not a folder"
