"""The signer's name read from the space under the position, where the page's reading gave no line (session 38).

Why: on seed 371's sets of names of the Highlands' and mountain peoples (bench/RESULTS.md, "Highland signers, second
round (session 38)") 15 of 84 signers were not found, and 12 of them had no word at all where the name goes: short
names (``A Pơng``, ``Rcom Ngơm``, ``Kpă H'Dương``) under a signature and a seal, which the page's reading, the whole
page at once, leaves out as it leaves out the strokes round them. Read alone, the space under the position gives
them: HH371 faded-14's ``A Pơng`` under ``PHÓ CHỦ TỊCH``, its seal and its signature.

The page stage reads that space once, on a page whose signature block has a position or an authority but no name
(:func:`read_zone`, kept on the page as ``name_zone``: its box and two readings); extract takes the last line of
one that is a name (:func:`archivist.signwords.is_name`; an opener read into the name parted,
:func:`archivist.highland.unglue`) as the signer, always flagged (:data:`CONFIDENCE`, :data:`REASON`): a name read
so has no line of the page's reading to stand on, and a seal's or a signature's strokes may be in its letters.
Never where the page's reading gave a name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .fields import Field
from .footer import Footer
from .highland import unglue
from .nameread import page_footer
from .numberread import _api as own_api
from .numberread import read_crop, read_image, reads_crops
from .ocrtext import Line, PageText
from .signwords import is_name, trim_noise

if TYPE_CHECKING:  # numpy only where the page stage runs (extract writes without it)
    import numpy as np

#: how far under the position line the space runs, in the line's heights: the signature's gap (three to five
#: lines on the sets), then the name's line; the space is as wide as the block's lines and 30% more each side
DEPTH, WIDEN = 9.0, 0.3
#: Tesseract's page segmentation for the space: a block of text (the seal's and signature's strokes are lines too)
PSM = 6
#: a signer read from the space alone: below a signer of these peoples' 0.6, never sure
CONFIDENCE = 0.5
#: a letter and its apostrophe parted from the rest of the word, as a crop read alone may give it: HH371 twocol-39's
#: ``Kpă H' Dương`` for ``Kpă H'Dương``
_APART = re.compile(r"(?<![^\W\d_])([^\W\d_]['’]) (?=[^\W\d_])")
REASON = ("the signer's name was read again from the space under the position: the page's reading gave no line "
          "there (a signature or a seal over it)")


def zone_of(footer: Footer | None) -> list[int] | None:
    """The space under ``footer``'s last position (or authority) line where its signer's name goes, as a box of page
    pixels; None for a block with a name, or without a line or box to measure from."""
    if footer is None or footer.name is not None or not (footer.positions or footer.authority):
        return None
    block: list[Line] = ([footer.authority[1]] if footer.authority else []) + footer.positions
    boxes = [b for ln in block if (b := ln.box())]
    last = block[-1].box()
    if not boxes or last is None:
        return None
    x0, x1, height = min(b[0] for b in boxes), max(b[2] for b in boxes), last[3] - last[1]
    pad = WIDEN * (x1 - x0)
    return [max(0, int(x0 - pad)), int(last[3] + 0.3 * height), int(x1 + pad), int(last[3] + DEPTH * height)]


def read_zone(number: int, words: Sequence[Any], upright: np.ndarray, dpi: float, prep: Any, engine: Any = None,
              lines: list[Line] | None = None, footer: Footer | None = None) -> dict | None:
    """The space under the position of this page's unnamed signature block, read alone two ways: ``read`` on the
    image the OCR read (``prep``, :class:`archivist.restore.Prepared`: a speckled page's specks taken out, a faint
    one's contrast raised), ``scan`` on the upright page; its box too. None where the block has a name, there is no
    block, or nothing reads crops. ``footer``: the page's :func:`archivist.nameread.page_footer`, when the caller
    has it (the page stage finds it once for this and the name's line)."""
    if not words:
        return None
    box = zone_of(footer if footer is not None else page_footer(number, words, lines))
    if box is None or (not reads_crops(engine) and own_api() is None):
        return None
    h, w = upright.shape[:2]
    box = [box[0], box[1], min(w, box[2]), min(h, box[3])]
    if box[2] - box[0] < 8 or box[3] - box[1] < 8:
        return None
    out: dict[str, Any] = {"box": box}
    for way, img, scale, at in (("read", read_image(prep, box), prep.scale, prep.dpi), ("scan", upright, 1.0, dpi)):
        x0, y0, x1, y1 = (int(v * scale) for v in box)
        out[way] = unicodedata.normalize("NFC", read_crop(img[y0:y1, x0:x1].copy(), at, PSM, False, engine)).strip()
    return out


def zone_name(text: str) -> tuple[str, str] | None:
    """The last line of the space's ``text`` that ends in a name (the signer's comes last, under the strokes): the
    name, the line whole or its longest tail after a token with no letter (a signature's stroke read before it on its
    line: HH371 speckle-23's ``Ặy ._ A Pơng :``; not ``Thị Pem`` of typewriter-10's ``cầm Thị Pem``, a name whose
    first letter was read small), with the line as read; None without one."""
    for line in reversed(text.splitlines()):
        words = _APART.sub(r"\1", line).split()
        for i in range(len(words)):
            if i and any(c.isalpha() for c in words[i - 1]):
                continue
            name = unglue(trim_noise(" ".join(words[i:])))
            if is_name(name) and _name_cased(name):
                return name, line.strip()
    return None


def _name_cased(name: str) -> bool:
    """Whether ``name`` is written as a signer's name is, in title case or all in capitals, not a recipient's unit
    (``Lưu VT``: a word in capitals after one that is not)."""
    return name.isupper() or not any(w.isupper() and len(w) > 1 for w in name.split())


def zone_signer(footer: Footer | None, pages: Sequence[PageText]) -> Field | None:
    """The signer read from the space under ``footer``'s position, when the page stage read that very space on the
    block's page (its box is the one the block gives) and a line of it is a name: flagged (module docstring)."""
    box = zone_of(footer)
    if footer is None or box is None:
        return None
    last = (footer.positions or [footer.authority[1] if footer.authority else None])[-1]
    page = next((p for p in pages if last is not None and p.number == last.page), None)
    got = page.name_zone if page is not None else None
    if not got or not _same_place(got.get("box"), box):
        return None
    found = zone_name(got.get("read") or "") or zone_name(got.get("scan") or "")
    if found is None:
        return None
    bx = got["box"]
    return Field(found[0], CONFIDENCE, last.page, (bx[0], bx[1], bx[2], bx[3]), found[1], review=REASON)


def _same_place(kept: Sequence[int] | None, box: Sequence[int], slack: int = 4) -> bool:
    """Whether the space kept on the page is the one this block gives (its right edge may be cut at the page's)."""
    return kept is not None and len(kept) == 4 and all(abs(a - b) <= slack for a, b in zip(kept[:2], box[:2],
                                                                                            strict=True))

