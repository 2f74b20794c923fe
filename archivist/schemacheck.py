"""A record's schema check without jsonschema when the record is valid (issue 16: the main process's share).

Why: every batch validates each record it writes (and the manifests, the archive's and fonds' files) against
archivist's JSON Schemas. jsonschema, with referencing, attrs and its format checkers, costs about 65 CPU ms to
import under load (≈ 35 on a quiet machine), once a batch, and ≈ 3 ms a record to walk the schema, for a verdict
that is "valid" on every record a sound batch writes. Here the same verdict comes from a plain walk of the
schema, exact for the keywords archivist's schemas use (draft 2020-12 semantics, as jsonschema 4 implements
them); jsonschema is imported only when this walk finds a problem (or meets anything it does not know), and then
it says, as before, exactly which field is wrong and how.

The walk never accepts what jsonschema rejects: a keyword, a format or a value it is not sure of (an unknown
keyword, a format other than ``date`` and ``regex``, a boolean compared with a number in ``enum``, …) raises
:class:`Unsure`, and the caller asks jsonschema (tests/test_schemacheck.py compares both verdicts on every kind
of stored file and on thousands of broken copies).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

#: keywords that only annotate: they never make an instance invalid
ANNOTATIONS = frozenset({"$schema", "$id", "$defs", "$comment", "title", "description", "examples", "default"})
_RE_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)  # jsonschema's own test of a "date", then fromisoformat
_PATTERNS: dict[str, re.Pattern[str]] = {}
_JSON = (str, dict, list, bool, int, float)


class Unsure(Exception):
    """The walk cannot decide as jsonschema would: ask jsonschema."""


def _number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _is_type(v: Any, t: str) -> bool:
    """jsonschema's draft 2020-12 type checker, for the JSON values :meth:`Walk.valid` lets through."""
    if t == "string":
        return isinstance(v, str)
    if t == "object":
        return isinstance(v, dict)
    if t == "array":
        return isinstance(v, list)
    if t == "null":
        return v is None
    if t == "boolean":
        return isinstance(v, bool)
    if t == "number":
        return _number(v)
    if t == "integer":
        return (isinstance(v, int) and not isinstance(v, bool)) or (isinstance(v, float) and v.is_integer())
    raise Unsure(f"type {t!r}")


def _equal(a: Any, b: Any) -> bool:
    """jsonschema's ``equal`` for the enum and const values archivist's schemas hold (strings, numbers, null)."""
    if isinstance(a, str) or isinstance(b, str):
        return a == b
    if a is None or b is None:
        return a is b
    if _number(a) and _number(b):
        return a == b
    raise Unsure("an enum or const compared with a boolean, a list or an object")


def _format_ok(fmt: str, v: Any) -> bool:
    """jsonschema's FORMAT_CHECKER for the two formats the schemas name."""
    if not isinstance(v, str):
        return True
    if fmt == "date":
        try:
            return bool(_RE_DATE.fullmatch(v) and date.fromisoformat(v))
        except ValueError:
            return False
    if fmt == "regex":
        try:
            return bool(re.compile(v))
        except re.error:
            return False
    raise Unsure(f"format {fmt!r}")


def _search(pattern: str, v: str) -> bool:
    p = _PATTERNS.get(pattern)
    if p is None:
        p = _PATTERNS[pattern] = re.compile(pattern)
    return p.search(v) is not None


class Walk:
    """Is an instance valid against a schema, ``$ref`` resolved among ``schemas`` (``urn`` + kind -> schema)."""

    def __init__(self, schemas: dict[str, dict], urn: str) -> None:
        self.schemas = schemas
        self.urn = urn

    def resolve(self, ref: str, base: str) -> tuple[Any, str]:
        """The schema a ``$ref`` names, and the resource (``$id``) its own ``#`` references are relative to."""
        where, _, pointer = ref.partition("#")
        where = where or base
        node: Any = self.schemas.get(where)
        if node is None:
            raise Unsure(f"$ref {ref!r}")
        for part in filter(None, pointer.split("/")):
            part = part.replace("~1", "/").replace("~0", "~")
            if "%" in part or not isinstance(node, dict) or part not in node:
                raise Unsure(f"$ref {ref!r}")
            node = node[part]
        return node, where

    def valid(self, v: Any, s: Any, base: str) -> bool:  # noqa: C901, PLR0911, PLR0912 - one branch a keyword
        """``v`` against schema ``s`` (within resource ``base``), every keyword as jsonschema applies it."""
        if s is True:
            return True
        if s is False:
            return False
        if not isinstance(s, dict):
            raise Unsure("a schema that is not an object")
        if v is not None and not isinstance(v, _JSON):
            raise Unsure(f"a {type(v).__name__} value")  # a Decimal, a tuple, …: jsonschema's own checker decides
        for k, x in s.items():
            if k in ANNOTATIONS:
                continue
            if k == "type":
                if not any(_is_type(v, t) for t in (x if isinstance(x, list) else [x])):
                    return False
            elif k == "$ref":
                target, where = self.resolve(x, base)
                if not self.valid(v, target, where):
                    return False
            elif k == "properties":
                if isinstance(v, dict) and not all(self.valid(v[p], sub, base) for p, sub in x.items() if p in v):
                    return False
            elif k == "required":
                if isinstance(v, dict) and any(p not in v for p in x):
                    return False
            elif k == "additionalProperties":
                if isinstance(v, dict):
                    if "patternProperties" in s:
                        raise Unsure("patternProperties")
                    known = s.get("properties", {})
                    if not all(self.valid(v[p], x, base) for p in v if p not in known):
                        return False
            elif k == "propertyNames":
                if isinstance(v, dict) and not all(self.valid(p, x, base) for p in v):
                    return False
            elif k == "minProperties":
                if isinstance(v, dict) and len(v) < x:
                    return False
            elif k == "items":
                if isinstance(v, list):
                    rest = v[len(s.get("prefixItems", [])):]
                    if not all(self.valid(e, x, base) for e in rest):
                        return False
            elif k == "prefixItems":
                if isinstance(v, list) and not all(self.valid(e, sub, base) for e, sub in zip(v, x, strict=False)):
                    return False
            elif k == "minItems":
                if isinstance(v, list) and len(v) < x:
                    return False
            elif k == "maxItems":
                if isinstance(v, list) and len(v) > x:
                    return False
            elif k == "uniqueItems":
                if x and isinstance(v, list):
                    if not all(isinstance(e, str) for e in v):
                        raise Unsure("uniqueItems over values that are not strings")
                    if len(set(v)) != len(v):
                        return False
            elif k in ("minimum", "maximum", "exclusiveMinimum"):
                if _number(v) and ((k == "minimum" and v < x) or (k == "maximum" and v > x)
                                   or (k == "exclusiveMinimum" and v <= x)):
                    return False
            elif k == "minLength":
                if isinstance(v, str) and len(v) < x:
                    return False
            elif k == "pattern":
                if isinstance(v, str) and not _search(x, v):
                    return False
            elif k == "format":
                if not _format_ok(x, v):
                    return False
            elif k == "enum":
                if not any(_equal(e, v) for e in x):
                    return False
            elif k == "const":
                if not _equal(x, v):
                    return False
            elif k == "oneOf":
                if sum(self.valid(v, sub, base) for sub in x) != 1:
                    return False
            else:
                raise Unsure(f"keyword {k!r}")
        return True
