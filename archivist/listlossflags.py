"""Review flags for a recipients list that lost a part the page still shows (sixty-seventh round of issue 14 item 9).

Why: a list that ends with a whole archive copy (``Lưu: VT``) is stored at a flat 0.85, so a list that lost an item
or a code passes unless the page tells. On the fit basis (seeds 22-76 and HG47, bench/RESULTS.md "Flags,
sixty-seventh round (session 31)") two wrong lists were left so, each with its own evidence on the page:

- AT59 29-ctr-227: ``['Như trên', 'Lưu: VT']`` for three items, ``- TT Đảng ủy xã (b/c);`` not read at all. The list
  holds two rows, so :func:`archivist.listflags.row_gap_doubt` (which wants two steps to take a median of) cannot
  judge it, and the first row stands close below ``Nơi nhận:`` (:func:`archivist.listflags.label_gap_doubt` sees
  nothing). The step from the label to the first row is the list's own pitch: the step from the first row to the
  archive copy was 1.9 of it, with no word read between (:func:`two_row_gap_doubt`).
- HG72 speckle-21-kh-010: ``Lưu: VT`` for ``Lưu: VT, TP``, the line read ``- Lưu: VT, +:``. The separator after
  ``VT`` says a code followed; specks read as marks took its place, and the debris rule dropped them, so the
  reading's ``Lưu: VT,`` test (an open end) never saw the comma (:func:`marks_after_copy_doubt`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from .faintflags import word_tuples
from .fields import Field
from .footer import Footer
from .listflags import ROW_GAP, _mid  # the list's own row gap (1.6 steps) and a line's middle, as row_gap_doubt

#: the archive copy's line read on after ``VT`` and a separator with marks only (``Lưu: VT, +:``), no letter, digit
#: or closing stop: a code was printed there (``, TP``) and specks took its place
_MARKS_AFTER_COPY = re.compile(r"\bV\w{0,2}\s*[,;]\s*[^\w\s.][^\w]*$")
#: the archive copy kept without a code after ``VT``
_BARE_COPY = re.compile(r"^Lưu:? VT$")


def two_row_gap_doubt(footer: Footer, items: Sequence[str], words: Sequence[Any]) -> str | None:
    """Why the recipients are doubtful: the list holds two rows (of items' words, on the label's page), and the
    second stands :data:`archivist.listflags.ROW_GAP` (1.6) or more times the step from ``Nơi nhận:`` to the
    first below it, with no word of two letters or digits on the page (``words``, as ``(text, conf, box,
    line)``) between: a row was not read."""
    if footer.label is None or (top := _mid(footer.label)) is None:
        return None
    held = {w for item in items for w in item.split() if sum(c.isalpha() for c in w) >= 2}
    mids = sorted(m for ln in footer.recipients if ln.page == footer.label.page and held & set(ln.text.split())
                  and (m := _mid(ln)) is not None)
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


def flag_list_loss(found: dict[str, Field], footer: Footer | None, pages: Sequence[Any]) -> None:
    """Mark the recipients for review when the page shows a part of them lost (``pages``: the document's
    :class:`archivist.ocrtext.PageText`, whose words :func:`two_row_gap_doubt` reads)."""
    rec = found.get("recipients")
    if rec is None or rec.review or not isinstance(rec.value, list) or not rec.value:
        return
    items = [v for v in rec.value if isinstance(v, str)]
    rec.review = marks_after_copy_doubt(rec.source_text or "", items)
    listed = next((p for p in pages if footer and footer.label and p.number == footer.label.page), None)
    if not rec.review and footer is not None and listed is not None:
        rec.review = two_row_gap_doubt(footer, items, listed.words or [])
