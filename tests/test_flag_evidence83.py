"""Review flags, eighty-third round (issue 14 item 9): sealed seed 104's subject ``V/v tổ chức thu gom thải sinh hoạt
tại các thôn, ấp`` for ``… thu gom rác thải …`` (HG104 typewriter-09 cv-181, 0.858, every word read at 96): ``rác``
lost at the end of the first of three centred lines, whose centre then stood 64 px left of the other two's. Flagged,
never changed."""

from __future__ import annotations

from archivist.fields import Field
from archivist.lostwords import centre_doubt, flag_lost
from tests.test_flag_evidence import HEAD, _extract, _page

CENTRE = 700


def _width(text: str) -> int:
    """A row's width as tests.test_flag_evidence._page draws it: 14 px a letter, 12 px between words."""
    return sum(14 * len(w) for w in text.split()) + 12 * (len(text.split()) - 1)


def _centred(*lines: str, lost: str = "") -> list[list[tuple[int, str]]]:
    """Rows centred on CENTRE; the first drawn where it stood before ``lost`` was lost at its end (the rows' words
    are 14 px a letter and 30 px high: a word of four letters shifts the line by 34 px, more than a height)."""
    rows = [[(CENTRE - _width(t) // 2, t)] for t in lines]
    if lost:
        whole = f"{lines[0]} {lost}"
        rows[0] = [(CENTRE - _width(whole) // 2, lines[0])]
    return rows


LINES = ("V/v tổ chức thu gom", "thải sinh hoạt tại các", "thôn, ấp")
VALUE = " ".join(LINES)


def _words(rows):
    return _page(rows).words


def test_a_line_of_a_centred_value_off_centre_by_a_lost_word_is_doubted() -> None:
    rows = _centred(*LINES, lost="chất")
    why = centre_doubt(VALUE, _words(rows), (rows[0][0][0], 100, rows[0][0][0] + _width(LINES[0]), 130))
    assert why is not None and "after 'gom'" in why, why
    first = ("Kế hoạch tổ chức", *LINES[1:])  # a word lost at the start: the line stands right of the centre
    rows = _centred(*first)
    rows[0] = [(CENTRE - _width("Phòng Kế hoạch tổ chức") // 2 + _width("Phòng") + 12, first[0])]
    why = centre_doubt(" ".join(first), _words(rows), (rows[0][0][0], 100, rows[0][0][0] + _width(first[0]), 130))
    assert why is not None and "before 'Kế'" in why, why


def test_centred_lines_left_aligned_lines_and_two_line_values_are_not() -> None:
    rows = _centred(*LINES)
    box = (rows[0][0][0], 100, rows[0][0][0] + _width(LINES[0]), 130)
    assert centre_doubt(VALUE, _words(rows), box) is None
    left = [[(400, t)] for t in LINES]  # aligned left: the lines' centres differ by nature
    assert centre_doubt(VALUE, _words(left), (400, 100, 400 + _width(LINES[0]), 130)) is None
    two = _centred(LINES[0], LINES[1], lost="chất")
    assert centre_doubt(" ".join(LINES[:2]), _words(two), (two[0][0][0], 100, 1000, 130)) is None
    assert centre_doubt(VALUE, _words(rows), None) is None and centre_doubt("", _words(rows), box) is None


def test_the_place_beside_the_first_line_is_skipped_and_the_value_kept() -> None:
    rows = _centred(*LINES, lost="chất")
    rows[0].append((1200, "Vĩnh Thạnh, ngày 4 tháng 5 năm 2009"))
    page = _page(rows)
    subj = Field(VALUE, 0.858, page=page.number, bbox=(rows[0][0][0], 100, rows[0][0][0] + _width(LINES[0]), 130))
    found = {"subject": subj}
    flag_lost(found, [page])
    assert "after 'gom'" in (subj.review or "") and subj.value == VALUE and subj.confidence == 0.858


def test_the_subject_under_a_title_through_extract_is_flagged_and_kept() -> None:
    title = [i for i, r in enumerate(HEAD) if r[0][1].startswith("Về việc lịch")][0]
    lines = ("Về việc lịch trực Tết Nguyên đán", "của cơ quan Ủy ban nhân dân xã", "năm 2016")
    lost = HEAD[:title] + _centred(*lines, lost="Bính") + HEAD[title + 1:]
    meta = _extract(_page(lost))
    assert meta.subject.value == " ".join(lines), meta.subject.value
    assert "after 'đán'" in (meta.subject.review or "") and "subject" in meta.needs_review
    kept = _extract(_page(HEAD[:title] + _centred(*lines) + HEAD[title + 1:]))
    assert kept.subject.value == " ".join(lines) and kept.subject.review is None
