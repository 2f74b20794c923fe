"""A faded carbon copy's doubtful words read again, alone, from the page before and beside its raised contrast.

Why: on the faded pages of HG117-122 the words lost are mostly single glyphs misread in a word otherwise right:
a number's ``0`` read ``6`` or ``9`` (``2009`` -> ``2099``, ``01`` -> ``61``: 102 of 623 words lost), the hook over a
circumflex read as an acute (``Cẩm`` -> ``Cấm``, ``thể`` -> ``thế``), a letter that makes no word with its neighbours
(``tập`` for ``lập``, ``ngay`` for ``ngày``) (bench/RESULTS.md, "Faded pages, again (session 37)"). CLAHE, which makes
these pages readable at all, darkens the paper's grain with the strokes, so a broken ring or a curl of two pixels
reads as something else; read alone, from the page before CLAHE or with a 3x3 median before it, the same word often
comes back right. So only the words whose first reading shows one of those three signs are read again, and a
second reading is taken only when it is that same word with exactly the glyph the sign names changed: evidence
from the image, the word list only as a guard (a letter is taken only where it makes the word the list knows, a
hook never where it breaks a word the first reading made: ``phối hợp``). A word that makes no word, or holds a
letter the faded type is read as (:data:`LETTER_AS`: ``tà`` for ``là``, ``MAM`` for ``NAM``), is read again too and
judged by :mod:`archivist.typedletters`' rule (session 40). A number still holding a 6 or 9 after
those readings (the zeros were still the largest one-glyph loss, session 39) is read two more ways, as a line and
enlarged (:func:`more_zero_readings`), its zero taken by the same rule.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import replace

import cv2
import numpy as np

from .hookread import HOOK_FOR_ACUTE, SINGLE_WORD, hook_reading, word_crop
from .models import Word
from .ocr import OcrEngine, OcrResult, nfc
from .ocrfix import text_of
from .restore import Prepared, clahe
from .tokens import EDGE, split_edges
from .typedletters import asked as letters_asked
from .typedletters import letter_reading

#: Digits a faded ``0`` is read as: its ring broken by the grain, the engine closes the part left into a loop.
ZERO_AS = "69"
#: Letters a faded word's letter is read as, with the letter printed: :mod:`archivist.typedletters`' rule with the
#: faded pages' own one-glyph slips (session 39's count: ``t`` for ``l`` 23, ``T`` for ``I`` 12, ``M`` for ``N`` 7,
#: ``n`` for ``m`` 7; the typed pages' ``r`` for ``n`` is not among them). The last two pairs gained 8 words more on
#: seeds 163-168 and broke none, for 3.5 times the words asked (bench/RESULTS.md, "Faded pages, fourth round").
LETTER_AS = {"t": "l", "T": "I", "M": "N", "n": "m"}


def zero_places(read: str, again: str, loops: str = ZERO_AS) -> set[int]:
    """Where ``again`` has a ``0`` for a digit of ``read`` in ``loops`` (:data:`ZERO_AS` on a faded page), when that is
    all that differs between the two readings (same length, every other character the same); empty otherwise."""
    read, again = nfc(read), nfc(again)
    if len(read) != len(again) or read == again:
        return set()
    if all(a == b or (a in loops and b == "0") for a, b in zip(read, again, strict=True)):
        return {k for k, (a, b) in enumerate(zip(read, again, strict=True)) if a != b}
    return set()


def _small_runs(words: list[Word]) -> Iterator[list[tuple[int, str]]]:
    """Runs of a line's adjacent words in small letters with no punctuation between, each word as (its index in
    ``words``, its letters): the syllables the word list can judge together (:mod:`archivist.wordpairs`)."""
    run: list[tuple[int, str]] = []
    line = None
    for k, w in enumerate(words):
        lead, core, trail = split_edges(nfc(w.text), EDGE)
        if run and (lead or w.line != line):
            yield run
            run = []
        line = w.line
        if not core or not core.isalpha() or not core.islower():
            if run:
                yield run
            run = []
            continue
        run.append((k, unicodedata.normalize("NFC", core)))
        if trail:
            yield run
            run = []
    if run:
        yield run


def small_runs_places(words: list[Word]) -> dict[int, tuple[list[str], int]]:
    """Every word of a small-letter run (:func:`_small_runs`) with its run's syllables and its place in the run."""
    place: dict[int, tuple[list[str], int]] = {}
    for run in _small_runs(words):
        read = [core for _, core in run]
        for i, (k, _) in enumerate(run):
            place[k] = (read, i)
    return place


def odd_in_runs(words: list[Word]) -> tuple[dict[int, str], dict[int, tuple[list[str], int]]]:
    """The words the list finds odd, each with the syllable one confusion away that makes a word with its neighbours
    (:func:`archivist.wordpairs.odd_syllables`); and every word of a small-letter run with its run and place
    (:func:`small_runs_places`; a run's words are adjacent, so its first word's index plus a place is the word's).
    The list is imported here, on a faded or speckled page only (archivist/speckread.py): the page stage's fork
    server keeps the document stage's modules out (tests/test_worker_costs.py)."""
    from .wordpairs import odd_syllables
    place = small_runs_places(words)
    odd: dict[int, str] = {}
    for k, (read, i) in place.items():
        if i == 0:
            for j, alt, _, _ in odd_syllables(read):
                odd[k + j] = alt
    return odd, place


def _judge(w: Word, readings: list[str], odd: str | None, place: tuple[list[str], int] | None) -> str | None:
    """The word as read again, or None: a letter one confusion off taken when a reading is the syllable the list
    wants; a number's ``0`` wherever a reading put one for a 6 or 9 (:func:`zero_places`); a hook for the acute when
    a reading has it (:func:`archivist.hookread.hook_reading`) and the first reading made no word the hook breaks."""
    text = nfc(w.text)
    lead, core, trail = split_edges(text, EDGE)
    if odd is not None and any(split_edges(r, EDGE)[1] == odd for r in readings):
        return lead + odd + trail
    zeros = set().union(*(zero_places(text, r) for r in readings)) if any(c.isdigit() for c in core) else set()
    if zeros:
        return "".join("0" if k in zeros else c for k, c in enumerate(text))
    for r in readings:
        hooked = hook_reading(text, r)
        if hooked is None:
            continue
        if place is not None:
            from .wordpairs import in_a_word  # on a faded page only, as in odd_in_runs

            read, i = place
            new_core = split_edges(hooked, EDGE)[1]
            if in_a_word(read, i) and not in_a_word([*read[:i], new_core, *read[i + 1:]], i):
                return None
        return hooked
    return letter_reading(text, readings, LETTER_AS) if letters_asked(text, LETTER_AS) else None


def _doubtful(w: Word, odd: bool) -> bool:
    """Whether the first reading shows a sign this module reads again: a 6 or 9 among a token's digits, an acute
    over a circumflex or breve, a syllable the list finds odd, a word that makes no word or holds a letter of
    :data:`LETTER_AS` whose printed letter makes one (:func:`archivist.typedletters.asked`)."""
    text = nfc(w.text)
    return odd or any(c in HOOK_FOR_ACUTE for c in text) or any(c in ZERO_AS for c in text) \
        or letters_asked(text, LETTER_AS)


def _loop_digits(w: Word) -> bool:
    """Whether the word's first reading is a number with a digit a faded ``0`` is read as (:data:`ZERO_AS`)."""
    core = split_edges(nfc(w.text), EDGE)[1]
    return any(c.isdigit() for c in core) and any(c in ZERO_AS for c in core)


#: How much a number's crop is enlarged for its second way of reading (:func:`more_zero_readings`).
ENLARGE = 2.0
#: Tesseract's page segmentation mode for a single line of text, the crop's other way of being read.
SINGLE_LINE = 7


def more_zero_readings(read_alone: Callable[..., str], crops: list[np.ndarray], dpi: float) -> list[str]:
    """Each crop of a number read two more ways: as a line (psm 7) and enlarged twice (psm 8, bicubic). Why: on the
    faded pages of HG117-119 a year none of the three views gave a ``0`` at psm 8 came back ``2009`` from ``2099`` read
    so, the ring's break bridged at another scale or under another segmentation (bench/RESULTS.md, "Faded pages,
    third round (session 39)"); asked only where the three readings gave no ``0``, a number or two a page."""
    out = []
    for c in crops:
        out.append(nfc(read_alone(c, dpi, SINGLE_LINE)))
        big = cv2.resize(c, None, fx=ENLARGE, fy=ENLARGE, interpolation=cv2.INTER_CUBIC)
        out.append(nfc(read_alone(big, dpi * ENLARGE, SINGLE_WORD)))
    return out


def views(prep: Prepared) -> list[np.ndarray]:
    """The images a doubtful word is read again from: the page before CLAHE, as OCR read it, and with a 3x3 median
    before CLAHE (which joins the grain of a broken stroke; over the whole page it cost words, session 29, but
    for one glyph it is one more witness). Empty on any page whose contrast was not raised."""
    if prep.before_contrast is None:
        return []
    return [prep.before_contrast, prep.image, clahe(cv2.medianBlur(prep.before_contrast, 3), prep.dpi)]


def reread_faded(engine: OcrEngine, ocr: OcrResult, prep: Prepared) -> OcrResult:
    """``ocr`` (the reading of ``prep.image``) with each doubtful word (:func:`_doubtful`) read again alone from
    each of :func:`views` and changed where :func:`_judge` takes a reading. Unchanged on any page but a faded one
    (``prep.before_contrast``) or when the engine cannot read a crop on its own model."""
    read_alone = getattr(engine, "read_alone", None)
    if prep.before_contrast is None or not callable(read_alone) or not ocr.words:
        return ocr
    odd, place = odd_in_runs(ocr.words)
    asked = [k for k, w in enumerate(ocr.words) if _doubtful(w, k in odd)]
    if not asked:
        return ocr
    images = views(prep)
    words = list(ocr.words)
    changed = False
    for k in asked:
        crops = [c for c in (word_crop(im, words[k].bbox) for im in images) if c.size]
        readings = [nfc(read_alone(c, prep.dpi, SINGLE_WORD)) for c in crops]
        if _loop_digits(words[k]) and not any(zero_places(nfc(words[k].text), r) for r in readings):
            readings += more_zero_readings(read_alone, crops, prep.dpi)
        again = _judge(words[k], readings, odd.get(k), place.get(k))
        if again is not None and again != nfc(words[k].text):
            prep.rereads.append((nfc(words[k].text), again))
            words[k] = replace(words[k], text=again)
            changed = True
    if not changed:
        return ocr
    return replace(ocr, words=words, text=nfc(text_of(words)).strip())


def keep_first_readings(reading: dict | None, prep: Prepared | None) -> dict | None:
    """The date's second reading (:func:`archivist.dateread.read_date`) with each of its words that
    :func:`reread_faded` changed keeping what the page first read there (``first``). Why: once the year is read right
    (``2619`` read again ``2010``), the page's own sign that its 0s come out as loop digits would be gone, and a
    number's ``6`` as like the page's ``0`` as itself would again be stored unflagged (archivist/pagezero.py)."""
    if not reading or prep is None or not prep.rereads:
        return reading
    first = {taken: read for read, taken in prep.rereads}
    words = [w | {"first": first[w["text"]]} if w.get("text") in first else w for w in reading.get("words", [])]
    return reading | {"words": words}

