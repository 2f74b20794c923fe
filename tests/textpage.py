"""A tiny renderer of plain Vietnamese text pages for unit tests of single stages.

The full, realistic generator is samples/generate.py; this one is deliberately minimal so a
unit test of deskew or OCR depends on nothing else.
"""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"
WORDS = ("Ủy ban nhân dân xã Tân Phú quyết định về việc phê duyệt kế hoạch cải cách hành chính năm "
         "đồng chí Nguyễn Văn An chủ tịch căn cứ luật tổ chức chính quyền địa phương ngày tháng hộ tịch "
         "khai sinh đất đai thửa số tờ bản đồ thông báo báo cáo tình hình kinh tế xã hội").split()


def text_page(dpi: int = 200, seed: int = 0, lines: int | None = None) -> tuple[Image.Image, list[str]]:
    """An upright A4 page of random Vietnamese lines in 13 pt Liberation Serif, greyscale."""
    r = random.Random(seed)
    w, h = int(8.27 * dpi), int(11.69 * dpi)
    im = Image.new("L", (w, h), 235)
    d = ImageDraw.Draw(im)
    font = ImageFont.truetype(FONT, int(13 / 72 * dpi))
    y, text = int(0.8 * dpi), []
    while y < h - dpi and (lines is None or len(text) < lines):
        line = " ".join(r.choice(WORDS) for _ in range(r.randint(8, 12)))
        d.text((int(0.9 * dpi), y), line, font=font, fill=20)
        text.append(line)
        y += int(0.26 * dpi)
    return im, text


def scan(im: Image.Image, skew: float, rotation: int, seed: int = 0, noise: float = 8.0) -> np.ndarray:
    """Tilt by ``skew`` (CCW degrees), turn ``rotation`` degrees clockwise, add noise."""
    im = im.rotate(skew, resample=Image.BICUBIC, fillcolor=235)
    if rotation:
        im = im.rotate(-rotation, expand=True)
    a = np.asarray(im).astype(np.float32)
    a += np.random.default_rng(seed).normal(0, noise, a.shape)
    return a.clip(0, 255).astype(np.uint8)


def save_scan(path: Path, seed: int) -> Path:
    """A six-line page tilted 1°, saved as a 200 dpi JPEG: a scan the whole pipeline reads in about a second,
    for the end-to-end tests of versions and of the index (tests/test_supersede_e2e.py and others)."""
    im, _ = text_page(200, seed=seed, lines=6)
    Image.fromarray(scan(im, 1.0, 0, seed=seed)).save(path, dpi=(200, 200), quality=80)
    return path


def versioned_scans(root: Path) -> tuple[Path, Path, Path]:
    """``root/scans/hồ sơ 1`` (a dossier folder of two pages), ``root/other.jpg``: (scans, dossier, other).
    Adding ``trang 3.jpg`` to the dossier later makes a second version of it (archivist/versions.py)."""
    scans, dossier = root / "scans", root / "scans" / "hồ sơ 1"
    dossier.mkdir(parents=True)
    for i in (1, 2):
        save_scan(dossier / f"trang {i}.jpg", seed=i)
    return scans, dossier, save_scan(root / "other.jpg", seed=9)
