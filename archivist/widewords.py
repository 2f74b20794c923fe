"""A typewritten subject's word whose box holds a letter more than its text, as a review flag (flags127, issue 14
item 9).

Why: a typed letter lost at a word's start leaves a word that is still a syllable, so no syllable or word test sees
it. tw141 (typewriter40's set 141) typewriter-04-qd-092-nghia-hung printed ``kênh mương nội đồng``; the engine read
``ương`` (61.4) and the subject was stored at 0.771 unflagged. The page still tells: a typewriter gives every glyph
the same cell, so a word's box is as many cells wide as its text has glyphs, and the box of ``ương`` is 1.05 cells
wider than its four letters: the ``m`` stands in it, unread. :mod:`archivist.numberbox` measures a number's box so
(its face, bound and fair-box test reused as they are); here the page must be typewritten, where a cell is exact: a
serif page's capitals, marks and heading sizes make boxes up to 1.8 digits wider than their text on right subjects
(``ĐĂNG KHAI SINH``, ``TRÍCH``).

Measured on the 36 processed sets on this machine (bench/RESULTS.md "Flags, hundred-and-twenty-seventh round onward
(session 40, second round)"): 2,216 words of 156 subjects on typewritten pages; a box of its own ink 0.75 cell or
more wider than its text on 5 subjects, all wrong (4 flagged already); on right subjects no word's box stood more
than 0.5 cell too wide.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .faintflags import word_tuples
from .numberbox import EXTRA_DIGITS, extra_digits, face_fit, own_ink, page_scale

#: a typed page's sure words agree with one cell a glyph to this share (the median deviation of width / advance;
#: 0.015 on tw141's page): a page whose words agree less is no typewriter's, whatever face fits it best
MONO_SPREAD = 0.05


def wide_word_doubt(held: Sequence[tuple[str, float, Any, int]], words: Sequence[Any]) -> str | None:
    """Why a value read from the words ``held`` (:func:`archivist.faintflags.value_words`) on a page of ``words`` may
    have lost a letter: the page is typewritten (:func:`archivist.numberbox.page_scale`, its words within MONO_SPREAD
    of one cell a glyph) and one of the words stands, of its own ink (:func:`archivist.numberbox.own_ink`), in a box
    at least EXTRA_DIGITS cells wider than its text."""
    tuples = word_tuples(words)
    scale = page_scale(tuples)
    fit = face_fit(tuples, True)
    if scale is None or not scale[1] or fit is None or fit[1] > MONO_SPREAD:
        return None
    for text, _conf, box, _line in held:
        extra = extra_digits(text, box[2] - box[0], scale)
        if extra >= EXTRA_DIGITS and own_ink(box, [w for w in tuples if tuple(w[2]) != tuple(box)]):
            return (f"the typed word '{text}' stands in a box {extra:.1f} cells wider than its text: a letter of it "
                    "may be lost")
    return None
