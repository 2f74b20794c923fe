"""Review flags, hundred-and-seventh round (issue 14 item 9, session 38, fitted on the fresh seed 131): a subject
naming a year after two words that the text writes again before another year, the subject's year written nowhere
else (HG131 typewriter-09-gm-067: ``… tiêm chủng mở rộng năm 2003`` for ``năm 2009``, stored at 0.73 unflagged; its
body ``… kế hoạch tiên chủng mở rộng năm 2099.``). ``3`` is no digit Tesseract is known to read for ``9``, which
the twenty-first round's rule wants, and a subject may name another year than its date's (``báo cáo quý III năm
2013`` sent in 2016): the text repeating the subject's words with another year is the evidence. Flagged, kept;
nothing held out behind it."""

from __future__ import annotations

from archivist.subjectyear import repeat_year_doubt
from tests.test_flag_evidence import FOOT, _extract, _page

SUBJECT = "Dự họp triển khai kế hoạch tiêm chủng mở rộng năm 2003"
BODY = "Tới dự họp triển khai kế hoạch tiên chủng mở rộng năm 2099."
REASON = "the subject's year 2003 is written 2099 where the text repeats 'mở rộng': one of the two was misread"
HEAD = [[(100, "UBND HUYỆN QUỲNH LƯU")], [(100, "ỦY BAN NHÂN DÂN")], [(100, "XÃ QUỲNH HẬU")],
        [(100, "Số: 57/GM-UBND"), (1000, "Quỳnh Hậu, ngày 2 tháng 10 năm 2009")], [(600, "GIẤY MỜI")],
        [(400, "Dự họp triển khai kế hoạch tiêm chủng mở rộng năm {year}")],
        [(100, "Ủy ban nhân dân xã Quỳnh Hậu trân trọng kính mời dự họp.")], [(100, "{body}")]]


def test_a_subjects_year_the_text_repeats_otherwise_is_doubted() -> None:
    assert repeat_year_doubt(SUBJECT, f"{SUBJECT}\n{BODY}") == REASON
    assert repeat_year_doubt(SUBJECT, f"Dự họp triển khai kế hoạch\ntiêm chủng MỞ RỘNG năm 2003\n{BODY}") == REASON


def test_a_year_written_again_or_no_repeated_words_say_nothing() -> None:
    assert repeat_year_doubt(SUBJECT, f"{SUBJECT}\n{BODY}\nKế hoạch năm 2003.") is None  # the year written again
    assert repeat_year_doubt(SUBJECT, f"{SUBJECT}\nTới dự họp năm 2099.") is None  # other words before the year
    assert repeat_year_doubt(SUBJECT, f"{SUBJECT}\n{BODY.replace('2099', '2003')}") is None  # the same year
    quarter = "Về việc báo cáo quý III năm 2013"  # another year than the date's, the body not repeating it
    assert repeat_year_doubt(quarter, f"{quarter}\nQuỳnh Hậu, ngày 21 tháng 3 năm 2016") is None
    month = "Về việc tiếp công dân định kỳ tháng 3 năm 2015"  # a date's words, which the date line repeats
    assert repeat_year_doubt(month, f"{month}\nQuỳnh Hậu, ngày 21 tháng 3 năm 2016") is None


def _invitation(year: str, body: str = BODY) -> object:
    return _extract(_page([[(x, t.format(year=year, body=body)) for x, t in row] for row in HEAD] + FOOT))


def test_the_subject_is_flagged_and_kept_through_extract() -> None:
    wrong = _invitation("2003")
    assert wrong.subject.value == SUBJECT and "subject" in wrong.needs_review
    assert wrong.subject.review == REASON, wrong.subject.review
    assert "subject" not in _invitation("2009").needs_review  # the date writes 2009 too: the body's slipped
    assert "subject" not in _invitation("2003", "Thời gian: 14 giờ 30 phút.").needs_review
