"""flags118 (session 40, issue 14 item 9): a signer under a second signer's heading read one letter off. TW139
typewriter-12-bb-050-tien-phong (minutes signed in two columns): the secretary's heading ``THƯ KÝ`` read ``THưữ KÝ``,
her name ``Vũ Mỹ Thảo`` stored (0.883) for the chair ``Lương Quốc Lộc`` under ``CHỦ TỌA``, unflagged: the heading
over the name had to read ``THƯ KÝ`` exactly, while the position's rule already took one letter off (``THƯ XÝ``).
The signer and its position are flagged; the values are kept."""

from __future__ import annotations

from archivist.ocrtext import fold_key
from archivist.secondsigner import secondary_near
from tests.test_flag_evidence import _extract, _page
from tests.test_flag_evidence21 import MINUTES
from tests.test_flag_evidence76 import _heading

#: TW139 bb-050's signature rows as read: both headings on one row, the strokes, both names
ROWS = [[(300, "THưữ KÝ"), (1200, "CHỦ TỌA")], [(300, "AuUL⁄ (ww)")], [(260, "Vũ Mỹ Thảo"), (1150, "Lương Quốc Lộc")]]


def test_a_heading_one_letter_from_a_second_signers_is_found_over_its_name() -> None:
    assert secondary_near(fold_key("THưữ KÝ")) == "thu ky"
    assert _heading(ROWS, "Vũ Mỹ Thảo") == "THưữ KÝ"


def test_a_position_a_heading_two_letters_off_or_the_other_column_is_not() -> None:
    assert secondary_near(fold_key("CHỦ TỌA")) is None and secondary_near(fold_key("THƯ KÝ")) is None  # exact: in
    assert secondary_near(fold_key("TH# XÝ")) is None  # two letters off
    assert _heading(ROWS, "Lương Quốc Lộc") is None  # the chair's column
    off = [[(300, "THưữ XÝ"), (1200, "CHỦ TỌA")], *ROWS[1:]]
    assert _heading(off, "Vũ Mỹ Thảo") is None


def test_the_secretarys_name_under_the_misread_heading_is_flagged_and_kept_through_extract() -> None:
    # Since session 41 (signers41) the chair's name, in CHỦ TỌA's column on the names' row, is taken over the
    # secretary's (the first of the row): right, and nothing to flag.
    strokes = {"AuUL⁄": 20.0, "(ww)": 10.0}
    meta = _extract(_page(MINUTES[:-3] + ROWS, conf=strokes))
    assert meta.signer.value == "Lương Quốc Lộc" and "signer" not in meta.needs_review
    # The chair's name not read as a name: the secretary's is kept, and flagged.
    unread = [*ROWS[:-1], [(260, "Vũ Mỹ Thảo"), (1150, "Lư/t Q#c Lộc")]]
    meta = _extract(_page(MINUTES[:-3] + unread, conf=strokes))
    assert meta.signer.value == "Vũ Mỹ Thảo"  # kept
    assert "signer" in meta.needs_review and meta.signer.review, meta.signer.review
