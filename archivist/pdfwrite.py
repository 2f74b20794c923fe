"""How every PDF of the archive is saved, and the image XObjects they are built from.

A leaf below :mod:`archivist.pdfa` (the PDF/A writer) and :mod:`archivist.spool` (the chunk files of
long documents), which both need it.

Why a save of our own: given a full disk, qpdf can fail inside a destructor while it writes, and
the C++ runtime then aborts the whole process — the batch dies without a summary (seen here with a
small tmpfs). So the space is reserved first: the temp file is given the most the PDF can take
(``posix_fallocate``, which fails cleanly with ENOSPC), qpdf writes into space that is already the
file's, and the file is cut to its real length. Every save is atomic (temp file, fsync, rename).
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name

from .fsutil import atomic_path
from .models import ImagePayload

#: Room for what qpdf adds around the streams (objects, xref table, trailer), and per stream.
OVERHEAD, PER_OBJECT = 64 << 10, 256


def image_xobject(pdf: pikepdf.Pdf, img: ImagePayload) -> pikepdf.Object:
    """The payload as an image XObject, its data untouched (JPEG bytes stay byte-identical)."""
    s = pikepdf.Stream(pdf, b"")
    parms = Dictionary({f"/{k}": v for k, v in img.decode_parms.items()}) if img.decode_parms else None
    s.write(img.data, filter=Name(f"/{img.filter}"), decode_parms=parms)
    s.Type, s.Subtype = Name.XObject, Name.Image
    s.Width, s.Height, s.BitsPerComponent = img.width, img.height, img.bpc
    s.ColorSpace = Name(f"/{img.colorspace}")
    if img.decode:
        s.Decode = Array(img.decode)
    return pdf.make_indirect(s)


def _estimate(pdf: pikepdf.Pdf) -> int:
    """An upper bound of the saved size: every stream's data as stored, and room for the rest.

    Streams copied from another file (the spool's images) are counted by their /Length, not read;
    only a stream without a filter is compressed on saving, and may grow a little if incompressible.
    """
    total = OVERHEAD
    for obj in pdf.objects:
        total += PER_OBJECT
        if not isinstance(obj, pikepdf.Stream):
            continue
        length = obj.stream_dict.get("/Length")
        size = int(length) if isinstance(length, int) and length > 0 else len(obj.read_raw_bytes())
        total += size if "/Filter" in obj.stream_dict else size * 65 // 64 + 64
    return total


def _reserve(f, size: int) -> None:
    """Give the open file ``size`` bytes of disk now; raise ENOSPC now rather than inside qpdf."""
    try:
        os.posix_fallocate(f.fileno(), 0, size)
    except OSError as e:
        if e.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
            raise
        import shutil  # a file system without fallocate: check the free space instead

        if shutil.disk_usage(Path(f.name).parent).free < size:
            raise OSError(errno.ENOSPC, "No space left on device", f.name) from None


def save_pdf(pdf: pikepdf.Pdf, path: Path, version: str | None = None) -> None:
    """Save atomically, as every PDF of the archive is saved: no object streams (PDF/A-1 forbids them), a
    deterministic /ID (the same pages give the same bytes), the XMP left as written, in ``version``."""
    with atomic_path(path) as tmp, open(tmp, "r+b") as f:
        _reserve(f, _estimate(pdf))
        pdf.save(f, linearize=False, object_stream_mode=pikepdf.ObjectStreamMode.disable, compress_streams=True,
                 fix_metadata_version=False, deterministic_id=True, force_version=version)
        f.truncate(f.tell())
