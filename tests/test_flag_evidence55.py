"""Review flags, fifty-fifth round (issue 14 item 9): a value another field of the document puts in doubt. A subject
year one confused digit from a date whose own year was read back (HG64 bb-238's ``năm 2008`` beside ``năm 2099``
stored 2009), a person beside a subject holding the form's first name line (HG65 ket-hon-136), a faint page's
number digit more like another digit of the page than like its own (HG65 cv-007's ``67`` for ``07``). Flagged, never
changed."""

from __future__ import annotations

from archivist.crossflags import faint_glyph_doubt, name_line_doubt, readback_year_doubt
from archivist.faintflags import FAINT_NOTE
from archivist.fields import Field
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page
from tests.test_flag_evidence10 import FORM


def _dated(year: int, subject_year: int) -> list[list[tuple[int, str]]]:
    return [*HEAD[:3], [(100, "Số: 118/TB-UBND"), (1000, f"Quỳnh Hậu, ngày 21 tháng 3 năm {year}")], HEAD[4],
            [(400, f"Về việc lịch trực Tết Nguyên đán năm {subject_year}")], HEAD[6], *FOOT]


def test_a_subject_year_one_digit_from_a_read_back_date_is_doubted() -> None:
    day = Field("2009-12-09", 0.36, source_text="ngày 9 tháng 12 năm 2099")
    subject = "Họp xét duyệt hộ nghèo, hộ cận nghèo năm 2008"
    assert "'2099'" in (readback_year_doubt(subject, day, subject) or "")
    assert readback_year_doubt(subject, day, subject + "\nnăm 2008") is None  # the text writes it again
    assert readback_year_doubt("Họp xét duyệt hộ nghèo năm 2009", day, "") is None  # the date's own year
    assert readback_year_doubt("Họp xét duyệt hộ nghèo năm 2004", day, "") is None  # no confused digit
    as_read = Field("2009-12-09", 0.9, source_text="ngày 9 tháng 12 năm 2009")  # a plan for next year, say
    assert readback_year_doubt(subject, as_read, subject) is None
    assert readback_year_doubt(subject, Field(None, 0.0), subject) is None


def test_the_subject_is_flagged_and_kept_through_extract() -> None:
    meta = _extract(_page(_dated(2099, 2008)))
    assert meta.date.value == "2009-03-21" and meta.subject.value.endswith("năm 2008")
    assert "subject" in meta.needs_review and "'2099'" in (meta.subject.review or "")
    for year, subject_year in ((2009, 2008), (2099, 2009)):
        assert _extract(_page(_dated(year, subject_year))).subject.review is None, (year, subject_year)


def test_a_subject_holding_another_name_line_doubts_the_person() -> None:
    assert name_line_doubt("ˆ_Họ, chữ đệm, tên; LÊ TIẾN HẢI", "Lâm Ngọc Ánh") is not None
    assert name_line_doubt("Họ và tên: LÊ TIẾN HẢI", "Lâm Ngọc Ánh") is not None
    assert name_line_doubt("›. Họ, chữ đệm, tên; HỒ CÔNG TÙNG", "Hồ Công Tùng") is None  # the person's own line
    assert name_line_doubt("Họ, chữ đệm, tên: HỒ CÔNG TÙNG Giới tính: Nam", "Hồ Công Tùng") is None
    assert name_line_doubt("Giấy chứng nhận kết hôn", "Hồ Công Tùng") is None
    assert name_line_doubt("Về việc họp tổ dân phố", "Hồ Công Tùng") is None


def test_the_person_is_flagged_and_kept_through_extract() -> None:
    rows = [r if i != 5 else [(100, "ˆ_Họ, chữ đệm, tên; NGUYỄN VĂN HÒA")] for i, r in enumerate(FORM)]
    meta = _extract(_page(rows))
    assert meta.person.value == "Huỳnh Thị Linh" and "person" in meta.needs_review
    # the first party's birth-date line above the person's label (flags68's partyflags) says it first; either flags
    assert "name line" in (meta.person.review or "") or "second party" in (meta.person.review or "")
    right = _extract(_page(FORM))
    assert right.person.value == "Nguyễn Văn Hòa" and right.person.review is None


def _glyphs(own: float | None, other: float) -> list[dict]:
    return [{"text": "67/UBND-ĐC", "box": [434, 354, 647, 383], "digits": [[0, own, "0", other]]}]


def test_a_faint_digit_more_like_another_digit_is_doubted() -> None:
    assert "'0' (0.743)" in (faint_glyph_doubt(_glyphs(0.712, 0.743), "67") or "")
    assert faint_glyph_doubt(_glyphs(0.80, 0.78), "67") is None  # more like its own
    assert faint_glyph_doubt(_glyphs(0.25, 0.40), "67") is None  # a speck: like nothing
    assert faint_glyph_doubt(_glyphs(None, 0.80), "67") is None  # the page renders no 6: left to digitglyphs
    assert faint_glyph_doubt(_glyphs(0.712, 0.743), "7") is None  # the digit is not the number's


def _number_page(faint: bool, own: float):  # noqa: ANN202
    page = _page(HEAD + FOOT)
    box = [int(v) for v in _extract(page).number_symbol.bbox]
    page.notes = (FAINT_NOTE,) if faint else ()
    page.number_reading = {"box": box, "read": ":118/", "scan": "Số: 118/TB-UBND",
                           "glyphs": [{"text": "118/TB-UBND", "box": box, "digits": [[2, own, "0", 0.743]]}]}
    return page


def test_the_number_is_flagged_and_kept_through_extract() -> None:
    meta = _extract(_number_page(True, 0.712))
    assert meta.number_symbol.value == "118/TB-UBND" and {"number", "number_symbol"} <= set(meta.needs_review)
    assert "faint page" in (meta.number_symbol.review or "") and meta.symbol.review is None
    for faint, own in ((False, 0.712), (True, 0.80)):
        assert "faint page" not in (_extract(_number_page(faint, own)).number_symbol.review or ""), (faint, own)
