"""flags116 (session 40, issue 14 item 9): a typed page's two-digit month read again alone, both readings giving the
same other digits. HG136 typewriter-08-kh-250-hoa-binh: the typed ``10`` of ``ngày 25 tháng 10 năm 2005`` was read
``12`` at 95 with no rival and stored ``2005-12-25`` (0.904) unflagged; the month was read again on faded pages only.
Now the page stage keeps the month word's two readings on typed pages too (``part`` ``month``), and its ``12`` read
again alone gave ``18`` twice (the typed ``0`` reads as an ``8``). Extract flags the date; the value is kept
(bench/RESULTS.md, "Flags, hundred-and-sixteenth round onward (session 40)")."""

from __future__ import annotations

from archivist.dateread import MONTH, month_doubt, read_date, reread_doubt, typed_month_doubt
from archivist.ocrtext import PageText
from archivist.restore import Prepared
from tests.test_dateread import draw_date_line
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page

DAY = {"text": "25", "box": [1290, 220, 1318, 250], "read": "25", "scan": ""}
YEAR = {"text": "2005", "box": [1420, 220, 1476, 250], "read": "2005", "scan": "2005:"}


def _got(month: str, read: str, scan: str, box: list[int] | None = None) -> dict:
    """A typed page's date line readings as HG136's record keeps them: the month's word ``month`` read ``read``
    and ``scan``; no ``faded`` mark."""
    word = {"text": month, "box": [1365, 220, 1406, 250], "part": MONTH, "read": read, "scan": scan}
    return {"box": box or [1063, 218, 1602, 251], "words": [DAY, word, YEAR]}


def test_hg136s_typed_month_read_again_twice_otherwise_is_doubted() -> None:
    reason = "the date's month '12' read again gave 18 and 18"
    assert typed_month_doubt("12", "12", ["18", "18"]) == reason
    assert month_doubt(_got("12", "18", "18"), 12) == reason
    assert reread_doubt(_got("12", "18", "18"), "2005-12-25") == reason
    assert month_doubt(_got("11", "12", "12"), 11) == "the date's month '11' read again gave 12 and 12"


def test_typed_month_readings_that_are_no_evidence_leave_it() -> None:
    for month, read, scan in (("12", "12", "12"),  # read as stored
                              ("1", "4", "4"),  # TW140 typewriter-01-bc-120, right: one small glyph read 4 twice
                              ("6", "68", "6"),  # HG135 typewriter-12-bc-113, right
                              ("10", "46", "16"),  # HG136 typewriter-09-gm-006, right: the readings disagree
                              ("10", "48:", "40:"),  # TW139 typewriter-13-qd-196, right: no clean reading
                              ("11", "11", ""),  # one reading only
                              ("12", "18", ""),  # one reading only, another month
                              ("10", "18", "18"),  # the word's 0 read as another digit: a typed 0 reads 8
                              ("12", "1", "1"),  # a digit lost
                              ("11", "44", "44"),  # a typed 1 read 4 (TW135's right 11s read 44 and 4, 44 and 57)
                              ("11", "14", "14")):
        assert month_doubt(_got(month, read, scan), int(month)) is None, (month, read, scan)
    assert month_doubt({"box": [0, 0, 1, 1], "words": [DAY, YEAR]}, 12) is None  # no month word kept


def test_a_typed_month_read_otherwise_is_flagged_through_extract_and_kept() -> None:
    head = [row if "tháng 3" not in row[-1][1] else row[:-1] + [(1000, "Quỳnh Hậu, ngày 25 tháng 12 năm 2005")]
            for row in HEAD]
    plain = _extract(_page(head + FOOT))
    assert plain.date.value == "2005-12-25" and plain.date.review is None and plain.date.bbox is not None
    box = [int(v) for v in plain.date.bbox]
    page = _page(head + FOOT)
    meta = _extract(PageText(1, page.text, page.words, (), {}, None, [], _got("12", "18", "18", box)))
    assert meta.date.value == "2005-12-25"  # kept
    assert meta.date.review == "the date's month '12' read again gave 18 and 18"
    assert "date" in meta.needs_review
    same = _extract(PageText(1, page.text, page.words, (), {}, None, [], _got("12", "12", "12", box)))
    assert same.date.review is None and "date" not in same.needs_review


def test_a_drawn_typed_month_is_read_again_and_a_planted_misreading_flagged() -> None:
    """Real Tesseract on the drawn ``ngày 21 tháng 12 năm 2016`` on a page restored as typed (its ``plain`` image
    kept), the OCR's words giving the month as ``11``: the month's word is read again, and extract flags the date."""
    image, words = draw_date_line("21", 0, "12")
    planted = [("11", *w[1:]) if w[0] == "12" and w[3] == 3 and w[2][0] >= 1000 else w for w in words]
    typed = Prepared(image, 300.0, plain=image, restored=(0, image.shape[0]))
    got = read_date(1, planted, image, 300.0, typed)
    assert got is not None and "faded" not in got
    assert [(w["text"], w.get("part"), w["read"], w["scan"]) for w in got["words"]] == [
        ("21", None, "21", "21"), ("11", MONTH, "12", "12"), ("2016", None, "2016", "2016")]
    page = _page(HEAD + FOOT)
    meta = _extract(PageText(1, page.text.replace("tháng 3 năm 2016", "tháng 11 năm 2016", 1), planted, (), {},
                             None, [], got))
    assert meta.date.value == "2016-11-21"
    assert meta.date.review == "the date's month '11' read again gave 12 and 12"
    assert "date" in meta.needs_review
    printed = read_date(1, planted, image, 300.0, Prepared(image, 300.0))
    assert printed is not None and [w["text"] for w in printed["words"]] == ["2016"]  # neither typed nor faded
