"""A register's confirmed rows put back when its document is processed again, only onto the same row.

Why a module of its own, and why not by position alone: a re-run re-reads the register, and a row is named by its
page and its place on the page (archivist/rowreview.py). When the new reading has a row more or less above it (two
rows merged, one split, a line of debris read as a row), the row at that place is another person's; putting a
person's check back there by place would file one person's confirmed values on another: a silent wrong value in a
legal record. So a confirmed row is put back only on the re-read row that is the same row:

- at the same place on its page, with its cells read as they were read then (the OCR's ``source_text``), or
- anywhere on its page, the one row whose cells read as they were read then (a row added or lost above it), or
- the one row whose entry number and person are the confirmed ones, or the ones read before the person's
  correction (the page read a little otherwise, the row the same).

A confirmation that finds no such row is not applied: it stays in the record's history (where ``review import``
logged it, with its values), and the row now at its place (or the page's nearest) is flagged for review with a
plain reason naming the date and the values confirmed, so the document is to review again.
"""

from __future__ import annotations

import copy

from .toreview import row_text, row_values, settle_rows

ENTRIES = "entries"


def _read(entry: dict) -> dict[str, str]:
    """What the OCR read in each cell of the row (spacing evened out): the row's identity as read."""
    return {k: " ".join(str(c.get("source_text") or "").split()) for k, c in (entry.get("cells") or {}).items()}


def _who(values: dict) -> tuple[str, str] | None:
    """A row's entry number and person, the pair that names one registration; None without both."""
    entry, person = values.get("entry"), values.get("person")
    if not entry or not person:
        return None
    return str(entry).strip(), " ".join(str(person).split()).casefold()


def _trail(entry: dict, history: list[dict]) -> tuple[set[tuple[str, str]], str | None]:
    """The (entry, person) pairs the confirmed row had, as confirmed and as read before each correction of it,
    and the day of its last confirmation (None when the history does not hold it)."""
    pairs = {p} if (p := _who(row_values(entry))) else set()
    current, day = row_values(entry), None
    for h in reversed(history):
        if h.get("field") != ENTRIES or h.get("page") != entry.get("page") or h.get("new") != current:
            continue
        day = day or str(h.get("at") or "")[:10] or None
        current = h.get("old") if isinstance(h.get("old"), dict) else {}
        if p := _who(current):
            pairs.add(p)
    return pairs, day


def _same_row(old: dict, free: list[dict], pairs: set[tuple[str, str]]) -> dict | None:
    """The re-read row (among ``free``, rows of the same page no confirmation took) that is ``old``'s row."""
    read = _read(old)
    here = [e for e in free if e.get("row") == old.get("row") and _read(e) == read]
    if here:
        return here[0]
    for found in ([e for e in free if e.get("cells") and _read(e) == read],
                  [e for e in free if _who(row_values(e)) in pairs] if pairs else []):
        if len(found) == 1:
            return found[0]
    return None


def _flag(rows: list[dict], old: dict, day: str | None) -> None:
    """Say on the re-read row at ``old``'s place (or the page's nearest not confirmed) that a check made there
    was not applied: the row must be checked again."""
    page = [e for e in rows if e.get("page") == old.get("page") and not e.get("confirmed")]
    if not page:
        return
    target = min(page, key=lambda e: abs((e.get("row") or 0) - (old.get("row") or 0)))
    when = f"on {day}" if day else "earlier"
    why = (f"row {old.get('row')} was confirmed {when} as '{row_text(old)}'; the page was read again and this "
           "row changed, so that check was not applied: check the row again")
    target["review"] = f"{target['review']}; {why}" if target.get("review") else why


def carry_rows(old_record: dict, new_meta: dict) -> None:
    """Put the rows a person confirmed in ``old_record`` back into ``new_meta`` where the re-read row is the same
    row (see the module docstring); flag the row at the place of any other, and the document to review."""
    old_meta = old_record.get("metadata") or {}
    kept = [e for e in old_meta.get(ENTRIES) or [] if e.get("confirmed")]
    if not kept:
        return
    history = list(old_record.get("history") or [])
    rows = list(new_meta.get(ENTRIES) or [])
    taken: set[int] = set()
    missed: list[tuple[dict, str | None]] = []
    for old in kept:
        pairs, day = _trail(old, history)
        free = [e for i, e in enumerate(rows) if i not in taken and e.get("page") == old.get("page")]
        same = _same_row(old, free, pairs)
        if same is None:
            missed.append((old, day))
            continue
        i = next(i for i, e in enumerate(rows) if e is same)
        rows[i] = copy.deepcopy(old) | {"row": same.get("row")}
        taken.add(i)
    for old, day in missed:
        _flag(rows, old, day)
    new_meta[ENTRIES] = rows
    settle_rows(new_meta)
    if missed and ENTRIES not in (needs := list(new_meta.get("needs_review") or [])):
        new_meta["needs_review"] = [*needs, ENTRIES]  # to review even when no row is left at that place to flag
