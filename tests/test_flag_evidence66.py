"""Review flags, sixty-sixth round (issue 14 item 9): a subject under a title that runs on into the body's first line
(AT71 25-pc-219's ``Về việc chuyển đơn của công dân Ủy ban nhân dân xã Đại Đồng nhận được đơn của ông Nguyễn
Đức``): the body's line is justified out to the margins, wider than any line of a centred subject. Flagged, never
changed."""

from __future__ import annotations

from archivist import classify
from archivist.classify import PageText, analysed
from archivist.extract import extract
from archivist.fields import Field
from archivist.subjectrun import WIDE, off_axis, run_on_doubt, subject_lines

SUBJECT = "Về việc chuyển đơn của công dân"
BODY = "Ủy ban nhân dân xã Đại Đồng nhận được đơn của ông Nguyễn Đức"


def _rows(second: tuple[int, int, str]) -> list[tuple[int, int, str]]:
    """AT71 pc-219's first page as rows of (left x, right x, text), its words spread evenly between the two; the
    line under the subject is ``second``."""
    return [(291, 631, "UBND HUYỆN THẠCH THẤT"), (337, 631, "ỦY BAN NHÂN DÂN"), (387, 631, "XÃ ĐẠI ĐỒNG"),
            (371, 649, "Số: 219/PC-UBND"), (810, 1454, "Xã Đại Đồng, ngày 11 tháng 7 năm 2009"),
            (737, 1040, "PHIẾU CHUYỂN"), (612, 1166, SUBJECT), second,
            (265, 923, "Vinh, trú tại thôn Trung, với nội dung sau:"),
            (366, 1511, "Ủy ban nhân dân xã chuyển đơn đến Công an xã để xem xét, giải quyết"),
            (266, 520, "theo thẩm quyền./."), (265, 500, "Nơi nhận:"), (265, 500, "- Như trên;"),
            (265, 500, "- Lưu: VT."), (1100, 1400, "CHỦ TỊCH"), (1100, 1400, "Châu Phương Ánh")]


def _page(second: tuple[int, int, str]) -> PageText:
    words, texts = [], []
    for i, (left, right, text) in enumerate(_rows(second)):
        parts = text.split()
        step = (right - left) / len(parts)
        for j, w in enumerate(parts):
            x = int(left + j * step)
            words.append((w, 95.0, (x, 100 + 50 * i, int(x + step) - 10, 135 + 50 * i), i))
        texts.append(text)
    return PageText(1, "\n".join(texts), words, (), {})


def _extract(page: PageText):  # noqa: ANN202
    classify._LAST = None  # analysed() keeps the last layout by text and word count; these differ in boxes only
    return extract([page])


def test_a_later_subject_line_as_wide_as_the_body_is_doubted() -> None:
    page = _page((366, 1511, BODY))
    doc = analysed([page])
    field = _extract(page).subject
    assert field.value == f"{SUBJECT} {BODY}"
    lines = subject_lines(doc, Field(field.value, field.confidence, 1, field.bbox, field.source_text))
    assert [ln.text for ln in lines] == [SUBJECT, BODY]
    (shift, wide), = off_axis(doc, lines)
    assert wide > WIDE and shift > 0.03  # the body's indented first line: right of the subject's axis, to the margin
    assert "runs 92% of the text's width" in (run_on_doubt(doc, field) or "")


def test_a_centred_second_line_of_a_subject_is_not_doubted() -> None:
    page = _page((700, 1078, "và hướng dẫn công dân năm 2009"))
    meta = _extract(page)
    assert meta.subject.value == f"{SUBJECT} và hướng dẫn công dân năm 2009"
    assert run_on_doubt(analysed([page]), meta.subject) is None
    assert "subject" not in meta.needs_review


def test_through_extract_the_run_on_subject_is_flagged_and_kept() -> None:
    meta = _extract(_page((366, 1511, BODY)))
    assert meta.subject.value == f"{SUBJECT} {BODY}"  # the value stays as read: the rule only flags
    assert "subject" in meta.needs_review and "a body line run into it" in (meta.subject.review or "")
