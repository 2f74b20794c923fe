"""Review flags, seventy-sixth round (issue 14 item 9): a signer taken from under a second signer's heading that was
not stored as the position (HG93 typewriter-10-bb-043-my-loc: minutes signed in two columns, ``THƯ KÝ`` left and
``CHỦ TỌA`` right; the secretary's signature strokes read ``NNN`` and stored as the position, her name ``Nguyễn
Ngọc Nga`` stored for the chair ``Nguyễn Bích Thơm``, whose name read ``Nguyễn sích Thơm``). The heading printed in
the name's column flags the signer and its position; the values are kept."""

from __future__ import annotations

from archivist.fields import Field
from archivist.footer import Footer
from archivist.ocrtext import page_lines
from archivist.secondsigner import flag_under_second_heading, heading_over_name
from tests.test_flag_evidence import _extract, _page
from tests.test_flag_evidence21 import MINUTES

#: HG93 bb-043's signature rows as read: both headings on one row, the strokes under them, both names
TWO_COLUMNS = [[(300, "THƯ KÝ"), (1200, "CHỦ TỌA")], [(300, "NNN"), (1200, "2>")],
               [(260, "Nguyễn Ngọc Nga"), (1150, "Nguyễn sích Thơm")]]
READ = {"NNN": 56.8, "2>": 0.0, "sích": 86.2}


def _heading(rows: list[list[tuple[int, str]]], name: str) -> str | None:
    """:func:`heading_over_name` for the footer whose stored name is the line reading ``name``."""
    page = _page(rows)
    line = next(ln for ln in page_lines(page) if ln.text == name)
    return heading_over_name(Footer(1, name=line), [page])


def test_a_name_under_a_second_signers_heading_in_its_column_is_found() -> None:
    assert _heading(TWO_COLUMNS, "Nguyễn Ngọc Nga") == "THƯ KÝ"
    delegate = [[(300, "NGƯỜI ĐƯỢC ỦY QUYỀN"), (1200, "NGƯỜI ỦY QUYỀN")], [(300, "~~")],
                [(300, "Lê Văn An"), (1200, "Trần Thị Bình")]]
    assert _heading(delegate, "Lê Văn An") == "NGƯỜI ĐƯỢC ỦY QUYỀN"


def test_the_chairs_name_a_heading_too_far_up_or_a_heading_inside_a_sentence_is_not() -> None:
    assert _heading(TWO_COLUMNS, "Nguyễn sích Thơm") is None  # under CHỦ TỌA: the other column's THƯ KÝ is away
    far = [[(300, "THƯ KÝ")], *[[(300, "-")] for _ in range(6)], [(260, "Nguyễn Ngọc Nga")]]
    assert _heading(far, "Nguyễn Ngọc Nga") is None  # seven lines up: no longer the name's block
    body = [[(100, "cho các thành viên")], [(260, "Nguyễn Ngọc Nga")]]
    assert _heading(body, "Nguyễn Ngọc Nga") is None  # the words of a sentence, not a heading read alone
    assert heading_over_name(None, []) is None and heading_over_name(Footer(1), []) is None


def test_the_flag_keeps_values_and_a_reason_given_before() -> None:
    page = _page(TWO_COLUMNS)
    line = next(ln for ln in page_lines(page) if ln.text == "Nguyễn Ngọc Nga")
    found = {"signer": Field("Nguyễn Ngọc Nga", 0.88), "signer_position": Field("NNN", 0.3)}
    flag_under_second_heading(found, Footer(1, name=line), [page])
    assert found["signer"].value == "Nguyễn Ngọc Nga" and found["signer"].confidence == 0.88
    assert "'THƯ KÝ'" in (found["signer"].review or "") and "'THƯ KÝ'" in (found["signer_position"].review or "")
    before = {"signer": Field("Nguyễn Ngọc Nga", 0.88, review="read otherwise"), "signer_position": Field("NNN", 0.3)}
    flag_under_second_heading(before, Footer(1, name=line), [page])
    assert before["signer"].review == "read otherwise" and before["signer_position"].review is None


def test_the_secretarys_name_is_flagged_and_kept_through_extract() -> None:
    meta = _extract(_page(MINUTES[:-3] + TWO_COLUMNS, conf=READ))
    assert meta.signer.value == "Nguyễn Ngọc Nga"  # kept
    assert meta.signer_position.value == "THƯ KÝ"  # the strokes read NNN under it dropped, flagged (session 42)
    assert "reads no vowel" in (meta.signer_position.review or "")
    assert {"signer", "signer_position"} <= set(meta.needs_review)
    assert "'THƯ KÝ'" in (meta.signer.review or "")
    chair = _extract(_page(MINUTES))  # the chair's block read: the chair's name under CHỦ TỌA, not flagged
    assert chair.signer.value == "Vũ Thanh Phượng" and "signer" not in chair.needs_review
