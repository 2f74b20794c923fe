"""Review flags from the number's own pixels: a digit of ``Số: 163/BC-UBND`` lost or left out of the value
(issue 14 items 6 and 9).

Why: the wrong numbers stored unflagged at 0.95 on fresh sets were digits lost with nothing else in doubt: the
engine read ``63/BC-UBND`` from a box as wide as ``163/BC-UBND`` (a typewriter's faint ``1``), or it read
``1€7/KH-UBND`` and the grammar kept ``7/KH-UBND``, dropping a digit glued to debris. The grammar cannot tell:
both are numbers. The page can: its words give the width one glyph takes, so a box holding one more digit than
the text read says a digit was lost (bench/RESULTS.md, "Numbers' digits (session 28)").

Widths are glyph advances in ems: Times New Roman's (Decree 30 prescribes it; Liberation Serif shares its metrics)
for printed pages, 0.6 em for every glyph for typewritten ones (Courier-like faces, one advance for all). Which
of the two the page is set in is read from its own words: the one under which their widths agree best. The scale
(pixels per em) is the median over the page's sure words; a body set larger than the number's 13 pt makes the
scale too large, so the box looks narrower than it is, never wider: the rule judges only a box too wide. A box
running into another word's, or much taller than the page's words (a speck joined to it), is not judged.
A digit read twice mostly leaves no such trace in a serif face (the header's size makes the scale too loose); the one
seen then was read at word confidence 0, which :func:`archivist.chardoubt.settle_number` no longer answers. Where it
does leave one, a weakly read word whose box is a digit and a half narrower than its text (HG50 ``933`` for ``93``,
read at 35.6 and settled at 0.95), :func:`narrow_doubt` flags it: on the fit basis no right number read under 70
stands that narrow but one whose word holds a letter read twice (bench/RESULTS.md, "Flags, fifty-first round
(session 30)").
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections.abc import Sequence
from typing import Any

from .faintflags import value_words, word_tuples
from .fields import Field
from .ocrtext import clean_ocr

#: Times New Roman's advance widths (1/1000 em) of the glyphs a number, a code and a plain word are written with
_SERIF = {**dict.fromkeys("0123456789", 500), "/": 278, "-": 333, ".": 250, ",": 250, ":": 278, ";": 278,
          **dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", (722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889,
                                                   722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611),
                     strict=True)),
          **dict(zip("abcdefghijklmnopqrstuvwxyz", (444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778,
                                                   500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444),
                     strict=True)),
          "Đ": 722, "đ": 500}
#: every glyph of a typewriter's (monospaced) face, in ems
MONO_ADVANCE = 0.6
#: a word of the page counts for the scale when the engine is this sure of it (0-100) and it is plain letters
SURE = 90.0
#: at least this many such words, or the page's glyph widths are not known
MIN_WORDS = 5
#: the number's box is wider than its text by at least this many digits: a digit was lost. A leading ``1`` lost in
#: Times leaves 0.88 of a digit (its side bearings are wide); on the fit basis no number's box falls between 0.71
#: and 0.97 digits too wide, so 0.75 and 0.9 flag the same values there
EXTRA_DIGITS = 0.75
#: a number's box taller than this many times the page's sure words holds more ink than its glyphs
TALL = 1.3
#: a number word read under this confidence (0-100) is weak: its text may hold a glyph the ink does not
WEAK_NUMBER = 70.0
#: a weak number word's box narrower than its text by at least this many digits: a glyph was read twice (HG50
#: ``933`` for ``93`` at -1.78, HG62 ``822`` for ``82`` at -1.84; right numbers read weakly stood at -1.29 at most on
#: the fit basis, their serif face's scale taken from a body set larger; the bound is about the midpoint)
NARROW_DIGITS = 1.5
_PLAIN = re.compile(r"[^\W_]{4,}[.,]?")


def advance(text: str, mono: bool) -> float:
    """``text``'s width in ems: the sum of its glyphs' advances (a letter with marks takes its base letter's)."""
    if mono:
        return MONO_ADVANCE * len(text)
    out = 0
    for c in text:
        base = c if c in _SERIF else unicodedata.normalize("NFD", c)[0]
        out += _SERIF.get(base, 500)
    return out / 1000


def face_fit(words: Sequence[tuple[str, float, Any, int]], mono: bool) -> tuple[float, float] | None:
    """The page's pixels per em in one face (``mono``: the typewriter's) and how well its words agree with it (the
    median deviation of width / advance over the median), from its sure plain words (``words``: (text, confidence,
    box, line) tuples); None with fewer than MIN_WORDS such words."""
    plain = [(w[0].rstrip(".,"), w[2][2] - w[2][0]) for w in words if w[1] >= SURE and _PLAIN.fullmatch(w[0])]
    if len(plain) < MIN_WORDS:
        return None
    ks = [width / advance(text, mono) for text, width in plain]
    k = statistics.median(ks)
    return k, statistics.median(abs(x - k) for x in ks) / k


def page_scale(words: Sequence[tuple[str, float, Any, int]]) -> tuple[float, bool] | None:
    """The page's pixels per em and whether it is typewritten (monospaced): the face of :func:`face_fit` whose
    words agree best. None with fewer than MIN_WORDS sure plain words."""
    fits = [(fit[1], fit[0], mono) for mono in (False, True) if (fit := face_fit(words, mono)) is not None]
    if not fits:
        return None
    _spread, k, mono = min(fits, key=lambda f: f[0])
    return k, mono


def extra_digits(text: str, width: float, scale: tuple[float, bool]) -> float:
    """How many digits wider than ``text`` set in the page's face (``scale``: :func:`page_scale`) its box is."""
    k, mono = scale
    return (width - k * advance(text, mono)) / (k * advance("0", mono))


def own_ink(box: Sequence[int], others: Sequence[tuple[str, float, Any, int]]) -> bool:
    """Whether a word's ``box`` measures its own glyphs (``others``: the page's other words, as (text, confidence,
    box, line) tuples, whose sure plain words :func:`page_scale` has found): it runs into no other word's box (its
    width would be theirs too) and is at most TALL times as tall as the sure plain words (a speck or a stroke
    joined to it from above or below may widen it too)."""
    x0, y0, x1, y1 = box
    if any(w[2][0] < x1 and x0 < w[2][2] and w[2][1] < y1 and y0 < w[2][3] for w in others):
        return False
    heights = [w[2][3] - w[2][1] for w in others if w[1] >= SURE and _PLAIN.fullmatch(w[0])]
    return y1 - y0 <= TALL * statistics.median(heights)


def number_word(f: Field, pages: Sequence[Any]) -> tuple[tuple[str, float, Any, int], list[Any]] | None:
    """The word holding the number of ``f`` (the first of its words with a digit) and its page's words."""
    page = next((p for p in pages if p.number == f.page and p.words), None)
    if page is None:
        return None
    words = value_words(page.words, f)
    num = next((w for w in words if any(c.isdigit() for c in w[0])), None)
    if num is None:
        return None
    own = {tuple(w[2]) for w in words}
    return num, [w for w in word_tuples(page.words) if tuple(w[2]) not in own]


def box_doubt(f: Field, pages: Sequence[Any]) -> str | None:
    """Why the number ``f`` may have lost a digit: the word holding its number is wider than its text by at least
    EXTRA_DIGITS digits of the page's face (``pages``: the document's :class:`archivist.ocrtext.PageText`)."""
    found = number_word(f, pages)
    scale = page_scale(found[1]) if found else None
    if found is None or scale is None:
        return None
    num, others = found
    if not own_ink(num[2], others):
        return None
    extra = extra_digits(num[0], num[2][2] - num[2][0], scale)
    if extra < EXTRA_DIGITS:
        return None
    return f"the box of '{num[0]}' is {extra:.1f} digits wider than its text: a digit may be lost"


def narrow_doubt(f: Field, pages: Sequence[Any]) -> str | None:
    """Why the number ``f`` may hold a digit read twice (or a speck read as one): the word holding it was read
    under :data:`WEAK_NUMBER` and its box is narrower than its text by at least :data:`NARROW_DIGITS` digits of
    the page's face. A right number's box is as wide as its text or, in a serif face whose scale the larger body
    sets, up to about a digit narrower; a digit the engine read twice adds a digit the ink does not hold."""
    found = number_word(f, pages)
    scale = page_scale(found[1]) if found else None
    if found is None or scale is None or found[0][1] >= WEAK_NUMBER:
        return None
    num = found[0]
    short = -extra_digits(num[0], num[2][2] - num[2][0], scale)
    if short < NARROW_DIGITS:
        return None
    return f"the box of '{num[0]}' is {short:.1f} digits narrower than its text: a digit may be read twice"


def slash_word_doubt(f: Field, pages: Sequence[Any]) -> str | None:
    """Why the number ``f`` may have lost its last digit: the number was read apart from its slash, and the word
    that opens with the slash (``/UBND-TC``), read weakly (under :data:`WEAK_NUMBER`), is at least
    :data:`EXTRA_DIGITS` digits wider than its text: the digit touching the slash was taken into that word's box
    and read as nothing. HG131 speckle-24-cv-221's ``221/UBND-TC`` stored ``22/UBND-TC`` at 0.95: ``22`` read
    surely, ``/UBND-TC`` at 57 and 0.8 of a digit too wide, specks beside it (so taller than the page's words,
    which :func:`box_doubt` leaves). Of the 3,170 numbers stored for seeds 86-128 and 131, two were read apart
    from their slash, both wrong; only this one's slash word is too wide (bench/RESULTS.md, "Flags,
    hundred-and-fifth round onward (session 38)")."""
    found = number_word(f, pages)
    page = next((p for p in pages if p.number == f.page and p.words), None)
    scale = page_scale(found[1]) if found else None
    if found is None or page is None or scale is None:
        return None
    words = value_words(page.words, f)
    after = next((words[i + 1] for i, w in enumerate(words[:-1]) if w == found[0]), None)
    if after is None or not after[0].startswith("/") or any(c.isdigit() for c in after[0]) \
            or after[1] >= WEAK_NUMBER or after[3] != found[0][3]:
        return None
    extra = extra_digits(after[0], after[2][2] - after[2][0], scale)
    if extra < EXTRA_DIGITS:
        return None
    return (f"'{found[0][0]}' was read apart from '{after[0]}', whose box is {extra:.1f} digits wider than its text: "
            "a digit before the slash may be lost")


#: ``Số:`` as the OCR reads it at the start of the number's word (``S6:``, ``Sô;``), whose digit is no number's
_LABEL = re.compile(r"^\W*S[^\W\d_]?[0-9]?\s?[:;.]")


def left_out_doubt(f: Field, read: str, pages: Sequence[Any]) -> str | None:
    """Why the number ``f``, read as ``read`` (number and symbol as the OCR gave them), may lack a digit: the word
    it begins in holds a digit before it that the value left out (``1€7/KH-UBND`` kept as ``7/KH-UBND``: a digit
    glued to a speck's glyph), ``Số:`` read in the word aside."""
    found = number_word(f, pages)
    head = re.match(r"[^/\\-]+[/\\-]", read)
    if found is None or head is None:
        return None
    word = clean_ocr(found[0][0])
    at = word.find(head.group())
    glued = _LABEL.sub("", word[:at]) if at > 0 else ""
    if not any(c.isdigit() for c in glued):
        return None
    return f"'{word[:at]}' before the number in its word '{word}' holds a digit the value left out"


def flag_lost_digit(number_symbol: Field, number: Field, read: str, pages: Sequence[Any]) -> None:
    """Flag the number (and the number/symbol holding it) when a digit was left out of the word, the box holds
    one more than the text, or a weakly read text holds one more than the box: the number is in doubt, not the
    symbol, whatever the grammar settled."""
    doubt_number(number_symbol, number, left_out_doubt(number_symbol, read, pages) or box_doubt(number_symbol, pages)
                 or narrow_doubt(number_symbol, pages) or slash_word_doubt(number_symbol, pages))


def doubt_number(number_symbol: Field, number: Field, why: str | None) -> None:
    """Flag the number and the number/symbol holding it for ``why`` (None: nothing), keeping an earlier reason: a
    doubt about the number's digits is the number's, not the symbol's."""
    if why:
        for f in (number_symbol, number):
            f.review = f.review or why
