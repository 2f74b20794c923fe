"""The date's year and day read a second time, digits only, as a review flag (issue 14 item 9).

Why: the wrong dates stored without a flag are typed digits misread at full confidence (HG56 ``2019`` for ``2010``,
HG60 ``2005`` for ``2009``, both 0.928): the year is a real year, the document writes it nowhere else, the engine had
no rival. Only the pixels can tell, as for the number (:mod:`archivist.numberread`): the year's word is read again on
its own, digits only, one word (psm 8), on the image the OCR read and on the upright scan. On the fit basis's typed,
faded and speckled first pages (bench/RESULTS.md, "Flags, the date's year read again (session 30, dates30)") both
readings gave another plausible year of as many digits for 13 of 41 wrong dates (both unflagged ones among them) and
for 2 of 431 right ones, once the readings that turn a stored ``0`` into another digit are set aside (a faded or
filled ``0`` read as ``6``, ``8`` or ``9``: ``2010`` read ``2016`` on two faded pages); on the whole fit basis (3,259
dates), with readings of digits alone (``2008:`` is no clean reading), it flags both unflagged wrong dates and one
right date not flagged before. The page's own renderings of the digits (:mod:`archivist.digitglyphs`) were measured
too and flag no unflagged wrong date: not used.

The day (session 34, bench/RESULTS.md "The date's day read again (session 34, dayread34)"): the wrong dates left
unflagged after the year's reading were typed days misread at full confidence (HG100 ``19`` for ``10``, HG86 ``16``
for ``10`` and ``Z8`` for ``28``). The day's word is read again the same two ways on pages restored as typed
(``prep.plain``), and only there: on the 46 check sets of seeds 86-108 the rule (both readings another day of as
many digits, no ``0`` read as another digit; or a day word holding more than digits, ``Z8``, and one reading another
day) flags all three and no right date not flagged before; on every page it would flag 36 right ones (the psm 8
reading of a clear printed ``19``, ``15`` or ``13`` is often ``18``: 29 of 931 on the AT sets). About 3.5 ms CPU a
typed page. On pages restored as faded carbon copies (local contrast, session 35, fadedday35) the day is read too,
and only a loop digit read as another (:func:`loop_swap`) doubts it: HG115's faded ``20`` stored ``29``.

The page stage has the images, the document stage knows the date: :func:`read_date` (page stage) finds the date the
page's place-and-date line gives (:func:`archivist.datefield.placedate` on the page's own lines: the line, and so
the box, extract's date field takes when it is the header's or a petition's last line) and keeps, per word of that
box holding four digits or more (the year) and, on a typed or faded page, of the word writing the line's day (on a
faded or typed page the month's word too, :func:`month_doubt`: HG120's faded ``3`` stored ``5``, HG136's typed
``10`` stored ``12``), its text, box and its two readings (:data:`WAYS`). :func:`flag_date_reread` (extract) flags
the date when the readings of the word writing its year, its day or its month contradict it (:func:`reread_doubt`,
:func:`day_doubt`, :func:`month_doubt`). The value is never changed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from . import digitglyphs
from .datefield import MIN_YEAR, placedate
from .dates import iso_date
from .faintflags import word_tuples
from .fields import Field
from .layout import DocLayout, Header
from .numberread import _api as own_api
from .numberread import crop_box, flag_box_reread, page_header, read_crop, read_image, reads_crops
from .ocrtext import Line

if TYPE_CHECKING:  # numpy and OpenCV only where the page stage runs (extract writes without them)
    import numpy as np

#: The second readings of the year's word, as (name, image, psm): image ``read`` is the one the OCR read, ``scan``
#: the upright page; one word each (psm 8), digits (and ``/:``) only. bench/date_reread.py sets others to measure.
WAYS = (("read", "read", 8), ("scan", "scan", 8))
#: a word of the date is read again when it holds a run of this many digits (the year)
YEAR_DIGITS = 4
#: the step of :func:`archivist.restore.prepare` that marks a page restored as a faded carbon copy (local contrast)
FADED_STEP = "clahe"
#: the mark of the month's word among a faded or typed page's readings (:func:`read_date`, :func:`month_doubt`)
MONTH = "month"


def _date_line(number: int, words: Sequence[Any],
               header: tuple[list[Line], Header] | None) -> tuple[list[int], date] | None:
    """The box and date of this page's place-and-date line (as :func:`date_box`), None when the page has none."""
    if not words:
        return None
    lines, head = header or page_header(number, words)
    pd = placedate(DocLayout([lines], head, None))
    box = pd.line.box(pd.date.start, pd.date.end) if pd is not None and pd.date is not None else None
    return ([int(v) for v in box], pd.date.value) if box and pd is not None and pd.date is not None else None


def date_box(number: int, words: Sequence[Any], header: tuple[list[Line], Header] | None = None) -> list[int] | None:
    """The box of the date this page's place-and-date line gives (``words``: the page's words in its upright
    pixels), as extract's date field holds it when the line is the document's; None when the page has none.
    ``header``: the page's lines and header (:func:`archivist.numberread.page_header`), when the caller has them."""
    line = _date_line(number, words, header)
    return line[0] if line else None


def _runs(text: str) -> list[str]:
    return re.findall(r"\d+", text)


def is_day_word(text: str, day: int) -> bool:
    """Whether the word ``text`` writes the day ``day`` on its own (``ngày 10``, ``Z8``: a digit run of it is the
    day), not in a word holding the year too (``10/3/2010`` is read whole, as the year's word)."""
    runs = _runs(text)
    return str(day) in [r.lstrip("0") for r in runs] and not any(len(r) >= YEAR_DIGITS for r in runs)


def read_date(number: int, words: Sequence[Any], upright: np.ndarray, dpi: float, prep: Any,
              engine: Any = None, header: tuple[list[Line], Header] | None = None) -> dict | None:
    """The date's year and day read again: per word of the date's box holding YEAR_DIGITS digits in a row (the
    year), and on a page restored as typed (``prep.plain``) or as a faded copy (:data:`FADED_STEP`; the reading then
    says ``faded``: :func:`day_doubt` judges it by the loop digits alone) the first word writing the day the line was
    parsed to (:func:`is_day_word`), and the next word writing its month (marked ``part`` :data:`MONTH`; on typed
    pages too since session 40: :func:`typed_month_doubt`), its text, box and one reading per way of :data:`WAYS`
    (``read`` from ``prep``,
    :class:`archivist.restore.Prepared`, as :func:`archivist.numberread.read_number` takes it; ``scan`` from
    ``upright`` at ``dpi``). None without a date line. ``header``: as :func:`date_box` takes it."""
    line = _date_line(number, words, header)
    if line is None or (not reads_crops(engine) and own_api() is None):
        return None
    box, day = line
    inside = digitglyphs.box_words(word_tuples(words), box)
    typed = prep.plain is not None  # a printed day's psm 8 readings are noise (18 for 19: 30 of 938 AT right dates)
    faded = FADED_STEP in prep.steps
    day_at = next((i for i, w in enumerate(inside) if is_day_word(w[0], day.day)), None) if typed or faded else None
    # the month's word: the word after the day's writing the month (month_doubt, typed_month_doubt)
    month_at = next((i for i, w in enumerate(inside) if i > day_at and is_day_word(w[0], day.month)), None) \
        if day_at is not None else None
    inside = [(w, i == month_at) for i, w in enumerate(inside)
              if i in (day_at, month_at) or any(len(r) >= YEAR_DIGITS for r in _runs(w[0]))]
    read = []
    for (text, _, wbox, *_), month in inside:
        images = {"read": (crop_box(read_image(prep, wbox), wbox, prep.scale), prep.dpi),
                  "scan": (crop_box(upright, wbox, 1.0), dpi)}
        read.append({"text": text, "box": [int(v) for v in wbox], **({"part": MONTH} if month else {}),
                     **{name: read_crop(*images[src], psm, True, engine) for name, src, psm in WAYS}})
    return {"box": box, "words": read, **({"faded": True} if faded and not typed else {})}


def digits(text: str) -> str:
    """The digits of ``text``, leading zeros dropped (``08`` and ``8`` are one day)."""
    return "".join(re.findall(r"\d", text)).lstrip("0")


def contradicts(own: str, found: str, year: bool) -> bool:
    """Whether a reading's digits ``found`` contradict the word's ``own``: other digits, as many (a digit read
    otherwise, not one lost or gained), a year from MIN_YEAR to next year when the word is the year alone
    (``year``), and no ``0`` of the word read as another digit (a faded or filled ``0`` reads ``6``, ``8``, ``9``)."""
    if not found or len(found) != len(own) or found == own:
        return False
    if year and not MIN_YEAR <= int(found) <= date.today().year + 1:
        return False
    return not any(a == "0" and b != "0" for a, b in zip(own, found, strict=True))


def _clean(texts: Sequence[str]) -> list[str]:
    """Each reading's digits, or "" where it read anything but digits (``2008:``: a mark of the crop taken in)."""
    return [digits(t) if t.isdigit() else "" for t in texts]


def reread_doubt(got: dict, value: str) -> str | None:
    """Why the date ``value`` may be misread: the word of its line writing its year (``17/8/2019`` in one word:
    all its digits) was read otherwise by every second reading (:func:`contradicts`), each reading digits and
    nothing else (a ``:`` or ``/`` read with them is a mark of the crop taken in: no clean reading); or the word
    writing its day was (:func:`day_doubt`)."""
    d = iso_date(value)
    if d is None:
        return None
    for w in got["words"]:
        if str(d.year) not in re.findall(r"\d+", w["text"]):
            continue
        own = digits(w["text"])
        found = _clean([w.get(name, "").strip() for name, *_ in WAYS])
        if all(contradicts(own, f, own == str(d.year)) for f in found):
            return f"the date's '{w['text']}' read again gave {' and '.join(found)}"
    return day_doubt(got, d.day) or month_doubt(got, d.month)


def day_doubt(got: dict, day: int) -> str | None:
    """Why the stored ``day`` may be misread (bench/RESULTS.md, "The date's day read again (session 34,
    dayread34)"): both second readings of the word writing it give another day of as many digits, no ``0`` of it
    read as another digit (:func:`contradicts`: a typed ``10`` read ``19`` at 0.85, both readings ``18``); or the
    word holds more than its digits (``Z8``: the OCR made a letter of the day's ``2`` and stored ``8``) and one
    reading gives another day (``28``); or both readings give days and one gives a loop digit of it as another
    (:func:`loop_swap`). A reading of no day (0, over 31) is no evidence. On a faded copy's page (``got["faded"]``)
    only the loop digits count (bench/RESULTS.md, "The date's day read again on faded pages (session 35,
    fadedday35)"): there both readings giving another day flagged two right days of 134 (``23`` read ``28`` twice,
    ``24`` read ``22`` twice) and no wrong day left unflagged; the loop digits flagged HG115's ``29`` for ``20`` and
    no right day."""
    w = next((w for w in got["words"] if is_day_word(w["text"], day) and w.get("part") != MONTH), None)
    if w is None:
        return None
    own, found = str(day), _clean([w.get(name, "").strip() for name, *_ in WAYS])
    days = [f for f in found if f and 1 <= int(f) <= 31]
    said = " and ".join(f or "no clean digits" for f in found)
    if not got.get("faded"):
        if len(days) == len(found) and all(contradicts(own, f, False) for f in days):
            return f"the date's day '{w['text']}' read again gave {said}"
        if not w["text"].isdigit() and any(f != own for f in days):
            return f"the date's day '{w['text']}' holds more than digits and read again gave {said}"
    for f in days if len(days) == len(found) else ():
        at = loop_swap(own, f)
        if at is not None:
            return (f"the date's day '{w['text']}' read again gave {said}: its '{own[at]}' read '{f[at]}', and a 0 "
                    "and the loop digits are read as each other")
    return None


def month_doubt(got: dict, month: int) -> str | None:
    """Why the stored ``month`` of a faded copy's date may be misread: both second readings of the word writing it
    (kept on faded and typed pages, ``part`` :data:`MONTH`) give another month of as many digits, digits alone, no
    ``0`` of it read as another digit (:func:`contradicts`) and none an ``8`` (:func:`_read_eight`). HG120's faded ``3``
    read ``5`` at 0.955, no rival, stored ``2010-05-19`` unflagged: read again ``3`` and ``3``. A faded single-digit
    month's psm 8 readings are often empty or ``8``, so one reading is no evidence; measured on the faded documents
    of seeds 86-124 and 127-128 (bench/RESULTS.md, "Faded pages, again (session 37)"). A typed page's month (no
    ``faded``) is judged by :func:`typed_month_doubt`."""
    w = next((w for w in got["words"] if w.get("part") == MONTH and is_day_word(w["text"], month)), None)
    if w is None:
        return None
    own, found = str(month), _clean([w.get(name, "").strip() for name, *_ in WAYS])
    if not got.get("faded"):
        return typed_month_doubt(w["text"], own, found)
    if all(f and 1 <= int(f) <= 12 and contradicts(own, f, False) and not _read_eight(own, f) for f in found):
        return f"the date's month '{w['text']}' read again gave {' and '.join(found)}"
    return None


def typed_month_doubt(text: str, own: str, found: Sequence[str]) -> str | None:
    """Why a typed page's two-digit month ``own`` (its word ``text``) may be misread: both second readings of its
    word (``found``, digits alone) give the same other digits, as many, no ``0`` of it read as another
    (:func:`contradicts`). HG136 typewriter-08-kh-250: a typed ``10`` read ``12`` at 95, no rival, stored
    ``2005-12-25`` unflagged; its word read again alone gave ``18`` twice (the typed ``0``, its inner dot, reads as
    an ``8``: :mod:`archivist.typedread`). Not a one-digit month: psm 8 on one small typed glyph is noise (a right
    ``1`` read ``4`` twice, a ``6`` read ``68``; bench/RESULTS.md, "Flags, hundred-and-sixteenth round onward
    (session 40)"); two readings that differ from each other are none either (a right ``10`` read ``46`` and ``16``),
    nor a ``1`` read ``4`` (psm 8 reads the typed ``1``, flag and foot, as ``4``: right ``11`` s read ``44`` and
    ``4``, ``44`` and ``57`` on TW135)."""
    if len(own) != 2 or len(found) < 2 or len(set(found)) != 1 or not contradicts(own, found[0], False) \
            or any(a == "1" and b == "4" for a, b in zip(own, found[0], strict=True)):
        return None
    return f"the date's month '{text}' read again gave {' and '.join(found)}"


def _read_eight(own: str, found: str) -> bool:
    """Whether ``found`` gives an ``8`` where ``own`` has another digit: psm 8 reads a faded glyph's blur as ``8``
    (a right month's ``5``, ``7`` and ``9`` read ``8`` on seeds 86-95), no evidence the stored digit is wrong."""
    return any(b == "8" and a != "8" for a, b in zip(own, found, strict=False))


#: the digits a stored loop digit of a day may be read again as, a sign it is no clear glyph (:func:`loop_swap`)
LOOP_READS = digitglyphs.ZERO_READS | {"0"}


def loop_swap(own: str, found: str) -> int | None:
    """Where the reading ``found`` of a day differs from the stored ``own``, when in one digit only, a ``6``, ``8`` or
    ``9`` stored (:data:`archivist.digitglyphs.ZERO_READS`) read as another of them or ``0``; None otherwise. A typed
    ``0``, faded or filled, and the loop digits are the glyphs the engine reads as each other: a day whose loop digit
    a second reading gives as another is no sure reading of either (HG113 typewriter-09 kh-008, printed ``20``: the
    OCR's ``26`` at 0.853, read again ``28`` and ``26``; bench/RESULTS.md, "Flags, ninetieth round onward (session
    35)"). One of the two readings suffices, both giving a day. Caveat: psm 8 reads a clear printed ``19`` as ``18``
    often, which this would doubt; the day is read again on pages restored as typed or as faded copies only: on
    session 34's bench (87 typed days of seeds 86-108) it held for 3 days, all wrong and flagged already, on the 155
    faded dates of seeds 86-116 for 5, all wrong (3 of them for a wrong year, their day right); a right ``9`` read
    ``8`` once and nothing the other time is not doubted (both readings must give a day)."""
    if len(found) != len(own):
        return None
    diff = [i for i, (a, b) in enumerate(zip(own, found, strict=True)) if a != b]
    if len(diff) == 1 and own[diff[0]] in digitglyphs.ZERO_READS and found[diff[0]] in LOOP_READS:
        return diff[0]
    return None


#: a typed page's month word read under this word confidence (0-100) and not given again by a second reading is no
#: sure reading (:func:`weak_month_doubt`)
WEAK_MONTH = 75.0


def weak_month_doubt(got: dict, value: str, confs: dict[tuple[int, ...], float]) -> str | None:
    """Why a typed page's stored month may be misread: the engine read its word under :data:`WEAK_MONTH` (``confs``:
    the page's word confidences by box) and neither second reading gives the month. Seed 336's typed ``3`` read
    ``4`` at 67 with no rival, both psm 8 readings empty, stored ``2008-04-23`` unflagged (bench/RESULTS.md,
    "Typewritten pages, digits, capitals and symbols in values (session 46)"): :func:`typed_month_doubt` asks both
    readings to give another month, which a single typed glyph seldom yields. On the fit seeds 335-337 every right
    typed month was read at 79 or more. A faded copy's month is left to :func:`month_doubt`."""
    d = iso_date(value)
    w = next((w for w in got["words"] if d is not None and w.get("part") == MONTH and is_day_word(w["text"], d.month)),
             None)
    conf = confs.get(tuple(w["box"])) if w is not None and not got.get("faded") else None
    found = _clean([w.get(name, "").strip() for name, *_ in WAYS]) if w is not None else []
    if d is None or conf is None or conf >= WEAK_MONTH or str(d.month) in found:
        return None
    said = " and ".join(f or "no clean digits" for f in found) if any(found) else "no clean digits"
    return f"the date's month '{w['text']}' was read at {conf:.0f} on a typewritten page and read again gave {said}"


def flag_date_reread(f: Field | None, pages: Sequence[Any]) -> None:
    """Flag the date when the second readings of its year's or day's word contradict it (:func:`reread_doubt`), or
    its typed month was read weakly and not read again (:func:`weak_month_doubt`). The value is never changed."""
    confs = {tuple(int(v) for v in w[2]): float(w[1]) for p in pages if f is not None and p.number == f.page
             for w in p.words or ()}
    flag_box_reread(f, pages, "date_reading",
                    lambda got, value: reread_doubt(got, value) or weak_month_doubt(got, value, confs))
