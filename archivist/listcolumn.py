"""The recipients list's column as a block, where the page's blocks could not be found (session 43).

Why: :mod:`archivist.unreadlines` reads a line the page's reading skipped inside a text block of
:func:`archivist.blocks.find_blocks`; on a speckled page that finds none (its specks are more than ``MAX_SPECKS``),
so the recipients list's last line, ``- Lưu: VT.`` at the height of the signer's title and the seal, stayed lost
when the page's first reading ran it into the title's line (6 of 38 pages of speckled seeds 256-259, 16 of their 27
line-lost words: bench/RESULTS.md, "The recipients' last line beside the seal (session 43, second round)").

The block: from the top of the ``Nơi nhận`` line down :data:`BELOW_MM` under the last word read in its column,
across the words of that column (those starting left of the page's middle), :data:`PAD_MM` round them. Its lines
are then found and read by :mod:`archivist.unreadlines` as in any block; what it reads there must open as the
list's last line does (:func:`list_line`), or it is not kept: the column holds specks, a seal's edge, a
signature's stroke.
"""

from __future__ import annotations

import re

from .blocks import Block
from .models import Word

MM = 25.4
#: How far under the column's last word read a line may be lost (mm): one line and its gap (11-13 pt, 5-6 mm).
BELOW_MM = 9.0
#: Paper kept round the column's words (mm).
PAD_MM = 1.5
#: A line read in the column is kept only when it opens as the list's last line does: ``- Lưu:`` (Decree 30's
#: ``Lưu: VT``, the office copy kept), its colon optional, its letters as read, never supplied.
LAST_LINE = re.compile(r"^Lưu[:;.,]?$")
#: A unit's code after it: two to four capitals, a separator or a stop after (``VT,``, ``VX.``, ``TC-KT.``).
CODE = re.compile(r"^[A-ZĐ]{2,4}(?:-[A-ZĐ]{1,4})?[,;.]?$")


def _label(words: list[Word]) -> Word | None:
    """The word opening the page's ``Nơi nhận`` label, the first read so: run together too (``Nơinhận:``), or its
    second word's vowel misread under specks (``Nơi nhữn?”``, seed 257 ``cv-212``)."""
    for w, nxt in zip(words, [*words[1:], None], strict=True):
        if w.text.startswith("Nơinh") or w.text == "Nơi" and nxt is not None and nxt.line == w.line \
                and nxt.text.startswith("nh"):
            return w
    return None


def list_column(words: list[Word], width: int, height: int, dpi: float) -> list[Block]:
    """The recipients column of the page (``words`` in the pixels of an image ``width`` by ``height`` at ``dpi``)
    as one block, or none where the page reads no ``Nơi nhận`` label."""
    label = _label(words)
    if label is None:
        return []
    middle = width / 2
    col = [w for w in words if w.bbox[1] >= label.bbox[1] - 2 and w.bbox[0] < middle]
    if not col:
        return []  # the label itself right of the middle: no column of the list to read
    pad, below = round(PAD_MM / MM * dpi), round(BELOW_MM / MM * dpi)
    x0 = max(0, min(w.bbox[0] for w in col) - pad)
    x1 = min(round(middle), max(w.bbox[2] for w in col) + pad)
    y0 = max(0, label.bbox[1] - pad)
    y1 = min(height, max(w.bbox[3] for w in col) + below)
    return [Block(x0, y0, x1, y1)]


def list_line(got: list[Word], sure: float) -> bool:
    """The words read on a lost line of the column open as the recipients list's last line: their first word with
    a letter, first or second (after the list's dash, which specks make ``~`` too), is ``Lưu`` read at ``sure``
    confidence or more."""
    first = next((i for i, w in enumerate(got) if any(c.isalpha() for c in w.text)), None)
    return first is not None and first <= 1 and bool(LAST_LINE.match(got[first].text)) and got[first].conf >= sure


def codes_only(got: list[Word]) -> list[Word]:
    """The words of a line :func:`list_line` kept, to the first after ``Lưu`` that is no unit's code in capitals
    (``VT.``, ``VX.``, ``ĐC.``, ``VT,'VP,`` not): what Decree 30 writes there, so a word read otherwise there is a
    misreading (``Vĩ`` for ``VT.``, seed 257 ``cv-212``), left out with all after it."""
    first = next(i for i, w in enumerate(got) if any(c.isalpha() for c in w.text))
    rest = got[first + 1:]
    end = next((i for i, w in enumerate(rest) if not CODE.match(w.text)), len(rest))
    return got[:first + 1 + end]
