"""A typewritten ``m`` read ``n`` (``năn`` for ``năm``, ``than gia`` for ``tham gia``), told by its third stem, and an
``h`` read ``n`` in a spelling no word has (``chínn`` for ``chính``, ``trácn`` for ``trách``, ``knó`` for ``khó``),
told by the ``h``'s lower half: an arch on two stems.

Why: after session 43's rules these are among the one-glyph slips the typewriter group keeps (fit seeds 277-279:
``h`` read ``n`` 9, ``m`` read ``n`` 5; bench/RESULTS.md, "Typewritten pages, eighth round (session 44)").

The ``m``: worn type leaves its middle stem light and the engine reads an ``n``, but the page's image still holds it.
Across the middle rows of the body (:data:`MID_ROWS`) and across its top rows under the arches (:data:`TOP_ROWS`) an
``m`` shows three runs of ink, an ``n`` two: both medians 2.5 or more under 2 of the 2,938 ``n`` read right on the
fit pages, under 3 of the 5 ``m`` read ``n`` (the other two worn to two runs: left), and 243 of the 302 ``m`` read
right. The word is asked first, as :mod:`archivist.typedring` and :mod:`archivist.typedpair` ask an ``o`` read ``e``:
a word none uses where exactly one ``m`` for an ``n`` makes one (``xón``), or a syllable standing in no word with its
neighbours where exactly one makes one (``than gia``).

The ``h``: an ``h`` whose ascender wore away is an ``n`` in the image (6 of the 9 ``h`` read ``n`` on the fit pages
show no ink above the body at all), so the glyph cannot tell them apart, but the spelling can: ``cn``, ``kn``,
``tn``, ``pn``, ``gn`` open no syllable and a syllable ends in no ``cn`` or ``nn``, and an ``h`` there makes ``ch``,
``kh``, ``th``, ``ph``, ``gh``, ``nh``. So an ``n`` is read ``h`` only after one of those letters (:data:`H_AFTER`),
in a word none uses, where that is the only reading of one such ``n`` making a word in use, and only where the glyph
is what a worn ``h`` leaves: a body of the small letters' height or taller with its right stem down to the baseline
(:func:`archivist.typedfinal.right_stem`; a broken glyph read ``n`` is not asked). An ``n`` read where an ``h`` opens
a word (``nộ`` for ``hộ``) makes a word itself: left.

An ``h`` after ``t`` read ``r`` (``trực hiện`` for ``thực hiện``, ``Tráng`` for ``Tháng``; 2 on fit seeds 330-332,
session 46) is the same worn ``h`` with its ascender lost and its arch broken from the right stem, which the engine
takes for an ``r``'s arm; the ``r`` has nothing under its arm. The same test tells them: :func:`worn_h` passes under
both ``h`` read ``r`` after a ``t`` on those pages and under none of the 143 ``r`` read right there. ``tr`` and ``th``
both open syllables, so the words ask first (a word none uses where the ``h`` makes the one word, or a syllable making
no word with its neighbours where it makes one, :func:`archivist.typedpair.asked_pairs`): ``Tráng``, a word and a
capital opening no run of small syllables, is not asked.

Only words in small letters (a capitalised first word too) are asked: names in capitals, numbers and codes never.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable

import numpy as np

from .ocr import OcrResult, nfc
from .syllables import attested
from .tokens import EDGE, split_edges
from .typedcase import with_readings
from .typedfinal import right_stem
from .typedpair import asked_pairs
from .typedring import glyph_readings
from .typedupper import body_of

#: The middle rows of the body where an ``m``'s three stems stand apart: from this share of its height below its
#: top to this share above its bottom (the serifs at the foot left out).
MID_ROWS = (0.45, 0.2)
#: The top rows under the arches: from this share of the body's height below its top to this one.
TOP_ROWS = (0.08, 0.3)
#: Three stems: the median count of runs of ink across those rows at least this (fit: ``n`` read right 2 at most
#: but for 2 of 2,938; ``m`` read right 3).
THREE = 2.5
#: The body of the glyph asked must stand between these shares of the page's small letters' height (an ``m``: not a
#: mark run into it, nor a body broken by wear).
M_BODY = (0.85, 1.15)
#: The letters after which an ``n`` opens no syllable where an ``h`` would (``ch kh th ph gh nh``): ``n`` after a
#: final ``n`` too (``chínn``).
H_AFTER = "cktpgn"
#: A worn ``h``'s body: at least this share of the small letters' height (a broken glyph read ``n`` is not asked).
H_BODY = 0.9


def ink_runs(row: np.ndarray) -> int:
    """The number of runs of ink along ``row`` (ink 1)."""
    edges = np.diff(np.concatenate(([0], row.astype(np.int8), [0])))
    return int((edges == 1).sum())


def three_stems(cell: np.ndarray, small: float, pitch: float) -> bool:
    """Whether the glyph in ``cell`` (ink 1), its body of the small letters' height ``small`` (:data:`M_BODY`),
    shows an ``m``'s three stems: :data:`THREE` runs of ink or more (medians) across its middle rows and across the
    top rows under its arches. ``pitch`` is unused (the signature :func:`archivist.typedring.glyph_readings` asks)."""
    body = body_of(cell) if cell.size else None
    if body is None or not M_BODY[0] * small <= body[0] <= M_BODY[1] * small:
        return False
    height, _, bottom = body
    top = bottom - height
    mid = cell[top + round(MID_ROWS[0] * height):bottom - round(MID_ROWS[1] * height)]
    arches = cell[top + round(TOP_ROWS[0] * height):top + round(TOP_ROWS[1] * height)]
    if not mid.size or not arches.size:
        return False
    return (statistics.median(ink_runs(r) for r in mid) >= THREE
            and statistics.median(ink_runs(r) for r in arches) >= THREE)


def worn_h(cell: np.ndarray, small: float, pitch: float) -> bool:
    """Whether the glyph in ``cell`` (ink 1) is what a worn ``h`` leaves: a body at least :data:`H_BODY` of the small
    letters' height ``small`` with a right stem down to the baseline. ``pitch`` is unused."""
    body = body_of(cell) if cell.size else None
    return body is not None and body[0] >= H_BODY * small and right_stem(cell)


def _m_forms(core: str) -> dict[str, tuple[int, str]]:
    """Each syllable in use (in small letters) that ``core`` makes with one of its ``n`` read ``m``, with the place
    of that glyph and the syllable in ``core``'s case."""
    return _forms(core, "m", lambda k: True)


def _h_forms(core: str) -> dict[str, tuple[int, str]]:
    """Each syllable in use that ``core`` makes with an ``n`` after one of :data:`H_AFTER` read ``h``."""
    return _forms(core, "h", lambda k: k > 0 and core[k - 1].lower() in H_AFTER)


def _r_forms(core: str) -> dict[str, tuple[int, str]]:
    """Each syllable in use that ``core`` makes with an ``r`` after a ``t`` read ``h`` (``trực`` → ``thực``)."""
    return _forms(core, "h", lambda k: k > 0 and core[k - 1].lower() == "t", read="r")


def _forms(core: str, letter: str, where: Callable[[int], bool], read: str = "n") -> dict[str, tuple[int, str]]:
    """Each syllable in use that ``core`` makes with one of its small ``read`` letters (``n``; at a place ``where``
    allows) read ``letter``, with the place and the syllable in ``core``'s case."""
    out: dict[str, tuple[int, str]] = {}
    for place, ch in enumerate(core):
        again = core[:place] + letter + core[place + 1:]
        if ch == read and where(place) and again.lower() in attested():
            out[again.lower()] = (place, again)
    return out


def lone_reading(text: str, forms_of: Callable[[str], dict[str, tuple[int, str]]]) -> tuple[int, str] | None:
    """The place of the glyph in doubt (edge punctuation counted) and ``text`` read otherwise there, where ``text``
    (in small letters, or capitalised) is none in use and ``forms_of`` finds exactly one word in use; None
    elsewhere."""
    lead, core, trail = split_edges(text, EDGE)
    if len(core) < 2 or not core.isalpha() or not core[1:].islower() or core.lower() in attested():
        return None
    forms = list(forms_of(core).values())
    if len(forms) != 1:
        return None
    place, again = forms[0]
    return len(lead) + place, lead + again + trail


def typed_stems(ocr: OcrResult, typed: np.ndarray | None) -> OcrResult:
    """``ocr`` (words in the pixels of ``typed``, a typewritten page's image before its strikes were evened) with an
    ``n`` read ``m`` where the word asks it (:func:`lone_reading`, or its neighbours:
    :func:`archivist.typedpair.asked_pairs`) and the glyph shows three stems (:func:`three_stems`), and an ``n`` read
    ``h`` in a spelling no word has (:data:`H_AFTER`) where the glyph is a worn ``h`` (:func:`worn_h`), and an ``r``
    after a ``t`` read ``h`` where the words ask it (as for the ``m``) and the glyph is a worn ``h``. Unchanged on
    any other page."""
    if typed is None or not ocr.words:
        return ocr
    texts = [nfc(w.text) for w in ocr.words]
    m_asked = asked_words(texts, _m_forms)
    h_asked = {k: got for k, t in enumerate(texts) if k not in m_asked and (got := lone_reading(t, _h_forms))}
    h_asked.update({k: got for k, got in asked_words(texts, _r_forms).items() if k not in m_asked and k not in h_asked})
    m_read = glyph_readings(ocr, typed, texts, m_asked, three_stems)
    h_read = glyph_readings(ocr, typed, texts, h_asked, worn_h)
    return with_readings(ocr, [m or h for m, h in zip(m_read, h_read, strict=True)])


def asked_words(texts: list[str], forms_of: Callable[[str], dict[str, tuple[int, str]]]) -> dict[int, tuple[int, str]]:
    """The words of ``texts`` the words ask with ``forms_of``: a syllable making no word with its neighbours
    (:func:`archivist.typedpair.asked_pairs`) or a word none uses (:func:`lone_reading`) that it reads into one."""
    asked = asked_pairs(texts, forms_of)
    asked.update({k: got for k, t in enumerate(texts) if (got := lone_reading(t, forms_of))})
    return asked
