"""A faded page's section numerals and first letters' case, read from the glyphs' shapes.

Why: on the faded pages of seeds 190-193 two slips are left that no second reading brings back (bench/RESULTS.md,
"Faded pages, fifth round (session 41)"):

- **a section heading's Roman numeral** (``II. NỘI DUNG``) read as no numeral (``#ƒ.``, ``IYT.``, ``1T.``, ``T11.``),
  which the text stage then drops or keeps as noise: read alone it does not come back either (session 39's probe).
  Its glyphs do: each ``I`` of a numeral is a stem with a serif bar at its top and its foot, a glyph of its own
  beside the next, all the same width, and the numeral ends in a dot. So the numeral is as many ``I`` as the
  word's box holds such glyphs (:func:`stems`), taken only where the page's numerals then run in order
  (:func:`in_order`: ``I.``, ``II.``, ``III.``, each one more than the heading before it);
- **a small first letter read as a capital** on the faded pages typed in a fixed-pitch face (carbon copies):
  ``linh`` read ``Linh``, ``lấn`` read ``Lấn``, ``sau:`` read ``Sau:``. Their type is the typewriter group's, so
  :func:`archivist.typedcase.typed_case`'s glyph tests (an ``l``'s shape, a same-shape capital's height) are
  used as they are, on the image the page was read from, and only on a page whose characters share one width
  (:func:`fixed_pitch`): on the faded prints, set in a proportional face, the height test lowered the ``V`` of
  three names' ``Văn`` (the line's x-height is measured over a pitch those pages do not have).

Numbers and codes are never changed: a reading that is a number (``1.``) is left as read, and only a word that
opens its line before a heading in capitals is looked at.
"""

from __future__ import annotations

import statistics
from dataclasses import replace

import cv2
import numpy as np

from .fadedstops import faded_stops
from .models import Word
from .ocr import OcrResult, nfc
from .ocrfix import text_of
from .restore import Prepared
from .sections import NUMERALS, heading_after
from .syllables import attested
from .typedcase import char_widths, typed_case, with_readings
from .typedone import typed_ones
from .typedopen import typed_openings
from .typedtail import typed_tails
from .typedzero import typed_zeros

#: A page is typed in a fixed-pitch face when its longer words' widths a character vary this little (the
#: interquartile range over the median): 0.020-0.045 on the carbon copies of seeds 190-193, 0.10-0.31 on the prints.
FIXED_PITCH_SPREAD = 0.07


def fixed_pitch(words: list[Word]) -> bool:
    """Whether the page's characters share one width: its words of four letters or digits or more take the same
    width a character, within :data:`FIXED_PITCH_SPREAD` (interquartile range over the median)."""
    per = sorted(char_widths(words))
    if len(per) < 8:
        return False
    median = statistics.median(per)
    return median > 0 and (per[3 * len(per) // 4] - per[len(per) // 4]) / median <= FIXED_PITCH_SPREAD


#: A glyph's columns hold at least this many ink pixels (one is the grain's).
COLUMN_INK = 2
#: A numeral's ``I`` stands at least this share of the box's height; the dot under half of it.
TALL = 0.6
DOT = 0.5
#: The ``I`` of one numeral are one width: each within this share of their median.
SAME_WIDTH = 0.25
#: An ``I``'s stem (its middle rows' ink) at most this share of the glyph's height: 0.15-0.28 on the typed and the
#: bold printed numerals of seeds 190-193 and 216-219, 0.46 or more on an ``X``, ``Z``, ``E``, ``K`` or ``H`` (an
#: ``X``'s or a ``Z``'s strokes cross or slant there, an ``E``'s or ``H``'s arm joins them). Measured against the
#: height, not the width: a bold ``I``'s stem is 0.53-0.65 of its width (session 41's cut of 0.5 of the width
#: refused every one).
STEM_SHARE = 0.33
#: The stem's rows: a quarter of the glyph's height under its top to a quarter over its foot.
STEM_ROWS = (0.25, 0.75)
#: An ``I``'s serif bars: each reaches past the stem on both sides (at least a pixel: fading wears a bar's end down
#: to 1-2 px on the bold numerals) and spans at least this share of the glyph's width (a ``T``'s foot 0.53, a
#: ``1``'s or an ``L``'s top 0.6 or less; the faded ``I`` 0.8 or more).
BAR_SPAN = 0.75


def _groups(ink: np.ndarray) -> list[tuple[int, int]]:
    """The box's glyphs as runs of columns holding ink (:data:`COLUMN_INK`), left to right."""
    col = (ink.sum(0) >= COLUMN_INK).astype(int)
    edges = np.diff(np.r_[0, col, 0])
    return list(zip(np.flatnonzero(edges == 1), np.flatnonzero(edges == -1), strict=True))


def _bar(rows_ink: np.ndarray, stem: np.ndarray, w: int) -> bool:
    """Whether rows of a glyph hold a serif bar over the stem's columns: ink on both sides of the stem, spanning at
    least :data:`BAR_SPAN` of the glyph's width."""
    cols = np.flatnonzero(rows_ink.any(0))
    return len(cols) > 0 and cols[0] < stem[0] and cols[-1] > stem[-1] and cols[-1] + 1 - cols[0] >= BAR_SPAN * w


def _marked(g: np.ndarray, stem: np.ndarray) -> bool:
    """Whether the glyph is an ``I`` with a mark over or under it, apart from it (``Ĩ``, ``Ị``): a row of paper across
    it above its stem's rows with a bar right under it, or below them with a bar right over it. A faded ``I``'s stem
    breaks there too (seed 216's ``III.``: its bar, three rows of paper, then the stem), but what the break leaves
    next to the stem is the stem, narrow."""
    h, w = g.shape
    edge = max(1, h // 10)
    gaps = np.flatnonzero(~g.any(1))
    over, under = gaps[gaps < h * STEM_ROWS[0]], gaps[gaps >= h * STEM_ROWS[1]]
    return bool(len(over) and _bar(g[over[-1] + 1:over[-1] + 1 + edge], stem, w)
                or len(under) and _bar(g[max(0, under[0] - edge):under[0]], stem, w))


def _an_i(glyph: np.ndarray) -> bool:
    """Whether a glyph has an ``I``'s shape: a thin stem in its middle rows (:data:`STEM_SHARE` of its height), and
    over it and under it a serif bar reaching out on both sides of the stem and spanning most of the glyph's width
    (:func:`_bar`: a ``1``'s top is a flag to the left only, an ``L``'s top and a ``T``'s foot are short), no mark
    apart from it (:func:`_marked`)."""
    rows = np.flatnonzero(glyph.any(1))
    g = glyph[rows[0]:rows[-1] + 1]
    h, w = g.shape
    stem = np.flatnonzero(g[int(h * STEM_ROWS[0]):max(int(h * STEM_ROWS[0]) + 1, int(h * STEM_ROWS[1]))].any(0))
    if len(stem) == 0 or stem[-1] + 1 - stem[0] > STEM_SHARE * h:
        return False
    band = max(1, h // 5)
    return _bar(g[:band], stem, w) and _bar(g[-band:], stem, w) and not _marked(g, stem)


def stems(image: np.ndarray, box: tuple[int, int, int, int]) -> int:
    """How many ``I`` the word at ``box`` holds before its dot: its glyphs (:func:`_groups`, Otsu over the box) are
    tall ``I`` of one width (:func:`_an_i`, :data:`SAME_WIDTH`) then a dot, nothing else; 0 when they are not."""
    x0, y0, x1, y1 = box
    crop = image[max(0, y0):y1, max(0, x0):x1]
    if crop.size == 0 or crop.shape[0] < 8:
        return 0
    _, ink = cv2.threshold(crop, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    h = ink.shape[0]
    tall, short = [], []
    for a, b in _groups(ink):
        rows = np.flatnonzero(ink[:, a:b].any(1))
        (tall if rows[-1] + 1 - rows[0] >= TALL * h else short).append((a, b, rows[0]))
    if not tall or len(short) != 1 or short[0][0] < tall[-1][1] or short[0][2] < DOT * h:
        return 0  # no dot after the stems, or something else beside them
    widths = [b - a for a, b, _ in tall]
    median = statistics.median(widths)
    if any(abs(w - median) > SAME_WIDTH * median for w in widths):
        return 0
    return len(tall) if all(_an_i(ink[:, a:b]) for a, b, _ in tall) else 0


#: Where a faded typed zero's dot stands, as a share of its glyph's height (:func:`archivist.typedzero.has_dot`): the
#: 137 dots of the fit pages of seeds 190-193 and 216-219 0.44-0.54. A faded ``9`` whose loop's left side is worn
#: away leaves its loop's closing stroke as a blob under the middle (0.60, held-out seed 220's ``1981`` made
#: ``1081`` with the typed pages' 0.3-0.7: this band was set after that run, on the fit pages' dots).
FADED_DOT_Y = (0.42, 0.58)


#: The numerals read from their glyphs alone: ``I.`` to ``III.`` (``IV.`` and on hold a ``V``).
MOST_STEMS = 3


def _numeral(text: str) -> int | None:
    """The value of a reading that is a section numeral and its dot (``II.``: 2), None otherwise."""
    core = text[:-1] if text.endswith(".") else ""
    return NUMERALS.index(core) + 1 if core in NUMERALS else None


def in_order(values: list[int]) -> bool:
    """Whether a page's section numerals, top to bottom, each are one more than the one before."""
    return all(b == a + 1 for a, b in zip(values, values[1:], strict=False))


def _may_be_numeral(text: str) -> bool:
    """Whether a heading's first word may be a numeral its glyphs should be counted for: five characters or fewer,
    and no number but one of ``1`` alone (``1.``, ``11.``: a numeral's ``I`` read as the digit, seeds 190-193's
    ``I.`` three times; a true ``1`` is refused by its glyph, whose top is a flag to the left only)."""
    core = text.rstrip(".,")
    return len(text) <= 5 and (not core.isdigit() or set(core) == {"1"})


def heading_numerals(ocr: OcrResult, image: np.ndarray) -> OcrResult:
    """``ocr`` with each section heading's numeral read as no numeral (``#ƒ.``), as ``1.``, or as a numeral of
    another count (``III.`` read ``II.``) given the ``I`` its glyphs show (:func:`stems`), where the page's numerals
    then run in order (:func:`in_order`); ``ocr`` itself otherwise. A heading: a word that opens its line before a
    word in capitals (:func:`archivist.sections.heading_after`)."""
    words = ocr.words
    heads: list[int] = []  # the page's numerals top to bottom, as read or as their glyphs show
    again: dict[int, str] = {}
    for k, w in enumerate(words):
        if (k and words[k - 1].line == w.line) or not heading_after(words, k):
            continue
        text = nfc(w.text)
        value = _numeral(text)
        if (value or 0) <= MOST_STEMS and _may_be_numeral(text):
            n = stems(image, w.bbox)
            if 1 <= n <= MOST_STEMS and n != value:
                value, again[k] = n, "I" * n + "."
        if value is not None:
            heads.append(value)
    if not again or not in_order(heads):
        return ocr
    out = [replace(w, text=again[k]) if k in again else w for k, w in enumerate(words)]
    return replace(ocr, words=out, text=nfc(text_of(out)).strip())


def _word_runs(image: np.ndarray, box: tuple[int, int, int, int]) -> tuple[np.ndarray, list[tuple[int, int]]] | None:
    """The ink of the word at ``box`` (1, Otsu's threshold over the box) and its glyphs as runs of inked columns
    (:func:`_groups`); None for a box too small or holding fewer than two glyphs."""
    x0, y0, x1, y1 = box
    crop = image[max(0, y0):y1, max(0, x0):x1]
    if crop.size == 0 or crop.shape[0] < 8:
        return None
    _, ink = cv2.threshold(crop, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    runs = _groups(ink)
    return (ink, runs) if len(runs) >= 2 else None


def _last_is_i(image: np.ndarray, box: tuple[int, int, int, int]) -> bool:
    """Whether the last glyph of the word at ``box`` (:func:`_word_runs`) stands the word's height and has an
    ``I``'s shape (:func:`_an_i`: a ``T``'s foot, short or none, is refused)."""
    if (word := _word_runs(image, box)) is None:
        return False
    ink, runs = word
    glyph = ink[:, runs[-1][0]:runs[-1][1]]
    rows = np.flatnonzero(glyph.any(1))
    return bool(rows[-1] + 1 - rows[0] >= TALL * ink.shape[0] and _an_i(glyph))


def capital_i(ocr: OcrResult, image: np.ndarray) -> OcrResult:
    """``ocr`` with each word in capitals whose last letter was read ``T`` (``KHAT``, ``HỘT``, ``TỚT`` for ``KHAI``,
    ``HỘI``, ``TỚI``) read ``I`` where that makes a word in use (:func:`archivist.syllables.attested`) and the glyph
    has an ``I``'s shape (:func:`_last_is_i`); ``ocr`` itself where none is. Why: the faded capital ``I``'s bars
    blur into a ``T``'s top for the engine, read alone too (session 40's readings leave them); on the dumped faded
    pages of seeds 190-193 and 216-219 the shape test passed all 6 such words, and none of the 132 last ``T`` the
    truth holds."""
    return with_readings(ocr, [t[:-1] + "I" if t.isalpha() and t.isupper() and len(t) >= 2 and t.endswith("T")
                               and (t[:-1] + "I").lower() in attested() and _last_is_i(image, w.bbox) else None
                               for w in ocr.words for t in (nfc(w.text),)])


#: An ``l``'s flag: ink left of its stem (a column inked along :data:`STEM_INK` of the glyph's height) in at least
#: this share of its top rows (:data:`L_TOP_ROWS`) ...
L_FLAG, L_TOP_ROWS, STEM_INK = 0.5, 0.18, 0.6
#: ... and none left of it over the rows a ``t``'s crossbar crosses (this band of the glyph's height), and that flag
#: reaching right of the stem at most this share of the glyph's width (a ``t`` worn above its crossbar leaves the
#: bar at its top, across the stem: seed 250's ``tính``).
T_BAR_ROWS = (0.2, 0.5)
FLAG_RIGHT = 0.15


def _first_is_l(image: np.ndarray, box: tuple[int, int, int, int]) -> bool:
    """Whether the first glyph of the word at ``box`` (its first run of inked columns, Otsu over the box) has an
    ``l``'s shape, not a ``t``'s: a flag left of the stem at its top (:data:`L_FLAG`), not across it
    (:data:`FLAG_RIGHT`), and no crossbar left of it under that (:data:`T_BAR_ROWS`)."""
    if (word := _word_runs(image, box)) is None:
        return False
    ink, runs = word
    glyph = ink[:, runs[0][0]:runs[0][1]]
    rows = np.flatnonzero(glyph.any(1))
    glyph = glyph[rows[0]:rows[-1] + 1]
    h = glyph.shape[0]
    stem = np.flatnonzero(glyph.sum(0) >= STEM_INK * h)
    if h < 8 or len(stem) == 0:
        return False
    left = glyph[:, :max(0, stem[0] - 1)].any(1)
    top = glyph[:max(1, int(L_TOP_ROWS * h))]
    right = np.flatnonzero(top.any(0))[-1] - stem[-1] if top.any() else 0
    return bool(left[:max(1, int(L_TOP_ROWS * h))].mean() >= L_FLAG and right <= FLAG_RIGHT * glyph.shape[1]
                and not left[int(T_BAR_ROWS[0] * h):int(T_BAR_ROWS[1] * h)].any())


def small_l(ocr: OcrResult, image: np.ndarray) -> OcrResult:
    """``ocr`` with each word of small letters read with a first ``t`` (``tập``, ``tý``, ``tương`` for ``lập``,
    ``lý``, ``lương``) read ``l`` where that makes a word in use (:func:`archivist.syllables.attested`) and the
    glyph has an ``l``'s shape (:func:`_first_is_l`); ``ocr`` itself where none is. Why: the largest one-glyph slip
    of the faded pages' letters (13 of the 148 letter words lost on seeds 250-253, 23 on HG117-124), which the
    readings alone repeat (session 40's rule takes them only where a reading gives the ``l``). On the dumped faded
    pages of seeds 190-193 and 216-219 the shape passed 26 of the 27 ``l`` read ``t`` and 2 of 1,795 true ``t``,
    neither of which makes a word with an ``l``. It tells the carbon copies' mono ``l``, whose flag is a bar; the
    serif's ``l`` has a flag one or two pixels high, not told: kept as read."""
    again: list[str | None] = []
    for w in ocr.words:
        text = nfc(w.text)
        core = text.rstrip(",.;:")
        again.append("l" + text[1:] if core[:1] == "t" and len(core) >= 2 and core.isalpha() and core.islower()
                     and ("l" + core[1:]) in attested() and _first_is_l(image, w.bbox) else None)
    return with_readings(ocr, again)


def faded_glyphs(ocr: OcrResult, prep: Prepared) -> OcrResult:
    """A faded page's reading (``prep.before_contrast`` set) with its section numerals (:func:`heading_numerals`),
    the stops it read as commas after a list's number or an abbreviation set back by their glyphs
    (:func:`archivist.fadedstops.faded_stops`), the capital ``I`` ending a word read ``T`` (:func:`capital_i`), the
    small ``l`` opening one read ``t`` (:func:`small_l`) and, on a page typed in a fixed-pitch face
    (:func:`fixed_pitch`), its first letters' case (:func:`archivist.typedcase.typed_case`) read from the image it
    was read from and its zeros read as 6, 8 or 9 set back by the typed zero's dot
    (:func:`archivist.typedzero.typed_zeros`, on the page before its contrast was raised: on the image as read,
    CLAHE's grain made a dot in a true ``6`` twice on seeds 190-219) and its items' ``1.`` read ``4.`` set back by the
    ``1``'s foot (:func:`archivist.typedone.typed_ones`, on the image it was read from: on the dumped faded pages of
    seeds 190-219, 282-284 and 315-317 it took all 10 such items and none of the 18 true ``4.`` of those pages; before
    the contrast was raised it missed one), and its ``h``, ``b`` and ``p`` read ``n`` or ``h`` told as on a typed page
    (:func:`typed_letters`); any other page as read."""
    if prep.before_contrast is None or not ocr.words:
        return ocr
    ocr = faded_stops(heading_numerals(ocr, prep.image), prep.image)
    ocr = small_l(capital_i(ocr, prep.image), prep.image)
    if not fixed_pitch(ocr.words):
        return ocr
    ocr = typed_zeros(faded_case(ocr, prep.image), prep.before_contrast, FADED_DOT_Y)
    return typed_letters(typed_ones(ocr, prep.image), prep)


def typed_letters(ocr: OcrResult, prep: Prepared) -> OcrResult:
    """A faded fixed-pitch page's ``h`` opening a word read ``n`` or ``b`` read ``h``
    (:func:`archivist.typedopen.typed_openings`) and ``p`` ending a syllable read ``n``
    (:func:`archivist.typedtail.typed_tails`) read back as on a typed page, asked on the image read and then on the
    image before its contrast was raised. Why: carbon copies are typed in the typewriter group's face and keep its
    slips (``noạch``, ``nuyện``, ``nợp``, ``hợn``, ``sắn``); on the dumped fixed-pitch faded pages of seeds 282-284
    and 315-317 the image read gave 10 words back and the image before CLAHE 10, 11 between them, none broken (2
    wrong words read otherwise wrong, ``nuân`` for ``nhân``, ``nái,`` for ``đai,``): each image's grain wears a
    different glyph's ascender or descender (bench/RESULTS.md, "Faded pages, ninth round continued (session 45,
    second round)")."""
    for image in (prep.image, prep.before_contrast):
        if image is not None:
            ocr = typed_tails(typed_openings(ocr, image), image)
    return ocr


def faded_case(ocr: OcrResult, image: np.ndarray) -> OcrResult:
    """:func:`archivist.typedcase.typed_case` on a faded page typed in a fixed-pitch face, each word it lowers kept
    as read where the next word on its line opens with a capital: a name's or a place's first word (``Xã Tiên
    Phong`` after a stray mark on seed 192, whose faded ``X`` stood no taller than the line's small letters)."""
    cased = typed_case(ocr, image)
    if cased is ocr:
        return ocr
    ws = ocr.words
    again = [None if a.text == w.text or (k + 1 < len(ws) and ws[k + 1].line == w.line
                                         and ws[k + 1].text[:1].isupper()) else a.text
             for k, (w, a) in enumerate(zip(ws, cased.words, strict=True))]
    return with_readings(ocr, again)
