"""What a page image becomes inside the PDF: the scan's own compressed data wherever PDF/A can hold it.

Why: re-encoding a lossless page costs more than reading it (a 300 dpi grey page took 0.2-0.9 s to
re-compress as PNG level 6, against 0.05 s to decode), and passing the data through stores the
scan bit for bit, as img2pdf does. What passes untouched, per source:

- JPEG (grey or RGB, first frame): the file's bytes up to the picture's end, ``DCTDecode``: what a phone writes
  after it (a motion photo's video) stays in the source file only, and the record counts it (archivist/jpeg.py);
  a phone's multi-picture JPEG (MPO): its first picture's bytes, the same way (archivist/mpo.py);
- PNG, 8-bit grey or RGB, not interlaced, no transparency: the IDAT stream, ``FlateDecode`` with
  the PNG predictors (``/Predictor 15``), since PNG's zlib stream *is* a PDF Flate stream;
- TIFF CCITT G4 in one strip (fill order 1, no uncompressed mode): ``CCITTFaxDecode`` K=-1,
  ``/BlackIs1`` when the file says min-is-black (Pillow's and many drivers' bilevel TIFFs);
- TIFF Deflate, 8-bit grey or RGB, no predictor or the horizontal one: ``FlateDecode`` with ``/Predictor 2``
  (TIFF's predictor, which PDF defines the same way); a page of several strips has its strips' zlib streams
  joined into one without compressing again (archivist/deflatejoin.py, session 46);
- a PDF page's image in DCT, Flate (grey or RGB, 8-bit, any predictor) or CCITT G4: its stream data.

Everything else (WebP, JPEG 2000, BMP, an iPhone's HEIC, whose HEVC no PDF can hold: archivist/heif.py) is
decoded once (it must be for OCR anyway) and encoded the cheapest way that keeps every pixel. Bilevel pages
become CCITT G4 whatever they came as (1-bit PNG, LZW or Deflate TIFF, a TIFF of many G4 strips, a PDF's Flate
or JBIG2 image): Pillow's libtiff codec writes one strip
in ~20 ms and it is a fraction of a Flate stream's size. Grey and colour pages become Flate level 1
over PNG "Up"-predicted rows: on noisy scans that is as small as zlib level 6 without prediction
at a third of the time (bench/RESULTS.md, issue 16); pages that came as Deflate strips the join could not
take get level 6, so the PDF does not hold them larger than the scanner wrote them.

Not passed, and why: LZW TIFF strips, because PDF/A forbids ``LZWDecode`` (ISO 19005-1 6.1.10, and
19005-2 6.1.7.2); G4 TIFFs of several strips, because each strip is its own G4 stream, coded from a white
line, and PDF has no way to chain them in one image; PNG with alpha, palette, 16 bits
or interlacing, which PDF/A cannot hold as they are (alpha is transparency) or PDF lays out otherwise.
"""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path

from PIL import Image

from .jpeg import picture_bytes
from .models import ImagePayload
from .mpo import DAMAGED_INDEX, first_picture

#: zlib level of re-encoded grey and colour pages (see the module docstring).
FLATE_LEVEL = 1
#: zlib level for a page that came as Deflate strips: the scanner paid for zlib at its own level, and
#: level 1 came out 2-10% larger than the strips (+4% overall) while level 6 on "Up" rows, with the
#: strategy meant for predicted data, is 4-11% smaller for about 0.02 s more a page (bench/RESULTS.md,
#: issue 16, "Output bytes (session 20)").
DEFLATE_SOURCE_LEVEL = 6
_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
# TIFF tags
_BITS, _COMPRESSION, _PHOTOMETRIC, _FILL_ORDER, _OFFSETS, _SAMPLES, _ROWS_PER_STRIP = 258, 259, 262, 266, 273, 277, 278
_COUNTS, _PLANAR, _T6_OPTIONS, _PREDICTOR, _TILE_WIDTH, _EXTRA_SAMPLES = 279, 284, 293, 317, 322, 338
_G4, _DEFLATE = 4, (8, 32946)


def flatten(im: Image.Image) -> Image.Image:
    """Bring any PIL mode to L, RGB or 1, which PDF/A can hold without transparency or CMYK."""
    if im.mode in ("L", "RGB", "1"):
        return im
    if im.mode in ("RGBA", "LA", "PA") or (im.mode == "P" and "transparency" in im.info):
        rgba = im.convert("RGBA")
        bg = Image.new("RGB", rgba.size, (255, 255, 255))
        bg.paste(rgba, mask=rgba.getchannel("A"))
        return bg
    if im.mode in ("I;16", "I;16B", "I;16L", "I"):
        import numpy as np  # here, not at the top: the main process imports this module and needs no NumPy

        arr = np.asarray(im, dtype=np.float64)
        top = arr.max() or 1.0
        return Image.fromarray((arr * (255.0 / top)).clip(0, 255).astype(np.uint8), "L")
    return im.convert("RGB")


def image_payload(path: Path, im: Image.Image, index: int = 0, notes: list[str] | None = None) -> ImagePayload:
    """The payload of frame ``index`` of the image file ``path``, already decoded as ``im``.

    Call it after decoding succeeded: the pass-through paths trust the file's structure that far. What the
    page's warnings must say about how it is stored is appended to ``notes``.
    """
    passed = None
    if im.format in ("JPEG", "MPO") and im.mode in ("L", "RGB") and index == 0:
        if im.format == "JPEG":
            data, after = picture_bytes(path.read_bytes())
        else:
            data = first_picture(path, im)
            after = path.stat().st_size - len(data) if data is not None else 0
        if data is None and notes is not None:
            notes.append(DAMAGED_INDEX)
        if data is not None:
            passed = ImagePayload(data, im.width, im.height, "DeviceGray" if im.mode == "L" else "DeviceRGB", 8,
                                  "DCTDecode", after_picture=after)
    elif im.format == "PNG" and index == 0:
        passed = png_passthrough(path.read_bytes())
    elif im.format == "TIFF":
        passed = tiff_passthrough(path, im)
        if passed is None and im.tag_v2.get(_COMPRESSION) in _DEFLATE:
            return encode_lossless(im, DEFLATE_SOURCE_LEVEL)
    return passed or encode_lossless(im)


def png_chunks(png: bytes) -> Iterator[tuple[bytes, bytes]]:
    """The chunks of a PNG's bytes as (type, body), up to IEND or the data's end; none if it is no PNG."""
    if not png.startswith(_PNG_MAGIC):
        return
    pos = 8
    while pos + 8 <= len(png):
        (length,) = struct.unpack(">I", png[pos:pos + 4])
        ctype = png[pos + 4:pos + 8]
        yield ctype, png[pos + 8:pos + 8 + length]
        if ctype == b"IEND":
            return
        pos += 12 + length


def png_exif(png: bytes) -> bytes | None:
    """The body of a PNG's eXIf chunk (a phone's screenshot or a forwarded photo carries its EXIF there, before
    or after the pixels), or None. Read from the bytes: Pillow reaches a chunk after IDAT only by decoding."""
    return next((body for ctype, body in png_chunks(png) if ctype == b"eXIf"), None)


def png_passthrough(png: bytes) -> ImagePayload | None:
    """A PNG's zlib stream as PDF FlateDecode data, or None when PDF cannot take it as it is."""
    idat, header = [], None
    for ctype, body in png_chunks(png):
        if ctype == b"IHDR" and len(body) >= 13:
            header = struct.unpack(">IIBBBBB", body[:13])
        elif ctype == b"IDAT":
            idat.append(body)
        elif ctype in (b"tRNS", b"acTL"):  # transparency, or an animation: not a plain image
            return None
    if header is None or not idat:
        return None
    width, height, depth, colour, _method, _filter, interlace = header
    if depth != 8 or colour not in (0, 2) or interlace:
        return None
    colors = 1 if colour == 0 else 3
    parms = {"Predictor": 15, "Colors": colors, "BitsPerComponent": 8, "Columns": width}
    return ImagePayload(b"".join(idat), width, height, "DeviceGray" if colors == 1 else "DeviceRGB", 8,
                        "FlateDecode", parms)


def tiff_passthrough(path: Path, im: Image.Image) -> ImagePayload | None:
    """The current frame's data as the PDF's (G4 in one strip, Deflate in one or its strips joined), or None."""
    tags = im.tag_v2
    offsets, counts = tags.get(_OFFSETS), tags.get(_COUNTS)
    if _TILE_WIDTH in tags or not offsets or not counts or len(offsets) != len(counts) or tags.get(_PLANAR, 1) != 1:
        return None
    bits, samples = tuple(tags.get(_BITS, (1,))), tags.get(_SAMPLES, 1)
    compression, photometric = tags.get(_COMPRESSION, 1), tags.get(_PHOTOMETRIC)
    w, h = im.width, im.height
    rows = min(tags.get(_ROWS_PER_STRIP, 2**32 - 1), h)
    if rows < 1 or len(offsets) != -(-h // rows) or (len(offsets) > 1 and compression not in _DEFLATE):
        return None  # several strips pass only as Deflate, joined (archivist/deflatejoin.py)
    if (compression == _G4 and bits == (1,) and samples == 1 and photometric in (0, 1)
            and tags.get(_FILL_ORDER, 1) == 1 and not tags.get(_T6_OPTIONS, 0) & 2):
        parms = {"K": -1, "Columns": w, "Rows": h, "BlackIs1": photometric == 1}
        return ImagePayload(_read(path, offsets[0], counts[0]), w, h, "DeviceGray", 1, "CCITTFaxDecode", parms)
    if compression in _DEFLATE and _EXTRA_SAMPLES not in tags and tags.get(_PREDICTOR, 1) in (1, 2) and (
            (bits == (8,) and samples == 1 and photometric == 1) or (bits == (8, 8, 8) and samples == 3
                                                                     and photometric == 2)):
        parms = None
        if tags.get(_PREDICTOR, 1) == 2:
            parms = {"Predictor": 2, "Colors": samples, "BitsPerComponent": 8, "Columns": w}
        data = _read(path, offsets[0], counts[0]) if len(offsets) == 1 else _joined(path, offsets, counts, rows,
                                                                                       w * samples, h)
        if data is None:
            return None
        return ImagePayload(data, w, h, "DeviceGray" if samples == 1 else "DeviceRGB", 8, "FlateDecode", parms)
    return None


def _joined(path: Path, offsets: Sequence[int], counts: Sequence[int], rows: int, row_bytes: int,
            height: int) -> bytes | None:
    """A Deflate frame's strips as one zlib stream, their compressed data kept (:mod:`archivist.deflatejoin`: about
    a fifth of the CPU of compressing the page again, and the scanner's bytes); None where they cannot be joined."""
    from .deflatejoin import join_strips

    strips = _reads(path, offsets, counts)
    sizes = [row_bytes * min(rows, height - k * rows) for k in range(len(strips))]
    return join_strips(strips, sizes)


def _read(path: Path, offset: int, count: int) -> bytes:
    """The ``count`` bytes of ``path`` at ``offset`` (a frame's one strip)."""
    return _reads(path, [offset], [count])[0]


def _reads(path: Path, offsets: Sequence[int], counts: Sequence[int]) -> list[bytes]:
    """Each span of ``path`` (``offsets[k]``, ``counts[k]`` bytes), read with one open. A scan cut short raises
    OSError rather than passing fewer bytes, which would make the PDF's image a broken stream."""
    out: list[bytes] = []
    with open(path, "rb") as f:
        for offset, count in zip(offsets, counts, strict=True):
            f.seek(offset)
            out.append(f.read(count))
            if len(out[-1]) != count:
                raise OSError(f"the image data ends early ({len(out[-1])} of {count} bytes)")
    return out


def encode_lossless(im: Image.Image, level: int = FLATE_LEVEL) -> ImagePayload:
    """The decoded image encoded for the PDF, every pixel kept: G4 if bilevel, else predicted Flate
    at zlib ``level``."""
    import numpy as np

    im = flatten(im)
    if im.mode == "1":
        return g4_payload(im)
    px = np.asarray(im)
    colors = 1 if px.ndim == 2 else px.shape[2]
    rows = px.reshape(px.shape[0], -1)
    up = np.empty((rows.shape[0], rows.shape[1] + 1), np.uint8)
    up[:, 0] = 2  # PNG filter type "Up" on every row: the byte below minus the byte above, wrapping
    up[0, 1:] = rows[0]
    np.subtract(rows[1:], rows[:-1], out=up[1:, 1:])
    parms = {"Predictor": 12, "Colors": colors, "BitsPerComponent": 8, "Columns": im.width}
    z = zlib.compressobj(level, zlib.DEFLATED, zlib.MAX_WBITS, 8, zlib.Z_FILTERED)
    return ImagePayload(z.compress(up.data) + z.flush(), im.width, im.height,
                        "DeviceGray" if colors == 1 else "DeviceRGB", 8, "FlateDecode", parms)


def g4_payload(im: Image.Image) -> ImagePayload:
    """A bilevel image as one CCITT G4 strip, encoded by Pillow's libtiff codec."""
    buf = io.BytesIO()
    im.save(buf, "TIFF", compression="group4", tiffinfo={_ROWS_PER_STRIP: im.height})
    with Image.open(buf) as tif:
        offsets, counts, photometric = tif.tag_v2[_OFFSETS], tif.tag_v2[_COUNTS], tif.tag_v2.get(_PHOTOMETRIC, 0)
    data = buf.getbuffer()[offsets[0]:offsets[0] + counts[0]].tobytes()
    parms = {"K": -1, "Columns": im.width, "Rows": im.height, "BlackIs1": photometric == 1}
    return ImagePayload(data, im.width, im.height, "DeviceGray", 1, "CCITTFaxDecode", parms)


def pdf_image_payload(img, pil: Image.Image) -> ImagePayload:
    """A PDF page's image XObject for our PDF: its own stream data where it can pass, else ``pil`` re-encoded.

    ``img`` is a pikepdf image stream; ``pil`` is its decoded pixels (needed anyway for OCR).
    """
    import pikepdf

    filt = img.get("/Filter")
    if isinstance(filt, pikepdf.Array):
        filt = filt[0] if len(filt) == 1 else None
    parms = img.get("/DecodeParms")
    if isinstance(parms, pikepdf.Array):
        parms = parms[0] if len(parms) == 1 else None
    cs, bpc = img.get("/ColorSpace"), int(img.get("/BitsPerComponent", 0))
    plain = not ({"/SMask", "/Mask", "/ImageMask"} & set(img.keys()))
    decode = [int(v) for v in img.Decode] if "/Decode" in img else None
    w, h = int(img.Width), int(img.Height)
    colour = str(cs)[1:] if cs in ("/DeviceGray", "/DeviceRGB") else None
    if plain and colour and bpc == 8 and decode is None and filt in ("/DCTDecode", "/FlateDecode"):
        if filt == "/DCTDecode":
            return ImagePayload(img.read_raw_bytes(), w, h, colour, 8, "DCTDecode")
        extra = _plain_parms(parms)
        if extra is not None:
            return ImagePayload(img.read_raw_bytes(), w, h, colour, 8, "FlateDecode", extra or None)
    if (plain and filt == "/CCITTFaxDecode" and colour == "DeviceGray" and bpc == 1
            and decode in (None, [0, 1], [1, 0])):
        extra = _plain_parms(parms)
        if extra is not None and int(extra.get("K", 0)) < 0:
            extra.setdefault("Columns", 1728)  # PDF's default, stated so our copy means the same
            return ImagePayload(img.read_raw_bytes(), w, h, "DeviceGray", 1, "CCITTFaxDecode", extra,
                                decode if decode == [1, 0] else None)
    return encode_lossless(pil)


def _plain_parms(parms) -> dict | None:
    """DecodeParms as plain Python values (pikepdf gives numbers and booleans as such), or None if they
    hold anything else (a name, an array): then the image is re-encoded rather than half understood."""
    import decimal

    import pikepdf

    if parms is None:
        return {}
    if not isinstance(parms, pikepdf.Dictionary):
        return None
    out: dict = {}
    for k, v in parms.items():
        if isinstance(v, (bool, int)):
            out[k[1:]] = v
        elif isinstance(v, (float, decimal.Decimal)):
            out[k[1:]] = float(v)
        else:
            return None
    return out
