"""The number's digits against the page's own renderings of each digit, as a review flag (issue 14 item 9).

Why: the wrong numbers left unflagged most are one digit of a typed or faded number misread at full confidence
(HG49 ``258`` for ``238``): no rival digit in the engine, and the box read again repeats it. A page repeats its
digits in the same face (the date, the body, the register), read at high confidence: a ``5`` of the number that
looks like the page's ``3`` s much better than like its ``5`` s (or like a ``3`` when the page has no ``5`` at all) is
in doubt, whatever the engine said (bench/RESULTS.md, "The page's own digits against the number's (session 29)").

How: a word is split into its characters' slices by their advances in the page's face
(:func:`archivist.numberbox.page_scale`); its ink (darker than its paper by INK_SHARE of the paper-to-ink range) is
cut into connected components, each given to the slice its centre falls in. A glyph is cropped to its ink, scaled
to GLYPH pixels high in a square, blurred, and compared by normalised correlation (the best over shifts of SHIFT
pixels) with every digit of the page's words read at RENDER_CONF or more (the number's word left out). The page
stage keeps, for each digit of the words in the number's box, the best correlation with the page's renderings of
the digit read (none when the page has none) and the best other digit's; extract flags the number when one of its
digits looks like another digit at LIKE or more and MARGIN more than like its own. No value is changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .faintflags import word_tuples
from .numberbox import advance, page_scale
from .ocrtext import box_inside

if TYPE_CHECKING:  # numpy and OpenCV only where the page stage runs (extract writes without them)
    import numpy as np

#: a glyph's height after scaling (pixels; the canvas is square)
GLYPH = 24
#: the share of a word box's height added round it before the ink is told from the paper
PAD = 0.2
#: a page's word lends its digits as renderings when read at this confidence (0-100) or more
RENDER_CONF = 80.0
#: ink is darker than the paper (the crop's 90th percentile) by this share of the paper-to-ink (2nd percentile)
#: range: under Otsu's midpoint (0 selects Otsu, as first measured), so a faded stroke stays in the glyph
INK_SHARE = 0.35
#: correlations are taken at shifts of up to this many pixels of the scaled glyph, the best kept
SHIFT = 1
#: a number's digit looks like another digit of the page at this correlation or more ...
LIKE = 0.85
#: ... and at least this much more than like the page's renderings of the digit read (when the page has any)
MARGIN = 0.1


def slices(text: str, box: Sequence[int], mono: bool) -> list[tuple[float, float]]:
    """Each character's x range in the word's box, in proportion to its advance in the page's face."""
    x0, _, x1, _ = box
    adv = [advance(c, mono) for c in text]
    total = sum(adv) or 1.0
    out, at = [], 0.0
    for a in adv:
        out.append((x0 + (x1 - x0) * at / total, x0 + (x1 - x0) * (at + a) / total))
        at += a
    return out


def glyphs(gray: np.ndarray, text: str, box: Sequence[int], mono: bool) -> dict[int, np.ndarray]:
    """The normalised glyph of each digit of the word ``text`` (by its index in ``text``) in its ``box``."""
    import cv2
    import numpy as np

    x0, y0, x1, y1 = (int(v) for v in box)
    if x1 <= x0 or y1 <= y0:
        return {}
    pad = int(PAD * (y1 - y0)) + 1
    h, w = gray.shape[:2]
    a, b, c, d = max(0, x0 - pad), max(0, y0 - pad), min(w, x1 + pad), min(h, y1 + pad)
    crop = gray[b:d, a:c]
    if crop.size == 0:
        return {}
    if INK_SHARE:  # both percentiles from one partition of the crop: the same two values as two calls
        paper, dark = np.percentile(crop, (90, 2))
        ink = (crop < paper - INK_SHARE * (paper - dark)).astype(np.uint8)
    else:  # Otsu's threshold: the first measurement, which bench/digit_glyphs.py gives again (DG_INK=0)
        _, ink = cv2.threshold(crop, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    n, labels, stats, centres = cv2.connectedComponentsWithStats(ink, connectivity=8)
    out = {}
    cx, big = centres[:, 0], stats[:, cv2.CC_STAT_AREA] >= 3
    big[0] = False  # the background
    for i, (lo, hi) in enumerate(slices(text, box, mono)):
        if not text[i].isdigit():
            continue
        keep = np.flatnonzero(big & (lo - a <= cx) & (cx < hi - a))  # the components centred in the digit's slice
        if len(keep):
            # the glyph's box is its components' (their stats bound their pixels), and its mask their labels there:
            # the same pixels as np.isin over the whole crop and np.nonzero's extent, without either pass (≈ 40% of
            # the page's digit renderings' CPU, tests/test_digitglyphs.py)
            left, top = stats[keep, cv2.CC_STAT_LEFT], stats[keep, cv2.CC_STAT_TOP]
            gx0, gy0 = int(left.min()), int(top.min())
            gx1 = int((left + stats[keep, cv2.CC_STAT_WIDTH]).max())
            gy1 = int((top + stats[keep, cv2.CC_STAT_HEIGHT]).max())
            mine = np.zeros(n, bool)
            mine[keep] = True
            out[i] = normalise(mine[labels[gy0:gy1, gx0:gx1]].astype(np.float32))
    return out


def normalise(g: np.ndarray) -> np.ndarray:
    """A glyph's ink scaled to GLYPH pixels high (its width by the same factor), centred in a square, blurred,
    zero mean and unit norm: the dot product of two is their correlation."""
    import cv2
    import numpy as np

    gh, gw = g.shape
    nw = max(1, min(GLYPH, int(round(gw * GLYPH / gh))))
    canvas = np.zeros((GLYPH, GLYPH), np.float32)
    at = (GLYPH - nw) // 2
    canvas[:, at:at + nw] = cv2.resize(g, (nw, GLYPH), interpolation=cv2.INTER_AREA)
    canvas = cv2.GaussianBlur(canvas, (3, 3), 0.8)
    canvas -= canvas.mean()
    norm = float(np.linalg.norm(canvas))
    return canvas / norm if norm else canvas


def renderings(gray: np.ndarray, words: Sequence[tuple], skip: set[tuple], mono: bool) -> dict[str, list]:
    """The page's renderings of each digit: the digits of its words read at RENDER_CONF or more whose box is not
    in ``skip`` (``words``: (text, confidence, box, line) tuples)."""
    out: dict[str, list] = {}
    for text, conf, box, *_ in words:
        if conf < RENDER_CONF or tuple(box) in skip or not any(c.isdigit() for c in text):
            continue
        for i, g in glyphs(gray, text, box, mono).items():
            out.setdefault(text[i], []).append(g)
    return out


def scores(g: np.ndarray, rendered: dict[str, list]) -> dict[str, float]:
    """Per digit the page renders, the best correlation of ``g`` with one of its renderings (over shifts)."""
    import numpy as np

    moved = [np.roll(g, (dy, dx), axis=(0, 1)) for dy in range(-SHIFT, SHIFT + 1) for dx in range(-SHIFT, SHIFT + 1)]
    out = {}
    for digit, gs in rendered.items():
        stack = np.stack(gs)
        out[digit] = float(max((stack * m).sum(axis=(1, 2)).max() for m in moved))
    return out


def box_words(words: Sequence[tuple], box: Sequence[int]) -> list[tuple]:
    """The words inside ``box`` (3 pixels of slack) holding a digit, in reading order."""
    inside = [w for w in words if box_inside(w[2], box) and any(c.isdigit() for c in w[0])]
    return sorted(inside, key=lambda w: (w[3], w[2][0]))


def digit_scores(gray: np.ndarray, words: Sequence[Any], box: Sequence[int]) -> list[dict] | None:
    """For each word with a digit in the number's ``box`` (page pixels of ``gray``, the upright page): its text,
    box and, per digit, the scores against the page's renderings (:func:`scores`). None when the page's words
    do not tell its face."""
    tuples = word_tuples(words)
    scale = page_scale(tuples)
    if scale is None:
        return None
    mine = box_words(tuples, box)
    rendered = renderings(gray, tuples, {tuple(w[2]) for w in mine}, scale[1])
    out = []
    for text, _, wbox, *_ in mine:
        found = glyphs(gray, text, wbox, scale[1])
        out.append({"text": text, "box": [int(v) for v in wbox],
                    "digits": {i: scores(g, rendered) for i, g in found.items()}})
    return out


def judge(gray: np.ndarray, words: Sequence[Any], box: Sequence[int]) -> list[dict] | None:
    """What the page stage keeps (``number_reading["glyphs"]``): per word of :func:`digit_scores`, its text, box
    and for each digit [index in the text, the best correlation with the digit read (None: the page renders
    none), the best other digit, its correlation]."""
    found = digit_scores(gray, words, box)
    if found is None:
        return None
    out = []
    for w in found:
        digits = []
        for i, s in sorted(w["digits"].items()):
            own = s.get(w["text"][i])
            other = max(((v, k) for k, v in s.items() if k != w["text"][i]), default=None)
            if other is not None:
                digits.append([i, None if own is None else round(own, 3), other[1], round(other[0], 3)])
        out.append({"text": w["text"], "box": w["box"], "digits": digits})
    return out


def digits_at(text: str, number: str) -> int | None:
    """Where the run of digits equal to ``number`` starts in ``text`` (None: no such run)."""
    i = 0
    while i < len(text):
        j = i
        while j < len(text) and text[j].isdigit():
            j += 1
        if j > i and text[i:j] == number:
            return i
        i = max(j, i + 1)
    return None


def number_digits(judged: Sequence[dict], number: str) -> list[tuple[int, float | None, str, float]]:
    """The judged digits of ``number`` in the first judged word holding it, as (its place in the number, likeness
    to the page's renderings of the digit read, the likeliest other digit, likeness to it); [] when no word holds
    it. The rules below judge the number's own digits only, never a year or symbol beside it in the word."""
    for w in judged:
        at = digits_at(w["text"], number)
        if at is not None:
            return [(i - at, own, digit, other) for i, own, digit, other in w["digits"] if 0 <= i - at < len(number)]
    return []


def glyph_doubt(judged: Sequence[dict], number: str) -> str | None:
    """Why ``number`` may hold a misread digit: in the first judged word holding it, one of its digits looks like
    the page's renderings of another digit at LIKE or more, and MARGIN more than like the digit read's (or the
    page renders the digit read nowhere)."""
    for w in judged:
        at = digits_at(w["text"], number)
        if at is None:
            continue
        for i, own, digit, other in w["digits"]:
            if at <= i < at + len(number) and other >= LIKE and (own is None or other - own >= MARGIN):
                read = w["text"][i]
                than = f"the page renders no '{read}'" if own is None else f"more than its '{read}' ({own:.2f})"
                return f"the number's '{read}' looks like the page's '{digit}' (correlation {other:.3f}), {than}"
        return None
    return None



#: a digit whose glyph correlates under this with the page's renderings of the digit read does not look like them
UNLIKE = 0.6


def glyph_reread_doubt(judged: Sequence[dict], number: str, rereads: Sequence[str]) -> str | None:
    """Why ``number`` may hold a misread digit: a second reading of its box (``rereads``: the numbers they gave) is
    ``number`` with one digit other, and the glyph there backs it: it looks more like the page's renderings of the
    reread's digit than of its own (at LIKE or more, under :func:`glyph_doubt`'s MARGIN), or it looks little like
    its own (under UNLIKE). Two readings that each fall short alone, glyph and box, pointing at the same digit:
    HG101 typewriter-09 ttr-161's ``181`` for ``161`` at 0.95, its ``8`` like the page's ``6`` at 0.872 against its
    own 0.789, the scan's reading ``161``; HG99 speckle-19 khai-sinh-21's ``183`` for ``184``, its ``3`` at 0.47 to
    the page's ``3``, the scan's ``184`` (bench/RESULTS.md, "Flags, eighty-sixth round (session 34)")."""
    for w in judged:
        at = digits_at(w["text"], number)
        if at is None:
            continue
        scores = {i - at: (own, digit, other) for i, own, digit, other in w["digits"]}
        for twin in dict.fromkeys(r for r in rereads if len(r) == len(number)):
            diff = [k for k, (a, b) in enumerate(zip(number, twin, strict=True)) if a != b]
            if len(diff) != 1 or diff[0] not in scores:
                continue
            k = diff[0]
            own, digit, other = scores[k]
            if own is not None and own < UNLIKE:
                return (f"its box read again gave {twin}, and the number's '{number[k]}' looks little like the "
                        f"page's ({own:.3f})")
            if digit == twin[k] and other >= LIKE and (own is None or other > own):
                return (f"its box read again gave {twin}, and the number's '{number[k]}' looks more like the "
                        f"page's '{digit}' ({other:.3f} against {own if own is None else round(own, 3)})")
        return None
    return None


def unrendered_doubt(judged: Sequence[dict], number: str, rereads: Sequence[str]) -> str | None:
    """Why ``number`` may hold a misread digit: one of its digits is one the page renders nowhere (so its glyph has
    nothing of its own to be compared with), the page's digit it looks most like is the one a second reading of the
    box (``rereads``: the numbers they gave) puts there, and no reading of as many digits gives ``number``. HG113
    typewriter-09 kh-008's ``03`` for ``08`` at 0.95: the page has no ``3``, the glyph is most like its ``8`` s
    (0.757), the scan read ``88`` (the other reading ``3``, a digit lost). On seeds 86-114 the glyph and a reading so
    agree on 6 numbers, 5 wrong; the one right one (``236``, read again ``236`` and ``238``) has a reading giving it
    whole, which this asks there be none of (bench/RESULTS.md, "Flags, ninetieth round onward (session 35)")."""
    whole = [r for r in dict.fromkeys(rereads) if len(r) == len(number)]
    if number in whole:
        return None
    for k, own, digit, other in number_digits(judged, number):
        if own is None and any(r[k] == digit != number[k] for r in whole):
            return (f"the page renders no '{number[k]}' to compare the number's with; it looks most like the "
                    f"page's '{digit}' ({other:.3f}), and its box read again gave {digit} there")
    return None


#: the digits a faded or typed ``0`` is read as, its counter filled or a stroke's stub taken for a loop
ZERO_READS = frozenset("689")
#: a digit whose glyph correlates with the page's ``0`` within this of its own is as much a ``0`` as itself
TIE = 0.02


def zero_tie_doubt(judged: Sequence[dict], number: str) -> str | None:
    """Why ``number`` may hold a ``0`` misread: one of its ``6``, ``8`` or ``9`` looks like the page's ``0`` at LIKE or
    more and within TIE of how it looks like its own digit, so its glyph cannot tell the two; a faded or typed
    ``0`` read as a loop digit is the misread the bench sees most in numbers (HG105 typewriter-12 ttr-170's ``176``
    for ``170`` at 0.95: its ``6`` at 0.875 to the page's ``6``, 0.872 to its ``0``; both second readings ``176``).
    On the fit basis (seeds 86-108) two numbers were so, both wrong (bench/RESULTS.md, "Flags, eighty-seventh round
    (session 34)"); a thin basis, checked on the sealed seeds."""
    for w in judged:
        at = digits_at(w["text"], number)
        if at is None:
            continue
        for i, own, digit, other in w["digits"]:
            if at <= i < at + len(number) and w["text"][i] in ZERO_READS and digit == "0" and other >= LIKE \
                    and own is not None and own - other <= TIE:
                return (f"the number's '{w['text'][i]}' looks as much like the page's '0' ({other:.3f}) as like "
                        f"its own ({own:.3f}): a faded or typed 0 is read so")
        return None
    return None


def zero_reread_doubt(judged: Sequence[dict], number: str, rereads: Sequence[str]) -> str | None:
    """Why ``number`` may hold a ``0`` misread: one of its ``6``, ``8`` or ``9`` looks more like the page's ``0`` than
    like its own digit (at any height: under LIKE too), and a second reading of its box of as many digits
    (``rereads``) puts another digit there. The glyph leaning to ``0`` and a reading that does not repeat the digit
    are two pieces of evidence that each fall short alone: HG124 typewriter-09 ttr-140's ``149`` for ``140`` at 0.95,
    its ``9`` at 0.838 to the page's ``0`` against 0.776 to its own, the scan's reading ``146``. On seeds 86-124 a
    loop digit leaned to ``0`` in 48 stored numbers, 17 right; on the 10 right ones not flagged already every second
    reading repeats the digit (bench/RESULTS.md, "Flags on the sealed seeds 123-124 (session 36)")."""
    whole = [r for r in dict.fromkeys(rereads) if len(r) == len(number)]
    for k, own, digit, other in number_digits(judged, number):
        again = next((r for r in whole if r[k] != number[k]), None)
        if number[k] in ZERO_READS and digit == "0" and own is not None and other > own and again is not None:
            return (f"the number's '{number[k]}' looks more like the page's '0' ({other:.3f}) than like its own "
                    f"({own:.3f}), and its box read again gave {again}: a faded or typed 0 is read so")
    return None
