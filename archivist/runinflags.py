"""A value that holds a line of another column run into it (sixteenth round of issue 14 item 9).

Why: on a two-column header the engine may read the right column's date line into the left column's subject
(HG23: ``V/v đôn đốc thu nộp thuế sử dụng Xã Tân Thạnh Đông, ngày 16 tháng 12 năm 2009 đất phi nông
nghiệp``). Every word of it is read right and the subject's confidence is the words' (0.843), so no syllable
or confidence check doubts it. A date line has a form of its own: a place, a comma, ``ngày D tháng M năm Y``.
A subject may cite a date (``Công văn số 16/UBND-NV ngày 16 tháng 02 năm 2012``), after a document's number,
never after a comma: on the fit sets (seeds 10-23) the form stood in eight subjects, all wrong, in no right one.
"""

from __future__ import annotations

import re

from .textnorm import normalize

#: a date line's tail: ``, ngày 16 tháng 12 năm 2009`` (``.`` for a comma misread; digits may be misread too)
_DATE_LINE = re.compile(r"(?i)[,.]\s*ngày\s+\S{1,3}\s+tháng\s+\S{1,3}\s+năm\b")


def date_line_doubt(value: str) -> str | None:
    """Why a subject is doubtful: it holds a date line (``…, ngày 16 tháng 12 năm 2009``): the header's other
    column run into it, so its words between are not the subject's."""
    m = _DATE_LINE.search(normalize(value))
    return f"'{m.group().lstrip(',. ')}' inside the subject: the date line run into it" if m else None
