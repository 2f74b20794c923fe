"""What a person must check: the one definition every count and list of "to review" uses.

``review export`` lists it field by field; the HTML report, ``archivist report --json``, the batch summary of
``process``, ``init``'s filing count, the retention listing's type check and the archival notes count or name
the same fields, so a number on one screen is the number of documents the sheet holds.

The definition is ``metadata.needs_review`` (what the extractor named, against the per-field thresholds of
archivist/data/calibration.json, and a doubtful fonds or classification) together with any field found with a
confidence under :data:`THRESHOLD`. For a record the extractor writes the two are the same: every fitted
threshold is at least the classifier's 0.7 (archivist/calibration.py ``threshold_for``), so a value found under
0.7 is always named; 2,999 stored records of session 34's test and bench runs, checked, differ in none. The
confidence test still counts because a record written before a threshold was fitted, or edited by hand,
holds values under 0.7 nobody named, and a value the extractor now would send to a person should reach one.
Confirmed values (``review import``) are never listed again, and a version a later one replaces is the later
version's to check (:func:`to_review`).
"""

from __future__ import annotations

from .record import replaced_by

THRESHOLD = 0.7
LIST_SEP = "; "  # how a list value (recipients, a register row's cells) is written on one line of the sheet


#: keys of a register row that are not its values (archivist/registers.py ``judge``)
ROW_META = ("page", "row", "cells", "confidence", "review", "bbox", "columns", "confirmed")


def row_values(entry: dict) -> dict:
    """A register row's values as a person corrects them: its columns in the register's order (an empty
    cell as None), then the columns archivist does not know, by their header as printed."""
    values = {k: v for k, v in entry.items() if k not in ROW_META}
    return values | dict(entry.get("columns") or {})


def row_text(entry: dict) -> str:
    """A register row as the sheet shows it: ``column=value`` in the register's order, every column (an
    empty cell as ``column=``), so the text names what each value is and can be typed back corrected; a
    continuation page whose columns were not matched (no cells: archivist/registerpages.py) as that page's rows."""
    if not entry.get("cells"):
        return f"page {entry.get('page')}: rows not read"
    return LIST_SEP.join(f"{k}={'' if v is None else v}" for k, v in row_values(entry).items())


def _row_read(entry: dict) -> str:
    """What the OCR read in a row's cells (the sheet's ``ocr_snippet``; why the row is listed is its ``reason``)."""
    return LIST_SEP.join(c.get("source_text") or "" for c in (entry.get("cells") or {}).values())


def row_flagged(entry: dict, threshold: float = THRESHOLD) -> bool:
    """Whether a register row is one a person must check: a reason, or a low confidence, nobody confirmed."""
    return not entry.get("confirmed") and bool(entry.get("review") or (entry.get("confidence") or 0.0) < threshold)


def review_items(rec: dict, threshold: float = THRESHOLD, reasons: bool = True) -> list[dict]:
    """The (field, value, confidence, page, source_text, reason) a person should check in one record.

    A field is listed when it was found with a confidence below ``threshold`` or the extractor named
    it in ``needs_review`` (expected for the type but missing); ``type`` when the classification is
    doubtful. Confirmed fields and register rows are never listed again; a register row's item carries its
    ``row`` (its place on its ``page``), which names it on the sheet. ``reason`` says in plain words why the
    item is listed (archivist/reviewreason.py), ``source_text`` what was read. ``reasons=False`` leaves ``reason``
    None: the commands that only count or name what is listed (:func:`to_review`, :func:`review_fields`, once a
    document in ``process``) need not word it, nor import the thresholds and fonds rules the words come from.
    """
    if reasons:
        from .reviewreason import field_reason, row_reason, type_reason
    else:
        field_reason = row_reason = type_reason = _unworded
    meta = rec.get("metadata") or {}
    fields = meta.get("fields") or {}
    needs = list(meta.get("needs_review") or [])
    items: list[dict] = []
    t = fields.get("type") or {}
    if "type" in needs and not t.get("confirmed"):
        items.append({"field": "type", "value": meta.get("type"), "confidence": meta.get("confidence"), "page": 1,
                      "source_text": "", "reason": type_reason(meta, threshold)})
    for name, f in fields.items():
        if name == "type" or f.get("confirmed"):
            continue
        low = f.get("value") not in (None, "", []) and float(f.get("confidence") or 0.0) < threshold
        if low or name in needs:
            value = meta.get(name, f.get("value"))
            items.append({"field": name, "value": value, "confidence": f.get("confidence"),
                          "page": f.get("page") or 1, "source_text": f.get("source_text") or "",
                          "reason": field_reason(name, f, value, threshold)})
    listed = {i["field"] for i in items}
    if "entries" in needs:  # a register's rows: one line each that a person must confirm, saying why (never one
        # confirmed: ``review import``, archivist/rowreview.py)
        rows = [{"field": "entries", "value": row_text(e), "confidence": e.get("confidence"),
                 "page": e.get("page") or 1, "row": e.get("row"), "source_text": _row_read(e),
                 "reason": row_reason(e, threshold)}
                for e in meta.get("entries") or [] if row_flagged(e, threshold)]
        items += rows
        listed.update({"entries"} if rows else set())
    for name in needs:  # named but absent from ``fields`` (e.g. a civil field never found, rows none singles out)
        if name not in listed and name != "type" and not (fields.get(name) or {}).get("confirmed"):
            items.append({"field": name, "value": meta.get(name), "confidence": 0.0, "page": 1, "source_text": "",
                          "reason": field_reason(name, {}, meta.get(name), threshold)})
    return items


def _unworded(*_args: object) -> None:
    """The reason :func:`review_items` gives when asked for none."""
    return None


def review_fields(rec: dict) -> list[str]:
    """The names of the fields :func:`review_items` lists, once each: in ``needs_review``'s order (the archival
    notes and the report name them so), then any other found under the threshold."""
    needs = list((rec.get("metadata") or {}).get("needs_review") or [])
    names = dict.fromkeys(i["field"] for i in review_items(rec, reasons=False))
    return sorted(names, key=lambda n: needs.index(n) if n in needs else len(needs))


def to_review(rec: dict) -> bool:
    """Whether the document is one a person must check: a field to review and no later version replacing it
    (``review export`` leaves a replaced version out; its flags stay in its record)."""
    return replaced_by(rec) is None and bool(review_items(rec, reasons=False))


def settle_rows(meta: dict) -> None:
    """``entries`` left out of ``needs_review`` once no row is left to check (the document is then to review
    only for its other fields)."""
    if not any(row_flagged(e) for e in meta.get("entries") or []):
        meta["needs_review"] = [n for n in meta.get("needs_review") or [] if n != "entries"]

