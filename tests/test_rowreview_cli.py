"""End to end through the real CLI: a civil-status register page generated with one entry number misprinted
(``26`` between ``19`` and ``21``) and one family name no list holds (``Giáp``, a real one; ``Lò``, a Thái name,
was until the lexicon learnt the mountain peoples' names in session 37), scanned, processed by real Tesseract;
its flagged rows exported to the review sheet, checked there (the misread number corrected, the others confirmed as
read), imported; the record, its history, the sheet exported again and
``report --json``'s count say the register is checked, and a re-run with other settings keeps the check."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageFilter

from archivist.review import COLUMNS
from archivist.reviewreason import shown
from archivist.schemas import validate_record
from tests.pdfcheck import assert_valid_pdfa

LAN = "Nguyễn Thị Lan"


def _cli(*args: object, code: int = 0) -> subprocess.CompletedProcess:
    res = subprocess.run([sys.executable, "-m", "archivist.cli", *map(str, args)], capture_output=True, text=True,
                         timeout=900)
    assert res.returncode == code, res.stdout + res.stderr
    return res


def _register_scan(folder: Path, edits: dict[str, str] | None = None) -> Path:
    """The generator's birth register (seed 4: entries 18-25) with entry 20 printed ``26`` and ``Bùi Xuân Quý``
    written ``Giáp Xuân Quý`` (or the lines ``edits`` prints otherwise), drawn at 300 dpi as a scanned JPEG."""
    from samples.hard import _table_doc
    from samples.scan import render

    doc = _table_doc("register", 4, False)
    edits = dict(edits or {"20": "26", "Bùi Xuân Quý": "Giáp Xuân Quý"})
    for line in doc.pages[0].lines:
        line.text = edits.pop(line.text, line.text)
    assert not edits
    ink, _, _ = render(doc.pages[0], 300)
    folder.mkdir()
    page = Image.fromarray((255 - ink * 0.9).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.6))
    page.save(folder / "so-khai-sinh.jpg", dpi=(300, 300), quality=90)
    return folder


def _sheet(path: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def _write(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS)
        w.writeheader()
        w.writerows(rows)


@pytest.mark.slow
def test_a_registers_rows_are_checked_and_cleared_through_the_sheet(tmp_path: Path) -> None:
    scans, archive = _register_scan(tmp_path / "scans"), tmp_path / "archive"
    said = _cli("process", scans, "--archive", archive, "--workers", 1).stdout
    assert "To review: 1 document" in said
    [path] = (archive / "documents").glob("*.json")
    read = json.loads(path.read_text(encoding="utf-8"))
    assert "entries" in read["metadata"]["needs_review"]
    assert json.loads(_cli("report", "--archive", archive, "--json").stdout)["review_documents"] == 1

    sheet = tmp_path / "review.csv"
    _cli("review", "export", "--archive", archive, "--out", sheet)
    rows = _sheet(sheet)
    assert list(rows[0]) == COLUMNS
    by_place = {(r["page"], r["register_row"]): r for r in rows if r["field"] == "entries"}
    misread, rare = by_place[("1", "3")], by_place[("1", "4")]
    assert misread["value"].startswith("entry=26; registered=2020-03-09; person=Đặng Thanh Toàn;")
    assert misread["reason"] == "entry number 26 is out of sequence with the other rows' numbers"
    assert float(misread["confidence"]) < 0.7
    assert misread["ocr_snippet"].startswith("26; 09/03/2020; Đặng Thanh Toàn")  # what was read, apart from why
    assert "person=Giáp Xuân Quý" in rare["value"] and "family name 'Giáp'" in rare["reason"]
    stored = {(str(e["page"]), str(e["row"])): e for e in read["metadata"]["entries"]}
    for place, r in by_place.items():  # each row says why: its reason as the record keeps it, or its low reading
        low = f"read with confidence {shown(float(r['confidence']))}, under 0.70"
        assert r["reason"] == (stored[place]["review"] or low)
    assert all(r["register_row"] == "" for r in rows if r["field"] != "entries")  # a field needs no place

    misread["corrected_value"] = "entry 20"  # unclear: refused in one line naming the sheet row, nothing written
    _write(sheet, rows)
    before = path.read_bytes()
    res = _cli("review", "import", sheet, "--archive", archive, "--reviewer", LAN, code=1)
    n = rows.index(misread) + 2
    assert f"error: row {n}: register row 3 of page 1: 'entry 20' is not column=value" in res.stderr
    assert path.read_bytes() == before

    misread["corrected_value"] = "entry=20"
    for r in by_place.values():  # every other flagged row checked against the scan and right: its value copied
        if r is not misread:
            r["corrected_value"] = r["value"]
    # the leaf prints no place: since session 44 (flags146) it is its issuer's commune, stored and not to review
    assert not [r for r in rows if r["field"] == "place"] and read["metadata"]["place"] == "Xã Quỳnh Hậu"
    _write(sheet, rows)
    res = _cli("review", "import", sheet, "--archive", archive, "--reviewer", LAN)
    assert res.stdout == f"{len(by_place)} corrections applied to 1 document\n"

    rec = json.loads(path.read_text(encoding="utf-8"))
    validate_record(rec)
    meta = rec["metadata"]
    entries = meta["entries"]
    assert [e["entry"] for e in entries] == [str(n) for n in range(18, 26)]
    assert entries[2]["confirmed"] and entries[2]["cells"]["entry"] == {**read["metadata"]["entries"][2]["cells"]
                                                                       ["entry"], "confidence": 1.0}
    assert entries[3]["person"] == "Giáp Xuân Quý" and entries[3]["confirmed"]
    assert {(e["page"], e["row"]) for e in entries if e.get("confirmed")} == \
           {(int(p), int(r)) for p, r in by_place}
    assert meta["needs_review"] == []
    changes = [h for h in rec["history"] if h["field"] == "entries"]
    assert len(changes) == len(by_place) and all(h["reviewer"] == LAN and h["at"].endswith("Z") for h in changes)
    [fixed] = [h for h in changes if h["old"] != h["new"]]
    assert (fixed["page"], fixed["row"], fixed["old"]["entry"], fixed["new"]["entry"]) == (1, 3, "26", "20")
    assert {k: v for k, v in fixed["new"].items() if k != "entry"} == \
           {k: v for k, v in fixed["old"].items() if k != "entry"}

    again = tmp_path / "again.csv"
    assert _cli("review", "export", "--archive", archive, "--out", again).stdout == \
           f"0 fields to review written to {again}\n"
    assert _sheet(again) == []
    assert json.loads(_cli("report", "--archive", archive, "--json").stdout)["review_documents"] == 0
    _cli("verify", "--archive", archive)  # the index row rewritten agrees with the record
    assert_valid_pdfa(archive)  # the PDF/A-1b the batch wrote (a row's check leaves the PDF as it is)

    redo = _cli("process", scans, "--archive", archive, "--workers", 1, "--pdfa", "2b").stdout
    assert "1 processed" in redo and "To review" not in redo  # read again, the check is kept
    kept = json.loads(path.read_text(encoding="utf-8"))
    assert kept["output"]["pdfa"] == "2b" and kept["metadata"]["entries"][2]["entry"] == "20"
    assert kept["metadata"]["needs_review"] == [] and kept["history"] == rec["history"]


def _as_merged(path: Path) -> None:
    """Rewrite the record as an earlier reading would have left it: rows 3 and 4 read as one row (their cells'
    lines joined, the dates not parsed), the rows below one place up. What a re-run reads now is the page's
    own eight rows: a reading with a row more than the one a person checked."""
    rec = json.loads(path.read_text(encoding="utf-8"))
    rows = rec["metadata"]["entries"]
    a, b = rows[2], rows.pop(3)
    for key, cell in a["cells"].items():
        cell["source_text"] = f"{cell['source_text']} {b['cells'][key]['source_text']}"
        cell["confidence"] = round(cell["confidence"] * 0.5, 3)
        a[key] = None if key in ("registered", "event_date") else f"{a[key]} {b[key]}"
    a["confidence"], a["review"] = 0.3, f"entry number '{a['entry']}' is not a number"
    for n, e in enumerate(rows, start=1):
        e["row"] = n
    rec["metadata"]["needs_review"] = sorted(set(rec["metadata"]["needs_review"]) | {"entries"})
    path.write_text(json.dumps(rec, ensure_ascii=False, indent=2), encoding="utf-8")


@pytest.mark.slow
def test_a_check_made_on_a_row_the_new_reading_splits_is_not_put_on_another_persons_row(tmp_path: Path) -> None:
    scans, archive = _register_scan(tmp_path / "scans"), tmp_path / "archive"
    _cli("process", scans, "--archive", archive, "--workers", 1)
    [path] = (archive / "documents").glob("*.json")
    read = json.loads(path.read_text(encoding="utf-8"))["metadata"]["entries"]
    assert [(e["entry"], e["person"]) for e in read[2:4]] == [("26", "Đặng Thanh Toàn"), ("21", "Giáp Xuân Quý")]
    _as_merged(path)

    sheet = tmp_path / "review.csv"
    _cli("review", "export", "--archive", archive, "--out", sheet)
    rows = _sheet(sheet)
    [merged] = [r for r in rows if (r["field"], r["page"], r["register_row"]) == ("entries", "1", "3")]
    assert merged["value"].startswith("entry=26 21; registered=; person=Đặng Thanh Toàn Giáp Xuân Quý;")
    merged["corrected_value"] = "entry=20; person=Đặng Thanh Toàn"  # the person fixes the row as the scan's row 3
    _write(sheet, [merged])
    assert _cli("review", "import", sheet, "--archive", archive, "--reviewer", LAN).stdout == \
           "1 correction applied to 1 document\n"
    history = json.loads(path.read_text(encoding="utf-8"))["history"]

    redo = _cli("process", scans, "--archive", archive, "--workers", 1, "--pdfa", "2b").stdout
    assert "1 processed" in redo and "To review: 1 document" in redo
    rec = json.loads(path.read_text(encoding="utf-8"))
    validate_record(rec)
    entries = rec["metadata"]["entries"]
    assert [(e["entry"], e["person"]) for e in entries] == [(e["entry"], e["person"]) for e in read]  # as read
    assert not any(e.get("confirmed") for e in entries)  # the check is on no one's row
    day = history[-1]["at"][:10]
    assert entries[2]["review"].endswith(f"row 3 was confirmed on {day} as '{row_text_of(history[-1]['new'])}'; "
                                         "the page was read again and this row changed, so that check was not "
                                         "applied: check the row again")
    assert rec["history"] == history and history[-1]["new"]["person"] == "Đặng Thanh Toàn"  # kept in the history
    again = tmp_path / "again.csv"
    _cli("review", "export", "--archive", archive, "--out", again)
    listed = {r["register_row"]: r["reason"] for r in _sheet(again) if r["field"] == "entries"}
    assert "the page was read again and this row changed" in listed["3"]
    assert json.loads(_cli("report", "--archive", archive, "--json").stdout)["review_documents"] == 1


def row_text_of(values: dict) -> str:
    """A row's values as the sheet and the review reason write them (archivist/toreview.py ``row_text``)."""
    return "; ".join(f"{k}={'' if v is None else v}" for k, v in values.items())
