"""A metadata value with how sure the extractor is of it and where on the page it was read."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .ocrtext import Box, Line
from .tokens import ANGLES, BRACKETS, edge_without

#: the fields that hold a person's full name (archivist.nametwin's and archivist.markheight's). Here, not in
#: nametwin: the page stage imports markheight, and nametwin imports the cross-check and with it most of the
#: document stage (18 modules, 0.013 CPU s in the fork server of every batch; tests/test_worker_costs.py)
NAME_FIELDS = ("signer", "person")


@dataclass
class Field:
    """``value`` (None when not found), ``confidence`` 0-1, and its provenance: the page number, the
    pixel box of the words it was read from (None from plain text) and the text as read. A value
    corrected from what the OCR gave keeps that in ``read`` and says what changed in ``changes``;
    ``review`` says why a person must confirm it whatever its confidence (the grammar, not the
    pixels, chose a character of it)."""

    value: Any
    confidence: float
    page: int | None = None
    bbox: Box | None = None
    source_text: str = ""
    read: str | None = None
    changes: list[str] = field(default_factory=list)
    review: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """For the record: provenance always, what was read and changed only when something was."""
        out = {"value": self.value, "confidence": self.confidence, "page": self.page,
               "bbox": list(self.bbox) if self.bbox else None, "source_text": self.source_text}
        if self.read is not None and self.read != self.value:
            out["read"] = self.read
        if self.changes:
            out["changes"] = list(self.changes)
        if self.review:
            out["review"] = self.review
        return out


def missing() -> Field:
    """A field that was looked for and not found."""
    return Field(None, 0.0)


def open_recipients(found: dict[str, Field]) -> tuple[Field, list[str]] | None:
    """The recipients of ``found`` and their items (the list's strings) when they hold items and no reason for review
    yet; None otherwise.

    Why one guard: every recipients rule asks this before it looks (a value already flagged keeps its first reason; a
    list of no items has nothing to doubt), and ten flag modules wrote it out, some with the empty list's test and
    some without (each of their rules finds no doubt in no items, so the outcome was the same; session 48)."""
    rec = found.get("recipients")
    if rec is None or rec.review or not isinstance(rec.value, list) or not rec.value:
        return None
    return rec, [v for v in rec.value if isinstance(v, str)]


def flag_recipients(found: dict[str, Field], doubt: Callable[[list[str]], str | None]) -> None:
    """Give the recipients :func:`open_recipients` returns the reason ``doubt`` finds in their items, if any."""
    if (got := open_recipients(found)) is not None:
        got[0].review = doubt(got[1])


def make_field(value: Any, base: float, line: Line | None, start: int = 0, end: int | None = None,
               repaired: bool = False) -> Field:
    """A field read from ``line[start:end]``: ``base`` is how sure the pattern that found it is, lowered
    when OCR slips had to be undone (``repaired``) and by the worst OCR word confidence, when known."""
    if value in (None, "", []):
        return missing()
    conf = base * (0.9 if repaired else 1.0)
    if line is None:
        return Field(value, round(conf, 3))
    ocr = line.conf(start, end)
    if ocr is not None:
        conf *= 0.5 + 0.5 * ocr
    return Field(value, round(conf, 3), line.page, line.box(start, end), line.text[start:end])


_OCR_NUMBER = re.compile(r"\b(?=[0-9Oo]*[0-9])[0-9Oo]+\b")
_ZERO_IN_WORD = re.compile(r"(?<=[^\W\d_])0|0(?=[^\W\d_])")
#: what a value's ends are trimmed of: spaces, rules (``_-—``), separators and quotes. A bracket (``(b/c)``), a
#: stroke (``12/``), ``!?…``, an angle quote and ``–`` stay: the set clean() has always trimmed (a wider one is
#: a change of behaviour, not measured)
_TRIM = edge_without(BRACKETS + ANGLES + "!?…–/\\|") + " "


def clean(s: str) -> str:
    """Spaces collapsed, rules and punctuation trimmed, ``O``/``0`` read back by context (``1O`` -> ``10``,
    ``C0NG`` -> ``CONG``)."""
    s = _OCR_NUMBER.sub(lambda m: m.group().replace("O", "0").replace("o", "0"), s)
    s = " ".join(_ZERO_IN_WORD.sub("O", w) if not w[:1].isdigit() else w for w in s.split())
    return re.sub(r"\s+", " ", s).strip(_TRIM)
