"""A review flag for a subject that stopped at a line centred right under its last line: the subject's own next
line, left out.

Why: a title's subject is centred under the title, one to four lines, each centred on the others; the body under it
runs from margin to margin, and Decree 30 rules a short line between them. A subject stops where a line reads as no
subject (a ``label:``, a sentence's full stop), and a misread word can make one: TW136 typewriter-18-kh-055-quang-phu
read its second line ``Ngày Quốc khánh 02/9 năm 2005`` as ``Ngày Quốc khánh 82/8 :=ắm 2008`` (``:=ắm`` at 26), took
the colon for a label's and stored ``Tổ chức các hoạt động kỷ niệm``, unflagged (bench/RESULTS.md, "Flags,
hundred-and-twenty-ninth round onward (session 41)"). What the page tells is the line's place: centred under the
subject's last line, its left and right ends within a letter's height of that line's or inside them, under it with
no more than a line's height of paper between. The value is flagged, never lengthened: the reviewer reads the line.
"""

from __future__ import annotations

from .ocrtext import Line


def centred_stop_doubt(last: Line, stop: Line | None) -> str | None:
    """Why a subject whose last line is ``last`` may go on in ``stop``, the line it stopped at: ``stop`` stands
    centred right under ``last`` (centres within a letter's height, no wider than ``last`` by more than a letter's
    height a side, at most one line's height of paper between, or half of one overlapping). The caller leaves out
    the lines that open a body or a block (``Căn cứ``, ``Kính gửi``, a heading in capitals), which may stand so
    too."""
    a, b = last.box(), stop.box() if stop is not None else None
    if a is None or b is None or stop is None:
        return None
    tall = a[3] - a[1]
    if not -tall / 2 <= b[1] - a[3] <= tall or abs((a[0] + a[2]) - (b[0] + b[2])) / 2 > tall \
            or a[0] - b[0] > tall or b[2] - a[2] > tall:
        return None
    return (f"the line under it, '{stop.text.strip()}', stands centred under its last line as a subject's next "
            "line does: the subject may go on there")
