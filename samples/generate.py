"""Deterministic generator of synthetic, degraded scans of Vietnamese commune records, with ground truth.

Pages follow the layout of Decree 30/2020/ND-CP (issuer and number top left, national title,
motto and place-and-date top right, type title and subject centred, body, signature block and
recipients), then are aged like old scans: yellowed uneven paper, stains, low contrast, blur,
noise, skew up to +-15 degrees, some pages turned 90/180/270, JPEG at quality 60-80, 150-400 dpi,
greyscale and colour.

Usage::

    python samples/generate.py --out samples            # the committed set
    python samples/generate.py --out /tmp/more --seed 3 --docs 40

Conventions of the ground truth (``OUT/ground-truth/<doc>.json``): ``skew`` is the tilt given to
the upright page, degrees, positive = counter-clockwise (lines rise to the right); ``rotation``
is the quarter-turn applied *after* skewing, degrees clockwise. To restore: turn
counter-clockwise by ``rotation``, then clockwise by ``skew``.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import sys
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from samples.layout import Page, compose  # noqa: E402
from samples.vocab import COMMUNES, GIVEN, MIDDLE, SURNAMES  # noqa: E402

FONT_DIRS = ("/usr/share/fonts/truetype/liberation2", "/usr/share/fonts/truetype/dejavu")


def _font_path(style: str) -> str:
    names = {"regular": "LiberationSerif-Regular.ttf", "bold": "LiberationSerif-Bold.ttf",
             "italic": "LiberationSerif-Italic.ttf", "bolditalic": "LiberationSerif-BoldItalic.ttf"}
    p = Path(FONT_DIRS[0]) / names[style]
    if not p.exists():
        raise SystemExit("Liberation fonts with Vietnamese glyphs are missing: apt install fonts-liberation2")
    return str(p)


_FONTS: dict[tuple[str, int], ImageFont.FreeTypeFont] = {}


def font(style: str, px: int) -> ImageFont.FreeTypeFont:
    key = (style, px)
    if key not in _FONTS:
        _FONTS[key] = ImageFont.truetype(_font_path(style), px)
    return _FONTS[key]


def person(r: random.Random) -> str:
    return f"{r.choice(SURNAMES)} {r.choice(MIDDLE)} {r.choice(GIVEN)}"


# --- rendering -------------------------------------------------------------------------------

def render(page: Page, dpi: int) -> Image.Image:
    """Draw one page's lines (positions in mm) on white A4 at ``dpi``; ink is black."""
    k = dpi / 25.4
    w, h = int(210 * k), int(297 * k)
    im = Image.new("L", (w, h), 255)
    d = ImageDraw.Draw(im)
    for ln in page.lines:
        f = font(ln.style, max(8, round(ln.pt / 72 * dpi)))
        width = f.getlength(ln.text)
        x = ln.x * k
        if ln.align == "center":
            x -= width / 2
        elif ln.align == "right":
            x -= width
        d.text((x, ln.y * k), ln.text, font=f, fill=0)
    for x0, x1, y in page.rules:
        d.line([(x0 * k, y * k), (x1 * k, y * k)], fill=0, width=max(1, round(dpi / 150)))
    return im


def age(im: Image.Image, r: random.Random, colour: bool, skew: float, rotation: int, contrast: float,
        blur: float, noise: float, stains: int) -> Image.Image:
    """Make a clean page look like an old scan (see the module docstring for the angle conventions)."""
    a = np.asarray(im).astype(np.float32) / 255.0  # 1 = paper, 0 = ink
    h, w = a.shape
    ink = 1.0 - a
    ink *= contrast
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    cx, cy = r.uniform(0.2, 0.8) * w, r.uniform(0.2, 0.8) * h
    shade = 1.0 - 0.10 * (((xx - cx) / w) ** 2 + ((yy - cy) / h) ** 2) * r.uniform(1, 3)
    for _ in range(stains):
        sx, sy, rad = r.uniform(0, w), r.uniform(0, h), r.uniform(0.03, 0.08) * w
        dist = np.sqrt((xx - sx) ** 2 + (yy - sy) ** 2) / rad
        ring = np.exp(-((dist - 1.0) ** 2) / 0.02) * 0.10 + (dist < 1) * 0.04
        shade -= ring.astype(np.float32)
    paper = np.clip(shade, 0.6, 1.0)
    base = r.uniform(0.86, 0.95)
    lum = paper * base * (1.0 - ink) + ink * 0.08
    if colour:
        tint = np.array([1.0, r.uniform(0.93, 0.97), r.uniform(0.78, 0.88)], np.float32)
        rgb = np.clip(lum[..., None] * tint[None, None, :] * 255, 0, 255).astype(np.uint8)
        out = Image.fromarray(rgb, "RGB")
        fill: int | tuple[int, int, int] = tuple(int(v) for v in (tint * base * 255))
    else:
        out = Image.fromarray(np.clip(lum * 255, 0, 255).astype(np.uint8), "L")
        fill = int(base * 255)
    if blur > 0:
        out = out.filter(ImageFilter.GaussianBlur(blur))
    out = out.rotate(skew, resample=Image.BICUBIC, fillcolor=fill)
    if rotation:
        out = out.rotate(-rotation, expand=True)
    arr = np.asarray(out).astype(np.float32)
    arr += np.random.default_rng(r.randrange(1 << 30)).normal(0, noise, arr.shape).astype(np.float32)
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), out.mode)


# --- the batch -------------------------------------------------------------------------------

PLAN = ["Quyết định", "Công văn", "Báo cáo", "Khai sinh", "Thông báo", "Tờ trình", "Đất đai", "Kế hoạch",
        "Biên bản", "Giấy mời", "Quyết định", "Công văn"]


def _page_style(r: random.Random, i: int, max_skew: float, rotations: bool) -> dict:
    fixed = [12.5, -3.0, 7.2, -14.1, 0.8, -9.4, 4.6, -6.3, 11.3, 2.1]
    skew = fixed[i] if i < len(fixed) and max_skew >= 15 else r.uniform(-max_skew, max_skew)
    rotation = {2: 90, 5: 180, 8: 270}.get(i, 0) if rotations else 0
    if rotations and i >= 12 and r.random() < 0.12:
        rotation = r.choice([90, 180, 270])
    dpi = {0: 300, 3: 150, 7: 400}.get(i, r.choice([200, 200, 250, 300]))
    return {"skew": round(skew, 2), "rotation": rotation, "dpi": dpi, "colour": r.random() < 0.4 and dpi <= 300,
            "quality": r.randint(60, 80), "contrast": r.uniform(0.75, 1.0), "blur": r.uniform(0.2, 0.5) * dpi / 300,
            "noise": r.uniform(1.5, 3), "stains": r.choice([0, 0, 1, 2])}


def _encode(im: Image.Image, fmt: str, dpi: int, quality: int) -> bytes:
    buf = io.BytesIO()
    if fmt == "jpeg":
        im.save(buf, "JPEG", quality=quality, dpi=(dpi, dpi), optimize=True)
    else:
        im.save(buf, "PNG", dpi=(dpi, dpi), optimize=True)
    return buf.getvalue()


def generate(out_dir: Path, seed: int = 0, n_docs: int = 12, max_skew: float = 15.0, rotations: bool = True,
             formats: tuple[str, ...] = ("jpeg", "png", "tiff", "folder")) -> list[dict]:
    """Write ``n_docs`` documents of scans plus ground truth under ``out_dir``; return the truth."""
    r = random.Random(seed)
    scans, gt_dir = out_dir / "scans", out_dir / "ground-truth"
    scans.mkdir(parents=True, exist_ok=True)
    gt_dir.mkdir(parents=True, exist_ok=True)
    truths: list[dict] = []
    page_no = 0
    for d in range(n_docs):
        kind = PLAN[d % len(PLAN)]
        commune, district = COMMUNES[r.randrange(len(COMMUNES))]
        doc = compose(kind, r, commune, district, person(r), n_pages=2 if d in (2, 7) else 1)
        fmt = ("tiff" if d == 7 else "folder" if d == 2 else "png" if d == 3 else "jpeg")
        if fmt not in formats:
            fmt = "jpeg"
        name = f"{d + 1:02d}-{doc.slug}"
        pages_gt = []
        images = []
        for page in doc.pages:
            st = _page_style(r, page_no, max_skew, rotations)
            page_no += 1
            if fmt in ("png", "tiff"):
                st["colour"] = False
            if fmt == "tiff":  # old office scanners: bilevel CCITT G4
                st["noise"], st["stains"] = 0.0, 0
            if fmt == "png":  # lossless greyscale: sensor noise would make it huge, as it does in real life
                st["noise"] = 0.0
            im = age(render(page, st["dpi"]), r, st["colour"], st["skew"], st["rotation"], st["contrast"],
                     st["blur"], st["noise"], st["stains"])
            if fmt == "tiff":
                im = im.point(lambda v: 255 if v > 150 else 0).convert("1")
            images.append((im, st))
            pages_gt.append({"text": page.text(), "skew": st["skew"], "rotation": st["rotation"], "dpi": st["dpi"],
                             "mode": im.mode, "format": "png" if fmt == "png" else "tiff" if fmt == "tiff" else "jpeg",
                             "jpeg_quality": st["quality"] if fmt in ("jpeg", "folder") else None})
        files: list[str] = []
        if fmt == "tiff":
            path = scans / f"{name}.tif"
            first, rest = images[0][0], [im for im, _ in images[1:]]
            first.save(path, save_all=True, append_images=rest, compression="group4",
                       dpi=(images[0][1]["dpi"],) * 2)
            files = [f"scans/{path.name}"] * len(images)
        elif fmt == "folder":
            folder = scans / name
            folder.mkdir(exist_ok=True)
            for i, (im, st) in enumerate(images, start=1):
                p = folder / f"trang-{i:03d}.jpg"
                p.write_bytes(_encode(im, "jpeg", st["dpi"], st["quality"]))
                files.append(f"scans/{name}/{p.name}")
        else:
            ext = "png" if fmt == "png" else "jpg"
            path = scans / f"{name}.{ext}"
            path.write_bytes(_encode(images[0][0], fmt, images[0][1]["dpi"], images[0][1]["quality"]))
            files = [f"scans/{path.name}"]
        for i, (pg, f) in enumerate(zip(pages_gt, files, strict=True)):
            pg["file"] = f
            pg["index"] = i if fmt == "tiff" else 0
        truth = {"document": name, "files": sorted(set(files)), "type": doc.type, "type_code": doc.code,
                 "kind": doc.kind, "metadata": {**doc.metadata, "page_count": len(doc.pages)}, "pages": pages_gt}
        if doc.civil:
            truth["civil"] = doc.civil
        (gt_dir / f"{name}.json").write_text(json.dumps(truth, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        truths.append(truth)
    index = [{"document": t["document"], "type": t["type"], "pages": len(t["pages"])} for t in truths]
    (gt_dir / "index.json").write_text(json.dumps(index, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return truths


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--docs", type=int, default=12)
    ap.add_argument("--max-skew", type=float, default=15.0)
    ap.add_argument("--no-rotations", action="store_true")
    args = ap.parse_args(argv)
    truths = generate(args.out, args.seed, args.docs, args.max_skew, not args.no_rotations)
    print(f"{len(truths)} documents, {sum(len(t['pages']) for t in truths)} pages in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
