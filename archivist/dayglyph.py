"""An impossible day or month repaired by the engine's own second glyph, not the digit-confusion table alone.

:func:`archivist.dates._make` reads a day no calendar has (``ngày 37 tháng 7``) back through the digits the engine
confuses, when exactly one such reading is a date, and says so (``DateMatch.guessed``: the value is flagged). The
table does not know which digit was misread: session 47's sealed AT398 read ``37`` for a printed ``27``, and the
table's one date was ``31`` (``7`` for ``1``), while the engine had weighed ``2`` for the ``3`` (choice confidence
57.7 against 93.0, kept in the record's ``Word.rivals``). Where the engine weighed another digit for one of the
impossible number's digits and exactly one such reading is a date, that reading is the repair; the value stays
flagged, the reason naming the engine's glyph (bench/RESULTS.md, "Flags, session 48's round"). Without such a
rival, or with the table's own pick, nothing changes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from .faintflags import value_words
from .fields import Field

#: the reason :func:`archivist.dates._make` gives a guessed day or month
_GUESSED = re.compile(r"^the (?P<part>day|month) was read as (?P<read>\d{2,}), which no calendar has; (?P<now>\d+) is "
                      r"a guess from digits the engine confuses$")
_RUN = re.compile(r"\d+")


def _with(value: date, part: str, n: int) -> date | None:
    try:
        return value.replace(day=n) if part == "day" else value.replace(month=n)
    except ValueError:
        return None


def engine_readings(read: str, at: int, rivals: Sequence[tuple[int, str, float, float]], value: date,
                    part: str) -> set[date]:
    """The dates the engine's other digits for the characters of ``read`` (standing at ``at`` in its word, whose
    ``rivals`` they are) make of ``value``'s ``part`` (``day`` or ``month``)."""
    found = set()
    for i, ch, _mine, _theirs in rivals:
        if at <= i < at + len(read) and ch.isdigit():
            if (d := _with(value, part, int(read[:i - at] + ch + read[i - at + 1:]))) is not None:
                found.add(d)
    return found


def reread_guess(f: Field | None, pages: Sequence[Any]) -> None:
    """Set a guessed date (``f``, its reason :func:`archivist.dates._make`'s) to the one reading the engine's second
    glyph gives, if there is one and it is not the table's; the value stays flagged, the reason saying why."""
    m = _GUESSED.match(f.review or "") if f is not None else None
    page = next((p for p in pages if f is not None and p.number == f.page and getattr(p, "rivals", None)), None)
    if m is None or page is None or not isinstance(f.value, str):
        return
    try:
        value = date.fromisoformat(f.value)
    except ValueError:
        return
    runs = [(w, r) for w in value_words(page.words, f) for r in _RUN.finditer(w[0]) if len(r.group()) < 4]
    which = 0 if m["part"] == "day" else 1  # day, month, year: ``ngày 37 tháng 7`` and ``37/7/2009`` alike
    if len(runs) <= which or runs[which][1].group() != m["read"]:
        return
    word, run = runs[which]
    text, rivals = page.rivals.get(tuple(word[2]), (word[0], ()))
    got = engine_readings(run.group(), run.start(), rivals, value, m["part"]) if text == word[0] else set()
    if len(got) != 1 or (new := got.pop()) == value:
        return
    n = new.day if m["part"] == "day" else new.month
    f.value = new.isoformat()
    f.review = (f"the {m['part']} was read as {m['read']}, which no calendar has; the engine's second choice for a "
                f"digit of it gives {n} (the table of digits it confuses gave {m['now']}): a guess from the pixels")
