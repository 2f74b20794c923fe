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
(:func:`jpeg_end`): the bytes are then exactly what the decoder read for the page, so the PDF shows the
pixels OCR read. When the two disagree (a damaged index, an editor that rewrote the file but not its index)
the caller re-encodes the decoded page without loss and says so.
"""

from __future__ import annotations

import re
from pathlib import Path

from PIL import Image

#: MP index tag holding one 16-byte entry per picture (CIPA DC-007 5.2.3.3): attribute, size, offset, ...
MP_ENTRY = 0xB002
#: A marker after entropy-coded data: 0xFF (then any fill 0xFFs) followed by neither a stuffed zero nor a
#: restart marker, which both belong to the data. Written to start with the literal byte, which the regular
#: expression engine then finds by a fast search: 1.3 ms over a 2.2 MB photo, against 18 ms for ``\xff+...``.
_MARKER_AFTER_SCAN = re.compile(rb"\xff(?=\xff*[^\x00\xd0-\xd7\xff])")
_SOI, _EOI, _SOS, _TEM = 0xD8, 0xD9, 0xDA, 0x01


def jpeg_end(data: bytes) -> int | None:
    """Where the JPEG starting at ``data[0]`` ends (just past its EOI marker), or None when ``data`` does not
    hold a complete one.

    The marker segments are skipped by their lengths and the entropy-coded data by its markers, so an EOI
    inside a segment (the EXIF block's own thumbnail is a whole JPEG) or a stuffed ``FF 00`` in the data is
    not taken for the end. Progressive files (several scans, tables between them) are walked the same way.
    """
    if not data.startswith(b"\xff\xd8"):
        return None
    pos, n = 2, len(data)
    while pos < n:
        if data[pos] != 0xFF:
            return None  # bytes where a marker must be: not a JPEG this walk can vouch for
        while pos < n and data[pos] == 0xFF:  # fill bytes may precede any marker
            pos += 1
        if pos >= n:
            return None
        marker = data[pos]
        pos += 1
        if marker == _EOI:
            return pos
        if marker in (0x00, _SOI):
            return None
        if marker == _TEM or 0xD0 <= marker <= 0xD7:
            continue  # markers without a length
        if pos + 2 > n:
            return None
        length = int.from_bytes(data[pos:pos + 2], "big")
        if length < 2 or pos + length > n:
            return None
        pos += length
        if marker == _SOS:
            found = _MARKER_AFTER_SCAN.search(data, pos)
            if found is None:
                return None
            pos = found.start()
    return None


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
