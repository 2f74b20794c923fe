"""bench/groups.py: the text layer read in order two ways (issue 14, item 5; session 44).

``pdftotext``'s layout analysis reorders a page's layer by its own guess at columns, so a layer written
in the record's reading order (label, then its value on the same line) came back column by column and the
bench's in-order figure never showed the reading-order work. ``pdftotext -raw`` follows the content
stream, as copy-paste in common viewers does. These tests pin both readings on a real PDF drawn that way,
read by the real ``pdftotext``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pikepdf
import pytest

from bench.groups import markdown_groups, pdf_page_texts, score_groups

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")

LABELS = [f"nhan{i} muc{i} so{i}" for i in range(12)]
VALUES = [f"gia{i} tri{i} ghi{i}" for i in range(12)]
TRUTH = " ".join(f"{a} {b}" for a, b in zip(LABELS, VALUES, strict=True))  # row by row: the record's order


def two_column_layer(path: Path) -> Path:
    """One page, twelve rows of a label at the left and its value far to the right, drawn row by row."""
    pdf = pikepdf.new()
    page = pdf.add_blank_page(page_size=(600, 800))
    font = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name.Helvetica))
    page.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    ops = ["BT /F1 11 Tf"]
    for i, (label, value) in enumerate(zip(LABELS, VALUES, strict=True)):
        ops += [f"1 0 0 1 50 {740 - 16 * i} Tm ({label}) Tj", f"1 0 0 1 330 {740 - 16 * i} Tm ({value}) Tj"]
    page.Contents = pdf.make_stream("\n".join([*ops, "ET"]).encode())
    pdf.save(path)
    return path


def test_raw_reads_the_content_stream_order_and_layout_reads_columns(tmp_path: Path) -> None:
    pdf = two_column_layer(tmp_path / "rows.pdf")
    raw, layout = pdf_page_texts(pdf, raw=True)[0], pdf_page_texts(pdf)[0]
    assert raw.split() == TRUTH.split()
    assert layout.split()[:6] == "nhan0 muc0 so0 nhan1 muc1 so1".split()  # the left column first


def test_score_groups_reports_both_in_order_readings_beside_the_old_keys(tmp_path: Path) -> None:
    (tmp_path / "documents").mkdir()
    two_column_layer(tmp_path / "documents" / "r1.pdf")
    truth = {"group": "clean", "text": TRUTH, "rotation": 0}
    page = {"text": TRUTH, "orientation": 0}
    res = score_groups([], [(truth, page, "r1", 0)], tmp_path)["clean"]
    assert res["wer_layer"] == 0.0  # the same words either way: only their order differs
    assert res["wer_layer_ordered_raw"] == 0.0
    assert res["wer_layer_ordered"] > 0.3
    assert res["wer_ordered"] == 0.0
    row = markdown_groups({"clean": res}, ["clean"]).splitlines()[2]
    assert f"| 0.00% / 0.00% / {res['wer_layer_ordered']:.2%} |" in row


def test_a_record_without_a_pdf_has_no_layer_figures(tmp_path: Path) -> None:
    truth = {"group": "tables", "text": TRUTH, "rotation": 0}
    res = score_groups([], [(truth, {"text": TRUTH, "orientation": 0}, "r1@2", 1)], tmp_path)["tables"]
    assert res["wer_layer_ordered_raw"] is None and res["wer_layer_ordered"] is None
