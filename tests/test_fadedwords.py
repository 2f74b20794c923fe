"""A faded page's words their place tells (archivist/fadedwords.py): a date's ``nắm``, a law's name after ``Luật``, the
place-date line's ``xã``, ``UBMD``; on readings, and on a generated faded document end to end."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from archivist import fadedwords, pagework
from archivist.models import Word
from tests.rereadcheck import assert_mended, typed_both_ways
from tests.test_fadedmotto import assert_only_on_a_faded_page


def _lines(*lines: str) -> list[Word]:
    """The words of ``lines``, each line a line of the page, boxes side by side."""
    return [Word(t, 80.0, (20 * k, 30 * n, 20 * k + 15, 30 * n + 20), n)
            for n, line in enumerate(lines) for k, t in enumerate(line.split(" "))]


def read_lines(readings: Callable[[list[Word]], list[str | None]], *lines: str) -> str:
    """``lines`` (:func:`_lines`) with each word's reading by ``readings`` taken, the lines joined by `` | ``: one
    reader for the faded page's text rules' tests (fadedwords, fadedunits, fadedphrases)."""
    ws = _lines(*lines)
    return " | ".join(" ".join(a or w.text for a, w in zip(readings(ws), ws, strict=True)
                               if w.line == n) for n in range(len(lines)))


def _read(*lines: str) -> str:
    return read_lines(fadedwords.word_readings, *lines)


@pytest.mark.parametrize(("read", "printed"), [
    (("ngày 23 tháng 1 nắm 20065",), "ngày 23 tháng 1 năm 20065"),  # after the month, the year garbled
    (("ngày 12 tháng 7? nắm", "2010 của Ủy ban"), "ngày 12 tháng 7? năm | 2010 của Ủy ban"),  # the year below
    (("ngày 05 tháng đ1 nắm", "2005 của Ủy ban"), "ngày 05 tháng đ1 năm | 2005 của Ủy ban"),  # the month garbled
    (("nắm. sau.",), "nắm. sau."),  # no month before, no year below: left
])
def test_a_dates_nam_read_with_another_mark(read: tuple[str, ...], printed: str) -> None:
    assert _read(*read) == printed


@pytest.mark.parametrize("read", [
    ("nắm vững tình hình 2010",), ("tháng 13 nắm", "vững"), ("Tháng 7 Nắm 2010",), ("nắm", "20065"),
    ("ngày 7 nắm 2010",),  # the day's, not the month's, before it
])
def test_nam_elsewhere_is_left(read: tuple[str, ...]) -> None:
    assert _read(*read) == " | ".join(read)


def test_a_laws_name_after_luat_read_back() -> None:
    assert _read("Căn cứ Luật Thỉ đua, khen thưởng") == "Căn cứ Luật Thi đua, khen thưởng"
    assert _read("Căn cứ Luật Thì đua, khen thưởng") == "Căn cứ Luật Thi đua, khen thưởng"
    assert _read("Căn cứ Luật Thi đua, khen thưởng") == "Căn cứ Luật Thi đua, khen thưởng"  # read right
    assert _read("ông Thỉ đua, khen thưởng") == "ông Thỉ đua, khen thưởng"  # no Luật: a name's, left
    assert _read("Căn cứ Luật", "Thỉ đua, khen thưởng") == "Căn cứ Luật | Thỉ đua, khen thưởng"  # another line


@pytest.mark.parametrize(("read", "printed"), [
    (("phúc", "xã Vĩnh Thanh, ngày 23 tháng 7 năm 2010", "BÁO CÁO"),
     "phúc | Xã Vĩnh Thanh, ngày 23 tháng 7 năm 2010 | BÁO CÁO"),
    (("xã Trung Nghĩa, ngày 19 tháng 2 năm 2007",), "Xã Trung Nghĩa, ngày 19 tháng 2 năm 2007"),
    (("Số: 19/BC-UBNES+ xã Vĩnh Thanh, ngày 23 tháng 7 năm 2010",),  # the header's row, before its columns' order
     "Số: 19/BC-UBNES+ Xã Vĩnh Thanh, ngày 23 tháng 7 năm 2010"),
])
def test_the_place_dates_xa_read_small(read: tuple[str, ...], printed: str) -> None:
    assert _read(*read) == printed


@pytest.mark.parametrize("read", [
    ("Ủy ban nhân dân xã Vĩnh Thạnh, ngày 23 tháng 7 năm 2010",),  # not opening its line
    ("xã Vĩnh Thạnh, ngày 23 tháng 7 năm 2010 của Ủy ban",),  # the line goes on
    ("xã Vĩnh Thạnh ngày 23 tháng 7 năm 2010",),  # no comma after the name
    ("xã vĩnh thạnh, ngày 23 tháng 7 năm 2010",),  # no name
    ("xã Vĩnh Thạnh, ngày 23 tháng 7 năm 20065",),  # no year
    ("xã Vĩnh Thạnh, đã 23 tháng 7 năm 2010",),  # no date
])
def test_xa_elsewhere_is_left(read: tuple[str, ...]) -> None:
    assert _read(*read) == " | ".join(read)


@pytest.mark.parametrize(("read", "printed"), [
    ("Kế hoạch số 34/KH-UBMD ngày", "Kế hoạch số 34/KH-UBND ngày"), ("- UBMD xã;", "- UBND xã;"),
    ("116/KH-UBMD,", "116/KH-UBND,"),
    ("UBMDX", "UBMDX"), ("34/UBMD-VP", "34/UBMD-VP"), ("UBND", "UBND"),  # not the whole word or the last part: left
])
def test_ubmd_read_ubnd(read: str, printed: str) -> None:
    assert _read(read) == printed


def test_faded_words_only_on_a_faded_page_boxes_kept() -> None:
    assert_only_on_a_faded_page(fadedwords.faded_words, "tháng 1 nắm 2005 Luật Thỉ đua, 34/KH-UBMD",
                                "tháng 1 năm 2005 Luật Thi đua, 34/KH-UBND")


@pytest.mark.slow
def test_generated_faded_document_reads_its_place_date_and_symbol_end_to_end(tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """The third faded document of seed 451's set of eight (this rule's fit set: a report of Vĩnh Thạnh, one page):
    its ``34/KH-UBND`` read ``34/KH-UBMD``, its place-date's ``Xã`` read ``xã`` and its ``năm`` read ``nắm``
    without the rule are read as printed in the record and the PDF/A's text layer, no truth word is lost, fewer
    words are, PDF/A-1b valid."""
    done = typed_both_ways(tmp_path, 451, lambda: monkeypatch.setattr(pagework, "faded_words", lambda ocr, p: ocr),
                           doc=3, group="faded", docs=8)
    assert_mended(done, "34/KH-UBMD", "34/KH-UBND")
    assert done.read["without"]["nắm"] == done.read["with"]["nắm"] + 1
    assert done.read["with"]["Xã"] == done.read["without"]["Xã"] + 1
