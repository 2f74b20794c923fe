"""A unit's name after its level word read a mark off, by its level (archivist/unitmarks.py): a district's after
``huyện``, ``quận``, ``thị xã``, a commune-level unit's after ``xã``, ``phường``, ``thị trấn``; on every page."""

from __future__ import annotations

from pathlib import Path

import pytest

from archivist import pagework, unitmarks
from archivist.ocr import OcrResult
from archivist.unitmarks import commune_names, unit_readings
from archivist.unitnames import unit_names
from tests.rereadcheck import assert_mended, typed_both_ways
from tests.test_fadedwords import _lines, read_lines

pytestmark = pytest.mark.skipif(not unit_names(), reason="the administrative unit lists are not installed")


def _read(*lines: str) -> str:
    return read_lines(unit_readings, *lines)


@pytest.mark.parametrize(("read", "printed"), [
    (("UBND HUYỆN ĐỒNG HƯNG",), "UBND HUYỆN ĐÔNG HƯNG"),  # no unit's name: the one district a mark away
    (("UBND THỊ XÃ KIM ĐỒNG",), "UBND THỊ XÃ KIM ĐỘNG"),  # thị xã is a district's word, not xã's
    (("- UBND huyện Kim Đồng;",), "- UBND huyện Kim Động;"),  # Kim Đồng is a commune, Kim Động the district
    (("UBND HUYỆN VĨNH THANH",), "UBND HUYỆN VĨNH THẠNH"),  # two communes' names, one district's
    (("UBND HUYỆN HÃI HẬU",), "UBND HUYỆN HẢI HẬU"),  # no unit's name: as in the first round
    (("xã Hướng Hóa, ngày 3",), "xã Hương Hóa, ngày 3"),  # a district's name after xã: the one commune a mark away
])
def test_a_name_a_mark_off_its_levels_one_unit_is_read_as_it(read: tuple[str, ...], printed: str) -> None:
    assert _read(*read) == printed


@pytest.mark.parametrize("read", [
    ("xã Kim Đồng, ngày 3",),  # a commune's name after xã: kept
    ("xã Vĩnh Thanh báo cáo",),  # Vĩnh Thanh and Vĩnh Thạnh are both communes: no guess between two
    ("UBND HUYỆN ĐÔNG HƯNG",),  # read right
    ("UBND HUYỆN KIM ĐỘNG",),
    ("THÀNH PHỐ HẠ LONG",),  # no level: any unit's name, read right
    ("huyện Củ Chi, tỉnh Thành phố Hồ Chí Minh",),  # a level word after a level word: no name (Thành is no Thanh)
    ("UBND HUYỆN XÃ",),
    ("nhân dân xã Thạnh tợi đề nghị",),  # Thạnh opens Thạnh Lợi, its Lợi read small: no one-word name (seed 518)
])
def test_a_name_its_level_knows_is_kept(read: tuple[str, ...]) -> None:
    assert _read(*read) == " | ".join(read)


def test_the_levels_lists_are_the_lists_own() -> None:
    """Kim Đồng is a commune's name and no district's, Kim Động a district's only; Đông Hưng both's."""
    from archivist.parentlists import district_names

    assert {"đông hưng", "kim đồng"} <= commune_names() and "kim đồng" not in district_names()
    assert "đông hưng" in district_names()
    assert "kim động" in district_names() and "kim động" not in commune_names()


def test_unit_marks_on_any_page_boxes_kept() -> None:
    ws = _lines("UBND HUYỆN ĐỒNG HƯNG")
    ocr = OcrResult(ws, "UBND HUYỆN ĐỒNG HƯNG", 80.0)
    out = unitmarks.unit_marks(ocr)
    assert out.text == "UBND HUYỆN ĐÔNG HƯNG"
    assert [(w.bbox, w.line) for w in out.words] == [(w.bbox, w.line) for w in ws]
    read_right = OcrResult(_lines("UBND HUYỆN ĐÔNG HƯNG"), "UBND HUYỆN ĐÔNG HƯNG", 80.0)
    assert unitmarks.unit_marks(read_right).text == read_right.text


@pytest.mark.slow
def test_generated_typed_document_reads_its_commune_end_to_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The fifth typewritten document of seed 515's set of eight (this round's fit set: a report of Xã Hòa Khánh, one
    page): its place line's ``Hòa``, read ``Hỏa`` without the rule (no unit's name), is read as printed in the record
    and the PDF/A's text layer on a page that is no faded copy, no truth word is lost, fewer words are, PDF/A-1b
    valid."""
    done = typed_both_ways(tmp_path, 515, lambda: monkeypatch.setattr(pagework, "unit_marks", lambda ocr: ocr),
                           doc=5, docs=8)
    assert_mended(done, "Hỏa", "Hòa")
