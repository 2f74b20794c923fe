"""Rendering a composed page at a scanner's resolution and ageing it like an old scan.

Text is drawn anti-aliased straight at the target dpi (no supersampling of whole pages: a 400 dpi A4
is already 15 megapixels). Ink, signature and seal are separate coverage layers multiplied onto the
paper, which is how ink over yellowed paper looks. The sheet is then skewed (counter-clockwise for a
positive angle) onto the scanner's background, a shade of the paper's own tone (a white lid around
dark paper would fool global thresholding in a way real scans rarely do), turned by a multiple of a
quarter-turn (clockwise), and given sensor noise. Every random choice comes from the page's seed.
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from samples.layout import A4_H, A4_W, PT, Page, font, typeface

TRANSPOSE = {90: Image.Transpose.ROTATE_270, 180: Image.Transpose.ROTATE_180, 270: Image.Transpose.ROTATE_90}


@dataclass
class Style:
    """How one page is scanned and how old it looks."""

    dpi: int
    colour: bool
    skew: float  # degrees, positive = counter-clockwise
    rotation: int  # 0/90/180/270, clockwise, applied after the skew
    quality: int  # JPEG quality (ignored by lossless formats)
    blur: float  # Gaussian sigma in pixels
    noise: float  # sensor noise sigma, grey levels
    ink: float  # ink darkness 0..1 (1 = black)
    paper: tuple[float, float, float]  # RGB of the paper, 0..1
    stains: int
    crease: bool
    background: float  # scanner background relative to the paper's brightness (0.9-1.0)
    tint: tuple[float, float, float] = (1.0, 0.97, 0.92)  # hue of the ink (old ink browns; carbon is blue)
    extra: dict = field(default_factory=dict)  # a hard group's own degradation (samples.hard), for the truth


def _px(mm: float, dpi: int) -> float:
    return mm * dpi / 25.4


def render(page: Page, dpi: int, text: bool = True) -> tuple[np.ndarray, Image.Image, Image.Image]:
    """Coverage layers (0 = none, 255 = full) of text and rules, signatures, and seals, A4 at ``dpi``;
    ``text=False`` leaves the lines out (typewritten pages strike them one by one: samples.hardscan)."""
    w, h = round(_px(A4_W, dpi)), round(_px(A4_H, dpi))
    ink = Image.new("L", (w, h), 0)
    d = ImageDraw.Draw(ink)
    if text:
        with typeface(page.family):
            _draw_lines(d, page, dpi)
    for rule in page.rules:
        stroke = max(1, round(_px(rule.pt * PT, dpi)))
        if rule.y1 is None:
            y = round(_px(rule.y, dpi))
            d.line([(_px(rule.x0, dpi), y), (_px(rule.x1, dpi), y)], fill=255, width=stroke)
        else:
            d.line([(_px(rule.x0, dpi), _px(rule.y, dpi)), (_px(rule.x1, dpi), _px(rule.y1, dpi))], fill=255,
                   width=stroke)
    sign, seal = Image.new("L", (w, h), 0), Image.new("L", (w, h), 0)
    for i, mark in enumerate(page.marks):
        seed = hash_text(f"{page.text()}|{i}")
        if mark.kind == "signature":
            _signature(sign, mark.x, mark.y, mark.size, dpi, np.random.default_rng(seed))
        else:
            _seal(seal, mark.x, mark.y, mark.size, mark.label, dpi, np.random.default_rng(seed))
    return np.asarray(ink), sign, seal


def _draw_lines(d: ImageDraw.ImageDraw, page: Page, dpi: int) -> None:
    for x, y, wd, f in placed_words(page, dpi):
        d.text((x, y), wd, font=f, fill=255, anchor="ls")


def placed_words(page: Page, dpi: int) -> Iterator[tuple[float, float, str, ImageFont.FreeTypeFont]]:
    """Every word of every line with its left end and baseline in pixels and its font (justified
    lines spread their spaces); call inside ``typeface(page.family)``."""
    for ln in page.lines:
        size = round(ln.pt * dpi / 72)
        words = ln.text.split(" ")
        fonts = [font("bold" if i < ln.bold_words else ln.style, size) for i in range(len(words))]
        lengths = [f.getlength(wd) for f, wd in zip(fonts, words, strict=True)]
        space = font(ln.style, size).getlength(" ")
        total = sum(lengths) + space * (len(words) - 1)
        x = _px(ln.x, dpi)
        if ln.align == "center":
            x -= total / 2
        elif ln.align == "right":
            x -= total
        elif ln.align == "justify" and len(words) > 1:
            space = max(space * 0.8, (_px(ln.width, dpi) - sum(lengths)) / (len(words) - 1))
        y = _px(ln.y, dpi)
        for f, wd, lw in zip(fonts, words, lengths, strict=True):
            yield x, y, wd, f
            x += lw + space


def hash_text(text: str) -> int:
    """A stable seed from text (Python's ``hash`` of a str changes between runs)."""
    v = 1469598103934665603
    for b in text.encode("utf-8"):
        v = ((v ^ b) * 1099511628211) & 0xFFFFFFFFFFFFFFFF
    return v


def _signature(layer: Image.Image, x: float, y: float, size: float, dpi: int, rng: np.random.Generator) -> None:
    """A hand-written flourish: a few loops along a rising baseline, drawn at 4x and reduced (anti-aliased)."""
    k = 4
    wpx, hpx = int(_px(size, dpi) * k), int(_px(size * 0.5, dpi) * k)
    patch = Image.new("L", (wpx, hpx), 0)
    d = ImageDraw.Draw(patch)
    t = np.linspace(0, 1, 400)
    loops = rng.uniform(3, 6)
    xs = 0.08 + 0.84 * t + 0.05 * np.sin(2 * np.pi * loops * t + rng.uniform(0, 6))
    ys = 0.6 - 0.25 * t + 0.22 * np.cos(2 * np.pi * loops * t) * rng.uniform(0.6, 1.0)
    pts = list(zip(xs * wpx, ys * hpx, strict=True))
    d.line(pts, fill=255, width=max(2, int(_px(0.45, dpi) * k)), joint="curve")
    sx = rng.uniform(0.1, 0.5)
    d.line([(sx * wpx, 0.75 * hpx), (min(0.98, sx + 0.6) * wpx, 0.62 * hpx)], fill=255,
           width=max(2, int(_px(0.35, dpi) * k)))
    patch = patch.resize((wpx // k, hpx // k), Image.Resampling.LANCZOS)
    layer.paste(patch, (int(_px(x, dpi) - wpx / k / 2), int(_px(y, dpi) - hpx / k / 2)), patch)


def _seal(layer: Image.Image, x: float, y: float, size: float, label: str, dpi: int, rng: np.random.Generator) -> None:
    """A round commune seal: two rings, the body's name round the band, a star in the middle; unevenly inked."""
    r_px = _px(size / 2, dpi)
    n = int(r_px * 2) + 8
    patch = Image.new("L", (n, n), 0)
    d = ImageDraw.Draw(patch)
    c = n / 2
    for rr, wd in ((r_px, 0.7), (r_px * 0.64, 0.45)):
        d.ellipse([c - rr, c - rr, c + rr, c + rr], outline=255, width=max(1, round(_px(wd, dpi))))
    text = label or "ỦY BAN NHÂN DÂN *"
    band = r_px * 0.82
    step = 2 * math.pi * 0.92 / max(1, len(text))
    f = font("bold", max(6, round(min(band * step * 1.25, r_px * 0.24))))  # letters fill the band
    for i, ch in enumerate(text):
        if ch == " ":
            continue
        a = -math.pi / 2 - math.pi * 0.92 + (i + 0.5) * step  # clockwise from the lower left
        g = Image.new("L", (f.size * 2, f.size * 2), 0)
        ImageDraw.Draw(g).text((f.size, f.size), ch, font=f, fill=255, anchor="mm")
        g = g.rotate(-math.degrees(a) - 90, resample=Image.Resampling.BICUBIC)
        px, py = c + band * math.cos(a), c + band * math.sin(a)
        patch.paste(g, (int(px - f.size), int(py - f.size)), g)
    star = [(c + r_px * 0.22 * (1 if k % 2 == 0 else 0.42) * math.cos(-math.pi / 2 + k * math.pi / 5),
             c + r_px * 0.22 * (1 if k % 2 == 0 else 0.42) * math.sin(-math.pi / 2 + k * math.pi / 5))
            for k in range(10)]
    d.polygon(star, fill=255)
    patch = patch.rotate(float(rng.uniform(-25, 25)), resample=Image.Resampling.BICUBIC)
    a = np.asarray(patch, np.float32)
    small = rng.uniform(0.55, 1.0, (6, 6)).astype(np.float32)  # uneven pressure of the stamp
    a *= np.asarray(Image.fromarray(small).resize((n, n), Image.Resampling.BICUBIC))
    patch = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    layer.paste(patch, (int(_px(x, dpi) - c), int(_px(y, dpi) - c)), patch)


def _low_freq(rng: np.random.Generator, shape: tuple[int, int], cells: tuple[int, int], amp: float) -> np.ndarray:
    """Smooth random field (blotchy paper), made small and enlarged."""
    small = rng.normal(0, amp, cells).astype(np.float32)
    return np.asarray(Image.fromarray(small, "F").resize((shape[1], shape[0]), Image.Resampling.BICUBIC))


def _paper(st: Style, shape: tuple[int, int], rng: np.random.Generator) -> np.ndarray:
    """Brightness factor of the paper (1 = clean): gradient, vignette, blotches, coffee rings, a crease."""
    h, w = shape
    q = 4  # effects are smooth: compute at a quarter of the resolution
    hs, ws = h // q + 1, w // q + 1
    yy, xx = np.mgrid[0:hs, 0:ws].astype(np.float32)
    yy /= hs
    xx /= ws
    ang = rng.uniform(0, 2 * np.pi)
    f = 1.0 - rng.uniform(0.02, 0.08) * ((np.cos(ang) * xx + np.sin(ang) * yy) + 1) / 2
    f -= rng.uniform(0.03, 0.10) * ((xx - 0.5) ** 2 + (yy - 0.5) ** 2) * 2  # vignette
    f += _low_freq(rng, (hs, ws), (7, 5), 0.01)
    for _ in range(st.stains):
        # rings are kept in the margins or faint: they must not hide words
        cx, cy = rng.choice([rng.uniform(0.05, 0.2), rng.uniform(0.8, 0.95)]), rng.uniform(0.1, 0.9)
        if rng.random() < 0.5:
            cx, cy = rng.uniform(0.2, 0.8), rng.choice([rng.uniform(0.02, 0.1), rng.uniform(0.9, 0.98)])
        rad = rng.uniform(0.05, 0.11)
        dist = np.sqrt(((xx - cx) * ws / hs * 1.0) ** 2 + (yy - cy) ** 2) / rad
        edge = np.exp(-((dist - 1.0) ** 2) / rng.uniform(0.002, 0.006))
        f -= rng.uniform(0.06, 0.12) * edge * (1 + 0.5 * np.sin(np.arctan2(yy - cy, xx - cx) * 3))
        f -= rng.uniform(0.02, 0.05) * (dist < 1) * (1 - dist**2)
    if st.crease:
        cy = rng.uniform(0.3, 0.36) if rng.random() < 0.5 else rng.uniform(0.64, 0.7)
        f -= 0.05 * np.exp(-(((yy - cy) * hs) ** 2) / 2.0)
    f = np.clip(f, 0.55, 1.05).astype(np.float32)  # mode "F" reads the buffer as float32
    return np.asarray(Image.fromarray(f, "F").resize((w, h), Image.Resampling.BILINEAR))


def age(layers: tuple[np.ndarray, Image.Image, Image.Image], st: Style, seed: int) -> Image.Image:
    """Compose ink on aged paper, skew, turn and add noise: the image a scanner would give."""
    rng = np.random.default_rng(seed)
    ink_l, sign_l, seal_l = layers
    if st.blur > 0:
        ink_l = np.asarray(Image.fromarray(ink_l).filter(ImageFilter.GaussianBlur(st.blur)))
    h, w = ink_l.shape
    paper = _paper(st, (h, w), rng)
    ink_col = (1 - st.ink) * np.array(st.tint, np.float32)  # old ink browns a little
    layers_rgb = [(ink_l, ink_col, 1.0), (np.asarray(sign_l), np.array([0.15, 0.2, 0.55], np.float32), 0.9),
                  (np.asarray(seal_l), np.array([0.85, 0.15, 0.17], np.float32), rng.uniform(0.6, 0.8))]
    chans = []
    for c in range(3):
        ch = paper * np.float32(st.paper[c])
        for cov, col, alpha in layers_rgb:
            a = cov.astype(np.float32) * np.float32(alpha / 255.0)
            ch *= 1 - a * (1 - col[c])
        chans.append(ch)
    rgb = np.clip(np.stack(chans, axis=-1) * 255, 0, 255).astype(np.uint8)
    im = Image.fromarray(rgb, "RGB")
    if not st.colour:
        im = im.convert("L")
    bg = [round(255 * v * st.background) for v in st.paper]
    fill: int | tuple[int, int, int] = round(0.299 * bg[0] + 0.587 * bg[1] + 0.114 * bg[2]) \
        if im.mode == "L" else (bg[0], bg[1], bg[2])
    if st.skew:
        im = im.rotate(st.skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=fill)
        # crop to the page size, or to the skewed text block when that is larger (the operator kept it all)
        t = math.radians(abs(st.skew))
        need_w = (A4_W - 45) * math.cos(t) + (A4_H - 40) * math.sin(t) + 24
        need_h = (A4_H - 40) * math.cos(t) + (A4_W - 45) * math.sin(t) + 24
        cw, chh = round(max(w, _px(need_w, st.dpi))), round(max(h, _px(need_h, st.dpi)))
        cw, chh = min(cw, im.width), min(chh, im.height)
        left, top = (im.width - cw) // 2, (im.height - chh) // 2
        im = im.crop((left, top, left + cw, top + chh))
    if st.rotation:
        im = im.transpose(TRANSPOSE[st.rotation])
    a = np.asarray(im).astype(np.float32)
    a += rng.normal(0, st.noise, a.shape[:2] + ((1,) if a.ndim == 3 else ())).astype(np.float32)
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), im.mode)


def encode(im: Image.Image, fmt: str, dpi: int, quality: int) -> bytes:
    """One page as JPEG or PNG bytes, with the resolution recorded in the file."""
    buf = io.BytesIO()
    if fmt == "jpeg":
        im.save(buf, "JPEG", quality=quality, dpi=(dpi, dpi), optimize=True)
    elif fmt == "png":
        im.save(buf, "PNG", dpi=(dpi, dpi), optimize=True)
    else:
        raise ValueError(fmt)
    return buf.getvalue()


def save_tiff(path: str, images: list[Image.Image], dpi: int, compression: str = "tiff_adobe_deflate") -> None:
    """A multi-page TIFF, Deflate (or LZW) compressed, every page carrying the resolution."""
    images[0].save(path, save_all=True, append_images=images[1:], compression=compression, dpi=(dpi, dpi))
