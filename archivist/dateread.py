"""The date line's numbers read a second time, digits only, and judged against the page's own digits, as a review
flag (issue 14 item 9).

Why: the wrong dates stored without a flag are typed digits misread at full confidence (HG56 ``2019`` for ``2010``,
HG60 ``2005`` for ``2009``, both 0.928): the year is a real year, the document writes it nowhere else, the engine
had no rival. Only the pixels can tell, as for the number (:mod:`archivist.numberread`, :mod:`archivist.digitglyphs`):
each word of the date holding a digit (day, month, year) is read again on its own, digits only, and its digits are
compared with the page's own renderings of each digit.

The page stage has the images, the document stage knows the date: :func:`read_date` (page stage) finds the date the
page's place-and-date line gives (:func:`archivist.datefield.placedate` on the page's own lines: the line, and so
the box, extract's date field takes when it is the header's or a petition's last line) and keeps, per word with a
digit in that box, its text, box and second readings (:data:`WAYS`), and the glyph scores
(:func:`archivist.digitglyphs.judge`). :func:`flag_date_reread` (extract) flags the date when a word holding a part
of the stored date (its day, month or year) was read otherwise by every second reading (each giving digits), or
when a digit of that part looks like another digit of the page (:func:`archivist.digitglyphs.glyph_doubt`). The
value is never changed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from . import digitglyphs
from .datefield import placedate
from .dates import iso_date
from .faintflags import word_tuples
from .fields import Field
from .layout import DocLayout, parse_header
from .numberread import _api as own_api
from .numberread import crop_box, read_crop, reads_crops
from .ocrtext import PageText, page_lines

if TYPE_CHECKING:  # numpy and OpenCV only where the page stage runs (extract writes without them)
    import numpy as np

#: The second readings of each word, as (name, image, psm): image ``read`` is the one the OCR read, ``scan`` the
#: upright page; every reading is digits (and ``/:``) only (bench/RESULTS.md, "The date's digits read again
#: (session 30)").
WAYS = (("read", "read", 7), ("scan", "scan", 8))
#: whether the glyphs' doubt flags the date (measured with the readings; see the RESULTS subsection)
GLYPHS = True


def date_box(number: int, words: Sequence[Any]) -> list[int] | None:
    """The box of the date this page's place-and-date line gives (``words``: the page's words in its upright
    pixels), as extract's date field holds it when the line is the document's; None when the page has none."""
    if not words:
        return None
    lines = page_lines(PageText(number, "", list(words)))
    pd = placedate(DocLayout([lines], parse_header(lines), None))
    box = pd.line.box(pd.date.start, pd.date.end) if pd is not None and pd.date is not None else None
    return [int(v) for v in box] if box else None


def read_date(number: int, words: Sequence[Any], upright: np.ndarray, dpi: float, prep: Any,
              engine: Any = None) -> dict | None:
    """The date's words read again: per word with a digit in the date's box, its text, box and one reading per
    way of :data:`WAYS` (``read`` from ``prep``, :class:`archivist.restore.Prepared`, as
    :func:`archivist.numberread.read_number` takes it; ``scan`` from ``upright`` at ``dpi``), and the glyphs of
    the box's digits against the page's. None without a date line."""
    box = date_box(number, words)
    if box is None or (not reads_crops(engine) and own_api() is None):
        return None
    inside = digitglyphs.box_words(word_tuples(words), box)
    top, bottom = prep.restored
    read = []
    for text, _, wbox, *_ in inside:
        mid = (wbox[1] + wbox[3]) * prep.scale / 2
        seen = prep.plain if prep.plain is not None and not top <= mid < bottom else prep.image
        images = {"read": (crop_box(seen, wbox, prep.scale), prep.dpi), "scan": (crop_box(upright, wbox, 1.0), dpi)}
        read.append({"text": text, "box": [int(v) for v in wbox],
                     **{name: read_crop(*images[src], psm, True, engine) for name, src, psm in WAYS}})
    glyphs = digitglyphs.judge(upright, words, box)
    return {"box": box, "words": read, **({"glyphs": glyphs} if glyphs is not None else {})}


def date_reading(f: Field, pages: Sequence[Any]) -> dict | None:
    """What the page stage read again of the date field ``f``'s box (:func:`read_date`), or None when its page
    read another box (another line holds the date) or none."""
    page = next((p for p in pages if p.number == f.page), None)
    got = getattr(page, "date_reading", None) if page is not None else None
    if not got or f.bbox is None or list(got["box"]) != [int(v) for v in f.bbox]:
        return None
    return got


def parts(value: str) -> list[str]:
    """The stored date's day, month and year as a record writes them, without leading zeros."""
    d = iso_date(value)
    return [] if d is None else [str(d.day), str(d.month), str(d.year)]


def digits(text: str) -> str:
    """The digits of ``text``, leading zeros dropped (``08`` and ``8`` are one day)."""
    return "".join(re.findall(r"\d", text)).lstrip("0")


def reread_doubt(got: dict, value: str) -> str | None:
    """Why the date ``value`` may be misread: a word of its line writing a part of it (day, month or year) was read
    otherwise by every second reading, each giving digits (``17/8/2019``, one word, against all its digits)."""
    for w in got["words"]:
        if not any(r.lstrip("0") in parts(value) for r in re.findall(r"\d+", w["text"])):
            continue
        found = [digits(w.get(name, "")) for name, *_ in WAYS]
        if all(found) and digits(w["text"]) not in found:
            return f"the date's '{w['text']}' read again gave {' and '.join(found)}"
    return None


def glyph_doubt(got: dict, value: str) -> str | None:
    """Why the date ``value`` may hold a misread digit: a digit of its day, month or year, in a word of its line
    writing it, looks like the page's renderings of another digit (:func:`archivist.digitglyphs.glyph_doubt`)."""
    if not GLYPHS or not got.get("glyphs"):
        return None
    for part in parts(value):
        for w in got["glyphs"]:
            run = next((r for r in re.findall(r"\d+", w["text"]) if r.lstrip("0") == part), None)
            why = digitglyphs.glyph_doubt([w], run) if run else None
            if why:
                return why.replace("the number's", "the date's")
    return None


def flag_date_reread(f: Field | None, pages: Sequence[Any]) -> None:
    """Flag the date when the second readings of a word of its line both read its part otherwise, or a digit of it
    looks like another digit of the page. The value is never changed."""
    if f is None or f.review or not isinstance(f.value, str):
        return
    got = date_reading(f, pages)
    if got is not None:
        f.review = reread_doubt(got, f.value) or glyph_doubt(got, f.value)
