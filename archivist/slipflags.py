"""Review flags for a date whose year the page's layout era contradicts, and for a subject's slips the engine was
sure of (fifty-third round of issue 14 item 9).

Why: on the fit basis of session 30 (seeds 22-62 and HG47) these values were stored wrong without a flag, each
read at a confidence no threshold may doubt (bench/RESULTS.md, "Flags, fifty-third round (session 30)"):

- HG56 typewriter-09 tb-183's date ``2019-08-17`` for ``2010-08-17`` (0.928): a typed ``0`` read as ``9``. Its page
  signs ``TM. UỶ BAN NHÂN DÂN``, Circular 55/2005's spelling, which Circular 01/2011 replaced (``ỦY``). On the fit
  basis no right date of 2011 or later stands on a page with ``UỶ`` or ``HOÀ`` in capitals (0 of 1494), every
  right date before 2011 but 17 does (1590): a date of 2011 or later on such a page is a misread year.
- HG58 speckle-24 qd-089's subject ``thiên tai và-tìm kiếm`` (0.883): a speck read as a hyphen between two words.
  No right subject glues two small-letter syllables with a hyphen (a compound is spaced, ``kinh tế - xã hội``).
- HG62 typewriter-11 tb-179's ``Về việc Lịch trực Yết Nguyên đán`` (0.785): the word after the opening ``Về
  việc`` is written in small letters unless it opens a name (``Về việc Ban Chỉ đạo …``, each word capitalised);
  a capital there before a small-letter word (``Lịch trực``) is a letter misread: four subjects on the fit basis,
  all wrong, no right one.
- HG58 typewriter-11 bb-041's ``an toàn thực phấn`` for ``thực phẩm`` (0.734): an ``m`` read as ``n`` with its
  tone (:func:`archivist.wordpairs.stroke_doubt`).
- AT58 pc-022's ``Về việc chuyến đơn của công dân`` for ``chuyển đơn`` (0.866): ``chuyển đơn`` is not in the list
  of words, but the body writes it (``… xã chuyển đơn đến …``) and the subject's pair nowhere else
  (:func:`archivist.wordpairs.text_twin_doubt`).
- AT67 don-kien-nghi's ``từ cư sử chăn nuôi`` for ``cơ sở`` (0.819, flags57): both syllables one mark off
  (:func:`archivist.wordpairs.double_doubt`).
- Typed pages restored with a thicker stroke (thick31, session 31) read every syllable as a word where the thinner
  one left a non-word to flag: HG63 typewriter-10 ttr-181's ``cấn giấy chứng nhận: quyền`` (0.703), a speck read
  as a colon inside the subject, and HG44 typewriter-12 ttr-166's ``tại thôn cầu Đá`` for ``Cầu Đá`` (0.855), a
  name's first capital read small. On the fit basis (105 sets) no right subject holds a colon between two words
  (39 wrong ones do) nor a level word, a small-letter word that makes no word with it and then a capital (2 wrong
  ones do): a unit's name after its level word is capitalised in every syllable.

All only flag; the values stay as read.
"""

from __future__ import annotations

import re

from .fields import Field
from .recipients import CIRCULAR_01, old_spelling
from .wordpairs import canon, double_doubt, entries, stroke_doubt, text_twin_doubt

#: the subject's fixed opening and the two words after it
_OPENING = re.compile(r"^\W*Về việc\s+(\S+)\s+(\S+)")
#: what a word is read without at its edges
_EDGES = ".,;:()\"'“”"
#: a colon glued to a word and followed by a small-letter word: inside a sentence, not after its opening
_INNER_COLON = re.compile(r"([^\s:]*[^\W\d_]):\s+([^\W\d_]+)")
#: the subject's own openings, which some offices write with a colon (``V/v: …``)
_OPENINGS = ("v/v", "việc", "về")
#: the level words before a unit's name in running text (``tại thôn Cầu Đá``, ``ấp Bình Hòa``)
_UNIT_LEVELS = ("thôn", "ấp", "xóm", "xã", "phường", "huyện", "tỉnh", "quận")


def era_doubt(value: object, texts: list[str]) -> str | None:
    """Why the date ``value`` (ISO) is doubtful: it is of 2011 or later, and its page spells as Circular 55/2005
    did (``UỶ``, ``HOÀ``), which Circular 01/2011 replaced."""
    if not isinstance(value, str) or not value[:4].isdigit() or int(value[:4]) < CIRCULAR_01:
        return None
    spelt = old_spelling(texts)
    return f"the page spells '{spelt}' as Circular 55/2005 did, not as texts of {value[:4]}" if spelt else None


def glued_hyphen_doubt(subject: str) -> str | None:
    """Why a subject is doubtful: two small-letter syllables are joined by a hyphen (``và-tìm``), a speck or a
    stroke read between two words."""
    for token in subject.split():
        parts = token.strip(_EDGES).split("-")
        if len(parts) == 2 and all(p.isalpha() and p.islower() for p in parts):
            return f"'{token.strip(_EDGES)}' joins two words with a hyphen: a speck read between them"
    return None


def opening_capital_doubt(subject: str) -> str | None:
    """Why a subject is doubtful: the word after ``Về việc`` opens with a capital and the next word is in small
    letters (``Về việc Lịch trực``): no name opens so, a small letter was misread."""
    m = _OPENING.search(subject)
    if m is None:
        return None
    first, then = m.group(1), m.group(2).strip(_EDGES)
    if first.isalpha() and first[0].isupper() and first[1:].islower() and then.isalpha() and then.islower():
        return f"'{first}' is capitalised after 'Về việc' before '{then}': no name opens so"
    return None


def inner_colon_doubt(subject: str) -> str | None:
    """Why a subject is doubtful: a colon stands between two words of its sentence (``chứng nhận: quyền``), not
    after its opening (``V/v:``): a speck read as a colon, and the letters beside it likely misread too."""
    for m in _INNER_COLON.finditer(subject):
        if m.group(1).lower() not in _OPENINGS and m.group(2).islower():
            return f"'{m.group(1)}: {m.group(2)}': a colon inside the subject's sentence, a speck read as one"
    return None


def name_case_doubt(subject: str) -> str | None:
    """Why a subject is doubtful: a level word is followed by a small-letter word that makes no word with it and
    then by a capitalised one (``thôn cầu Đá``): a unit's name is capitalised in every syllable, so its first
    capital was read small."""
    words = [w.strip(_EDGES) for w in subject.split()]
    for level, word, then in zip(words, words[1:], words[2:], strict=False):
        if (level in _UNIT_LEVELS and word.isalpha() and word.islower() and then[:1].isupper()
                and f"{canon(level)} {canon(word)}" not in entries()):
            return f"'{level} {word} {then}': a unit's name after its level word, its first capital read small"
    return None


def flag_slips(found: dict[str, Field], texts: list[str]) -> None:
    """Mark for review a date of 2011 or later on a page spelled as Circular 55 wrote, and a subject with a
    hyphen glued between two words, a capital after its opening, an ``m`` read as ``n``, a pair of words the
    document writes otherwise elsewhere, a colon inside its sentence or a unit's name with a small first letter."""
    day = found.get("date")
    if day is not None and not day.review:
        day.review = era_doubt(day.value, texts)
    subj = found.get("subject")
    if subj is not None and isinstance(subj.value, str) and not subj.review:
        subj.review = glued_hyphen_doubt(subj.value) or opening_capital_doubt(subj.value) \
            or stroke_doubt(subj.value) or text_twin_doubt(subj.value, "\n".join(texts)) or double_doubt(subj.value) \
            or inner_colon_doubt(subj.value) or name_case_doubt(subj.value)
