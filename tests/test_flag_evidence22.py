"""Review flags, twenty-second round (issue 14 item 9): seed 29's unflagged slips. AT29's list lost its item
``- TT HĐND xã;``, read ``-TTHĐND.g.gC`` at confidence 0 and dropped whole as debris, and the three items kept
were stored at 0.85 with no review: the dropped line held a body's code, so an item stood there."""

from __future__ import annotations

from archivist.fields import Field
from archivist.footer import Footer
from archivist.listflags import dropped_item_doubt, flag_list
from archivist.recipients import read_recipients

from .test_flag_evidence17 import _cell as _line  # one line of page 2: words 30 px apart, 22 px a letter


def _read(texts: list[str]) -> Field:
    """The recipients field as extract() makes it from these lines under ``Nơi nhận:``."""
    lines = [_line(12 + i, t, 279, 1033 + 42 * i) for i, t in enumerate(texts)]
    kept, changes, conf = read_recipients(lines, True, lambda t: t)
    return Field(kept, conf, 2, None, "\n".join(texts), changes=changes)


def test_an_item_dropped_as_debris_that_holds_a_body_code_flags_the_list():
    rec = _read(["- Như trên;", "- TT Đảng ủy xã (b/c);", "-TTHĐND.g.gC", "- Lưu: VT, TP."])
    assert rec.value == ["Như trên", "TT Đảng ủy xã (b/c)", "Lưu: VT, TP"] and rec.confidence == 0.85
    assert dropped_item_doubt(rec.changes) == \
        "'TTHĐND.g.gC' holds 'HĐND' and was dropped: an item of the list was lost"
    flag_list({"recipients": rec}, Footer(2, noi_nhan=True), [])
    assert rec.review and "an item of the list was lost" in rec.review


def test_specks_dropped_from_a_list_say_nothing():
    # right lists of the fit sets: a bare bullet, specks read as capitals (AT28 ``-ÈLÁÄ/``, AT29 ``wMXN``), and
    # a three-capital run that is a code only by chance (``TTH``) are no lost item
    for debris in ("-", "-ÈLÁÄ/", '* ) "`wMXN', "-TTHx.g"):
        rec = _read(["- Như trên;", "- TT HĐND xã;", debris, "- Lưu: VT, TP."])
        assert dropped_item_doubt(rec.changes) is None, debris
        flag_list({"recipients": rec}, Footer(2, noi_nhan=True), [])
        assert rec.review is None, debris


def test_an_item_kept_with_its_code_is_not_lost():
    rec = _read(["- Như trên;", "- TT HĐND xã;", "- Lưu: VT, TP."])
    assert rec.changes == [] or dropped_item_doubt(rec.changes) is None
