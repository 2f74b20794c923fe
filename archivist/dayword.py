"""Doubt on the date's day from the word the page read for it: a letter glued to its digits, or a lone digit before it.

Why: two wrong days stored without a flag in session 40's sets (bench/RESULTS.md, "Flags, hundred-and-sixteenth round
onward (session 40)"), both read at full confidence from a word the day's grammar took apart:

- TW144 (typewriter40's set) typewriter-08-gm-226: ``ngày 27`` typed, read ``øgày Z7``; the date took ``7`` from
  ``Z7`` and stored ``2009-06-07`` (0.859). The day's word is read again on typed pages, but both readings were empty,
  and :func:`archivist.dateread.day_doubt` wants one reading giving another day beside the letter.
- SP156 (speckle40's set) speckle-08-gm-144: ``ngày 17``, a speck between its digits, read ``hgày 1 7``; the date
  took ``7`` and stored ``2006-11-07`` (0.928).

A printed day is digits alone, and the word before it is ``ngày`` (or the place's comma): a letter inside the day's
word means a digit was read as a letter (``Z`` for ``2``), a number word before it a digit cut off. On the 482
stored dates of the session's sets each sign stood once, on its target (wrong); no right date shows either. Flags
only: the value is kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from .faintflags import reading_order
from .fields import Field

#: the longest word a day's word with a glued letter is taken for (``Z7``, ``1O``, ``2l,``)
GLUED_LEN = 3


def _day(value: str) -> int | None:
    m = re.fullmatch(r"\d{4}-\d{2}-(\d{2})", value)
    return int(m.group(1)) if m else None


def day_word_doubt(before: str, word: str, day: int) -> str | None:
    """Why the stored ``day`` read from the date's first word ``word`` (``before``: the line's word before it) may be
    misread: ``word`` holds a letter beside the day's digits, or ``before`` is a lone number of one or two digits."""
    digits = "".join(re.findall(r"\d", word))
    if not digits or int(digits) != day:
        return None
    if len(word.strip(",.")) <= GLUED_LEN and re.search(r"[^\W\d_]", word):
        return f"the date's day word '{word}' holds a letter beside its digits: a digit read as a letter and " \
            f"dropped (the day stored {day})"
    if re.fullmatch(r"\d{1,2}", before):
        return f"the date's day '{word}' follows a lone '{before}' on its line: one number read in two (the day " \
            f"stored {day})"
    return None


def flag_day_word(f: Field | None, pages: Sequence[Any]) -> None:
    """Flag the date (not flagged yet) by :func:`day_word_doubt` on the first word of its box and the word before
    it on that line. The value is never changed."""
    if f is None or f.review or not isinstance(f.value, str) or f.bbox is None:
        return
    day = _day(f.value)
    page = next((p for p in pages if p.number == f.page), None)
    if day is None or page is None:
        return
    x0, y0, x1, y1 = f.bbox
    words = reading_order(getattr(page, "words", None) or [])
    at = next((i for i, w in enumerate(words) if w[2][0] < x1 and w[2][2] > x0 and w[2][1] < y1 and w[2][3] > y0),
              None)
    if at is None:
        return
    before = words[at - 1][0] if at and words[at - 1][3] == words[at][3] else ""
    f.review = day_word_doubt(before, words[at][0], day)
