"""Where a JPEG's picture ends, and so which of a ``.jpg`` file's bytes are the page.

Why: a phone's ``.jpg`` is often more than its picture. A multi-picture JPEG (MPO, archivist/mpo.py) holds a
depth map or a preview after the photo; Google's and Samsung's motion photos put a second or two of MP4 video
(1-4 MB) after the picture's end (EOI), and other programs leave their own trailers there. Pillow decodes the
picture and ignores the rest, and the PDF reader does the same with the ``DCTDecode`` stream; but the whole file
passed into the PDF made every such page carry its video: a 2.2 MB page followed by 1 MB stored 3.3 MB in the PDF
(bench/RESULTS.md, "JPEGs with data after the picture (session 33)"). The page is the picture; the source file,
whose SHA-256 the record and the fixity manifest hold, keeps the rest, and the record says how many bytes that is.

The end is found by walking the JPEG's structure (:func:`jpeg_end`), never by searching for the first ``FF D9``,
which an EXIF thumbnail or the trailer itself may hold. When the walk cannot vouch for an end (a file cut short,
bytes where a marker must be) the file passes whole, as it always did.
"""

from __future__ import annotations

import re

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
    An EOI before any scan ends no picture: None.
    """
    if not data.startswith(b"\xff\xd8"):
        return None
    pos, n, scanned = 2, len(data), False
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
            return pos if scanned else None
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
            pos, scanned = found.start(), True
    return None


def picture_bytes(data: bytes) -> tuple[bytes, int]:
    """The picture of the JPEG file ``data`` (its bytes up to and including its EOI) and how many bytes follow
    it; ``data`` itself and 0 when there are none, or when :func:`jpeg_end` cannot vouch for the end."""
    end = jpeg_end(data)
    if end is None or end >= len(data):
        return data, 0
    return data[:end], len(data) - end
