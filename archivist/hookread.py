"""The hook above a circumflex or breve (``ẩ``, ``ể``, ``ổ``, ``ẳ``) read again on a speckled page, from the page
before its 3x3 median.

Why: on the speckled 200 dpi pages the largest single loss is a tone mark, and most of it is the hook over a
circumflex read as an acute (``Cẩm`` -> ``Cấm``, ``thể`` -> ``thế``: 36 of the 110 tone-mark words lost on the speckled
pages of HG117-120). The 3x3 median that makes those pages readable at all (without it their word error doubles)
melts the 2-3 pixel curl of the hook into a bump that Tesseract takes for an acute (bench/RESULTS.md, "Speckled pages,
again (session 36)"). The page without the median still shows the curl, but is read worse as a whole; so only a word
read with an acute over a circumflex or breve is read again, alone, from it, and the hook is taken only when that
reading is the same word with a hook where the first had the acute: evidence from the image, never from a word list.
A word's box on these pages reaches to the specks beside it; where its crop reads no hook, the crop the line's height
bounds (:func:`span_crop`, session 40, also :mod:`archivist.spanread`'s) is read, as a word and as a line.
"""

from __future__ import annotations

import statistics
import unicodedata
from collections.abc import Callable
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
#: The crop about a word's baseline, in the line's median height above its baseline: above (the stacked marks of a
#: capital reach 1.2 of it), below (descenders), and either side.
ABOVE, BELOW, SIDE = 1.25, 0.4, 0.2
SINGLE_LINE = 7  # Tesseract's page segmentation mode for one line, which keeps a real space (one word's drops it)


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


def agreed_hook(read: str, readings: list[str]) -> str | None:
    """The hook reading (:func:`hook_reading`) every one of ``readings`` gives, or None: the line's crop read as a
    word and as a line must both show the hook (on seeds 153-156 one mode alone read ``KẾ`` as ``KỂ`` and ``chế``
    as ``chể``; both agreed on the seven hooks they found, ``Quyển``, ``CẨM``, ``Đẩy``, ``Tổ``, ``Tổng``)."""
    hooked = {hook_reading(read, r) for r in readings}
    return hooked.pop() if len(hooked) == 1 and readings else None


def word_crop(image: np.ndarray, box: tuple[int, int, int, int]) -> np.ndarray:
    """The word's box with room for its marks: half its height above (a stacked mark stands high), a quarter below
    and either side."""
    x0, y0, x1, y1 = box
    h = y1 - y0
    return image[max(0, y0 - h // 2):y1 + h // 4, max(0, x0 - h // 4):x1 + h // 4]


def line_heights(words: list[Word]) -> dict[int, float]:
    """Each line's median height above its baseline (words without a baseline left out)."""
    tops: dict[int, list[int]] = {}
    for w in words:
        if w.baseline is not None and w.baseline > w.bbox[1]:
            tops.setdefault(w.line, []).append(w.baseline - w.bbox[1])
    return {line: float(statistics.median(h)) for line, h in tops.items()}


def span_crop(image: np.ndarray, first: Word, last: Word, height: float) -> np.ndarray:
    """The span from ``first`` to ``last`` (words of one line), bounded by the line: ``height`` above the first
    word's baseline times :data:`ABOVE`, below it times :data:`BELOW`, :data:`SIDE` either side."""
    base = first.baseline if first.baseline is not None else first.bbox[3]
    y0, y1 = int(base - ABOVE * height), int(base + BELOW * height)
    x0, x1 = int(first.bbox[0] - SIDE * height), int(last.bbox[2] + SIDE * height)
    return image[max(0, y0):max(0, y1), max(0, x0):max(0, x1)]


def read_span(read_alone: Callable[[np.ndarray, float, int], str], images: tuple[np.ndarray, ...], first: Word,
              last: Word, height: float, dpi: float, modes: tuple[int, ...] = (SINGLE_WORD, SINGLE_LINE)) -> list[str]:
    """The span from ``first`` to ``last`` read alone from each of ``images`` (:func:`span_crop`), in each of
    ``modes``: as one word and as one line the engine reads a spoilt word differently, and either may read it
    right."""
    crops = [span_crop(im, first, last, height) for im in images]
    return [nfc(read_alone(c, dpi, psm)) for c in crops if c.size for psm in modes]


def reread_hooks(engine: OcrEngine, ocr: OcrResult, unsmoothed: np.ndarray | None, dpi: float) -> OcrResult:
    """``ocr`` (words in the pixels of ``unsmoothed``, a speckled page's image before its median, at ``dpi``) with
    each word read with an acute over a circumflex or breve read again alone from ``unsmoothed``, and the hook taken
    where that reading has it (:func:`hook_reading`), or else where the word's line-bounded crop (:func:`span_crop`)
    read as a word and as a line both have it (:func:`agreed_hook`). Unchanged when there is no such image (not a
    speckled page) or the engine cannot read a crop on its own model."""
    read_alone = getattr(engine, "read_alone", None)
    if unsmoothed is None or not callable(read_alone):
        return ocr
    words: list[Word] = []
    changed = False
    heights = line_heights(ocr.words)
    for w in ocr.words:
        if any(c in HOOK_FOR_ACUTE for c in nfc(w.text)):
            crop = word_crop(unsmoothed, w.bbox)
            again = hook_reading(w.text, read_alone(crop, dpi, SINGLE_WORD)) if crop.size else None
            if again is None and w.line in heights:  # the line's crop, without the specks the box reaches
                again = agreed_hook(w.text, read_span(read_alone, (unsmoothed,), w, w, heights[w.line], dpi,
                                                      (SINGLE_WORD,)))
                if again is not None:  # the second mode only to confirm the first: most words keep their acute
                    again = agreed_hook(w.text, [again, *read_span(read_alone, (unsmoothed,), w, w, heights[w.line],
                                                                   dpi, (SINGLE_LINE,))])
            if again is not None:
                w = replace(w, text=again)
                changed = True
        words.append(w)
    if not changed:
        return ocr
    return replace(ocr, words=words, text=nfc(text_of(words)).strip())
