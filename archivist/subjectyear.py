"""A review flag for a subject's year that the text, repeating the subject's words before it, writes otherwise
(issue 14 item 9).

Why: a subject's year misread in one digit where the other is no digit Tesseract is known to confuse it with
(HG131 typewriter-09-gm-067, typed: ``… tiêm chủng mở rộng năm 2003`` for ``năm 2009``, 0.73, unflagged) passes
:func:`archivist.agreement.subject_year_slip`, which wants a known confusion: a subject may name another year than
its date's (``báo cáo quý III năm 2013`` sent in 2016), so a year alone is no evidence. The text is: an invitation's
body repeats the subject (``Tới dự họp triển khai kế hoạch tiêm chủng mở rộng năm 2099.``), and where the words
before the year are the subject's while the year is another, one of the two readings slipped; the subject's, when
the text writes its year nowhere else. The value is kept: which reading is right is the reviewer's to see.
"""

from __future__ import annotations

import re

from .ocrtext import fold_key

#: a year as a subject writes it, with the two words before it: ``mở rộng năm 2003``
_WORDS_YEAR = re.compile(r"(\S+)\s+(\S+)\s+n[aăâ]\S?m\s+(\d{4})\b", re.I)


def repeat_year_doubt(subject: str, text: str) -> str | None:
    """Why ``subject`` is doubtful given the document's ``text``: it names a year after two words (letters, not a
    date's ``tháng 3``) that the text writes again before another year, and the text writes the subject's year
    nowhere but in the subject."""
    for m in _WORDS_YEAR.finditer(subject):
        words, year = fold_key(f"{m.group(1)} {m.group(2)}"), m.group(3)
        if text.count(year) > subject.count(year) or not all(w.isalpha() for w in words.split()):
            continue  # written again; or a date's words (``tháng 3 năm 2015``), which every date line repeats
        for other in _WORDS_YEAR.finditer(text):
            if other.group(3) != year and fold_key(f"{other.group(1)} {other.group(2)}") == words:
                return (f"the subject's year {year} is written {other.group(3)} where the text repeats "
                        f"'{m.group(1)} {m.group(2)}': one of the two was misread")
    return None
