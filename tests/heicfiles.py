"""HEIC files as an iPhone writes them, made in the tests with pillow-heif's own encoder (its wheel bundles x265).

A page turned by the phone is stored as the sensor gave it (pixels lying sideways) with an ``irot`` transform
that turns it back for viewing, and the same turn again as an Exif Orientation tag: pillow-heif's encoder writes
both from the tag given (``exif=``), as iPhones do. :func:`exif_only` makes the rarer file an editor leaves: the
tag and no transform. x265's fastest preset keeps a page's encoding well under a second. The files are written
through pillow-heif's own API, not its Pillow opener: registering that here would hide whether archivist
registers it itself when it meets a HEIC.
"""

from __future__ import annotations

import io
from pathlib import Path

import pillow_heif
from PIL import Image

#: x265's fastest preset: a 150 dpi A4 page in about 0.3 s (the default takes 1.1 s)
FAST = {"preset": "ultrafast"}
#: the Exif tag an iPhone writes with each ``irot`` (clockwise turn to view -> tag) and how its sensor's pixels lie
TURNED = {6: Image.Transpose.ROTATE_90, 3: Image.Transpose.ROTATE_180, 8: Image.Transpose.ROTATE_270}


def _exif(tag: int) -> bytes:
    exif = Image.Exif()
    exif[0x0112] = tag
    return exif.tobytes()


def save_heic(upright: Image.Image, path: Path, tag: int | None = None, **kw) -> Path:
    """``upright`` as an iPhone stores it: with ``tag`` (3, 6 or 8) its pixels lie turned and an ``irot``
    transform plus the Exif tag say how to view them; without, stored upright with no tag."""
    im = upright.convert("RGB")
    if tag is not None:
        im = im.transpose(TURNED[tag])
        kw["exif"] = _exif(tag)
    pillow_heif.from_pillow(im).save(path, enc_params=FAST, **kw)
    return path


def exif_only(stored: Image.Image, path: Path, tag: int) -> Path:
    """``stored`` with an Exif Orientation ``tag`` and no transform (an editor that wrote only the tag): written
    with tag 1, which makes no transform, then the tag's value set to ``tag`` in the file's Exif item."""
    buf = io.BytesIO()
    pillow_heif.from_pillow(stored.convert("RGB")).save(buf, enc_params=FAST, exif=_exif(1))
    data = buf.getvalue()
    entry = b"\x01\x12\x00\x03\x00\x00\x00\x01\x00\x01"  # Orientation, SHORT, one value: 1 (Pillow writes MM)
    assert data.count(entry) == 1
    path.write_bytes(data.replace(entry, entry[:-2] + bytes([0, tag])))
    return path


def burst(pictures: list[Image.Image], path: Path, primary: int) -> Path:
    """Several top-level pictures in one file (a burst), picture ``primary`` the one viewers show, each with a
    thumbnail."""
    heif = pillow_heif.from_pillow(pictures[0].convert("RGB"))
    for im in pictures[1:]:
        heif.add_from_pillow(im.convert("RGB"))
    for image in heif:
        image.info["thumbnails"] = [64]
    heif.save(path, enc_params=FAST, primary_index=primary)
    return path


def decoded(path: Path) -> Image.Image:
    """The primary picture as pillow-heif decodes it (transforms applied), independently of archivist."""
    return pillow_heif.open_heif(path, convert_hdr_to_8bit=True).to_pillow()
