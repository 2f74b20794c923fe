"""What was lost between the page and a value, seen in the value's own words: a word of the subject left out of a
gap on its line, a letter of a recipients list's fixed formula (issue 14 item 9).

Why: both slips leave every word the engine did read sure of itself, so no confidence and no syllable check sees
them (bench/RESULTS.md, "Flags, forty-seventh round (session 29)"):

- HG57 speckle-19-kh-079's subject ``… chuyển đổi trên địa bàn …`` lost ``số``: between ``đổi`` and ``trên`` the
  stored words leave 55 px, 4.6 times the line's usual word gap (12 px) and more than a word's height, while every
  word of the line was read at 93-97. A line of print spaces its words evenly; on the fit basis no right subject has
  two of its adjacent words more than 2.0 times the line's median gap apart (the wider gaps on a subject's line part
  it from the place and date beside it, which are not the value's neighbours).
- HG57 typewriter-08-gm-205's recipients ``Như thành phần mờ`` for ``Như thành phần mời`` (read at 91.8, no rival):
  ``mờ`` is a syllable, and ``mời`` makes no word with ``phần`` in the list of words (``wordpairs``), so nothing
  doubted it. The list's formulas are fixed wording (Decree 30: ``Như trên``, an invitation's ``Như thành phần
  mời``, a decision's ``Như Điều 3``): an item one or two letters from one of them is the formula misread.

Session 33 (eighty-third round): HG104 typewriter-09 cv-181's subject ``V/v tổ chức thu gom thải sinh hoạt …`` lost
``rác`` at the end of its first line (0.858, every word read at 96): no gap inside the line, but a letter's subject is
centred (Decree 30, under the number; a title's under the title), and that line's centre stood 64 px left of its two
other lines' (which agreed to a pixel), more than a word's height: a word at its end was lost
(:func:`centre_doubt`).

All only flag; which reading is right is the reviewer's.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections.abc import Sequence
from typing import Any

from rapidfuzz.distance import Levenshtein

from .faintflags import value_words, word_tuples
from .fields import Field, flag_recipients
from .widewords import wide_word_doubt

#: a gap between two adjacent words of the value at least this many times its line's median word gap ...
GAP_FACTOR = 3.0
#: ... and at least this share of the line's median word height is a word's room
GAP_HEIGHT = 1.0
#: a line needs this many words (three gaps) before its median gap says how it is spaced
GAP_MIN_WORDS = 4
#: a centred value's line whose centre stands this many word heights from its other lines' is missing a word ...
CENTRE_OFF = 1.0
#: ... when those lines' centres agree to this share of a word height, their left edges differ by at least
#: CENTRED_SPREAD heights (centred, not aligned left: a left-aligned block's last line is short by nature), and the
#: value has CENTRED_LINES lines or more (the others must show the centring)
CENTRE_AGREE = 0.5
CENTRED_SPREAD = 2.0
CENTRED_LINES = 3
#: the recipients list's fixed formulas (Decree 30) and how many edits from one an item is taken for it misread
FORMULAS = ("Như trên", "Như thành phần mời")
#: a decision's formula naming the article that executes it (``Như Điều 3``): compared with the item's own number
ARTICLE_FORMULA = "Như Điều {}"
_ARTICLE = re.compile(r"(\d+)$")
FORMULA_EDITS = 2
_END = re.compile(r"[\s;,.:]+$")


def gap_doubt(value: str, words: Sequence[tuple]) -> str | None:
    """Why a word may be lost from ``value``: on one line of its ``words`` ((text, confidence, box, line) tuples,
    :func:`archivist.faintflags.value_words`) two words adjacent in the value stand GAP_FACTOR times the line's
    median word gap apart, and at least GAP_HEIGHT of its word height."""
    lines: dict[int, list[tuple]] = {}
    for w in words:
        lines.setdefault(w[3], []).append(w)
    padded = f" {value} "
    for line in lines.values():
        if len(line) < GAP_MIN_WORDS:
            continue
        line.sort(key=lambda w: w[2][0])
        gaps = [(b[2][0] - a[2][2], a[0], b[0]) for a, b in zip(line, line[1:], strict=False)]
        median = max(1.0, statistics.median(g[0] for g in gaps))
        height = statistics.median(w[2][3] - w[2][1] for w in line)
        for gap, left, right in gaps:
            if gap >= GAP_FACTOR * median and gap >= GAP_HEIGHT * height and f" {left} {right} " in padded:
                return (f"'{left}' and '{right}' stand {gap} px apart on the page, {gap / median:.1f} times the "
                        "line's word gap: a word between them may be lost")
    return None


def _value_lines(value: str, words: Sequence[Any], bbox: Sequence[float]) -> list[list[tuple]]:
    """The value's words on the page by line: from its first word inside ``bbox`` on, the page's words (in lines
    and across each line) that spell the value's words in order, skipping what stands beside it on its lines (the
    place and date beside a letter's subject share its first lines)."""
    want = value.split()
    x0, y0, x1, y1 = bbox
    ordered = sorted(word_tuples(words), key=lambda w: (w[3], w[2][0]))
    start = next((i for i, w in enumerate(ordered) if w[2][0] >= x0 - 3 and w[2][1] >= y0 - 3
                  and w[2][2] <= x1 + 3 and w[2][3] <= y1 + 3 and w[0] == want[0]), None)
    lines: dict[int, list[tuple]] = {}
    j = 0
    for w in ordered[start:] if start is not None else ():
        if j == len(want):
            break
        if w[0] == want[j]:
            lines.setdefault(w[3], []).append(w)
            j += 1
    return list(lines.values()) if j == len(want) else []


def centre_doubt(value: str, words: Sequence[Any], bbox: Sequence[float] | None) -> str | None:
    """Why a word may be lost at the start or end of a line of a centred ``value`` (a subject): its lines but one
    share a centre (to CENTRE_AGREE of a word height) with their left edges apart (centred, not aligned left), and
    that one line's centre stands CENTRE_OFF word heights or more from theirs."""
    lines = _value_lines(value, words, bbox) if bbox is not None and value.split() else []
    if len(lines) < CENTRED_LINES:
        return None
    height = statistics.median(w[2][3] - w[2][1] for line in lines for w in line)
    spans = [(min(w[2][0] for w in line), max(w[2][2] for w in line)) for line in lines]
    for i, line in enumerate(lines):
        others = [s for k, s in enumerate(spans) if k != i]
        centres = [(a + b) / 2 for a, b in others]
        if max(centres) - min(centres) > CENTRE_AGREE * height or \
                max(a for a, _ in others) - min(a for a, _ in others) < CENTRED_SPREAD * height:
            continue
        off = (spans[i][0] + spans[i][1]) / 2 - statistics.mean(centres)
        if abs(off) >= CENTRE_OFF * height:
            edge = max(line, key=lambda w: w[2][2])[0] if off < 0 else min(line, key=lambda w: w[2][0])[0]
            where = f"after '{edge}'" if off < 0 else f"before '{edge}'"
            return (f"the value's lines are centred but the one with '{edge}' stands {abs(off):.0f} px off their "
                    f"centre: a word {where} may be lost")
    return None


def formula_doubt(items: Sequence[Any]) -> str | None:
    """Why a recipients list may hold a formula misread: an item within FORMULA_EDITS characters of one of
    :data:`FORMULAS`, or of :data:`ARTICLE_FORMULA` with the item's own closing number, but not it (``Như thành
    phần mờ``; ``Như triều 3`` for ``Như Điều 3``, flags57: on the fit basis of seeds 22-67 and HG47 seven wrong
    lists hold such an item, six flagged already, and no right one of 1,331)."""
    for item in items:
        if not isinstance(item, str):
            continue
        text = unicodedata.normalize("NFC", _END.sub("", item.strip()))
        article = _ARTICLE.search(text)
        for formula in FORMULAS + ((ARTICLE_FORMULA.format(article.group(1)),) if article else ()):
            if 0 < Levenshtein.distance(text, formula) <= FORMULA_EDITS:
                return f"'{text}' is the list's formula '{formula}' misread"
    return None


def flag_lost(found: dict[str, Field], pages: Sequence[Any]) -> None:
    """Mark for review a subject with a word lost in a gap of its line or a typed letter lost in a word's box
    (:mod:`archivist.widewords`), and a recipients list with a formula misread (``pages``: the document's
    :class:`archivist.ocrtext.PageText` with their words)."""
    flag_recipients(found, formula_doubt)
    subj = found.get("subject")
    if subj is None or subj.review or not isinstance(subj.value, str) or not subj.value:
        return
    page = next((p for p in pages if p.number == subj.page and p.words), None)
    if page is not None:
        held = value_words(page.words, subj)
        subj.review = gap_doubt(subj.value, held) or centre_doubt(subj.value, page.words, subj.bbox) or \
            wide_word_doubt(held, page.words)  # flags127: a typed word's box a letter wider than its text
