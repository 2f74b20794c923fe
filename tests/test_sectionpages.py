"""Section numerals read back in the order a document's earlier pages reached (archivist/sectionpages.py), and
through ``assemble``: a report's ``I.`` on its first page, ``II.`` and ``III.`` on its second."""

from __future__ import annotations

from pathlib import Path

from archivist.assemble import assemble
from archivist.models import DocumentInput, PageRef, PageResult, Word
from archivist.ocr import text_from_words
from archivist.sectionpages import carry_numerals


def _page(number: int, lines: list[str]) -> PageResult:
    words = [Word(t, 95.0, (40 * k, 50 * i, 40 * k + 30, 50 * i + 30), i)
             for i, line in enumerate(lines) for k, t in enumerate(line.split())]
    read = text_from_words(words)
    return PageResult(number, PageRef(Path(f"p{number}.jpg"), "image"), 1000, 1400, 200.0, 0, 0.0,
                      text=read.text, words=read.words)


FIRST = _page(1, ["I. KẾT QUẢ ĐẠT ĐƯỢC", "Trong kỳ đã tiếp công dân."])


def test_the_order_of_the_first_page_reads_the_second_pages_numerals_back() -> None:
    second = _page(2, ["II. TỒN TẠI, HẠN CHẾ", "Nguyên nhân chủ yếu.", "II. PHƯƠNG HƯỚNG, NHIỆM VỤ"])
    third = _page(3, ["lV. TỔ CHỨC THỰC HIỆN", "H. KIẾN NGHỊ"])  # the order goes on: lV. is IV.; H. can't be V.
    first, got2, got3 = carry_numerals([FIRST, second, third])
    assert first is FIRST  # nothing to change on it: the page as it was
    assert got2.text.splitlines() == ["II. TỒN TẠI, HẠN CHẾ", "Nguyên nhân chủ yếu.", "III. PHƯƠNG HƯỚNG, NHIỆM VỤ"]
    assert [w.bbox for w in got2.words] == [w.bbox for w in second.words]  # the boxes kept
    assert got3.text.splitlines() == ["IV. TỔ CHỨC THỰC HIỆN", "H. KIẾN NGHỊ"]
    alone = carry_numerals([second])[0]  # without the first page there is no order: read as it was
    assert alone is second


def test_no_order_no_change_and_a_header_district_stays() -> None:
    header = _page(1, ["H. ĐÔNG TRIỀU", "ỦY BAN NHÂN DÂN"])  # a district, before any I.
    more = _page(2, ["HI. PHƯƠNG HƯỚNG"])
    assert carry_numerals([header, more]) == [header, more]


def test_assemble_carries_the_order_within_one_document() -> None:
    second = _page(2, ["H. TỒN TẠI, HẠN CHẾ", "HI. PHƯƠNG HƯỚNG, NHIỆM VỤ"])
    doc = DocumentInput("d1", "report", [Path("p1.jpg")], [FIRST.source, second.source], "0" * 64)
    [part] = assemble(doc, [FIRST, second], split="none")
    assert part.pages[1].text.splitlines() == ["II. TỒN TẠI, HẠN CHẾ", "III. PHƯƠNG HƯỚNG, NHIỆM VỤ"]
