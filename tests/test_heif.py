"""An iPhone's HEIC photo read as a page (archivist/heif.py), on HEIC files pillow-heif's own encoder writes.

What is checked: the HEIF decoder is loaded only when a HEIC is met; the page's pixels are pillow-heif's, stored
in the PDF without loss; a page the phone turned arrives turned once (by its ``irot``), never again by its Exif
tag, and a tag without a transform turns nothing; a burst is one page, its primary picture; every damaged file
is one line naming what is wrong.
"""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import numpy as np
import pikepdf
import pytest
from PIL import Image

from archivist.discover import discover
from archivist.ingest import count_pages, load_page
from archivist.loaded import IngestError, gray_of
from archivist.models import PageRef
from archivist.pdfa import image_xobject
from tests.heicfiles import FAST, burst, decoded, exif_only, save_heic
from tests.textpage import text_page

ROOT = Path(__file__).resolve().parent.parent


def _page(seed: int = 1, dpi: int = 100) -> Image.Image:
    """A small A4 text page in colour (a phone's photo is colour), portrait."""
    grey, _ = text_page(dpi, seed=seed, lines=8)
    return Image.merge("RGB", (grey, grey, grey.point(lambda v: v * 0.9)))


def _load(path: Path):  # noqa: ANN202 - archivist's LoadedPage
    return load_page(PageRef(path, "image", 0))


def _grey_diff(a: np.ndarray, b: Image.Image) -> float:
    return float(np.abs(a.astype(float) - np.asarray(b.convert("L"), float)).mean())


def test_the_heif_decoder_is_loaded_only_when_a_heic_is_met(tmp_path: Path) -> None:
    """Start-up and a batch without HEIC pay nothing for it (issue 16): the worker's modules and a JPEG's pages
    leave pillow-heif unimported; the first HEIC imports and registers it, in that process only."""
    _page().save(tmp_path / "scan.jpg")
    save_heic(_page(), tmp_path / "IMG_0001.HEIC")
    script = f"""
import sys
from pathlib import Path
import archivist.cli, archivist.discover, archivist.pagework, archivist.warm
from archivist.ingest import count_pages, load_page
from archivist.models import PageRef
jpeg, heic = Path({str(tmp_path / "scan.jpg")!r}), Path({str(tmp_path / "IMG_0001.HEIC")!r})
count_pages(jpeg); load_page(PageRef(jpeg, "image", 0))
print("after JPEG", "pillow_heif" in sys.modules)
print("pages", count_pages(heic), "pillow_heif" in sys.modules)
"""
    res = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert res.returncode == 0, res.stderr
    assert res.stdout.split("\n")[:2] == ["after JPEG False", "pages 1 True"]


def test_a_heic_page_is_pillow_heifs_pixels_stored_without_loss(tmp_path: Path) -> None:
    path = save_heic(_page(), tmp_path / "IMG_0001.HEIC")
    page = _load(path)
    want = decoded(path)
    assert page.source_format == "HEIC"
    assert np.array_equal(page.gray, gray_of(want))  # what OCR reads is the decoded picture
    payload = page.payload
    assert (payload.filter, payload.colorspace, payload.bpc) == ("FlateDecode", "DeviceRGB", 8)
    pdf = pikepdf.new()
    stored = pikepdf.PdfImage(image_xobject(pdf, payload)).as_pil_image()
    assert np.array_equal(np.asarray(stored), np.asarray(want))  # every pixel, as decoded
    assert (page.dpi, page.dpi_known) == (300.0, False)  # a HEIC records no resolution: said as for any file
    assert page.exif_orientation is None


@pytest.mark.parametrize("tag", [6, 3, 8])
def test_a_page_the_phone_turned_arrives_turned_once(tmp_path: Path, tag: int) -> None:
    """Stored sideways with an ``irot`` and the same turn as an Exif tag (as an iPhone writes): the decoder's
    transform stands it up, and no tag is handed on to turn it again."""
    upright = _page(seed=tag)
    path = save_heic(upright, tmp_path / f"IMG_{tag}.HEIC", tag=tag)
    with open(path, "rb") as f:
        assert b"irot" in f.read()
    assert decoded(path).info["original_orientation"] == tag  # the file's Exif tag, which pillow-heif sets to 1
    page = _load(path)
    assert page.gray.shape == (upright.height, upright.width)
    right = _grey_diff(page.gray, upright)
    assert right < 4, right  # the codec's loss only
    assert 3 * right < _grey_diff(page.gray, upright.transpose(Image.Transpose.ROTATE_180))
    assert page.exif_orientation is None


def test_a_tag_without_a_transform_turns_nothing(tmp_path: Path) -> None:
    """HEIF viewers show such a file as stored (MIAF: the Exif tag is ignored), and so does archivist: the tag
    is not a camera's word here as it is in a JPEG."""
    stored = _page(seed=4).transpose(Image.Transpose.ROTATE_90)
    path = exif_only(stored, tmp_path / "edited.heic", 6)
    with open(path, "rb") as f:
        assert b"irot" not in f.read()
    assert decoded(path).info["original_orientation"] == 6  # "turn 90° clockwise to view", in the Exif item only
    page = _load(path)
    assert page.gray.shape == (stored.height, stored.width)
    assert _grey_diff(page.gray, stored) < 4
    assert page.exif_orientation is None


def test_a_burst_is_one_page_its_primary_picture(tmp_path: Path) -> None:
    first, primary = _page(seed=5), _page(seed=6)
    path = burst([first, primary], tmp_path / "IMG_0005.HEIC", primary=1)
    assert count_pages(path) == 1
    documents, failures, _, _ = discover([tmp_path])
    assert not failures and [len(d.pages) for d in documents] == [1]
    page = _load(path)
    right = _grey_diff(page.gray, primary)
    assert right < 4 and 3 * right < _grey_diff(page.gray, first), right


def _heic_bytes() -> bytes:
    buf = io.BytesIO()
    import pillow_heif

    pillow_heif.from_pillow(_page(seed=7, dpi=60)).save(buf, enc_params=FAST)
    return buf.getvalue()


def _zeroed_payload(data: bytes) -> bytes:
    at = data.index(b"mdat") + 4
    return data[:at] + bytes(len(data) - at)


def _avif(cut: bool) -> bytes:
    buf = io.BytesIO()
    _page(seed=8, dpi=60).save(buf, "AVIF")
    return buf.getvalue()[:len(buf.getvalue()) // 2] if cut else buf.getvalue()


HEAD_ONLY = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00\x00\x01\x00meta" + bytes(248)
BAD = {  # name: (bytes, the start of the reason)
    "empty": (lambda: b"", "the file is empty (0 bytes)"),
    "cut-in-header": (lambda: _heic_bytes()[:100], "the HEIC photo is damaged or truncated (Invalid input"),
    "cut-in-picture": (lambda: _heic_bytes()[:-40], "the HEIC photo is damaged or truncated (Invalid input"),
    "header-only": (lambda: HEAD_ONLY, "the HEIC photo is damaged or truncated (Invalid input"),
    "zeroed-picture": (lambda: _zeroed_payload(_heic_bytes()), "the HEIC photo is damaged or truncated (Invalid"),
    "damaged-avif": (lambda: _avif(cut=True), "the AVIF image is damaged or truncated"),
}


@pytest.mark.parametrize("name", list(BAD))
def test_a_damaged_heic_is_one_line_naming_what_is_wrong(tmp_path: Path, name: str) -> None:
    make, reason = BAD[name]
    path = tmp_path / f"{name}.heic"
    path.write_bytes(make())
    with pytest.raises(IngestError) as err:
        count_pages(path)
        _load(path)
    assert str(err.value).startswith(reason), str(err.value)
    assert "\n" not in str(err.value)


def test_an_avif_named_heic_is_read_by_pillow(tmp_path: Path) -> None:
    """Pillow reads AVIF itself: a phone's AVIF saved under a HEIC name is a page, not an error."""
    path = tmp_path / "IMG_0009.heic"
    path.write_bytes(_avif(cut=False))
    page, im = _load(path), _page(seed=8, dpi=60)
    assert page.source_format == "AVIF" and page.gray.shape == (im.height, im.width)

