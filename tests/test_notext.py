"""Pages without readable text (issue 14, bad input): a blank sheet with the reverse showing through,
a photograph, handwriting. Kept as an image-only PDF/A, not turned, flagged "no text recognised" with
the verdict's confidence, metadata left empty for review, never guessed."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from archivist.models import Word
from archivist.notext import judge
from archivist.ocr import OcrResult
from tests.pdfcheck import assert_valid_pdfs


def _reading(confs: list[float]) -> OcrResult:
    words = [Word(f"w{i}", c, (10 * i, 0, 10 * i + 8, 10), 0) for i, c in enumerate(confs)]
    return OcrResult(words, " ".join(w.text for w in words), sum(confs) / len(confs) if confs else 0.0)


def test_verdicts() -> None:
    nothing = judge(OcrResult())
    assert not nothing.readable and nothing.confidence == 1.0
    junk = judge(_reading([20, 35, 10, 70, 28, 15, 40, 22, 30, 65]))  # show-through: mostly unsure
    assert not junk.readable and 0.5 < junk.confidence < 1.0
    assert "no text recognised" in junk.message() and "10 unreadable words" in junk.message()
    text = judge(_reading([95, 92, 40, 88, 96, 91]))
    assert text.readable and text.confidence > 0.8
    faint = judge(_reading([55, 62, 48, 70, 45, 66, 58]))  # a faded page read with doubt is still text
    assert faint.readable


def test_the_warning_reads_in_vietnamese_in_the_report() -> None:
    from archivist.reportlang import vietnamese

    for v in (judge(OcrResult()), judge(_reading([20, 35, 10, 70, 28, 15, 40, 22, 30, 65]))):
        vi = vietnamese(v.message())
        assert vi.startswith("không tìm thấy chữ trên trang (không nhận dạng được chữ") and "kept" not in vi


@pytest.mark.slow
def test_pages_without_text_are_kept_as_images_and_flagged(tmp_path: Path) -> None:
    from archivist.pipeline import Settings, process
    from samples.generate import generate

    generate(tmp_path / "set", seed=4, n_docs=3, groups=["notext"])
    archive = tmp_path / "archive"
    report = process([tmp_path / "set" / "scans"], archive, Settings(workers=2, pdfa="1b"))
    assert not report.failures and len(report.documents) == 3
    pdfs = []
    for path in sorted((archive / "documents").glob("*.json")):
        rec = json.loads(path.read_text(encoding="utf-8"))
        page, meta = rec["pages"][0], rec["metadata"]
        assert page["words"] == [] and page["text"] == ""
        assert page["orientation"] == 0 and page["skew"] == 0  # kept as scanned: no lines to judge a turn by
        assert any("no text recognised" in w for w in page["warnings"]), page["warnings"]
        assert meta["type"] == "unknown" and "type" in meta["needs_review"]
        assert all(meta.get(k) in (None, [], "") for k in ("number_symbol", "date", "issuer", "subject", "signer"))
        pdf = archive / rec["output"]["pdf"]
        pdfs.append(pdf)
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True).stdout
        assert not text.strip()  # an image-only PDF
    assert any("no text recognised" in w for w in report.warnings)
    assert_valid_pdfs(pdfs)
