"""Is a page typewritten? Told from the page itself by its fixed pitch: a typewriter moves the carriage the
same step for every character and every space, so along a typed line the ink repeats at that step, where
a printed line's letters are as wide as their shapes.

Why it matters: on typewritten pages the words are lost to letters struck lightly beside dark ones and to
worn letters (bench/RESULTS.md, "Speckled and typewritten pages: where the words go"), and evening the
strikes out helps them, but done to every faint page it cost clean low-contrast prints and tables words
(ibid.). Told apart, the typed pages gained words but lost fields: the header's bold capitals and the
date line, evened out and thickened, read with letters split or merged. :func:`typed_body` says where a typed
page's body lies (below the header and the date, above the signature block), so only its lines are restored
(:class:`archivist.restore.Recipe`; bench/RESULTS.md, "Typewritten pages, header kept").
"""

from __future__ import annotations

import cv2
import numpy as np

MM = 25.4
#: Character pitches looked for, in mm: elite (12 characters an inch, 2.12 mm), pica (10 an inch, 2.54 mm)
#: and the wider pitch of a 13-14 pt monospaced face (2.75-2.96 mm), with room for a scan's scale.
PITCH_MM = (2.0, 3.3)
#: A band of rows with ink is a line of text if it is this high (mm): a 10-12 pt line with its marks.
LINE_MM = (1.5, 8.0)
#: Lines shorter than this many of the longest pitch say nothing about a pitch.
MIN_LINE_PITCHES = 12
#: From this :func:`pitch_score` a page is typewritten (bench/RESULTS.md, "Typewritten pages told apart").
TYPED = 0.22


#: A line of the body: at least this share of the page's widest line across ...
BODY_SPAN = 0.8
#: ... and no white wider than this (mm) along it: the header's issuer and motto, side by side, leave 19-38 mm
#: between them, the signature block's columns 36-83 mm; justified typed lines 3-7.6 mm (HG40-42).
BODY_GAP_MM = 10.0
#: A line after the body's last full line still belongs to it (a paragraph's last words, ``./.``) when it starts
#: within this (mm) of the body's left edge (an indent is 10 mm) and is not split either.
BODY_INDENT_MM = 15.0


#: A line whose strokes are this many times the page's own (median over the ridges of its ink) or wider is bold.
#: HG42's typed pages: body lines 0.7-1.05, the issuer's, the title's, the signer's lines 1.35-1.5.
BOLD = 1.25


def ink_rows(flat: np.ndarray) -> np.ndarray:
    """What Otsu puts on the dark side (a bilevel page's black too), in every other row: a line is 20 rows
    or more at 150 dpi, and half the rows are half the work."""
    cut, _ = cv2.threshold(flat[::4, ::4], 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return (flat[::2] <= cut).astype(np.uint8)


def line_bands(ink: np.ndarray, dpi: float) -> list[tuple[int, int]]:
    """The bands of rows holding a line of text: runs of rows with ink, as high as :data:`LINE_MM` says."""
    rows = cv2.reduce(ink, 1, cv2.REDUCE_SUM, dtype=cv2.CV_32S).ravel()
    on = rows > max(2, ink.shape[1] // 400)
    edges = np.flatnonzero(np.diff(np.concatenate(([0], on.view(np.int8), [0]))))
    lo, hi = (m * dpi / MM for m in LINE_MM)
    return [(int(a), int(b)) for a, b in zip(edges[::2], edges[1::2], strict=True) if lo <= b - a <= hi]


def pitch_score(flat: np.ndarray, dpi: float) -> tuple[float, float]:
    """How strongly the gaps between the letters of the page's lines repeat at one character pitch, and
    that pitch in mm.

    Along each line the columns without ink (the gaps between letters and words) make a 0/1 signal; the
    lines' autocorrelations of it are summed and normalised by their value at lag 0. Typed letters sit in
    cells of one width, so the gaps between them fall a pitch P apart: the sum peaks at P and 2P with a dip
    between, at 1.5P. The score is the largest ``(ac(P) + ac(2P)) / 2 - ac(1.5P)`` over the pitches of
    :data:`PITCH_MM`; a printed line's gaps fall where its letters' widths put them, and its score is near 0.
    (Not the ink per column itself: its autocorrelation peaks at the stems' spacing, in print too.) Ink is
    what is at or under the page's Otsu cut, in every other row (a line is 20 rows or more at 150 dpi).
    A few milliseconds a page (bench/RESULTS.md, "Typewritten pages told apart")."""
    return _pitch(ink_rows(flat), dpi)


def _pitch(ink: np.ndarray, dpi: float) -> tuple[float, float]:
    """:func:`pitch_score` on the page's :func:`ink_rows`."""
    step = 2 if dpi >= 250 else 1  # columns summed in pairs over 250 dpi: a pitch is still 12 of them or more
    dpi_x = dpi / step
    lo, hi = (m * dpi_x / MM for m in PITCH_MM)
    gaps = []
    for a, b in line_bands(ink, dpi / 2):
        col = cv2.reduce(ink[a:b], 0, cv2.REDUCE_SUM, dtype=cv2.CV_32S).ravel()
        if step > 1:
            col = col[:len(col) // step * step].reshape(-1, step).sum(axis=1)
        xs = np.flatnonzero(col)
        if xs.size and xs[-1] - xs[0] >= MIN_LINE_PITCHES * hi:
            gaps.append((col[xs[0]:xs[-1] + 1] == 0).astype(np.float32))
    if not gaps:
        return 0.0, 0.0
    reach = int(2 * hi) + 2  # the lags wanted: zeros after each line as long keep them from wrapping round
    n = 1 << int(np.ceil(np.log2(max(len(g) for g in gaps) + reach)))
    stack = np.zeros((len(gaps), n), np.float32)
    for i, g in enumerate(gaps):
        stack[i, :len(g)] = g - g.mean()
    spectrum = np.fft.rfft(stack, axis=1)
    ac = np.fft.irfft((spectrum * spectrum.conj()).real.sum(axis=0), n)[:reach]
    if ac[0] <= 0:
        return 0.0, 0.0
    ac = ac / ac[0]
    pitches = np.arange(lo, hi, 0.25)
    lags = np.arange(len(ac), dtype=np.float64)
    score = (np.interp(pitches, lags, ac) + np.interp(2 * pitches, lags, ac)) / 2 - np.interp(1.5 * pitches, lags, ac)
    k = int(np.argmax(score))
    return float(score[k]), float(pitches[k] * MM / dpi_x)


def typewritten(flat: np.ndarray, dpi: float) -> bool:
    """Whether the page is typed at a fixed pitch (:func:`pitch_score` at least :data:`TYPED`)."""
    return pitch_score(flat, dpi)[0] >= TYPED


def body_rows(ink: np.ndarray, dpi: float) -> tuple[int, int] | None:
    """The rows of the page's body (of ``ink``, :func:`ink_rows` of a page at ``dpi``: every other row), from the
    middle of the white above its first line to the middle of the white under its last; None when it has none.

    A full line reaches across :data:`BODY_SPAN` of the page's widest line with no white wider than
    :data:`BODY_GAP_MM` along it. The body starts at the first full line from which the lines down to the next
    full one all start at its left edge or an indent from it (:data:`BODY_INDENT_MM`), unsplit: the header's first line
    can be as wide and as tight (issuer and motto 6.5 mm apart on HG40) but the line under it is split, and a
    date line beside the number is full but the centred title follows it. The body ends at the page's last full
    line and the lines after it that start at the body's left edge unsplit (the last paragraph's end; not the
    signature block's columns). What lies between is the body, whatever it holds (a centred ``QUYẾT ĐỊNH:``,
    a list, a seal's ring beside a line)."""
    mm = dpi / MM  # across; down, ink's rows are every other row
    lines = []
    for a, b in line_bands(ink, dpi / 2):
        xs = np.flatnonzero(cv2.reduce(ink[a:b], 0, cv2.REDUCE_MAX).ravel())
        lines.append((a, b, int(xs[0]), int(xs[-1]), int(np.diff(xs).max(initial=0)) > BODY_GAP_MM * mm))
    if len(lines) < 2:
        return None
    wide = max(x1 - x0 for _, _, x0, x1, _ in lines)
    full = [x1 - x0 >= BODY_SPAN * wide and not split for _, _, x0, x1, split in lines]
    indent = BODY_INDENT_MM * mm

    def opens_body(i: int) -> bool:
        for line, is_full in zip(lines[i + 1:], full[i + 1:], strict=True):
            if line[2] > lines[i][2] + indent or line[4]:
                return False
            if is_full:
                return True
        return False

    first = next((i for i in range(len(lines)) if full[i] and opens_body(i)), None)
    if first is None:
        return None
    last = max(i for i in range(first, len(lines)) if full[i])
    left = min(lines[i][2] for i in range(first, last + 1) if full[i])
    while last + 1 < len(lines) and lines[last + 1][2] <= left + indent and not lines[last + 1][4]:
        last += 1
    top = (lines[first - 1][1] + lines[first][0]) // 2 if first else 0
    bottom = (lines[last][1] + lines[last + 1][0]) // 2 if last + 1 < len(lines) else ink.shape[0]
    return top, bottom


def typed_body(flat: np.ndarray, dpi: float, where: str = "body") -> tuple[int, int] | None:
    """The rows of ``flat`` holding a typewritten page's body (:func:`body_rows`), None when the page is not
    typed (:func:`typewritten`) or shows no body. ``where``: "body", "below header" (from the body's top to the
    page's foot: the signature block and the recipients too) or the whole "page". One ink image for the
    detector and the body (a few milliseconds a page)."""
    ink = ink_rows(flat)
    if _pitch(ink, dpi)[0] < TYPED:
        return None
    if where == "page":
        return 0, flat.shape[0]
    rows = body_rows(ink, dpi)
    if rows is None:
        return None
    return 2 * rows[0], flat.shape[0] if where == "below header" else min(flat.shape[0], 2 * rows[1])


def bold_lines(flat: np.ndarray, dpi: float, top: int, bottom: int) -> list[tuple[int, int]]:
    """The rows of the lines between ``top`` and ``bottom`` typed in bold (:data:`BOLD`: their strokes' median
    width against the page's), a quarter of a millimetre over and under. Bold capitals are wide already:
    evened out and thickened, their letters merge or split (the issuer's ``XÃ KTIM SƠN``, a signer's ``Lầu``
    for ``Lâm``; bench/RESULTS.md, "Typewritten pages told apart")."""
    _, ink = cv2.threshold(flat, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    dt = cv2.distanceTransform(ink, cv2.DIST_L2, 3)
    ridge = (dt > 0) & (dt >= cv2.dilate(dt, np.ones((3, 3), np.uint8)))
    if not ridge.any():
        return []
    page = float(np.median(dt[ridge]))
    pad = max(2, round(0.25 * dpi / MM))  # the rows a thickening grows into, over and under the line's ink
    out = []
    for a, b in line_bands(ink[top:bottom:2], dpi / 2):
        a, b = top + 2 * a, top + 2 * b
        widths = dt[a:b][ridge[a:b]]
        if widths.size and np.median(widths) >= BOLD * page:
            out.append((max(top, a - pad), min(bottom, b + pad)))
    return out


def even_strikes(im: np.ndarray, dpi: float, cell_mm: float = 1.2, floor: float = 60.0) -> np.ndarray:
    """Every typed character as dark as the darkest near it: the ink's darkness divided by the largest
    darkness within ``cell_mm`` (about a stroke and its gap), so a letter the key struck lightly (HG40/41: an
    ``n`` read as ``:``) comes out as dark as its neighbours; where nothing near is darker than ``floor``
    (paper, grain) nothing changes. Meant for typewritten pages (:func:`typewritten`): on every faint
    page it cost clean low-contrast prints and tables words (bench/RESULTS.md, "Speckled and typewritten
    pages"); on the typed pages alone it gains words but not fields (:class:`archivist.restore.Recipe`)."""
    dark = 255.0 - im.astype(np.float32)
    k = max(3, int(cell_mm * dpi / MM) // 2 * 2 + 1)
    top = cv2.dilate(dark, np.ones((k, k), np.uint8))
    out = np.where(top > floor, dark * 255.0 / np.maximum(top, 1.0), dark)
    return (255.0 - np.clip(out, 0, 255)).astype(np.uint8)
