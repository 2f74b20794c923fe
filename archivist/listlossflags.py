"""Review flags for a recipients list that lost a part the page still shows (sixty-seventh round of issue 14 item 9).

Why: a list that ends with a whole archive copy (``Lưu: VT``) is stored at a flat 0.85, so a list that lost an item
or a code passes unless the page tells. On the fit basis (seeds 22-76 and HG47, bench/RESULTS.md "Flags,
sixty-seventh round (session 31)") two wrong lists were left so, each with its own evidence on the page:

- AT59 29-ctr-227: ``['Như trên', 'Lưu: VT']`` for three items, ``- TT Đảng ủy xã (b/c);`` not read at all. The list
  holds two rows, so :func:`archivist.listrows.row_gap_doubt` (which wants two steps to take a median of) cannot
  judge it, and the first row stands close below ``Nơi nhận:`` (:func:`archivist.listrows.label_gap_doubt` sees
  nothing). The step from the label to the first row is the list's own pitch: the step from the first row to the
  archive copy was 1.9 of it, with no word read between (:func:`two_row_gap_doubt`).
- HG72 speckle-21-kh-010: ``Lưu: VT`` for ``Lưu: VT, TP``, the line read ``- Lưu: VT, +:``. The separator after
  ``VT`` says a code followed; specks read as marks took its place, and the debris rule dropped them, so the
  reading's ``Lưu: VT,`` test (an open end) never saw the comma (:func:`marks_after_copy_doubt`).

Seventy-third round (seeds 22-80, 87-91 and HG47, bench/RESULTS.md "Flags, seventy-third round (session 32)"):

- AT91 29-ct-111-binh-minh: ``['Như trên', 'TT Đảng ủy xã (b/c)', 'Lưu VT, ĐC']`` for four items, the row
  ``- TT HĐND xã;`` read as two engine lines, a bare ``-`` and ``TT HĐND xã`` on the same band, the words taken by
  the signature block as a position. A bare bullet row between items is common and mostly right (the engine
  splits a dash off a row it reads whole elsewhere, or reads a signature's stroke): 273 right lists hold one. What
  tells the lost item is a word of two letters or more on the bare row's own band, in the list's column, that no
  line of the list holds: on the fit basis beside 0 right lists and 7 wrong (:func:`bare_row_doubt`).
  :func:`archivist.listflags.lost_row_word_doubt` judges such words only within a row's box, and a bare dash's box
  is two pixels tall.

Hundred-and-thirty-eighth round (fresh HG231, bench/RESULTS.md "Flags, hundred-and-thirty-eighth round onward
(session 42)"):

- HG231 speckle-20-cv-079-nghia-hung: ``['UBMTTQ VN xã', 'Lưu: VT, TP']`` for three items, the first row ``- Như
  trên;`` read ``'_- Nhưựên;`` (a speck before the bullet, the words at 70): the footer left that line beside the
  list as a stray, so no item held it, and :func:`archivist.lostwords.formula_doubt` (which reads items) never saw
  it. Specks of the seal below the list widened the list's pitch, so
  :func:`archivist.listrows.label_gap_doubt` did not fire either. What tells the lost row is the stray itself: a
  word of letters standing in the list's column between ``Nơi nhận:`` and the list's last row
  (:func:`stray_row_doubt`).
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from typing import Any

from .faintflags import word_tuples
from .fields import Field, open_recipients
from .footer import BULLET, Footer
from .listrows import ROW_GAP, _mid  # the list's own row gap (1.6 steps) and a line's middle, as row_gap_doubt
from .ocrtext import Line

#: the archive copy's line read on after ``VT`` and a separator with marks only (``Lưu: VT, +:``), no letter, digit
#: or closing stop: a code was printed there (``, TP``) and specks took its place
_MARKS_AFTER_COPY = re.compile(r"\bV\w{0,2}\s*[,;]\s*[^\w\s.][^\w]*$")
#: the archive copy kept without a code after ``VT``
_BARE_COPY = re.compile(r"^Lưu:? VT$")
#: a line of no letter or digit (a bullet alone, or with marks: ``-``, ``--``, ``- `)``)
_NO_TEXT = re.compile(r"^[\W_]*$")
#: a stray's word of this many letters or more is text, not a speck (:func:`stray_row_doubt`)
STRAY_LETTERS = 3
_LETTERED = re.compile(rf"[^\W\d_]{{{STRAY_LETTERS},}}")


def _holding(footer: Footer, items: Sequence[str]) -> list[Line]:
    """The list's lines with boxes that hold a word (of two letters or more) of an item: where the list was read."""
    held = {w for item in items for w in item.split() if sum(c.isalpha() for c in w) >= 2}
    return [ln for ln in footer.recipients if ln.box() is not None and held & set(ln.text.split())]


def two_row_gap_doubt(footer: Footer, items: Sequence[str], words: Sequence[Any]) -> str | None:
    """Why the recipients are doubtful: the list holds two rows (of items' words, on the label's page), and the
    second stands :data:`archivist.listrows.ROW_GAP` (1.6) or more times the step from ``Nơi nhận:`` to the
    first below it, with no word of two letters or digits on the page (``words``, as ``(text, conf, box,
    line)``) between: a row was not read."""
    if footer.label is None or (top := _mid(footer.label)) is None:
        return None
    mids = sorted(m for ln in _holding(footer, items) if ln.page == footer.label.page and (m := _mid(ln)) is not None)
    if len(mids) != 2 or (usual := mids[0] - top) <= 0:
        return None
    step = mids[1] - mids[0]
    filled = [(b[1] + b[3]) / 2 for text, _c, b, _ln in word_tuples(words) if len(re.findall(r"[^\W_]", text)) >= 2]
    if step >= ROW_GAP * usual and not any(mids[0] + usual / 2 < y < mids[1] - usual / 2 for y in filled):
        return f"the list's two rows stand {step / usual:.1f} label steps apart: a row between them was lost"
    return None


def marks_after_copy_doubt(source: str, items: Sequence[str]) -> str | None:
    """Why the recipients are doubtful: the archive copy is kept bare (``Lưu: VT``) while its line as read
    (``source``'s last line) goes on after ``VT`` with a separator and marks only (``Lưu: VT, +:``): a unit's code
    was printed after the separator and read as specks."""
    lines = source.strip().splitlines()
    if not items or not lines or not _BARE_COPY.match(items[-1]) or not _MARKS_AFTER_COPY.search(lines[-1].strip()):
        return None
    return f"'{lines[-1].strip()}' goes on after its separator with marks only: a unit's code was lost"


def bare_row_doubt(footer: Footer, items: Sequence[str], words: Sequence[Any]) -> str | None:
    """Why the recipients are doubtful: a bullet read bare (no letter or digit) stands between lines holding items,
    in the list's column, and a word of two letters or more (``words``: the list's page's, as ``(text, conf, box,
    line)``) stands on its band (its middle within half the item lines' usual height), right of the bullet and
    inside the list's width, while no line of the list holds it: the row's item was read as a line of its own and
    taken elsewhere (a position, a stray)."""
    holding = _holding(footer, items)
    if not holding:
        return None
    page = holding[0].page
    boxes = [ln.box() for ln in holding if ln.page == page]
    left, right = min(b[0] for b in boxes), max(b[2] for b in boxes)
    top, bottom = min((b[1] + b[3]) / 2 for b in boxes), max((b[1] + b[3]) / 2 for b in boxes)
    half = statistics.median(b[3] - b[1] for b in boxes) / 2
    held = {tuple(s[2]) for ln in footer.recipients for s in ln.spans}
    found = [w for w in word_tuples(words) if tuple(w[2]) not in held and len(re.findall(r"[^\W\d_]", w[0])) >= 2]
    for ln in footer.recipients:
        if ln.page != page or (b := ln.box()) is None or not (BULLET.match(ln.text) and _NO_TEXT.match(ln.text)):
            continue
        mid = (b[1] + b[3]) / 2
        if b[0] >= right or not top < mid < bottom:
            continue
        for text, _conf, box, _line in found:
            if box[0] > b[2] and box[0] >= left and box[2] <= right and abs((box[1] + box[3]) / 2 - mid) <= half:
                return f"the list's row '{ln.text}' was read bare while '{text}' stands on it: an item was lost"
    return None


def stray_row_doubt(footer: Footer, items: Sequence[str]) -> str | None:
    """Why the recipients are doubtful: a stray line (one the footer kept beside the list and in no item) holding a
    word of :data:`STRAY_LETTERS` letters or more stands in the list's column (it starts left of the middle of the
    lines holding items, and overlaps them), its middle below ``Nơi nhận:`` and above the last of those lines, on
    the label's page: a row of the list was read apart and left out."""
    if footer.label is None or (top := _mid(footer.label)) is None:
        return None
    boxes = [b for ln in _holding(footer, items) if ln.page == footer.label.page and (b := ln.box())]
    if not boxes:
        return None
    left, right = min(b[0] for b in boxes), max(b[2] for b in boxes)
    bottom = max((b[1] + b[3]) / 2 for b in boxes)
    for ln in footer.strays:
        b = ln.box()
        if b is None or ln.page != footer.label.page or not _LETTERED.search(ln.text):
            continue
        if b[0] < (left + right) / 2 and b[2] > left and top < (b[1] + b[3]) / 2 < bottom:
            return f"'{ln.text.strip()}' stands in the list's column between its rows and is in no item: a row lost"
    return None


def flag_list_loss(found: dict[str, Field], footer: Footer | None, pages: Sequence[Any]) -> None:
    """Mark the recipients for review when the page shows a part of them lost (``pages``: the document's
    :class:`archivist.ocrtext.PageText`, whose words :func:`two_row_gap_doubt` and :func:`bare_row_doubt` read)."""
    if (got := open_recipients(found)) is None:
        return
    rec, items = got
    rec.review = marks_after_copy_doubt(rec.source_text or "", items)
    if footer is None:
        return
    listed = next((p for p in pages if footer.label and p.number == footer.label.page), None)
    if not rec.review and listed is not None:
        rec.review = two_row_gap_doubt(footer, items, listed.words or [])
    if not rec.review:
        rec.review = stray_row_doubt(footer, items)
    if rec.review or not (held := _holding(footer, items)):
        return
    rows = next((p for p in pages if p.number == held[0].page), None)
    if rows is not None:
        rec.review = bare_row_doubt(footer, items, rows.words or [])
