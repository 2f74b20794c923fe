"""A phone's multi-picture JPEG (MPO, CIPA DC-007): its first picture is the page, as the file's own bytes.

Why: many phones (iPhone portrait and HDR shots, Samsung, Fujifilm and Nintendo 3D cameras) write a ``.jpg``
that holds several JPEG pictures one after the other, indexed by an APP2 "MPF" block in the first: the
photo itself, then a depth map, a preview or the other eye's view. Pillow opens such a file as "MPO" with
one frame per picture. Taken as any multi-frame file, each picture became a page of its own (a depth map
kept as "no text found", a preview read a second time), and the photo, no longer seen as a JPEG, was
re-encoded without loss: a 2.4 MB phone page made an 11 MB PDF and took 0.4 s more to load
(bench/RESULTS.md, "Phone JPEGs written as MPO (session 33)").

The first picture starts at the file's first byte and is a complete baseline JPEG; the index's first entry
gives its length. That length is trusted only when the JPEG's own structure ends exactly there
(:func:`archivist.jpeg.jpeg_end`): the bytes are then exactly what the decoder read for the page, so the PDF
shows the pixels OCR read. When the two disagree (a damaged index, an editor that rewrote the file but not its index)
the caller re-encodes the decoded page without loss and says so.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from .jpeg import jpeg_end

#: MP index tag holding one 16-byte entry per picture (CIPA DC-007 5.2.3.3): attribute, size, offset, ...
MP_ENTRY = 0xB002


def first_picture(path: Path, im: Image.Image) -> bytes | None:
    """The first picture of the MPO ``path`` (opened as ``im``), as the bytes of a complete JPEG, or None
    when the file's index and the picture's own structure do not agree on where it ends."""
    try:
        entry = im.mpinfo[MP_ENTRY][0]  # type: ignore[attr-defined]
        size, offset = int(entry["Size"]), int(entry["DataOffset"])
    except (AttributeError, KeyError, IndexError, TypeError, ValueError):
        return None
    if offset != 0 or size < 4:  # the first picture's offset is 0 by the standard: it starts the file
        return None
    with open(path, "rb") as f:
        data = f.read(size)
    return data if jpeg_end(data) == size else None


#: The page warning when :func:`first_picture` gives nothing: the page is right, only stored larger.
DAMAGED_INDEX = ("a phone's multi-picture JPEG (MPO) whose index does not match its first picture: the page was "
                 "stored re-encoded without loss, not as the file's own JPEG bytes (the PDF is larger)")
