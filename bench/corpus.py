"""The mixed corpus of ``bench/run --corpus mixed``: the files commune scanners write, from generated pages.

Every page comes from the samples generator (aged, skewed, some turned, with ground truth) as the
JPEG scan it writes, and is then stored in one format the way scanner software stores it:

- ``jpeg``: the generator's JPEG as it is (grey or colour, 150-400 dpi);
- ``png-grey`` / ``png-rgb``: 8-bit PNG at Pillow's default compression (zlib level 6, adaptive filters);
- ``tiff-g4``: bilevel (Otsu threshold) CCITT G4 in one strip, as fax-style scanner drivers write it;
- ``tiff-lzw`` / ``tiff-deflate``: 8-bit grey with the horizontal predictor in libtiff's default strips
  (about 64 KiB of pixels each, so a 300 dpi page has over a hundred strips);
- ``tiff-multi``: multi-page bilevel G4 TIFFs of four pages, libtiff's default strips;
- ``pdf``: two-page PDFs whose pages are the JPEG scans drawn full page (a scanner's "scan to PDF").

Decoded JPEG pixels carry the generator's sensor noise and JPEG's own artefacts, so the lossless
files are as hard to compress as real noisy scans. ``upright/`` holds the same pages turned upright
and deskewed with the generator's own angles (same mode: bilevel stays bilevel), for raw Tesseract.
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import cv2
import numpy as np
import pikepdf
from PIL import Image

#: format -> (dpi choices, share of colour pages among those at 240 dpi or less)
FORMATS: dict[str, tuple[tuple[int, ...], float]] = {
    "jpeg": ((150, 200, 300, 400), 0.35),
    "png-grey": ((200, 300, 300, 400), 0.0),
    "png-rgb": ((150, 200, 240), 1.0),
    "tiff-g4": ((200, 300, 300, 400), 0.0),
    "tiff-lzw": ((200, 300), 0.0),
    "tiff-deflate": ((200, 300), 0.0),
    "tiff-multi": ((300,), 0.0),
    "pdf": ((200, 300), 0.35),
}
MULTI_PAGES = {"tiff-multi": 4, "pdf": 2}


def _pages(fmt: str, n: int, work: Path, seed: int) -> list[tuple[Image.Image, bytes, dict]]:
    """``n`` generated pages for one format: decoded image, its JPEG bytes, its ground truth."""
    from samples.generate import generate

    dpis, colour = FORMATS[fmt]
    gen = work / fmt
    shutil.rmtree(gen, ignore_errors=True)
    docs = generate(gen, seed=seed, n_docs=n, formats=("jpeg",), dpi_choices=dpis, colour_share=colour)
    out = []
    for p in (p for d in docs for p in d["pages"]):
        if len(out) == n:
            break
        data = (gen / p["file"]).read_bytes()
        with Image.open(io.BytesIO(data)) as im:
            im.load()
            out.append((im.copy(), data, p))
    return out


def _bilevel(im: Image.Image) -> Image.Image:
    grey = np.asarray(im.convert("L"))
    _, bw = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    return Image.fromarray(bw).convert("1")


def _write(fmt: str, group: list[tuple[Image.Image, bytes, dict]], dst: Path) -> None:
    """One file of the corpus holding ``group`` (one page, or several for the multi-page formats)."""
    im, data, p = group[0]
    dpi = (p["dpi"], p["dpi"])
    if fmt == "jpeg":
        dst.write_bytes(data)
    elif fmt in ("png-grey", "png-rgb"):
        im.convert("L" if fmt == "png-grey" else "RGB").save(dst, "PNG", dpi=dpi)
    elif fmt == "tiff-g4":
        bw = _bilevel(im)
        bw.save(dst, "TIFF", compression="group4", dpi=dpi, tiffinfo={278: bw.height})
    elif fmt in ("tiff-lzw", "tiff-deflate"):
        comp = "tiff_lzw" if fmt == "tiff-lzw" else "tiff_adobe_deflate"
        im.convert("L").save(dst, "TIFF", compression=comp, dpi=dpi, tiffinfo={317: 2})
    elif fmt == "tiff-multi":
        pages = [_bilevel(g[0]) for g in group]
        pages[0].save(dst, "TIFF", compression="group4", dpi=dpi, save_all=True, append_images=pages[1:])
    elif fmt == "pdf":
        pdf = pikepdf.new()
        for im, data, p in group:
            w_pt, h_pt = im.width * 72 / p["dpi"], im.height * 72 / p["dpi"]
            page = pdf.add_blank_page(page_size=(w_pt, h_pt))
            img = pikepdf.Stream(pdf, data, Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image,
                                 Width=im.width, Height=im.height, BitsPerComponent=8,
                                 ColorSpace=pikepdf.Name.DeviceRGB if im.mode == "RGB" else pikepdf.Name.DeviceGray,
                                 Filter=pikepdf.Name.DCTDecode)
            page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=img))
            page.Contents = pdf.make_stream(f"q {w_pt:.3f} 0 0 {h_pt:.3f} 0 0 cm /Im0 Do Q".encode())
        pdf.save(dst)
    else:
        raise ValueError(fmt)


def _upright(im: Image.Image, fmt: str, t: dict) -> Image.Image:
    """The page turned upright and deskewed with the generator's angles, in the mode the file holds."""
    if fmt in ("tiff-g4", "tiff-multi"):
        bw = _bilevel(im).rotate(t["rotation"], expand=True)
        return bw.rotate(-t["skew"], expand=True, resample=Image.Resampling.NEAREST, fillcolor=255)
    mode = "L" if fmt in ("png-grey", "tiff-lzw", "tiff-deflate") else im.mode
    g = im.convert(mode).rotate(t["rotation"], expand=True)
    paper = tuple(int(v) for v in np.median(np.asarray(g).reshape(-1, len(g.getbands())), axis=0))
    return g.rotate(-t["skew"], expand=True, resample=Image.Resampling.BICUBIC,
                    fillcolor=paper[0] if len(paper) == 1 else paper)


def prepare_corpus(per_format: int, out: Path, seed: int, formats: list[str] | None = None) -> dict[str, list[dict]]:
    """Write the corpus under ``out/corpus/<format>/`` and the upright pages under ``out/upright/<format>/``.

    Returns format -> ground truth per page (file, frame index, text, angles, dpi), in the order of
    the upright files' names, and writes it to ``out/corpus.json``.
    """
    corpus, upright, work = out / "corpus", out / "upright", out / "generated-mixed"
    for d in (corpus, upright):
        shutil.rmtree(d, ignore_errors=True)
    truth: dict[str, list[dict]] = {}
    for k, fmt in enumerate(formats or list(FORMATS)):
        pages = _pages(fmt, per_format, work, seed + 101 * k)
        (corpus / fmt).mkdir(parents=True)
        (upright / fmt).mkdir(parents=True)
        size = MULTI_PAGES.get(fmt, 1)
        ext = {"jpeg": "jpg", "pdf": "pdf"}.get(fmt, "png" if fmt.startswith("png") else "tif")
        truth[fmt] = []
        for start in range(0, len(pages), size):
            group = pages[start:start + size]
            dst = corpus / fmt / f"{fmt}-{start // size + 1:03d}.{ext}"
            _write(fmt, group, dst)
            for i, (im, _data, p) in enumerate(group):
                n = len(truth[fmt]) + 1
                _upright(im, fmt, p).save(upright / fmt / f"u{n:03d}.png", dpi=(p["dpi"], p["dpi"]))
                truth[fmt].append({"file": dst.name, "index": i, "text": p["text"], "skew": p["skew"],
                                   "rotation": p["rotation"], "dpi": p["dpi"], "mode": im.mode})
    (out / "corpus.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    return truth
