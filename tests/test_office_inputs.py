"""Boxes as commune offices bring them (audit32): a dossier folder whose pages carry every JPEG name Windows
and scanners give (``.JPG``, ``.jpe``, ``.JFIF``) beside a one-page ``.TIF``, named in NFD as macOS writes
Vietnamese, with ``Thumbs.db`` and ``.DS_Store`` in it; the same folder copied between a Mac (NFD names) and
Windows (NFC); a phone's photo of a page, which records 72 dpi; and an iPhone's HEIC photo among a dossier's pages,
read as one of them (a damaged one stops its dossier with a reason).

The walk and the resolution are checked on small files; the end-to-end test runs ``archivist process`` on
generated pages, then ``search``, and the same command again (nothing redone).
"""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from PIL import Image

from archivist.discover import discover
from archivist.ingest import load_page
from archivist.models import PageRef
from tests.heicfiles import save_heic
from tests.pdfcheck import assert_valid_pdfa
from tests.textpage import text_page

#: a dossier folder's pages in page order, each in the format its name says
PAGES = ("1.JPG", "2.jpe", "3.TIF", "10.JFIF")


def _dossier(folder: Path, dpi: int = 150) -> list[Path]:
    """The pages of :data:`PAGES` (distinct text each) and a scanner's and two systems' leftovers."""
    folder.mkdir(parents=True)
    paths = []
    for seed, name in enumerate(PAGES, start=70):
        page, _ = text_page(dpi, seed=seed, lines=6)
        fmt = "TIFF" if name.lower().endswith(".tif") else "JPEG"
        page.save(folder / name, fmt, dpi=(dpi, dpi), **({"compression": "tiff_lzw"} if fmt == "TIFF" else {}))
        paths.append(folder / name)
    (folder / "Thumbs.db").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    (folder / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1" + bytes(64))
    return paths


def _phone_photo(path: Path) -> None:
    """A typed page photographed sideways by a phone: 12 MP-like pixels (360 dpi of A4) recorded as 72 dpi."""
    page, _ = text_page(360, seed=90)
    page.transpose(Image.Transpose.ROTATE_90).save(path, quality=85, dpi=(72, 72))


def test_a_dossier_keeps_every_page_whatever_its_jpeg_name(tmp_path: Path) -> None:
    folder = tmp_path / "box" / unicodedata.normalize("NFD", "Hồ sơ 1 quyết định")
    pages = _dossier(folder)
    docs, failures, skipped, _ = discover([tmp_path / "box"])
    assert not failures
    (doc,) = docs
    assert [p.path.name for p in doc.pages] == list(PAGES)
    assert [p.kind for p in doc.pages] == ["image", "image", "tiff", "image"]
    assert [p.path for p in doc.pages] == [p.resolve() for p in pages]
    assert skipped == [str(folder / "Thumbs.db")]  # .DS_Store is hidden: not even listed


@pytest.mark.parametrize(("size", "dpi", "expected"), [
    ((3024, 4032), 72, (300.0, 72.0)),  # a phone's photo: no paper is 56 inches long
    ((1600, 2200), 96, (300.0, 96.0)),  # a program's default on a page-sized picture
    ((595, 842), 72, (72.0, None)),  # a real 72 dpi page (A4): taken at its word, below the standard
    ((3024, 4032), 75, (75.0, None)),  # a scanner's own low setting on a large sheet: taken at its word
    ((3024, 4032), 300, (300.0, None)),
])
def test_a_cameras_72_dpi_is_not_the_papers_resolution(tmp_path: Path, size: tuple[int, int], dpi: int,
                                                       expected: tuple[float, float | None]) -> None:
    path = tmp_path / "page.png"
    Image.new("L", size, 230).save(path, dpi=(dpi, dpi))  # a PNG: 72 dpi is stored as 2835 pixels a metre
    page = load_page(PageRef(path, "image"))
    assert (round(page.dpi, 1), page.implausible_dpi and round(page.implausible_dpi)) == expected
    assert page.dpi_known == (expected[1] is None)


def _cli(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "archivist.cli", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=600)


@pytest.mark.slow
def test_an_office_box_through_the_cli(tmp_path: Path) -> None:
    box = tmp_path / unicodedata.normalize("NFD", "Hộp 01 năm 2023")
    _dossier(box / unicodedata.normalize("NFD", "Hồ sơ 1"))
    _phone_photo(box / "IMG_20231105_0932.jpg")
    runs = [_cli(tmp_path, "process", box.name, "--archive", "archive", "--workers", "1", "--quiet")
            for _ in range(2)]
    assert [r.returncode for r in runs] == [0, 0], runs[0].stderr
    records = {Path(r["label"]).name: r for r in
               (json.loads(p.read_text(encoding="utf-8")) for p in (tmp_path / "archive/documents").glob("*.json"))}
    assert set(records) == {unicodedata.normalize("NFD", "Hồ sơ 1"), "IMG_20231105_0932.jpg"}
    dossier = records[unicodedata.normalize("NFD", "Hồ sơ 1")]
    assert [Path(e["source"]["path"]).name for e in dossier["pages"]] == list(PAGES)
    assert all(len(e["words"]) >= 20 for e in dossier["pages"])
    (photo,) = records["IMG_20231105_0932.jpg"]["pages"]
    assert photo["dpi"] == 300.0 and photo["orientation"] in (90, 270)
    assert len(photo["words"]) >= 50, photo["warnings"]  # before: "no text found on the page"
    assert "resolution recorded as 72 dpi, implausible; assumed 300 dpi" in photo["warnings"]
    report = json.loads((tmp_path / "archive/report.json").read_text(encoding="utf-8"))
    assert [d["status"] for d in report["documents"]] == ["already done", "already done"]
    found = json.loads(_cli(tmp_path, "search", "uy ban nhan dan", "--archive", "archive", "--limit", "50",
                            "--json").stdout)
    assert {h["doc_id"] for h in found} == {dossier["id"], records["IMG_20231105_0932.jpg"]["id"]}
    assert_valid_pdfa(tmp_path / "archive")


def _renamed(root: Path, form: str) -> None:
    """Every name under ``root`` rewritten in ``form`` (``NFC``, ``NFD``), as a copy between systems does."""
    for path in sorted(root.rglob("*"), key=lambda p: len(p.parts), reverse=True):
        path.rename(path.with_name(unicodedata.normalize(form, path.name)))


def _named_dossier(folder: Path) -> None:
    """Two pages whose names, compared as code points, sort one way composed and the other decomposed (``Ả``
    is past ``B`` in NFC only)."""
    folder.mkdir(parents=True)
    for seed, name in enumerate(("Ảnh bìa.jpg", "Bản chính.jpg"), start=80):
        page, _ = text_page(150, seed=seed, lines=6)
        page.save(folder / unicodedata.normalize("NFD", name), dpi=(150, 150))


def test_a_dossier_copied_between_macos_and_windows_is_the_same_dossier(tmp_path: Path) -> None:
    _named_dossier(tmp_path / "box" / unicodedata.normalize("NFD", "Hồ sơ đất"))
    seen = []
    for form in ("NFD", "NFC"):
        _renamed(tmp_path / "box", form)
        (doc,) = discover([tmp_path / "box"])[0]
        seen.append((doc.id, doc.sha256, [unicodedata.normalize("NFC", p.path.name) for p in doc.pages]))
    assert seen[0] == seen[1]
    assert seen[0][2] == ["Ảnh bìa.jpg", "Bản chính.jpg"]  # Ả sorts with A, in either form


def test_verify_accepts_a_dossier_hashed_before_names_were_composed(tmp_path: Path) -> None:
    from archivist.discover import _folder_sha
    from archivist.verify import _source_ok

    _named_dossier(tmp_path / "d")
    pages = sorted((tmp_path / "d").iterdir())
    for composed in (True, False):
        rec = {"source": {"paths": [str(p) for p in pages], "sha256": _folder_sha(pages, composed)}}
        assert _source_ok(rec) is True
    assert _folder_sha(pages) != _folder_sha(pages, composed=False)  # the names are NFD: the two differ
    assert _source_ok({"source": {"paths": [str(p) for p in pages], "sha256": "0" * 64}}) is False


@pytest.mark.slow
def test_a_box_copied_from_a_mac_is_not_archived_twice(tmp_path: Path) -> None:
    box = tmp_path / "box"
    _named_dossier(box / unicodedata.normalize("NFD", "Hồ sơ đất"))
    for form in ("NFD", "NFC"):
        _renamed(box, form)
        res = _cli(tmp_path, "process", "box", "--archive", "archive", "--workers", "1", "--quiet")
        assert res.returncode == 0, res.stderr
    assert len(list((tmp_path / "archive/documents").glob("*.pdf"))) == 1
    report = json.loads((tmp_path / "archive/report.json").read_text(encoding="utf-8"))
    assert [d["status"] for d in report["documents"]] == ["already done"]
    assert_valid_pdfa(tmp_path / "archive")


#: The start of an iPhone's photo and nothing more: an ISO media ``ftyp`` box of brand ``heic``, an empty ``meta``.
HEIC_HEAD = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00\x00\x01\x00meta" + bytes(248)


def test_an_iphone_photo_in_a_dossier_is_one_of_its_pages(tmp_path: Path) -> None:
    """Before, the photo stopped its dossier ("save it as JPEG"); now it is read as the page it is."""
    folder = tmp_path / "box" / "Ho so 3"
    folder.mkdir(parents=True)
    page, _ = text_page(150, seed=95, lines=6)
    page.save(folder / "IMG_0001.jpg", dpi=(150, 150))
    save_heic(text_page(150, seed=96, lines=6)[0], folder / "IMG_0002.HEIC")
    docs, failures, skipped, _ = discover([tmp_path / "box"])
    assert not failures and not skipped
    assert [[p.path.name for p in d.pages] for d in docs] == [["IMG_0001.jpg", "IMG_0002.HEIC"]]
    assert load_page(docs[0].pages[1]).source_format == "HEIC"


def test_a_damaged_iphone_photo_stops_its_dossier_with_a_reason(tmp_path: Path) -> None:
    folder = tmp_path / "box" / "Ho so 4"
    folder.mkdir(parents=True)
    text_page(150, seed=97, lines=6)[0].save(folder / "IMG_0001.jpg", dpi=(150, 150))
    (folder / "IMG_0002.HEIC").write_bytes(HEIC_HEAD)
    docs, failures, _, _ = discover([tmp_path / "box"])
    assert not docs
    reasons = {Path(f.path).name: f.reason for f in failures}
    assert reasons["IMG_0002.HEIC"].startswith("the HEIC photo is damaged or truncated (Invalid input")
    assert reasons["Ho so 4"] == "1 of 2 pages could not be read; document not written"


@pytest.mark.slow
def test_a_damaged_iphone_photo_through_the_cli(tmp_path: Path) -> None:
    (tmp_path / "box").mkdir()
    (tmp_path / "box" / "IMG_0003.heic").write_bytes(HEIC_HEAD)
    res = _cli(tmp_path, "process", "box", "--archive", "archive", "--workers", "1")
    assert res.returncode == 1
    assert "box/IMG_0003.heic: the HEIC photo is damaged or truncated (Invalid input" in res.stderr + res.stdout


def _pdf_pages(folder: Path, names: dict[str, int], seed: int = 100) -> None:
    """Scanned PDFs of ``names`` -> page count (an office copier's "scan to PDF": a page per file, or a whole
    document in one); every page distinct text."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, n in names.items():
        pages = [text_page(150, seed=seed + k, lines=6)[0] for k in range(n)]
        pages[0].save(folder / name, save_all=True, append_images=pages[1:], resolution=150.0)
        seed += n


def test_one_page_pdfs_in_a_folder_are_pages_of_its_dossier(tmp_path: Path) -> None:
    folder = tmp_path / "box" / "Ho so 9"
    _pdf_pages(folder, {"scan0010.pdf": 1, "scan0002.pdf": 1, "phu luc.PDF": 2})
    text_page(150, seed=99, lines=6)[0].save(folder / "scan0001.jpg", dpi=(150, 150))
    docs, failures, _, _ = discover([tmp_path / "box"])
    assert not failures
    by_name = {Path(d.label).name: d for d in docs}
    assert set(by_name) == {"Ho so 9", "phu luc.PDF"}  # before: four documents, the dossier a JPEG page alone
    assert [(p.path.name, p.kind, p.index) for p in by_name["Ho so 9"].pages] == [
        ("scan0001.jpg", "image", 0), ("scan0002.pdf", "pdf", 0), ("scan0010.pdf", "pdf", 0)]
    assert [p.index for p in by_name["phu luc.PDF"].pages] == [0, 1]
    for ref in by_name["Ho so 9"].pages:
        assert load_page(ref).gray.shape[1] == pytest.approx(8.27 * 150, abs=2)


def test_a_damaged_pdf_page_keeps_its_dossier_from_being_written(tmp_path: Path) -> None:
    folder = tmp_path / "box" / "Ho so 10"
    _pdf_pages(folder, {"scan0001.pdf": 1})
    (folder / "scan0002.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    docs, failures, _, _ = discover([tmp_path / "box"])
    assert docs == []
    reasons = {Path(f.path).name: f.reason for f in failures}
    assert "damaged" in reasons["scan0002.pdf"]
    assert reasons["Ho so 10"] == "1 of 2 pages could not be read; document not written"


@pytest.mark.slow
def test_a_copiers_page_per_pdf_scan_is_one_document_through_the_cli(tmp_path: Path) -> None:
    _pdf_pages(tmp_path / "box" / "Ho so 9", {f"scan{i:04d}.pdf": 1 for i in (1, 2, 3)})
    res = _cli(tmp_path, "process", "box", "--archive", "archive", "--workers", "1", "--quiet")
    assert res.returncode == 0, res.stderr
    (rec,) = [json.loads(p.read_text(encoding="utf-8")) for p in (tmp_path / "archive/documents").glob("*.json")]
    assert Path(rec["label"]).name == "Ho so 9" and rec["page_count"] == 3
    assert [Path(e["source"]["path"]).name for e in rec["pages"]] == ["scan0001.pdf", "scan0002.pdf", "scan0003.pdf"]
    assert all(len(e["words"]) >= 20 for e in rec["pages"])
    assert_valid_pdfa(tmp_path / "archive")
