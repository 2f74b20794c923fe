"""The HTML quality report (archivist.htmlreport): what it shows, in a real headless Chromium.

The browser tests open the report of the session's processed archive (``archive_1b``) and of a
synthetic 500-document archive (records and tiny PDFs written directly, no OCR), and check the
page against the records: counts, rows, filtering, sorting, the detail view with its page images
and highlighted words, the language toggle, that nothing was fetched from the network, and that
the big report loads in under two seconds.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from io import BytesIO
from pathlib import Path

import pytest
from click.testing import CliRunner

from archivist.htmlreport import (
    LOW_WORD_CONF,
    MAX_BOXES,
    PAGE_PX,
    THUMB_PX,
    PageImages,
    build_html_report,
    labels,
    write_html_report,
)

from .browser import CHROMIUM, Browser

needs_chromium = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is missing (Debian package "
                                                                          "'chromium', see scripts/setup-system.sh)")
HOSTILE = 'Về việc </script><img src=x onerror="window.pwned=1"> <!-- & "trích yếu"'
TYPES = ("Quyết định", "Công văn", "Báo cáo", "Tờ trình", "Khai sinh")


def _records(archive: Path) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted((archive / "documents").glob("*.json"))]


def _low_count(rec: dict) -> int:
    return sum(min(sum(1 for w in p["words"] if w[1] < LOW_WORD_CONF), MAX_BOXES) for p in rec["pages"])


def _all_local(urls: list[str]) -> bool:
    return all(u.startswith(("file://", "data:")) for u in urls)


def _wait(page: Browser, condition: str, timeout: float = 10.0) -> None:
    """Wait until a JavaScript condition holds in the page (images decode asynchronously)."""
    deadline = time.monotonic() + timeout
    while not page.eval(condition):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {condition}")
        time.sleep(0.1)


def _set(page: Browser, selector: str, value: str, event: str) -> None:
    page.eval(f"(() => {{ const e = document.querySelector({json.dumps(selector)}); e.value = {json.dumps(value)};"
              f"e.dispatchEvent(new Event({json.dumps(event)})); }})()")


# --- a synthetic archive: records and one-page PDFs written directly ------------------------------


def _tiny_pdf(width: int, height: int) -> bytes:
    """A scan-like page (grey lines of "text") as a PDF at 20 dpi, so the page is A4-sized."""
    from PIL import Image, ImageDraw

    im = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(im)
    for y in range(20, height - 20, 9):
        draw.rectangle([15, y, width - 15 - (y * 7) % 40, y + 4], fill=(90, 90, 90))
    buf = BytesIO()
    im.save(buf, "PDF", resolution=20.0)
    return buf.getvalue()


def make_synthetic_archive(root: Path, n: int) -> Path:
    """``n`` documents of 1-3 pages with metadata, words (some of low confidence) and one hostile subject."""
    docs = root / "documents"
    docs.mkdir(parents=True)
    w, h = 165, 234
    one = _tiny_pdf(w, h)
    pdfs = {1: one, 2: _multi_page(one, 2), 3: _multi_page(one, 3)}
    for i in range(n):
        pages_n = 1 + i % 3
        doc_id = f"doc-{i:016x}"
        data = pdfs[pages_n]
        (docs / f"{doc_id}.pdf").write_bytes(data)
        words = [[f"từ{j}", 30.0 + 7 * j, 15 + 12 * j, 20 + 9 * j, 40 + 12 * j, 26 + 9 * j, j] for j in range(10)]
        pages = [{"number": k, "width": w, "height": h, "dpi": 150.0 if i % 7 == 0 else 300.0, "orientation": 0,
                  "skew": 1.5, "mean_confidence": 70.0 + (i % 30), "words": words, "warnings": []}
                 for k in range(1, pages_n + 1)]
        rec = {"id": doc_id, "label": f"scans/{i:04d}.jpg", "page_count": pages_n, "pages": pages,
               "output": {"pdf": f"documents/{doc_id}.pdf", "sha256": hashlib.sha256(data).hexdigest()},
               "metadata": {"type": TYPES[i % len(TYPES)], "number_symbol": f"{i + 1}/QĐ-UBND",
                            "date": f"{2000 + i % 25}-0{1 + i % 9}-1{i % 10}",
                            "subject": HOSTILE if i == 3 else f"Về việc số {i} của xã Tân Phú",
                            "issuer": "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ", "confidence": 0.9,
                            "needs_review": ["date"] if i % 4 == 0 else [],
                            "retention": {"period": "permanent" if i % 2 else 10}},
               "timings": {"load": 0.1, "preprocess": 0.5, "ocr": 2.0}}
        (docs / f"{doc_id}.json").write_text(json.dumps(rec, ensure_ascii=False), encoding="utf-8")
    report = {"finished": "2026-01-01T00:00:00Z", "seconds": 100.0, "pages_per_minute": 60.0, "pages": 2 * n,
              "failures": [{"path": "scans/broken.jpg", "reason": "not an image <b>bold</b>\nsecond line",
                            "stage": "ingest"}]}
    (root / "report.json").write_text(json.dumps(report), encoding="utf-8")
    return root


def _multi_page(one: bytes, n: int) -> bytes:
    import pikepdf

    with pikepdf.open(BytesIO(one)) as src, pikepdf.new() as pdf:
        for _ in range(n):
            pdf.pages.append(src.pages[0])
        buf = BytesIO()
        pdf.save(buf)
        return buf.getvalue()


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """500 documents; their page images are written up front (one JPEG, copied), so that the report
    reuses them instead of spending a minute in pdftoppm: image rendering is tested on the small archives."""
    from PIL import Image

    root = make_synthetic_archive(tmp_path_factory.mktemp("synthetic") / "archive", 500)
    folder = root / "report-files"
    folder.mkdir()
    jpegs = {}
    for px in (PAGE_PX, THUMB_PX):
        buf = BytesIO()
        Image.new("RGB", (px, round(px * 1.414)), (235, 235, 235)).save(buf, "JPEG", quality=70)
        jpegs[px] = buf.getvalue()
    for rec in _records(root):
        pages, thumb = PageImages.names(rec)
        for name in pages:
            (folder / name).write_bytes(jpegs[PAGE_PX])
        (folder / thumb).write_bytes(jpegs[THUMB_PX])
    write_html_report(root)
    return root


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 12-document synthetic archive, for what does not need the 500."""
    return make_synthetic_archive(tmp_path_factory.mktemp("small") / "archive", 12)


@pytest.fixture(scope="module")
def sample_report(archive_1b: tuple[Path, object], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The report of the session's processed archive, written outside it (the archive is shared)."""
    return write_html_report(archive_1b[0], tmp_path_factory.mktemp("report") / "report.html")


# --- without a browser ----------------------------------------------------------------------------


def test_markup_escapes_record_data(synthetic: Path) -> None:
    html = (synthetic / "report.html").read_text(encoding="utf-8")
    assert "<img src=x" not in html and "</script><img" not in html
    data = re.search(r'<script type="application/json" id="report-data">(.*?)</script>', html, re.S)
    assert data is not None
    docs = json.loads(data.group(1))
    assert len(docs) == 500 and docs[3]["subject"] == HOSTILE
    assert "not an image &lt;b&gt;bold&lt;/b&gt;</td>" in html  # failures: escaped, first line only
    assert not re.search(r'(src|href)="(https?:)?//', html)


def test_images_are_reused_and_pruned(archive_copy: Path) -> None:
    folder = archive_copy / "report-files"
    write_html_report(archive_copy)
    before = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
    recs = _records(archive_copy)
    assert len(before) == sum(r["page_count"] + 1 for r in recs)
    write_html_report(archive_copy)
    assert {p.name: p.stat().st_mtime_ns for p in folder.iterdir()} == before
    # a document whose PDF changed gets new images; its old ones go
    rec = recs[0]
    rec["output"]["sha256"] = "f" * 64
    (archive_copy / "documents" / f"{rec['id']}.json").write_text(json.dumps(rec, ensure_ascii=False), "utf-8")
    write_html_report(archive_copy)
    after = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
    pages, thumb = PageImages.names(rec)
    assert set(pages) | {thumb} <= set(after)
    assert not any(n.startswith(rec["id"] + "-") and n not in set(pages) | {thumb} for n in after)
    assert all(after[n] == t for n, t in before.items() if not n.startswith(rec["id"] + "-"))


def test_unreadable_pdf_gets_no_image(small: Path, tmp_path: Path) -> None:
    import shutil

    archive = tmp_path / "archive"
    shutil.copytree(small, archive)
    rec = _records(archive)[5]
    (archive / rec["output"]["pdf"]).write_bytes(b"not a PDF")
    out = write_html_report(archive)
    docs = json.loads(re.search(r'id="report-data">(.*?)</script>', out.read_text("utf-8"), re.S).group(1))
    broken = next(d for d in docs if d["id"] == rec["id"])
    assert broken["thumb"] is None and all(p["img"] is None for p in broken["pages"])
    assert all(d["thumb"] for d in docs if d["id"] != rec["id"])
    assert not any(p.name.startswith(".tmp-") for p in (archive / "report-files").iterdir())


def test_cli_prints_path_and_counts(small: Path, tmp_path: Path) -> None:
    from archivist.cli import main

    out = tmp_path / "lo 1.html"
    res = CliRunner().invoke(main, ["report", "--archive", str(small), "--out", str(out), "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data["report"] == str(out) and out.is_file() and (tmp_path / "lo 1-files").is_dir()
    assert (data["documents"], data["pages"], data["failures"]) == (12, 24, 1)
    assert data["low_dpi_pages"] == sum(1 + i % 3 for i in range(12) if i % 7 == 0)
    assert len(list((tmp_path / "lo 1-files").glob("*.jpg"))) == 24 + 12
    res = CliRunner().invoke(main, ["report", "--archive", str(tmp_path / "nothing")])
    assert res.exit_code == 2 and "not an archive" in res.output


# --- in Chromium ----------------------------------------------------------------------------------


@needs_chromium
def test_report_shows_the_archive(sample_report: Path, archive_1b: tuple[Path, object]) -> None:
    recs = _records(archive_1b[0])
    with Browser() as page:
        page.navigate(sample_report.as_uri())
        shot = page.screenshot(sample_report.parent / "report.png")
        assert shot.stat().st_size > 20_000
        cards = page.eval("Object.fromEntries(Array.from(document.querySelectorAll('.card'))"
                          ".map(c => [c.querySelector('[data-l]').dataset.l, c.querySelector('.v').textContent]))")
        assert cards["documents"] == str(len(recs))
        assert cards["pages"] == str(sum(r["page_count"] for r in recs))
        assert cards["failures"] == str(len(archive_1b[1].failures))
        assert cards["review_docs"] == str(sum(bool(r["metadata"].get("needs_review")) for r in recs))
        numbers = page.eval("Array.from(document.querySelectorAll('#docs tbody tr')).map(r => r.cells[2].textContent)")
        assert sorted(numbers) == sorted(r["metadata"].get("number_symbol") or r["metadata"].get("number") or ""
                                         for r in recs)
        assert page.eval("document.querySelectorAll('.chart svg rect.bar').length") > 0
        links = page.eval("Array.from(document.querySelectorAll('#docs tbody a')).map(a => a.href)")
        assert all(Path(u.removeprefix("file://")).is_file() for u in links) and len(links) == len(recs)
        assert not page.errors
        assert _all_local(page.requests), page.requests


@needs_chromium
def test_filter_sort_and_language(synthetic: Path) -> None:
    with Browser() as page:
        page.navigate((synthetic / "report.html").as_uri())
        visible = "document.querySelectorAll('#docs tbody tr:not([hidden])').length"
        assert page.eval(visible) == 500
        page.type_text("#q", "cong van 7/qđ")  # diacritics optional: 7/QĐ, 17/QĐ, 27/QĐ, … of the Công văn
        expected = sum(1 for i in range(500) if TYPES[i % 5] == "Công văn" and str(i + 1).endswith("7"))
        assert page.eval(visible) == expected > 0
        _set(page, "#q", "", "input")
        _set(page, "#type", "Công văn", "change")
        assert page.eval(visible) == 100
        assert page.eval("document.getElementById('shown').dataset.count") == "100"
        page.eval("document.querySelectorAll('#docs thead th')[3].querySelector('button').click()")
        dates = page.eval("Array.from(document.querySelectorAll('#docs tbody tr:not([hidden])')).map(r => r.cells[3]"
                          ".dataset.v)")
        assert dates == sorted(dates) and len(dates) == 100
        page.eval("document.getElementById('lang').click()")
        assert page.eval("document.documentElement.lang") == "en"
        assert page.eval("document.querySelector('#documents h2').textContent") == labels()["doc_list"][1]
        assert page.eval("document.getElementById('q').placeholder") == labels()["filter"][1]
        assert not page.errors and _all_local(page.requests)


@needs_chromium
def test_detail_view_shows_pages_and_low_confidence_words(sample_report: Path,
                                                           archive_1b: tuple[Path, object]) -> None:
    recs = {r["id"]: r for r in _records(archive_1b[0])}
    rec = max(recs.values(), key=lambda r: (_low_count(r) > 0, r["page_count"]))
    with Browser() as page:
        page.navigate(sample_report.as_uri())
        i = page.eval(f"JSON.parse(document.getElementById('report-data').textContent)"
                      f".findIndex(d => d.id === {json.dumps(rec['id'])})")
        page.eval(f"document.querySelector('#docs tbody tr[data-i=\"{i}\"]').cells[4].click()")
        assert page.eval("document.getElementById('detail').open")
        _wait(page, "Array.from(document.querySelectorAll('#detail img')).every(im => im.complete && im.naturalWidth)")
        assert page.eval("document.querySelectorAll('#detail .page img').length") == rec["page_count"]
        assert page.eval("document.querySelectorAll('#detail .box').length") == _low_count(rec)
        caption = page.eval("document.querySelector('#detail figcaption').textContent")
        assert f"{rec['pages'][0]['skew']:g}°" in caption and f"{rec['pages'][0]['orientation']}°" in caption
        # a highlighted word sits where its box says, on the page image as drawn
        n, p = next((n, p) for n, p in enumerate(rec["pages"]) if any(w[1] < LOW_WORD_CONF for w in p["words"]))
        box = page.eval(f"(() => {{ const f = document.querySelectorAll('#detail .page')[{n}];"
                        "const im = f.querySelector('img').getBoundingClientRect();"
                        "const b = f.querySelector('.box').getBoundingClientRect();"
                        "return [(b.left - im.left) / im.width, (b.top - im.top) / im.height]; })()")
        first = min((x for x in p["words"] if x[1] < LOW_WORD_CONF), key=lambda x: x[1])
        assert box == pytest.approx([first[2] / p["width"], first[3] / p["height"]], abs=0.004)
        page.screenshot(sample_report.parent / "detail.png")
        assert not page.errors
        assert _all_local(page.requests), page.requests


@needs_chromium
def test_500_documents_open_in_under_two_seconds(synthetic: Path) -> None:
    warm_up = synthetic.parent / "warm-up.html"  # the browser's own first-page costs (fonts, renderer) go here
    warm_up.write_text('<!DOCTYPE html><meta charset="utf-8"><p>Ủy ban nhân dân xã</p>', encoding="utf-8")
    with Browser() as page:
        page.navigate(warm_up.as_uri())
        loads = []
        for _ in range(3):  # the median of three, as the machine running the tests may be busy
            page.navigate((synthetic / "report.html").as_uri())
            loads.append(page.eval("(() => { const n = performance.getEntriesByType('navigation')[0];"
                                   "return [n.domContentLoadedEventEnd, n.loadEventEnd]; })()"))
        print("500-document report (DOMContentLoaded, load) in ms:", [[round(x) for x in t] for t in loads])
        assert sorted(t[1] for t in loads)[1] < 2000, loads
        assert page.eval("document.querySelectorAll('#docs tbody tr').length") == 500
        assert page.eval("window.pwned === undefined && document.querySelectorAll('img[src=x]').length === 0")
        assert HOSTILE in page.eval("document.querySelector('#docs tbody tr[data-i=\"3\"]').cells[4].textContent")
        assert page.eval("document.querySelectorAll('#docs img').length") == 500
        # lazy loading: the browser fetched only the thumbnails near the screen, not all 500
        assert len([u for u in page.requests if u.endswith("-t.jpg")]) < 100
        assert not page.errors and _all_local(page.requests)


def test_build_returns_summary(small: Path, tmp_path: Path) -> None:
    result = build_html_report(small, tmp_path / "r.html")
    assert result.path == tmp_path / "r.html"
    assert result.summary["review_documents"] == 3 and result.summary["cpu_seconds"] == 31.2
