"""Is a page typewritten? Told from the page itself by its fixed pitch: a typewriter moves the carriage the
same step for every character and every space, so along a typed line the ink repeats at that step, where
a printed line's letters are as wide as their shapes.

Why it matters: on typewritten pages the words are lost to letters struck lightly beside dark ones and to
worn letters (bench/RESULTS.md, "Speckled and typewritten pages: where the words go"), and evening the
strikes out helps them, but done to every faint page it cost clean low-contrast prints and tables words
(ibid.). Told apart, the typed pages gained words, but not fields, so
:func:`archivist.restore.prepare` does not ask yet (``restore.TYPED_PAGES``); bench/restore_ab.py does.
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
    cut, _ = cv2.threshold(flat[::4, ::4], 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    ink = (flat[::2] <= cut).astype(np.uint8)  # what Otsu puts on the dark side, a bilevel page's black too
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
