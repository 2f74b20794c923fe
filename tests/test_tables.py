"""Ruled tables (issue 14, item 3): rules found and painted out of the image OCR reads (never the
stored one), strokes crossing them put back, cells read one by one in reading order; end to end on
the generated ``tables`` group, word error within the target and the words in table order."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import cv2
import numpy as np
import pytest

from archivist.cells import _crops, merge, paper_from, read_cells
from archivist.metrics import bag_of_words_error
from archivist.models import Word
from archivist.ocr import make_engine
from archivist.preprocess import components, components_in_box
from archivist.tables import Grid, _runs, _thin_rules, remove_rules
from samples.layout import font
from tests.pdfcheck import assert_valid_pdfa
from tests.pdfpages import pdftotext

DPI = 300.0
ROWS = [["STT", "Họ và tên chủ hộ", "Thôn", "Số khẩu"], ["1", "Nguyễn Văn Bình", "Thôn Trung", "4"],
        ["2", "Trần Thị Lan", "Thôn Đông Hạ", "7"], ["3", "Lê Hữu Phúc", "Ấp Tân Hiệp", "2"]]
COLS = [0, 150, 800, 1250, 1550]  # column rules, px from the table's left edge
ROW_H = 95


def _table_page() -> tuple[np.ndarray, list[int], list[int]]:
    """A 300 dpi page: a line of text, then a 4x4 ruled table (rules 3 px), text close to the rules."""
    from PIL import Image, ImageDraw

    im = Image.new("L", (2000, 900), 255)
    d = ImageDraw.Draw(im)
    f = font("regular", round(12 * DPI / 72))
    d.text((200, 120), "Danh sách các hộ được hỗ trợ", font=f, fill=20, anchor="ls")
    x0, y0 = 200, 200
    rows = [y0 + i * ROW_H for i in range(len(ROWS) + 1)]
    cols = [x0 + c for c in COLS]
    for y in rows:
        d.line([(cols[0], y), (cols[-1], y)], fill=30, width=3)
    for x in cols:
        d.line([(x, rows[0]), (x, rows[-1])], fill=30, width=3)
    for i, row in enumerate(ROWS):
        for j, text in enumerate(row):
            d.text((cols[j] + 12, rows[i] + 68), text, font=f, fill=20, anchor="ls")
    a = np.asarray(im)
    return cv2.GaussianBlur(a, (0, 0), 0.7), rows, cols


def test_rules_are_found_and_painted_out_of_a_copy() -> None:
    page, rows, cols = _table_page()
    before = page.copy()
    found = remove_rules(page, DPI)
    assert np.array_equal(page, before)  # the stored image is never touched
    assert len(found.grids) == 1
    g = found.grids[0]
    assert len(g.rows) == len(rows) and len(g.cols) == len(cols)
    assert all(abs(a - b) <= 4 for a, b in zip(g.rows, rows, strict=True))
    assert all(abs(a - b) <= 4 for a, b in zip(g.cols, cols, strict=True))
    assert len(g.cells()) == len(ROWS) * (len(COLS) - 1)
    rule_rows = found.image[[y for y in rows], cols[0] + 20:cols[-1] - 20]
    assert (rule_rows > 200).mean() > 0.97  # the rules are gone
    text = slice(100, 135), slice(200, 900)
    assert np.array_equal(found.image[text], page[text])  # the line above the table is untouched


def test_a_stroke_crossing_a_rule_is_put_back() -> None:
    page = np.full((400, 1200), 255, np.uint8)
    cv2.line(page, (50, 200), (1150, 200), 0, 3)  # a rule
    cv2.line(page, (600, 170), (600, 225), 0, 4)  # a letter's stem (4.7 mm) drawn through it
    found = remove_rules(page, DPI)
    assert (found.image[199:202, 300:500] > 200).all()  # the rule is gone
    assert (found.image[170:226, 599:601] < 100).all()  # the stem is whole


def test_bold_words_running_together_are_not_rules() -> None:
    from PIL import Image, ImageDraw

    im = Image.new("L", (2400, 300), 255)
    ImageDraw.Draw(im).text((100, 200), "QUYẾT ĐỊNH PHÊ DUYỆT KẾ HOẠCH", font=font("bold", 80), fill=0,
                            anchor="ls")
    page = cv2.GaussianBlur(np.asarray(im), (0, 0), 2.0)  # blurred: the letters touch
    found = remove_rules(page, DPI)
    assert found.removed_px == 0 and found.image is page


def test_cells_are_read_in_reading_order() -> None:
    page, _, _ = _table_page()
    found = remove_rules(page, DPI)
    cells = read_cells(make_engine(), found.image, DPI, found.grids[0])
    assert [" ".join(w.text for w in c) for c in cells] == [t for row in ROWS for t in row]  # lone digits too
    before = [Word("Danh", 95, (200, 90, 300, 125), 0), Word("sách", 95, (310, 90, 400, 125), 0),
              Word("Ký", 95, (200, 700, 260, 740), 1)]
    merged = merge(before, [(found.grids[0], cells)])
    texts = [w.text for w in merged]
    assert texts[:3] == ["Danh", "sách", "STT"] and texts[-1] == "Ký"  # the table where it stands
    assert [w.line for w in merged] == sorted(w.line for w in merged)


def test_grid_cells_merge_where_a_rule_is_missing() -> None:
    g = Grid(0, 0, 300, 200, [0, 100, 200], [0, 100, 200, 300], open_right=[[True, False, False], [False] * 3],
             open_below=[[False] * 3, [False] * 3])
    assert g.cells() == [(0, 0, 200, 100), (200, 0, 300, 100), (0, 100, 100, 200), (100, 100, 200, 200),
                         (200, 100, 300, 200)]


def test_a_cells_light_greys_away_from_ink_are_made_paper_on_a_copy() -> None:
    """What the flattening leaves of the paper's texture (faint grey) goes before a cell is read (HG46's ``21``
    read ``2Ì`` beside it); ink and the grey round it stay (a drawn ``khẩu`` read ``khâu`` without it), and the
    page itself is not touched."""
    page, _, _ = _table_page()
    found = remove_rules(page, DPI)
    image = found.image.copy()
    x0, y0, x1, y1 = found.grids[0].cells()[4]  # the ``1`` of the numbering column
    image[y0 + 30:y0 + 60, x0 + 60:x1 - 10] = 235  # a faint smudge beside it
    before = image.copy()
    cut, paper = paper_from(image)
    assert cut < paper < 235
    cell = dict(_crops(image, found.grids[0], (cut, paper)))[(x0 + 1, y0 + 1, x1, y1)]
    assert (cell[29:59, 59:-10] == 255).all() and cell.min() < 100 and np.array_equal(image, before)
    assert [" ".join(w.text for w in c) for c in read_cells(make_engine(), image, DPI, found.grids[0])][4] == "1"
    edged = image.copy()
    edged[y0 + 10:y0 + 14, x0 + 60:x1 - 10] = 20  # a stroke and its grey edge, in the same light grey
    edged[y0 + 14:y0 + 16, x0 + 60:x1 - 10] = 235
    cell = dict(_crops(edged, found.grids[0], (cut, paper)))[(x0 + 1, y0 + 1, x1, y1)]
    assert (cell[13:15, 59:-10] == 235).all() and (cell[29:59, 59:-10] == 255).all()


@pytest.mark.slow
def test_generated_table_pages_read_within_target(tmp_path: Path) -> None:
    """The tables group processed end to end (pages of figures turned upside down by the layout
    estimate among them): word error of the table pages under 3% (issue 14's 2% is measured by
    bench/accuracy.py --groups on its larger set; before this work these pages read at 9-11%), table
    rows in reading order, no rule read as a character, the page numbers on top of the later pages read
    (session 28), the text layer the record's words, every PDF valid PDF/A-1b."""
    from archivist.pipeline import Settings, process
    from bench.accuracy import load_truth, pair_pages
    from bench.groups import ordered_word_error
    from samples.generate import generate

    generate(tmp_path / "set", seed=5, n_docs=3, groups=["tables"], max_skew=4.0, rotations=False)
    archive = tmp_path / "archive"
    report = process([tmp_path / "set" / "scans"], archive, Settings(workers=2, pdfa="1b"))
    assert not report.failures
    records = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((archive / "documents").glob("*.json"))]
    _, pages = pair_pages(load_truth(tmp_path / "set"), records, tmp_path / "set")
    table_pages = [(gt, pg) for gt, pg in pages if "STT" in gt["text"] or "(1)" in gt["text"]]
    assert len(table_pages) >= 3
    errors = [bag_of_words_error(gt["text"], pg["text"]) for gt, pg in table_pages]
    assert np.mean(errors) <= 0.03, errors
    assert np.mean([ordered_word_error(gt["text"], pg["text"]) for gt, pg in table_pages]) <= 0.06
    assert not any(w[0].startswith(("|", "[", "]")) or w[0].endswith("|") for _, pg in table_pages for w in pg["words"])
    # the numbers alone on their line (the numbering column, counts, sums, page numbers): 7 lost on these pages
    # before the page numbers were read and the cells' light greys made paper (session 28), 1 after
    lost_numbers = sum(sum((Counter(ln for ln in gt["text"].split("\n") if re.fullmatch(r"[\d.,]+", ln))
                            - Counter(pg["text"].split())).values()) for gt, pg in table_pages)
    assert lost_numbers <= 2
    # the page numbers on top of pages 2-4 (Tesseract's layout analysis read none: archivist/pagenumber.py), each
    # its page's first line, above every other word, in the record and in the PDF's text layer
    numbered = [(gt, pg) for gt, pg in pages if gt["text"].split("\n")[0].isdigit()]
    assert len(numbered) >= 3
    for gt, pg in numbered:
        first = pg["words"][0]
        assert first[0] == gt["text"].split("\n")[0] and pg["text"].split("\n")[0] == first[0]
        assert all(first[5] <= w[3] for w in pg["words"][1:])  # its bottom above every other word's top
    for pdf in sorted((archive / "documents").glob("*.pdf")):
        record = json.loads(pdf.with_suffix(".json").read_text(encoding="utf-8"))
        for k, page in enumerate(record["pages"][1:], start=2):
            assert pdftotext(pdf, k).split()[:1] == page["text"].split()[:1]  # the layer's first word the record's
    assert_valid_pdfa(archive)


def _masks() -> list[np.ndarray]:
    """Rule masks as remove_rules makes them (the ruled page's runs at 100 dpi), and edge cases: one pixel
    in each corner, blobs touching the border, a mask with nothing set."""
    page, _, _ = _table_page()
    small = cv2.resize(page, None, fx=1 / 3, fy=1 / 3, interpolation=cv2.INTER_AREA)
    ink = (small < 160).astype(np.uint8)
    out = [_runs(ink, 47, 1), _runs(ink, 28, 0), cv2.dilate(_runs(ink, 47, 1) | _runs(ink, 28, 0), np.ones((5, 5)))]
    for y, x in ((0, 0), (0, -1), (-1, 0), (-1, -1), (7, 11)):
        m = np.zeros((40, 60), np.uint8)
        m[y, x] = 1
        out.append(m)
    rng = np.random.default_rng(3)
    out.append((rng.random((50, 70)) > 0.93).astype(np.uint8))
    out.append(np.zeros((30, 30), np.uint8))
    return out


def test_labelling_the_rules_box_gives_the_whole_masks_components() -> None:
    """preprocess.components_in_box labels only the box around the set pixels (issue 16, session 24): every
    component keeps its number, pixels and stats, as labelling the whole mask gives them."""
    for mask in _masks():
        n, labels, stats, _ = components(mask)
        x0, y0, box_labels, box_stats = components_in_box(mask)
        assert len(box_stats) == n
        assert np.array_equal(box_stats[1:], stats[1:])
        placed = np.zeros_like(labels)
        placed[y0:y0 + box_labels.shape[0], x0:x0 + box_labels.shape[1]] = box_labels
        assert np.array_equal(placed, labels)


def test_thin_rules_keeps_what_the_whole_masks_labels_kept() -> None:
    """The runs kept as rules are those the former whole-mask labelling kept (same test per component)."""
    page, _, _ = _table_page()
    small = cv2.resize(page, None, fx=1 / 3, fy=1 / 3, interpolation=cv2.INTER_AREA)
    ink = (small < 160).astype(np.uint8)
    for axis, length in ((1, 47), (0, 28)):
        lines = _runs(ink, length, axis)
        n, labels, stats, _ = components(lines)
        keep = np.zeros(n, bool)
        for i in range(1, n):
            x, y, w, h, area = (int(v) for v in stats[i])
            if area / (w if axis == 1 else h) > 2.0:
                continue
            if axis == 1:
                a, b = ink[max(y - 2, 0), x:x + w], ink[min(y + h + 1, ink.shape[0] - 1), x:x + w]
            else:
                a, b = ink[y:y + h, max(x - 2, 0)], ink[y:y + h, min(x + w + 1, ink.shape[1] - 1)]
            keep[i] = max(a.mean(), b.mean()) < 0.35
        got = _thin_rules(lines, ink, axis, 2, 2.0)
        assert got.dtype == np.uint8 and got.shape == lines.shape
        assert np.array_equal(got, keep[labels].astype(np.uint8))
        assert got.any()


@pytest.mark.parametrize("threads", [1, 0])
def test_the_rules_box_numbers_components_as_the_whole_mask_whatever_the_threads(threads: int) -> None:
    """The workers label on one thread (pagework.init_worker); inline runs may use OpenCV's pool."""
    before = cv2.getNumThreads()
    cv2.setNumThreads(threads)
    try:
        test_labelling_the_rules_box_gives_the_whole_masks_components()
        rng = np.random.default_rng(5)
        for _ in range(20):  # blobs starting on odd and even rows and columns
            m = np.zeros((120, 90), np.uint8)
            for _ in range(6):
                y, x = rng.integers(1, 110), rng.integers(1, 80)
                m[y:y + rng.integers(1, 9), x:x + rng.integers(1, 9)] = 1
            n, labels, stats, _ = components(m)
            x0, y0, bl, bs = components_in_box(m)
            placed = np.zeros_like(labels)
            placed[y0:y0 + bl.shape[0], x0:x0 + bl.shape[1]] = bl
            assert len(bs) == n and np.array_equal(bs[1:], stats[1:]) and np.array_equal(placed, labels)
    finally:
        cv2.setNumThreads(before)
