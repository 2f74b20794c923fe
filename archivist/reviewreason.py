"""Why a value is on the review sheet, in words a reviewer reads before looking at the scan.

A confidence of 0.95 beside a value tells a reviewer nothing about what to look at: the value may be listed for
a rule's evidence (``the date's day '16' read again gave 18 and 18``), for a low reading, because the document
lacks a value its type must have, or because the classifier hesitated between two types. Each of these has its
own plain sentence here, so the sheet (archivist/review.py) and ``review export --json`` say the same thing.

The reason is derived from the record each time it is exported, never stored from the sheet: a reviewer may
edit or clear the column, and ``review import`` ignores it.
"""

from __future__ import annotations

from .calibration import threshold_for
from .doctypes import UNKNOWN
from .fondsassign import REVIEW_BELOW
from .required import missing_reason

#: how the classifier names its strongest rival among its signals (archivist/classify.py ``decide``)
AGAINST = "against: "


def shown(x: float) -> str:
    """A confidence or level as a person reads it: two decimals, three when the third matters (0.658, 0.70)."""
    return f"{x:.2f}" if round(x, 2) == round(x, 3) else f"{x:.3f}"


def listing_level(name: str, threshold: float) -> float:
    """The confidence under which ``name`` is listed: the export's threshold or, when higher, the one the field is
    held to when it is processed (a fitted per-field threshold; a fonds choice's own, archivist/fondsassign.py)."""
    own = REVIEW_BELOW if name == "fonds" else threshold_for(name, threshold)
    return max(threshold, own)


def low(confidence: float, level: float, verb: str = "read") -> str:
    """A value listed for its confidence alone, said with the level it fell under (a fonds is ``chosen``, from its
    evidence, which the sheet's ``ocr_snippet`` shows: archivist/fondsassign.py)."""
    said = shown(confidence)
    if said == shown(level):  # 0.6996 under 0.70: not "0.70, under 0.70"
        said = f"{confidence:.4f}"
    return f"{verb} with confidence {said}, under {shown(level)}"


def field_reason(name: str, f: dict, value: object, threshold: float) -> str:
    """Why field ``name`` (its ``fields`` entry ``f``, its stored ``value``) is listed: the reason a review rule
    wrote on it; else that it is missing, or read under its level; else that processing named it (a record written
    under other thresholds)."""
    if f.get("review"):
        return str(f["review"])
    if value in (None, "", []):
        return missing_reason(name)
    conf, level = float(f.get("confidence") or 0.0), listing_level(name, threshold)
    if conf < level:
        return low(conf, level, "chosen" if name == "fonds" else "read")
    return f"named for review when the document was processed (confidence {shown(conf)})"


def type_reason(meta: dict, threshold: float) -> str:
    """Why the document's type is listed: the classifier's confidence against its level, and its doubt in its own
    words (the rival type and the evidence for it), or the evidence it had when it could not tell the type."""
    t = (meta.get("fields") or {}).get("type") or {}
    if t.get("review"):
        return str(t["review"])
    signals = [str(s) for s in meta.get("signals") or []]
    name = meta.get("type")
    if name in (None, "", UNKNOWN):
        return "the type could not be told: " + ("; ".join(signals) or "no title, symbol or vocabulary recognised")
    conf = float(meta.get("confidence") or 0.0)
    head = f"classified as {name} with confidence {shown(conf)}"
    level = listing_level("type", threshold)
    head += f", under {shown(level)}" if conf < level else ""
    rival = next((s[len(AGAINST):] for s in signals if s.startswith(AGAINST)), None)
    if rival:
        rival_name, _, evidence = rival.partition(" from ")
        return f"{head}; it could also be {rival_name}: {evidence}" if evidence else f"{head}; it could also be {rival}"
    found = [s for s in signals if not s.startswith("kind ")]
    return f"{head}, from {'; '.join(found)}" if found else head


def row_reason(entry: dict, threshold: float) -> str:
    """Why a register row is listed: the reason the register's reader wrote on it, else its low confidence."""
    if entry.get("review"):
        return str(entry["review"])
    return low(float(entry.get("confidence") or 0.0), threshold)  # listed only when under it (toreview.row_flagged)
