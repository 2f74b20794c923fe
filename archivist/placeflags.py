"""Doubts about the place of the header's place-and-date line that its geometry gives.

Decree 30 centres the place-and-date line under the national title and the motto (the same column, the same
centre). A word lost whole at the line's start (the level word ``Xã`` the engine did not read, HG43
``Quỳnh Hậu`` for ``Xã Quỳnh Hậu`` at 0.885) leaves the words that were read where they were printed, so what is
left of the line stands right of the column's centre by half the lost word and its space. A place written without
its level word (a district body's, or a unit's short form) is centred like any other, so the shift, not the missing
word, is the evidence.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence

from .ocrtext import Line

#: how far right of the centre of the national title or the motto (in heights of the place's words) what was read
#: of the place-and-date line may stand. A lost ``Xã`` and its space move it about 1.0 of them (seeds 22-43: 0.97-1.05
#: from the nearer centre for the three places that lost their level word alone); the 341 places of seeds 22-43
#: stored right without a level word stand at 0.56 at most (0.29 at the 99th percentile) from the mean of the two, at
#: 0.45 at most from the nearer one, which is the one judged (a title read in two pieces moves one centre).
#: Forty-third round: HG53 speckle-21-tb-078's ``Kim Sơn`` for ``Xã Kim Sơn`` stood 0.69 from the nearer centre
#: (a speckled page); the 493 right bare header places of seeds 22-53 stand at 0.45 at most (HG34 speckle-21-gm-050,
#: 0.07 at the 99th percentile), so the bound is the midpoint of 0.45 and 0.69
PLACE_SHIFT = 0.57


def _centre(line: Line) -> float | None:
    box = line.box()
    return None if box is None else (box[0] + box[2]) / 2


def place_shift_doubt(place: Line, line: Line, anchors: Sequence[Line]) -> str | None:
    """Why a place read without a level word is doubtful: its place-and-date ``line`` (from the place on) stands
    :data:`PLACE_SHIFT` of the place's word height or more right of the centre of each of ``anchors`` (the header's
    national title and motto lines): a word before the place was not read. None without boxes."""
    heights = [box[3] - box[1] for _, _, box, _ in place.spans if box[3] > box[1]]
    start, whole = place.box(), line.box()
    centres = [c for c in map(_centre, anchors) if c is not None]
    if not heights or start is None or whole is None or not centres:
        return None
    height = statistics.median(heights)
    shift = min(((start[0] + whole[2]) / 2 - c) / height for c in centres)
    if shift < PLACE_SHIFT:
        return None
    return f"the place-and-date line stands {shift:.1f} lines right of the motto's centre it is centred under: " \
        "a word before the place (its level word) was not read"


def case_slip_doubt(place: object) -> str | None:
    """Why a place is doubtful: a word of it has a capital after its first letter and a small letter too (``Tiên
    PHong``, flags136, seed 198 speckle-04-ttr-111-tien-phong at 0.866: the engine took a small ``h`` for a capital,
    ``XÃ TIÊN PHONG`` and ``xã Tiên Phong`` on the same page). A place's name is written in capitals or each word
    with one capital; a word so mixed is no name's spelling. Apostrophes and dots part a word first (``Ea H'Leo``,
    ``TP.HCM`` are names)."""
    if not isinstance(place, str):
        return None
    for word in place.split():
        for part in re.split(r"[-'’.]", word):
            letters = [c for c in part if c.isalpha()]
            if any(c.isupper() for c in letters[1:]) and any(c.islower() for c in letters[1:]):
                return f"'{word}' mixes capitals and small letters inside the word: a letter's case was misread"
    return None
