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
