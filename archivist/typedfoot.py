"""A typewritten capital ``I`` read ``T`` (``HỘT`` for ``HỘI``, ``CÁT`` for ``CÁI``), told by its foot.

Why: after session 41's rules, a capital ``I`` read ``T`` is among the largest one-glyph slips the typewriter group
still loses (7 of the 181 one-glyph words lost on fit seeds 210-211, every one in a heading or a name in capitals:
``CÁI``, ``NỘI``, ``TỚI``, ``HỘI``), and the word read alone repeats it, so :mod:`archivist.typedletters`' second
reading (which asks these words already) finds nothing (bench/RESULTS.md, "Typewritten pages, sixth round (session
42)"). The typeface tells the two letters apart at the bottom: the mono face's ``I`` stands on a foot bar as wide
as its top bar (two thirds of the cell), its ``T`` on the bare stem (a sixth). On the fit pages the widest run of
ink along the bottom rows of the glyph's body was at most 0.29 of a pitch under each of the 242 ``T`` read right and
0.55-0.77 under 9 of the 10 ``I`` read ``T`` (the tenth's foot worn to 0.31). Wear breaks a foot and makes it
narrower, never wider: a ``T`` is never given a foot it has not, so a worn ``I`` stays as read.

A ``T`` is read ``I`` only in a word in capitals whose box holds as many cells as characters (the cells laid at the
page's pitch, :func:`archivist.typedupper.glyph_cells`), where the glyph's body stands a capital's height (a body
broken by wear has no bottom to measure) and its foot is at least :data:`FOOT_MIN` of a pitch wide, and only where
the word so read is one Vietnamese uses (:func:`archivist.syllables.attested`): ``VT`` (văn thư) stays.
"""

from __future__ import annotations

import statistics

import numpy as np

from .ocr import OcrResult, nfc
from .syllables import attested
from .tokens import EDGE, split_edges
from .typedcase import page_pitch, with_readings
from .typedupper import body_of, glyph_cells

#: An ``I``'s foot: the widest run of ink along its body's bottom rows is at least this share of a pitch (fit: every
#: ``T`` 0.29 or less, the ``I`` read ``T`` 0.55 or more but one worn to 0.31).
FOOT_MIN = 0.45
#: The bottom rows: this share of the body's height, two rows at least.
FOOT_ROWS = 0.12
#: The glyph's body must stand at least this share of the page's capitals' (a body broken by wear: not measured).
BODY_MIN = 0.85
#: Capitals measured on the page before its capitals' height is known.
MIN_CAPITALS = 5


def longest_run(row: np.ndarray) -> int:
    """The longest run of ink (1) along ``row``."""
    edges = np.diff(np.concatenate(([0], row.astype(np.int8), [0])))
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    return int((ends - starts).max()) if starts.size else 0


def foot_width(cell: np.ndarray) -> tuple[int, float] | None:
    """The glyph's body height in ``cell`` (ink 1) and the widest run of ink along its bottom :data:`FOOT_ROWS`, in
    pixels; None where there is no body."""
    body = body_of(cell) if cell.size else None
    if body is None:
        return None
    height, _, bottom = body
    rows = max(2, round(FOOT_ROWS * height))
    return height, max(longest_run(r) for r in cell[bottom - rows:bottom])


def _capital_words(texts: list[str]) -> list[int]:
    """The indices of the words whose letters (two or more, edge punctuation aside) are all capitals."""
    out = []
    for k, text in enumerate(texts):
        _, core, _ = split_edges(text, EDGE)
        if len(core) >= 2 and core.isalpha() and core.isupper():
            out.append(k)
    return out


def _capital_height(image: np.ndarray, ocr: OcrResult, texts: list[str], words: list[int],
                    pitch: float) -> float | None:
    """The median body height of the unmarked capitals (not ``T``, ``Q``, ``J``) of the page's words in capitals."""
    heights = []
    for k in words:
        got = glyph_cells(image, ocr.words[k].bbox, len(texts[k]), pitch)
        for ch, cell in zip(texts[k], got[0] if got else [], strict=False):
            body = body_of(cell) if ch.isascii() and ch.isupper() and ch not in "TQJ" and cell.size else None
            if body:
                heights.append(body[0])
    return statistics.median(heights) if len(heights) >= MIN_CAPITALS else None


def i_reading(text: str, cells: list[np.ndarray], capital: float, pitch: float) -> str | None:
    """``text`` (a word in capitals, one cell a character) with each ``T`` whose glyph stands on an ``I``'s foot
    (:data:`FOOT_MIN`) and whose body stands a capital's height read ``I``, where the word so read is one in use;
    None where no ``T`` so stands or the word is none."""
    chars = list(text)
    for k, ch in enumerate(text):
        if ch != "T":
            continue
        got = foot_width(cells[k])
        if got and got[0] >= BODY_MIN * capital and got[1] >= FOOT_MIN * pitch:
            chars[k] = "I"
    again = "".join(chars)
    if again == text:
        return None
    _, core, _ = split_edges(again, EDGE)
    return again if core.lower() in attested() else None


def typed_feet(ocr: OcrResult, typed: np.ndarray | None) -> OcrResult:
    """``ocr`` (words in the pixels of ``typed``, a typewritten page's image before its strikes were evened) with
    each word in capitals holding a ``T`` read again where the glyph shows an ``I``'s foot (:func:`i_reading`).
    Unchanged on any other page, or where the page has too few capitals to measure."""
    if typed is None or not ocr.words:
        return ocr
    texts = [nfc(w.text) for w in ocr.words]
    capitals = _capital_words(texts)
    asked = [k for k in capitals if "T" in texts[k]]
    pitch = page_pitch(ocr.words) if asked else None
    if pitch is None:
        return ocr
    capital = _capital_height(typed, ocr, texts, capitals, pitch)
    if capital is None:
        return ocr
    again: list[str | None] = [None] * len(texts)
    for k in asked:
        got = glyph_cells(typed, ocr.words[k].bbox, len(texts[k]), pitch)
        if got is not None:
            again[k] = i_reading(texts[k], got[0], capital, pitch)
    return with_readings(ocr, again)
