"""A recipients item cut short by a word dropped as debris whose box holds more than its text, as a review flag
(flags126, issue 14 item 9).

Why: the debris rule (:func:`archivist.recipients.recipient_debris`) drops a short unknown word at an item's end,
and a unit's code the engine read short is such a word. AT138 29-ctr-146-my-loc printed ``- Lưu: VT, TC.``; the
engine read ``Lưu: VT T.`` (the comma lost, ``TC.`` read ``T.`` at 56.5), the ``T`` was dropped, and the list was
stored at 0.85 with ``Lưu: VT`` unflagged: no separator was left for the open-end test, a lone capital is no code's
shape (:func:`archivist.recipients.code_dropped`) and no foreign letter (:func:`archivist.itemtail.foreign_code_doubt`).
The page still tells: the box of ``T.`` is 45 px wide, 0.8 of a digit wider than ``T.`` set in the page's face. A
box wider than its text held glyphs the reading lost, as a number's box does (:func:`archivist.numberbox.box_doubt`,
whose measure, bound and fair-box test are reused as they are).

Measured on the 36 processed sets on this machine (bench/RESULTS.md "The sealed pair 137-138's two cases (session
40)"): 27 words were dropped from items as debris; a box so wide (not taller than the page's words, running into no
other) on 3 lists, all wrong (2 flagged already); the right lists' dropped words were a big stamp's box (tall) and
boxes narrower than their text (specks read as letters).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .faintflags import value_words, word_tuples
from .fields import Field
from .itemtail import trimmed_words
from .numberbox import EXTRA_DIGITS, extra_digits, own_ink, page_scale

#: the marks an item's word is read with that the item kept drops (``T.`` kept as ``T``)
_EDGE = ".,;:"


def wide_debris_doubt(rec: Field, pages: Sequence[Any]) -> str | None:
    """Why the recipients ``rec`` may have lost letters: a word a trimmed item dropped as debris stands in the list's
    box in a box at least EXTRA_DIGITS digits of the page's face wider than its text, its own ink
    (:func:`archivist.numberbox.own_ink`)."""
    page = next((p for p in pages if p.number == rec.page and p.words), None)
    trimmed = trimmed_words(rec.changes)
    if page is None or not trimmed:
        return None
    tuples = word_tuples(page.words)
    scale = page_scale(tuples)
    held = value_words(page.words, rec)
    for read, _kept, lost in trimmed if scale else ():
        for word in lost:
            box = next((w for w in reversed(held) if w[0].strip(_EDGE) == word.strip(_EDGE)), None)
            if box is None or not own_ink(box[2], [w for w in tuples if tuple(w[2]) != tuple(box[2])]):
                continue
            extra = extra_digits(box[0], box[2][2] - box[2][0], scale)
            if extra >= EXTRA_DIGITS:
                return (f"'{box[0]}', dropped from '{read}' as debris, stands in a box {extra:.1f} digits wider than "
                        "its text: letters of the item may be lost")
    return None
