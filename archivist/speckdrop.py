"""Speck tokens dropped from a value's line (issue 14, session 40 second round).

Why: on speckled pages a speck the restoration kept beside the text is sometimes read as a token of its own, and
it ends up inside a stored value: subjects ``… xã . „ tại …``, ``… 2016 *``, a civil record's person ``Huỳnh Văn
Long ˆ``. Word error does not see them (no truth word is lost), but the field is wrong, and the debris flags
(:mod:`archivist.debrisflags`) send each one to a person who only deletes the mark.

A token is dropped only where the page shows it is a speck:

- it holds no letter and no digit (marks only), and it is not made of the punctuation a value's text needs as a
  word of its own (:data:`NEEDED`: a dash between words ``kinh tế - xã hội``, a comma of a list, a bracket, the
  ``/`` of a number or ``V/v``);
- its box is small beside the line's words (at most :data:`SMALL` of their median height, so never a letter or a
  digit read as a symbol);
- it stands apart from the words: its box touches neither neighbour's (a mark glued to a word is the word's, and
  its letters may be spoilt too).

The value then says what was dropped (``changes``, and ``read`` keeps the line as read), as the number grammar does.
The box is the whole evidence; a speck inside a word, or a token a word's letters may have gone into, is left for
the debris flags.
"""

from __future__ import annotations

import unicodedata
from statistics import median

from .ocrtext import Line

#: the punctuation a value's text needs as a token of its own: dashes between words, commas and semicolons of a
#: list, brackets, the stroke of a number or ``V/v``, ``%`` and ``&``. A lone one is kept, whatever its box.
NEEDED = frozenset("-–—,;()[]{}/%&+")
#: the largest height of a speck's box, as a share of the median height of the line's words of letters or digits:
#: a mark read from a speck is a dot's or a comma's size; a letter or a digit misread as a symbol is as tall as
#: its neighbours
SMALL = 0.6


def _has_letter(token: str) -> bool:
    """Whether ``token`` holds a letter or a digit. A modifier letter (``ˆ`` U+02C6, ``˜``) is a mark here: Python
    counts it a letter, but no word is written with one alone."""
    return any(c.isalnum() and unicodedata.category(c) != "Lm" for c in token)


def _is_mark_token(token: str) -> bool:
    """Marks only (no letter or digit), not all of them punctuation a value needs alone (:data:`NEEDED`)."""
    return bool(token) and not _has_letter(token) and not set(token) <= NEEDED


def word_height(lines: list[Line]) -> float | None:
    """The median height of the boxes of ``lines``' words of letters or digits; None without any."""
    heights = [bx[3] - bx[1] for ln in lines for a, b, bx, _ in ln.spans if _has_letter(ln.text[a:b])]
    return median(heights) if heights else None


def speck_spans(line: Line, tall: float | None = None) -> list[int]:
    """The indexes into ``line.spans`` of its speck tokens (see the module's docstring); none without boxes.
    Measured against the line's words, or against ``tall`` (the words' height of the value's other lines) on a
    line that holds none: the engine cuts a speck far from the words into a line of its own (seed 153's subject
    ``… năm 2005`` / ``ˆ``)."""
    spans = line.spans
    tall = word_height([line]) or tall
    if not tall:
        return []
    out = []
    for i, (a, b, bx, _) in enumerate(spans):
        if not _is_mark_token(line.text[a:b]) or bx[3] - bx[1] > SMALL * tall:
            continue
        left = spans[i - 1][2] if i else None
        right = spans[i + 1][2] if i + 1 < len(spans) else None
        if (left is None or left[2] < bx[0]) and (right is None or bx[2] < right[0]):
            out.append(i)
    return out


def drop_specks(line: Line, tall: float | None = None) -> tuple[Line, list[str]]:
    """``line`` without its speck tokens (boxes kept for the rest; ``tall`` as :func:`speck_spans`), and what was
    dropped, as a value's ``changes`` say it."""
    drop = set(speck_spans(line, tall))
    if not drop:
        return line, []
    text, spans, changes = "", [], []
    for i, (a, b, bx, conf) in enumerate(line.spans):
        token = line.text[a:b]
        if i in drop:
            changes.append(f"'{token}' dropped: a speck read as a token of its own (its box small and apart "
                           "from the words)")
            continue
        text += " " if text else ""
        spans.append((len(text), len(text) + len(token), bx, conf))
        text += token
    return Line(line.page, line.index, text, spans), changes
