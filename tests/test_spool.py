"""Long documents: page images wait on disk, and the PDF is the same as if they had stayed in memory."""

from __future__ import annotations

import json
from pathlib import Path

import pikepdf
import pytest

from archivist import pipeline, spool
from archivist.pipeline import Settings, process
from tests.pdfcheck import assert_valid_pdfs
from tests.textpage import text_page


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of five small page scans (JPEG and PNG): inside a batch folder, one document."""
    folder = tmp_path_factory.mktemp("long") / "so-dang-ky"
    folder.mkdir()
    for i in range(5):
        im, _ = text_page(dpi=150, seed=i, lines=6)
        if i % 2:
            im.save(folder / f"trang-{i + 1:03d}.png", dpi=(150, 150))
        else:
            im.save(folder / f"trang-{i + 1:03d}.jpg", quality=75, dpi=(150, 150))
    return folder


def _run(dossier: Path, archive: Path) -> dict:
    report = process([dossier.parent], archive, Settings(workers=1, pdfa="1b", split="none"))
    assert report.ok, report.failures
    (rec_path,) = (archive / "documents").glob("*.json")
    return json.loads(rec_path.read_text(encoding="utf-8"))


def _images(pdf_path: Path) -> list[tuple[bytes, dict]]:
    with pikepdf.open(pdf_path) as pdf:
        out = []
        for page in pdf.pages:
            (img,) = page.get_images().values()
            out.append((bytes(img.read_raw_bytes()), {k: str(v) for k, v in img.stream_dict.items()
                                                       if k != "/Length"}))
        return out


@pytest.mark.slow
def test_spooled_document_matches_the_in_memory_one(dossier: Path, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    plain = _run(dossier, tmp_path / "plain")
    monkeypatch.setattr(pipeline, "SPOOL_AFTER", 1)  # spool from the second page on...
    monkeypatch.setattr(spool, "CHUNK", 2)  # ...two images per chunk file, the last one partly filled
    spooled = _run(dossier, tmp_path / "spooled")

    pdf_a, pdf_b = (tmp_path / d / r["output"]["pdf"] for d, r in (("plain", plain), ("spooled", spooled)))
    assert _images(pdf_a) == _images(pdf_b)  # same image bytes and dictionaries, page by page
    for src, (raw, _) in zip(sorted(dossier.iterdir()), _images(pdf_b), strict=True):
        if src.suffix == ".jpg":
            assert raw == src.read_bytes()  # JPEG still passes through untouched
    assert [p["text"] for p in plain["pages"]] == [p["text"] for p in spooled["pages"]]
    assert not list((tmp_path / "spooled").rglob(".tmp-*"))  # chunk files are gone
    # a spooled document's report images come from its PDF at the end of the batch, not from memory
    from archivist.htmlreport import PageImages

    pages, thumb = PageImages.names(spooled)
    assert all((tmp_path / "spooled" / "report-files" / n).is_file() for n in [*pages, thumb])
    assert_valid_pdfs([pdf_b])


def test_spool_holds_no_image_bytes_in_memory(dossier: Path, tmp_path: Path) -> None:
    from archivist.models import ImagePayload, PageRef, PageResult

    pages = [PageResult(number=n, source=PageRef(dossier / "x.jpg", "image"), width=10, height=10, dpi=150,
                        orientation=0, skew=0.0, orientation_confidence=1.0, mean_confidence=90.0, text="",
                        words=[], timings={}, warnings=[],
                        image=ImagePayload(b"\x00" * 100, 10, 10, "DeviceGray", 8, "FlateDecode"),
                        preview=b"\xff\xd8 a page image")
             for n in range(1, 6)]
    s = spool.ImageSpool(tmp_path)
    for p in pages:
        s.add(p)
    s.flush()
    assert all(p.image.data == b"" and p.image.spool and p.preview == b"" for p in pages)
    assert len(s.files) == -(-5 // spool.CHUNK) and all(f.exists() for f in s.files)
    s.close()
    assert not any(f.exists() for f in s.files) and not list(tmp_path.iterdir())
