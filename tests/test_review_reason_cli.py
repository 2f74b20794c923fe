"""End to end through the real CLI: generated scans processed by ``archivist process`` (real Tesseract), then
``archivist review export`` says on each line why it is there, and ``--json`` prints the same lines for scripts.

The scans: the typed page of session 34's check set (seed 86, slot 10) whose day ``10`` the engine reads ``16`` and
typedzero sets back by the typed zero's dot, the ``6`` kept as a rival (its date is flagged with that reason at a high
confidence; until session 41 it was stored ``16``, flagged by its second readings: tests/test_dateread_day_cli.py),
and three committed
samples: a minutes whose subject is read under 0.70 (``09-bb-175``), a plan whose signer's name the page's reading
leaves out, read from the space under the position since session 38 (``08-kh-244``), a land dossier whose second
document the classifier hesitates over (``07-hoso``). Then
``review import`` takes a sheet as an earlier version wrote it (no ``reason`` column), and ignores a reason a
reviewer edited. A register row's reason: tests/test_rowreview_cli.py."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from archivist.namezone import REASON as ZONE
from archivist.required import missing_reason
from archivist.review import COLUMNS
from archivist.reviewreason import shown
from tests.test_dateread_day_cli import _render

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "scans"
DAY = "the digit '0' of '10' was read '6' and set by its glyph"  # typedzero's: the reason names it (session 45)
OLD_COLUMNS = [c for c in COLUMNS if c != "reason"]  # the sheet of session 35 and before


def _cli(*args: object, code: int = 0) -> subprocess.CompletedProcess:
    res = subprocess.run([sys.executable, "-m", "archivist.cli", *map(str, args)], capture_output=True, text=True,
                         timeout=900)
    assert res.returncode == code, res.stdout + res.stderr
    return res


def _sheet(path: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def _write(path: Path, rows: list[dict], columns: list[str]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.DictWriter(f, fieldnames=columns, extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)


def _records(archive: Path) -> dict[str, dict]:
    """Each record by the name of the scan (file or folder, without its suffix) it came from; a split dossier's
    documents by ``name#01``, ``name#02``."""
    out = {}
    for p in sorted((archive / "documents").glob("doc-*.json")):
        rec = json.loads(p.read_text(encoding="utf-8"))
        name = Path(rec["label"]).stem
        out[f"{name}#{rec['id'][-2:]}" if rec["id"][-3] == "-" else name] = rec
    return out


@pytest.mark.slow
def test_every_line_says_why_and_the_reason_is_never_imported(tmp_path: Path) -> None:
    scans, archive = tmp_path / "scans", tmp_path / "archive"
    scans.mkdir()
    [typed] = [truth["document"] for truth in _render(86, [10], scans).values()]
    for name in ("09-bb-175-tan-huong.jpg", "08-kh-244-huyen-yen-binh-xa-thinh-hung.jpg"):
        shutil.copy2(SAMPLES / name, scans / name)
    shutil.copytree(SAMPLES / "07-hoso-dat-dai-thua-221-thi-tran-yen-binh", scans / "07-hoso")
    _cli("process", scans, "--archive", archive, "--workers", 2)
    recs = _records(archive)

    sheet = tmp_path / "review.csv"
    said = json.loads(_cli("review", "export", "--archive", archive, "--out", sheet, "--json").stdout)
    rows = _sheet(sheet)  # written all the same
    assert list(rows[0]) == COLUMNS and COLUMNS.index("reason") == COLUMNS.index("confidence") + 1
    assert said["sheet"] == str(sheet) and said["rows"] == len(rows) == len(said["items"])
    assert said["documents"] == len({r["document_id"] for r in rows}) >= 4
    for item, row in zip(said["items"], rows, strict=True):  # the same lines, typed
        assert list(item) == ["document_id", "field", "value", "confidence", "reason", "page", "register_row"]
        assert {k: str(v) for k, v in item.items() if k not in ("confidence", "register_row")} == \
               {k: row[k] for k in item if k not in ("confidence", "register_row")}
        assert f"{item['confidence']:.3f}" == row["confidence"] and item["register_row"] is None
    by = {(r["document_id"], r["field"]): r for r in rows}

    date = by[(recs[typed]["id"], "date")]  # flagged by a rule at a high confidence: its rule's words
    assert date["reason"] == DAY and float(date["confidence"]) >= 0.7 and date["value"] == "2010-03-10"
    subject = by[(recs["09-bb-175-tan-huong"]["id"], "subject")]  # read low, no rule: its reading and level
    conf = float(subject["confidence"])
    assert conf < 0.7 and subject["reason"] == f"read with confidence {shown(conf)}, under 0.70"
    signer = by[(recs["08-kh-244-huyen-yen-binh-xa-thinh-hung"]["id"], "signer")]  # no line of the page's reading:
    assert (signer["value"], signer["reason"]) == ("Trịnh Kim Nhàn", ZONE)  # read from the space, and it says so
    assert missing_reason("signer") != ZONE  # (a signer not found at all says why the catalogue needs it)
    # The land dossier's second document, once typed in doubt by another type's words, has a title and a number's
    # code that agree (session 49, fields49): no type line on the sheet; the doubt line's wording is pinned by
    # tests/test_review_reason.py.
    agreed = recs["07-hoso#02"]
    assert (agreed["id"], "type") not in by and agreed["metadata"]["confidence"] >= 0.7
    assert all(r["reason"].startswith("classified as ") for r in rows if r["field"] == "type")

    # A sheet as session 35 wrote it (no reason column) still imports: the subject corrected.
    old = tmp_path / "old.csv"
    subject["corrected_value"] = "Họp xét duyệt hộ nghèo, hộ cận nghèo năm 2011"
    _write(old, [subject], OLD_COLUMNS)
    assert _sheet(old)[0].keys() == set(OLD_COLUMNS)
    res = _cli("review", "import", old, "--archive", archive, "--reviewer", "Nguyễn Thị Lan")
    assert res.stdout == "1 correction applied to 1 document\n", res.stdout + res.stderr
    fixed = json.loads((archive / "documents" / f"{subject['document_id']}.json").read_text(encoding="utf-8"))
    assert fixed["metadata"]["subject"] == subject["corrected_value"]
    assert fixed["metadata"]["fields"]["subject"]["confirmed"] is True

    # A reason a reviewer edited is never written back: the date confirmed as read keeps its rule's reason.
    date["reason"], date["corrected_value"] = "sửa lại: ngày 10", date["value"]
    _write(sheet, [date], COLUMNS)
    _cli("review", "import", sheet, "--archive", archive, "--reviewer", "Nguyễn Thị Lan")
    rec = json.loads((archive / "documents" / f"{date['document_id']}.json").read_text(encoding="utf-8"))
    field = rec["metadata"]["fields"]["date"]
    assert field["confirmed"] is True and field["review"] == DAY and rec["metadata"]["date"] == "2010-03-10"
    assert "sửa lại" not in json.dumps(rec, ensure_ascii=False)
    again = json.loads(_cli("review", "export", "--archive", archive, "--out", tmp_path / "again.csv",
                            "--json").stdout)
    assert {(i["document_id"], i["field"]) for i in again["items"]} == \
           {(r["document_id"], r["field"]) for r in rows} - {(date["document_id"], "date"),
                                                             (subject["document_id"], "subject")}
