"""A review flag for a subject that names a day no calendar has (issue 14 item 9, session 33).

Why: a subject often names a day by day and month (``kỷ niệm Ngày Quốc khánh 02/9``, ``ngày 30 tháng 4``), and on
a typed or faded page a digit of it is misread at a confidence no threshold may doubt: HG103 typewriter-07
kh-165's subject was stored ``… Quốc khánh 62/9 năm 2008`` for ``02/9`` at 0.736, unflagged. A day over its month's
length or a month over 12 is no reading of any record: a digit was misread, and which one only a person can tell, so the
subject is flagged and stays as read. Only day-month forms are judged (``D/M``, ``D/M/YYYY``, ``ngày D tháng
M``): a number and symbol (``45/2019/NQ-HĐND``) has a four-digit part or letters after its slash.
"""

from __future__ import annotations

import calendar
import re

from .fields import Field

#: ``02/9``, ``02/9/2008`` (not a part of ``12/15/QĐ``), or ``ngày 02 tháng 9``
_DAY_MONTH = re.compile(r"(?<![\d/])(?P<d>\d{1,2})\s?/\s?(?P<m>\d{1,2})(?=/\d{4}(?![\d/])|(?![\d/]))"
                        r"|\bngày\s+(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})(?!\d)", re.I)


def impossible_day(subject: str) -> str | None:
    """The first day-month the subject names that no calendar has (``62/9``), as written; None when all can be."""
    for m in _DAY_MONTH.finditer(subject):
        day, month = int(m.group("d") or m.group("d2")), int(m.group("m") or m.group("m2"))
        if not (1 <= month <= 12 and 1 <= day <= calendar.monthrange(2000, month)[1]):  # 2000: 29/2 can be
            return m.group(0)
    return None


def flag_subject_day(found: dict[str, Field]) -> None:
    """Mark the subject for review when it names a day no calendar has (:func:`impossible_day`)."""
    subj = found.get("subject")
    if subj is None or not isinstance(subj.value, str) or subj.review:
        return
    if (day := impossible_day(subj.value)) is not None:
        subj.review = f"the subject names '{day}', a day no calendar has: a digit was misread"
