"""Review flags, thirty-fifth round (issue 14 item 9): the sealed seed 44's wrong values stored without a flag.
A signer with one word read in capitals among words in title case (``HỒ Thành Tâm``) is flagged; a date read on a
faint page whose year's ``9`` or ``6`` may be a faded ``0`` (``2019`` for ``2010`` at OCR 96), the year written
nowhere else, is flagged. The same pages read whole, or not faint, are left alone."""

from __future__ import annotations

from datetime import date

from archivist.datecheck import faded_year_doubt
from archivist.faintflags import FAINT_NOTE
from archivist.signerflags import mixed_case_doubt
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page
from tests.test_flag_evidence26 import _plan


def test_a_name_mixing_capitals_and_small_letters_is_doubted() -> None:
    assert mixed_case_doubt("HỒ Thành Tâm") is not None
    assert mixed_case_doubt("Lê BÁ Phúc") is not None
    assert mixed_case_doubt("PHó CHỦ TỊCH") is not None  # a position's words with a letter misread
    assert mixed_case_doubt("Hồ Thành Tâm") is None
    assert mixed_case_doubt("HỒ THÀNH TÂM") is None  # one case throughout (capitals: another rule's)
    assert mixed_case_doubt("Y Ngông Niê Kdăm") is None  # a one-letter word says nothing of a case


def test_a_signer_with_a_word_in_capitals_is_flagged_through_extract() -> None:
    m = _plan("HỒ Thành Tâm")  # HG44 typewriter-09-cv-172: the family name's capital Ồ read with capitals after
    assert m.signer.value == "HỒ Thành Tâm"
    assert "signer" in m.needs_review
    assert "mixes a word in capitals ('HỒ')" in (m.signer.review or "")
    ok = _plan("Hồ Thành Tâm")
    assert ok.signer.value == "Hồ Thành Tâm"
    assert "mixes" not in (ok.signer.review or "")


def test_a_year_read_once_whose_nine_or_six_may_be_a_faded_zero_is_doubted() -> None:
    assert faded_year_doubt(date(2019, 8, 6), "Xã Xuân Trường, ngày 6 tháng 8 năm 2019") == \
        "on a faint page the year 2019 is read once and its 9 may be a faded 0 (2010)"
    assert faded_year_doubt(date(2006, 3, 2), "ngày 02 tháng 3 năm 2006") is not None
    assert faded_year_doubt(date(2019, 8, 6), "năm 2019 … kế hoạch năm 2019") is None  # read twice
    assert faded_year_doubt(date(2021, 8, 6), "ngày 6 tháng 8 năm 2021") is None  # no 9 or 6 to be a 0


def _notice(subject: str, faint: bool):
    rows = [*HEAD[:5], [(400, subject)], *HEAD[6:], *FOOT]
    page = _page(rows)
    if faint:
        page = type(page)(page.number, page.text, page.words, (FAINT_NOTE,), page.rivals)
    return _extract(page)


def test_a_faint_page_s_date_written_once_is_flagged_through_extract() -> None:
    m = _notice("Về việc lịch trực Tết Nguyên đán", faint=True)  # 2016 written in the date alone
    assert m.date.value == "2016-03-21"
    assert m.date.review == "on a faint page the year 2016 is read once and its 6 may be a faded 0 (2010)"
    assert "date" in m.needs_review
    assert _notice("Về việc lịch trực Tết Nguyên đán", faint=False).date.review is None  # not faint
    assert _notice("Về việc lịch trực Tết Nguyên đán năm 2016", faint=True).date.review is None  # read twice
