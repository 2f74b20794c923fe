"""Review flags, thirty-eighth round (issue 14 item 9): sealed seed 48's two wrong values stored without a flag.
HG48 ttr-042's date ``2005-07-26`` for ``2005-07-20``: its day read at 41, but the number shared the date's line
and the date was judged by the words ``năm 2005`` alone (:func:`archivist.layout.split_line` kept the line's
offsets for the piece's). AT48 nq-229's recipients ``Lưu VT, VX``: the items before the archive copy were not read,
and a list of the copy alone passed (:func:`archivist.structflags.copy_alone_doubt`). And the fit basis's HG45 tb-188
date ``2013-07-21`` for ``2015-07-21``, the subject's and body's ``2015`` read three times: a units digit 3 for 5
is no pair Tesseract is known to confuse, but the repetition says which year was read once wrong."""

from __future__ import annotations

from archivist.agreement import date_year_slip
from archivist.layout import split_line
from archivist.ocrtext import Line
from archivist.structflags import copy_alone_doubt
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page

ONE_ROW = [(100, "Số: 118/TB-UBND Quỳnh Hậu, ngày 21 tháng 3 năm 2016")]  # number and date read as one line


def test_a_place_date_piece_keeps_its_date_offsets_in_its_own_text() -> None:
    text = "Sẽ: 4Z/TTr-UBND  Xã Tiên Phong, ngày 26 tháng 7 năm 2005"
    line = Line(1, 4, text, [(0, len(text), (0, 0, 10, 10), 0.9)])
    seg = next(s for s in split_line(line) if s.role == "placedate")
    assert seg.date is not None and seg.line.text[seg.date.start:seg.date.end] == "ngày 26 tháng 7 năm 2005"
    alone = Line(1, 4, text[17:], [(0, len(text) - 17, (0, 0, 10, 10), 0.9)])  # the place-date on a line of its own
    seg = next(s for s in split_line(alone) if s.role == "placedate")
    assert seg.date is not None and seg.line.text[seg.date.start:seg.date.end] == "ngày 26 tháng 7 năm 2005"


def test_a_date_after_the_number_on_its_line_is_judged_by_all_its_words() -> None:
    page = HEAD[:3] + [ONE_ROW] + HEAD[4:] + FOOT
    meta = _extract(_page(page))
    assert meta.date.value == "2016-03-21" and meta.date.source_text == "ngày 21 tháng 3 năm 2016"
    assert "date" not in meta.needs_review
    meta = _extract(_page(page, conf={"21": 41.0}))  # the day read weakly: its value for review
    assert meta.date.value == "2016-03-21" and meta.date.confidence < 0.75 and "date" in meta.needs_review


def test_a_list_of_the_archive_copy_alone_is_doubted() -> None:
    assert copy_alone_doubt(["Lưu VT, VX"]) == \
        "the list holds only the archive copy ('Lưu VT, VX'): the items before it were not read"
    assert copy_alone_doubt(["Lưu: VT"]) and copy_alone_doubt(["Lưu: VT", "Lưu: VP"])
    assert copy_alone_doubt(["Như trên", "Lưu VT, VX"]) is None
    assert copy_alone_doubt(["UBND huyện (b/c)"]) is None and copy_alone_doubt([]) is None


def test_a_list_of_the_archive_copy_alone_is_flagged_through_extract() -> None:
    meta = _extract(_page(HEAD + [[(100, "Nơi nhận:"), (1000, "TM. ỦY BAN NHÂN DÂN")], [(1000, "CHỦ TỊCH")],
                                  [(100, "- Lưu: VT, TC.")], [(1000, "Hà Hữu Thắng")]]))
    assert meta.recipients.value == ["Lưu: VT, TC"] and "recipients" in meta.needs_review
    assert "only the archive copy" in (meta.recipients.review or "")
    assert _extract(_page(HEAD + FOOT)).needs_review == []


def test_a_dates_units_digit_read_once_against_the_subjects_year_read_again() -> None:
    text = "Quỳnh Hậu, ngày 21 tháng 7 năm {d}\nVề việc tổ chức ngày hội tháng 7 năm {s}\nCông văn số 12 năm {s}"
    subject = "Về việc tổ chức ngày hội tháng 7 năm {s}"
    assert date_year_slip(subject.format(s=2015), 2013, text.format(d=2013, s=2015)) == \
        "the subject's year 2015, which the text writes again, is the date's 2013 with a digit misread"
    assert date_year_slip(subject.format(s=2014), 2013, text.format(d=2013, s=2014)) is None  # a year apart
    assert date_year_slip(subject.format(s=2015), 2013, text.format(d=2013, s=2015) + " 2013") is None  # read twice
    assert date_year_slip(subject.format(s=2020), 2010, text.format(d=2010, s=2020)) is None  # a plan to 2020
    assert date_year_slip(subject.format(s=2015), 2013, text.format(d=2013, s=2015).replace("số 12 năm 2015", "")) \
        is None  # the subject's year written once
