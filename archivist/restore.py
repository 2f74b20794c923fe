"""Restoration of the page image Tesseract reads (never of the stored image): what helps the OCR of
faded, noisy and ruled pages, adopted because ``bench/restore_ab.py`` showed it helps.

:func:`prepare` is what the pipeline calls between the deskew and the OCR, with the adopted :class:`Recipe`
(:data:`ADOPTED`); the bench's candidates are other recipes (and other steps), defined in the bench.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

import cv2
import numpy as np

from .faintflags import FAINT_NOTE
from .models import Word
from .ocr import OcrResult, text_from_words
from .preprocess import components, components_in_box, flatten_background, ink_level
from .tables import Grid, remove_rules
from .typewritten import bold_lines, even_strikes, typed_body

MM = 25.4
#: Specks per cm² in the side margins from which a page is speckled (bench: speckled pages 3.0-5.4,
#: every other page 0.24 at most).
SPECKLED = 1.0
SPECKLED_OCR_DPI = 300.0
#: On a speckled page a blob smaller than this many squared stroke widths ... (:func:`light_specks`)
LIGHT_SPECK_SIZE = 3.0
#: ... whose darkest pixel stays lighter than this share of the way from the ink's darkest to the page's Otsu
#: cut is a speck, wherever it sits. Set from HG40's blobs before any bench run (speckled pages: the small
#: blobs' darkest grey a median 70-128 against letters' 28-99; clean pages 19-37, as dark as their letters).
LIGHT_SPECK_DEPTH = 0.4
#: ... unless it sits where a Vietnamese mark sits (:func:`mark_places`): its top at most this many stroke widths
#: under a letter's bottom (the dot below, dấu nặng) or its bottom at most ``MARK_ABOVE`` over a letter's top (an
#: i's dot, the marks over vowels). Measured on HG40's clean pages, where every small blob is a mark: marks below
#: 0.25-0.75 stroke widths under their letter, above 0.25-1.25 over it (a handful of 150 further); on its speckled
#: pages the light blobs 0.75-1.5 widths off are as many as at 1.5-2 (specks, not marks).
MARK_BELOW = 0.75
MARK_ABOVE = 1.25
#: Darkest ink (0.5th percentile after flattening) from which a page is faint. On the bench pages: well
#: inked 13-55, low-contrast prints 95-156, typewritten 75-101, faded and carbon copies 157-197.
FAINT = 70.0
#: Median grey of a faint page's ink (:func:`ink_median`) from which it is a faded carbon copy rather than a
#: typewritten page: its contrast is raised locally instead of thickening. Bench pages, seeds 7, 8 and 10:
#: faded 184-216, typewritten 94-170. (The darkest ink alone does not tell them apart: faded 150-202,
#: typewritten 43-158, a seed-10 typewritten page at 158 read worse with CLAHE.)
FAINTEST = 178.0
THICKEN_MIN_DPI = 200.0  # coarser scans are enlarged for OCR, and a thickened stroke with them


@dataclass
class Prepared:
    """The image for OCR and what was done to it (the tables found, for the reading order)."""

    image: np.ndarray
    dpi: float
    grids: list[Grid] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)
    scale: float = 1.0  # image pixels per page pixel
    #: A typed page as on any other page (or its rows above its restored body), whose words outside the rows
    #: ``restored`` are read from it (:func:`archivist.cells.read_prepared`); ``image`` has paper there.
    plain: np.ndarray | None = None
    restored: tuple[int, int] = (0, 0)


def stretch(flat: np.ndarray) -> np.ndarray:
    """Contrast normalisation: the darkest ink (0.3rd percentile) to black, paper stays white."""
    lo = float(np.percentile(flat, 0.3))
    if lo > 200 or lo < 8:
        return flat
    lut = np.clip((np.arange(256, dtype=np.float32) - lo) * 255.0 / (255.0 - lo), 0, 255).astype(np.uint8)
    return cv2.LUT(flat, lut)


def median(flat: np.ndarray) -> np.ndarray:
    return cv2.medianBlur(flat, 3)


def lone_specks(flat: np.ndarray, dpi: float, reach_mm: float = 0.8) -> tuple[np.ndarray, int]:
    """Specks: blobs smaller than a tone mark's dot that sit more than 0.8 mm from any bigger ink (a
    dot or tone mark always sits by its letter); their mask and how many there are."""
    _, ink = cv2.threshold(flat, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    n, labels, stats, _ = components(ink)
    if n <= 1:
        return np.zeros(flat.shape, bool), 0
    small = stats[:, cv2.CC_STAT_AREA] < (0.35 * dpi / MM) ** 2
    small[0] = False
    big = (~small)[labels] & ink.astype(bool)
    reach = max(1, round(reach_mm * dpi / MM))
    near = cv2.dilate(big.astype(np.uint8), np.ones((2 * reach + 1, 2 * reach + 1), np.uint8))
    touching = np.zeros(n, bool)
    touching[np.unique(labels[(near > 0) & small[labels]])] = True
    lone = small & ~touching
    return lone[labels], int(lone.sum())


def despeckle(flat: np.ndarray, dpi: float, reach_mm: float = 0.8) -> np.ndarray:
    """The page with its lone specks painted paper-white."""
    mask, count = lone_specks(flat, dpi, reach_mm)
    if not count:
        return flat
    out = flat.copy()
    out[mask] = 255
    return out


def stroke_width(ink: np.ndarray) -> float:
    """The page's typical stroke width in pixels: twice the median distance to the paper along the strokes'
    ridges (the distance transform's local maxima)."""
    dt = cv2.distanceTransform(ink, cv2.DIST_L2, 3)
    ridge = (dt > 0) & (dt >= cv2.dilate(dt, np.ones((3, 3), np.uint8)))
    return 2.0 * float(np.median(dt[ridge])) if ridge.any() else 1.0


def mark_places(stats: np.ndarray, small: np.ndarray, sw: float,
                shape: tuple[int, int]) -> tuple[np.ndarray, np.ndarray]:
    """Where a mark of a letter may sit: two masks of the page, the rows a mark's top may start on under a letter
    (:data:`MARK_BELOW` stroke widths) and the rows its bottom may end on over it (:data:`MARK_ABOVE`), each
    across the letter's span. Letters are the components not ``small`` whose height is 0.4-3 times the median of
    theirs (not a rule, a seal or a dash).

    Why by the letters rather than by size or grey: at 200 dpi after JPEG and the median, a dot below (``THẠCH``)
    or an i's dot comes out as small and as light as a speck (session 27, HG42: 11 dots below lost to
    :func:`light_specks`); what tells it apart is that it sits right under or over a letter."""
    below = np.zeros(shape, bool)
    above = np.zeros(shape, bool)
    x, y, w, h = (stats[:, i] for i in range(4))
    big = ~small
    big[0] = False
    if not big.any():
        return below, above
    mid = float(np.median(h[big]))
    gb, ga = int(MARK_BELOW * sw), int(MARK_ABOVE * sw)
    for i in np.flatnonzero(big & (h >= 0.4 * mid) & (h <= 3 * mid)):
        bottom = y[i] + h[i]
        below[bottom:bottom + gb + 1, x[i]:x[i] + w[i]] = True
        above[max(0, y[i] - ga - 1):y[i], x[i]:x[i] + w[i]] = True
    return below, above


def light_specks(flat: np.ndarray, dpi: float, size: float = LIGHT_SPECK_SIZE,
                 depth: float = LIGHT_SPECK_DEPTH, marks: bool = True) -> np.ndarray:
    """The page with the specks near its text painted out too: blobs smaller than ``size`` squared stroke
    widths whose darkest pixel stays lighter than ``depth`` of the way from the ink's darkest to the Otsu cut,
    except (``marks``) those that sit where a letter's mark sits (:func:`mark_places`).

    :func:`despeckle` leaves every blob within 0.8 mm of a letter (it cannot tell a speck there from a full
    stop or a tone mark by size), and Tesseract reads those specks as marks glued to the words (``nhân:``,
    ``tại:chỗ``): on the speckled pages of HG40 and HG41 that was a quarter of the words lost
    (bench/RESULTS.md, "Speckled and typewritten pages"). A full stop, an i's dot or a tone mark is struck
    as dark as the letters; dust and toner specks are of every grey, so the lighter ones go by their grey. But
    after JPEG and the median a dot below or over a letter can be as light as a speck: those are told by where
    they sit."""
    cut, ink = cv2.threshold(flat, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    n, labels, stats, centroids = components(ink)
    if n <= 1:
        return flat
    level = ink_level(flat)
    dark = np.zeros(n, bool)
    dark[np.unique(labels[flat < level + depth * (cut - level)])] = True
    sw = stroke_width(ink)
    small = stats[:, cv2.CC_STAT_AREA] < size * sw ** 2
    small[0] = False
    gone = small & ~dark
    if marks and gone.any():
        below, above = mark_places(stats, small, sw, flat.shape)
        i = np.flatnonzero(gone)
        cx = np.clip(np.round(centroids[i, 0]).astype(int), 0, flat.shape[1] - 1)
        top, bottom = stats[i, cv2.CC_STAT_TOP], stats[i, cv2.CC_STAT_TOP] + stats[i, cv2.CC_STAT_HEIGHT] - 1
        gone[i[below[top, cx] | above[bottom, cx]]] = False
    if not gone.any():
        return flat
    out = flat.copy()
    out[gone[labels]] = 255
    return out


def specks_per_cm2(flat: np.ndarray, dpi: float) -> float:
    """Specks per cm² in the side margins (a tenth of the width each side, top and bottom twentieth
    left out): no text stands there, so every blob smaller than a tone mark's dot is a speck, and
    counting them there costs a few milliseconds (the whole page's :func:`lone_specks` costs ten
    times that). Ink is what is darker than the page's own Otsu cut."""
    h, w = flat.shape
    m, top = max(1, w // 10), h // 20
    cut, _ = cv2.threshold(flat[::4, ::4], 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    small_area = (0.35 * dpi / MM) ** 2
    count, area = 0, 0
    for strip in (flat[top:h - top, :m], flat[top:h - top, w - m:]):
        _, _, _, stats = components_in_box((strip < cut).astype(np.uint8))  # a clean margin holds no ink at all
        count += int((stats[1:, cv2.CC_STAT_AREA] < small_area).sum())
        area += strip.size
    return count / (area / (dpi / 2.54) ** 2) if area else 0.0


def sharpen(flat: np.ndarray, dpi: float, amount: float = 1.0) -> np.ndarray:
    """Unsharp mask over about 0.1 mm: blurred strokes (carbon copies, soft scans) get edges again."""
    sigma = max(0.8, 0.1 * dpi / MM)
    blur = cv2.GaussianBlur(flat, (0, 0), sigma)
    return cv2.addWeighted(flat, 1 + amount, blur, -amount, 0)


def thicken(flat: np.ndarray, size: int = 2, ink_only: bool = False) -> np.ndarray:
    """A grey-level erosion (``size`` square minimum): thin, broken strokes (grainy carbon) closed up.
    ``ink_only``: only strokes about as dark as the page's ink grow (not a red seal's mid grey)."""
    out = cv2.erode(flat, np.ones((size, size), np.uint8))
    if ink_only:
        level = ink_level(flat)
        cut = level + 0.45 * (255 - level)
        out = np.where(out < cut, out, flat)
    return out


def ink_median(flat: np.ndarray) -> float:
    """The grey of a typical ink pixel (the median of those under the page's Otsu cut): a faded carbon
    copy's strokes are light all through, a typewritten page's are dark where the key struck hard even
    where others are faint, so this tells them apart where the darkest ink does not."""
    cut, _ = cv2.threshold(flat[::2, ::2], 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    counts = np.cumsum(cv2.calcHist([flat], [0], None, [256], [0, 256]).ravel()[:int(cut) + 1])
    return float(np.searchsorted(counts, counts[-1] / 2)) if counts[-1] else 255.0


def clahe(flat: np.ndarray, dpi: float) -> np.ndarray:
    """Local contrast (CLAHE over tiles of about 2 cm): a faded page's strokes darkened where they are,
    not grown as a thickening grows them (which costs faded carbon copies their letters' counters)."""
    tiles = max(2, round(flat.shape[1] / (20 * dpi / MM)))
    return cv2.createCLAHE(clipLimit=2.0, tileGridSize=(tiles, tiles)).apply(flat)


def upscale(gray: np.ndarray, dpi: float, target: float = 300.0) -> tuple[np.ndarray, float]:
    if dpi >= target:
        return gray, dpi
    s = target / dpi
    return cv2.resize(gray, None, fx=s, fy=s, interpolation=cv2.INTER_CUBIC), target


#: A restoration step on a grey page at the given dpi (what bench/restore_ab.py swaps into :func:`prepare`).
Step = Callable[[np.ndarray, float], np.ndarray]


@dataclass(frozen=True)
class Recipe:
    """The choices :func:`prepare` makes for a page, the adopted ones as defaults (:data:`ADOPTED`). Why a
    value: the pipeline reads every page with the adopted recipe, and bench/restore_ab.py measures its
    candidates as other recipes through the same code, so no candidate drifts from what it is measured against."""

    faint: float = FAINT  #: darkest ink from which a page is faint (thickened)
    faintest: float = FAINTEST  #: typical ink from which a faint page is a faded copy (CLAHE instead)
    thicken_size: int = 3  #: a faint page's thickening (0: none)
    others: str = ""  #: "all" or "ink": well-inked pages thickened too (all strokes, or the ink-dark ones)
    denoise: Step | None = None  #: in place of a speckled page's median and light specks (after its lone specks)
    typed: Step | None = None  #: done to a faint page that is not faintest before its thickening
    #: Which typewritten pages (:func:`archivist.typewritten.typewritten`, never the faintest) get ``strikes``
    #: and a thickening over ``typed_thicken``: "all", "faint" ones only, "all, faint thickened" (the well-inked
    #: ones evened out but not thickened), or none (""). "all" below the header, the rest read from the page as
    #: it was: typed pages' word error 15.9 -> 13.3% (HG42), 13.7 -> 11.4% (HG43), 16.4 -> 13.1% (HG44), fields
    #: right and wrong values unflagged no worse on any set (bench/RESULTS.md, "Typewritten pages, header kept");
    #: done to the whole page it cost the header's and the names' fields (ibid., "Typewritten pages told apart").
    typed_pages: str = "all"
    strikes: Step = even_strikes
    #: 4 reads fewer typed words wrong but surer (wrong names lose the doubt that flagged them) and loses
    #: signature lines: not adopted (bench/RESULTS.md, "Thicker typed strokes, …" (session 31), two rounds).
    typed_thicken: int = 3
    #: Which of a typed page's rows are restored (:func:`archivist.typewritten.typed_body`): "body", "below
    #: header" or the whole "page".
    typed_rows: str = "below header"
    #: What of a typed page is read apart from its restored rows (:func:`archivist.cells.read_prepared`): the
    #: whole page as it is read today, its words outside the restored rows kept ("page"), the header's rows
    #: alone ("header"), or nothing (""; the page read as one image). Why: a header left as it was but read
    #: with a restored body read otherwise (ibid.).
    read_apart: str = "page"
    #: Whether a typed page's bold lines stay as on any other page (:func:`archivist.typewritten.bold_lines`;
    #: not adopted: it kept fewer words and no more fields, ibid.).
    keep_bold: bool = False


ADOPTED = Recipe()


def prepare(upright: np.ndarray, dpi: float, recipe: Recipe = ADOPTED) -> Prepared:
    """The page as OCR should read it (what bench/restore_ab.py showed helps, bench/RESULTS.md):
    background flattened (yellowing, stains, shadows gone); on a speckled page (:data:`SPECKLED`)
    the lone specks painted out, a 3x3 median over the rest, the light specks near the text painted out
    (:func:`light_specks`, not those where a letter's mark sits) and the page enlarged to 300 dpi; the
    rules of tables and forms painted out (:mod:`archivist.tables`); then, on a faint page scanned at
    200 dpi or more (darkest ink lighter than :data:`FAINT`: typewritten, faded, low-contrast prints),
    every stroke thickened by a grey-level minimum over 3 pixels square, except on the faintest pages
    (typical ink lighter than :data:`FAINTEST`, :func:`ink_median`: faded carbon copies), whose contrast is
    raised locally (:func:`clahe`) instead, and on typewritten pages, whose strikes are evened out and thickened
    below their header (:class:`Recipe`). Well-inked pages are not thickened (on the default sample pages it
    cost words, as at 150 dpi).
    ``Prepared.scale`` says how much larger than the page the image is (:func:`on_page` brings the words back)."""
    r = recipe
    flat = flatten_background(upright, dpi)
    steps = ["flatten"]
    scale = 1.0
    speckled = specks_per_cm2(flat, dpi) >= SPECKLED
    if speckled:
        flat = despeckle(flat, dpi)
        if r.denoise is None:
            flat = light_specks(median(flat), dpi)
            steps += ["despeckle", "median", "light specks"]
        else:
            flat = r.denoise(flat, dpi)
            steps += ["despeckle", "denoise"]
        if dpi < SPECKLED_OCR_DPI:
            flat, _ = upscale(flat, dpi, SPECKLED_OCR_DPI)
            scale = SPECKLED_OCR_DPI / dpi
            steps.append(f"{SPECKLED_OCR_DPI:.0f} dpi")
    # the faint page's measures come from the flattened page before its rules go: the rules are then painted
    # out on it in place instead of on a copy
    thickening = not speckled and r.thicken_size and dpi >= THICKEN_MIN_DPI
    level = ink_level(flat) if thickening else 0.0
    faintest_page = thickening and level >= r.faint and ink_median(flat) >= r.faintest
    typed_rows = None
    if thickening and not faintest_page and r.typed_pages != "" and (r.typed_pages != "faint" or level >= r.faint):
        typed_rows = typed_body(flat, dpi, r.typed_rows)
    apart, restored = None, (0, 0)
    rules = remove_rules(flat, dpi * scale, in_place=True)  # before thickening: a thickened rule leaves edges behind
    image = rules.image
    if rules.removed_px:
        steps.append("rules")
    if thickening:
        if faintest_page:
            image = clahe(image, dpi)
            steps.append("clahe")
        elif typed_rows is not None:
            top, bottom = typed_rows
            plain = thicken(image, r.thicken_size) if level >= r.faint else image.copy()  # as on any other page
            body = r.strikes(image[top:bottom], dpi)  # the strokes' neighbourhoods are local: the rows alone will do
            steps.append("even strikes")
            if level >= r.faint or r.typed_pages == "all":
                body = thicken(body, r.typed_thicken)
                steps.append("thicken")
            if level >= r.faint and (top, bottom) != (0, image.shape[0]):
                steps.append("thicken beside the body")
            bold = bold_lines(image, dpi, top, bottom) if r.keep_bold else []
            image = plain.copy()
            image[top:bottom] = body
            for a, b in bold:
                image[a:b] = plain[a:b]
                steps.append("bold line kept")
            if r.read_apart and (top, bottom) != (0, image.shape[0]) and not rules.grids:
                apart, restored = (plain[:top] if r.read_apart == "header" else plain), (top, bottom)
                image[:top] = 255
                image[bottom:] = 255
                steps.append("the rest read apart")
        elif level >= r.faint:
            image = thicken(image if r.typed is None else r.typed(image, dpi), r.thicken_size)
            steps.append("thicken")
        elif r.others:
            image = thicken(image, r.thicken_size, ink_only=r.others == "ink")
            steps.append(f"thicken {r.others}")
    return Prepared(image, dpi * scale, rules.grids, steps, scale, apart, restored)


#: On a page whose contrast was raised locally, a "word" lower than this share of the page's median word
#: height is debris the contrast raised (a seal's or signature's edge, a paper fibre), not a glyph: the
#: smallest real words (``-`` in the motto aside) are x-height, about 0.55 of the median.
DEBRIS_HEIGHT = 0.45
#: ... and a word lower than this share and read at under DEBRIS_CONF is a scribble's stroke.
SCRIBBLE_HEIGHT = 0.7
DEBRIS_CONF = 40.0


def faint_reading(ocr: OcrResult, prep: Prepared) -> OcrResult:
    """The OCR of a page whose contrast was raised locally (:func:`clahe`; other pages as they are):
    noted as faint (:data:`archivist.faintflags.FAINT_NOTE`) and without the specks CLAHE raised into "words".

    CLAHE darkens faint strokes where they are, but also the paper's grain round a signature or a seal:
    Tesseract reads those as tiny words (``⁄``, ``£``, ``4``, ``s`` 5-15 px high among 30 px words).
    They are not text: on a bench page they hid the signer's name from the extractor, and in the PDF text
    layer they are glyphs scattered under the signature (bench/RESULTS.md, "Faded pages adopted?").
    Hyphens and dashes (a motto's ``-``) are kept: they are flat, not debris."""
    if "clahe" not in prep.steps or not ocr.words:
        return ocr
    notes = [*ocr.notes, FAINT_NOTE]
    heights = sorted(w.bbox[3] - w.bbox[1] for w in ocr.words)
    median_h = heights[len(heights) // 2]

    def debris(w: Word) -> bool:
        h = w.bbox[3] - w.bbox[1]
        if w.text.strip("-–—_") == "":
            return False
        return h < DEBRIS_HEIGHT * median_h or (h < SCRIBBLE_HEIGHT * median_h and w.conf < DEBRIS_CONF)

    kept = [w for w in ocr.words if not debris(w)]
    if len(kept) == len(ocr.words):
        return replace(ocr, notes=notes)
    return replace(text_from_words(kept), notes=notes)


def on_page(ocr: OcrResult, scale: float) -> OcrResult:
    """The OCR of an enlarged image in the page's own pixels."""
    if scale == 1.0:
        return ocr
    def px(v: int) -> int:
        return int(round(v / scale))
    words = [replace(w, bbox=(px(w.bbox[0]), px(w.bbox[1]), px(w.bbox[2]), px(w.bbox[3])),
                     baseline=None if w.baseline is None else px(w.baseline)) for w in ocr.words]
    return OcrResult(words, ocr.text, ocr.mean_confidence)
