"""A faded page's unit name after its level word read a mark off (archivist/fadedunits.py): on readings, and on a
generated faded document end to end."""

from __future__ import annotations

from pathlib import Path

import pytest

from archivist import fadedunits, pagework
from archivist.unitnames import unit_names
from tests.rereadcheck import assert_mended, typed_both_ways
from tests.test_fadedmotto import assert_only_on_a_faded_page
from tests.test_fadedwords import _lines, read_lines

pytestmark = pytest.mark.skipif(not unit_names(), reason="the administrative unit lists are not installed")


def _read(*lines: str) -> str:
    return read_lines(fadedunits.unit_readings, *lines)


@pytest.mark.parametrize(("read", "printed"), [
    (("ỦY BAN NHÂN DÂN XÃ CẤM THẠCH Số: 175/BC-UBND",), "ỦY BAN NHÂN DÂN XÃ CẨM THẠCH Số: 175/BC-UBND"),
    (("Xã Cầm Thạch, ngày 16 tháng 5 năm 2016",), "Xã Cẩm Thạch, ngày 16 tháng 5 năm 2016"),
    (("Ủy ban nhân dân xã Cấm Thạch báo cáo",), "Ủy ban nhân dân xã Cẩm Thạch báo cáo"),
    (("- UBND huyện Cấm Xuyên;",), "- UBND huyện Cẩm Xuyên;"),
    (("UBND HUYỆN CHỢ GAO", "ỦY BAN NHÂN DÂN"), "UBND HUYỆN CHỢ GẠO | ỦY BAN NHÂN DÂN"),  # the whole line a name
    (("UBND HUYỆN BẾN LÚC",), "UBND HUYỆN BẾN LỨC"),
])
def test_a_unit_name_a_mark_off_is_read_as_the_one_unit_the_lists_know(read: tuple[str, ...], printed: str) -> None:
    assert _read(*read) == printed


@pytest.mark.parametrize("read", [
    ("xã Vĩnh Thanh báo cáo",),  # a real name as read (Vĩnh Thạnh is one too: no guess between two)
    ("xã Thạnh Lợi./. Nơi nhận:",),  # read right, its closing marks after it
    ("UBND HUYỆN THỌ XUÂN",),  # read right
    ("ông Cấm Thạch báo cáo",),  # no level word before it
    ("xã cấm thạch báo cáo",),  # small letters: no name
    ("xã Cấm", "Thạch báo cáo"),  # the name goes on below: each part alone is no name
    ("tại xã Thạnh", "Lợi, ngày 12"),  # one word at a line's end: thanh is a unit, the name is Thạnh Lợi
    ("xã Cấm Thạc báo cáo",),  # a letter off, not a mark
])
def test_a_name_read_right_or_not_a_mark_off_a_unit_is_left(read: tuple[str, ...]) -> None:
    assert _read(*read) == " | ".join(read)


def test_one_word_is_a_name_only_closed_by_a_mark_or_a_small_word() -> None:
    """A one-word name read off: after it a mark or a small word says the name ends; a capital word may go on it,
    and so may a small word after a word opening a longer name (``Thạnh Lợi``: its ``Lợi`` read small)."""
    assert fadedunits.unit_readings(_lines("thị trấn Chở báo cáo"))[2] == "Chờ"
    assert fadedunits.unit_readings(_lines("xã Thạnh báo cáo"))[1] is None
    assert fadedunits.unit_readings(_lines("xã Thạnh, ngày"))[1] == "Thanh,"
    assert fadedunits.unit_readings(_lines("xã Thạnh Kính gửi"))[1] is None


def test_faded_units_only_on_a_faded_page_boxes_kept() -> None:
    assert_only_on_a_faded_page(fadedunits.faded_units, "UBND huyện Cấm Xuyên;", "UBND huyện Cẩm Xuyên;")


@pytest.mark.slow
def test_generated_faded_document_reads_its_district_end_to_end(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The first faded document of seed 491's set of eight (this rule's fit set: an invitation of Hòa Bình, one
    page): its district's ``CHỢ GẠO`` read ``CHỢ GAO`` without the rule is read as printed in the record and the
    PDF/A's text layer, no truth word is lost, fewer words are, PDF/A-1b valid."""
    done = typed_both_ways(tmp_path, 491, lambda: monkeypatch.setattr(pagework, "unit_marks", lambda ocr: ocr),
                           doc=1, group="faded", docs=8)
    assert_mended(done, "GAO", "GẠO")
