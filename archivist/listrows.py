"""Review flags for a recipients list read from where its rows stand on the page: a row lost between the label
and the first item or between two items, rows read out of order, a word lost after an item's bullet.

Why a module of its own: these rules read the lines' boxes (a row's middle height, the steps between rows, a
word's distance from its bullet), where :mod:`archivist.listflags`' other rules read the items' words; they were
its rounds thirteen, sixteen, twenty-three and twenty-seven, moved here when that module passed 400 lines.
:mod:`archivist.listflags` still calls them (and keeps their names); :mod:`archivist.listlossflags` measures its
two-row gap with :data:`ROW_GAP` and :func:`_mid`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from statistics import median_high, median_low
from typing import Any

from .faintflags import word_tuples
from .footer import Footer
from .ocrtext import Line


def _two_letters(word: str) -> bool:
    """``word`` holds two letters or more: a word or a code, not a speck read as a letter or a mark."""
    return sum(c.isalpha() for c in word) >= 2


#: a list's first item this many line pitches or more below ``Nơi nhận:``: a line between them was not read
#: (AT19 2.2; on the fit sets the widest right list stood 1.96 pitches below, most 1.0-1.3). Refitted on footers
#: read in order (session 44, :func:`label_gap_doubt`'s rows): unchanged
LABEL_GAP = 2.0


def _mid(ln: Line) -> float | None:
    """The middle height of a line's words (the median: a speck on the row does not move it)."""
    mids = [(b[1] + b[3]) / 2 for *_, b, _c in ln.spans]
    return median_high(mids) if mids else None


def label_gap_doubt(footer: Footer) -> str | None:
    """Why the recipients are doubtful: their first row stands :data:`LABEL_GAP` pitches (the mean step
    between their rows) or more below the ``Nơi nhận:`` label, on the same page: an item's line was lost.

    A row is a line with a word of two letters (:func:`_two_letters`): since the footer is read in order
    (archivist/footorder.py) the signature column's strokes read as lines of their own (``—``) come after the list
    as its lines, standing between its rows, and counted as rows they shrank the pitch (sealed AT242 tb-184's right
    list: 2.29 pitches; 1.20 of its three rows; session 44)."""
    rows: dict[int, list[float]] = {}
    for ln in footer.recipients:
        if footer.label and ln.page == footer.label.page and any(map(_two_letters, ln.text.split())) \
                and (m := _mid(ln)) is not None:
            rows.setdefault(ln.index, []).append(m)
    mids = sorted(median_high(v) for v in rows.values())
    top = _mid(footer.label) if footer.label else None
    if len(mids) < 2 or top is None:
        return None
    pitch = (mids[-1] - mids[0]) / (len(mids) - 1)  # the mean step: rows of the signature between items widen it
    if pitch > 0 and (mids[0] - top) / pitch >= LABEL_GAP:
        return f"the first recipient stands {(mids[0] - top) / pitch:.1f} lines below 'Nơi nhận:': a line was lost"
    return None


#: a step between two rows of a list this many times the list's median step or more: a row between them was not
#: read (HG30 1.89: ``- UBMTTQ VN xã;`` lost whole; on seeds 22-30 right lists step at most 1.14 times their median,
#: a lost row doubles it; twenty-third round). The usual step is the steps' lower median: a list of three rows has
#: two steps, and when one of them is the doubled one the upper median is that step itself (AT34 ``nq-115``: rows
#: 40 then 77 px apart, ``- TT Đảng ủy xã (b/c);`` lost; twenty-seventh round).
ROW_GAP = 1.6


def row_gap_doubt(footer: Footer, items: Sequence[str], words: Sequence[Any]) -> str | None:
    """Why the recipients are doubtful: two rows of the list that hold its words (an item's or its continuation's,
    on the list's first page) stand :data:`ROW_GAP` median steps or more apart, and the page (``words``, as
    ``(text, conf, box, line)``) has no word of two letters or digits on the row between (a signature line read
    as a row of its own there fills it): the row was left blank by the engine, an item not read at all, with no
    debris of it, so :func:`dropped_item_doubt` sees nothing."""
    held = {w for item in items for w in item.split() if _two_letters(w)}
    page = footer.recipients[0].page if footer.recipients else None
    mids = [m for ln in footer.recipients if ln.page == page and held & set(ln.text.split())
            and (m := _mid(ln)) is not None]
    steps = [b - a for a, b in zip(mids, mids[1:], strict=False)]
    if len(steps) < 2 or (usual := median_low(steps)) <= 0:
        return None
    filled = [(b[1] + b[3]) / 2 for text, _c, b, _ln in word_tuples(words) if len(re.findall(r"[^\W_]", text)) >= 2]
    for a, step in zip(mids, steps, strict=False):
        if step >= ROW_GAP * usual and not any(a + usual / 2 < y < a + step - usual / 2 for y in filled):
            return f"two rows of the list stand {step / usual:.1f} lines apart: a row between them was lost"
    return None


def order_doubt(footer: Footer, items: Sequence[str]) -> str | None:
    """Why the recipients are doubtful: a line holding an item, as read, stands higher on its page than the
    item's line read before it, by more than half a line's height: the engine ordered the lines by boxes that
    specks or a seal stretched, so the items are stored in another order than the page prints them. Lines
    that hold no item (a speck ``*``, debris ``-)ấệp,`` beside the list) are not ordered: they are no item."""
    prev: tuple[int, float, str] | None = None
    for ln in footer.recipients:
        if (mid := _mid(ln)) is None or not any(item in ln.text for item in items):
            continue
        height = median_high(b[3] - b[1] for *_, b, _c in ln.spans)
        if prev and prev[0] == ln.page and mid < prev[1] - height / 2:
            return f"'{ln.text.strip()}' stands above '{prev[2]}', read before it: the items' order was not read"
        prev = (ln.page, mid, ln.text.strip())
    return None


def lost_head_doubt(footer: Footer, items: Sequence[str]) -> str | None:
    """Why the recipients are doubtful: an item's first word stands further after its bullet than the other
    items' do, by more than a line's height (AT22: ``- HĐND xã;`` 90 px after its ``-``, the others 15 px: the
    ``TT`` printed between was not read, and ``HĐND xã`` alone is a body too, so no word check doubts it).
    Only lines that hold an item, and a first word of two letters or more, count: a speck after a bullet
    (``„``, ``-``) or a line of debris (``- )rcwX``) is no item's word."""
    gaps: list[tuple[float, float, str]] = []
    for ln in footer.recipients:
        spans = sorted(ln.spans, key=lambda s: s[2][0])
        words = [ln.text[a:b] for a, b, *_ in spans[:2]]
        if not any(item in ln.text for item in items) or len(spans) < 2:
            continue
        if not re.search(r"[^\W_]", words[0]) and len(re.findall(r"[^\W\d_]", words[1])) >= 2:
            first = spans[1][2]
            gaps.append((first[0] - spans[0][2][2], first[3] - first[1], ln.text.strip()))
    if len(gaps) < 3:
        return None
    usual = median_high(g for g, _h, _t in gaps)
    height = median_high(h for _g, h, _t in gaps)
    for gap, _h, text in gaps:
        if gap - usual > height:
            return f"'{text}' stands {gap - usual:.0f} px further after its bullet than the others: a word was lost"
    return None
