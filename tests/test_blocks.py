"""Reading a page by the text blocks found from its ink (``--layout blocks``, archivist/blocks.py): the
blocks of a Decree 30 page, the words the engine reads in them (page coordinates, lines in reading
order), the fall-back to Tesseract's own layout analysis, and the setting in the record."""

from __future__ import annotations

import json
import random
import subprocess
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from archivist.blocks import Block as B
from archivist.blocks import find_blocks, merge_stacked, reading_order
from archivist.commit import _settings_of
from archivist.metrics import bag_of_words_error
from archivist.models import Settings
from archivist.ocr import TesserocrEngine, make_engine
from tests.pdfcheck import assert_valid_pdfs
from tests.textpage import FONT

DPI = 200
LEFT = ["ỦY BAN NHÂN DÂN", "XÃ TÂN PHÚ", "Số: 45/QĐ-UBND"]
RIGHT = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Tân Phú, ngày 12 tháng 3 năm 2024"]
BODY = ["Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
        "Xét đề nghị của công chức Tư pháp hộ tịch về việc đăng ký khai sinh,",
        "Ủy ban nhân dân xã quyết định phê duyệt kế hoạch cải cách hành chính.",
        "Điều 1. Giao đất cho hộ ông Nguyễn Văn Đức tại thửa số 125 tờ bản đồ 7."]
FOOT_LEFT = ["Nơi nhận:", "- Như Điều 1;", "- Lưu: VT."]
FOOT_RIGHT = ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn An"]


def decree_page() -> tuple[np.ndarray, list[str]]:
    """An upright A4 page laid out as Decree 30 asks: two header columns, a body, two footer columns."""
    w, h = int(8.27 * DPI), int(11.69 * DPI)
    im = Image.new("L", (w, h), 240)
    d = ImageDraw.Draw(im)
    font = ImageFont.truetype(FONT, int(13 / 72 * DPI))
    step = int(0.24 * DPI)

    def column(lines: list[str], x: int, y: int) -> None:
        for i, line in enumerate(lines):
            d.text((x, y + i * step), line, font=font, fill=25)

    column(LEFT, int(0.9 * DPI), int(0.7 * DPI))
    column(RIGHT, int(3.9 * DPI), int(0.7 * DPI))
    column(BODY, int(0.9 * DPI), int(2.2 * DPI))
    column(FOOT_LEFT, int(0.9 * DPI), int(4.0 * DPI))
    column(FOOT_RIGHT, int(4.6 * DPI), int(4.0 * DPI))
    return np.asarray(im), LEFT + RIGHT + BODY + FOOT_LEFT + FOOT_RIGHT


def _iou(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> float:
    ix = max(0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = ix * iy
    return inter / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter)


def test_blocks_of_a_decree_page_in_reading_order() -> None:
    gray, _ = decree_page()
    blocks = find_blocks(gray, DPI)
    assert blocks is not None and 4 <= len(blocks) <= 10
    h, w = gray.shape
    assert all(0 <= b.x0 < b.x1 <= w and 0 <= b.y0 < b.y1 <= h for b in blocks)
    # the header's columns are apart (the left one may come as several blocks, one per group of lines)
    # and read left first; the body is one block below them; the footer's columns likewise, left first
    right = next(i for i, b in enumerate(blocks) if b.x0 > 0.4 * w)
    assert right >= 1 and all(b.x1 < blocks[right].x0 for b in blocks[:right])
    body = blocks[right + 1]
    assert body.x1 - body.x0 > 0.6 * w and body.y0 > max(b.y1 for b in blocks[:right + 1]) - 40
    foot = blocks[right + 2:]
    assert len(foot) >= 2 and foot[-1].x0 > 0.4 * w and all(b.x1 < foot[-1].x0 for b in foot[:-1])
    assert min(b.y0 for b in foot) > body.y1 - 40


def test_pages_that_are_not_blocks_of_text() -> None:
    blank = np.full((2339, 1654), 245, np.uint8)
    blank[::7, ::5] = 238  # the paper's own grain
    assert find_blocks(blank, DPI) is None  # nothing to read in blocks: Tesseract's own analysis decides
    rng = np.random.default_rng(1)
    photo = np.full((2339, 1654), 240, np.uint8)
    photo[300:1900, 200:1450] = rng.integers(0, 120, (1600, 1250), dtype=np.uint8)  # a dark picture
    assert find_blocks(photo, DPI) is None


def test_stacked_blobs_join_and_rows_read_left_to_right() -> None:
    paragraph, last_line = B(10, 10, 200, 40), B(10, 38, 40, 50)
    header_left, header_right = B(10, 0, 90, 30), B(100, 0, 200, 20)
    assert merge_stacked([paragraph, last_line]) == [B(10, 10, 200, 50)]
    assert merge_stacked([header_left, header_right]) == [header_left, header_right]
    assert reading_order([B(100, 2, 200, 20), B(10, 60, 200, 80), B(10, 0, 90, 30)]) == [
        B(10, 0, 90, 30), B(100, 2, 200, 20), B(10, 60, 200, 80)]


def test_block_words_are_page_words_in_reading_order() -> None:
    gray, lines = decree_page()
    page = TesserocrEngine().recognize(gray, DPI)
    blocks = TesserocrEngine(layout="blocks").recognize(gray, DPI)
    assert bag_of_words_error("\n".join(lines), blocks.text) <= 0.03
    assert bag_of_words_error("\n".join(lines), blocks.text) <= bag_of_words_error("\n".join(lines), page.text) + 0.01
    # every word where Tesseract's own reading has it: same page coordinates, same baseline
    same = [(w, max((p for p in page.words if p.text == w.text), key=lambda p: _iou(w.bbox, p.bbox)))
            for w in blocks.words if any(p.text == w.text for p in page.words)]
    assert len(same) >= 0.9 * len(blocks.words)
    assert sum(_iou(a.bbox, b.bbox) > 0.8 for a, b in same) >= 0.95 * len(same)
    assert all(a.baseline is not None and abs(a.baseline - b.baseline) <= 3 for a, b in same if b.baseline)
    # lines numbered on from block to block, in reading order: the left header column before the right
    assert [w.line for w in blocks.words] == sorted(w.line for w in blocks.words)
    text_lines = blocks.text.splitlines()
    assert text_lines.index("ỦY BAN NHÂN DÂN") < text_lines.index("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert text_lines[-1] == "Nguyễn Văn An"


def test_weak_block_reading_falls_back_to_tesseracts_own() -> None:
    """Scribbles (handwriting Tesseract cannot read) found as blocks read at a low confidence; the
    page is then read as Tesseract's own analysis reads it, which sets such regions aside."""
    r = random.Random(3)
    im = Image.new("L", (1654, 2339), 240)
    d = ImageDraw.Draw(im)
    for row in range(12):  # one joined-up line of loops and strokes per row
        y = 300 + row * 120
        d.line([(200 + i * 7, y + r.randint(-14, 14)) for i in range(170)], fill=30, width=3)
    gray = np.asarray(im)
    assert find_blocks(gray, DPI)  # it looks like blocks ...
    blocks = TesserocrEngine(layout="blocks").recognize(gray, DPI)
    page = TesserocrEngine().recognize(gray, DPI)
    assert [(w.text, w.bbox) for w in blocks.words] == [(w.text, w.bbox) for w in page.words]  # ... read as before


def test_table_cells_keep_their_own_reading() -> None:
    """``block=True`` (cells stacked on a strip, cells.py) is one uniform block whatever the layout."""
    gray, lines = decree_page()
    strip = np.ascontiguousarray(gray[int(2.1 * DPI):int(3.3 * DPI)])
    a = TesserocrEngine().recognize(strip, DPI, block=True)
    b = TesserocrEngine(layout="blocks").recognize(strip, DPI, block=True)
    assert [(w.text, w.bbox, w.line) for w in a.words] == [(w.text, w.bbox, w.line) for w in b.words]


def test_layout_in_the_settings_fingerprint() -> None:
    assert Settings(layout="blocks").fingerprint()["layout"] == "blocks"
    assert Settings(layout="tesseract").fingerprint()["layout"] == "tesseract"
    assert Settings(layout="blocks", ocr_engine="cli").fingerprint()["layout"] == "tesseract"
    assert make_engine("cli", layout="blocks").layout == "tesseract"
    # a record made before the setting existed was read with Tesseract's own layout analysis
    old = {"pdfa": "1b", "ocr_engine": "tesserocr", "lang": "vie", "force_ocr": False, "split": "auto"}
    assert _settings_of({"settings": old}) == Settings(layout="tesseract").fingerprint()
    assert _settings_of({"settings": old}) != Settings(layout="blocks").fingerprint()
    with pytest.raises(Exception, match="unknown page layout"):
        TesserocrEngine(layout="columns")


def _engine_loaded(_: object) -> str | None:
    from archivist import pagework

    return pagework._ENGINE.name if pagework._ENGINE is not None else None


def test_pool_workers_start_with_the_model_loaded() -> None:
    """The fork server loads the engine (archivist/warm.py), so a worker's first page does not."""
    from archivist.executor import make_executor
    from archivist.forkstart import start_early
    from archivist.pipeline import init_worker

    start_early(2)
    ex = make_executor(2, init_worker)
    try:
        assert [r for _, r in ex.map_unordered(_engine_loaded, [1, 2])] == ["tesserocr", "tesserocr"]
    finally:
        ex.close()


def _words_of(text: str) -> list[str]:
    return sorted(text.split())


@pytest.mark.slow
def test_blocks_end_to_end_record_text_layer_fields_and_rerun(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from archivist.cli import main
    from samples.generate import generate

    truths = {Path(t["files"][0]).name: t for t in generate(tmp_path / "set", seed=21, n_docs=3, pages_max=2)}
    archive = tmp_path / "archive"
    args = ["process", str(tmp_path / "set" / "scans"), "--archive", str(archive), "--workers", "2", "--json"]
    res = CliRunner().invoke(main, [*args, "--layout", "blocks"])
    assert res.exit_code == 0, res.output
    assert {d["status"] for d in json.loads(res.stdout)["documents"]} == {"processed"}
    pdfs = []
    for path in sorted((archive / "documents").glob("*.json")):
        rec = json.loads(path.read_text(encoding="utf-8"))
        assert rec["settings"]["layout"] == "blocks"
        truth = truths[Path(rec["source"]["paths"][0]).name]
        pdf = archive / rec["output"]["pdf"]
        pdfs.append(pdf)
        for n, (page, want) in enumerate(zip(rec["pages"], truth["pages"], strict=True), start=1):
            assert bag_of_words_error(want["text"], page["text"]) <= 0.05, (path.name, n)
            layer = subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), "-enc", "UTF-8", str(pdf), "-"],
                                   capture_output=True, text=True, check=True).stdout
            assert _words_of(layer) == _words_of(" ".join(w[0] for w in page["words"])), (path.name, n)
        meta, want = rec["metadata"], truth["metadata"]
        assert (meta["number_symbol"], meta["date"]) == (want["number"], want["date"]), path.name
        assert meta["issuer"] == want["issuer"], path.name
    assert_valid_pdfs(pdfs, last=False)  # before the tesseract layout writes them again
    again = CliRunner().invoke(main, [*args, "--layout", "blocks"])
    assert {d["status"] for d in json.loads(again.stdout)["documents"]} == {"already done"}
    other = CliRunner().invoke(main, [*args, "--layout", "tesseract"])
    assert {d["status"] for d in json.loads(other.stdout)["documents"]} == {"processed"}
    assert {json.loads(p.read_text(encoding="utf-8"))["settings"]["layout"]
            for p in (archive / "documents").glob("*.json")} == {"tesseract"}


@pytest.mark.slow
def test_cli_engine_reads_with_tesseracts_layout_through_the_pool(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from archivist.cli import main
    from tests.textpage import scan, text_page

    im, lines = text_page(200, seed=8, lines=10)
    (tmp_path / "scans").mkdir()
    Image.fromarray(scan(im, 2.0, 0)).save(tmp_path / "scans" / "p.png", dpi=(200, 200))
    res = CliRunner().invoke(main, ["process", str(tmp_path / "scans"), "--archive", str(tmp_path / "a"), "--workers",
                                    "2", "--ocr-engine", "cli", "--layout", "blocks", "--json"])
    assert res.exit_code == 0, res.output
    (rec,) = [json.loads(p.read_text(encoding="utf-8")) for p in (tmp_path / "a" / "documents").glob("*.json")]
    assert rec["settings"]["ocr_engine"] == "cli" and rec["settings"]["layout"] == "tesseract"
    assert bag_of_words_error("\n".join(lines), rec["pages"][0]["text"]) <= 0.05
