"""Minutes' two signers on one row (issue 14, items 7/9; bench/RESULTS.md "Minutes' two signers (session 41)").

Minutes (``Biên bản``) end with two blocks side by side, the secretary's ``THƯ KÝ`` left and the chair's ``CHỦ TỌA``
right, and both names on one printed row. When the secretary's heading is not read as a position (typewriter41's
seed 178 ``bb-177``: ``KÝ`` alone; seed 187 ``bb-006``: ``TƯ /Ý``), the chair's block is the only one, and it took
the first name its row reads: the secretary's. Now the name in the column of the block's own position is taken;
where none is (the chair's name not read as a name), the name taken is kept and flagged. The rows below are the
records' words, their x positions as read (200 dpi)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archivist.footer import parse_footer
from archivist.ocrtext import page_lines, same_column
from tests.pdfcheck import assert_valid_pdfs
from tests.test_dateread_day_cli import _render, processed
from tests.test_flag_evidence import _extract, _page
from tests.test_flag_evidence21 import MINUTES

#: typewriter41's br-178 bb-177: ``THƯ`` lost, ``KÝ`` alone (two letters: no position), the strokes, both names
LOST_HEADING = [[(523, "KÝ"), (1118, "CHỦ TỌA")], [(421, "@cY"), (1133, "9)")],
                [(391, "Đỗ Văn Sơn"), (1052, "Trần Đình Hòa")]]
#: seed 187 bb-006: ``TƯ /Ý`` for THƯ KÝ, and the chair's name read ``Đir/t Ngạc Phong`` (no name)
UNREAD_CHAIR = [[(491, "TƯ /Ý"), (1158, "CHỦ TỌA")], [(482, "YX>"), (1163, "/VYY")],
                [(394, "Trần Thùy Hương"), (1070, "Đir/t Ngạc Phong")]]
STROKES = {"@cY": 20.0, "9)": 0.0, "YX>": 0.0, "/VYY": 32.0, "TƯ": 54.0, "/Ý": 45.0, "Đir/t": 13.0}


def _footer(rows: list[list[tuple[int, str]]]):
    return parse_footer(page_lines(_page(rows, conf=STROKES)), 1)


def test_same_column_is_a_line_centred_over_another_not_the_next_column() -> None:
    chair = (1118, 1712, 1268, 1753)
    assert same_column(chair, (1052, 1982, 1333, 2014))  # the chair's name under CHỦ TỌA
    assert not same_column(chair, (391, 1980, 608, 2014))  # the secretary's, a column away
    assert same_column((1000, 0, 1300, 30), (1100, 50, 1180, 80))  # a short name under a wide heading


def test_the_name_in_the_positions_column_is_taken_not_the_first_of_its_row() -> None:
    f = _footer(LOST_HEADING)
    assert f is not None and f.name is not None and f.positions[-1].text == "CHỦ TỌA"
    assert f.name.text == "Trần Đình Hòa" and f.doubt is None
    meta = _extract(_page(MINUTES[:-3] + LOST_HEADING, conf=STROKES))
    assert meta.signer.value == "Trần Đình Hòa" and meta.signer_position.value == "CHỦ TỌA"
    assert "signer" not in meta.needs_review


def test_a_name_outside_its_positions_column_is_kept_and_flagged() -> None:
    f = _footer(UNREAD_CHAIR)
    assert f is not None and f.name is not None and f.name.text == "Trần Thùy Hương"
    assert "does not stand in its position's column" in (f.doubt or "")
    meta = _extract(_page(MINUTES[:-3] + UNREAD_CHAIR, conf=STROKES))
    assert meta.signer.value == "Trần Thùy Hương" and meta.signer_position.value == "CHỦ TỌA"  # kept
    assert {"signer", "signer_position"} <= set(meta.needs_review)


def test_one_signer_under_its_position_and_both_positions_read_raise_no_doubt() -> None:
    alone = _footer([[(1100, "CHỦ TỌA")], [(1100, "~~")], [(1060, "Trần Đình Hòa")]])
    assert alone is not None and alone.name is not None and alone.doubt is None
    both = _footer([[(300, "THƯ KÝ"), (1200, "CHỦ TỌA")], [], [(260, "Võ Quang Tâm"), (1150, "Vũ Thanh Phượng")]])
    assert both is not None and both.name is not None and both.name.text == "Vũ Thanh Phượng" and both.doubt is None


def test_two_names_in_one_wide_positions_column_are_doubted() -> None:
    # a position (456 px) wide enough to stand over both names' middles: the columns cannot be told apart
    wide = [[(300, "CÔNG CHỨC ĐỊA CHÍNH XÂY DỰNG")], [], [(300, "Lê Văn An"), (560, "Trần Thị Bình")]]
    f = _footer(wide)
    assert f is not None and f.name is not None and "two names" in (f.doubt or "")


def _render_typewriter(seed: int, slots_wanted: list[int], scans: Path) -> dict[str, dict]:
    """Slots of the typewriter set ``--seed SEED --docs 8 --groups typewriter``, rendered as the whole set renders
    them; their truths by first page's file."""
    return _render(seed, slots_wanted, scans, 8, ["typewriter"])


@pytest.mark.slow
def test_minutes_whose_chairs_name_is_unread_keep_the_secretarys_name_flagged(tmp_path: Path) -> None:
    """Seed 187's typed minutes bb-006 through ``archivist process`` (real Tesseract): the base tree stored the
    secretary's ``Trần Thùy Hương`` under ``CHỦ TỌA`` for the chair ``Đinh Ngọc Phong`` (read ``Đir/t Ngạc Phong``)
    with no reason, in review by its confidence alone. Now kept with the reason: not in its position's column."""
    ((rec, truth, pdf),) = processed(187, [4], tmp_path, _render_typewriter)
    assert truth["document"] == "typewriter-05-bb-006-hai-xuan"
    meta = rec["metadata"]
    assert truth["metadata"]["secretary"] == "Trần Thùy Hương" and truth["metadata"]["signer"] == "Đinh Ngọc Phong"
    if meta["signer"] != truth["metadata"]["signer"]:  # a wrong signer is never stored unflagged
        assert "signer" in meta["needs_review"], json.dumps(meta["fields"]["signer"], ensure_ascii=False)
    if meta["signer"] == truth["metadata"]["secretary"]:  # the secretary's name, under the chair's position
        assert "position's column" in (meta["fields"]["signer"].get("review") or "")
    assert_valid_pdfs([pdf])
