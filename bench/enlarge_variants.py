"""Cheaper images for the engine than a 250 dpi enlargement, judged by word error (issue 16, session 26).

Why: pages under 240 dpi (all 1-bit ones, grey ones from 175 dpi) are enlarged to 250 dpi with a cubic filter
before Tesseract reads them (``ocr._prepare``), and Tesseract's CPU grows with the pixels (200 -> 250 dpi is
1.56x). This reads each page through the pipeline's own OCR (``pagework._read``: restoration, tables, engine)
once per variant of ``ocr._prepare``, the variants' order rotating page by page and round by round, CPU by
``time.process_time``, word error by ``metrics.bag_of_words_error`` against the ground truth; then per group:
CPU a page, its ratio to today's, mean word error, and on how many pages a variant read better / worse.

Pages: the corpus.json pages under 240 dpi of some formats of a ``bench/run --corpus mixed`` folder, or the
pages under 240 dpi of a ``bench/bilevel_cost.py make`` set (``--set``).

Session 31 asks the other way round too: pages of 300 dpi and over are read at full size, though Tesseract's
LSTM normalises each line's height, so what a smaller image would save is binarisation, layout analysis and
connected components. ``--dpi`` picks the pages (``under`` 240, the default; ``over``: 300 and more; ``all``),
``--gen`` adds a generated set's pages (``samples/generate.py --out SET``), and the variants ``reduce N`` read
pages of 300 dpi and over reduced to N dpi (``cv2.INTER_AREA``), ``bilevel 225`` enlarges only 1-bit pages to
225 instead of 250; the groups are then format and dpi::

    PYTHONPATH=TREE .venv/bin/python bench/enlarge_variants.py MIXED --formats all --dpi all --gen SET \
        --variants "today (250 cubic),reduce 250,reduce 265,reduce 280,bilevel 225" --rounds 2

Session 32: ``reduce 250`` lost a table page's signature block and the marks round seals end to end. ``plain 250``
and ``plain 265`` read smaller only the pages finer than that on which the page stage finds no table
(``restore.prepare``'s grids) and no seal (``seals.find_seals`` on the restored page, inside the timed reading, as a
product rule would pay it); each says how many pages it kept at full size. A generated set's pages are grouped by
its hard group when it has them.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np

from archivist import ocr, preprocess, restore, ruledtilt
from archivist.ingest import load_page
from archivist.metrics import bag_of_words_error
from archivist.models import PageRef
from archivist.pagework import _read
from archivist.seals import find_seals

Prepare = Callable[..., tuple[np.ndarray, float]]
TODAY = ocr._prepare


def variant(target: float, interpolation: int = cv2.INTER_CUBIC, blur: float = 0.0) -> Prepare:
    """``ocr._prepare`` with another enlargement of the pages it enlarges: to ``target`` dpi with this filter,
    or (``blur`` > 0) a bilevel page kept at its own dpi and blurred with this Gaussian sigma (grey pages then
    kept at their own dpi too)."""

    def prepare(gray: np.ndarray, dpi: float, bilevel: bool = False) -> tuple[np.ndarray, float]:
        if dpi >= ocr.OCR_MIN_DPI or (not bilevel and dpi < ocr.GREY_OWN_DPI):
            return np.ascontiguousarray(gray), 1.0
        if blur:
            return np.ascontiguousarray(cv2.GaussianBlur(gray, (0, 0), blur) if bilevel else gray), 1.0
        scale = target / dpi
        return np.ascontiguousarray(cv2.resize(gray, None, fx=scale, fy=scale, interpolation=interpolation)), scale

    return prepare


#: Pages scanned at this dpi or finer are the ones the ``reduce`` variants read smaller.
REDUCE_FROM = 300.0


def reduced(target: float) -> Prepare:
    """``ocr._prepare`` with pages of REDUCE_FROM dpi and over reduced to ``target`` dpi (area averaging, the
    filter for shrinking: each output pixel the mean of the input pixels it covers); other pages as today."""

    def prepare(gray: np.ndarray, dpi: float, bilevel: bool = False) -> tuple[np.ndarray, float]:
        if round(dpi) < REDUCE_FROM:
            return TODAY(gray, dpi, bilevel)
        scale = target / dpi
        return np.ascontiguousarray(cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)), scale

    return prepare


def bilevel_only(target: float) -> Prepare:
    """``ocr._prepare`` with 1-bit pages under 240 dpi enlarged to ``target`` instead; grey ones as today."""
    other = variant(target)
    return lambda gray, dpi, bilevel=False: other(gray, dpi, bilevel) if bilevel else TODAY(gray, dpi, bilevel)


class Plain:
    """``ocr._prepare`` reading a page finer than ``target`` dpi at ``target`` (area averaging) when the page stage
    found no table and no seal on it (``judged``, set by :meth:`prepare` for the page being read), other pages as
    today."""

    plain = False  # the page being read: no table, no seal

    def __init__(self, target: float) -> None:
        self.target = target

    def __call__(self, gray: np.ndarray, dpi: float, bilevel: bool = False) -> tuple[np.ndarray, float]:
        if not Plain.plain or dpi <= self.target:
            return TODAY(gray, dpi, bilevel)
        scale = self.target / dpi
        return np.ascontiguousarray(cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)), scale

    @staticmethod
    def prepare(upright: np.ndarray, dpi: float) -> restore.Prepared:
        """``restore.prepare``, judging the page as it goes (the seal searched for only on a page finer than 250)."""
        prep = PREPARE(upright, dpi)
        Plain.plain = prep.dpi > 250.0 and not prep.grids and not find_seals(prep.image, prep.dpi)
        return prep


PREPARE = restore.prepare
VARIANTS: dict[str, Prepare] = {
    "today (250 cubic)": TODAY,
    "225 cubic": variant(225.0),
    "250 linear": variant(250.0, cv2.INTER_LINEAR),
    "own dpi + blur 0.7 (bilevel)": variant(0.0, blur=0.7),
    "own dpi + blur 1.0 (bilevel)": variant(0.0, blur=1.0),
    "reduce 250": reduced(250.0),
    "reduce 265": reduced(265.0),
    "reduce 280": reduced(280.0),
    "bilevel 225": bilevel_only(225.0),
    "plain 250": Plain(250.0),
    "plain 265": Plain(265.0),
}
#: --dpi: which pages' scan dpi are read (rounded: a PNG's dots per metre make 300 dpi 299.9994)
DPI_SETS: dict[str, Callable[[float], bool]] = {"under": lambda d: round(d) < ocr.OCR_MIN_DPI,
                                                "over": lambda d: round(d) >= REDUCE_FROM, "all": lambda d: True}


def _ref(path: Path, index: int) -> PageRef:
    """The page as discovery names it (a frame of a TIFF, a page of a PDF, or an image file)."""
    return PageRef(path, {".pdf": "pdf", ".tif": "tiff", ".tiff": "tiff"}.get(path.suffix.lower(), "image"), index)


def mixed_pages(root: Path, formats: list[str], keep: Callable[[float], bool] = DPI_SETS["under"],
                by_dpi: bool = False) -> list[tuple[str, object, str]]:
    """(format, loaded page, truth) of the corpus.json pages with text whose dpi ``keep`` keeps (under 240);
    ``by_dpi``: the group is format and dpi. ``formats`` ["all"]: every format of the corpus."""
    truth = json.loads((root / "corpus.json").read_text(encoding="utf-8"))
    out = []
    for f in (list(truth) if formats == ["all"] else formats):
        for p in truth[f]:
            page = load_page(_ref(root / "corpus" / f / p["file"], p["index"]))
            if keep(page.dpi) and p["text"].strip():
                out.append((f"{f}-{round(page.dpi)}" if by_dpi else f, page, p["text"]))
    return out


def generated_pages(root: Path, keep: Callable[[float], bool]) -> list[tuple[str, object, str]]:
    """(set-format-dpi, loaded page, truth) of a generated set's pages with text whose dpi ``keep`` keeps."""
    out = []
    for gt in sorted(g for g in (root / "ground-truth").glob("*.json") if g.name != "index.json"):
        for p in json.loads(gt.read_text(encoding="utf-8"))["pages"]:
            path = root / p["file"]
            if p["text"].strip() and keep(p["dpi"]):
                page = load_page(_ref(path, p["index"]))
                kind = p.get("group") or p.get("format", "")
                out.append((f'{root.name}-{kind}-{p["dpi"]:g}', page, p["text"]))
    return out


def set_pages(root: Path) -> list[tuple[str, object, str]]:
    """(group-dpi, loaded page, truth) of a bilevel_cost set's G4 pages with text under 240 dpi."""
    out = []
    for gt in sorted((root / "bilevel" / "ground-truth").glob("*.json")):
        for p in json.loads(gt.read_text(encoding="utf-8"))["pages"]:
            if p["text"].strip() and p["dpi"] < ocr.OCR_MIN_DPI:
                page = load_page(PageRef(root / "bilevel" / p["file"], "tiff", p["index"]))
                out.append((f'{p["group"]}-{p["dpi"]:g}', page, p["text"]))
    return out


def run(pages: list, names: list[str], rounds: int) -> None:
    ups = []
    for grp, page, text in pages:
        found = ruledtilt.detect(page.gray, page.dpi)
        up = preprocess.apply(page.gray, preprocess.Correction(found.orientation, found.skew, 0.0, True))
        ups.append((grp, up, page.dpi, page.payload.bpc == 1, text))
    engine = ocr.TesserocrEngine()
    cpu = {n: np.zeros((rounds, len(ups))) for n in names}
    err = {n: np.zeros(len(ups)) for n in names}
    kept = {n: np.zeros(len(ups), bool) for n in names}  # a Plain variant's pages read at full size
    try:
        for r in range(rounds):
            for i, (_grp, up, dpi, bilevel, text) in enumerate(ups):
                k = (i + r) % len(names)
                for n in names[k:] + names[:k]:
                    ocr._prepare = VARIANTS[n]
                    restore.prepare = Plain.prepare if isinstance(VARIANTS[n], Plain) else PREPARE
                    c = time.process_time()
                    hyp = _read(engine, up, dpi, bilevel=bilevel).text
                    cpu[n][r, i] = time.process_time() - c
                    err[n][i] = bag_of_words_error(text, hyp)
                    kept[n][i] = not Plain.plain
    finally:
        ocr._prepare, restore.prepare = TODAY, PREPARE
    print(f"{len(ups)} pages, {rounds} rounds; OCR stage CPU s/page, x today, word error mean, pages better / worse"
          "; plain: pages kept at full size")
    dpis = [f"{d} dpi" for d in sorted({round(u[2]) for u in ups})]
    for g in sorted({u[0] for u in ups}) + dpis + ["all"]:
        idx = [i for i, u in enumerate(ups) if g in ("all", u[0], f"{round(u[2])} dpi")]
        print(f"\n{g} (n={len(idx)}, bilevel {sum(ups[i][3] for i in idx)})")
        base = cpu[names[0]][:, idx].mean()
        for n in names:
            c, e, e0 = cpu[n][:, idx].mean(), err[n][idx], err[names[0]][idx]
            full_size = f" {int(kept[n][idx].sum())} |" if isinstance(VARIANTS[n], Plain) else ""
            print(f"| {n} | {c:.3f} | {c / base:.2f} | {100 * e.mean():.2f}% "
                  f"| {int((e < e0 - 1e-9).sum())} / {int((e > e0 + 1e-9).sum())} |{full_size}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("root", type=Path, help="a bench/run --corpus mixed folder, or with --set a bilevel_cost set")
    ap.add_argument("--set", action="store_true")
    ap.add_argument("--formats", default="tiff-g4,tiff-lzw,tiff-deflate", help="comma-separated, or all")
    ap.add_argument("--dpi", choices=DPI_SETS, default="under", help="which pages: under 240 dpi, 300 and over, all")
    ap.add_argument("--gen", type=Path, action="append", default=[], help="also a generated set's pages (repeatable)")
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--variants", default=",".join(VARIANTS), help="comma-separated names; the first is the base")
    args = ap.parse_args()
    keep, by_dpi = DPI_SETS[args.dpi], args.dpi != "under"
    pages = set_pages(args.root) if args.set else mixed_pages(args.root, args.formats.split(","), keep, by_dpi)
    pages += [p for g in args.gen for p in generated_pages(g, keep)]
    run(pages, [n for n in args.variants.split(",") if n in VARIANTS], args.rounds)


if __name__ == "__main__":
    main()
