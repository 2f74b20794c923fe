"""JSON Schemas (2020-12) of everything archivist writes, and the check every writer runs first.

A record is legal evidence: one that does not match its schema must never reach the archive, so
:func:`validate` raises instead of warning, and its message names the failing field by path
(``pages[0].skew: 'abc' is not of type 'number'``) so a person can find it.

The canonical schema files live in the top-level ``schemas/`` folder (where a reader of the
repository looks for them). They are found there in a source checkout or an editable install;
an installed wheel ships them as data files under ``<prefix>/share/archivist/schemas``;
``$ARCHIVIST_SCHEMAS`` points elsewhere. Schemas refer to each other by ``urn:archivist:schema:<kind>``.

:func:`archival_fields` derives the document-level input fields of Circular 02/2019/TT-BNV (the
record's ``archival`` object) from what the pipeline knows about a document.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match
from referencing import Registry, Resource

KINDS = ("document", "dossier", "archive-manifest", "retention-schedule", "retention-manifest", "fonds")
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
    candidates = [os.environ.get("ARCHIVIST_SCHEMAS"), Path(__file__).resolve().parent.parent / "schemas",
                  Path(sys.prefix) / "share" / "archivist" / "schemas"]
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


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _words_ok(pages: list[dict]) -> bool:
    """The schema's rule for ``pages[].words`` ([text, confidence, x0, y0, x1, y1, line]) in plain Python."""
    return all(isinstance(w, list) and len(w) == 7 and isinstance(w[0], str)
               and (_is_int(w[1]) or isinstance(w[1], float)) and all(_is_int(v) for v in w[2:])
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


# --- Circular 02/2019 document-level fields ---------------------------------------------------

#: Vietnamese labels of the metadata fields a person may be asked to confirm (for the Ghi chú line).
REVIEW_LABELS = {"type": "tên loại", "number": "số", "symbol": "ký hiệu", "number_symbol": "số, ký hiệu",
                 "date": "ngày tháng", "issuer": "cơ quan ban hành", "subject": "trích yếu", "signer": "người ký",
                 "person": "người được đăng ký", "event_date": "ngày sự kiện", "book": "quyển số",
                 "entry": "số đăng ký"}
KIND_KEYWORDS = {"civil_status": "hộ tịch", "land": "đất đai", "petition": "đơn thư"}
STANDARD_DPI = 200.0  # Circular 02/2019/TT-BNV: digitize at 200 dpi or more


def known_type(meta: dict) -> str | None:
    """The document type, or None when classification found none (``unknown``)."""
    t = meta.get("type")
    return None if not t or t == "unknown" else t


def archival_fields(record: dict, *, dossier_code: str | None = None, sequence: int | None = None,
                    access: str | None = None) -> dict:
    """The record's ``archival`` object (Circular 02/2019/TT-BNV document fields) from its metadata.

    ``dossier_code`` and ``sequence`` (the document's place in its dossier) make the identifier
    ``<dossier code>.<sequence>``; left out, both stay null until the dossier is numbered. The
    access regime is ``access``, else the one of the retention series (restricted for civil
    status, land and petitions: they hold personal data), else public. Reliability is
    ``digitized``: archivist makes its PDFs from scans. Autograph, physical condition and
    information code are for a person to give and stay null.
    """
    meta = record.get("metadata") or {}
    if access is None:
        access = (meta.get("retention") or {}).get("access")
    if access is None:
        from .retention import retention_for

        access = retention_for(record).access
    typ = known_type(meta)
    keywords = [k for k in (typ, meta.get("number_symbol"), KIND_KEYWORDS.get(meta.get("kind") or "")) if k]
    notes = []
    review = [REVIEW_LABELS.get(f, f) for f in meta.get("needs_review") or []]
    if review:
        notes.append("Cần kiểm tra: " + ", ".join(dict.fromkeys(review)))
    low = [p["number"] for p in record.get("pages", []) if p.get("dpi", STANDARD_DPI) < STANDARD_DPI - 0.5]
    if low:
        notes.append(f"Trang {', '.join(map(str, low))} quét dưới {STANDARD_DPI:.0f} dpi")
    return {
        "identifier": f"{dossier_code}.{sequence}" if dossier_code and sequence else None,
        "dossier_code": dossier_code,
        "sheet": (record.get("boundary") or {}).get("start_page") or 1,
        "page_count": record.get("page_count") or len(record.get("pages", [])) or 1,
        "number": meta.get("number"),
        "symbol": meta.get("symbol"),
        "date": meta.get("date"),
        "type": typ,
        "subject": meta.get("subject"),
        "issuer": meta.get("issuer"),
        "language": meta.get("language") or "vi",
        "information_code": None,
        "keywords": list(dict.fromkeys(keywords)),
        "access_regime": access,
        "reliability": "digitized",
        "autograph": None,
        "physical_condition": None,
        "notes": "; ".join(notes) or None,
    }
