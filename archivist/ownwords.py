"""Which of the words a value was read from are the value's own, for the flags that judge a value by its weakest word.

A value is stored from a stretch of a line, and its confidence (:func:`archivist.fields.make_field`) and the faint
page's flag (:func:`archivist.faintflags.flag_faint`) go by the weakest word of that stretch. Two fields were read
from a stretch wider than the value:

- **The authority** (``TM.``, ``KT.``, ``TL.``, ``TUQ.``, ``Q.``) was read from its whole signature line, ``TM. ỦY BAN
  NHÂN DÂN`` or ``KT. CHỦ TỊCH``, though only the code is stored: a body's name or a position under a faded stroke
  made the code's value doubtful. On sessions 45-47's stored runs rescored by main ``0a55b29`` (20 sets,
  bench/RESULTS.md "Flags, session 48's round"), 34 of 537 right values flagged were authorities (of 494 right, none
  wrong), 31 of them by a word after the code (``DÂN`` at 86 on a faint page, or the field's confidence); no wrong
  authority was stored in any of the 192 runs under ``/work/runs`` (2,004 values). :func:`authority_span` gives the
  code's own characters, so its box, its confidence and its faint-page judgement are the code's word's: a code read
  weakly is still flagged (``KT.`` at 66, ``TM.`` at 86 on those sets).
- **The number** keeps its label (``Số: 110/TTr-UBND``) in its source text, the label's word in its box: on a faint
  page a weak ``Số:`` flagged 6 right numbers (label at 25-85) on those sets, 5 of them by it alone.
  :func:`own_words` leaves the label out of a number's words; every other word of it, a stray digit or a speck
  beside it included, is judged as before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from .ocrtext import _fold
from .signwords import authority_of

#: the number's label as the OCR reads it, folded: ``Số:``, ``Sô;``, ``SỐ``, ``So.``
_NUMBER_LABEL = re.compile(r"^so\W*$")


def authority_span(text: str) -> tuple[int, int] | None:
    """Where the authority code opening the signature line ``text`` stands (offsets into ``text``): ``TM.`` of
    ``TM. ỦY BAN NHÂN DÂN``, without the body or position after it; None when no code opens the line."""
    lead = len(text) - len(text.lstrip())
    found = authority_of(text[lead:])
    if found is None:
        return None
    return lead, lead + len(text[lead:lead + found[1]].rstrip())


def own_words(name: str, words: Sequence[Any]) -> list[Any]:
    """``words`` (a value's words, :func:`archivist.faintflags.value_words` tuples) without those that are not the
    value's own: the number's label ``Số:``. All of them when that would leave none (a label read alone is judged)."""
    if name != "number_symbol":
        return list(words)
    kept = [w for w in words if not _NUMBER_LABEL.match(_fold(w[0]).strip())]
    return kept or list(words)
