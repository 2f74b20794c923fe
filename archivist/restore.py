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
from .preprocess import flatten_background, ink_level
from .specks import (  # noqa: F401 - the bench and tests call them as restore.<name>
    DARK_SPECK_MARGIN,
    LIGHT_SPECK_DEPTH,
    LIGHT_SPECK_SIZE,
    MARK_ABOVE,
    MARK_BELOW,
    SPECKLED,
    SPECKLED_OCR_DPI,
    despeckle,
    letters_darkest,
    light_specks,
    lone_specks,
    mark_places,
    specks_per_cm2,
    stroke_width,
)
from .tables import Grid, remove_rules
from .typewritten import bold_lines, even_strikes, typed_body

MM = 25.4
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
    #: A speckled page as ``image`` but without its 3x3 median, whose words read with an acute over a circumflex or
    #: breve are read again from it (:func:`archivist.hookread.reread_hooks`), and its odd tones
    #: (:func:`archivist.speckread.reread_specks`, which also takes it as the sign of a speckled page); None on every
    #: other page.
    unsmoothed: np.ndarray | None = None
    #: A faded page as ``image`` but before its contrast was raised (:func:`clahe`), whose doubtful words are read
    #: again from it (:func:`archivist.fadedread.reread_faded`); None on every other page.
    before_contrast: np.ndarray | None = None
    #: The words :func:`archivist.fadedread.reread_faded` changed, as (text first read, text taken): the record keeps
    #: the date's (:func:`archivist.fadedread.keep_first_readings`), evidence that the page's 0s read as loop digits.
    rereads: list[tuple[str, str]] = field(default_factory=list)
    #: A typewritten page as ``image`` but before its strikes were evened and thickened, whose numbers with a 6, 8 or
    #: 9 are read again from it (:func:`archivist.typedread.reread_typed`); None on every other page.
    typed_before: np.ndarray | None = None


def stretch(flat: np.ndarray) -> np.ndarray:
    """Contrast normalisation: the darkest ink (0.3rd percentile) to black, paper stays white."""
    lo = float(np.percentile(flat, 0.3))
    if lo > 200 or lo < 8:
        return flat
    lut = np.clip((np.arange(256, dtype=np.float32) - lo) * 255.0 / (255.0 - lo), 0, 255).astype(np.uint8)
    return cv2.LUT(flat, lut)


def median(flat: np.ndarray) -> np.ndarray:
    return cv2.medianBlur(flat, 3)


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
    #: A speckled page's specks darker than its letters painted out with the light ones (:func:`light_specks`'s
    #: ``dark_margin``; None: not).
    dark_specks: float | None = None
    #: Whether a speckled page keeps its image before the median (``Prepared.unsmoothed``) for the hooks read again.
    hooks: bool = True
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
    (:func:`light_specks`, not those where a letter's mark sits) and the page enlarged to 300 dpi, the page
    before its median kept beside it (``Prepared.unsmoothed``, :mod:`archivist.hookread`); the
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
    unsmoothed = None
    if speckled:
        flat = despeckle(flat, dpi)
        if r.hooks:
            unsmoothed = light_specks(flat, dpi)
        if r.denoise is None:
            flat = light_specks(median(flat), dpi, dark_margin=r.dark_specks)
            steps += ["despeckle", "median", "light specks"]
        else:
            flat = r.denoise(flat, dpi)
            steps += ["despeckle", "denoise"]
        if dpi < SPECKLED_OCR_DPI:
            flat, _ = upscale(flat, dpi, SPECKLED_OCR_DPI)
            if unsmoothed is not None:
                unsmoothed, _ = upscale(unsmoothed, dpi, SPECKLED_OCR_DPI)
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
    apart, restored, before_contrast, typed_before = None, (0, 0), None, None
    rules = remove_rules(flat, dpi * scale, in_place=True)  # before thickening: a thickened rule leaves edges behind
    image = rules.image
    if rules.removed_px:
        steps.append("rules")
    if thickening:
        if faintest_page:
            before_contrast = image
            image = clahe(image, dpi)
            steps.append("clahe")
        elif typed_rows is not None:
            top, bottom = typed_rows
            typed_before = image
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
    if unsmoothed is not None:
        unsmoothed = remove_rules(unsmoothed, dpi * scale, in_place=True).image
    return Prepared(image, dpi * scale, rules.grids, steps, scale, apart, restored, unsmoothed, before_contrast,
                    typed_before=typed_before)


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
