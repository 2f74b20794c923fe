"""JSON Schemas (2020-12) of everything archivist writes, and the check every writer runs first.

A record is legal evidence: one that does not match its schema must never reach the archive, so
:func:`validate` raises instead of warning, and its message names the failing field by path
(``pages[0].skew: 'abc' is not of type 'number'``) so a person can find it.

The schema files are package data (``archivist/schemas/``), so every install has them: a source
checkout, an editable install and a wheel alike (``scripts/wheel-check.sh`` proves the wheel). The
top-level ``schemas/`` of the repository, where a reader looks for them, is a link to that folder.
``$ARCHIVIST_SCHEMAS`` points elsewhere. Schemas refer to each other by ``urn:archivist:schema:<kind>``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match
from referencing import Registry, Resource

KINDS = ("document", "dossier", "archive-manifest", "retention-schedule", "retention-manifest", "fonds", "archive")
URN = "urn:archivist:schema:"
MAX_ERRORS = 5  # a broken record can fail hundreds of checks; the first few say what is wrong


class RecordInvalid(ValueError):
    """A record does not match its schema. ``errors`` holds one ``path: message`` line per problem."""

    def __init__(self, kind: str, errors: list[str]) -> None:
        self.kind = kind
        self.errors = errors
        super().__init__(f"{kind} record invalid: " + "; ".join(errors))


def schema_dir() -> Path:
    """The folder holding ``<kind>.schema.json`` (see the module docstring for where it is looked for)."""
    candidates = [os.environ.get("ARCHIVIST_SCHEMAS"), Path(str(files("archivist") / "schemas"))]
    for c in candidates:
        if c and (Path(c) / "document.schema.json").is_file():
            return Path(c)
    raise FileNotFoundError("archivist's JSON schemas were not found (looked in: "
                            + ", ".join(str(c) for c in candidates if c) + "); set ARCHIVIST_SCHEMAS")


def schema_path(kind: str) -> Path:
    if kind not in KINDS:
        raise ValueError(f"unknown schema {kind!r} (one of {', '.join(KINDS)})")
    return schema_dir() / f"{kind}.schema.json"


@cache
def load_schema(kind: str) -> dict:
    return json.loads(schema_path(kind).read_text(encoding="utf-8"))


@cache
def _registry() -> Registry:
    return Registry().with_resources((URN + k, Resource.from_contents(load_schema(k))) for k in KINDS)


@cache
def validator(kind: str) -> Draft202012Validator:
    """The validator of a schema (``dossier``) or of one of its definitions (``dossier#/$defs/organisation``)."""
    if "#" in kind:
        schema = {"$ref": URN + kind}
    else:
        schema = load_schema(kind)
        if os.environ.get("ARCHIVIST_SCHEMAS"):  # the packaged schemas are checked by tests/test_schemas.py
            Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, registry=_registry(), format_checker=Draft202012Validator.FORMAT_CHECKER)


def field_path(parts: Iterable[Any]) -> str:
    """``['pages', 0, 'skew']`` -> ``pages[0].skew``; the top level is ``(record)``."""
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out or "(record)"


def _describe(error: ValidationError) -> list[str]:
    """One line per failure; an alternative (``oneOf``) reports its most relevant branch, not the
    branch that only failed for being of another type (``null``)."""
    if error.context:
        depth = len(error.absolute_path)
        specific = [e for e in error.context if e.validator != "type" or len(e.absolute_path) > depth]
        if specific:
            return [line for e in specific for line in _describe(e)]
        error = best_match(error.context)
    path = list(error.absolute_path)
    if error.validator == "required" and isinstance(error.instance, dict):
        return [f"{field_path([*path, name])}: required field is missing"
                for name in error.validator_value if name not in error.instance]
    return [f"{field_path(path)}: {error.message}"]


def errors(instance: Any, kind: str) -> list[str]:
    """Every problem of ``instance`` against the ``kind`` schema, as ``path: message`` lines (empty = valid)."""
    found = sorted(validator(kind).iter_errors(instance), key=lambda e: (list(map(str, e.absolute_path)), e.message))
    lines: list[str] = []
    for e in found:
        lines.extend(line for line in _describe(e) if line not in lines)
    return lines


def validate(instance: Any, kind: str) -> None:
    """Raise :class:`RecordInvalid` unless ``instance`` matches the ``kind`` schema."""
    problems = errors(instance, kind)
    if problems:
        more = len(problems) - MAX_ERRORS
        raise RecordInvalid(kind, problems[:MAX_ERRORS] + ([f"… and {more} more"] if more > 0 else []))


def known_type(meta: dict) -> str | None:
    """The document type, or None when classification found none (``unknown``)."""
    t = meta.get("type")
    return None if not t or t == "unknown" else t


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _number(v: Any) -> bool:
    return _is_int(v) or isinstance(v, float)


def _rivals_ok(rivals: Any) -> bool:
    """A word's eighth item: [[index, rival character, confidence, rival's confidence], ...]."""
    return isinstance(rivals, list) and all(
        isinstance(r, list) and len(r) == 4 and _is_int(r[0]) and r[0] >= 0 and isinstance(r[1], str) and r[1]
        and _number(r[2]) and _number(r[3]) for r in rivals)


def _words_ok(pages: list[dict]) -> bool:
    """The schema's rule for ``pages[].words`` ([text, confidence, x0, y0, x1, y1, line], then the rival
    characters when there are any) in plain Python."""
    return all(isinstance(w, list) and len(w) in (7, 8) and isinstance(w[0], str) and _number(w[1])
               and all(_is_int(v) for v in w[2:7]) and (len(w) == 7 or _rivals_ok(w[7]))
               for page in pages for w in page.get("words") or [])


def validate_record(record: dict, kind: str = "document") -> None:
    """The check a writer runs before committing a record (``document`` or ``dossier``).

    Why the words are checked apart: they are nearly all of a record (thousands of small arrays),
    and jsonschema spent ~0.6 s of the main process per document on them, as much as a third of
    a page's OCR; the same rule in plain Python takes milliseconds. The rest of the record goes
    through the schema as usual, and ``archivist verify`` still checks whole records with it.
    """
    pages = record.get("pages")
    if (kind != "document" or not isinstance(pages, list) or not all(isinstance(p, dict) for p in pages)
            or not _words_ok(pages)):
        validate(record, kind)  # the slow path names exactly what is wrong
        return
    validate({**record, "pages": [{**p, "words": []} if isinstance(p.get("words"), list) else p for p in pages]},
             kind)
