"""Which restoration before OCR helps which pages? Candidates timed and scored group by group.

Reads a set of issue 14's hard groups (``samples/generate.py --groups``, e.g. the one
``bench/accuracy.py --groups`` left in ``OUT/set``), turns every page upright with the generator's
own angles (so orientation and deskew do not blur the comparison), and for each candidate makes
the image OCR reads and reads it with archivist's engine (one process, one thread, model loaded
once, candidates in turn over the same pages). Reports per group the order-free word error of the
page text and CPU milliseconds of the restoration and seconds of the OCR per page.

    .venv/bin/python bench/restore_ab.py --set bench/out/groups-after/set --groups clean faded speckle typewriter
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

os.environ["OMP_THREAD_LIMIT"] = "1"

import cv2  # noqa: E402
import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archivist import restore  # noqa: E402
from archivist.cells import read_prepared  # noqa: E402
from archivist.metrics import bag_of_words_error  # noqa: E402
from archivist.ocr import TesserocrEngine  # noqa: E402
from archivist.preprocess import Correction, apply, flatten_background, ink_level  # noqa: E402
from archivist.tables import remove_rules  # noqa: E402
from bench.speckle_steps import cross_median, dark_cores, speckled_enlarged_first  # noqa: E402

#: A candidate makes the image OCR reads; one that makes several has each read and keeps the reading
#: with the highest mean word confidence.
Prep = Callable[[np.ndarray, float], "restore.Prepared | list[restore.Prepared]"]


def _flat(up: np.ndarray, dpi: float) -> restore.Prepared:
    return restore.Prepared(flatten_background(up, dpi), dpi)


def _then(first: Prep, step: Callable[[np.ndarray, float], np.ndarray]) -> Prep:
    def prep(up: np.ndarray, dpi: float) -> restore.Prepared:
        p = first(up, dpi)
        return restore.Prepared(step(p.image, p.dpi), p.dpi, p.grids)
    return prep


def _up(first: Prep, target: float) -> Prep:
    def prep(up: np.ndarray, dpi: float) -> restore.Prepared:
        img, d = restore.upscale(up, dpi, target)
        p = first(img, d)
        return p
    return prep


def _recipe(**choices: object) -> Prep:
    """prepare() with a candidate's :class:`archivist.restore.Recipe` (the adopted choices but ``choices``)."""
    recipe = restore.Recipe(**choices)  # type: ignore[arg-type]
    return lambda up, d: restore.prepare(up, d, recipe)


#: Which of a typed page's rows the typewriter candidates restore and what they read apart (the adopted: below the
#: header, the rest read from the page as it was): the whole page or its body or all below its header, read as one
#: image (session 27's and typewriter35's); below the header, the header's rows read apart.
WHOLE_PAGE = {"typed_rows": "page", "read_apart": ""}
BODY = {"typed_rows": "body", "read_apart": ""}
BELOW_HEADER = {"typed_rows": "below header", "read_apart": ""}
HEADER_APART = {"read_apart": "header"}


Step = Callable[[np.ndarray, float], np.ndarray]
#: Darkest ink from which a faint page counted as faintest in session 19's candidates (bench pages, seeds 7
#: and 8: faded 150-202, typewritten 66-136, one table page 156); restore.prepare now splits by ink_median.
FAINTEST = 145.0
clahe = restore.clahe


def _faint(step: Step, to_dpi: float = 0.0, faintest: Step | None = None, tables_too: bool = True) -> Prep:
    """prepare() with ``step`` in place of the thickening of a faint page (speckled pages and the rest as
    adopted); ``to_dpi``: a faint page under it enlarged to it first (before the rules, as the speckle path);
    ``faintest``: the step for pages whose darkest ink is lighter than :data:`FAINTEST` instead (not on a
    page with tables unless ``tables_too``)."""
    def prep(up: np.ndarray, dpi: float) -> restore.Prepared:
        flat = flatten_background(up, dpi)
        level = ink_level(flat)
        if (restore.specks_per_cm2(flat, dpi) >= restore.SPECKLED or dpi < restore.THICKEN_MIN_DPI
                or level < restore.FAINT):
            return restore.prepare(up, dpi)
        scale = 1.0
        if to_dpi and dpi < to_dpi:
            flat, _ = restore.upscale(flat, dpi, to_dpi)
            scale = to_dpi / dpi
        rules = remove_rules(flat, dpi * scale)
        do = faintest if faintest is not None and level >= FAINTEST and (tables_too or not rules.grids) else step
        return restore.Prepared(do(rules.image, dpi * scale), dpi * scale, rules.grids, ["faint"], scale)
    return prep


def _thick3(im: np.ndarray, dpi: float) -> np.ndarray:
    return restore.thicken(im, 3)


def _odd(px: float) -> int:
    return int(px) // 2 * 2 + 1


def adaptive(im: np.ndarray, dpi: float) -> np.ndarray:
    """Gaussian adaptive threshold over about 3 mm, 15 grey levels below the local mean is ink."""
    return cv2.adaptiveThreshold(im, 255, cv2.ADAPTIVE_THRESH_GAUSSIAN_C, cv2.THRESH_BINARY,
                                 _odd(3 * dpi / restore.MM), 15)


def sauvola(im: np.ndarray, dpi: float, k: float = 0.2, r: float = 128.0) -> np.ndarray:
    """Sauvola binarisation over about 3 mm: ink is darker than mean * (1 + k (std / r - 1))."""
    w = _odd(3 * dpi / restore.MM)
    f = im.astype(np.float32)
    m = cv2.boxFilter(f, -1, (w, w))
    sd = np.sqrt(np.maximum(cv2.boxFilter(f * f, -1, (w, w)) - m * m, 0))
    return np.where(f > m * (1 + k * (sd / r - 1)), 255, 0).astype(np.uint8)


def gamma(im: np.ndarray, g: float = 2.0) -> np.ndarray:
    """Every grey darkened by a power curve (paper stays white, strokes keep their width in grey)."""
    return cv2.LUT(im, (255 * (np.arange(256) / 255.0) ** g).astype(np.uint8))


def ink_stretch(im: np.ndarray) -> np.ndarray:
    """The ink only made darker: its darkest (0.5th percentile) to black, the page's Otsu cut kept
    where it is and everything lighter untouched, so the binarised strokes keep their width."""
    lo = ink_level(im)
    cut, _ = cv2.threshold(im, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    if cut <= lo + 1:
        return im
    v = np.arange(256, dtype=np.float32)
    lut = np.where(v <= cut, np.clip((v - lo) * cut / (cut - lo), 0, 255), v).astype(np.uint8)
    return cv2.LUT(im, lut)


def nl_means(flat: np.ndarray, dpi: float, h: float = 12.0) -> np.ndarray:
    """Non-local means (5 px patches searched over 11 px) in place of the 3x3 median: the sensor noise and
    JPEG blocks averaged over alike patches, so a hook above (``ẩ``, ``ể``) keeps the thin curve a median
    takes off (HG40/41: hooks read as acutes, ``Cẩm`` as ``Cấm``)."""
    return cv2.fastNlMeansDenoising(flat, None, h, 5, 11)


even_strikes = restore.even_strikes


def _faded(step: Step | None = None, to_dpi: float = 0.0) -> Prep:
    """prepare() with a faded page (the one it gives CLAHE) enlarged to ``to_dpi`` first or put through ``step``
    before its CLAHE; every other page as adopted (session 29)."""
    def prep(up: np.ndarray, dpi: float) -> restore.Prepared:
        flat = flatten_background(up, dpi)
        if (restore.specks_per_cm2(flat, dpi) >= restore.SPECKLED or dpi < restore.THICKEN_MIN_DPI
                or ink_level(flat) < restore.FAINT or restore.ink_median(flat) < restore.FAINTEST):
            return restore.prepare(up, dpi)
        scale = to_dpi / dpi if to_dpi and dpi < to_dpi else 1.0
        if scale != 1.0:
            flat, _ = restore.upscale(flat, dpi, to_dpi)
        rules = remove_rules(flat, dpi * scale, in_place=True)
        image = rules.image if step is None else step(rules.image, dpi * scale)
        return restore.Prepared(clahe(image, dpi * scale), dpi * scale, rules.grids, ["flatten", "clahe"], scale)
    return prep


def _speckled_to(to_dpi: float) -> Prep:
    """prepare() with a speckled page enlarged to ``to_dpi`` instead of 300 dpi (session 29)."""
    def prep(up: np.ndarray, dpi: float) -> restore.Prepared:
        flat = flatten_background(up, dpi)
        if restore.specks_per_cm2(flat, dpi) < restore.SPECKLED or dpi >= to_dpi:
            return restore.prepare(up, dpi)
        flat, _ = restore.upscale(restore.light_specks(restore.median(restore.despeckle(flat, dpi)), dpi), dpi, to_dpi)
        rules = remove_rules(flat, to_dpi, in_place=True)
        return restore.Prepared(rules.image, to_dpi, rules.grids, ["flatten", "speckled"], to_dpi / dpi)
    return prep


def _both(*preps: Prep) -> Prep:
    return lambda up, dpi: [p(up, dpi) for p in preps]  # type: ignore[misc]


CANDIDATES: dict[str, Prep] = {
    "flatten (before issue 14)": _flat,
    "flatten + contrast stretch": _then(_flat, lambda im, d: restore.stretch(im)),
    "flatten + median 3": _then(_flat, lambda im, d: restore.median(im)),
    "flatten + despeckle": _then(_flat, restore.despeckle),
    "upscale to 300 dpi + flatten": _up(_flat, 300.0),
    "upscale to 300 dpi + flatten + median 3": _up(_then(_flat, lambda im, d: restore.median(im)), 300.0),
    "upscale to 300 dpi + flatten + despeckle": _up(_then(_flat, restore.despeckle), 300.0),
    "upscale to 300 dpi + flatten + sharpen": _up(_then(_flat, restore.sharpen), 300.0),
    "upscale to 400 dpi + flatten": _up(_flat, 400.0),
    "upscale to 400 dpi + flatten + despeckle": _up(_then(_flat, restore.despeckle), 400.0),
    "despeckle + median 3 + upscale to 300 dpi": _up(_then(_then(_flat, restore.despeckle),
                                                           lambda im, d: restore.median(im)), 300.0),
    "despeckle + median 3, then upscale to 300 dpi": lambda up, d: _up(_flat, 300.0)(
        restore.median(restore.despeckle(flatten_background(up, d), d)), d),
    "despeckle 0.4 mm + upscale to 300 dpi": _up(_then(_flat, lambda im, d: restore.despeckle(im, d, 0.4)), 300.0),
    "flatten + thicken": _then(_flat, lambda im, d: restore.thicken(im)),
    "upscale to 300 dpi + flatten + thicken": _up(_then(_flat, lambda im, d: restore.thicken(im)), 300.0),
    "flatten + stretch + upscale to 300 dpi": lambda up, d: _up(_flat, 300.0)(
        restore.stretch(flatten_background(up, d)), d),
    "flatten + thicken 3": _then(_flat, lambda im, d: restore.thicken(im, 3)),
    "flatten + thicken 2 twice": _then(_flat, lambda im, d: restore.thicken(restore.thicken(im))),
    "flatten + stretch + thicken": _then(_flat, lambda im, d: restore.thicken(restore.stretch(im))),
    "flatten + despeckle + median 3 + thicken": _then(_flat, lambda im, d: restore.thicken(
        restore.median(restore.despeckle(im, d)))),
    "upscale to 300 dpi + flatten + thicken 3": _up(_then(_flat, lambda im, d: restore.thicken(im, 3)), 300.0),
    "despeckle + median 3, then upscale to 300 dpi + thicken 3": lambda up, d: _up(
        _then(_flat, lambda im, dd: restore.thicken(im, 3)), 300.0)(
        restore.median(restore.despeckle(flatten_background(up, d), d)), d),
    "prepare() (adopted): faint pages thickened 3": restore.prepare,  # as adopted now (the name is session 12's)
    "prepare(): faint pages thickened 3, others ink strokes": _recipe(others="ink"),
    "prepare(): every page thickened 3": _recipe(others="all"),
    "prepare(): every page thickened 2": _recipe(others="all", thicken_size=2),
    "prepare(): every page ink strokes thickened 3": _recipe(faint=256.0, others="ink"),
    "prepare(): no thickening": _recipe(thicken_size=0),
    # session 19: faint pages only (everything else as prepare())
    "faint: thicken 2": _recipe(thicken_size=2),
    "faint: 300 dpi + thicken 3": _faint(lambda im, d: restore.thicken(im, 3), 300.0),
    "faint: 300 dpi + thicken 2": _faint(lambda im, d: restore.thicken(im, 2), 300.0),
    "faint: 300 dpi, no thickening": _faint(lambda im, d: im, 300.0),
    "faint: CLAHE + thicken 3": _faint(lambda im, d: restore.thicken(clahe(im, d), 3)),
    "faint: CLAHE": _faint(clahe),
    "faint: adaptive threshold": _faint(adaptive),
    "faint: Sauvola": _faint(sauvola),
    "faint: Sauvola + thicken 2": _faint(lambda im, d: restore.thicken(sauvola(im, d), 2)),
    "faint: gamma 2": _faint(lambda im, d: gamma(im)),
    "faint: gamma 2 + thicken 3": _faint(lambda im, d: restore.thicken(gamma(im), 3)),
    "faint: ink stretch": _faint(lambda im, d: ink_stretch(im)),
    "faint: ink stretch + thicken 3": _faint(lambda im, d: restore.thicken(ink_stretch(im), 3)),
    "faint: faintest CLAHE, the rest thicken 3": _faint(_thick3, faintest=clahe),
    "faint: faintest without tables CLAHE, the rest thicken 3": _faint(_thick3, faintest=clahe,
                                                                       tables_too=False),
    "faint: faintest CLAHE, the rest CLAHE + thicken 3": _faint(lambda im, d: _thick3(clahe(im, d), d),
                                                               faintest=clahe),
    "faint: faintest CLAHE, the rest gamma 2 + thicken 3": _faint(lambda im, d: _thick3(gamma(im), d),
                                                                 faintest=clahe),
    # session 27: speckled pages (after their lone specks) and typewritten pages (before their thickening)
    "speckled: median 3 (before session 27)": _recipe(denoise=lambda im, dd: restore.median(im)),
    "speckled: median 3 + light specks (adopted, session 27)": _recipe(
        denoise=lambda im, dd: restore.light_specks(restore.median(im), dd, marks=False)),
    "speckled: median 3 + light specks, marks of letters kept (session 27)": restore.prepare,
    "speckled: non-local means": _recipe(denoise=nl_means),
    "typewritten: even strikes + thicken 3": _recipe(typed=even_strikes, typed_pages=""),
    # session 27, typewriter34: typewritten pages told apart (archivist.typewritten), the rest as before
    "typed pages not told apart (before typewriter34)": _recipe(typed_pages=""),
    "typed faint pages: even strikes + thicken 3": _recipe(typed_pages="faint", **WHOLE_PAGE),
    "typed pages: even strikes + thicken 3": _recipe(typed_thicken=3, **WHOLE_PAGE),
    "typed pages: even strikes + thicken 2": _recipe(typed_thicken=2, **WHOLE_PAGE),
    "typed pages: even strikes, faint ones thickened 3": _recipe(typed_pages="all, faint thickened",
                                                                              **WHOLE_PAGE),
    "typed pages: thicken 3": _recipe(strikes=lambda im, dd: im, **WHOLE_PAGE),
    # session 28, typewriter35: the typed page's body only (archivist.typewritten.typed_body), header and signature
    # block as on any other page
    "typed bodies: even strikes + thicken 3": _recipe(**BODY),
    "typed pages below the header: even strikes + thicken 3": _recipe(**BELOW_HEADER),
    "typed pages below the header, bold lines kept: even strikes + thicken 3": _recipe(
        keep_bold=True, **BELOW_HEADER),
    "typed pages, bold lines kept: even strikes + thicken 3": _recipe(
        keep_bold=True, **WHOLE_PAGE),
    "typed pages below the header, header read apart: even strikes + thicken 3": _recipe(
        **HEADER_APART),
    "typed pages below the header, header read apart, bold lines kept: even strikes + thicken 3":
        _recipe(keep_bold=True, **HEADER_APART),
    "typed pages below the header, header read from the page as it was: even strikes + thicken 3":
        _recipe(),  # = restore.ADOPTED
    "typed bodies, the rest read from the page as it was: even strikes + thicken 3":
        _recipe(typed_rows="body"),
    "typed bodies: thicken 3": _recipe(strikes=lambda im, dd: im, **BODY),
    # session 29, speckle29: faded pages (CLAHE) and speckled pages otherwise (every other page as adopted)
    "faded: 300 dpi + CLAHE": _faded(to_dpi=300.0),
    "faded: 400 dpi + CLAHE": _faded(to_dpi=400.0),
    "faded: blur 0.1 mm + CLAHE": _faded(lambda im, d: cv2.GaussianBlur(im, (0, 0), 0.1 * d / restore.MM)),
    "faded: median 3 + CLAHE": _faded(lambda im, d: restore.median(im)),
    "faded: closing 2 + CLAHE": _faded(lambda im, d: cv2.dilate(restore.thicken(im, 2), np.ones((2, 2), np.uint8))),
    "speckled: 400 dpi": _speckled_to(400.0),
    "speckled: median 3 + light specks depth 0.55": _recipe(
        denoise=lambda im, dd: restore.light_specks(restore.median(im), dd, depth=0.55)),
    # session 36, speckle36: light prints' specks darker than their letters painted out too
    "speckled: dark specks too": _recipe(dark_specks=restore.DARK_SPECK_MARGIN),
    "speckled: enlarged to 300 dpi before the median": speckled_enlarged_first(),
    "speckled: light specks without the median": _recipe(denoise=lambda im, dd: restore.light_specks(im, dd)),
    "speckled: plus-shaped median (not 3x3)": _recipe(
        denoise=lambda im, dd: restore.light_specks(cross_median(im), dd)),
    "speckled: dark cores cut out before the median": _recipe(
        denoise=lambda im, dd: restore.light_specks(restore.median(dark_cores(im, dd)), dd)),
    # session 29, typewriter36: the typed rows' thickening, the rest as adopted (not adopted: one wrong value more
    # without a flag on HG44; bench/RESULTS.md, "Typewritten pages, third round")
    "typed pages below the header, header read from the page as it was: even strikes + thicken 4":
        _recipe(typed_thicken=4),
    "typed pages below the header, header read from the page as it was: even strikes + thicken 5":
        _recipe(typed_thicken=5),
    "typed pages below the header, header read from the page as it was: even strikes + thicken 2":
        _recipe(typed_thicken=2),
    "read twice: thicken 3 or none, higher confidence": _both(restore.prepare, _recipe(thicken_size=0)),
    "read twice: thicken 3 or 2, higher confidence": _both(restore.prepare, _recipe(thicken_size=2)),
}


def upright_pages(base: Path, groups: list[str] | None, limit: int) -> list[tuple[str, np.ndarray, float, str]]:
    """(group, upright grey page, dpi, truth text) for the pages of ``base``'s hard groups."""
    out = []
    for f in sorted((base / "ground-truth").glob("*.json")):
        if f.name == "index.json":
            continue
        t = json.loads(f.read_text(encoding="utf-8"))
        if "group" not in t or (groups and t["group"] not in groups) or not any(p["text"] for p in t["pages"]):
            continue
        for p in t["pages"]:
            if sum(1 for g, *_ in out if g == t["group"]) >= limit:
                break
            with Image.open(base / p["file"]) as im:
                im.seek(p["index"])
                gray = np.asarray(im.convert("L"))
            out.append((t["group"], apply(gray, Correction(p["rotation"], p["skew"], 1.0, True)), float(p["dpi"]),
                        p["text"]))
    return out


def set_parser(doc: str | None, pages: int) -> argparse.ArgumentParser:
    """The options every bench over a set's upright pages takes (this one and reread_ab.py)."""
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", type=Path, required=True, help="a generated set with hard groups (scans/, ground-truth/)")
    ap.add_argument("--groups", nargs="+", help="groups to read (default: all in the set)")
    ap.add_argument("--pages", type=int, default=pages, help="pages per group at most")
    return ap


def read_set(args: argparse.Namespace) -> tuple[list[tuple[str, np.ndarray, float, str]], list[str]]:
    """The set's upright pages (:func:`upright_pages`) and their groups, said on stdout."""
    pages = upright_pages(args.set, args.groups, args.pages)
    groups = list(dict.fromkeys(g for g, *_ in pages))
    print(f"{len(pages)} upright pages from {args.set}: " + ", ".join(
        f"{g} {sum(1 for x in pages if x[0] == g)}" for g in groups) + "\n", flush=True)
    return pages, groups


def main(argv: list[str] | None = None) -> int:
    ap = set_parser(__doc__, 12)
    ap.add_argument("--candidates", nargs="+", help="names (or beginnings, for all they begin) of candidates to run")
    args = ap.parse_args(argv)
    pages, groups = read_set(args)
    names = [n for n in CANDIDATES if not args.candidates or any(n == c or (c not in CANDIDATES and n.startswith(c))
                                                                 for c in args.candidates)]
    print("| candidate | " + " | ".join(groups) + " | restoration ms/page | OCR s/page |")
    print("|---|" + "---|" * (len(groups) + 2))
    engine = TesserocrEngine()
    for name in names:
        wer: dict[str, list[float]] = defaultdict(list)
        prep_s = ocr_s = 0.0
        for group, up, dpi, text in pages:
            c0 = time.process_time()
            made = CANDIDATES[name](up, dpi)
            c1 = time.process_time()
            reads = [read_prepared(engine, p.image, p.dpi, p.grids, p.plain, p.restored)
                     for p in (made if isinstance(made, list) else [made])]
            res = max(reads, key=lambda r: r.mean_confidence)
            ocr_s += time.process_time() - c1
            prep_s += c1 - c0
            wer[group].append(bag_of_words_error(text, res.text))
        cells = " | ".join(f"{100 * np.mean(wer[g]):.2f}%" for g in groups)
        print(f"| {name} | {cells} | {1000 * prep_s / len(pages):.0f} | {ocr_s / len(pages):.2f} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
