"""A speckled page's words read again alone on a crop the line bounds: a number or code broken at its mark, and a
word in small letters that is no syllable.

Why: on the speckled 200 dpi pages of seeds 153-156 a word is broken apart where a stroke or a mark leaves a gap
(``646. 800. 000``, ``109/KH- UBND``, ``vắc- xin``, and ``259, 2``, ``1 7``) and a word a speck spoilt is read as no
syllable at all (``trọhg``, ``thani``, ``dnug``, ``chuâãn``), which the corrector left as read (bench/RESULTS.md,
"Speckled pages, fourth round (session 40)"). Read again alone, the same span often comes back whole and right, but
only on a crop that the line's own height bounds: a word's box on these pages reaches up and down to the specks
beside it (``259,``'s box was 102 px high on a line whose words stand 38 px above their baseline), and a crop made
from it (:func:`archivist.hookread.word_crop`) holds dark dots Tesseract reads as letters. So the crop
(:func:`archivist.hookread.span_crop`) runs from the word's baseline up by the line's median height above it and
down by its descenders, and a reading is taken only as evidence of what the first reading left in doubt:
- a number broken at its thousands stop or a code at its dash is joined when a reading of the span as a line is the
  two tokens' characters with no space between (no character changed: ``33/UBND- NV`` read again ``93/UBND-NV``
  stays as read); a decimal comma and two numbers are left (:data:`THOUSANDS` says why);
- a code whose slash a gap or nothing took (``(b`` ``c);``, ``(bc);``, ``01 1999``) gets it back when a reading of
  the span is the same characters with the slash there (session 41);
- a word in small letters that is no syllable becomes a reading's syllable when that syllable stands in a word of
  the list with its neighbours (``trân trọhg`` -> ``trân trọng``), and since session 42 in a run with a capital too
  (``Ủy bah nhân dân``, :mod:`archivist.speckcase`); numbers and codes are never touched here;
- a colon or comma a speck put inside a listed word, or a stop or comma before a number (``nhân, dân``,
  ``tháng. 6``), goes where the pair read as a line shows none (session 42, :func:`archivist.speckmarks.inner_mark`);
- last, a word whose marks make no syllable in use takes the one syllable with its letters that makes a word of the
  list there (session 43, :func:`archivist.speckfold.unused_syllables`: ``chuấn bị`` -> ``chuẩn bị``).
"""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np

from .fadedread import small_runs_places
from .hookread import SINGLE_LINE, line_heights, read_span
from .models import Word
from .ocr import OcrEngine, OcrResult, nfc
from .ocrfix import text_of
from .speckcase import cased_runs_places, cased_syllable_reading, syllable_like
from .speckfold import unused_syllables
from .speckmarks import inner_mark, no_mark_reading
from .syllables import attested, is_syllable
from .tokens import EDGE, split_edges

#: A number cut after a thousands stop (``646.`` ``800.000``: three digits after it), a code after its dash
#: (``109/KH-`` ``UBND``), a word after a dash (``vắc-`` ``xin``). Not a decimal comma nor two numbers: a list's
#: ``1, 2`` and ``259,2`` read alike as a line (Tesseract drops the space after the comma, drawn 0.25 em wide), and the
#: ink between can be as wide in a number a speck broke (``403, 1``: 0.37 of the line's height) as in a real space
#: (from 0.20, ``đệm, tên``), so nothing on the page tells them apart.
#: A number's thousands are taken only where the groups show it is one: a group already before the cut
#: (``646.800.`` ``000``) or one more after it (``646.`` ``800.``); ``1.`` ``200`` may be a list's item.
THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})*\."), re.compile(r"\d{3}(?:\.\d{3})*\.?")
GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+\.")
CODE_CUT = re.compile(r"\d+/[^\W\d_]+-")
WORD_CUT = re.compile(r"[^\W\d_]+-")


def broken_at_mark(a: str, b: str) -> bool:
    """Whether tokens ``a`` and ``b`` may be one number or code broken where a speck or a lost stroke left a gap at
    its mark: a number's thousands (``646.`` ``800.``), a code's dash before its capitals (``109/KH-`` ``UBND``), a
    dash before small letters when the part before it is no syllable in use (``vắc-`` ``xin``; two syllables about a
    dash are two words, ``tế-`` ``xã``). See :data:`THOUSANDS` for what is left."""
    a, b = nfc(a), nfc(b)
    if THOUSANDS[0].fullmatch(a):
        return bool(THOUSANDS[1].fullmatch(b)) and (b.endswith(".") or bool(GROUPED.fullmatch(a)))
    if CODE_CUT.fullmatch(a):
        return b.isalpha() and b.isupper()
    return bool(WORD_CUT.fullmatch(a)) and b.isalpha() and b.islower() and a[:-1].lower() not in attested()


#: Where a slash may have been lost at a gap between two tokens (session 41): an annotation's code in brackets
#: (``(b`` ``c);`` of ``(b/c);``), a number and the code after its slash (``109`` ``KH-UBND``), a month and its year
#: (``01`` ``1999``); or inside one token (``(bc);``, ``16GM-UBND``). The slash is taken only where the span read
#: again shows it (:func:`slash_reading`): a thin stroke at 200 dpi that the page's first reading lost.
SLASH_PAIRS = ((re.compile(r"\([^\W\d_]{1,3}"), re.compile(r"[^\W\d_]{1,3}\)[;,.]?")),
               (re.compile(r"\d{1,4}"), re.compile(r"[A-ZĐ]{2,5}(?:-[A-ZĐ]{2,6})+[.,;]?")),
               (re.compile(r"\d{1,2}"), re.compile(r"(?:19|20)\d\d[.,;]?")))
SLASH_ONE = re.compile(r"\([^\W\d_]{2}\)[;,.]?|\d{1,4}[A-ZĐ]{2,5}(?:-[A-ZĐ]{2,6})+[.,;]?")


def slash_lost(a: str, b: str | None = None) -> bool:
    """Whether tokens ``a`` and ``b`` (or ``a`` alone) may be one token whose slash was lost (:data:`SLASH_PAIRS`)."""
    a = nfc(a)
    if b is None:
        return bool(SLASH_ONE.fullmatch(a))
    return any(x.fullmatch(a) and y.fullmatch(nfc(b)) for x, y in SLASH_PAIRS)


def slash_reading(read: str, readings: list[str]) -> str | None:
    """A reading that is ``read`` (two tokens with their space, or one) with a slash where the space was, or between
    two of its letters or digits, and nothing else changed; None otherwise."""
    read = nfc(read)
    if " " in read:
        want = {read.replace(" ", "/", 1)} if read.count(" ") == 1 else set()
    else:
        want = {read[:i] + "/" + read[i:] for i in range(1, len(read)) if read[i - 1].isalnum() and read[i].isalnum()}
    return next((r for r in readings if r in want), None)


def joined_reading(a: str, b: str, readings: list[str]) -> str | None:
    """``a`` and ``b`` as one token when a reading of their span is exactly that token (its marks at the edges
    aside) with no space: the gap was none; None otherwise."""
    joined = nfc(a) + nfc(b)
    core = split_edges(joined, EDGE)[1]
    return joined if any(" " not in r and r and split_edges(r, EDGE)[1] == core for r in readings) else None


def syllable_reading(core: str, readings: list[str], run: list[str], i: int) -> str | None:
    """The syllable a reading makes of ``core`` (word ``i`` of ``run``, a line's run of small-letter words) when
    ``core`` is no syllable, the reading's letters are a small-letter syllable Vietnamese words use, and in its
    place the run stands in a word of the list (:func:`archivist.wordpairs.in_a_word`); None otherwise."""
    from .wordpairs import in_a_word  # on a speckled page only (the page stage's fork server keeps it out)

    if is_syllable(core):
        return None
    for r in readings:
        new = split_edges(r, EDGE)[1]
        if " " in r or not new.isalpha() or not new.islower() or new == core or new not in attested():
            continue
        if in_a_word([*run[:i], new, *run[i + 1:]], i):
            return new
    return None


def _merged(prev: Word, w: Word, text: str) -> Word:
    """``prev`` and ``w`` as the one word ``text``: their boxes' union, the lower confidence."""
    box = (prev.bbox[0], min(prev.bbox[1], w.bbox[1]), w.bbox[2], max(prev.bbox[3], w.bbox[3]))
    return replace(prev, text=text, bbox=box, conf=min(prev.conf, w.conf))


def reread_spans(engine: OcrEngine, ocr: OcrResult, unsmoothed: np.ndarray | None, image: np.ndarray,
                 dpi: float) -> OcrResult:
    """``ocr`` (a speckled page's reading of ``image``; ``unsmoothed`` the page before its median) with each number
    or code broken at its mark joined (:func:`broken_at_mark`, :func:`joined_reading`), each code's lost slash put
    back where the span read again shows it (:func:`slash_lost`, :func:`slash_reading`), and each small-letter word
    that is no syllable read again (:func:`syllable_reading`), from both images on crops the line bounds.
    Unchanged on any page but a speckled one (``unsmoothed`` None) or without an engine that reads a crop alone."""
    read_alone = getattr(engine, "read_alone", None)
    if unsmoothed is None or not callable(read_alone) or not ocr.words:
        return ocr
    heights = line_heights(ocr.words)
    images = (unsmoothed, image)
    words: list[Word] = []
    changed = False
    for w in ocr.words:
        prev = words[-1] if words else None
        if prev is not None and prev.line == w.line and w.line in heights and broken_at_mark(prev.text, w.text):
            readings = read_span(read_alone, images, prev, w, heights[w.line], dpi, (SINGLE_LINE,))  # keeps a space
            joined = joined_reading(prev.text, w.text, readings)
            if joined is not None:
                words[-1], changed = _merged(prev, w, joined), True
                continue
        if prev is not None and prev.line == w.line and w.line in heights and slash_lost(prev.text, w.text):
            again = read_span(read_alone, images, prev, w, heights[w.line], dpi)
            slashed = slash_reading(f"{prev.text} {w.text}", again)
            if slashed is not None:
                words[-1], changed = _merged(prev, w, slashed), True
                continue
        if prev is not None and prev.line == w.line and w.line in heights and (
                clean := inner_mark(prev.text, w.text, EDGE)) is not None:  # ``hồ: sơ`` (session 42)
            readings = read_span(read_alone, images, prev, w, heights[w.line], dpi, (SINGLE_LINE,))
            if no_mark_reading(clean, w.text, readings):
                words[-1], changed = replace(prev, text=clean), True
        if w.line in heights and slash_lost(w.text):
            slashed = slash_reading(w.text, read_span(read_alone, images, w, w, heights[w.line], dpi))
            if slashed is not None:
                w = replace(w, text=slashed)
                changed = True
        words.append(w)
    place, wide = small_runs_places(words), cased_runs_places(words)
    for k in sorted(place.keys() | wide.keys()):
        w = words[k]
        if w.line not in heights:
            continue
        lead, core, trail = split_edges(nfc(w.text), EDGE)
        if is_syllable(core) or k not in place and not syllable_like(core):  # ``UBND HUYỆN``: an abbreviation
            continue
        readings = read_span(read_alone, images, w, w, heights[w.line], dpi)
        new = syllable_reading(core, readings, *place[k]) if k in place else None
        if new is None and k in wide:  # the run with its capitals (session 42): ``Ủy bah nhân dân``
            new = cased_syllable_reading(core, readings, *wide[k])
        if new is not None:
            words[k] = replace(w, text=lead + new + trail)
            changed = True
    for k, new in unused_syllables(words).items():  # what the image left: marks that make no syllable (session 43)
        words[k] = replace(words[k], text=new)
        changed = True
    if not changed:
        return ocr
    return replace(ocr, words=words, text=nfc(text_of(words)).strip())
