"""A typewritten ``o`` read ``e`` in a word none uses, read ``o`` where that makes a word in use (``Thếng`` for
``Thống``, ``thên`` for ``thôn``, ``rẹng`` for ``rộng``), told by the glyph: an ``e`` crosses its eye with a bar, an
``o`` does not.

Why: after session 41's rules, an ``o`` read as an ``e`` is the largest family of one-glyph slips the typewriter
group still loses (33 of the 347 one-glyph words lost on fit seeds 210-213: ``ộ`` read ``ệ`` 9, ``ọ`` read ``ẹ`` 4,
``ố`` read ``ẽ`` 4, ``ố`` read ``ế`` 3, ``ô`` read ``ê`` 3 ...), and the word read alone repeats it (bench/
RESULTS.md, "Typewritten pages, sixth round (session 42)"). Worn type breaks the ring, and the engine closes the
gap into an ``e``; the mono face's ``e`` has a bar across the middle of its body, two thirds of the cell wide,
which an ``o`` has not: across the middle rows of its body an ``o`` shows two strokes, each under a fifth of a pitch.
On the fit pages the widest run of ink across the middle of the body (:data:`MID_FROM` to :data:`MID_TO`) was
0.13-0.24 of a pitch under each ``e`` read for an ``o``; the ``e`` read right lie mostly far above (median 0.79), but a
worn bar leaves 45 of 551 under 0.3 too, so the glyph alone does not decide.

So a vowel read ``e`` is read ``o``, its marks kept (``ô`` for a read ``ê``: the circumflex was seen; ``o`` or ``ô``
for a read ``e``: a worn circumflex may be lost, ``rẹng`` for ``rộng``), only where all of these hold: the word as
read is none Vietnamese uses (:func:`archivist.syllables.attested`; a right word is never asked), exactly one such
reading of one ``e`` makes a word in use (``đẹng`` makes ``đọng`` and ``động``: which one, the glyph cannot say), the
glyph's body stands the page's small letters' height (a body broken by wear or run into its mark is not measured) and
its middle rows hold no bar (:data:`BAR_MIN`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

import numpy as np

from .ocr import OcrResult, nfc
from .syllables import attested
from .tokens import EDGE, split_edges
from .typedcase import page_pitch, with_readings
from .typedfoot import longest_run
from .typedupper import body_of, cell_bodies, glyph_cells, page_bodies, row_runs

#: The middle rows of a glyph's body: from this share of its height ...
MID_FROM = 0.4
#: ... to this one (the mono face's ``e`` crosses its eye at 0.41-0.5 of its body).
MID_TO = 0.62
#: A bar: a run of ink across the middle rows at least this share of a pitch (fit: every ``e`` read for an ``o``
#: 0.24 or less).
BAR_MIN = 0.3
#: The glyph's body must stand between these shares of the page's small letters' (not a broken body, nor a mark run
#: into it).
BODY_RANGE = (0.9, 1.15)


def as_o(ch: str) -> list[str]:
    """The ``o`` letters a glyph read ``ch`` may be, its marks kept: ``ô`` for an ``ê`` (the circumflex was seen),
    ``o`` or ``ô`` for an ``e`` (a worn circumflex may be lost: ``đẹng`` for ``động``); none for another letter."""
    parts = unicodedata.normalize("NFD", ch)
    if parts[0] not in "eE":
        return []
    o, hat = ("o", "\u0302") if parts[0] == "e" else ("O", "\u0302")
    forms = [o + parts[1:]] if hat in parts else [o + parts[1:], o + hat + parts[1:]]
    return [unicodedata.normalize("NFC", f) for f in forms]


def candidate(text: str) -> tuple[int, str] | None:
    """The place of the ``e`` of ``text`` (a word of letters, edge punctuation aside, none in use) and the word it
    makes read as an ``o`` (:func:`as_o`), where exactly one such reading of one ``e`` is a word in use; None
    elsewhere (``đẹng`` makes ``đọng`` and ``động``: which one the glyph cannot say)."""
    lead, core, trail = split_edges(text, EDGE)
    if len(core) < 2 or not core.isalpha() or core.lower() in attested():
        return None
    found = [(len(lead) + k, lead + core[:k] + o + core[k + 1:] + trail)
             for k, ch in enumerate(core) for o in as_o(ch) if (core[:k] + o + core[k + 1:]).lower() in attested()]
    return found[0] if len(found) == 1 else None


def ring_span(cell: np.ndarray, small: float) -> tuple[int, int] | None:
    """The height and the row under the glyph's body in ``cell`` (ink 1) where wear split it across: runs of inked
    rows taken together, the heaviest among them, spanning the small letters' height ``small`` (:data:`BODY_RANGE`),
    the span nearest that height; None where none does. Why: worn type leaves paper rows across a ring (session 43's
    ``độ`` read ``đệ``: its ring in two halves, each half a body), and a mark above or a dot below, stacked on it,
    makes a span too tall."""
    runs = row_runs(cell)
    rows = cell.sum(1)
    if not runs:
        return None
    k = max(range(len(runs)), key=lambda r: int(rows[runs[r][0]:runs[r][1]].sum()))
    spans = [(runs[j][1] - runs[i][0], runs[j][1]) for i in range(k + 1) for j in range(k, len(runs))
             if BODY_RANGE[0] * small <= runs[j][1] - runs[i][0] <= BODY_RANGE[1] * small]
    return min(spans, key=lambda sp: abs(sp[0] - small)) if spans else None


def barless(cell: np.ndarray, small: float, pitch: float) -> bool:
    """Whether the glyph in ``cell`` (ink 1) has a body of the small letters' height ``small`` (whole, or split by
    wear: :func:`ring_span`) and no bar across its middle rows."""
    body = body_of(cell) if cell.size else None
    span = (body[0], body[2]) if body and BODY_RANGE[0] * small <= body[0] <= BODY_RANGE[1] * small else (
        ring_span(cell, small) if cell.size else None)
    if span is None:
        return False
    height, bottom = span
    rows = cell[bottom - height + round(MID_FROM * height):bottom - height + round(MID_TO * height)]
    return rows.size > 0 and max(longest_run(r) for r in rows) < BAR_MIN * pitch


def glyph_readings(ocr: OcrResult, typed: np.ndarray, texts: list[str], asked: dict[int, tuple[int, str]],
                   test: Callable[[np.ndarray, float, float], bool] = barless,
                   small_letters: bool = True) -> list[str | None]:
    """For each word ``k`` of ``asked`` (the place of its glyph in doubt and the word read otherwise there), that
    word where the glyph passes ``test`` (its cell, the page's small letters' height, the pitch: :func:`barless` for
    an ``o`` read ``e``); None elsewhere, and for every word where the page's pitch or its letters' heights cannot
    be measured. Shared by :func:`typed_rings` and the typed rules that ask other words or glyphs
    (:mod:`archivist.typedpair`, ``typedflag``, ``typedfinal``, ``typedstem``, ``typedone``, ``typedcross``).
    ``small_letters=False`` skips measuring the page's letters (a test that measures the glyph against itself alone,
    as :func:`archivist.typedfinal.right_stem` does): ``test`` is then given 0.0 for their height."""
    again: list[str | None] = [None] * len(texts)
    pitch = page_pitch(ocr.words) if asked else None
    if pitch is None:
        return again
    small = 0.0
    if small_letters:
        heights = _page_heights(ocr, typed, texts, pitch)
        if heights is None:
            return again
        small = heights[1]
    for k, (place, word) in asked.items():
        got = glyph_cells(typed, ocr.words[k].bbox, len(texts[k]), pitch)
        if got is not None and test(got[0][place], small, pitch):
            again[k] = word
    return again


#: the last page's letters measured: ``[typed, key, heights]``. Seven typed rules ask :func:`glyph_readings` in a row
#: on one page, most changing no word; the page's letters are measured once for them (the image held, so its
#: identity cannot be a later page's).
_MEASURED: list = []


def _page_heights(ocr: OcrResult, typed: np.ndarray, texts: list[str], pitch: float) -> tuple[float, float] | None:
    """:func:`page_bodies` of the page's words, measured again only when the image, the words or the pitch changed."""
    key = (pitch, tuple(w.bbox for w in ocr.words), tuple(texts))
    if _MEASURED and _MEASURED[0] is typed and _MEASURED[1] == key:
        return _MEASURED[2]
    bodies = [cell_bodies(typed, w.bbox, len(t), pitch) if t.strip(EDGE).isalpha() else None
              for w, t in zip(ocr.words, texts, strict=True)]
    heights = page_bodies(texts, bodies)
    _MEASURED[:] = [typed, key, heights]
    return heights


def typed_rings(ocr: OcrResult, typed: np.ndarray | None) -> OcrResult:
    """``ocr`` (words in the pixels of ``typed``, a typewritten page's image before its strikes were evened) with
    each word that is none in use read with an ``o`` for an ``e`` where that makes one (:func:`candidate`) and the
    glyph has no bar (:func:`barless`). Unchanged on any other page."""
    if typed is None or not ocr.words:
        return ocr
    texts = [nfc(w.text) for w in ocr.words]
    asked = {k: c for k, t in enumerate(texts) if (c := candidate(t))}
    return with_readings(ocr, glyph_readings(ocr, typed, texts, asked))
