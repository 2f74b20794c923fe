"""A Deflate TIFF's strips joined into one zlib stream for the PDF, without compressing anything again.

Why (issue 16, session 46): a scanner writes Deflate TIFF pages as tens of strips, each its own zlib stream,
and a PDF image takes one stream. Until now such a page was decoded and compressed again at zlib level 6
(28-69 CPU ms a page, the largest piece of the Deflate pages' load). The strips' compressed data can be kept
instead, the way zlib's own ``examples/gzjoin.c`` joins gzip members: inflate each strip once with ``Z_BLOCK``
(zlib stops at each block boundary and says where it stands, to the bit), clear the BFINAL bit of every strip's
last block but the last strip's, close each strip on an empty stored block (which ends on a byte boundary, as
``Z_SYNC_FLUSH`` does), put the next strip's deflate data after it, and end with the Adler-32 of the whole.
The decoded bytes are the strips' decoded bytes one after another, bit for bit; a PDF decoder reads one stream.

Python's :mod:`zlib` does not expose ``Z_BLOCK`` nor a stream's bit position, so the system's zlib (the library
Python's module is built on) is called through :mod:`ctypes`. Anything unexpected (no zlib found, a damaged
strip, a preset dictionary, output other than the expected size) gives None, and the page is re-encoded as before.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import zlib
from collections.abc import Sequence
from functools import cache

_Z_OK, _Z_STREAM_END, _Z_BUF_ERROR, _Z_BLOCK = 0, 1, -5, 5
#: An empty stored block after the 3 bits of its header: zero padding to the byte, then LEN 0 and NLEN 0xFFFF.
_STORED_EMPTY = b"\x00\x00\xff\xff"


class _ZStream(ctypes.Structure):
    """zlib's ``z_stream`` (zlib.h), the same layout on every platform zlib builds for."""

    _fields_ = [("next_in", ctypes.c_void_p), ("avail_in", ctypes.c_uint), ("total_in", ctypes.c_ulong),
                ("next_out", ctypes.c_void_p), ("avail_out", ctypes.c_uint), ("total_out", ctypes.c_ulong),
                ("msg", ctypes.c_char_p), ("state", ctypes.c_void_p), ("zalloc", ctypes.c_void_p),
                ("zfree", ctypes.c_void_p), ("opaque", ctypes.c_void_p), ("data_type", ctypes.c_int),
                ("adler", ctypes.c_ulong), ("reserved", ctypes.c_ulong)]


@cache
def _libz() -> ctypes.CDLL | None:
    """The system's zlib, or None (then nothing is joined)."""
    lib = None
    for name in (ctypes.util.find_library("z"), "libz.so.1", "libz.dylib"):  # find_library needs ldconfig
        try:
            lib = ctypes.CDLL(name) if name else None
        except OSError:
            continue
        if lib is not None:
            break
    if lib is None:
        return None
    lib.zlibVersion.restype = ctypes.c_char_p
    lib.inflateInit2_.argtypes = [ctypes.POINTER(_ZStream), ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
    lib.inflate.argtypes = [ctypes.POINTER(_ZStream), ctypes.c_int]
    lib.inflateEnd.argtypes = [ctypes.POINTER(_ZStream)]
    return lib


def _bounds(lib: ctypes.CDLL, raw: bytes, out_size: int) -> tuple[int, int, bytes] | None:
    """Of a raw deflate stream: the bit where its last block begins, the bit where it ends, and what it decodes
    to (which must be ``out_size`` bytes); None if it is damaged or decodes to another size."""
    strm = _ZStream()
    if lib.inflateInit2_(ctypes.byref(strm), -15, lib.zlibVersion(), ctypes.sizeof(_ZStream)) != _Z_OK:
        return None
    out = ctypes.create_string_buffer(out_size + 1)  # one byte more: output beyond out_size is seen
    src = ctypes.create_string_buffer(raw, len(raw))
    strm.next_in, strm.avail_in = ctypes.addressof(src), len(raw)
    strm.next_out, strm.avail_out = ctypes.addressof(out), out_size + 1
    last_start, end, ret = 0, -1, _Z_OK
    try:
        while ret == _Z_OK:
            ret = lib.inflate(ctypes.byref(strm), _Z_BLOCK)
            if ret != _Z_OK or not strm.data_type & 128:
                continue
            at = strm.total_in * 8 - (strm.data_type & 63)  # the bit it stands at: bytes taken less bits unused
            if strm.data_type & 64:  # after the last block's end (zlib then skips to the byte: its own end is here)
                end = at
            else:  # between two blocks: the next one may be the last
                last_start = at
        if ret != _Z_STREAM_END or end < 0 or strm.total_out != out_size:
            return None
    finally:
        lib.inflateEnd(ctypes.byref(strm))
    return last_start, end, out.raw[:out_size]


def join_strips(strips: Sequence[bytes], sizes: Sequence[int]) -> bytes | None:
    """One zlib stream decoding to the strips' decoded bytes in order (strip k decodes to ``sizes[k]`` bytes),
    made of the strips' own compressed data; None where that cannot be done (the caller re-encodes)."""
    lib = _libz()
    if lib is None or not strips or len(strips) != len(sizes):
        return None
    parts: list[bytes] = [b"\x78\x9c"]
    adler = zlib.adler32(b"")
    for k, (strip, size) in enumerate(zip(strips, sizes, strict=True)):
        if len(strip) < 6 or strip[0] & 0x0F != 8 or strip[0] >> 4 > 7 or strip[1] & 0x20 \
                or (strip[0] << 8 | strip[1]) % 31:
            return None  # not a zlib stream of Deflate, or one needing a preset dictionary
        found = _bounds(lib, strip[2:], size)
        if found is None:
            return None
        last_start, end, decoded = found
        adler = zlib.adler32(decoded, adler)
        data = bytearray(strip[2:2 + (end + 7) // 8])
        if k < len(strips) - 1:
            data[last_start // 8] &= ~(1 << (last_start % 8)) & 0xFF  # its last block is no longer the last
            if end % 8:
                data[-1] &= (1 << (end % 8)) - 1  # the bits after the stream's end: the stored block's header
                if end % 8 > 5:  # its 3 header bits do not fit in this byte: the padding takes a byte more
                    data.append(0)
            else:
                data.append(0)  # the stored block's header and padding in a byte of their own
            data += _STORED_EMPTY
        parts.append(bytes(data))
    parts.append(adler.to_bytes(4, "big"))
    return b"".join(parts)
