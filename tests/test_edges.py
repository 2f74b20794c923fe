"""Small things found on the way (issue 15, item 8), each through a real batch run as a user runs it.

One batch, processed once for the module with ``--ocr-engine cli`` (the ``tesseract`` command, not the
binding): two generated pages, one of which records an impossible 10,000 dpi, plus an empty file and a
text file named ``.jpg``. On it: the CLI engine's output, the dpi warning, the HTML report's Vietnamese
time and reasons (in Chromium when it is installed), and the search table on an 80-column terminal.
"""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
from datetime import datetime, timedelta
from html import escape
from pathlib import Path

import pytest
from PIL import Image

from archivist.metrics import bag_of_words_error
from tests.pdfcheck import assert_valid_pdfs
from tests.textpage import scan, text_page

pytestmark = pytest.mark.slow


def _cli(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "archivist.cli", *args], capture_output=True, text=True, cwd=cwd,
                          env=env, timeout=600)


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> dict:
    root = tmp_path_factory.mktemp("edges")
    scans = root / "scans"
    scans.mkdir()
    truth = {}
    for name, seed, dpi in (("qd.jpg", 5, 10_000), ("cv.png", 6, 200)):
        im, lines = text_page(200, seed=seed, lines=10)
        Image.fromarray(scan(im, 2.5, 0, seed=seed)).save(scans / name, dpi=(dpi, dpi), quality=85)
        truth[name] = "\n".join(lines)
    (scans / "empty.jpg").write_bytes(b"")
    (scans / "note.jpg").write_text("không phải ảnh, chỉ là ghi chú", encoding="utf-8")
    archive = root / "archive"
    res = _cli("process", str(scans), "--archive", str(archive), "--ocr-engine", "cli", "--pdfa", "1b",
               "--workers", "2", "--quiet")
    assert res.returncode == 1, res.stderr  # the two bad files fail; the two pages are written
    report = json.loads((archive / "report.json").read_text(encoding="utf-8"))
    records = {Path(r["label"]).name: r for r in (json.loads(p.read_text(encoding="utf-8"))
                                                  for p in (archive / "documents").glob("*.json"))}
    return {"archive": archive, "report": report, "records": records, "truth": truth, "scans": scans}


# --- the tesseract command as OCR engine ----------------------------------------------------------------


def test_the_cli_engine_makes_the_same_kind_of_archive(batch: dict) -> None:
    archive, records = batch["archive"], batch["records"]
    assert sorted(records) == ["cv.png", "qd.jpg"]
    for name, rec in records.items():
        assert rec["settings"]["ocr_engine"] == "cli"
        assert rec["tools"]["ocr"].startswith("tesseract 5") or rec["tools"]["ocr"].startswith("tesseract 4")
        (page,) = rec["pages"]
        assert page["words"] and page["mean_confidence"] > 80, name
        assert bag_of_words_error(batch["truth"][name], page["text"]) < 0.05, name
        assert abs(page["skew"] - 2.5) < 0.2, name
    pdfs = [archive / r["output"]["pdf"] for r in records.values()]
    for rec, pdf in zip(records.values(), pdfs, strict=True):  # the text layer holds what the engine read
        layer = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert bag_of_words_error(rec["pages"][0]["text"], layer) < 0.02
    word = batch["truth"]["cv.png"].split()[3]
    hits = json.loads(_cli("search", word, "--archive", str(archive), "--json").stdout)
    assert records["cv.png"]["id"] in {h["doc_id"] for h in hits}
    assert_valid_pdfs(pdfs)


# --- an impossible recorded resolution -----------------------------------------------------------------


def test_an_implausible_recorded_dpi_is_named_as_such(batch: dict) -> None:
    page = batch["records"]["qd.jpg"]["pages"][0]
    assert page["dpi"] == 300
    assert page["warnings"] == ["resolution recorded as 10000 dpi, implausible; assumed 300 dpi"]
    warnings = batch["report"]["warnings"]
    assert f"{batch['scans'] / 'qd.jpg'} p.1: resolution recorded as 10000 dpi, implausible; assumed 300 dpi" \
        in warnings
    assert not any("not recorded" in w for w in warnings)


# --- the HTML report: Vietnamese local time, reasons in Vietnamese --------------------------------------


REASONS = {"empty.jpg": ("the file is empty (0 bytes); copy it again from the scanner, or scan the page again",
                         "tệp rỗng (0 byte); hãy chép lại tệp từ máy quét, hoặc quét lại trang"),
           "note.jpg": ("not an image file: it holds text, though its name ends in .jpg; move it out of the scans "
                        "folder, or put the page's scan in its place",
                        "không phải tệp ảnh: tệp chứa văn bản dù tên có đuôi .jpg; hãy chuyển tệp ra khỏi thư mục "
                        "ảnh quét, hoặc thay bằng ảnh quét của trang")}


def test_report_times_are_vietnam_time_and_reasons_vietnamese(batch: dict) -> None:
    html = (batch["archive"] / "report.html").read_text(encoding="utf-8")
    finished = datetime.fromisoformat(batch["report"]["finished"].replace("Z", "+00:00"))
    stamps = re.findall(r'<time datetime="([^"]+)">([^<]+)</time> \(<span data-l="vietnam_time">([^<]+)</span>\)',
                        html)
    assert len(stamps) == 2, stamps  # generated, last batch
    for iso, shown, label in stamps:
        t = datetime.fromisoformat(iso)
        assert t.utcoffset() == timedelta(hours=7) and shown == t.strftime("%Y-%m-%d %H:%M:%S")
        assert label == "giờ Việt Nam, UTC+7"
    assert datetime.fromisoformat(stamps[1][0]) == finished
    assert stamps[1][1] == (finished + timedelta(hours=7)).strftime("%Y-%m-%d %H:%M:%S")
    for _name, (en, vi) in REASONS.items():
        assert f'data-en="{escape(en)}">{escape(vi)}</td>' in html
    assert '<span data-l="stage_ingest">Đọc tệp</span>' in html


def test_report_in_chromium_switches_reasons_and_warnings_with_the_language(batch: dict) -> None:
    from tests.browser import CHROMIUM, Browser

    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is missing (Debian package 'chromium')")
    fails = "Array.from(document.querySelectorAll('.fails tbody tr')).map(r => r.cells[2].textContent)"
    warn = "Array.from(document.querySelectorAll('#detail .warn')).map(s => s.textContent)"
    docs = json.loads(re.search(r'id="report-data">(.*?)</script>',
                                (batch["archive"] / "report.html").read_text(encoding="utf-8"), re.S).group(1))
    qd = next(i for i, d in enumerate(docs) if d["label"].endswith("qd.jpg"))
    with Browser() as page:
        page.navigate((batch["archive"] / "report.html").as_uri())
        assert sorted(page.eval(fails)) == sorted(vi for _, vi in REASONS.values())
        assert "giờ Việt Nam" in page.eval("document.querySelector('header .sub').textContent")
        page.eval(f"window.archivistReport.openDetail({qd})")
        assert page.eval(warn) == ["tệp ghi độ phân giải 10000 dpi, không hợp lý; coi như 300 dpi"]
        page.eval("document.getElementById('detail').close(); document.getElementById('lang').click()")
        assert sorted(page.eval(fails)) == sorted(en for en, _ in REASONS.values())
        assert "Vietnam time, UTC+7" in page.eval("document.querySelector('header .sub').textContent")
        page.eval(f"window.archivistReport.openDetail({qd})")
        assert page.eval(warn) == ["resolution recorded as 10000 dpi, implausible; assumed 300 dpi"]
        page.eval("document.getElementById('lang').click()")  # and back, with the detail view open
        assert page.eval(warn) == ["tệp ghi độ phân giải 10000 dpi, không hợp lý; coi như 300 dpi"]
        assert not page.errors


# --- the search table on an 80-column terminal -----------------------------------------------------------


def _on_a_terminal(args: list[str], columns: int) -> str:
    """Run archivist in a real pseudo-terminal ``columns`` wide; its screen output without escape codes."""
    master, slave = pty.openpty()
    env = {**os.environ, "COLUMNS": str(columns), "LINES": "60", "TERM": "xterm", "NO_COLOR": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "archivist.cli", *args], stdin=slave, stdout=slave, stderr=slave,
                            env=env)
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the terminal closes when the program ends
            break
        if not chunk:
            break
        out += chunk
    os.close(master)
    assert proc.wait(timeout=120) == 0, out
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", out.decode("utf-8")).replace("\r", "")


def test_search_table_at_80_columns_shows_whole_document_ids(batch: dict) -> None:
    archive = str(batch["archive"])
    query = "ủy OR ban OR xã"
    ids = [h["doc_id"] for h in json.loads(_cli("search", query, "--archive", archive, "--json").stdout)]
    assert len(ids) == 2
    screen = _on_a_terminal(["search", query, "--archive", archive], 80)
    lines = screen.splitlines()
    assert "┃" in screen and max(len(line) for line in lines) <= 80  # the table, as wide as the terminal
    for doc_id in ids:
        # whole, on one line of the document column (the PDF path in the match column may hold it too,
        # wrapped or not, depending on how long the archive's path is)
        line = next(line for line in lines if line.split("│")[2:3] and doc_id in line.split("│")[2])
        shown = re.search(r"doc-[0-9a-f]{16}(-\d\d)?", line).group(0)
        assert _cli("show", shown, "--archive", archive).returncode == 0
