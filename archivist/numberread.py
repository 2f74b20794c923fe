"""The number's box read a second time, two other ways, as a review flag (issue 14 item 9).

Why: the wrong numbers most often stored unflagged are a typed or faded digit misread at full confidence (``78``
for ``76``): the box fits its text, the engine has no rival, the number is not written twice, so nothing the record
holds tells. Only the pixels can. Read again as one line of digits on the image the OCR read (psm 7, digits and
``/:`` only) and as one word on the upright scan (psm 8), a wrong number was read otherwise by both on 16 of 21
wrong numbers, a right one on 1 of 613 (bench/RESULTS.md, "A second reading of the number (session 28)"): each
way alone disagrees on 1-6% of right numbers, the two rarely err alike. That pair and its comparison are used
here as measured, untuned.

The page stage has the images, the document stage knows the number: :func:`read_number` (page stage) finds the
number the header of the page would give (:func:`archivist.layout.parse_header` on the page's own lines, the
piece extract takes when the page is a document's first) and keeps its box with the two readings and its digits
compared with the page's own (:mod:`archivist.digitglyphs`); :func:`flag_reread` (extract) flags the number when
both readings give digits and neither is the stored number's, or when a digit of it looks like another digit of
the page. The value is never changed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from . import digitglyphs
from .fields import Field
from .layout import Header, parse_header
from .numberbox import doubt_number
from .numsym import format_number_symbol, parse_number_symbol
from .ocrtext import Line, PageText, page_lines

if TYPE_CHECKING:  # numpy and OpenCV only where the page stage runs: the document stage (extract) writes without
    import numpy as np  # them (tests/test_fixed_costs.py)

#: The part of the box's height added on every side of the crop (a box is the ink's; Tesseract wants paper round
#: it), and the white border added round the crop (pixels), as numbers38 measured them.
MARGIN = 0.3
BORDER = 10
#: The characters of the digits-only reading.
DIGITS = "0123456789/:"

_API: Any = None


def _api() -> Any:
    """A Tesseract (vie, LSTM) of its own for the crops, where the page's engine has none to lend
    (``TesseractCliEngine``); its mode and whitelist set per reading. None where tesserocr is not installed (then
    nothing is read again). The page's in-process engine reads the crops itself (:func:`reads_crops`)."""
    global _API
    if _API is None:
        try:
            import tesserocr

            from .tessdata import tessdata_dir

            _API = tesserocr.PyTessBaseAPI(path=tessdata_dir(), lang="vie", oem=tesserocr.OEM.LSTM_ONLY)
        except Exception:  # noqa: BLE001 - no second reading is no failure of the page
            _API = False
    return _API or None


def preload() -> None:
    """Load a model of its own in the fork server (archivist/warm.py), so the workers forked from it share it:
    for a page engine that cannot read the crops itself."""
    _api()


def reads_crops(engine: Any) -> bool:
    """Whether ``engine`` reads the crops on its own model (:meth:`archivist.ocr.TesserocrEngine.read_alone`)."""
    return callable(getattr(engine, "read_alone", None))


def number_of(text: str) -> str:
    """The number a reading gives: the digits right before the first ``/``, else the last run of digits."""
    m = re.search(r"(\d+)\s*/", text)
    if m:
        return m.group(1)
    runs = re.findall(r"\d+", text)
    return runs[-1] if runs else ""


def crop_box(img: np.ndarray, bbox: Sequence[int], scale: float) -> np.ndarray:
    """The box (page pixels) with MARGIN of its height round it, from ``img`` (``scale`` image pixels a page's)."""
    import numpy as np

    x0, y0, x1, y1 = bbox
    pad = MARGIN * (y1 - y0)
    h, w = img.shape[:2]
    a, b = max(0, int((x0 - pad) * scale)), max(0, int((y0 - pad) * scale))
    c, d = min(w, int((x1 + pad) * scale) + 1), min(h, int((y1 + pad) * scale) + 1)
    return np.ascontiguousarray(img[b:d, a:c])


def read_crop(crop: np.ndarray, dpi: float, psm: int, digits: bool, engine: Any = None, scale: float = 1.0) -> str:
    """Tesseract's text of one crop (a white border added), in page segmentation mode ``psm``: read by the page's
    ``engine`` with Tesseract's own settings where it can (:func:`reads_crops`), else by a Tesseract of its own.
    ``scale``: the bordered crop enlarged so much first (cubic), its resolution with it (the signer's name read at
    1.5 read a typed name's letters the page's reading lost: :mod:`archivist.nameread`)."""
    import cv2

    if not crop.size:
        return ""
    img = cv2.copyMakeBorder(crop, BORDER, BORDER, BORDER, BORDER, cv2.BORDER_CONSTANT, value=255)
    if scale != 1.0:
        img, dpi = cv2.resize(img, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC), dpi * scale
    if reads_crops(engine):
        return engine.read_alone(img, dpi, psm, DIGITS if digits else "")
    api = _api()
    if api is None:
        return ""
    from PIL import Image

    api.SetPageSegMode(psm)
    api.SetVariable("tessedit_char_whitelist", DIGITS if digits else "")
    api.SetImage(Image.fromarray(img))
    api.SetSourceResolution(int(round(dpi)))
    return api.GetUTF8Text().strip()


def read_image(prep: Any, box: Sequence[int]) -> np.ndarray:
    """The image the OCR read the box (page pixels) on (``prep``: :class:`archivist.restore.Prepared`): the restored
    image, or ``plain`` for a typed page's rows outside its restored body."""
    top, bottom = prep.restored
    mid = (box[1] + box[3]) * prep.scale / 2
    return prep.plain if prep.plain is not None and not top <= mid < bottom else prep.image


def page_header(number: int, words: Sequence[Any]) -> tuple[list[Line], Header]:
    """The page's lines and the header they give (:func:`archivist.layout.parse_header`), as extract finds them on a
    document's first page: made once a page for both boxes read again (the number's here, the date's in
    :mod:`archivist.dateread`), each of which parsed them on its own before (about 1.5 ms a page)."""
    lines = page_lines(PageText(number, "", list(words)))
    return lines, parse_header(lines)


def header_number_box(number: int, words: Sequence[Any],
                      header: tuple[list[Line], Header] | None = None) -> list[int] | None:
    """The box of the number/symbol piece the header of this page gives (``words``: the page's words in its
    upright pixels), as extract's field holds it; None when the page's header has none. ``header``: the page's
    :func:`page_header`, when the caller has it."""
    if not words:
        return None
    h = (header or page_header(number, words))[1]
    box = h.number.line.box() if h.number is not None and h.number.number is not None else None
    return [int(v) for v in box] if box else None


def read_number(number: int, words: Sequence[Any], upright: np.ndarray, dpi: float, prep: Any,
                engine: Any = None, header: tuple[list[Line], Header] | None = None) -> dict | None:
    """The header's number box read again: ``read`` on the image the OCR read (``prep``:
    :class:`archivist.restore.Prepared`; a typed page's rows outside its restored body from ``plain``) at psm 7,
    digits only; ``scan`` on the upright page (``upright``, at ``dpi``) at psm 8. None without a number.
    ``engine``: the page's OCR engine, which reads the crops when it can (:func:`read_crop`); ``header``: the
    page's :func:`page_header`, when the caller has it."""
    box = header_number_box(number, words, header)
    if box is None or (not reads_crops(engine) and _api() is None):
        return None
    read = read_crop(crop_box(read_image(prep, box), box, prep.scale), prep.dpi, 7, True, engine)
    scan = read_crop(crop_box(upright, box, 1.0), dpi, 8, False, engine)
    glyphs = digitglyphs.judge(upright, words, box)  # its digits against the page's own (archivist/digitglyphs.py)
    return {"box": box, "read": read, "scan": scan, **({"glyphs": glyphs} if glyphs is not None else {})}


def box_reading(f: Field, pages: Sequence[Any], kept: str = "number_reading") -> dict | None:
    """What the page stage read again of the field ``f``'s box and kept on its page as ``kept`` (the number/symbol's:
    :func:`read_number`; the date's: :func:`archivist.dateread.read_date`), or None when its page read another box
    (another piece was taken for the field) or none."""
    page = next((p for p in pages if p.number == f.page), None)
    got = getattr(page, kept, None) if page is not None else None
    if not got or f.bbox is None or list(got["box"]) != [int(v) for v in f.bbox]:
        return None
    return got


def box_numbers(got: dict) -> list[str]:
    """The numbers the box's two second readings gave, ``read`` then ``scan`` ('' where one gave no digits)."""
    return [number_of(got["read"] or ""), number_of(got["scan"] or "")]


def reread_doubt(got: dict, number: str) -> str | None:
    """Why ``number`` (the stored number, its box read again as ``got``) may be misread: the box, read again two
    ways, gave other digits both times (a reading with no digits is no evidence)."""
    found = box_numbers(got)
    if not all(found) or any(n.lstrip("0") == number.lstrip("0") for n in found):
        return None
    return f"the number's box read again gave {found[0]} and {found[1]}, not {number}"


def glyph_doubts(got: dict, number: str) -> str | None:
    """The first doubt the page's renderings of the digits give about ``number`` (what the page stage kept for its
    box, ``got``): a digit of it looks like another digit (:func:`archivist.digitglyphs.glyph_doubt`), or more like
    the one a second reading gave there (:func:`~archivist.digitglyphs.glyph_reread_doubt`), or a loop digit as much
    like the page's ``0`` (:func:`~archivist.digitglyphs.zero_tie_doubt`), or a digit the page renders nowhere looks
    most like the one a second reading gave there (:func:`~archivist.digitglyphs.unrendered_doubt`), or a loop digit
    leans to the page's ``0`` where a second reading gave another (:func:`~archivist.digitglyphs.zero_reread_doubt`)."""
    judged = got.get("glyphs")
    if not judged:
        return None
    rereads = [n for n in box_numbers(got) if n]
    return (digitglyphs.glyph_doubt(judged, number)
            or digitglyphs.glyph_reread_doubt(judged, number, rereads)
            or digitglyphs.zero_tie_doubt(judged, number)
            or digitglyphs.unrendered_doubt(judged, number, rereads)
            or digitglyphs.zero_reread_doubt(judged, number, rereads))


def slash_digit_doubt(got: dict, number: str, changes: Sequence[str]) -> str | None:
    """Why ``number`` may end on the slash read as a digit: the reading lost the slash after it (``changes``, the
    number/symbol's: ``677 -> 677/: the slash lost``), a second reading of its box (``got``) gives the number
    without its last digit, and that digit looks little like the page's renderings of it (under
    :data:`archivist.digitglyphs.UNLIKE`). A slash read as a ``7`` or a ``4`` leaves as many characters as were
    printed, so no width tells it: HG500 speckle-21-tb-067 stored ``677/TB-UBND`` for ``67/TB-UBND`` (0.822, read
    ``677TB-UBND``, the scan ``67/TB-UBND``, the last ``7`` at 0.222 to the page's). Over the stored runs under
    ``/work/runs`` the three held on two numbers, both wrong; no right one (bench/RESULTS.md, "Flags, the slash
    read as a digit and a lost first letter (session 49)")."""
    if f"{number} -> {number}/: the slash lost" not in changes or len(number) < 2:
        return None
    if number[:-1] not in box_numbers(got):
        return None
    last = next((d for d in digitglyphs.number_digits(got.get("glyphs") or [], number) if d[0] == len(number) - 1),
                None)
    if last is None or last[1] is None or last[1] >= digitglyphs.UNLIKE:
        return None
    return (f"the slash after {number} was lost and its box read again gave {number[:-1]}: the last '{number[-1]}' "
            f"looks little like the page's ({last[1]:.3f}) and may be the slash read as a digit")


def flag_reread(number_symbol: Field, number: Field, pages: Sequence[PageText]) -> None:
    """Flag the number and the number/symbol when both second readings of its box disagree with it, or when the
    page's renderings of the digits doubt one of its digits (:func:`glyph_doubts`), or when its last digit may be
    the slash (:func:`slash_digit_doubt`). The box's reading is looked up once for all of them."""
    got = box_reading(number_symbol, pages)
    if isinstance(number.value, str) and got is not None:
        doubt_number(number_symbol, number, reread_doubt(got, number.value) or glyph_doubts(got, number.value)
                     or slash_digit_doubt(got, number.value, number_symbol.changes))


def symbol_tail_doubt(got: dict, value: str) -> str | None:
    """Why the number/symbol ``value`` may have lost a part at its end: its box read again as one word on the upright
    scan (``got["scan"]``) gives the same number and symbol with one part or more after it. The page's reading can
    end a symbol early where a speck or a faint stroke breaks the last part (HG122 speckle-19 cv-239: the word read
    ``239/UBND-"TP``, the grammar took ``239/UBND`` and dropped the rest, stored at 0.95 unflagged; the scan read
    ``239/UBND-TP``). On seeds 86-122 the scan so lengthened 9 stored numbers, all wrong (8 flagged already), no
    right one (bench/RESULTS.md, "Flags, ninety-sixth round onward (session 36)")."""
    ns = parse_number_symbol(got.get("scan") or "")
    longer = format_number_symbol(ns) if ns is not None else ""
    if not longer.startswith(value + "-"):
        return None
    return f"the number's box read again gave '{longer}': the symbol may go on past '{value}', a part of it lost"


def flag_symbol_tail(number_symbol: Field, symbol: Field, pages: Sequence[PageText]) -> None:
    """Flag the number/symbol and the symbol by :func:`symbol_tail_doubt`, keeping an earlier reason. The value is
    never changed."""
    got = box_reading(number_symbol, pages)
    why = symbol_tail_doubt(got, number_symbol.value) if got is not None and isinstance(number_symbol.value, str) \
        else None
    for f in (number_symbol, symbol) if why else ():
        f.review = f.review or why


def flag_box_reread(f: Field | None, pages: Sequence[Any], kept: str, doubt: Callable[[dict, str], str | None]) -> None:
    """Flag ``f`` (not flagged yet, a text value) with ``doubt(reading, value)`` of what the page stage read again of
    its box and kept on its page as ``kept`` (the date's, the signer's). The value is never changed."""
    if f is None or f.review or not isinstance(f.value, str):
        return
    got = box_reading(f, pages, kept)
    if got is not None:
        f.review = doubt(got, f.value)
