"""The plain schema walk (archivist/schemacheck.py) gives jsonschema's verdict, and never a "valid" that jsonschema
would not give: on every schema's example, on thousands of broken copies of them, and in a subprocess, a valid
record checked without importing jsonschema at all."""

from __future__ import annotations

import copy
import json
import os
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from archivist import schemas
from archivist.schemacheck import Unsure, Walk

EXAMPLES = Path(schemas.__file__).parent / "schemas" / "examples"
ROOT = Path(__file__).resolve().parent.parent


def jsonschema_valid(instance: Any, kind: str) -> bool:
    return not any(schemas.validator(kind).iter_errors(instance))


def walk_verdict(instance: Any, kind: str) -> bool | None:
    """The walk's verdict, None when it defers to jsonschema."""
    name, _, pointer = kind.partition("#")
    walk = Walk({schemas.URN + k: schemas.load_schema(k) for k in schemas.KINDS}, schemas.URN)
    try:
        return walk.valid(instance, {"$ref": schemas.URN + kind} if pointer else schemas.load_schema(kind),
                          schemas.URN + name)
    except Unsure:
        return None


def _paths(node: Any, at: tuple = ()) -> list[tuple]:
    """Every place in a JSON value (the value itself included)."""
    out = [at]
    if isinstance(node, dict):
        for k, v in node.items():
            out += _paths(v, (*at, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _paths(v, (*at, i))
    return out


#: what a broken writer might store instead of a value
REPLACEMENTS = ("", "x", "2024-02-30", "2024-2-3", "[", "ABC-12", "doc-ok", -1, 0, 1, 1.5, 1.0, 90, 361, 2.0e9,
                True, False, None, [], [1], ["a", "a"], {}, {"x": 1}, "0" * 64, "g" * 64)


def _mutants(example: Any, rng: random.Random, n: int) -> list[Any]:
    """``n`` copies of ``example``, each with one place replaced, removed or given an unknown key."""
    places = _paths(example)
    out = []
    for _ in range(n):
        doc = copy.deepcopy(example)
        at = rng.choice(places)
        if not at:
            continue
        parent = doc
        for p in at[:-1]:
            parent = parent[p]
        how = rng.random()
        if how < 0.15 and isinstance(parent, dict):
            del parent[at[-1]]
        elif how < 0.25 and isinstance(parent[at[-1]], dict):
            parent[at[-1]]["unknown_key"] = 1
        elif how < 0.3 and isinstance(parent[at[-1]], list):
            parent[at[-1]].append(copy.deepcopy(parent[at[-1]][0]) if parent[at[-1]] else 1)
        else:
            parent[at[-1]] = rng.choice(REPLACEMENTS)
        out.append(doc)
    return out


@pytest.mark.parametrize("kind", schemas.KINDS)
def test_the_walk_agrees_with_jsonschema_on_the_example_and_its_broken_copies(kind: str) -> None:
    example = json.loads((EXAMPLES / f"{kind}.json").read_text(encoding="utf-8"))
    if kind == "document":  # a word with the engine's rival characters too (the example has none)
        example["pages"][0]["words"][0] = [*example["pages"][0]["words"][0][:7], [[0, "ắ", 81.5, 12.0]]]
    assert walk_verdict(example, kind) is True
    rng = random.Random(kind)
    decided = invalid = 0
    for doc in _mutants(example, rng, 250):
        said = walk_verdict(doc, kind)
        truth = jsonschema_valid(doc, kind)
        if said is not None:
            decided += 1
            invalid += not truth
            assert said == truth, (kind, doc)
        assert (schemas.errors(doc, kind) == []) == truth
    assert decided > 200 and invalid > 40  # the copies do break the schema, and the walk decides nearly all


def test_a_definition_of_a_schema_is_checked_too() -> None:
    org = json.loads((EXAMPLES / "dossier.json").read_text(encoding="utf-8")).get("organisation")
    kind = "dossier#/$defs/organisation"
    if org is not None:
        assert walk_verdict(org, kind) is True
    assert walk_verdict({"name": 1}, kind) is False
    assert schemas.errors({"name": 1}, kind)


@pytest.mark.parametrize(("schema", "value"), [
    ({"type": "number"}, __import__("decimal").Decimal("1")),  # not a JSON value: jsonschema's checker decides
    ({"enum": [0, 1]}, True),  # jsonschema does not take True for 1
    ({"uniqueItems": True}, [[1], [1]]),
    ({"format": "email"}, "a@b"),
    ({"patternProperties": {"a": {}}, "additionalProperties": False}, {"a": 1}),
    ({"maxLength": 2}, "abc"),
])
def test_the_walk_defers_what_it_does_not_know(schema: dict, value: Any) -> None:
    with pytest.raises(Unsure):
        Walk({}, "urn:").valid(value, schema, "urn:x")


@pytest.mark.parametrize(("schema", "value", "valid"), [
    ({"type": "integer"}, 3.0, True), ({"type": "integer"}, True, False), ({"type": "number"}, False, False),
    ({"enum": [0, 90]}, 90.0, True), ({"enum": [None, 1]}, 0, False), ({"const": "a"}, "b", False),
    ({"format": "date"}, "2024-02-29", True), ({"format": "date"}, "2023-02-29", False),
    ({"format": "date"}, 5, True), ({"format": "regex"}, "(", False),
    ({"type": "array", "prefixItems": [{"type": "string"}], "items": False}, ["a", 1], False),
    ({"type": "array", "prefixItems": [{"type": "string"}], "items": False}, [], True),
    ({"oneOf": [{"type": "integer"}, {"type": "number"}]}, 1, False),
    ({"oneOf": [{"type": "integer"}, {"type": "string"}]}, 1, True),
    ({"exclusiveMinimum": 0}, 0, False), ({"minimum": 0}, "x", True),
    ({"propertyNames": {"pattern": "^a"}}, {"b": 1}, False),
    ({"properties": {"a": {}}, "additionalProperties": {"type": "string"}}, {"a": 1, "b": "x"}, True),
])
def test_the_walk_gives_jsonschemas_verdict(schema: dict, value: Any, valid: bool) -> None:
    assert Walk({}, "urn:").valid(value, schema, "urn:x") is valid
    assert Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER).is_valid(value) is valid


def _fresh(code: str, *args: str) -> subprocess.CompletedProcess:
    """``code`` in a fresh interpreter importing this tree, with the packaged schemas."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("ARCHIVIST_SCHEMAS", None)
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, cwd=ROOT)


def test_a_valid_record_is_checked_without_importing_jsonschema() -> None:
    code = (
        "import json, sys\n"
        "from archivist import schemas\n"
        f"rec = json.loads(open({str(EXAMPLES / 'document.json')!r}, encoding='utf-8').read())\n"
        "schemas.validate_record(rec)\n"
        "assert 'jsonschema' not in sys.modules and 'referencing' not in sys.modules, 'imported'\n"
        "rec['pages'][0]['dpi'] = 'abc'\n"
        "print(schemas.errors(rec, 'document')[0])\n"
    )
    out = _fresh(code)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "pages[0].dpi: 'abc' is not of type 'number'"


@pytest.mark.slow
def test_a_batch_writes_valid_records_without_importing_jsonschema(tmp_path: Path) -> None:
    """``archivist process`` on a real scan (Tesseract, pikepdf, SQLite): every record, the manifest and the
    archive's files are checked and written, and the main process never imports jsonschema (nor dask or psycopg)."""
    scans = tmp_path / "scans"
    scans.mkdir()
    (scans / "tb.jpg").write_bytes((ROOT / "samples" / "scans" / "05-tb-131-yen-binh.jpg").read_bytes())
    seen = tmp_path / "modules.json"
    code = (
        "import json, sys\n"
        "from archivist.cli import main\n"
        "out, scans, archive = sys.argv[1:]\n"
        "sys.argv = ['archivist', 'process', scans, '--archive', archive, '--workers', '1']\n"
        "try:\n"
        "    main()\n"
        "finally:\n"
        "    with open(out, 'w') as f:\n"
        "        json.dump([m for m in ('jsonschema', 'referencing', 'dask', 'psycopg') if m in sys.modules], f)\n"
    )
    out = _fresh(code, str(seen), str(scans), str(tmp_path / "a"))
    assert out.returncode == 0, out.stderr
    assert json.loads(seen.read_text(encoding="utf-8")) == []
    records = list((tmp_path / "a" / "documents").glob("*.json"))
    assert len(records) == 1
    assert schemas.errors(json.loads(records[0].read_text(encoding="utf-8")), "document") == []
    assert jsonschema_valid(json.loads(records[0].read_text(encoding="utf-8")), "document")
