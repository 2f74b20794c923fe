"""Deterministic generator of synthetic degraded scans of Vietnamese commune records, with ground truth.

Documents follow the layout of Decree 30/2020/ND-CP (issuer and number top left; national title,
motto and place-and-date top right; type and subject centred; body; signature block right;
recipients left) in eight administrative types plus civil-status and land records, rendered in
Liberation Serif and aged like old scans (yellowed uneven paper, stains, low contrast, blur, noise,
skew, quarter-turns, JPEG quality 60-80, 150-400 dpi, greyscale and colour). The same arguments
always give byte-identical files.

Usage::

    python samples/generate.py --out samples                 # the committed set (12 documents, Xã Yên Bình)
    python samples/generate.py --out /tmp/more --seed 3 --docs 40 --dpi-choices 200 300
    python samples/generate.py --out /tmp/all --docs 120 --types all --layout-era mixed   # every type, dossiers
    python samples/generate.py --out /tmp/names --seed 361 --docs 6 --groups all --names unlisted   # real names
                                                                          # the lexicon lacks (samples/names.py)

Writes ``OUT/scans/`` (JPEG and PNG pages, a multi-page Deflate TIFF, a dossier folder of page
images) and ``OUT/ground-truth/<document>.json`` plus ``index.json``; both folders are emptied first.
Angles: ``skew`` is degrees counter-clockwise given to the upright page; ``rotation`` the clockwise
quarter-turns applied after it. To restore: turn counter-clockwise by ``rotation``, then rotate by
``-skew`` (clockwise by ``skew``). See samples/README.md.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import unicodedata
from collections.abc import Sequence
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make ``samples`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PIL import Image  # noqa: E402

from samples.layout import Page  # noqa: E402
from samples.merged import COMMITTED, Commune  # noqa: E402
from samples.names import POOLS, name_pool  # noqa: E402
from samples.plan import CYCLE, Slot, _plan  # noqa: E402
from samples.scan import Style, age, encode, render, save_tiff  # noqa: E402

DEFAULT_DPI = (150, 200, 200, 200, 200, 200, 300, 400)
FORMATS = ("jpeg", "png", "tiff", "folder")
TYPES = ("default", "all")


def _skews(r: random.Random, n: int, max_skew: float) -> list[float]:
    """Uniform in [-max_skew, max_skew], stratified by magnitude in runs of five pages so a small set
    still spans the range (every run has one page in the top fifth)."""
    out: list[float] = []
    while len(out) < n:
        for b in r.sample(range(5), 5):
            mag = (b + r.random()) * max_skew / 5
            out.append(round(mag if r.random() < 0.5 else -mag, 2) + 0.0)  # + 0.0: no -0.0
    return out[:n]


def _rotations(r: random.Random, n: int, enabled: bool) -> list[int]:
    """A quarter-turn on three pages in every twelve (one each of 90, 180, 270; fewer in a last,
    shorter run)."""
    out = [0] * n
    if enabled:
        for start in range(0, n, 12):
            run = range(start, min(n, start + 12))
            idx = r.sample(run, min(3, len(run) // 4 if len(run) < 12 else 3))
            for i, rot in zip(idx, r.sample([90, 180, 270], 3), strict=False):
                out[i] = rot
    return out


def _style(r: random.Random, dpi: int, colour: bool, fmt: str, skew: float, rotation: int) -> Style:
    low = r.random() < 0.2
    tone = r.uniform(0.93, 0.985) * (r.uniform(0.88, 0.93) if low else 1.0)
    paper = (tone, tone * r.uniform(0.945, 0.98), tone * r.uniform(0.78, 0.9))
    # Sensor noise is what makes a scan's file large: moderate on JPEG pages, none on lossless ones
    # (PNG pages are background-suppressed and TIFF pages bilevel instead, like office scanners).
    noise = 0.0 if fmt in ("png", "tiff") else r.uniform(0.5, 1.2) if dpi >= 300 else r.uniform(0.5, 1.6)
    quality = round(r.triangular(60, 80, 62) if dpi < 300 else r.triangular(60, 70, 61))  # fine scans: smaller
    return Style(dpi=dpi, colour=colour, skew=skew, rotation=rotation, quality=quality,
                 blur=round(r.uniform(0.45, 0.8) * dpi / 300, 3), noise=round(noise, 2),
                 ink=round(r.uniform(0.55, 0.68) if low else r.uniform(0.82, 0.95), 3), paper=paper,
                 stains=r.choice([0, 0, 0, 1, 1, 2]), crease=r.random() < 0.25, background=r.uniform(0.9, 1.0))


def _scan_page(page: Page, st: Style, fmt: str, seed: int) -> Image.Image:
    """The page as the scanner gives it: aged, then bilevel for TIFF, background-suppressed for PNG."""
    im = age(render(page, st.dpi), st, seed)
    lum = 0.299 * st.paper[0] + 0.587 * st.paper[1] + 0.114 * st.paper[2]
    if fmt == "tiff":  # a fixed threshold, nearer the paper than the ink so the small marks survive
        cut = round(255 * lum * (1 - st.ink * 0.4))
        return im.point(lambda v: 255 if v > cut else 0).convert("1")
    if fmt == "png":  # paper to white, ink kept
        lo, hi = 255 * lum * (1 - st.ink), 255 * lum * 0.9
        return im.point(lambda v: round(min(255, max(0, (v - lo) * 255 / (hi - lo)))))
    return im


def page_draws(seed: int, slots: Sequence[Slot], max_skew: float = 15.0,
               rotations: bool = True) -> tuple[list[float], list[int]]:
    """Every page's tilt and quarter turn of a set, in page order over all its slots. Why public: a test can
    render one document of a set exactly as the whole set renders it (its pages' draws depend on the pages
    before it), as tests/test_coarse_angle.py does for the table pages a coarser skew search misjudged."""
    n_pages = sum(len(d.pages) for s in slots for d in s.docs)
    return _skews(random.Random(seed + 1), n_pages, max_skew), _rotations(random.Random(seed + 2), n_pages, rotations)


def _write_slot(k: int, slot: Slot, scans: Path, skews: list[float], rots: list[int], page_no: int,
                colour_share: float) -> list[dict]:
    """Render, age and save the pages of one slot; return the ground truth of its documents."""
    sr = random.Random(slot.style_seed)
    dpi, fmt, docs = slot.dpi, slot.fmt, slot.docs
    colour = fmt in ("jpeg", "folder") and dpi <= 240 and sr.random() < colour_share
    base = f"{k + 1:02d}-{docs[0].slug}"
    if len(docs) > 1:  # a dossier: the land one named after its parcel; its documents numbered inside it
        base = f"{k + 1:02d}-hoso-dat-dai-{docs[0].slug.split('-', 3)[-1]}" if slot.kind == "dossier" else \
            f"{k + 1:02d}-ho-so-{len(docs)}-van-ban"
    scan, style = _scan_page, None
    if slot.group:
        from samples.hard import scan_for, style_for

        base = f"{slot.group}-{base}"
        scan, style = scan_for(slot.group), style_for(slot.group)
    images, per_doc = [], []
    for doc in docs:
        pages = []
        for page in doc.pages:
            st = _style(sr, dpi, colour, fmt, skews[page_no], rots[page_no]) if style is None else \
                style(sr, dpi, colour, fmt, skews[page_no], rots[page_no], page)
            page_no += 1
            im = scan(page, st, fmt, sr.getrandbits(32))
            images.append(im)
            text = page.text()
            assert unicodedata.is_normalized("NFC", text)
            pages.append({"file": "", "index": 0, "text": text, "skew": st.skew, "rotation": st.rotation,
                          "dpi": dpi, "mode": im.mode, "format": "jpeg" if fmt == "folder" else fmt,
                          "jpeg_quality": st.quality if fmt in ("jpeg", "folder") else None, "size": list(im.size),
                          "degradation": {"blur_px": st.blur, "noise": st.noise, "ink": st.ink, "stains": st.stains,
                                          "crease": st.crease, "background_removed": fmt == "png",
                                          "grey_levels": 2 if fmt == "tiff" else 256}})
            if slot.group:
                pages[-1]["group"] = slot.group
                pages[-1]["degradation"].update(typeface=page.family, **st.extra)
        per_doc.append((doc, pages))
    flat = [p for _, pages in per_doc for p in pages]
    if fmt == "tiff":
        save_tiff(str(scans / f"{base}.tif"), images, dpi)
        for idx, p in enumerate(flat):
            p["file"], p["index"] = f"scans/{base}.tif", idx
    elif fmt == "folder" or len(images) > 1:  # a dossier, or one document scanned page by page
        (scans / base).mkdir()
        ext, codec = ("png", "png") if fmt == "png" else ("jpg", "jpeg")
        for idx, (p, im) in enumerate(zip(flat, images, strict=True), start=1):
            p["file"] = f"scans/{base}/page-{idx:03d}.{ext}"
            (scans.parent / p["file"]).write_bytes(encode(im, codec, dpi, p["jpeg_quality"] or 0))
    else:
        flat[0]["file"] = f"scans/{base}.{'png' if fmt == 'png' else 'jpg'}"
        (scans.parent / flat[0]["file"]).write_bytes(encode(images[0], fmt, dpi, flat[0]["jpeg_quality"] or 0))
    truths = []
    for j, (doc, pages) in enumerate(per_doc):
        truth = {"document": f"{k + 1:02d}-{j + 1}-{doc.slug}" if len(docs) > 1 else base,
                 "files": list(dict.fromkeys(p["file"] for p in pages)), "type": doc.type, "type_code": doc.code,
                 "kind": doc.kind, "metadata": {**doc.metadata, "page_count": len(pages)}, "pages": pages,
                 **doc.extra}
        if len(docs) > 1:
            truth["dossier"] = f"scans/{base}"
        if slot.group:
            truth["group"] = slot.group
        truths.append(truth)
    return truths


def generate(out_dir: Path, seed: int = 0, n_docs: int = 12, *, pages_max: int = 4, max_skew: float = 15.0,
             rotations: bool = True, formats: Sequence[str] = FORMATS, dpi_choices: Sequence[int] = DEFAULT_DPI,
             colour_share: float = 0.35, types: str = "default", layout_era: str = "decree30",
             groups: Sequence[str] | None = None, commune: str | None = None, names: str = "listed",
             only: Sequence[int] | None = None) -> list[dict]:
    """Write ``n_docs`` documents (scans and ground truth) under ``out_dir``; return the ground truths.

    ``commune`` (a 2025 commune's code or name) makes the documents those of a merged commune: each
    former unit's own, some its district sent one of them, and the new commune's from 1 July 2025, each
    ground truth naming its ``fonds`` and ``provenance`` (samples/merged.py); the hard groups ignore it.
    Without it the communes are drawn from all over the country, and every set is what it was before
    (the tests' and benches' sets). The committed samples are ``commune="04714"`` (Xã Yên Bình, Lào Cai),
    the command line's default for the default plan.

    ``groups`` (some of :data:`samples.hard.GROUPS`, e.g. ``["typewriter", "tables"]``) writes the
    hard groups instead: ``n_docs`` documents per group, JPEG (a folder for several pages), each
    group at its own resolutions and wear; ``types``, ``layout_era``, ``formats``, ``dpi_choices``
    and ``colour_share`` do not apply, ``max_skew`` and ``rotations`` do. See samples/README.md.

    ``types="all"`` draws every type of :mod:`samples.plan_all` (all Decree 30 types, civil status,
    land, construction, petitions) and files every fourth slot as a multi-document dossier;
    ``layout_era`` ``mixed`` or ``old`` lays documents dated before 2011 out after Circular 55/2005.
    The defaults (``default``, ``decree30``) give the committed set's plan.

    ``formats`` limits the containers ("jpeg", "png", "tiff" multi-page, "folder" for the two-document
    land dossier; multi-page JPEG/PNG documents always get a folder of their own); ``max_skew`` bounds
    |skew| in degrees; ``rotations`` enables the quarter-turned pages; ``dpi_choices`` are cycled
    through; ``colour_share`` is the share of colour scans among JPEG ones at 240 dpi or less.

    ``names="unlisted"`` draws every person's name (signers, civil-status persons, register rows, parties) from
    real names the lexicon does not list, half of them folding like a listed one (:mod:`samples.names`); the
    ground truth holds them as printed; ``names="highlands"`` from names of the Central Highlands' and northern mountain
    peoples (``Y Bih Niê``, ``H'Nga Niê``, ``Ksor Kơk``, ``Giàng A Páo``).

    ``only`` (slot indices from 0: the ``k``-th document of a group set) writes those slots alone, each byte for byte
    as the whole set writes it (its name, its pages' tilts and turns, its wear): a test that reads one document of a
    bench set makes that one and not the other seven (tests/rereadcheck.py); the ground truth and the index hold
    those documents only."""
    with name_pool(names):
        return _generate(Path(out_dir), seed, n_docs, pages_max, max_skew, rotations, formats, dpi_choices,
                         colour_share, types, layout_era, groups, commune, only)


def _generate(out_dir: Path, seed: int, n_docs: int, pages_max: int, max_skew: float, rotations: bool,
              formats: Sequence[str], dpi_choices: Sequence[int], colour_share: float, types: str, layout_era: str,
              groups: Sequence[str] | None, commune: str | None, only: Sequence[int] | None = None) -> list[dict]:
    """:func:`generate` with the name pool set."""
    bad = set(formats) - set(FORMATS)
    if bad or not formats:
        raise ValueError(f"unknown formats {sorted(bad)}; use some of {FORMATS}")
    scans, gt_dir = out_dir / "scans", out_dir / "ground-truth"
    for d in (scans, gt_dir):
        shutil.rmtree(d, ignore_errors=True)
        d.mkdir(parents=True)
    if types not in TYPES:
        raise ValueError(f"unknown types {types!r}; use one of {TYPES}")
    group_shares: dict[str, float] = {}
    if groups:
        from samples.hard import PLANS, plan_groups

        slots = plan_groups(seed, n_docs, groups, pages_max)
        group_shares = {g: PLANS[g].colour_share for g in groups}
    elif types == "default" and layout_era == "decree30":
        slots = _plan(seed, n_docs, pages_max, formats, dpi_choices, Commune(commune) if commune else None)
    else:
        from samples.plan_all import ALL, plan_all

        cycle = ALL if types == "all" else [k for k in CYCLE if k != "dossier"]
        slots = plan_all(seed, n_docs, pages_max, formats, dpi_choices, layout_era, cycle,
                         Commune(commune) if commune else None)
    skews, rots = page_draws(seed, slots, max_skew, rotations)
    truths: list[dict] = []
    page_no = 0  # the slot's first page in the set: its tilt and turn are drawn in page order over all slots
    for k, slot in enumerate(slots):
        if only is None or k in only:
            truths += _write_slot(k, slot, scans, skews, rots, page_no, group_shares.get(slot.group, colour_share))
        page_no += sum(len(d.pages) for d in slot.docs)
    for t in truths:
        (gt_dir / f"{t['document']}.json").write_text(json.dumps(t, ensure_ascii=False, indent=2) + "\n",
                                                      encoding="utf-8")
    index = [{"document": t["document"], "type": t["type"], "kind": t["kind"], "pages": len(t["pages"]),
              "files": t["files"], **{k: t[k] for k in ("fonds", "group") if k in t}} for t in truths]
    (gt_dir / "index.json").write_text(json.dumps(index, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return truths


def _commune(args: argparse.Namespace) -> str | None:
    """The ``--commune`` given (``none``: none), else the committed samples' for their plan."""
    if args.commune is not None:
        return None if args.commune.lower() == "none" else args.commune
    return COMMITTED if args.types == "default" and args.layout_era == "decree30" and not args.groups else None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, required=True, help="folder to write scans/ and ground-truth/ into")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--docs", type=int, default=12, help="number of documents (a dossier folder holds two)")
    ap.add_argument("--pages-max", type=int, default=4)
    ap.add_argument("--max-skew", type=float, default=15.0)
    ap.add_argument("--no-rotations", action="store_true")
    ap.add_argument("--formats", nargs="+", default=list(FORMATS), choices=FORMATS)
    ap.add_argument("--dpi-choices", type=int, nargs="+", default=list(DEFAULT_DPI))
    ap.add_argument("--types", choices=TYPES, default="default",
                    help="all: every Decree 30 type, civil status, land, petitions, and multi-document dossiers")
    ap.add_argument("--layout-era", choices=("decree30", "mixed", "old"), default="decree30",
                    help="mixed/old: documents before 2011 laid out after Circular 55/2005")
    ap.add_argument("--groups", nargs="+", metavar="GROUP",
                    help="hard groups instead of the plan, --docs documents each: all, or some of "
                         "clean typewriter faded speckle tables seals twocol notext (samples/hard.py)")
    ap.add_argument("--commune", metavar="CODE|NAME",
                    help="the 2025 commune whose former units and itself make the documents (samples/merged.py); "
                         f"default {COMMITTED} (Xã Yên Bình, Lào Cai: the committed samples) for the default plan, "
                         "none for --types all or another --layout-era; 'none': communes from all over the country")
    ap.add_argument("--names", choices=POOLS, default="listed",
                    help="unlisted: every person's name a real one the lexicon does not list, half of them folding "
                         "like a listed one (Tám/Tâm, Lường/Lương; samples/names.py), to measure the name restorer; "
                         "highlands: names of the Central Highlands' and northern mountain peoples (Y Bih Niê, "
                         "H'Nga Niê, Ksor Kơk, Giàng A Páo, Lò Văn Hặc)")
    args = ap.parse_args(argv)
    groups = None
    if args.groups:
        from samples.hard import GROUPS

        groups = list(GROUPS) if args.groups == ["all"] else args.groups
        if set(groups) - set(GROUPS):
            ap.error(f"unknown groups {sorted(set(groups) - set(GROUPS))}; use all or some of {' '.join(GROUPS)}")
    truths = generate(args.out, args.seed, args.docs, pages_max=args.pages_max, max_skew=args.max_skew,
                      rotations=not args.no_rotations, formats=args.formats, dpi_choices=args.dpi_choices,
                      types=args.types, layout_era=args.layout_era, groups=groups, commune=_commune(args),
                      names=args.names)
    print(f"{len(truths)} documents, {sum(len(t['pages']) for t in truths)} pages in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
