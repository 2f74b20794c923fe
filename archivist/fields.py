"""A metadata value with how sure the extractor is of it and where on the page it was read."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .ocrtext import Box, Line


@dataclass
class Field:
    """``value`` (None when not found), ``confidence`` 0-1, and its provenance: the page number, the
    pixel box of the words it was read from (None from plain text) and the text as read."""

    value: Any
    confidence: float
    page: int | None = None
    bbox: Box | None = None
    source_text: str = ""


def missing() -> Field:
    """A field that was looked for and not found."""
    return Field(None, 0.0)


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


def clean(s: str) -> str:
    """Spaces collapsed, rules and punctuation trimmed, ``O``/``0`` read back by context (``1O`` -> ``10``,
    ``C0NG`` -> ``CONG``)."""
    s = _OCR_NUMBER.sub(lambda m: m.group().replace("O", "0").replace("o", "0"), s)
    s = " ".join(_ZERO_IN_WORD.sub("O", w) if not w[:1].isdigit() else w for w in s.split())
    return re.sub(r"\s+", " ", s).strip(" _-—.,;:'\"`‘’“”")
