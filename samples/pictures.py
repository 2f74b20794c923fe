"""Drawn pages that are not typeset prose: maps, a photograph, a plan drawing, handwriting, typewriting.

They exist to test what the orientation and deskew stages do when the evidence is thin or odd:
a cadastral map's few labels and many numbers, a photograph with no text at all, a plan drawing
with dimension figures, handwriting whose lines wander (level overall, no line straight), and a
typewritten page with uneven strikes thresholded to one bit. Each function returns the page
*upright* (``samples/orientset.py`` skews, turns and encodes it) and takes every random choice
from the generator it is given.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from samples.layout import font
from samples.slots import person

MONO = "/usr/share/fonts/truetype/liberation2/LiberationMono-Regular.ttf"
SANS = "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf"
A4_IN = (8.27, 11.69)

TYPEWRITTEN = ("The committee met on the morning of the twelfth to review the accounts of the parish and the "
               "state of the roads leading to the market. Mr. Hollander reported that the bridge over the canal "
               "had been repaired at a cost of forty two guilders, and that the work was found to be sound. "
               "It was agreed that the clerk should write to the owners of the farms along the dike about the "
               "drainage of the lower fields before the winter rains. The minutes of the previous meeting were "
               "read and approved without change. There being no further business the chairman closed the "
               "meeting at half past eleven.").split()


def _size(dpi: int, landscape: bool = False) -> tuple[int, int]:
    w, h = round(A4_IN[0] * dpi), round(A4_IN[1] * dpi)
    return (h, w) if landscape else (w, h)


def _sans(px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(SANS, max(6, px))


def fill(words: list[str], fits: Callable[[str], bool]) -> list[str]:
    """Words set into lines greedily: a line takes the next word while ``fits`` says it still fits."""
    lines, cur = [], ""
    for word in words:
        if cur and not fits(f"{cur} {word}"):
            lines.append(cur)
            cur = word
        else:
            cur = f"{cur} {word}".strip()
    return lines + [cur]


def typewriter(r: random.Random, dpi: int) -> tuple[Image.Image, str]:
    """A typewritten page: monospaced, each strike a little darker or lighter and off its line,
    thresholded to one bit as an office scanner's "black and white" mode does."""
    w, h = _size(dpi)
    im = Image.new("L", (w, h), 255)
    d = ImageDraw.Draw(im)
    f = ImageFont.truetype(MONO, round(12 / 72 * dpi))
    cw = f.getlength("M")
    x0, y = round(1.1 * dpi), round(1.0 * dpi)
    cols = int((w - 2 * x0) / cw)
    words = [TYPEWRITTEN[(i + r.randint(0, 3)) % len(TYPEWRITTEN)] for i in range(r.randint(260, 320))]
    title = "MINUTES OF THE PARISH COMMITTEE"
    lines = [title, ""] + fill(words, lambda line: len(line) <= cols)
    pitch = round(0.25 * dpi)
    for line in lines:
        if y > h - dpi:
            break
        for i, ch in enumerate(line):
            if ch != " ":
                d.text((x0 + i * cw, y + r.uniform(-0.012, 0.012) * dpi), ch, font=f, fill=r.randint(0, 90))
        y += pitch
    a = np.asarray(im.filter(ImageFilter.GaussianBlur(0.6 * dpi / 300))).astype(np.float32)
    a += np.random.default_rng(r.getrandbits(32)).normal(0, 18, a.shape)
    return Image.fromarray(((a > 150) * 255).astype(np.uint8)).convert("1"), "\n".join(lines)


def table(r: random.Random, dpi: int) -> tuple[Image.Image, str]:
    """A ruled list of households, the kind a commune keeps by the hundred: title, header, grid."""
    w, h = _size(dpi)
    im = Image.new("L", (w, h), 250)
    d = ImageDraw.Draw(im)
    k = dpi / 25.4
    title = "DANH SÁCH HỘ GIA ĐÌNH ĐƯỢC HỖ TRỢ KINH PHÍ NĂM " + str(r.randint(2015, 2025))
    d.text((w / 2, 25 * k), title, font=font("bold", round(13 / 72 * dpi)), fill=20, anchor="ms")
    cols = [("STT", 12), ("Họ và tên chủ hộ", 55), ("Năm sinh", 20), ("Địa chỉ", 45), ("Số tiền (đồng)", 28)]
    x_edges = [20.0]
    for _, cw in cols:
        x_edges.append(x_edges[-1] + cw)
    f = font("regular", round(11 / 72 * dpi))
    fb = font("bold", round(11 / 72 * dpi))
    rows = [[c for c, _ in cols]]
    for i in range(r.randint(16, 24)):
        name, _g = person(r)
        rows.append([str(i + 1), name, str(r.randint(1940, 2000)), f"thôn {r.choice(['Đông', 'Trung', 'Hạ', '3'])}",
                     f"{r.randint(5, 40) * 100_000:,}".replace(",", ".")])
    y, pitch = 35.0, 9.0
    for j, row in enumerate(rows):
        for c, text in enumerate(row):
            d.text(((x_edges[c] + 2) * k, (y + 6.3) * k), text, font=fb if j == 0 else f, fill=25, anchor="ls")
        y += pitch
    stroke = max(1, round(0.3 * k))
    for j in range(len(rows) + 1):
        d.line([(x_edges[0] * k, (35 + j * pitch) * k), (x_edges[-1] * k, (35 + j * pitch) * k)], fill=30,
               width=stroke)
    for x in x_edges:
        d.line([(x * k, 35 * k), (x * k, (35 + len(rows) * pitch) * k)], fill=30, width=stroke)
    return im, "\n".join([title] + [" ".join(row) for row in rows])


def form(r: random.Random, dpi: int) -> tuple[Image.Image, str]:
    """A declaration form: printed labels with dotted leaders, tick boxes, a few hand-filled answers."""
    w, h = _size(dpi)
    im = Image.new("L", (w, h), 252)
    d = ImageDraw.Draw(im)
    k = dpi / 25.4
    reg, bold, ital = (font(s, round(12 / 72 * dpi)) for s in ("regular", "bold", "italic"))
    lines = []
    for y, text, f in ((20, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold), (27, "Độc lập - Tự do - Hạnh phúc", bold),
                       (45, "TỜ KHAI ĐĂNG KÝ THƯỜNG TRÚ", font("bold", round(14 / 72 * dpi)))):
        d.text((w / 2, y * k), text, font=f, fill=20, anchor="ms")
        lines.append(text)
    name, g = person(r)
    answers = [("Họ, chữ đệm và tên:", name), ("Ngày, tháng, năm sinh:", f"{r.randint(1, 28)}/{r.randint(1, 12)}/"
               f"{r.randint(1950, 2005)}"), ("Giới tính:", None), ("Nơi thường trú:", f"thôn {r.randint(1, 9)}"),
               ("Nghề nghiệp:", r.choice(["Làm ruộng", "Giáo viên", "Buôn bán"])), ("Số điện thoại:", ""),
               ("Lý do đăng ký:", "")]
    y = 62.0
    for label, value in answers:
        d.text((25 * k, y * k), label, font=reg, fill=20, anchor="ls")
        x = 25 * k + reg.getlength(label) + 2 * k
        if value is None:  # tick boxes
            for opt in ("Nam", "Nữ"):
                d.rectangle((x, (y - 4) * k, x + 4 * k, y * k), outline=20, width=max(1, round(0.3 * k)))
                if (opt == "Nam") == (g == "M"):
                    d.line([(x + 0.5 * k, (y - 2) * k), (x + 1.8 * k, (y - 0.5) * k), (x + 4.5 * k, (y - 5) * k)],
                           fill=40, width=max(1, round(0.4 * k)))
                d.text((x + 6 * k, y * k), opt, font=reg, fill=20, anchor="ls")
                x += 25 * k
            lines.append(f"{label} Nam Nữ")
        else:
            for dx in np.arange(x, 190 * k, 2.2 * k):
                d.point((dx, y * k), fill=60)
            if value:
                d.text((x + 4 * k, (y - 1) * k), value, font=ital, fill=40, anchor="ls")
            lines.append(f"{label} {value}".strip())
        y += 11
    d.text((140 * k, (y + 15) * k), "Người khai", font=bold, fill=20, anchor="ms")
    return im, "\n".join(lines + ["Người khai"])


def cadastral_map(r: random.Random, dpi: int) -> tuple[Image.Image, str]:
    """A colour parcel map: jittered parcels with a few numbers, a river, roads, place names, a legend."""
    w, h = _size(dpi, landscape=r.random() < 0.5)
    rng = np.random.default_rng(r.getrandbits(32))
    im = Image.new("RGB", (w, h), (250, 248, 240))
    d = ImageDraw.Draw(im)
    n = 7
    gx = np.linspace(0.05 * w, 0.95 * w, n + 1)[None, :] + rng.normal(0, 0.02 * w, (n + 1, n + 1))
    gy = np.linspace(0.05 * h, 0.80 * h, n + 1)[:, None] + rng.normal(0, 0.015 * h, (n + 1, n + 1))
    small = _sans(round(7 / 72 * dpi))
    for i in range(n):
        for j in range(n):
            quad = [(gx[i, j], gy[i, j]), (gx[i, j + 1], gy[i, j + 1]), (gx[i + 1, j + 1], gy[i + 1, j + 1]),
                    (gx[i + 1, j], gy[i + 1, j])]
            fill = (222, 238, 210) if r.random() < 0.3 else None
            d.polygon(quad, outline=(30, 30, 30), fill=fill, width=max(1, dpi // 150))
            if r.random() < 0.35:
                cx, cy = sum(p[0] for p in quad) / 4, sum(p[1] for p in quad) / 4
                d.text((cx, cy), str(r.randint(1, 480)), font=small, fill=(20, 20, 20), anchor="mm")
    t = np.linspace(0, 1, 200)
    phase = r.uniform(0, 6)
    river = [(x * w, (0.2 + 0.5 * x + 0.08 * math.sin(6 * x + phase)) * h) for x in t]
    d.line(river, fill=(90, 140, 220), width=max(3, dpi // 15), joint="curve")
    for _ in range(2):
        a, b = r.uniform(0.1, 0.9), r.uniform(0.1, 0.9)
        road = [(x * w, (a + (b - a) * x) * 0.8 * h) for x in t]
        d.line(road, fill=(200, 60, 40), width=max(2, dpi // 40))
    names = []
    for _ in range(r.randint(2, 4)):
        name = r.choice(["Thôn Đông", "Xóm Chùa", "Ấp Phú Lợi", "Đồng Cói", "Bãi Sậy", "Gò Mả"])
        d.text((r.uniform(0.1, 0.7) * w, r.uniform(0.1, 0.7) * h), name, font=_sans(round(10 / 72 * dpi)),
               fill=(60, 60, 60))
        names.append(name)
    lx, ly = 0.62 * w, 0.84 * h
    d.rectangle((lx, ly, 0.95 * w, 0.97 * h), outline=(30, 30, 30), width=max(1, dpi // 150))
    legend = ["CHÚ DẪN", "Đường giao thông", "Sông, suối"]
    for i, text in enumerate(legend):
        d.text((lx + 0.02 * w, ly + (0.012 + 0.035 * i) * h), text, font=_sans(round(8 / 72 * dpi)),
               fill=(20, 20, 20))
    return im, "\n".join(names + legend)


def photograph(r: random.Random, dpi: int) -> tuple[Image.Image, str]:
    """A photograph pasted on a page: sky, fields, trees, a house; no text at all."""
    w, h = _size(dpi, landscape=True)
    rng = np.random.default_rng(r.getrandbits(32))
    yy = np.linspace(0, 1, h)[:, None, None]
    sky = np.array([150, 190, 235]) * (1 - 0.4 * yy) + np.array([240, 240, 250]) * 0.4 * yy
    a = np.broadcast_to(sky, (h, w, 3)).copy()
    horizon = int(h * r.uniform(0.45, 0.6))
    a[horizon:] = np.array([90, 130, 60]) + rng.normal(0, 12, (h - horizon, w, 3))
    im = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    d = ImageDraw.Draw(im)
    for _ in range(r.randint(6, 12)):
        x, s = r.uniform(0, w), r.uniform(0.04, 0.1) * h
        d.ellipse((x - s, horizon - 2.2 * s, x + s, horizon), fill=(40, 80 + r.randint(0, 40), 35))
    hx = r.uniform(0.3, 0.6) * w
    d.rectangle((hx, horizon - 0.15 * h, hx + 0.2 * w, horizon), fill=(200, 180, 150))
    d.polygon([(hx - 0.02 * w, horizon - 0.15 * h), (hx + 0.1 * w, horizon - 0.27 * h),
               (hx + 0.22 * w, horizon - 0.15 * h)], fill=(150, 50, 40))
    return im.filter(ImageFilter.GaussianBlur(1.2 * dpi / 200)), ""


def plan_drawing(r: random.Random, dpi: int) -> tuple[Image.Image, str]:
    """A house plan as an architect draws it: walls, door swings, dimension lines with figures."""
    w, h = _size(dpi)
    im = Image.new("L", (w, h), 255)
    d = ImageDraw.Draw(im)
    k = dpi / 25.4
    x0, y0 = 40 * k, 60 * k
    rooms = [r.randint(30, 45) for _ in range(3)]
    depth = r.randint(60, 90)
    wall = max(2, round(0.8 * k))
    x = x0
    figures = []
    f = _sans(round(8 / 72 * dpi))
    for width in rooms:
        d.rectangle((x, y0, x + width * k, y0 + depth * k), outline=0, width=wall)
        d.arc((x + 2 * k, y0 + (depth - 12) * k, x + 22 * k, y0 + (depth + 8) * k), 270, 360, fill=0,
              width=max(1, wall // 3))
        d.line([(x, y0 - 8 * k), (x + width * k, y0 - 8 * k)], fill=0, width=max(1, wall // 4))
        d.text((x + width * k / 2, y0 - 10 * k), str(width * 100), font=f, fill=0, anchor="ms")
        figures.append(str(width * 100))
        x += width * k
    d.line([(x + 8 * k, y0), (x + 8 * k, y0 + depth * k)], fill=0, width=max(1, wall // 4))
    d.text((x + 10 * k, y0 + depth * k / 2), str(depth * 100), font=f, fill=0, anchor="lm")
    return im, "\n".join(figures + [str(depth * 100)])


def _stroke_word(d: ImageDraw.ImageDraw, x: float, base: float, length: float, size: float, slope: float,
                 r: random.Random, width: int) -> None:
    """One cursive "word": a run of loops along a baseline that rises by ``slope`` per pixel."""
    n = max(3, int(length / (0.7 * size)))
    t = np.linspace(0, 1, 30 * n)
    loops = n + r.random()
    xs = x + length * t + 0.18 * size * np.sin(2 * np.pi * loops * t)
    amp = np.array([r.choice([0.5, 0.6, 0.8, 1.0, 1.8]) for _ in range(n + 1)])[np.minimum((t * n).astype(int), n)]
    drift = 0.3 * size * np.sin(2 * np.pi * (t * length / (3 * size) + r.random()))  # the hand wanders
    ys = base - slope * (xs - x) + drift - size * amp * (0.5 + 0.5 * np.cos(2 * np.pi * loops * t))
    d.line(list(zip(xs, ys, strict=True)), fill=0, width=width, joint="curve")


def handwriting(r: random.Random, dpi: int) -> tuple[Image.Image, str]:
    """A handwritten register page: level as a whole, but every line drifts on its own (up to
    about two degrees either way) and every word sits a little off it, as a hand writes."""
    w, h = _size(dpi)
    im = Image.new("L", (w, h), 255)
    d = ImageDraw.Draw(im)
    size = 0.09 * dpi
    y = 0.9 * dpi
    width = max(1, round(0.012 * dpi))
    while y < h - 0.9 * dpi:
        slope = math.tan(math.radians(r.uniform(-2.2, 2.2)))
        x = 0.9 * dpi + r.uniform(0, 0.3 * dpi)
        while x < w - 1.6 * dpi:
            length = r.uniform(0.4, 1.3) * dpi
            _stroke_word(d, x, y + r.uniform(-0.25, 0.25) * size - slope * (x - 0.9 * dpi), length, size,
                         slope + math.tan(math.radians(r.uniform(-3, 3))), r, width)
            x += length + r.uniform(0.12, 0.3) * dpi
        y += r.uniform(0.3, 0.42) * dpi
    return im.filter(ImageFilter.GaussianBlur(0.5 * dpi / 200)), ""
