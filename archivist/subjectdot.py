"""A subject's dash that is a dot's size: a speck read as ``-`` (issue 14 item 9, session 41 second round, flags135).

Why: seed 198 speckle-05-kh-090-kim-son stored ``Thực hiện công tác tuyển chọn và - gọi công dân nhập ngũ năm
2016`` for ``… tuyển chọn và gọi …`` (0.72, unflagged): a speck at the end of the subject's first line was read as
``-`` (92, a box 3 px by 3 px beside words 35 px tall). :mod:`archivist.speckdrop` keeps every lone dash whatever its
box (``kinh tế - xã hội`` needs it), so the value kept it and no rule doubted it.

What the page tells: a dash is a stroke, wider than it is tall, about a third of the line's words' height long. On
every stored page of the session's copied runs (``/work/runs/flags41/runs``, speckle41's seeds 196-199) the lone
dashes' widths, as a share of their line's median word height, fall in two heaps: 9,000 at 0.25-0.5 and past, the
printed dashes, and about 500 at 0.03-0.2, the specks. So a subject is doubted when a lone dash of it is at most
:data:`DOT` of its line's word height wide and no wider than :data:`SQUARE` times its own height: a dot, not a
stroke. It flags; the value keeps the dash (only the image tells whether the page printed one).
"""

from __future__ import annotations

from .layout import Line
from .speckdrop import word_height

#: the widest a dash read from a speck is, as a share of its line's median word height (printed dashes: 0.25 and up)
DOT = 0.2
#: the most a dot's box is wider than tall; a dash's stroke is several times wider
SQUARE = 1.5
_DASHES = frozenset({"-", "–", "—"})


def dot_dash_doubt(lines: list[Line]) -> str | None:
    """Why a subject read from ``lines`` is doubtful: a lone dash of it has a dot's box, not a dash's stroke."""
    for ln in lines:
        tall = word_height([ln]) or word_height(lines)
        for a, b, bx, _ in ln.spans if tall else ():
            wide, high = bx[2] - bx[0], bx[3] - bx[1]
            if ln.text[a:b].strip() in _DASHES and wide <= DOT * tall and wide <= SQUARE * max(high, 1):
                where = f"after '{ln.text[:a].split()[-1]}'" if ln.text[:a].split() else "opening a line"
                return f"the '-' {where} is a dot {wide} px wide beside words {tall:.0f} px tall: a speck, not a dash"
    return None
