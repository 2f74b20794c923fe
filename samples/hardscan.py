"""How the hard groups' pages (:mod:`samples.hard`) are struck, copied and scanned, on top of the
ageing every sample gets (:func:`samples.scan.age`):

- typewritten: every character struck on its own, harder or softer, some type bars set a little high
  or low, the ribbon weaker along the top or the bottom of a line, some letters clogged (their
  counters filled) and some worn (broken strokes);
- carbon copies: the strokes grainy and broken where the carbon did not take;
- speckle: dust and toner specks of many sizes, some in clusters, and light dropouts in the strokes;
- pages without text: a blank sheet with the reverse side's typing showing through, a photograph,
  handwriting.

Every draw comes from the page's seed, so the same arguments give the same pixels.
"""

from __future__ import annotations

import math

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from samples.layout import A4_H, A4_W, Page, font, typeface
from samples.scan import Style, age, placed_words, render

Layers = tuple[np.ndarray, Image.Image, Image.Image]


def _px(mm: float, dpi: int) -> float:
    return mm * dpi / 25.4


def _blank_layers(dpi: int) -> Layers:
    w, h = round(_px(A4_W, dpi)), round(_px(A4_H, dpi))
    return np.zeros((h, w), np.uint8), Image.new("L", (w, h), 0), Image.new("L", (w, h), 0)


def _holes(shape: tuple[int, int], share: float, rng: np.random.Generator, sigma: float) -> np.ndarray:
    """A soft 0..1 mask that takes away about ``share`` of the area in blotches ``sigma`` px across."""
    field = cv2.GaussianBlur(rng.random(shape).astype(np.float32), (0, 0), sigma)
    cut = float(np.quantile(field, share))
    return np.clip((field - cut) / (0.5 * float(field.std()) + 1e-6), 0.0, 1.0)


def _strike(f: ImageFont.FreeTypeFont, ch: str, strength: float, fade: tuple[float, bool], clogged: bool,
            worn: float, rng: np.random.Generator) -> tuple[np.ndarray, int, int]:
    """One character's coverage as a typewriter leaves it, and where its baseline origin sits in it;
    ``fade`` is how weak the ribbon is at one edge of the line, and whether that edge is the top."""
    pad = f.size
    patch = Image.new("L", (f.size * 2, f.size * 2), 0)
    ImageDraw.Draw(patch).text((pad // 2, pad + pad // 2), ch, font=f, fill=255, anchor="ls")
    if clogged:
        patch = patch.filter(ImageFilter.MaxFilter(3))
    a = np.asarray(patch, np.float32) * strength
    weak, top = fade
    ramp = np.linspace(weak, 1.0, a.shape[0], dtype=np.float32) if top else \
        np.linspace(1.0, weak, a.shape[0], dtype=np.float32)
    a *= ramp[:, None]
    if worn > 0:
        a *= _holes(a.shape, worn, rng, 1.2)
    return a, pad // 2, pad + pad // 2


def typed_layer(page: Page, dpi: int, wear: dict, rng: np.random.Generator) -> np.ndarray:
    """Coverage of the page's lines struck character by character (see the module's docstring);
    ``wear`` holds the page's ``strike_min``, ``misalign_mm``, ``clogged``, ``worn`` (truth)."""
    w, h = round(_px(A4_W, dpi)), round(_px(A4_H, dpi))
    layer = np.zeros((h, w), np.float32)
    bars: dict[str, float] = {}  # each type bar is off by its own amount, the same all page long
    line_fade: dict[float, tuple[float, bool]] = {}
    with typeface(page.family):
        for x, y, word, f in placed_words(page, dpi):
            adv = f.getlength("n")
            fade = line_fade.setdefault(y, (float(rng.uniform(0.45, 0.8)) if rng.random() < 0.5 else 1.0,
                                            bool(rng.random() < 0.5)))
            for k, ch in enumerate(word):
                dy = bars.setdefault(ch.lower(), float(rng.normal(0, _px(wear["misalign_mm"], dpi))))
                strength = float(rng.uniform(wear["strike_min"], 1.0))
                clog = ch.lower() in "aeobdpqgơôâă" and rng.random() < wear["clogged"]
                a, ox, oy = _strike(f, ch, strength, fade, clog, wear["worn"] if rng.random() < 0.3 else 0.0, rng)
                px, py = int(round(x + k * adv)) - ox, int(round(y + dy)) - oy
                y0, x0 = max(py, 0), max(px, 0)
                y1, x1 = min(py + a.shape[0], h), min(px + a.shape[1], w)
                if y1 > y0 and x1 > x0:
                    region = layer[y0:y1, x0:x1]
                    np.maximum(region, a[y0 - py:y1 - py, x0 - px:x1 - px], out=region)
    return np.clip(layer, 0, 255).astype(np.uint8)


def grain(ink: np.ndarray, amount: float, rng: np.random.Generator) -> np.ndarray:
    """Carbon that did not take everywhere: the strokes thinned and broken by a fine random field."""
    keep = _holes(ink.shape, amount, rng, 0.8)
    return (ink.astype(np.float32) * (0.35 + 0.65 * keep)).astype(np.uint8)


def speckle(im: Image.Image, dpi: int, per_cm2: float, dropouts_per_cm2: float,
            rng: np.random.Generator) -> Image.Image:
    """Dark specks (dust, toner; a third of them in clusters) and light dropouts over the scan."""
    a = np.asarray(im).astype(np.float32)
    h, w = a.shape[:2]
    cm2 = (w / dpi * 2.54) * (h / dpi * 2.54)
    dirt = np.zeros((h, w), np.float32)
    n = int(per_cm2 * cm2)
    centres = rng.uniform((0, 0), (w, h), (max(1, n // 60), 2))
    for i in range(n):
        if i % 3 == 0:
            cx, cy = centres[rng.integers(len(centres))] + rng.normal(0, _px(3.0, dpi), 2)
        else:
            cx, cy = rng.uniform(0, w), rng.uniform(0, h)
        r = float(np.clip(rng.lognormal(math.log(_px(0.12, dpi)), 0.5), 0.5, _px(0.5, dpi)))
        cv2.circle(dirt, (int(cx), int(cy)), max(1, round(r)), float(rng.uniform(0.35, 0.9)), -1, cv2.LINE_AA)
    light = np.zeros((h, w), np.float32)
    for _ in range(int(dropouts_per_cm2 * cm2)):
        cv2.circle(light, (int(rng.uniform(0, w)), int(rng.uniform(0, h))), max(1, round(_px(0.1, dpi))),
                   float(rng.uniform(0.5, 1.0)), -1, cv2.LINE_AA)
    paper = float(np.percentile(a, 90))
    shape = (h, w, 1) if a.ndim == 3 else (h, w)
    a = a * (1 - dirt.reshape(shape))
    a = a + (paper - a) * light.reshape(shape)
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), im.mode)


def _show_through(dpi: int, rng: np.random.Generator) -> np.ndarray:
    """The reverse side's typing seen through thin paper: mirrored, faint and soft (nothing to read)."""
    w, h = round(_px(A4_W, dpi)), round(_px(A4_H, dpi))
    im = Image.new("L", (w, h), 0)
    d = ImageDraw.Draw(im)
    f = font("regular", round(13 * dpi / 72))
    letters = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
    y = _px(rng.uniform(25, 35), dpi)
    while y < h - _px(25, dpi):
        x = _px(rng.uniform(30, 40), dpi)
        end = w - _px(rng.uniform(20, 60), dpi)
        while x < end:
            word = "".join(rng.choice(list(letters)) for _ in range(rng.integers(1, 8)))
            d.text((x, y), word, font=f, fill=255, anchor="ls")
            x += f.getlength(word + " ")
        y += _px(7.5, dpi)
    im = im.transpose(Image.Transpose.FLIP_LEFT_RIGHT).filter(ImageFilter.GaussianBlur(_px(0.35, dpi)))
    return (np.asarray(im, np.float32) * rng.uniform(0.08, 0.16)).astype(np.uint8)


def _photo(dpi: int, rng: np.random.Generator) -> np.ndarray:
    """A black-and-white photograph glued on the sheet: smooth tones, a horizon, a few round shapes."""
    w, h = round(_px(A4_W, dpi)), round(_px(A4_H, dpi))
    pw, ph = round(_px(rng.uniform(110, 150), dpi)), round(_px(rng.uniform(80, 110), dpi))
    small = rng.normal(0.5, 0.18, (6, 8)).astype(np.float32)
    tone = cv2.resize(small, (pw, ph), interpolation=cv2.INTER_CUBIC)
    horizon = int(ph * rng.uniform(0.35, 0.6))
    tone[horizon:] += 0.25
    for _ in range(rng.integers(2, 6)):
        c = (int(rng.uniform(0, pw)), int(rng.uniform(horizon * 0.6, ph)))
        cv2.ellipse(tone, c, (int(rng.uniform(0.04, 0.15) * pw), int(rng.uniform(0.08, 0.3) * ph)), 0, 0, 360,
                    float(rng.uniform(0.5, 0.95)), -1, cv2.LINE_AA)
    tone = cv2.GaussianBlur(tone, (0, 0), _px(0.4, dpi))
    layer = np.zeros((h, w), np.float32)
    x0, y0 = (w - pw) // 2, round(_px(rng.uniform(40, 90), dpi))
    layer[y0:y0 + ph, x0:x0 + pw] = np.clip(tone, 0.05, 1.0) * 255
    return layer.astype(np.uint8)


def _handwriting(dpi: int, rng: np.random.Generator) -> np.ndarray:
    """Lines of cursive a person wrote: loops along each line, words of three to nine letters."""
    w, h = round(_px(A4_W, dpi)), round(_px(A4_H, dpi))
    k = 2  # drawn at twice the size and reduced: anti-aliased pen strokes
    im = Image.new("L", (w * k, h * k), 0)
    d = ImageDraw.Draw(im)
    pen = max(2, round(_px(0.35, dpi) * k))
    y = _px(rng.uniform(30, 45), dpi)
    slant = rng.uniform(0.1, 0.35)
    while y < h - _px(rng.uniform(30, 120), dpi):
        x = _px(rng.uniform(25, 40), dpi)
        end = w - _px(rng.uniform(15, 40), dpi)
        while x < end:
            n = int(rng.integers(3, 10))
            length = _px(n * rng.uniform(2.2, 3.2), dpi)
            t = np.linspace(0, 1, n * 24)
            height = _px(rng.uniform(1.8, 2.8), dpi)
            # letters: x-height loops, some with an ascender (h, l, đ) or a descender (g, y)
            tall = np.repeat(rng.choice([1.0, 1.0, 1.0, 2.3, -1.6], n), 24)
            ys = y - height * np.abs(np.sin(np.pi * n * t)) * np.where(tall > 0, tall, 1.0)
            ys = np.where(tall < 0, y + height * 0.9 * np.sin(np.pi * n * t) ** 2, ys)
            xs = x + length * t + slant * (y - ys) + _px(0.6, dpi) * np.sin(2 * np.pi * n * t)
            d.line([(a * k, b * k) for a, b in zip(xs, ys, strict=True)], fill=255, width=pen, joint="curve")
            x += length + _px(rng.uniform(2.5, 5), dpi)
        y += _px(rng.uniform(8, 10), dpi)
    return np.asarray(im.resize((w, h), Image.Resampling.LANCZOS))


def scan_picture(page: Page, st: Style, seed: int) -> Image.Image:
    """A page without text (``page.picture``: blank, photo or handwriting), aged like the others."""
    rng = np.random.default_rng(seed)
    ink, sign, seal = _blank_layers(st.dpi)
    if page.picture == "blank":
        ink = _show_through(st.dpi, rng)
    elif page.picture == "photo":
        ink = _photo(st.dpi, rng)
    elif page.picture == "handwriting":
        ink = _handwriting(st.dpi, rng)
    else:
        raise ValueError(f"unknown picture {page.picture!r}")
    return age((ink, sign, seal), st, int(rng.integers(2**32)))


def scan_typed(page: Page, st: Style, seed: int) -> Image.Image:
    """A typewritten page (and, with ``st.extra["grain"]``, its carbon copy), aged."""
    rng = np.random.default_rng(seed)
    _, sign, seal = render(page, st.dpi, text=False)
    rules, _, _ = render(Page(rules=page.rules), st.dpi)
    ink = np.maximum(typed_layer(page, st.dpi, st.extra, rng), rules)
    if st.extra.get("grain"):
        ink = grain(ink, st.extra["grain"], rng)
    return age((ink, sign, seal), st, int(rng.integers(2**32)))


def scan_printed(page: Page, st: Style, seed: int) -> Image.Image:
    """A printed page, with the group's extra wear: carbon grain, speckle (``st.extra``)."""
    rng = np.random.default_rng(seed)
    ink, sign, seal = render(page, st.dpi)
    if st.extra.get("grain"):
        ink = grain(ink, st.extra["grain"], rng)
    im = age((ink, sign, seal), st, int(rng.integers(2**32)))
    if st.extra.get("speckle_per_cm2"):
        im = speckle(im, st.dpi, st.extra["speckle_per_cm2"], st.extra["dropouts_per_cm2"], rng)
    return im
