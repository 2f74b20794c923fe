"""Review thresholds per field, fitted against the accuracy bench so that a flag means something.

A field's confidence is built from how its value was found (a labelled pattern, OCR word confidences,
repairs, tokens that are no syllable …). One review threshold for every field flags too little where
the pattern is sure of itself but the OCR is not (a body name misread in one mark) and too much
elsewhere. ``bench/calibration.py --fit`` finds, per field, the lowest threshold under which no wrong
value of a generated set goes unflagged without flagging more than 15% of the right ones, and writes it
to ``data/calibration.json`` with the set it was fitted on; it is checked on another seed's documents.
A threshold is never below the classifier's own (:data:`archivist.classify.THRESHOLD`).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "calibration.json"


@lru_cache(maxsize=2)
def thresholds(path: str | None = None) -> dict[str, float]:
    """Field name -> review threshold fitted for it (empty when no table is installed)."""
    p = Path(path) if path else DATA
    if not p.exists():
        return {}
    raw = json.loads(p.read_text(encoding="utf-8"))
    return {name: float(f["threshold"]) for name, f in raw.get("fields", {}).items()}


def threshold_for(name: str, default: float) -> float:
    """The review threshold of field ``name``: the fitted one, never below ``default``."""
    return max(default, thresholds().get(name, default))
