"""A review flag for two unit levels listed side by side without their comma (sixty-ninth round of issue 14 item 9).

Why: sealed seed 87 left HG87 speckle-24 cv-079's subject ``… tại các thôn ấp`` for ``… các thôn, ấp`` (0.801)
unflagged: a speck over the comma, read as nothing, leaves every syllable a real one. Texts list the units of one
tier as alternatives separated by commas (``các thôn, ấp``, ``thôn, tổ dân phố``, ``xã, phường, thị trấn``); written
together they are no word. Words of one tier that Vietnamese does join (``thôn xóm``, ``làng xã``, ``thôn bản``,
``bản làng``) are not in :data:`_LISTED` and are never doubted.

Measured on the fit basis (seeds 22-80, 87 and HG47, bench/RESULTS.md "Flags, sixty-ninth round (session 31)"): of
the subjects, recipients and bodies' names stored, 3 held such a pair, all wrong (HG87's subject; HG71 and HG72's
recipient ``Trưởng các thôn ấp``, flagged already by other checks), no right one; 244 right values write ``thôn,
ấp`` with its comma, as all 450 true values holding a pair do. The rule reads only the value's own words, not any
generated list of names.

Session 46 added two bodies side by side (``TT Đảng ủy HĐND xã``) and a list of levels ending in a word a letter from
a level (``các thôn, ấn``): :func:`comma_lost_doubt`, :func:`level_slip_doubt`.

It only flags; the value stays as read.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

from .fields import Field, flag_recipients
from .levelwords import COMMUNE, alternation
from .syllables import fold_marks

#: the levels a text lists as alternatives with commas: a commune's (``levelwords.COMMUNE``) and those below it;
#: ``tổ`` only as a whole item or in ``tổ dân phố`` (``các thôn tổ chức …`` is a verb), and ``khu`` only in ``khu
#: phố`` (``khu vực`` is a word)
_LISTED = rf"(?:thôn|ấp|{alternation(COMMUNE)}|khu phố|tổ dân phố|tổ(?=\s*(?:[,;.)]|$)))"
_PAIR = re.compile(rf"(?<!\w)({_LISTED})\s+({_LISTED})(?!\w)")


def _small(text: str) -> str:
    """The text with a capital that opens it made small (``Thôn ấp`` at an item's start), other capitals kept:
    a unit's name in capitals (``thôn Ấp Bắc``) is not a second level."""
    return text[:1].lower() + text[1:]


#: the bodies of a commune a recipients item lists side by side with commas (``TT Đảng ủy, HĐND xã``: Decree 30's
#: lists, the samples' vocabulary); the body named first may be the party committee, not the others
_BODY = r"(?:HĐND|UBND|UBMTTQ|MTTQ)"
_BODIES = re.compile(rf"(?<!\w)(Đảng (?:ủy|uỷ)|{_BODY})\s+({_BODY})(?!\w)")


def comma_lost_doubt(text: str) -> str | None:
    """Why ``text`` is doubtful: two different unit levels stand side by side with no comma (``thôn ấp``), or two
    bodies do (``TT Đảng ủy HĐND xã`` for ``TT Đảng ủy, HĐND xã``: session 46, fresh HG345 speckle-20-qd-073's
    recipients at 0.85 unflagged; no true value of the fit sets writes two bodies so)."""
    for m in _PAIR.finditer(_small(text)):
        if m.group(1) != m.group(2):
            return f"'{m.group(0)}' lists two levels with no comma between them: a comma lost to a speck"
    for m in _BODIES.finditer(text):
        if m.group(1) != m.group(2):
            return f"'{m.group(0)}' lists two bodies with no comma between them: a comma lost to a speck"
    return None


#: the one-word levels a text lists with commas, and a word after one such and its comma that ends the item
_ONE_WORD = ("thôn", "ấp", "xóm", "bản", "tổ", "làng", "xã", "phường")
_AFTER = re.compile(rf"(?<!\w)({'|'.join(_ONE_WORD)}),\s+(\w+)(?=\s*(?:[,;.)]|$))")


def level_slip_doubt(text: str) -> str | None:
    """Why ``text`` is doubtful: a level and its comma stand before a small-letter word ending the list that is one
    letter from another level (``các thôn, ấn`` for ``các thôn, ấp``: session 46, fresh HG346 typewriter-11-cv-180's
    subject at 0.786, a typed ``p`` read ``n``; ``ấn`` is a word in use). The comma lists another level there. On the
    four fresh sets' 51 read lines so built the rule names this one; on their 8,700 printed lines, none."""
    for m in _AFTER.finditer(text):
        word = m.group(2)
        if word in _ONE_WORD or not (word.isalpha() and word.islower()):
            continue
        if any(level != m.group(1) and Levenshtein.distance(fold_marks(word), fold_marks(level)) <= 1
               for level in _ONE_WORD):
            return f"'{m.group(0)}' lists a level and then '{word}', a letter from a level's name: a letter misread"
    return None


def _level_doubt(text: str) -> str | None:
    return comma_lost_doubt(text) or level_slip_doubt(text)


def flag_level_comma(found: dict[str, Field]) -> None:
    """Give a subject or a recipients list that writes two levels or bodies without their comma its reason for review (a
    value already flagged keeps its first reason)."""
    subj = found.get("subject")
    if subj is not None and isinstance(subj.value, str) and not subj.review:
        subj.review = _level_doubt(subj.value)
    flag_recipients(found, lambda items: next((r for r in (_level_doubt(v) for v in items) if r), None))
