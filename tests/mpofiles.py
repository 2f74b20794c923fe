"""Multi-picture JPEGs (MPO, CIPA DC-007) as phones write them, assembled here byte by byte.

Pillow can write an MPO (``save(..., "MPO", save_all=True)``) but only of two pictures or more, and from its
third picture on the sizes its index records are not the pictures' (its writer subtracts the previous size,
not the previous end). The tests need exact files, one picture among them, and files whose index is damaged
on purpose, so they are laid out here the way the standard says: the first picture's JPEG with an APP2
"MPF" block after its APP segments, holding a little-endian TIFF directory whose entry tag 0xB002 gives each
picture's size and offset (from the directory's TIFF header; 0 for the first), then the other pictures.
"""

from __future__ import annotations

import io
import struct

from PIL import Image

#: MP entry "individual image attribute" values: the photo, a large preview, a disparity (3D / depth) image.
PRIMARY, PREVIEW, DISPARITY = 0x20030000, 0x00010001, 0x00020002
_ENTRY_TAG, _COUNT_TAG, _VERSION_TAG = 0xB002, 0xB001, 0xB000


def jpeg(im: Image.Image, **options) -> bytes:
    """``im`` as JPEG bytes (``options`` as Pillow's JPEG save takes them: quality, exif, progressive, dpi)."""
    buf = io.BytesIO()
    im.save(buf, "JPEG", **options)
    return buf.getvalue()


def _after_app_segments(data: bytes) -> int:
    """Where the first JPEG's APPn segments (JFIF, EXIF) end: the MPF block goes after them."""
    pos = 2
    while data[pos] == 0xFF and 0xE0 <= data[pos + 1] <= 0xEF:
        pos += 2 + struct.unpack(">H", data[pos + 2:pos + 4])[0]
    return pos


def mpo(pictures: list[bytes], kinds: list[int] | None = None) -> bytes:
    """The JPEG ``pictures`` as one MPO file: the first with the index of all, the others appended."""
    n = len(pictures)
    kinds = kinds or [PRIMARY] + [DISPARITY] * (n - 1)
    ifd_len = 2 + 3 * 12 + 4
    block_len = 4 + 8 + ifd_len + 16 * n  # "MPF\0", TIFF header, directory, entries
    first, at = pictures[0], _after_app_segments(pictures[0])
    tiff_at = at + 4 + 4  # the APP2 marker and length, then "MPF\0"
    sizes = [len(first) + 4 + block_len, *(len(p) for p in pictures[1:])]
    entries, offset = b"", 0
    for i, (kind, size) in enumerate(zip(kinds, sizes, strict=True)):
        entries += struct.pack("<IIIHH", kind, size, 0 if i == 0 else offset - tiff_at, 0, 0)
        offset += size
    directory = struct.pack("<H", 3)
    directory += struct.pack("<HHI4s", _VERSION_TAG, 7, 4, b"0100")
    directory += struct.pack("<HHII", _COUNT_TAG, 4, 1, n)
    directory += struct.pack("<HHII", _ENTRY_TAG, 7, 16 * n, 8 + ifd_len)
    directory += struct.pack("<I", 0)
    block = b"MPF\0" + b"II*\x00" + struct.pack("<I", 8) + directory + entries
    app2 = b"\xff\xe2" + struct.pack(">H", 2 + len(block)) + block
    return first[:at] + app2 + first[at:] + b"".join(pictures[1:])


def first_entry_at(data: bytes) -> int:
    """Where the first picture's 16-byte index entry starts in an MPO file made by :func:`mpo` or Pillow."""
    tiff_at = data.index(b"MPF\0") + 4
    (ifd,) = struct.unpack_from("<I", data, tiff_at + 4)
    (count,) = struct.unpack_from("<H", data, tiff_at + ifd)
    for i in range(count):
        tag, _type, _n, value = struct.unpack_from("<HHII", data, tiff_at + ifd + 2 + 12 * i)
        if tag == _ENTRY_TAG:
            return tiff_at + value
    raise ValueError("no MP entry tag")


def with_first_entry(data: bytes, size: int | None = None, offset: int | None = None) -> bytes:
    """``data`` with the first picture's recorded size or offset changed: an index a program left wrong."""
    out = bytearray(data)
    at = first_entry_at(data)
    if size is not None:
        struct.pack_into("<I", out, at + 4, size)
    if offset is not None:
        struct.pack_into("<I", out, at + 8, offset)
    return bytes(out)


def first_size(data: bytes) -> int:
    """The first picture's size as the index records it."""
    return struct.unpack_from("<I", data, first_entry_at(data) + 4)[0]
