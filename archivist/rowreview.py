"""A register's rows checked on the review sheet: confirmed as they are, or corrected, one sheet row each.

Why a module of its own: a register row is no single field. It is named on the sheet by its page and its place
on the page (``page`` and ``register_row``: a row's number restarts on each page, and its entry number may be
the very value that was misread), and its values are several. The sheet shows them as ``column=value`` pairs
in the register's order (:func:`archivist.toreview.row_text`); a person

- confirms the row as read by copying its ``value`` into ``corrected_value`` unchanged (as a field is
  confirmed by typing its value again), or
- corrects it by writing only the pairs that change (``person=Lò Văn Quý; sex=Nam``); the others stay.

Every column the row has may be corrected: ``entry`` (digits), ``registered`` and ``event_date`` (YYYY-MM-DD),
``sex`` (Nam or Nữ), the names and ``note`` (text), and a column archivist does not know by its header as
printed (``Nơi chết=Tại nhà``); ``column=`` with nothing after it empties a cell. Anything unclear (a part
without ``=``, a column the row does not have, one named twice, a date or number that does not parse) is
refused with one line, and the row is left as it was.

A confirmed row (``"confirmed": true``, confidence 1.0, its ``review`` kept as the reason it was checked) is
never listed again; when it is the first row, the document's own ``person``, ``entry`` and ``event_date``
(which are read from it: archivist/registers.py ``first_row_fields``) are confirmed with it. The history
keeps who changed the row, when, and its values before and after. A re-run of ``process`` keeps confirmed
rows, as it keeps confirmed fields, but only on the re-read row that is the same row (archivist/rowcarry.py:
a row merged or split by the new reading would otherwise take another person's check).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from .corrections import ReviewError, confirm_field, log_change
from .toreview import LIST_SEP, row_text, row_values, settle_rows

DATE_KEYS = ("registered", "event_date")


def sheet_place(page: str, row: str) -> tuple[int, int]:
    """The (page, place on the page) a sheet row names, from its ``page`` and ``register_row`` columns."""
    if not (page.strip().isdigit() and row.strip().isdigit()):
        raise ReviewError(f"a register row is named by its page and register_row columns as exported, "
                          f"not page {page!r} register_row {row!r}")
    return int(page), int(row)


def _find(rec: dict, page: int, row: int) -> dict:
    for entry in (rec.get("metadata") or {}).get("entries") or []:
        if entry.get("page") == page and entry.get("row") == row:
            return entry
    raise ReviewError(f"document {rec['id']} has no register row {row} on page {page}")


def _typed(where: str, key: str, text: str) -> str | None:
    """A typed cell value as the record stores it (None for an empty cell)."""
    if not text:
        return None
    if key == "entry":
        if not text.isdigit():
            raise ReviewError(f"{where}: entry must be a number, not {text!r}")
        return str(int(text))
    if key in DATE_KEYS:
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            raise ReviewError(f"{where}: {key} must be a date as YYYY-MM-DD, not {text!r}") from None
    if key == "sex":  # as the register reader takes it: ``nu`` and ``NỮ`` are Nữ
        from .ocrtext import fold_key
        from .registers import SEXES

        if (sex := SEXES.get(fold_key(text))) is None:
            raise ReviewError(f"{where}: sex must be Nam or Nữ, not {text!r}")
        return sex
    return text


def parse_row(where: str, text: str, columns: list[str]) -> dict[str, str | None]:
    """The ``column=value`` pairs of a corrected row, keyed by the row's own column names."""
    by_name = {c.casefold(): c for c in columns}
    out: dict[str, str | None] = {}
    for part in (p.strip() for p in text.split(LIST_SEP.strip())):
        if not part:
            continue
        name, eq, value = part.partition("=")
        key = by_name.get(re.sub(r"\s+", " ", name).strip().casefold())
        if not eq:
            raise ReviewError(f"{where}: {part!r} is not column=value (e.g. person=Nguyễn Văn An)")
        if key is None:
            raise ReviewError(f"{where}: the row has no column {name.strip()!r} (its columns: {', '.join(columns)})")
        if key in out:
            raise ReviewError(f"{where}: column {key} is given twice")
        out[key] = _typed(where, key, value.strip())
    if not out:
        raise ReviewError(f"{where}: no column=value given")
    return out


def apply_row(rec: dict, page: int, row: int, text: str, reviewer: str | None, at: str) -> bool:
    """Confirm one register row of ``rec``, with the values ``text`` corrects, and log it in the history;
    False when it was confirmed already with those values."""
    entry = _find(rec, page, row)
    where = f"register row {row} of page {page}"
    text = unicodedata.normalize("NFC", text.strip())
    old = row_values(entry)
    if not entry.get("cells"):  # a continuation page whose rows were not read: nothing to correct, only to see
        if " ".join(text.split()) != row_text(entry):
            raise ReviewError(f"{where}: page {page}'s rows were not read, so they cannot be filled in from the "
                              f"sheet; copy its value ({row_text(entry)!r}) to confirm you have seen them")
        new = old
    else:
        new = old | parse_row(where, text, list(old))
    if new == old and entry.get("confirmed"):
        return False
    for key, value in new.items():
        if key in (entry.get("columns") or {}):
            entry["columns"][key] = value
            continue
        if value != entry.get(key) and key in entry["cells"]:
            entry["cells"][key]["confidence"] = 1.0
        entry[key] = value
    entry.update(confidence=1.0, confirmed=True)
    log_change(rec, "entries", old, new, reviewer, at, page=page, row=row)
    meta = rec["metadata"]
    if entry is meta["entries"][0]:
        _first_row(rec, old, new, reviewer, at)
    settle_rows(meta)
    return True


def _first_row(rec: dict, old: dict, new: dict, reviewer: str | None, at: str) -> None:
    """The document's civil fields read from its first row, confirmed with it (corrected where it was)."""
    meta = rec["metadata"]
    date_key = "event_date" if "event_date" in old else "registered"
    for name, key in (("person", "person"), ("entry", "entry"), ("event_date", date_key)):
        field = (meta.get("fields") or {}).get(name) or {}
        if key not in old or meta.get(name) != old[key] or field.get("confirmed") or new[key] is None:
            continue  # not the row's reading, or a person's own decision already
        confirm_field(meta, name, new[key])
        log_change(rec, name, old[key], new[key], reviewer, at)
