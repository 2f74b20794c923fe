"""A review flag for a subject that names a day no calendar has (issue 14 item 9, session 33).

Why: a subject often names a day by day and month (``kỷ niệm Ngày Quốc khánh 02/9``, ``ngày 30 tháng 4``), and on
a typed or faded page a digit of it is misread at a confidence no threshold may doubt: HG103 typewriter-07
kh-165's subject was stored ``… Quốc khánh 62/9 năm 2008`` for ``02/9`` at 0.736, unflagged. A day over its month's
length or a month over 12 is no reading of any record: a digit was misread, and which one only a person can tell, so the
subject is flagged and stays as read. Only day-month forms are judged (``D/M``, ``D/M/YYYY``, ``ngày D tháng
M``): a number and symbol (``45/2019/NQ-HĐND``) has a four-digit part or letters after its slash.

A subject naming a month of a year (``tiếp công dân định kỳ tháng 5 năm 2008``) far from the document's own date is
the other doubt here (session 34): HG101 typewriter-07 tb-212, dated 4 May 2009, stored ``… tháng 5 năm 2008`` for
``… năm 2009`` at 0.881, unflagged (the typed ``9`` read ``8``). A month's report or plan is written within a few
months of that month (the December report in January, the next quarter's plan before it); one MONTHS_APART or more
from the date is a digit misread of the year (or of the date), which only a person can tell. On the fit basis
(seeds 86-108) seven subjects named a month of another year than the date's, all seven wrong, six flagged already
(bench/RESULTS.md, "Flags, eighty-eighth round (session 34)").
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


#: ``tháng 5 năm 2008``, ``tháng 5/2008``
_MONTH_YEAR = re.compile(r"\btháng\s+(?P<m>\d{1,2})\s*(?:/|năm)\s*(?P<y>\d{4})(?!\d)", re.I)
#: a month's report or plan stands fewer months than this from its document's date
MONTHS_APART = 6


def far_month(subject: str, date: Field | None) -> str | None:
    """The first month of a year the subject names (``tháng 5 năm 2008``) MONTHS_APART or more from the document's
    date (an ISO ``date`` field's value), as written; None when there is none or no date to hold it to."""
    value = date.value if date is not None else None
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return None
    at = int(value[:4]) * 12 + int(value[5:7])
    for m in _MONTH_YEAR.finditer(subject):
        month = int(m.group("m"))
        if 1 <= month <= 12 and abs(int(m.group("y")) * 12 + month - at) >= MONTHS_APART:
            return m.group(0)
    return None


def flag_subject_day(found: dict[str, Field]) -> None:
    """Mark the subject for review when it names a day no calendar has (:func:`impossible_day`) or a month far from
    the document's date (:func:`far_month`)."""
    subj = found.get("subject")
    if subj is None or not isinstance(subj.value, str) or subj.review:
        return
    if (day := impossible_day(subj.value)) is not None:
        subj.review = f"the subject names '{day}', a day no calendar has: a digit was misread"
    elif (far := far_month(subj.value, found.get("date"))) is not None:
        subj.review = f"the subject names '{far}', {MONTHS_APART} months or more from the document's date: a digit " \
                      "of a year may be misread"
