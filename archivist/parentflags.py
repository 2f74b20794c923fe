"""Review flags for a parent issuer no higher than its issuer, a body's name that stops at its level word, and a
subject's syllable that lost its letters (seventieth and eightieth rounds of issue 14 item 9).

Why: sealed seed 88 left two wrong values unflagged.

- HG88 speckle-22 khai-sinh-309's parent issuer ``ỦY BAN NHÂN DÂN XÃ QUỲNH HẬU`` for ``UBND HUYỆN QUỲNH LƯU``
  (0.819): the issuer's own name, read one line up, stored as its parent. A parent body stands above the body it
  heads: a commune's (xã, phường, thị trấn, đặc khu) is a district or, for the 2025 two-level units, the province;
  a district's is the province. So a parent naming a commune-level unit, one whose level is not above the issuer's,
  or one that is the issuer itself, was misread.
- HG88 typewriter-07 ttr-006's subject ``Về việc đề gi công nhận …`` for ``đề nghị`` (0.721): a speck took ``n``,
  ``h`` and the mark of ``nghị``, leaving ``gi``, a syllable the rules allow but that no word of an administrative
  text writes bare (``gì`` carries its mark).

Measured on the fit basis (seeds 22-80, 87, 88 and HG47, bench/RESULTS.md "Flags, seventieth round (session
31)"): of 4,535 parent issuers stored (4,168 right, 367 wrong), the rule reaches 3, all wrong: the target and two
flagged already, the motto run in with its ``HỘI`` misread (``ĐỘNG i4OÀ XÃ``, ``… CỘNs HOÀ XÃ CỦ NGHĨA …``); no right
one (other values with ``XÃ`` hold the motto's ``CỘNG HÒA XÃ HỘI``, which is no unit). None equalled its issuer, and
none was a district under a district. Bare ``gi`` stood in 1 subject (the target) and in no true value of any
field. The rules read only the values' own words, not a generated list of names; the generator's parents are all
districts (``UBND HUYỆN …``), so the level comparison beyond "a commune is nobody's parent" is untested there.

Eightieth round (session 32): held-out seed 101 left AT101 08-2-thu-083-tan-thanh-dong's parent issuer ``UBND HUYỆN``
for ``UBND HUYỆN CỦ CHI`` (0.821) unflagged: the level word read, the unit's name after it lost. A body is named by its
head, its level word and the unit's name (Decree 30), so an issuer or parent issuer that ends at a level word
(``UBND TỈNH``, a centrally run ``THÀNH PHỐ`` alike) or at its head (``ỦY BAN NHÂN DÂN``) names no unit. On the fit
basis plus seeds 92-101 (bench/RESULTS.md "Flags, eightieth round (session 32)") no right issuer or parent issuer
ends so; 36 wrong issuers and 5 wrong parents do, all but the target flagged already. The rule reads only the
value's own words and the one table of ``levelwords``, no generated list. Recipients are left alone: their
``UBND xã``, ``TT HĐND xã`` name the commune's own bodies, rightly with no name.

They only flag; the values stay as read.
"""

from __future__ import annotations

import re

from .fields import Field
from .levelwords import BODY_HEADS, COMMITTEE_HEADS, LEVELS, alternation
from .ocrtext import fold_key
from .parenthead import mend_parent_head as mend_parent_head  # extract reads the parent with it (flags163)
from .parentlists import district_list_doubt

#: a unit word in capitals and its level (``levelwords.LEVELS``: ``THÀNH PHỐ`` gives none); ``XÃ HỘI`` is the motto's
_LEVEL = {w.upper(): n for w, n in LEVELS.items()}
_UNIT = re.compile(rf"(?<!\w)(?!XÃ\s+HỘI)({alternation(_LEVEL)})(?!\w)")
_NAMES = ("commune", "district", "province")
#: the committee's long and short name, so ``UBND X`` and ``ỦY BAN NHÂN DÂN X`` compare equal
_BODY = re.compile(r"^\s*(?:" + alternation(COMMITTEE_HEADS, r"\s+") + r")\s+")
#: a level word or a body's head closing a name, any case, its closing punctuation left off: no unit named after it
_ENDING = alternation([*LEVELS, *BODY_HEADS], r"\s+")
_BARE_END = re.compile(rf"(?i)(?<!\w)(?:{_ENDING})[\s,;.:]*$")
#: a syllable with no word of its own: ``gi`` bare is ``nghị``, ``giá``, ``giải`` … that lost letters
_STUB = re.compile(r"(?<!\w)gi(?!\w)", re.IGNORECASE)


def unit_level(name: str) -> int | None:
    """The level of the unit ``name`` names by its first unit word (``UBND HUYỆN ĐỊNH QUÁN`` -> 2), or None when it
    names none or only a ``THÀNH PHỐ``."""
    m = _UNIT.search(name.upper())
    return _LEVEL.get(m.group(1)) if m else None


def _body_key(name: str) -> str:
    return fold_key(_BODY.sub("", name.upper()))


def parent_rank_doubt(parent: str, issuer: str | None) -> str | None:
    """Why the parent issuer ``parent`` is doubtful beside ``issuer``: it names a commune-level unit, stands no
    higher than the issuer, or is the issuer itself."""
    level = unit_level(parent)
    if level == 1:
        return "the parent issuer names a commune-level unit: a commune heads no other body (the issuer's line?)"
    if not issuer:
        return None
    if _body_key(parent) and _body_key(parent) == _body_key(issuer):
        return "the parent issuer is the issuer itself: its line was read twice"
    below = unit_level(issuer)
    if level is not None and below is not None and level <= below:
        return (f"the parent issuer is a {_NAMES[level - 1]}, not above the issuing {_NAMES[below - 1]}: "
                "another line read as the parent")
    return None


def bare_body_doubt(name: str) -> str | None:
    """Why the body ``name`` is doubtful: it ends at its level word or its head, so the unit's name was lost."""
    m = _BARE_END.search(name)
    if not m:
        return None
    return f"the body's name stops at '{m.group(0).strip(' ,;.:')}' with no unit named after it: its name was lost"


def stub_doubt(text: str) -> str | None:
    """Why ``text`` is doubtful: it holds a bare ``gi``, a syllable no word writes without its mark or letters."""
    m = _STUB.search(text)
    return f"'{m.group(0)}' stands alone: a syllable that lost letters to a speck" if m else None


def flag_parent_and_stub(found: dict[str, Field]) -> None:
    """Give a parent issuer no higher than its issuer or naming no district of the lists, an issuer or parent whose
    name stops at its level word, and a subject with a bare ``gi``, their reason for review (a value already flagged
    keeps its first reason)."""
    parent, issuer = found.get("parent_issuer"), found.get("issuer")
    if parent is not None and isinstance(parent.value, str) and not parent.review:
        name = issuer.value if issuer is not None and isinstance(issuer.value, str) else None
        parent.review = parent_rank_doubt(parent.value, name) or district_list_doubt(parent.value)
    for body in (issuer, parent):
        if body is not None and isinstance(body.value, str) and not body.review:
            body.review = bare_body_doubt(body.value)
    subj = found.get("subject")
    if subj is not None and isinstance(subj.value, str) and not subj.review:
        subj.review = stub_doubt(subj.value)
