"""A register table over several pages: the page with the header gives the columns, a continuation page
that repeats only the column numbers (``(1) (2) … (7)``, as printed registers and the generator's do) is
read with those columns carried over.

Why the column numbers: they are the one row a continuation page shares with the header's page, each
centred in its column as the header's cells are. So the header's cell centres, mapped to the continuation
page by a scale and a shift fitted to the numbers' centres (the pages of one record may be scanned at
another resolution or offset; their words are on the deskewed page), give the continuation page's
columns. The fit must hold for every number read: a number out of place or out of order, too few numbers,
or no numbers at all on a page whose rows carry dates is said in plain words on a row of that page (its
rows are then not read: never a column guessed).
"""

from __future__ import annotations

import re
from typing import Any

from .dates import find_dates
from .ocrtext import PageText
from .registers import Column, Piece, body_rows, judge, line_pieces, page_words, read_rows
from .tokens import OCR_DIGITS

#: a printed column number as read: ``(3)``, ``3)``, ``(3``, with O/o/I/l for 0/1 (``Œ)`` is left out: unread)
NUMBER = re.compile(r"^\(?([0-9OoIl]{1,2})\)?[.,]?$")
#: the fit's worst miss, as a share of the narrowest gap between two columns' centres
TOLERANCE = 0.25


def _number_row(pieces: list[Piece], h: float, n: int) -> list[Piece] | None:
    """The topmost band of short pieces (two letters or digits at most) that holds at least half the
    columns' numbers and three: a body row holds two such pieces at most (its entry number, ``Nữ``)."""
    short = sorted((p for p in pieces if 0 < len(re.sub(r"\W", "", p.text)) <= 2 and len(p.text) <= 4),
                   key=lambda p: p.centre_y)
    for i, p in enumerate(short):
        band = [q for q in short[i:] if q.centre_y - p.centre_y <= 0.5 * h]
        if len(band) >= max(3, (n + 1) // 2):
            return sorted(band, key=lambda q: q.box[0])
    return None


def _number(text: str) -> int | None:
    m = NUMBER.match(text.strip())
    return int(m.group(1).translate(OCR_DIGITS)) if m else None


def carried_columns(header: list[Column], page: int, pieces: list[Piece], h: float
                    ) -> tuple[list[Column], float] | str | None:
    """The header's columns placed on a continuation page and the bottom of its column numbers; a reason
    in plain words where the numbers are there but do not match the header with confidence; None where the
    page shows no column numbers."""
    n = len(header)
    band = _number_row(pieces, h, n)
    if band is None:
        return None
    numbers = [_number(p.text) for p in band]
    if len(band) == n and all(d in (None, i + 1) for i, d in enumerate(numbers)):
        pairs = list(enumerate(band))  # every column's number, in order (one misread is placed by its order)
    else:
        pairs = [(d - 1, p) for d, p in zip(numbers, band, strict=True) if d is not None and 1 <= d <= n]
        if len(pairs) < 3 or any(a[0] >= b[0] for a, b in zip(pairs, pairs[1:], strict=False)):
            read = " ".join(p.text for p in band)
            return f"page {page}'s column numbers ({read}) do not match the {n} columns of the register's header"
    xs = [(header[k].x0 + header[k].x1) / 2 for k, _ in pairs]
    ys = [(p.box[0] + p.box[2]) / 2 for _, p in pairs]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    var = sum((x - mx) ** 2 for x in xs)
    scale = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / var if var else 0.0
    shift = my - scale * mx
    centres = [(c.x0 + c.x1) / 2 for c in header]
    gap = min(b - a for a, b in zip(centres, centres[1:], strict=False)) * scale
    miss = max(abs(scale * x + shift - y) for x, y in zip(xs, ys, strict=True))
    if not 0.5 <= scale <= 2.0 or miss > TOLERANCE * gap:
        return (f"page {page}'s column numbers do not line up with the register header's columns "
                f"(off by {miss:.0f} px): its rows were not read")
    cols = [Column(c.key, c.header, round(scale * c.x0 + shift), round(scale * c.x1 + shift)) for c in header]
    return cols, max(p.box[3] for p in band)


def _unread(page: int, why: str) -> dict[str, Any]:
    """A row that stands for a continuation page's rows not read: it carries the reason to the review."""
    return {"page": page, "row": 1, "cells": {}, "bbox": None, "confidence": 0.0, "review": why}


def read_register(pages: list[PageText], restore: Any = None) -> list[dict[str, Any]]:
    """Every register row of ``pages``, judged (empty where no page is a register table): a page with the
    header read by it, a later page of the same document without one by the header's columns carried over
    (``carried_columns``); a later page whose rows carry dates but whose columns cannot be matched gets one
    row saying so."""
    out: list[dict[str, Any]] = []
    header: list[Column] | None = None
    for page in pages:
        if (got := read_rows(page)) is not None:
            header = got[0]
            out += judge(*got, restore)
            continue
        if header is None or (pw := page_words(page)) is None:
            continue
        words, h = pw
        carried = carried_columns(header, page.number, line_pieces(words, 0.6 * h), h)
        if isinstance(carried, tuple):
            rows = body_rows(page.number, words, h, *carried)
            out += judge(carried[0], rows, page.rivals, restore) if rows else []
        elif len(find_dates(page.text)) >= 2:  # rows of a register, columns unknown
            out.append(_unread(page.number, carried or f"page {page.number} seems to continue the register "
                               "but shows neither its header nor its column numbers: its rows were not read"))
    return out
