"""Values two independent readings confirm: their confidence given back, so a right value is not sent to review
for the OCR's doubt about words a second reading answers (issue 14 item 9: at most 15% of right values flagged).

Why: on the hard pages of the accuracy bench (typewritten, speckled, faded), right values were flagged only for
their words' low OCR confidence, while the document read the same thing a second time, on another line, alike
(bench/RESULTS.md, "Flags, twentieth round (session 25)", fitted on seeds 22-27):

- the issuer ``ỦY BAN NHÂN DÂN XÃ KIM SƠN`` and the place line ``Xã Kim Sơn, ngày …`` name the commune alike,
  each as the OCR read it (no mark restored from the other);
- the authority ``KT.`` above the position ``PHÓ CHỦ TỊCH`` (a deputy signs for the head), or ``TM.`` above
  ``CHỦ TỊCH`` (the head signs for the body), as Decree 30 pairs them;
- an invitation's subject ``Dự hội nghị sơ kết công tác quý III năm 2018`` restated word for word in its body,
  ``Tới dự hội nghị sơ kết công tác quý III năm 2018.``;
- the parent body ``UBND HUYỆN CAN LỘC`` read word for word above the issuer ``ỦY BAN NHÂN DÂN XÃ MỸ LỘC``, also
  read word for word, where the administrative units' lists hold Xã Mỹ Lộc under Huyện Can Lộc: two lines of the
  header that agree through the lists (thirty-third round: on seeds 22-42, 128 right parents were flagged for
  their weakest word's OCR confidence alone, 9 of them with a word at 0, and 25 for a weak word on a faint page;
  91 and 8 of them are confirmed so, no wrong one);
- a register (``SỔ ĐĂNG KÝ KHAI SINH``) has no date line: its date is its first entry's, taken from the table
  at the discount of a date found in the text (it may be another date of the page), but the book it is
  written in (``Quyển số: 02/2024``) is the year's, and an entry of that year is the register's.

A confirmation never removes a review reason: a value a check doubts, or read on a faint page with a weak word,
or with a character the engine nearly read otherwise, stays flagged (those checks run after and judge the words).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from .calibration import threshold_for
from .classify import THRESHOLD
from .crosscheck import name_key, unit_names
from .faintflags import FAINT_WORD_CONF
from .fields import Field
from .levelwords import BODY_HEADS, COMMUNE, DISTRICT, alternation
from .ocrtext import fold_key
from .tokens import EDGE as _EDGE

#: the issuer's pattern confidence (``archivist.extract``: a body's head and level word, 0.9), given back
ISSUER_CONFIRMED = 0.9
#: an issuer the place line confirms is not judged word by word after (a faint page's weak word, a rival letter) when
#: the place line would itself pass a faint page's bar: a place-and-date line's place (pattern 0.9,
#: archivist/partfields.py) whose weakest word is read at FAINT_WORD_CONF or more (bench/RESULTS.md, "Flags, session
#: 48's round": right issuers flagged on faint pages 27 -> 10 over 20 stored runs, no wrong one newly unflagged)
ISSUER_ANSWERED_PLACE = round(0.9 * (0.5 + 0.5 * FAINT_WORD_CONF / 100), 3)
#: the parent body's pattern confidence (``archivist.extract``: a body's head above the issuer, 0.85), given back
PARENT_CONFIRMED = 0.85
#: an authority read as the position below it requires: as sure as a deputy's position under ``KT.`` (0.85)
AUTHORITY_CONFIRMED = 0.85
#: what a subject restated in the body is given back: ``archivist.subject``'s confidence for a subject that opens
#: as subjects do (``Về``, ``V/v``); a plainer opening starts at 0.75 there, and the body's second reading of it
#: is what lifts it to this
SUBJECT_CONFIRMED = 0.9
#: a subject restated in the body is a second reading of it from this many words up
RESTATED_WORDS = 4
#: the authorities and the positions Decree 30 signs them with
_PAIRS = {("KT.", "PHÓ CHỦ TỊCH"), ("TM.", "CHỦ TỊCH")}
_NAME = r"[^\W\d_]+(?: [^\W\d_]+){1,3}"
#: a commune's body, its head written whole, with its commune's name or its unit (level word and name); a
#: district's body, its head whole or short, with its unit
_WHOLE_HEAD = alternation(h for h in BODY_HEADS if " " in h)
_COMMUNE_BODY = re.compile(rf"(?:{_WHOLE_HEAD}) XÃ (?P<name>{_NAME})")
_COMMUNE_UNIT = re.compile(rf"(?:{_WHOLE_HEAD}) (?P<unit>(?:{alternation(w.upper() for w in COMMUNE)}) {_NAME})")
_DISTRICT_BODY = re.compile(
    rf"(?:{alternation(BODY_HEADS)}) (?P<unit>(?:{alternation(w.upper() for w in DISTRICT)}) {_NAME})")
_REGISTER = re.compile(r"so\s*dang\s*ky\b")
_BOOK_YEAR = re.compile(r"quyen\s*so\s*[:.]?\s*\d{1,3}/(?P<y>\d{4})\b")


def _as_read(text: str) -> str:
    """The words of ``text`` with punctuation around them and tokens without a letter (specks, dashes) left out:
    what the OCR read of a name, to compare with a value (``-‹ỦY BAN NHÂN DÂN -'XÃ MỸ LỘC.``). A modifier letter
    alone (``ˆ``, ``ˇ``: Unicode counts it a letter) is a speck too: no word is written with one
    (``HỘI ĐỒNG NHÂN DÂN ˆ XÃ PHÚ LƯƠNG``)."""
    return " ".join(w for t in text.split() if (w := t.strip(_EDGE)) and any(_letter(c) for c in w))


def _letter(c: str) -> bool:
    """``c`` is a letter words are written with: not a modifier letter (``ˆ``, category Lm)."""
    return c.isalpha() and unicodedata.category(c) != "Lm"


def sure(name: str, f: Field) -> bool:
    """Whether ``f``, the value of field ``name``, is one no check doubts and the OCR read surely enough that it
    would not be flagged: a second reading that can confirm another."""
    return not f.review and f.confidence >= threshold_for(name, THRESHOLD)


def issuer_confirmed(issuer: Field, place: Field | None) -> bool:
    """Whether the issuer, a commune's People's Committee or Council, was read word for word as it is filed,
    and the place line, read surely on its own line, names the same commune with the same marks: a real unit
    name (both readings as the OCR gave them, so a mark the restorer copied from one to the other is no
    agreement)."""
    m = _COMMUNE_BODY.fullmatch(issuer.value) if isinstance(issuer.value, str) else None
    if m is None or place is None or not isinstance(place.value, str) or issuer.review or not sure("place", place):
        return False
    name = m.group("name")
    read_place = re.sub(r"(?i)^xã\s+", "", _as_read(place.source_text or ""))
    return (_as_read(issuer.source_text or "") == issuer.value and name_key(read_place) == name_key(name)
            and name_key(place.value).removeprefix("xã ") == name_key(name) and name_key(name) in unit_names())


@lru_cache(maxsize=1)
def district_wards() -> frozenset[str]:
    """Every former commune under its district, ``district<TAB>commune`` with their level words, as
    :func:`archivist.unitnames.name_key` writes them (``huyện can lộc\txã mỹ lộc``); empty without the lists.
    Made once per database and code, then read from the user's cache, as :func:`archivist.unitnames.unit_names`
    (read back in about 0.012 CPU s, once a process, and only when a document's parent and issuer are of the
    patterns :func:`parent_confirmed` judges)."""
    from .adminunits import UnitError, data_dir, district_wards_raw
    from .tesswords import derived_lines, model_digest

    try:
        db = data_dir() / "dataset.db"
        data = model_digest(db)
    except (UnitError, OSError):
        return frozenset()
    here = Path(__file__).parent
    return frozenset(line for line in derived_lines(
        "district-wards", [Path(__file__), here / "unitnames.py", here / "textnorm.py", here / "adminunits.py"],
        lambda: {f"{name_key(d)}\t{name_key(w)}" for d, w in district_wards_raw()}, data=data) if line)


def parent_confirmed(parent: Field, issuer: Field | None) -> bool:
    """Whether the parent body (a district's, ``UBND HUYỆN CAN LỘC``) and the issuer (a commune's, ``ỦY BAN NHÂN
    DÂN XÃ MỸ LỘC``), each read word for word as it is filed, with no doubt on either, name a commune the lists
    hold under that district: two readings of the header that agree through the lists. A misread name is
    another unit (or none) and a misread head or level word no pattern of these, so the two would not meet."""
    if issuer is None or not isinstance(parent.value, str) or not isinstance(issuer.value, str) \
            or parent.review or issuer.review:
        return False
    p, i = _DISTRICT_BODY.fullmatch(parent.value), _COMMUNE_UNIT.fullmatch(issuer.value)
    if p is None or i is None or _as_read(parent.source_text or "") != parent.value \
            or _as_read(issuer.source_text or "") != issuer.value:
        return False
    return f"{name_key(p.group('unit'))}\t{name_key(i.group('unit'))}" in district_wards()


def authority_agrees(authority: str | None, position: str | None) -> bool:
    """Whether the authority is the one Decree 30 puts above ``position`` (read as printed, in capitals)."""
    return (authority, position) in _PAIRS


def register_year(title: str | None, folded_lines: list[str]) -> int | None:
    """The year of a register's book (``Quyển số: 02/2024``) when the document's title is a register's
    (``SỔ ĐĂNG KÝ …``): every entry of the book is of that year; None for any other document."""
    if title is None or not _REGISTER.match(fold_key(title)):
        return None
    for line in folded_lines:
        if m := _BOOK_YEAR.search(line):
            return int(m.group("y"))
    return None


def restated(value: str, text: str) -> bool:
    """Whether the document's ``text`` (its pages' lines) holds the subject ``value`` twice, word for word as the
    OCR read it: once as the subject, once more in the body (an invitation's ``Tới dự hội nghị sơ kết công tác
    quý III năm 2018.``), a second reading on other lines. The restatement closes its sentence where the value
    ends and the value opens on a capital, so a subject that lost a line at its end or start (a piece of the
    phrase the body holds whole) is no match; a short subject is no proof (``Khai sinh``)."""
    words = value.split()
    if len(words) < RESTATED_WORDS or not words[0][:1].isupper():
        return False
    flat = " ".join(text.split()).lower()
    phrase = re.escape(" ".join(words).lower())
    return len(re.findall(rf"(?<!\w){phrase}", flat)) >= 2 and re.search(rf"(?<!\w){phrase}\s*\.", flat) is not None


def confirm_agreeing(found: dict[str, Field], doubtful: Callable[[str], bool], text: str) -> set[str]:
    """Give the issuer its pattern's confidence back when the place line confirms it (:func:`issuer_confirmed`),
    the parent body when the issuer's commune is one of its district in the lists (:func:`parent_confirmed`), the
    subject when the body restates it (:func:`restated`; ``text``: the document's lines), and the authority
    when the position below it, read as printed, is the one it signs with. Run after the checks (a value they
    doubt is not confirmed); a name or a subject the document spells two ways (``doubtful``) is not.

    Returns the names of the values whose every word the confirmation answers, so the checks of single words run
    after it (a faint page's weak word, a rival letter) need not judge them: the parent body confirmed through the
    lists (a word misread in it would make it no district of the issuer's commune), and the issuer the place line
    names alike when that line was read at least as surely as a faint page asks (:data:`ISSUER_ANSWERED_PLACE`)."""
    iss = found.get("issuer")
    answered: set[str] = set()
    if iss is not None and issuer_confirmed(iss, place := found.get("place")) and not doubtful(iss.value):
        iss.confidence = max(iss.confidence, ISSUER_CONFIRMED)
        if place is not None and place.confidence >= ISSUER_ANSWERED_PLACE:
            answered.add("issuer")
    parent = found.get("parent_issuer")
    if parent is not None and parent_confirmed(parent, iss) and not doubtful(parent.value):
        parent.confidence = max(parent.confidence, PARENT_CONFIRMED)
        answered.add("parent_issuer")
    subj = found.get("subject")
    if subj is not None and isinstance(subj.value, str) and not subj.review and not doubtful(subj.value) \
            and restated(subj.value, text):
        subj.confidence = max(subj.confidence, SUBJECT_CONFIRMED)
    auth, pos = found.get("authority"), found.get("signer_position")
    if auth is not None and pos is not None and not auth.review and sure("signer_position", pos) and not pos.changes \
            and authority_agrees(auth.value, pos.value) and _as_read(pos.source_text or "").endswith(pos.value):
        auth.confidence = max(auth.confidence, AUTHORITY_CONFIRMED)
    return answered
