"""What the main process of a batch leaves out, and the values it still writes (issue 16, session 24).

The main process reads no page: naming the engine and OpenCV in every record, and the report's page-image
size, used to bring OpenCV and the OCR module (blocks, OCR fixes) into it. The records must say the same.
Real OpenCV, real tesserocr and Tesseract, in a fresh interpreter for what is imported."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_document_stage_and_report_leave_opencv_and_the_ocr_module_out() -> None:
    code = ("import sys, archivist.pipeline, archivist.cli, archivist.commit, archivist.htmlreport, archivist.ingest; "
            "from archivist.record import tool_versions; from archivist.tessdata import engine_version; "
            "print(tool_versions(engine_version('tesserocr'))['opencv']); "
            "print(sorted(m for m in ('cv2', 'archivist.ocr', 'archivist.blocks', 'archivist.preview', "
            "'archivist.preprocess', 'archivist.ocrfix') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    import cv2

    assert out.stdout.split("\n")[:2] == [cv2.__version__, "[]"]


def test_versions_are_the_ones_the_libraries_give() -> None:
    import cv2
    import tesserocr

    from archivist.ocr import TesseractCliEngine
    from archivist.record import opencv_version
    from archivist.tessdata import engine_version

    assert opencv_version() == cv2.__version__
    lib = tesserocr.tesseract_version().split()[1]
    assert engine_version("tesserocr") == f"tesseract {lib} (tesserocr {tesserocr.__version__})"
    assert engine_version("cli") == TesseractCliEngine().version()
    assert engine_version("cli").startswith("tesseract ")


def test_the_report_and_the_workers_share_the_page_image_size() -> None:
    from archivist import htmlreport, pageimage, preview

    assert (htmlreport.PAGE_PX, htmlreport.QUALITY) == (preview.PAGE_PX, preview.QUALITY) == (480, 70)
    assert pageimage.PAGE_PX == 480


def test_the_main_process_writes_a_pdf_without_numpy(tmp_path: Path) -> None:
    """The main process imports discovery, the document stage and the PDF writer, and writes a turned and tilted
    page's PDF (its image matrix included) without NumPy: 0.09 CPU s of imports a batch (bench/RESULTS.md,
    issue 16, session 26). The page's image is made here (the test helpers use NumPy) and handed over pickled."""
    import pickle

    from PIL import Image

    from tests.pdfpages import png_payload

    (tmp_path / "payload.pickle").write_bytes(pickle.dumps(png_payload(Image.new("L", (600, 800), 200))))
    code = ("import pickle, sys, archivist.pipeline, archivist.cli, archivist.commit, archivist.htmlreport, "
            "archivist.assemble, archivist.ingest, archivist.discover\n"
            "from datetime import datetime, timezone\n"
            "from pathlib import Path\n"
            "from archivist.models import PageRef, PageResult, Word\n"
            "from archivist.pdfa import write_pdfa\n"
            f"tmp = Path({str(tmp_path)!r})\n"
            "page = PageResult(1, PageRef(tmp / 'p.png', 'image'), 800, 600, 300.0, 90, 2.5,\n"
            "                  words=[Word('Xã', 95.0, (10, 10, 60, 40), 0)],\n"
            "                  image=pickle.loads((tmp / 'payload.pickle').read_bytes()))\n"
            "write_pdfa([page], tmp / 'p.pdf', level='1b', title='t', created=datetime.now(timezone.utc), "
            "producer='t')\n"
            "print('numpy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.split() == ["False"]
    assert (tmp_path / "p.pdf").read_bytes()[:5] == b"%PDF-"


def test_unit_names_are_read_back_the_same_and_follow_the_database(tmp_path: Path, monkeypatch) -> None:
    """The cross-check's unit names are made once per database and code, then read from the cache (session 26):
    the same set as made from the installed lists; a database with other bytes (a commune renamed) gets its own
    file and its own names, never the old ones."""
    import shutil
    import sqlite3

    import pytest

    from archivist import adminunits, unitnames

    try:
        folder = adminunits.data_dir()
    except adminunits.UnitError:
        pytest.skip("the administrative unit lists are not installed")
    monkeypatch.setenv("ARCHIVIST_CACHE_DIR", str(tmp_path / "cache"))
    unitnames.unit_names.cache_clear()
    try:
        made = unitnames._unit_names_built()
        assert len(made) > 5000 and unitnames.unit_names() == made  # made and stored
        assert len(list((tmp_path / "cache").glob("unit-names-*.txt"))) == 1
        unitnames.unit_names.cache_clear()
        assert unitnames.unit_names() == made  # read back

        copy = tmp_path / "lists"
        copy.mkdir()
        shutil.copy(folder / "dataset.db", copy / "dataset.db")
        con = sqlite3.connect(copy / "dataset.db")
        code = con.execute("SELECT wardCode FROM admin_units ORDER BY wardCode LIMIT 1").fetchone()[0]
        con.execute("UPDATE admin_units SET ward = 'Xã Zzyzx Thử' WHERE wardCode = ?", (code,))
        con.commit()
        con.close()
        monkeypatch.setattr(adminunits, "data_dir", lambda: copy)
        unitnames.unit_names.cache_clear()
        changed = unitnames.unit_names()
        assert changed == unitnames._unit_names_built() != made
        assert "zzyzx thử" in changed and "zzyzx thử" not in made
        assert len(list((tmp_path / "cache").glob("unit-names-*.txt"))) == 2
    finally:
        unitnames.unit_names.cache_clear()


def test_a_derived_table_follows_each_of_its_sources_and_its_data(tmp_path: Path, monkeypatch) -> None:
    """``derived_lines`` with several modules and a data digest: a change to any of them builds again."""
    from archivist import tesswords

    monkeypatch.setenv("ARCHIVIST_CACHE_DIR", str(tmp_path / "cache"))
    a, b = tmp_path / "a.py", tmp_path / "b.py"
    a.write_text("A = 1\n", encoding="utf-8")
    b.write_text("B = 1\n", encoding="utf-8")
    calls: list[str] = []

    def lines(tag: str) -> list[str]:
        calls.append(tag)
        return [tag]

    assert tesswords.derived_lines("t", [a, b], lambda: lines("one"), data="d1") == ["one"]
    assert tesswords.derived_lines("t", [a, b], lambda: lines("no"), data="d1") == ["one"]  # read back
    b.write_text("B = 2\n", encoding="utf-8")
    assert tesswords.derived_lines("t", [a, b], lambda: lines("two"), data="d1") == ["two"]
    assert tesswords.derived_lines("t", [a, b], lambda: lines("three"), data="d2") == ["three"]
    assert calls == ["one", "two", "three"]
