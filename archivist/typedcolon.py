"""A typewritten word's last letter whose broken stroke was read as a colon (``nhân:`` for ``nhân``), told by its width.

Why: the worn type breaks a final ``n`` or ``h``'s right stem; the engine reads the letter and then a ``:`` for the
stem's two pieces (``ban:``, ``quản:``, ``Thạnh:``; session 39 left these colons after taking the letter, ``dâr:`` ->
``dân:``). A typewriter strikes every character in a cell of its own, a colon too: a word that ends with a colon
it typed spans one cell more than its letters, the colon's ink in the middle of that last cell. A colon read inside
the last letter's cell adds no width. On the fit pages (bench/RESULTS.md, "Typewritten pages, case slips (session
40)") a word ending ``:`` reached past its letters' cells by 0.53-0.94 of a pitch where the truth had the colon
(104 words) and by -0.19 to 0.09 where it had not (9 words): the colon is dropped under :data:`COLON_CELL`.
"""

from __future__ import annotations

from .ocr import OcrResult, nfc
from .typedcase import page_pitch, with_readings

#: A colon whose word reaches past its letters' cells by less than this share of a pitch was read inside the last
#: letter's cell: a broken stroke, not a typed colon (fit: 0.09 at most against 0.53 at least).
COLON_CELL = 0.3


def stroke_colon(text: str, box: tuple[int, int, int, int], pitch: float) -> bool:
    """Whether ``text`` (a word read with a colon after its letters) at ``box`` has no cell for its colon."""
    letters = text[:-1]
    if not (text.endswith(":") and letters.isalpha()) or pitch <= 0:
        return False
    return (box[2] - box[0]) / pitch - len(letters) < COLON_CELL


def drop_stroke_colons(ocr: OcrResult, typed: object | None) -> OcrResult:
    """``ocr`` of a typewritten page (``typed``: its image before its strikes were evened, None on any other page)
    with the colon dropped from each word whose colon has no cell of its own (:func:`stroke_colon`)."""
    if typed is None or not ocr.words:
        return ocr
    pitch = page_pitch(ocr.words)
    if pitch is None:
        return ocr
    return with_readings(ocr, [nfc(w.text)[:-1] if stroke_colon(nfc(w.text), w.bbox, pitch) else None
                               for w in ocr.words])
