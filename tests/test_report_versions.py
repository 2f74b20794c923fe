"""The HTML report and ``fonds list`` with versions (``archivist supersede``): a replaced version is marked
"replaced by <id>" and the later one "replaces <id>", each linked to the other's entry; documents are counted
as in force + replaced; a replaced version's review flags are not counted as work to do, as ``review export``
leaves them out. On a synthetic archive (records written directly), in Chromium, and end to end through the
real CLI on generated scans of a rescanned dossier."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import sys
from html import unescape
from pathlib import Path

import pytest

from archivist.htmlreport import build_html_report, labels
from archivist.reportversions import version_counts, version_html

from .browser import Browser
from .test_html_report import make_synthetic_archive, needs_chromium
from .textpage import save_scan, versioned_scans

AT = "2026-12-05T10:00:00Z"


def _link(archive: Path, old: str, new: str) -> None:
    """Record on both records that ``new`` replaces ``old``, as archivist/supersede.py writes it."""
    for doc_id, key, value in ((old, "superseded_by", {"id": new, "at": AT, "person": "Lan", "reason": None}),
                               (new, "supersedes", [old])):
        path = archive / "documents" / f"{doc_id}.json"
        rec = json.loads(path.read_text(encoding="utf-8"))
        rec[key] = value
        path.write_text(json.dumps(rec, ensure_ascii=False), encoding="utf-8")


def _rows(html: str) -> dict[str, tuple[str, str]]:
    """doc id -> (the row's opening tag, its flags cell) of the documents table."""
    out = {}
    for m in re.finditer(r'(<tr id="([^"]+)"[^>]*>)(.*?)</tr>', html, re.S):
        cells = re.findall(r"<td[^>]*>(.*?)</td>", m.group(3), re.S)
        out[m.group(2)] = (m.group(1), cells[9])
    return out


def _text(markup: str) -> str:
    return re.sub(r" ([:,])", r"\1", " ".join(unescape(re.sub(r"<[^>]+>", " ", markup)).split()))


def _card(html: str, key: str) -> tuple[str, str]:
    """(value, note) of a summary card."""
    m = re.search(rf'<div class="card"><div data-l="{key}" class="k">[^<]*</div><div class="v">([^<]*)</div>(.*?)'
                  r'(?=<div class="card">|</div></section>)', html, re.S)
    assert m, key
    return m.group(1), _text(m.group(2))


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Six documents; doc 0 (flagged for review) is replaced by doc 1, doc 4 is flagged and in force."""
    root = make_synthetic_archive(tmp_path_factory.mktemp("versions") / "archive", 6)
    _link(root, "doc-0000000000000000", "doc-0000000000000001")
    build_html_report(root)
    return root


def test_counts_say_in_force_and_replaced(versions: Path, tmp_path: Path) -> None:
    summary = build_html_report(versions, tmp_path / "r.html").summary
    assert (summary["documents"], summary["documents_in_force"], summary["superseded_documents"]) == (6, 5, 1)
    # docs 0 and 4 need review; 0 is replaced, so only 4 is work to do, and the one left out is said
    assert (summary["review_documents"], summary["review_superseded"]) == (1, 1)
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert _card(html, "documents") == ("6", "5 hiện hành + 1 đã được thay thế")
    assert _card(html, "review_docs") == ("1", "Không tính bản đã được thay thế (như archivist review export): 1")
    assert _card(html, "pages")[1] == ""


def test_each_entry_links_to_the_other_version(versions: Path) -> None:
    html = (versions / "report.html").read_text(encoding="utf-8")
    rows = _rows(html)
    old_tag, old_flags = rows["doc-0000000000000000"]
    new_tag, new_flags = rows["doc-0000000000000001"]
    assert 'class="superseded"' in old_tag and 'class="superseded"' not in new_tag
    flags = re.search(r'data-flags="([^"]*)"', old_tag).group(1).split()
    assert flags == ["superseded", "low_dpi", "low_conf"]  # no "review": not work to do
    assert _text(old_flags) == "Dưới 200 dpi OCR tin cậy thấp Đã được thay thế bởi doc-0000000000000001"
    assert 'href="#doc-0000000000000001" data-doc="doc-0000000000000001"' in old_flags
    assert _text(new_flags) == "OCR tin cậy thấp Thay thế bản doc-0000000000000000"
    assert 'href="#doc-0000000000000000"' in new_flags
    assert "review" in re.search(r'data-flags="([^"]*)"', rows["doc-0000000000000004"][0]).group(1).split()
    data = json.loads(re.search(r'id="report-data">(.*?)</script>', html, re.S).group(1))
    by_id = {d["id"]: d for d in data}
    assert (by_id["doc-0000000000000000"]["superseded_by"], by_id["doc-0000000000000001"]["supersedes"]) == (
        "doc-0000000000000001", ["doc-0000000000000000"])
    # the type chart counts records in force: five bars' worth, not six
    chart = re.search(r'<figcaption data-l="chart_types">.*?</figure>', html, re.S).group(0)
    assert sum(int(n) for n in re.findall(r'class="n">(\d+)</text>', chart)) == 5


def test_marks_are_escaped_and_an_archive_without_versions_has_none(tmp_path: Path) -> None:
    hostile = 'doc-"><script>x</script>'
    out = version_html({"superseded_by": hostile, "supersedes": []})
    assert "<script>" not in out and "&lt;script&gt;" in out
    docs = [{"superseded_by": None, "review": ["date"]}, {"superseded_by": None, "review": []}]
    assert version_counts(docs) == {"documents_in_force": 2, "superseded_documents": 0, "review_superseded": 0}
    root = make_synthetic_archive(tmp_path / "archive", 3)
    html = build_html_report(root).path.read_text(encoding="utf-8")
    assert _card(html, "documents") == ("3", "") and _card(html, "review_docs")[1] == ""
    assert not any('class="superseded"' in tag or "vlink" in flags for tag, flags in _rows(html).values())


@needs_chromium
def test_a_link_opens_the_other_version_in_both_languages(versions: Path) -> None:
    with Browser() as page:
        page.navigate((versions / "report.html").as_uri())
        page.eval("document.querySelector('#docs tr#doc-0000000000000000 a.vlink').click()")
        assert page.eval("document.getElementById('detail').open")
        assert page.eval("document.querySelector('#detail h2').textContent") == "Công văn 2/QĐ-UBND"  # doc 1
        terms = page.eval("Array.from(document.querySelectorAll('#detail dt')).map(e => e.dataset.l)")
        assert "replaces" in terms and "replaced_by" not in terms
        page.eval("document.querySelector('#detail a.vlink').click()")  # back to the replaced version
        assert page.eval("document.querySelector('#detail h2').textContent") == "Quyết định 1/QĐ-UBND"
        terms = page.eval("Array.from(document.querySelectorAll('#detail dt')).map(e => e.dataset.l)")
        assert "replaced_by" in terms and "to_review" not in terms  # not pushed as work to do
        page.eval("document.getElementById('detail').close()")
        page.eval("(() => { const s = document.getElementById('flag'); s.value = 'superseded';"
                  "s.dispatchEvent(new Event('change')); })()")
        shown = page.eval("Array.from(document.querySelectorAll('#docs tbody tr:not([hidden])')).map(r => r.id)")
        assert shown == ["doc-0000000000000000"]
        page.eval("document.getElementById('lang').click()")
        assert page.eval("document.querySelector('#docs tr#doc-0000000000000000 .flag.superseded').textContent") \
            == labels()["replaced_by"][1] == "Replaced by"
        assert "5 in force + 1 replaced" in page.eval("document.querySelector('#summary').textContent")
        assert not page.errors


# --- end to end -----------------------------------------------------------------------------------


def _cli(*args: object) -> subprocess.CompletedProcess:
    res = subprocess.run([sys.executable, "-m", "archivist.cli", *map(str, args)], capture_output=True, text=True,
                         timeout=600)
    assert res.returncode == 0, res.stdout + res.stderr
    return res


def _processed(inputs: Path, archive: Path, fonds: str) -> list[str]:
    out = json.loads(_cli("process", inputs, "--archive", archive, "--workers", 1, "--fonds", fonds, "--json").stdout)
    return [d["id"] for d in out["documents"] if d["status"] == "processed"]


def _fonds_cells(html: str, code: str) -> list[str]:
    section = re.search(r'<section id="fonds">(.*?)</section>', html, re.S).group(1)
    row = next(r for r in re.findall(r"<tr>(.*?)</tr>", section, re.S) if r.startswith(f"<td>{code}</td>"))
    return [_text(c) for c in re.findall(r"<td>(.*?)</td>", row, re.S)]


@pytest.mark.slow
def test_report_and_fonds_list_of_a_rescanned_dossier(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    scans, dossier, other_scan = versioned_scans(tmp_path)
    _cli("init", "--archive", archive, "--commune", "04714")
    [old] = _processed(scans, archive, "C04714")
    [other] = _processed(other_scan, archive, "C04714")
    save_scan(dossier / "trang 3.jpg", seed=3)  # the missed page, rescanned into the folder
    [new] = _processed(scans, archive, "C04714")
    recs = {i: json.loads((archive / "documents" / f"{i}.json").read_text(encoding="utf-8")) for i in (old, new, other)}
    assert recs[old]["metadata"]["needs_review"]  # a replaced version that still has flags
    _cli("supersede", old, "--by", new, "--archive", archive)

    summary = json.loads(_cli("report", "--archive", archive, "--json").stdout)
    flagged = {i for i, r in recs.items() if r["metadata"].get("needs_review")}
    assert (summary["documents"], summary["documents_in_force"], summary["superseded_documents"]) == (3, 2, 1)
    assert (summary["review_documents"], summary["review_superseded"]) == (len(flagged - {old}), 1)
    line = _cli("report", "--archive", archive).stdout.splitlines()[1]
    assert line.startswith(f"Documents: 3 (2 in force, 1 replaced by a later version), pages: 6, failed: 0, "
                           f"to review: {len(flagged - {old})} (1 replaced version not counted, as in 'review "
                           "export')")

    sheet = tmp_path / "review.csv"
    _cli("review", "export", "--archive", archive, "--out", sheet)
    exported = {r["document_id"] for r in csv.DictReader(io.StringIO(sheet.read_text(encoding="utf-8-sig")))}
    html = (archive / "report.html").read_text(encoding="utf-8")
    rows = _rows(html)
    to_review = {i for i, (tag, _) in rows.items() if "review" in re.search(r'data-flags="([^"]*)"', tag).group(1)}
    assert old not in exported and old not in to_review and to_review == exported  # what review export lists
    assert _text(rows[old][1]).endswith(f"Đã được thay thế bởi {new}") and f'href="#{new}"' in rows[old][1]
    assert _text(rows[new][1]).endswith(f"Thay thế bản {old}") and f'href="#{old}"' in rows[new][1]
    assert "Thay thế" not in rows[other][1]
    # the fonds table: code, name, status, documents, of which replaced, pages, dates, to review
    cells = _fonds_cells(html, "C04714")
    assert (cells[3], cells[4], cells[5], cells[7]) == ("3", "1", "6", str(len(flagged - {old})))
    assert _fonds_cells(html, "M04714")[3:5] == ["0", "0"]

    listed = {f["code"]: f["totals"] for f in json.loads(_cli("fonds", "list", "--archive", archive, "--json").stdout)}
    assert (listed["C04714"]["documents"], listed["C04714"]["superseded"], listed["C04714"]["pages"]) == (3, 1, 6)
    assert listed["C04756"]["superseded"] == 0
    lines = _cli("fonds", "list", "--archive", archive).stdout.splitlines()
    piped = {ln.split("\t")[0]: ln.split("\t") for ln in lines}
    assert piped["C04714"][5] == "3 (1 replaced)" and piped["C04756"][5] == "0"
    stored = json.loads((archive / "fonds" / "C04714.json").read_text(encoding="utf-8"))["totals"]
    assert (stored["documents"], stored["superseded"]) == (3, 1)  # the fonds record's totals agree

    _cli("supersede", old, "--undo", "--archive", archive)  # current again: counted and flagged like any other
    summary = json.loads(_cli("report", "--archive", archive, "--json").stdout)
    assert (summary["documents_in_force"], summary["superseded_documents"], summary["review_superseded"]) == (3, 0, 0)
    assert summary["review_documents"] == len(flagged)
    shutil.rmtree(archive / "report-files")
