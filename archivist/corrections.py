"""A person's corrections to a record: applied with history, and kept when the pipeline runs again.

Split from the review sheet (archivist/review.py) because two writers need it: ``review import``
applies corrections, and the commit path (archivist/commit.py) carries confirmed values over when a
document is processed again. A corrected value is *confirmed* (confidence 1.0, ``"confirmed":
true``) and the record keeps a history of who changed what and when, because the metadata is legal
evidence.
"""

from __future__ import annotations

import copy
import unicodedata
from datetime import date

from .rowcarry import carry_rows

#: Fields a reviewer may set although the extractor did not produce them.
KNOWN_FIELDS = {"fonds", "type", "number", "symbol", "number_symbol", "date", "place", "issuer", "parent_issuer",
                "subject",
                "signer", "signer_position", "authority", "recipients", "page_count", "language", "person",
                "event_date", "book", "entry"}


class ReviewError(Exception):
    """A row that cannot be applied; the message names the row."""


def _typed(name: str, text: str, old: object) -> object:
    """The corrected text as the record stores that field (lists, integers, ISO dates)."""
    if name == "recipients" or isinstance(old, list):
        return [x.strip() for x in text.split(";") if x.strip()]
    if name == "page_count":
        try:
            return int(text)
        except ValueError:
            raise ReviewError(f"page_count must be a whole number, not {text!r}") from None
    if name in ("date", "event_date"):
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            raise ReviewError(f"{name} must be a date as YYYY-MM-DD, not {text!r}") from None
    return text


def confirm_field(meta: dict, name: str, value: object) -> None:
    """Store ``value`` as ``name``'s, confirmed by a person (confidence 1.0), and no longer to review."""
    meta[name] = value
    fields = meta.setdefault("fields", {})
    entry = dict(fields.get(name) or {"page": None, "bbox": None, "source_text": ""})
    entry.update(value=value, confidence=1.0, confirmed=True)
    fields[name] = entry
    meta["needs_review"] = [n for n in meta.get("needs_review") or [] if n != name]


def apply_correction(rec: dict, name: str, text: str, reviewer: str | None, at: str) -> bool:
    """Set one confirmed value in ``rec`` and log it in its history; False when it was already so."""
    meta = rec.setdefault("metadata", {})
    if name not in KNOWN_FIELDS and name not in (meta.get("fields") or {}):
        raise ReviewError(f"document {rec['id']} has no field {name!r}")
    old = meta.get(name)
    new = _typed(name, unicodedata.normalize("NFC", text.strip()), old)
    already = (meta.get("fields") or {}).get(name, {}).get("confirmed")
    if new == old and already:
        return False
    confirm_field(meta, name, new)
    if name == "type":
        from .doctypes import load_table

        t = load_table().by_name.get(new)
        if t is not None:
            meta["type_code"], meta["kind"] = t.code, t.kind
    if name == "number_symbol":
        from .numsym import parse_number_symbol

        ns = parse_number_symbol(new)
        if ns is not None:
            confirm_field(meta, "number", ns.number)
            confirm_field(meta, "symbol", ns.symbol)
    log_change(rec, name, old, new, reviewer, at)
    return True


def log_change(rec: dict, name: str, old: object, new: object, reviewer: str | None, at: str, **more: object) -> None:
    """Append one change a person decided to ``rec``'s history (a correction; a supersession adds its ``reason``):
    the history is the legal trace of who changed what and when, so every writer logs it the same way."""
    rec.setdefault("history", []).append({"field": name, "old": old, "new": new, "reviewer": reviewer, "at": at,
                                          **more})


def carry_confirmed(old_record: dict | None, new_metadata: dict) -> dict:
    """``new_metadata`` with every value a person confirmed in ``old_record`` put back.

    :func:`archivist.commit.commit_part` calls it on ``part.metadata`` *before* the PDF is written (its
    title and keywords come from the metadata), and carries the record's ``history`` over too. A re-run
    with new settings re-reads the scan,
    but a confirmed value is what the record says, whatever the OCR reads this time.
    """
    meta = copy.deepcopy(new_metadata)
    if not old_record:
        return meta
    old = old_record.get("metadata") or {}
    carry_rows(old_record, meta)
    for name, entry in (old.get("fields") or {}).items():
        if not (isinstance(entry, dict) and entry.get("confirmed")):
            continue
        confirm_field(meta, name, copy.deepcopy(old.get(name, entry.get("value"))))
        if name == "type":
            for k in ("type_code", "kind"):
                if k in old:
                    meta[k] = old[k]
    return meta
