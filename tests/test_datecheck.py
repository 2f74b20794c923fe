"""A document's date that its own text contradicts is flagged for review (archivist/datecheck.py)."""

from __future__ import annotations

from datetime import date

from archivist.datecheck import date_doubt, flag_contradicted
from archivist.dates import iso_date
from archivist.fields import Field

TODAY = date(2026, 1, 1)
# seed 10, typed page: the date line read 2005 for 2006; the body cites a letter of January 2006
CITING = ["Quảng Phú, ngày 20 tháng 3 năm 2005",
          "Thực hiện Công văn số 146/UBND-NV ngày 15 tháng 01 năm\n2006 của Ủy ban nhân dân huyện",
          "Hoàn thành trước ngày 27/03/2006."]
# seed 10, speckled certificate: signed 'ngày 03' where the registration date says 04
REGISTERED = ["Ngày, tháng, năm đăng ký: 04/01/2020", "Trung Nghĩa, ngày 03 tháng 01 năm 2020"]


def test_a_date_before_a_document_it_cites_is_in_doubt() -> None:
    assert date_doubt(date(2005, 3, 20), CITING, TODAY) == "the document cites one of 15/01/2006, after its own date"
    assert date_doubt(date(2006, 3, 20), CITING, TODAY) is None  # the right date: the citation is earlier
    # a deadline after the date is no citation, nor is a cited date years later (more likely itself misread)
    assert date_doubt(date(2006, 3, 20), ["Hoàn thành trước ngày 27/03/2006."], TODAY) is None
    assert date_doubt(date(2010, 6, 15), ["Căn cứ Quyết định số 45/2018/QĐ-UBND ngày 10/06/2018"], TODAY) is None
    assert date_doubt(date(2025, 3, 20), ["Công văn số 12/UBND ngày 02/02/2027"], TODAY) is None  # after today


def test_a_registration_date_one_digit_from_the_date_is_in_doubt() -> None:
    why = date_doubt(date(2020, 1, 3), REGISTERED, TODAY)
    assert why == "registered 04/01/2020, one digit apart from the date read"
    assert date_doubt(date(2020, 1, 4), REGISTERED[:1] + ["Trung Nghĩa, ngày 04 tháng 01 năm 2020"], TODAY) is None
    unlabelled = ["Ngày 04/01/2020 họp", "ngày 03 tháng 01 năm 2020"]
    assert date_doubt(date(2020, 1, 3), unlabelled, TODAY) is None
    assert date_doubt(date(2020, 3, 14), REGISTERED, TODAY) is None  # more than one digit: another date


def test_only_an_unflagged_date_gets_the_reason() -> None:
    f = Field("2005-03-20", 0.85, 1)
    flag_contradicted(f, CITING)
    assert f.review is not None and "15/01/2006" in f.review
    kept = Field("2005-03-20", 0.85, 1, review="the header's date line was not read; this date is from the text")
    flag_contradicted(kept, CITING)
    assert kept.review.startswith("the header's")
    calm = Field("2006-03-20", 0.9, 1)
    flag_contradicted(calm, CITING)
    assert calm.review is None


def test_a_stored_date_is_judged_only_when_it_is_one() -> None:
    """The date flags read a stored value as an ISO date; nothing found, another form or a list is no date."""
    assert iso_date("2021-04-09") == date(2021, 4, 9)
    assert all(iso_date(v) is None for v in (None, "", "09/04/2021", "2021-02-30", ["2021-04-09"]))
