"""A box processed a second time: the same scans copied into a new folder or renamed, or the same folder again.

Both used to leave the user guessing: a scan an earlier batch archived under another name was "already done"
without a word (the box's file count and the archive's parted silently), and a re-run with nothing left to do
printed "Processing 0 pages…" as if it were about to start. The warning is on report.html too, in its language."""

from __future__ import annotations

import json
import shutil
from html import escape
from pathlib import Path

import pytest
from PIL import Image

from archivist.models import DocumentInput
from archivist.pipeline import _archived_before
from tests.pdfcheck import assert_valid_pdfs
from tests.test_first_box import _cli  # the archivist command in a folder, as a person runs it


def _doc(*sources: Path) -> DocumentInput:
    return DocumentInput(id="doc-0123456789abcdef", label=str(sources[0]), sources=list(sources), pages=[],
                         sha256="0" * 64)


def test_a_scan_archived_before_under_another_name_is_said(tmp_path: Path) -> None:
    new = tmp_path / "hộp 2" / "Bản sao kế hoạch.jpg"
    done = [{"id": "doc-0123456789abcdef", "source": {"paths": ["/kho/hộp 1/Kế hoạch.jpg"]}}]
    assert _archived_before(_doc(new), done) == [
        f"{new}: the same scan as /kho/hộp 1/Kế hoạch.jpg (identical files), archived by an earlier batch as "
        "doc-0123456789abcdef; not archived again"]


def test_a_split_input_names_every_document_it_is_in(tmp_path: Path) -> None:
    done = [{"id": f"doc-0123456789abcdef-0{n}", "source": {"paths": ["/kho/quyet-dinh.pdf"]}} for n in (1, 2)]
    (line,) = _archived_before(_doc(tmp_path / "qd.pdf"), done)
    assert line.endswith("archived by an earlier batch as doc-0123456789abcdef-01, doc-0123456789abcdef-02; "
                         "not archived again")


def test_the_same_files_again_are_no_warning(tmp_path: Path) -> None:
    pages = [tmp_path / "hồ sơ" / "trang-1.jpg", tmp_path / "hồ sơ" / "trang-2.jpg"]
    done = [{"id": "doc-0123456789abcdef", "source": {"paths": [str(p) for p in pages]}}]
    assert _archived_before(_doc(*pages), done) == []
    assert _archived_before(_doc(*pages), [{"id": "doc-x"}]) == []  # a record without its sources: nothing to say


@pytest.mark.parametrize(("already", "failed", "line"), [
    (12, 0, "Nothing to do: all 12 files found are already in the archive."),
    (1, 0, "Nothing to do: the 1 file found is already in the archive."),
    (3, 2, "Nothing to process: 3 files already in the archive, 2 could not be read (listed below)."),
    (0, 0, "No scans found: nothing to do."),
])
def test_a_batch_with_nothing_to_do_says_so_in_one_line(already: int, failed: int, line: str, capsys) -> None:
    from archivist.cli import _Progress

    progress = _Progress(quiet=False)
    progress("nothing", already)
    progress.nothing_to_do(failed)
    assert capsys.readouterr().err == line + "\n"
    quiet = _Progress(quiet=True)
    quiet("nothing", already)
    quiet.nothing_to_do(failed)
    assert capsys.readouterr().err == ""


def test_every_warning_the_walk_and_the_batch_give_reads_in_vietnamese_on_the_report(tmp_path: Path) -> None:
    """The batch's warnings as archivist words them (not copies of the words): each has its Vietnamese, its path
    kept as it is, so report.html does not show English lines on a Vietnamese page."""
    from archivist.discover import discover
    from archivist.reportlang import warning_vietnamese
    from archivist.versions import Earlier, version_warning

    box = tmp_path / "hộp"
    (box / "hồ sơ").mkdir(parents=True)
    Image.new("L", (60, 40), 250).save(box / "a.jpg")
    shutil.copy(box / "a.jpg", box / "Bản sao a.jpg")
    Image.new("L", (60, 40), 200).save(box / "hồ sơ" / "trang 1.jpg")
    (box / "lối tắt").symlink_to(box / "hồ sơ")
    (box / "tệp tắt.jpg").symlink_to(box / "a.jpg")
    (box / "kho" / "documents").mkdir(parents=True)
    (box / "kho" / "archive.json").write_text("{}", encoding="utf-8")
    _, failures, _, warnings = discover([box, box / "kho", box / "kho" / "documents", box / "lối tắt"],
                                        archives=[tmp_path / "archive"])
    assert failures == []
    warnings += _archived_before(_doc(box / "a.jpg"), [{"id": "doc-1", "source": {"paths": ["/kho/a.jpg"]}}])
    warnings.append(version_warning("hộp/hồ sơ", [Earlier(["doc-1"], 2)], ["doc-2"], 3, "kho lưu trữ"))
    assert len(warnings) == 9, warnings
    for line in warnings:
        vi = warning_vietnamese(line)
        assert vi != line and vi.split(": ")[0] == line.split(": ")[0], line
        assert not any(w in vi for w in ("the same", "skipped", "archived", "link", "inside")), vi
    assert warning_vietnamese("in/a.jpg p.2: scanned at 150 dpi, below the 200 dpi digitization standard") == \
        "in/a.jpg p.2: quét ở 150 dpi, dưới mức 200 dpi của tiêu chuẩn số hóa"
    assert warning_vietnamese("2 documents already done were filed in fonds C04756 (no OCR again)") == \
        "2 tài liệu đã xử lý trước đây được xếp vào phông C04756 (không nhận dạng lại)"
    unknown = "in/a.jpg: something no pattern knows"
    assert warning_vietnamese(unknown) == unknown


# --- end to end: the archivist command on a generated scan ------------------------------------------------


@pytest.mark.slow
def test_a_box_copied_into_a_new_folder_and_a_finished_box_run_again(tmp_path: Path) -> None:
    from samples.generate import generate

    generate(tmp_path / "gen", seed=38, n_docs=1, pages_max=1, formats=("jpeg",), dpi_choices=(200,))
    first = tmp_path / "hộp 1" / "Kế hoạch 138.jpg"
    first.parent.mkdir()
    shutil.copy(next((tmp_path / "gen" / "scans").glob("*.jpg")), first)
    res = _cli(tmp_path, "process", "hộp 1", "--archive", "archive", "--workers", "1", "--json")
    assert res.returncode == 0, res.stderr
    batch = json.loads(res.stdout)
    (doc_id,) = [d["id"] for d in batch["documents"]]
    assert "Processing 1 page…" in res.stderr

    # The box scanned again into a new folder: not archived twice, and said (summary, --json, report.json).
    copy = tmp_path / "hộp 2" / "Bản sao kế hoạch 138.jpg"
    copy.parent.mkdir()
    shutil.copy(first, copy)
    said = (f"hộp 2/Bản sao kế hoạch 138.jpg: the same scan as {first} (identical files), archived by an earlier "
            f"batch as {doc_id}; not archived again")
    res = _cli(tmp_path, "process", "hộp 2", "--archive", "archive", "--workers", "1")
    assert res.returncode == 0, res.stderr
    assert "0 processed, 1 already done, 0 failed" in res.stdout
    assert f"warning: {said}" in res.stderr.splitlines()
    assert json.loads((tmp_path / "archive" / "report.json").read_text(encoding="utf-8"))["warnings"] == [said]
    again = json.loads(_cli(tmp_path, "process", "hộp 2", "--archive", "archive", "--workers", "1", "--json").stdout)
    assert again["warnings"] == [said] and set(again) == set(batch)  # the JSON's shape as before
    assert [(d["id"], d["status"]) for d in again["documents"]] == [(doc_id, "already done")]

    # The first box run again: nothing to do, said in one line, no progress over nothing, no warning.
    res = _cli(tmp_path, "process", "hộp 1", "--archive", "archive", "--workers", "1")
    assert res.returncode == 0, res.stderr
    assert res.stderr.splitlines() == ["Nothing to do: the 1 file found is already in the archive."]
    assert "Processing" not in res.stderr
    assert [p.name for p in (tmp_path / "archive" / "documents").glob("*.pdf")] == [f"{doc_id}.pdf"]

    # report.html shows the batch's warnings in the page's language: Vietnamese, the CLI's English on the toggle.
    res = _cli(tmp_path, "process", "hộp 2", "--archive", "archive", "--workers", "1", "--quiet")
    vi = (f"hộp 2/Bản sao kế hoạch 138.jpg: cùng một bản quét với {first} (hai tệp giống hệt nhau), đã được lưu ở "
          f"một lần xử lý trước là {doc_id}; không lưu lại lần nữa")
    cell = f'<td data-vi="{escape(vi)}" data-en="{escape(said)}">{escape(vi)}</td>'
    assert cell in (tmp_path / "archive" / "report.html").read_text(encoding="utf-8")
    res = _cli(tmp_path, "report", "--archive", "archive", "--out", "lo-2.html")
    assert res.returncode == 0, res.stderr
    assert cell in (tmp_path / "lo-2.html").read_text(encoding="utf-8")
    _switch_languages(tmp_path / "lo-2.html", vi, said)
    assert_valid_pdfs(sorted((tmp_path / "archive" / "documents").glob("*.pdf")))


def _switch_languages(html: Path, vi: str, en: str) -> None:
    """The report's language button turns the batch's warnings to English and back, as it does the rest."""
    from tests.browser import CHROMIUM, Browser

    if not Path(CHROMIUM).exists():
        return  # the HTML's two texts were checked above; the button is checked where Chromium is installed
    shown = "Array.from(document.querySelectorAll('#warnings td')).map(c => c.textContent)"
    with Browser() as page:
        page.navigate(html.as_uri())
        assert page.eval(shown) == [vi]
        page.eval("document.getElementById('lang').click()")
        assert page.eval(shown) == [en]
        assert page.eval("document.querySelector('#warnings h2').textContent") == "Warnings of the last batch"
        assert not page.errors
