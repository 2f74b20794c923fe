"""Review flags, hundred-and-seventh round (issue 14 item 9, session 38, fitted on the fresh seed 131): a subject
naming the year of the document's date with its units digit misread, written nowhere else in the text (HG131
typewriter-09-gm-067: ``… tiêm chủng mở rộng năm 2003`` for ``năm 2009`` on an invitation dated 2009, stored at
0.73 unflagged: ``3`` is no digit Tesseract is known to read for ``9``, which the twenty-first round's rule wanted).
Flagged, kept; nothing held out behind it."""

from __future__ import annotations

from archivist.agreement import subject_year_slip
from tests.test_flag_evidence import FOOT, _extract, _page

TEXT = "Dự họp triển khai kế hoạch tiêm chủng mở rộng năm {y}\nTới dự họp triển khai kế hoạch năm 2099."
HEAD = [[(100, "UBND HUYỆN QUỲNH LƯU")], [(100, "ỦY BAN NHÂN DÂN")], [(100, "XÃ QUỲNH HẬU")],
        [(100, "Số: 57/GM-UBND"), (1000, "Quỳnh Hậu, ngày 2 tháng 10 năm 2009")], [(600, "GIẤY MỜI")],
        [(400, "Dự họp triển khai kế hoạch tiêm chủng mở rộng năm {year}")],
        [(100, "Ủy ban nhân dân xã Quỳnh Hậu trân trọng kính mời: {body}")]]


def test_a_subjects_year_with_its_units_digit_misread_is_doubted() -> None:
    subject = "Dự họp triển khai kế hoạch tiêm chủng mở rộng năm 2003"
    why = subject_year_slip(subject, 2009, TEXT.format(y=2003))
    assert why == "the subject's year 2003 is the date's 2009 with a digit misread; the text has it nowhere else"
    assert subject_year_slip(subject, 2009, TEXT.format(y=2003) + "\nKế hoạch năm 2003.") is None  # written again
    assert subject_year_slip(subject, 2004, TEXT.format(y=2003)) is None  # a year away: last year's plan
    assert subject_year_slip(subject.replace("2003", "2013"), 2009, TEXT.format(y=2013)) is None  # the tens: a plan
    assert subject_year_slip(subject.replace("2003", "2093"), 2009, TEXT.format(y=2093)) is None  # impossible


def _invitation(year: str, body: str = "") -> object:
    return _extract(_page([[(x, t.format(year=year, body=body)) for x, t in row] for row in HEAD] + FOOT))


def test_the_subject_is_flagged_and_kept_through_extract() -> None:
    wrong = _invitation("2003")
    assert wrong.subject.value.endswith("năm 2003") and "subject" in wrong.needs_review
    assert "2003 is the date's 2009" in (wrong.subject.review or ""), wrong.subject.review
    assert "subject" not in _invitation("2009").needs_review
    assert "subject" not in _invitation("2003", "kế hoạch năm 2003.").needs_review  # the body names it too
