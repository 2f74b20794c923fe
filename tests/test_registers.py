"""Civil-status registers printed as tables, read row by row (archivist/registers.py): columns from the
header's cells, each word to its column by its box, a name wrapped in its cell kept whole, rows judged (a
cell not read, a number out of turn, a date that does not parse flagged); end to end, a register page drawn
by the generator's own code, read by the real pipeline, its rows in the record and its names searchable."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image, ImageFilter

from archivist.ocrtext import PageText
from archivist.registerpages import read_register
from bench.registers import truth_rows
from tests.pdfcheck import assert_valid_pdfa

#: (text, x0, x1) per header line: cells centred, two of them over two lines (``Ngày đăng / ký``)
HEADER = [(["Số"], 420, 466, 794), (["Ngày", "đăng"], 538, 748, 768), (["ký"], 620, 666, 822),
          (["Họ,", "chữ", "đệm,", "tên"], 807, 1141, 795), (["Ngày", "sinh"], 1207, 1401, 795),
          (["Giới"], 1487, 1571, 768), (["tính"], 1490, 1568, 822), (["Họ", "tên", "người"], 1655, 1911, 768),
          (["mẹ"], 1754, 1812, 833)]
COLUMN_X = [424, 540, 795, 1204, 1490, 1633]  # where the body's cells start
NUMBERED = [(420, 466), (538, 748), (807, 1141), (1207, 1401), (1487, 1571), (1655, 1911)]  # the header's cells
H = 32  # word height, px


def _words(rows: list[list[list[str]]], top: int = 1000, pitch: int = 110, head: str = "labels",
           scale: float = 1.0, shift: float = 0.0) -> list[tuple]:
    """Word tuples as a cell-by-cell reading gives them: header (``labels``; ``numbers``: the column numbers
    alone, centred under the labels' places, as a continuation page prints them; ``none``), then per row each
    cell's lines (a line index each), the cell's lines centred on the row; then a signature block under the
    table. ``scale`` and ``shift`` move every x (another page's resolution and margin)."""
    words, line = [], 0

    def put(texts: list[str], x: float, y: int) -> None:
        nonlocal line
        x = scale * x + shift
        for t in texts:
            words.append((t, 95.0, (round(x), y, round(x + 20 * len(t) * scale), y + H), line))
            x += (20 * len(t) + 14) * scale
        line += 1

    if head == "labels":
        for texts, x0, _, y in HEADER:
            put(texts, x0, y)
    elif head == "numbers":
        for k, (x0, x1) in enumerate(NUMBERED):
            put([f"({k + 1})"], (x0 + x1) / 2 - 30, 850)
    for r, cells in enumerate(rows):
        mid = top + r * pitch
        for x, cell in zip(COLUMN_X, cells, strict=True):
            lines = [ln.split() for ln in cell]
            for k, ws in enumerate(lines):
                put(ws, x, round(mid - (len(lines) * 54 - 22) / 2 + k * 54))
    put(["CÔNG", "CHỨC", "TƯ", "PHÁP", "-", "HỘ", "TỊCH"], 1500, top + len(rows) * pitch + 200)
    put(["Lương", "Ngọc", "Duy"], 1600, top + len(rows) * pitch + 420)
    return [w for w in words if w[0]]


def test_rows_read_by_column_with_a_name_wrapped_in_its_cell() -> None:
    rows = [[["11"], ["24/03/2021"], ["Đinh Kim Tuyết"], ["13/02/2021"], ["Nữ"], ["Phạm Ngọc", "Yến"]],
            [["12"], ["27/03/2021"], ["Lương Đình Hải"], ["06/03/2021"], ["Nam"], ["Đỗ Thị Nhàn"]],
            [["13"], ["01/04/2021"], ["Đỗ Thanh", "Hưng"], ["07/03/2021"], ["Nam"], ["Nguyễn Thị", "Hằng"]]]
    entries = read_register([PageText(1, "", _words(rows))])
    assert [(e["entry"], e["registered"], e["person"], e["event_date"], e["sex"], e["mother"]) for e in entries] == [
        ("11", "2021-03-24", "Đinh Kim Tuyết", "2021-02-13", "Nữ", "Phạm Ngọc Yến"),
        ("12", "2021-03-27", "Lương Đình Hải", "2021-03-06", "Nam", "Đỗ Thị Nhàn"),
        ("13", "2021-04-01", "Đỗ Thanh Hưng", "2021-03-07", "Nam", "Nguyễn Thị Hằng")]
    assert all(e["review"] is None and e["confidence"] > 0.8 for e in entries)  # the signature block is no row
    assert entries[0]["cells"]["mother"]["source_text"] == "Phạm Ngọc Yến"


def test_unsure_rows_say_why() -> None:
    rows = [[["11"], ["24/03/2021"], ["Đinh Kim Tuyết"], ["13/02/2021"], ["Nữ"], ["Phạm Ngọc Yến"]],
            [[""], ["27/03/2021"], ["Lương Đình Hải"], ["06/03/2021"], ["Nam"], ["Đỗ Thị Nhàn"]],  # number lost
            [["18"], ["01/04/2021"], ["Trân Thanh Hưng"], ["07/03/2O2l"], ["Nam"], ["Ñgô Thị Hằng"]],
            [["14"], ["02/04/2021"], ["Lý Hồng Tuyết"], ["08/03/2021"], ["Nữ"], ["Hồ Thùy Nga"]]]
    entries = read_register([PageText(1, "", _words(rows))])
    assert len(entries) == 4 and entries[0]["review"] is None and entries[3]["review"] is None  # 11, (12), 14
    assert entries[1]["entry"] is None and "no Số read" in entries[1]["review"]
    why = entries[2]["review"]
    assert "entry number 18 is out of sequence" in why  # 11, -, 18, 14: out of turn
    assert "family name 'Trân'" in why  # a mark misread: no family name is written so
    assert "letter Vietnamese does not write" in why  # Ñ
    assert entries[2]["event_date"] in (None, "2021-03-07")  # O and l read back as digits, or not parsed: flagged
    assert entries[2]["confidence"] < 0.7


PAGE_1 = [[["11"], ["24/03/2021"], ["Đinh Kim Tuyết"], ["13/02/2021"], ["Nữ"], ["Phạm Ngọc", "Yến"]],
          [["12"], ["27/03/2021"], ["Lương Đình Hải"], ["06/03/2021"], ["Nam"], ["Đỗ Thị Nhàn"]]]
PAGE_2 = [[["13"], ["01/04/2021"], ["Đỗ Thanh", "Hưng"], ["07/03/2021"], ["Nam"], ["Nguyễn Thị", "Hằng"]],
          [["14"], ["02/04/2021"], ["Lý Hồng Tuyết"], ["08/03/2021"], ["Nữ"], ["Hồ Thùy Nga"]]]


def _two_pages(**page_2: Any) -> list[dict]:
    dates = "01/04/2021 02/04/2021"  # the page's text: its rows' dates
    return read_register([PageText(1, "", _words(PAGE_1)), PageText(2, dates, _words(PAGE_2, **page_2))])


def test_a_continuation_page_is_read_by_the_header_carried_over() -> None:
    """Page 2 repeats only the column numbers, scanned smaller and further right: its rows read by page 1's
    columns mapped to it by the numbers, each with its page."""
    entries = _two_pages(head="numbers", scale=0.8, shift=120)
    assert [(e["page"], e["row"], e["entry"], e["person"], e["mother"]) for e in entries] == [
        (1, 1, "11", "Đinh Kim Tuyết", "Phạm Ngọc Yến"), (1, 2, "12", "Lương Đình Hải", "Đỗ Thị Nhàn"),
        (2, 1, "13", "Đỗ Thanh Hưng", "Nguyễn Thị Hằng"), (2, 2, "14", "Lý Hồng Tuyết", "Hồ Thùy Nga")]
    assert entries[2]["registered"] == "2021-04-01" and entries[3]["sex"] == "Nữ"
    assert all(e["review"] is None for e in entries)


def test_a_continuation_page_whose_columns_do_not_match_is_flagged_not_guessed() -> None:
    words = _words(PAGE_2, head="numbers")
    moved = [(t, c, (b[0] + 150, *b[1:]), ln) if t == "(4)" else (t, c, b, ln) for t, c, b, ln in words]
    entries = read_register([PageText(1, "", _words(PAGE_1)), PageText(2, "01/04/2021 02/04/2021", moved)])
    assert len(entries) == 3 and entries[2]["cells"] == {} and entries[2]["confidence"] == 0.0
    assert "page 2's column numbers do not line up" in entries[2]["review"]
    [unread] = _two_pages(head="none")[2:]  # rows with dates, neither header nor numbers
    assert "neither its header nor its column numbers" in unread["review"]
    from archivist.review import review_items

    rec = {"id": "doc-1", "metadata": {"entries": [unread], "needs_review": ["entries"], "fields": {}}}
    [item] = review_items(rec)
    assert (item["value"], item["page"], item["reason"]) == ("page 2: rows not read", 2, unread["review"])
    assert item["source_text"] == ""  # no cells read: the sheet's ocr_snippet is then the page's text
    signature = _words([], head="none")  # the signature alone on page 2: nothing to read
    assert len(read_register([PageText(1, "", _words(PAGE_1)), PageText(2, "", signature)])) == 2


def test_a_form_is_not_a_register() -> None:
    words = [("Họ,", 95.0, (300, 500, 360, 532), 0), ("chữ", 95.0, (374, 500, 430, 532), 0),
             ("đệm,", 95.0, (444, 500, 520, 532), 0), ("tên:", 95.0, (534, 500, 590, 532), 0),
             ("NGUYỄN", 95.0, (640, 500, 800, 532), 0), ("VĂN", 95.0, (814, 500, 880, 532), 0),
             ("AN", 95.0, (894, 500, 940, 532), 0)]
    assert read_register([PageText(1, "", words)]) == []


def _one_register_page(tmp_path: Path, kind: str, name: str) -> tuple[Any, Path, dict]:
    """The generator's one-page register of ``kind`` (seed 4) drawn at 300 dpi as a scanned JPEG and processed
    by the real pipeline: the document, the archive and its one record."""
    from archivist.pipeline import Settings, process
    from samples.hard import _table_doc
    from samples.scan import render

    doc = _table_doc(kind, 4, False)
    ink, _, _ = render(doc.pages[0], 300)
    scans = tmp_path / "scans"
    scans.mkdir()
    page = Image.fromarray((255 - ink * 0.9).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.6))
    page.save(scans / f"{name}.jpg", dpi=(300, 300), quality=90)
    archive = tmp_path / "archive"
    assert not process([scans], archive, Settings(workers=1)).failures
    [path] = (archive / "documents").glob("*.json")
    return doc, archive, json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.slow
def test_a_generated_register_page_read_end_to_end(tmp_path: Path) -> None:
    """The generator's register page (seed 4: eight rows, parents' names wrapped in their cells) drawn at
    300 dpi, processed by the real pipeline: every row read right, the document's civil fields its first
    row's, the record valid, and a second-row person found by search without diacritics."""
    from archivist.indexing import open_index
    from archivist.schemas import validate_record
    from archivist.textnorm import fold

    doc, archive, rec = _one_register_page(tmp_path, "register", "so-khai-sinh")
    validate_record(rec)
    meta, civil = rec["metadata"], doc.extra["civil"]
    truth = truth_rows(doc.pages[0].text())
    assert truth[0]["parents"] == "Đào Phương Huyền Nguyễn Quang Thịnh"  # both names wrapped in their cells
    got = [{"entry": e["entry"], "registered": e["registered"], "person": e["person"], "event_date": e["event_date"],
            "sex": e["sex"], "parents": f"{e['mother']} {e['father']}"} for e in meta["entries"]]
    assert got == truth
    assert (meta["entries"][0]["mother"], meta["entries"][0]["father"]) == ("Đào Phương Huyền", "Nguyễn Quang Thịnh")
    assert (meta["person"], meta["event_date"], meta["entry"], meta["book"]) == \
           (civil["person"], civil["event_date"], civil["entry"], civil["book"])
    second = fold(truth[1]["person"])  # phạm tiến nam -> pham tien nam
    with open_index(archive) as idx:
        assert {h.doc_id for h in idx.search(fold(second))} == {rec["id"]}
    assert_valid_pdfa(archive)


def test_flagged_rows_go_to_the_review_sheet_one_line_each() -> None:
    from archivist.review import review_items

    rows = [[["11"], ["24/03/2021"], ["Đinh Kim Tuyết"], ["13/02/2021"], ["Nữ"], ["Phạm Ngọc Yến"]],
            [["12"], ["27/03/2021"], ["Trân Đình Hải"], ["06/03/2021"], ["Nam"], ["Đỗ Thị Nhàn"]]]
    entries = read_register([PageText(1, "", _words(rows))])
    rec = {"id": "doc-1", "metadata": {"entries": entries, "needs_review": ["entries"], "fields": {}}}
    [item] = review_items(rec)
    assert item["field"] == "entries" and (item["page"], item["row"]) == (1, 2)
    assert item["value"].startswith("entry=12; registered=2021-03-27; person=Trân Đình Hải")
    assert "family name 'Trân'" in item["reason"] and "Trân Đình Hải" in item["source_text"]  # why, and what was read


def test_the_archival_note_names_the_register_rows_in_vietnamese() -> None:
    from archivist.archival import archival_fields

    rec = {"id": "doc-1", "pages": [], "metadata": {"kind": "civil_status", "type": "Khai sinh",
                                                    "needs_review": ["entries"]}}
    assert "Cần kiểm tra: các dòng sổ đăng ký" in archival_fields(rec, access="restricted")["notes"]


@pytest.mark.slow
def test_a_generated_register_over_two_pages_read_end_to_end(tmp_path: Path) -> None:
    """The generator's register run over two pages (seed 4, 24 entries: 18 on page 1, 6 on page 2, which
    repeats only the column numbers), page 2 scanned at 250 dpi and turned 1.5°, both pages one document
    (a folder): page 2's rows read by page 1's columns, each with its page, every row the truth's or flagged."""
    from archivist.pipeline import Settings, process
    from samples.hard import _table_doc
    from samples.scan import render

    doc = _table_doc("register", 4, False, 24)
    assert len(doc.pages) == 2 and doc.pages[1].text().split("\n")[1:3] == ["(1)", "(2)"]
    scans = tmp_path / "scans" / "so-khai-sinh"
    scans.mkdir(parents=True)
    for n, (page, dpi, turn) in enumerate(zip(doc.pages, (300, 250), (0.0, 1.5), strict=True), start=1):
        ink, _, _ = render(page, dpi)
        image = Image.fromarray((255 - ink * 0.9).astype(np.uint8))
        image = image.rotate(turn, Image.Resampling.BICUBIC, expand=True, fillcolor=255)
        image.filter(ImageFilter.GaussianBlur(0.6)).save(scans / f"page-{n:03d}.jpg", dpi=(dpi, dpi), quality=90)
    archive = tmp_path / "archive"
    assert not process([tmp_path / "scans"], archive, Settings(workers=1)).failures
    [path] = (archive / "documents").glob("*.json")
    entries = json.loads(path.read_text(encoding="utf-8"))["metadata"]["entries"]
    truth = [(n, r) for n, page in enumerate(doc.pages, start=1) for r in truth_rows(page.text())]
    assert [e["page"] for e in entries] == [n for n, _ in truth] == [1] * 18 + [2] * 6
    for e, (_, t) in zip(entries, truth, strict=True):
        got = {k: e[k] for k in ("entry", "registered", "person", "event_date", "sex")}
        got["parents"] = f"{e['mother']} {e['father']}"
        assert got == t or e["review"], (got, t)
    assert [e["entry"] for e in entries[18:]] == [t["entry"] for _, t in truth[18:]]
    assert sum(e["review"] is None for e in entries[18:]) >= 5
    assert_valid_pdfa(archive)


@pytest.mark.slow
def test_a_generated_death_register_read_end_to_end(tmp_path: Path) -> None:
    """The generator's death register (``_table_doc("death_register", 4)``: ``Họ, chữ đệm, tên / người
    chết``, ``Ngày chết``, and a wide ``Nơi chết`` column under a short head, its text set left) through the
    real pipeline: typed Khai tử, every row the truth's, the place kept under its header, the document's
    civil fields its first row's."""

    doc, archive, rec = _one_register_page(tmp_path, "death_register", "so-khai-tu")
    meta, civil = rec["metadata"], doc.extra["civil"]
    truth = truth_rows(doc.pages[0].text())  # after the sex: the place of death
    got = [{"entry": e["entry"], "registered": e["registered"], "person": e["person"], "event_date": e["event_date"],
            "sex": e["sex"], "parents": e["columns"]["Nơi chết"]} for e in meta["entries"]]
    assert got == truth and len(truth) == 8 and truth[5]["parents"] == "Tại nhà"
    assert meta["type"] == "Khai tử"
    assert (meta["person"], meta["event_date"], meta["entry"]) == (civil["person"], civil["event_date"], civil["entry"])
    assert_valid_pdfa(archive)
