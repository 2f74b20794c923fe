"""Scans go into the PDF as they are: per format, the filter we expect, the source's own bytes where
they pass, and pixels identical to the source once the PDF's image is decoded again.

Every input is made here with Pillow (libtiff) or pikepdf. The PDF side is decoded by pikepdf
(qpdf's Flate/predictor decoders, its CCITT wrapper) and compared with Pillow's decode of the
source file, pixel for pixel. The end-to-end run with real OCR and Preflight is in
tests/test_payload_e2e.py.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pikepdf
import pytest
from PIL import Image

from archivist.ingest import load_page
from archivist.models import ImagePayload, PageRef
from archivist.payload import encode_lossless
from archivist.pdfa import image_xobject
from tests.textpage import text_page


def page(mode: str, seed: int = 1) -> Image.Image:
    """A small text page with scanner noise (so every encoder has real work), in ``mode``."""
    im, _ = text_page(100, seed=seed, lines=8)
    px = np.asarray(im, np.int16) + np.random.default_rng(seed).normal(0, 6, (im.height, im.width)).astype(np.int16)
    grey = Image.fromarray(px.clip(0, 255).astype(np.uint8))
    if mode == "1":
        return grey.point(lambda v: 255 if v > 128 else 0).convert("1")
    if mode == "RGB":
        return Image.merge("RGB", (grey, grey.point(lambda v: v * 0.95), grey.point(lambda v: v * 0.8)))
    return grey.convert(mode)


def decoded(payload: ImagePayload) -> np.ndarray:
    """The payload as a PDF reader sees it: embedded with archivist's own writer, decoded by pikepdf."""
    pdf = pikepdf.new()
    img = pikepdf.PdfImage(image_xobject(pdf, payload)).as_pil_image()
    return np.asarray(img.convert("L") if img.mode == "1" else img)


def source(path: Path, index: int = 0) -> np.ndarray:
    with Image.open(path) as im:
        im.seek(index)
        im.load()
        return np.asarray(im.convert("L") if im.mode == "1" else im)


def strip(path: Path, index: int = 0) -> bytes:
    """The bytes of a TIFF frame's one strip."""
    with Image.open(path) as im:
        im.seek(index)
        (off,), (n,) = im.tag_v2[273], im.tag_v2[279]
    return path.read_bytes()[off:off + n]


# name -> (image mode, save options, expected filter, passes through untouched)
ONE_STRIP = {"tiffinfo": {278: 10_000}}
CASES = {
    "grey.png": ("L", {}, "FlateDecode", True),
    "rgb.png": ("RGB", {}, "FlateDecode", True),
    "bilevel.png": ("1", {}, "CCITTFaxDecode", False),
    "interlaced.png": ("L", {"interlace": 1}, "FlateDecode", False),
    "grey16.png": ("I;16", {}, "FlateDecode", False),
    "palette.png": ("P", {}, "FlateDecode", False),
    "rgba.png": ("RGBA", {}, "FlateDecode", False),
    "g4-one-strip.tif": ("1", {"compression": "group4", **ONE_STRIP}, "CCITTFaxDecode", True),
    "g4-strips.tif": ("1", {"compression": "group4"}, "CCITTFaxDecode", False),
    "deflate-pred.tif": ("L", {"compression": "tiff_adobe_deflate", "tiffinfo": {278: 10_000, 317: 2}},
                         "FlateDecode", True),
    "deflate-rgb.tif": ("RGB", {"compression": "tiff_deflate", **ONE_STRIP}, "FlateDecode", True),
    "deflate-strips.tif": ("L", {"compression": "tiff_adobe_deflate", "tiffinfo": {317: 2}}, "FlateDecode", False),
    "deflate-bilevel.tif": ("1", {"compression": "tiff_adobe_deflate", **ONE_STRIP}, "CCITTFaxDecode", False),
    "lzw.tif": ("L", {"compression": "tiff_lzw", "tiffinfo": {278: 10_000, 317: 2}}, "FlateDecode", False),
    "lzw-rgb.tif": ("RGB", {"compression": "tiff_lzw"}, "FlateDecode", False),
    "packbits.tif": ("L", {"compression": "packbits"}, "FlateDecode", False),
    "cmyk.tif": ("CMYK", {"compression": "tiff_deflate"}, "FlateDecode", False),
    "scan.jpg": ("L", {"quality": 70}, "DCTDecode", True),
}


@pytest.mark.parametrize("name", list(CASES))
def test_pixels_identical_and_filter_per_format(tmp_path: Path, name: str) -> None:
    mode, options, filt, passes = CASES[name]
    path = tmp_path / name
    page(mode).save(path, dpi=(100, 100), **options)
    loaded = load_page(PageRef(path, "image"))
    payload = loaded.payload
    assert payload.filter == filt
    assert payload.filter != "LZWDecode"  # PDF/A forbids it (ISO 19005-1 6.1.10, 19005-2 6.1.7.2)
    if name.endswith(".png") and passes:
        assert payload.decode_parms["Predictor"] == 15
    if passes and name.endswith(".tif"):
        assert payload.data == strip(path)
    if passes and name.endswith(".jpg"):
        assert payload.data == path.read_bytes()
    if name == "scan.jpg":
        return  # lossy: its bytes are the original's, checked above
    src = source(path)
    if mode in ("P", "RGBA", "CMYK", "I;16"):  # what PDF/A can hold: flattened once, as ingest always did
        from archivist.payload import flatten

        with Image.open(path) as im:
            src = np.asarray(flatten(im))
    assert np.array_equal(decoded(payload), src)


def idat(path: Path) -> bytes:
    """A PNG's image data, its IDAT chunks joined (what must reach the PDF)."""
    raw, pos, data = path.read_bytes(), 8, b""
    while pos < len(raw):
        n = int.from_bytes(raw[pos:pos + 4], "big")
        if raw[pos + 4:pos + 8] == b"IDAT":
            data += raw[pos + 8:pos + 8 + n]
        pos += 12 + n
    return data


def test_png_passes_its_idat_untouched(tmp_path: Path) -> None:
    path = tmp_path / "p.png"
    page("L").save(path, compress_level=9)
    assert load_page(PageRef(path, "image")).payload.data == idat(path)


def test_multipage_tiff_frames_pass_through(tmp_path: Path) -> None:
    frames = [page("1", seed=s) for s in range(3)]
    path = tmp_path / "m.tif"
    frames[0].save(path, compression="group4", save_all=True, append_images=frames[1:], **ONE_STRIP)
    for i in range(3):
        payload = load_page(PageRef(path, "tiff", i)).payload
        assert payload.filter == "CCITTFaxDecode" and payload.data == strip(path, i)
        assert np.array_equal(decoded(payload), source(path, i))


def test_min_is_white_g4_keeps_its_look(tmp_path: Path) -> None:
    """Fax-style G4 (0 = white) passes with BlackIs1 false and still shows black text on white."""
    path = tmp_path / "fax.tif"
    page("1").save(path, compression="group4", tiffinfo={262: 0, 278: 10_000})
    payload = load_page(PageRef(path, "image")).payload
    assert payload.decode_parms["BlackIs1"] is False and payload.data == strip(path)
    assert np.array_equal(decoded(payload), source(path))
    assert decoded(payload).mean() > 200  # paper stays white


def test_reencoding_is_lossless_and_bilevel_is_g4() -> None:
    for mode in ("L", "RGB", "1"):
        im = page(mode, seed=4)
        payload = encode_lossless(im)
        assert payload.filter == ("CCITTFaxDecode" if mode == "1" else "FlateDecode")
        want = np.asarray(im.convert("L") if mode == "1" else im)
        assert np.array_equal(decoded(payload), want)


def _pdf_with(tmp_path: Path, stream_kwargs: dict, data: bytes, w: int, h: int) -> Path:
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(w * 72 / 100, h * 72 / 100))
    img = pikepdf.Stream(pdf, data, Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image, Width=w, Height=h,
                         **stream_kwargs)
    pdf.pages[0].Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=img))
    pdf.pages[0].Contents = pdf.make_stream(f"q {w * 72 / 100} 0 0 {h * 72 / 100} 0 0 cm /Im0 Do Q".encode())
    path = tmp_path / "scan.pdf"
    pdf.save(path)
    return path


@pytest.mark.parametrize("mode", ["L", "1"])
def test_pdf_page_images_pass_through(tmp_path: Path, mode: str) -> None:
    """A scanner PDF's grey Flate (with predictor) or G4 image: our PDF gets its stream data as it is."""
    im = page(mode)
    payload = encode_lossless(im)
    parms = pikepdf.Dictionary({f"/{k}": v for k, v in payload.decode_parms.items()})
    path = _pdf_with(tmp_path, {"ColorSpace": pikepdf.Name.DeviceGray, "BitsPerComponent": payload.bpc,
                                "Filter": pikepdf.Name(f"/{payload.filter}"), "DecodeParms": parms},
                     payload.data, *im.size)
    loaded = load_page(PageRef(path, "pdf", 0))
    assert loaded.payload.filter == payload.filter and loaded.payload.data == payload.data
    assert np.array_equal(decoded(loaded.payload), np.asarray(im.convert("L")))


def test_pdf_bilevel_flate_becomes_g4(tmp_path: Path) -> None:
    bw = page("1")
    import zlib

    path = _pdf_with(tmp_path, {"ColorSpace": pikepdf.Name.DeviceGray, "BitsPerComponent": 1,
                                "Filter": pikepdf.Name.FlateDecode}, zlib.compress(bw.tobytes()), *bw.size)
    loaded = load_page(PageRef(path, "pdf", 0))
    assert loaded.payload.filter == "CCITTFaxDecode"
    assert np.array_equal(decoded(loaded.payload), np.asarray(bw.convert("L")))


def test_g4_is_a_fraction_of_flate(tmp_path: Path) -> None:
    """A full bilevel page: G4 in the PDF is well under the 1-bit PNG (Flate level 6) it came as (0.59 here)."""
    im, _ = text_page(300, seed=7)
    bw = im.point(lambda v: 255 if v > 128 else 0).convert("1")
    path = tmp_path / "b.png"
    bw.save(path, compress_level=6)
    payload = load_page(PageRef(path, "image")).payload
    assert payload.filter == "CCITTFaxDecode"
    assert len(payload.data) < 0.7 * path.stat().st_size


def test_deflate_strips_reencoded_no_larger_than_the_strips(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A grey Deflate TIFF of many strips (as the bench's) whose strips cannot be joined (here: no system zlib for
    archivist/deflatejoin.py) is re-encoded, every pixel kept, and not larger than the strips the scanner wrote
    (level 1 was 2-10% larger on the bench's pages)."""
    from archivist import deflatejoin

    monkeypatch.setattr(deflatejoin, "_libz", lambda: None)
    im, _ = text_page(300, seed=3)
    px = np.asarray(im, np.int16) + np.random.default_rng(3).normal(0, 6, (im.height, im.width)).astype(np.int16)
    grey = Image.fromarray(px.clip(0, 255).astype(np.uint8))
    path = tmp_path / "strips.tif"
    grey.save(path, dpi=(300, 300), compression="tiff_adobe_deflate", tiffinfo={317: 2, 278: 64})
    with Image.open(path) as src:
        strips = sum(src.tag_v2[279])
        assert len(src.tag_v2[279]) > 1
    payload = load_page(PageRef(path, "image")).payload
    assert payload.filter == "FlateDecode" and payload.decode_parms["Predictor"] == 12
    assert len(payload.data) <= strips
    assert np.array_equal(decoded(payload), source(path))


@pytest.mark.parametrize("rows", [10_000, 16])
def test_a_tiff_cut_short_raises_not_a_broken_stream(tmp_path: Path, rows: int) -> None:
    """A Deflate TIFF whose file ends inside its last strip (a copy cut short), of one strip or of several
    joined (archivist/payload.py reads both through one helper): OSError naming the bytes found, never a PDF
    image made of fewer bytes than the strips hold."""
    from archivist.payload import tiff_passthrough

    path, cut = tmp_path / "whole.tif", tmp_path / "cut.tif"
    page("L").save(path, dpi=(100, 100), compression="tiff_adobe_deflate", tiffinfo={278: rows, 317: 2})
    with Image.open(path) as im:
        offsets, counts = im.tag_v2[273], im.tag_v2[279]
        assert (len(offsets) > 1) == (rows == 16)
        assert tiff_passthrough(path, im) is not None  # whole, it passes
        cut.write_bytes(path.read_bytes()[:offsets[-1] + counts[-1] - 5])
        with pytest.raises(OSError, match=rf"ends early \({counts[-1] - 5} of {counts[-1]} bytes\)"):
            tiff_passthrough(cut, im)
