"""The hook above a circumflex or breve (``ẩ``, ``ể``, ``ổ``, ``ẳ``) read again on a speckled page, from the page
before its 3x3 median.

Why: on the speckled 200 dpi pages the largest single loss is a tone mark, and most of it is the hook over a
circumflex read as an acute (``Cẩm`` -> ``Cấm``, ``thể`` -> ``thế``: 36 of the 110 tone-mark words lost on the speckled
pages of HG117-120). The 3x3 median that makes those pages readable at all (without it their word error doubles)
melts the 2-3 pixel curl of the hook into a bump that Tesseract takes for an acute (bench/RESULTS.md, "Speckled pages,
again (session 36)"). The page without the median still shows the curl, but is read worse as a whole; so only a word
read with an acute over a circumflex or breve is read again, alone, from it, and the hook is taken only when that
reading is the same word with a hook where the first had the acute: evidence from the image, never from a word list.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace

import numpy as np

from .models import Word
from .ocr import OcrEngine, OcrResult, nfc
from .ocrfix import text_of

#: The letters with an acute over a circumflex or breve, and the same letters with the hook instead.
HOOK_FOR_ACUTE = dict(zip("ấếốắẤẾỐẮ", "ẩểổẳẨỂỔẲ", strict=True))
#: A syllable closed by one of these takes only the acute or the dot below, never the hook (``đất``, ``bắc``, ``tiếp``,
#: ``sách``): Vietnamese spelling, so a hook read there is a misreading, whatever the image shows.
CHECKED_ENDINGS = ("p", "t", "c", "ch")
SINGLE_WORD = 8  # Tesseract's page segmentation mode for one word


def hook_reading(read: str, again: str) -> str | None:
    """``again`` when it is ``read`` with a hook where ``read`` has an acute over a circumflex or breve, at one place
    or more, and the same everywhere else, and the word is not closed by p, t, c or ch (:data:`CHECKED_ENDINGS`);
    None otherwise."""
    read, again = unicodedata.normalize("NFC", read), unicodedata.normalize("NFC", again)
    if len(read) != len(again) or read == again or "".join(c for c in read if c.isalpha()).lower().endswith(
            CHECKED_ENDINGS):
        return None
    if all(a == b or HOOK_FOR_ACUTE.get(a) == b for a, b in zip(read, again, strict=True)):
        return again
    return None


def word_crop(image: np.ndarray, box: tuple[int, int, int, int]) -> np.ndarray:
    """The word's box with room for its marks: half its height above (a stacked mark stands high), a quarter below
    and either side."""
    x0, y0, x1, y1 = box
    h = y1 - y0
    return image[max(0, y0 - h // 2):y1 + h // 4, max(0, x0 - h // 4):x1 + h // 4]


def reread_hooks(engine: OcrEngine, ocr: OcrResult, unsmoothed: np.ndarray | None, dpi: float) -> OcrResult:
    """``ocr`` (words in the pixels of ``unsmoothed``, a speckled page's image before its median, at ``dpi``) with
    each word read with an acute over a circumflex or breve read again alone from ``unsmoothed``, and the hook taken
    where that reading has it (:func:`hook_reading`). Unchanged when there is no such image (not a speckled page)
    or the engine cannot read a crop on its own model."""
    read_alone = getattr(engine, "read_alone", None)
    if unsmoothed is None or not callable(read_alone):
        return ocr
    words: list[Word] = []
    changed = False
    for w in ocr.words:
        if any(c in HOOK_FOR_ACUTE for c in nfc(w.text)):
            crop = word_crop(unsmoothed, w.bbox)
            again = hook_reading(w.text, read_alone(crop, dpi, SINGLE_WORD)) if crop.size else None
            if again is not None:
                w = replace(w, text=again)
                changed = True
        words.append(w)
    if not changed:
        return ocr
    return replace(ocr, words=words, text=nfc(text_of(words)).strip())
