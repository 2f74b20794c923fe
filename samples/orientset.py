"""A generated set of pages for the orientation and deskew stages, with the truth of each.

What a commune archive holds besides typeset letters: Vietnamese records and French prose, a
typewritten page thresholded to one bit, ruled tables, forms, cadastral maps (palette PNG and CMYK
JPEG), photographs, a plan drawing in JPEG 2000, a cover with a few words, and handwriting. Every
page is made upright, tilted a little (text pages) and turned 0/90/180/270 degrees clockwise, so a
run tells how often archivist turns a page the wrong way (it must never) and whether every page it
cannot judge is flagged. ``bench/orientation.py`` runs it; tests use a few of its pages.

Usage::

    python samples/orientset.py --out /tmp/orient-set              # 11 groups x 4 turns
    python samples/orientset.py --out /tmp/orient-set --variants 2 --groups map-cmyk photo

Writes ``OUT/scans/<group>-<variant>-r<turn>.<ext>`` and ``OUT/ground-truth/orientation.json``: one
entry per page with its file, group, ``rotation`` (clockwise quarter-turn given to the upright
page), ``skew`` (counter-clockwise degrees given before the turn), ``dpi``, ``text`` (whether the
page has enough words that its way up can be read) and the words drawn.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make ``samples`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402
from PIL import Image, ImageDraw  # noqa: E402

from samples import pictures  # noqa: E402
from samples.layout import font  # noqa: E402
from samples.scan import TRANSPOSE, _seal, age, render  # noqa: E402

ROTATIONS = (0, 90, 180, 270)

FRENCH = ("Le conseil municipal s'est réuni en séance ordinaire sous la présidence du maire pour examiner "
          "le budget de l'année, l'entretien des chemins communaux et la réfection de la toiture de l'école. "
          "Après en avoir délibéré, le conseil décide à l'unanimité d'approuver les comptes présentés par le "
          "receveur et charge le maire de solliciter les subventions prévues. La séance est levée à dix-neuf "
          "heures. Fait et délibéré en mairie les jour, mois et an susdits, les membres présents ont signé "
          "au registre.").split()


def _prose(r: random.Random, dpi: int) -> tuple[Image.Image, str]:
    """A French council minute in Liberation Serif: a dated heading and justified-looking prose."""
    w, h = round(8.27 * dpi), round(11.69 * dpi)
    im = Image.new("L", (w, h), 246)
    d = ImageDraw.Draw(im)
    f = font("regular", round(12 / 72 * dpi))
    lines = [f"Délibération n° {r.randint(1, 90)} du {r.randint(1, 28)} janvier {r.randint(1950, 2017)}", ""]
    x0, width = round(1.1 * dpi), w - round(2.1 * dpi)
    words = [FRENCH[(i * 7 + r.randint(0, 2)) % len(FRENCH)] for i in range(r.randint(230, 300))]
    lines += pictures.fill(words, lambda line: f.getlength(line) <= width)
    y = round(1.0 * dpi)
    for line in lines:
        d.text((x0, y), line, font=f, fill=25)
        y += round(0.24 * dpi)
    return im, "\n".join(x for x in lines if x)


def _cover(r: random.Random, dpi: int) -> tuple[Image.Image, str]:
    """A dossier cover: a handful of large words and a seal, little else to read."""
    w, h = round(8.27 * dpi), round(11.69 * dpi)
    im = Image.new("L", (w, h), 240)
    d = ImageDraw.Draw(im)
    lines = ["HỒ SƠ ĐỊA CHÍNH", f"XÃ {r.choice(['TÂN PHÚ', 'ĐÔNG SƠN', 'MỸ LỘC'])}", f"NĂM {r.randint(1995, 2020)}"]
    for i, text in enumerate(lines):
        d.text((w / 2, (0.3 + 0.07 * i) * h), text, font=font("bold", round((26 - 4 * i) / 72 * dpi)), fill=25,
               anchor="ms")
    seal = Image.new("L", (w, h), 0)
    _seal(seal, 120.0, 220.0, 38.0, "ỦY BAN NHÂN DÂN *", dpi, np.random.default_rng(r.getrandbits(32)))
    a = np.asarray(im).astype(np.float32) * (1 - 0.6 * np.asarray(seal, np.float32) / 255)
    return Image.fromarray(a.astype(np.uint8)), "\n".join(lines)


def _vietnamese(r: random.Random, dpi: int) -> tuple[Image.Image, str]:
    """The first page of a generated commune decision (samples/generate.py), scanned clean and upright."""
    from samples.generate import _style
    from samples.plan import _documents

    page = _documents("Quyết định", r.getrandbits(32), False, 1, 1, 0)[0].pages[0]
    st = _style(r, dpi, False, "jpeg", 0.0, 0)
    st.noise, st.stains = 0.0, 0
    return age(render(page, dpi), st, r.getrandbits(32)), page.text()


#: group -> (draw(r, dpi) -> upright image and its words, dpi, file format, has text to judge, tilt range)
GROUPS: dict[str, tuple[Callable[[random.Random, int], tuple[Image.Image, str]], int, str, bool, float]] = {
    "vie-text": (_vietnamese, 200, "jpeg", True, 4.0),
    "fr-text": (_prose, 300, "jpeg", True, 4.0),
    "typewriter-1bit": (pictures.typewriter, 300, "png1", True, 2.0),
    "table": (pictures.table, 200, "jpeg", True, 3.0),
    "form": (pictures.form, 200, "png", True, 3.0),
    "cover": (_cover, 200, "jpeg", True, 0.0),
    "map-palette": (pictures.cadastral_map, 150, "palette", False, 0.0),
    "map-cmyk": (pictures.cadastral_map, 200, "cmyk", False, 0.0),
    "photo": (pictures.photograph, 200, "jpeg", False, 0.0),
    "drawing-jp2": (pictures.plan_drawing, 200, "jp2", False, 0.0),
    "handwriting": (pictures.handwriting, 200, "png", False, 0.0),
}
EXT = {"jpeg": "jpg", "png": "png", "png1": "png", "palette": "png", "cmyk": "jpg", "jp2": "jp2"}


def scanned(im: Image.Image, skew: float, rotation: int, noise: float, seed: int) -> Image.Image:
    """Tilt (counter-clockwise, paper-coloured corners), turn clockwise, add sensor noise (not to 1-bit)."""
    if skew:
        fill = 255 if im.mode in ("1", "L") else (255, 255, 255)
        im = im.convert("L" if im.mode == "1" else im.mode).rotate(skew, resample=Image.Resampling.BICUBIC,
                                                                     fillcolor=fill)
    if rotation:
        im = im.transpose(TRANSPOSE[rotation])
    if noise and im.mode != "1":
        a = np.asarray(im).astype(np.float32)
        a += np.random.default_rng(seed).normal(0, noise, a.shape)
        im = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), im.mode)
    return im


def encode(im: Image.Image, fmt: str, dpi: int) -> bytes:
    """The page file as a scanner or a user's software would write it."""
    buf = io.BytesIO()
    if fmt == "jpeg":
        im.save(buf, "JPEG", quality=75, dpi=(dpi, dpi))
    elif fmt == "png":
        im.convert("L").save(buf, "PNG", dpi=(dpi, dpi))
    elif fmt == "png1":
        (im if im.mode == "1" else im.convert("L").point(lambda v: 255 if v > 128 else 0).convert("1")).save(
            buf, "PNG", dpi=(dpi, dpi))
    elif fmt == "palette":
        im.convert("RGB").quantize(16).save(buf, "PNG", dpi=(dpi, dpi))
    elif fmt == "cmyk":
        im.convert("CMYK").save(buf, "JPEG", quality=80, dpi=(dpi, dpi))
    elif fmt == "jp2":
        im.convert("L").save(buf, "JPEG2000", quality_mode="rates", quality_layers=[20])
    else:
        raise ValueError(fmt)
    return buf.getvalue()


def generate_set(out: Path, seed: int = 0, variants: int = 1, groups: list[str] | None = None,
                 rotations: tuple[int, ...] = ROTATIONS) -> list[dict]:
    """Write the set under ``out`` (``scans/`` and ``ground-truth/`` are emptied first); return the truth.
    ``groups`` and ``rotations`` choose a part of it (the tests' smaller sets)."""
    out = Path(out)
    scans, gt = out / "scans", out / "ground-truth"
    for d in (scans, gt):
        shutil.rmtree(d, ignore_errors=True)
        d.mkdir(parents=True)
    truth = []
    for group in groups or list(GROUPS):
        draw, dpi, fmt, has_text, tilt = GROUPS[group]
        for v in range(variants):
            r = random.Random(f"{seed}-{group}-{v}")
            upright, words = draw(r, dpi)
            for rotation in ROTATIONS:
                skew = round(r.uniform(-tilt, tilt), 2) if tilt else 0.0
                seed_noise = r.getrandbits(32)  # drawn for every turn, so a part of the set has the same pages
                if rotation not in rotations:
                    continue
                noise = 0.0 if fmt in ("png", "png1", "palette") else 4.0  # lossless pages: background suppressed
                im = scanned(upright, skew, rotation, noise, seed_noise)
                name = f"{group}-{v + 1}-r{rotation:03d}.{EXT[fmt]}"
                (scans / name).write_bytes(encode(im, fmt, dpi))
                truth.append({"file": f"scans/{name}", "group": group, "rotation": rotation, "skew": skew,
                              "dpi": dpi, "format": fmt, "text": has_text, "words": words})
    (gt / "orientation.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return truth


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--variants", type=int, default=1, help="pages drawn per group (each at four turns)")
    ap.add_argument("--groups", nargs="*", choices=sorted(GROUPS), help="only these groups")
    args = ap.parse_args(argv)
    truth = generate_set(args.out, args.seed, args.variants, args.groups)
    print(f"{len(truth)} pages in {args.out / 'scans'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
