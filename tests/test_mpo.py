"""A phone's multi-picture JPEG (MPO): one page, its first picture passed into the PDF as the file's own bytes.

Real Pillow decoding through archivist's ingest; the files are laid out byte by byte (tests/mpofiles.py) or
written by Pillow's own MPO writer. On the tree before session 33 an MPO counted one page per picture and its
photo was re-encoded as Flate.
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from archivist.ingest import IngestError, count_pages, load_page
from archivist.jpeg import jpeg_end
from archivist.models import PageRef
from archivist.mpo import DAMAGED_INDEX, first_picture
from tests.mpofiles import PREVIEW, PRIMARY, first_size, jpeg, mpo, with_first_entry
from tests.test_payload import decoded
from tests.textpage import text_page


def _page(mode: str = "RGB", seed: int = 0) -> Image.Image:
    grey, _ = text_page(100, seed=seed, lines=6)
    return grey if mode == "L" else Image.merge("RGB", (grey, grey, grey.point(lambda v: v * 0.9)))


def _noise(h: int, w: int, seed: int = 1) -> Image.Image:
    return Image.fromarray(np.random.default_rng(seed).integers(0, 255, (h, w, 3), np.uint8))


def _phone_file(tmp_path: Path, name: str = "IMG_0001.jpg", mode: str = "RGB", **options) -> Path:
    """A photo of a page, then a depth map and a preview, as an iPhone's portrait shot lays them out."""
    page = _page(mode)
    depth = Image.linear_gradient("L").resize((page.width // 4, page.height // 4))
    path = tmp_path / name
    path.write_bytes(mpo([jpeg(page, quality=90, **options), jpeg(depth), jpeg(page.resize((200, 283)))],
                         [PRIMARY, 0x00020002, PREVIEW]))
    return path


def _frame0(path: Path) -> np.ndarray:
    with Image.open(path) as im:
        return np.asarray(im.convert("RGB") if im.mode == "CMYK" else im)


def _decoded(data: bytes) -> np.ndarray:
    with Image.open(io.BytesIO(data)) as im:
        return np.asarray(im)


@pytest.mark.parametrize("options", [{}, {"progressive": True}, {"restart_marker_rows": 2},
                                     {"comment": jpeg(Image.new("L", (8, 8)))}],
                         ids=["baseline", "progressive", "restart-markers", "jpeg-inside-a-segment"])
def test_jpeg_end_walks_the_structure_not_the_first_eoi(options: dict) -> None:
    data = jpeg(_noise(120, 160), **options)
    assert jpeg_end(data) == len(data)
    assert jpeg_end(data + jpeg(_noise(20, 20, 2))) == len(data)  # a second picture after it is not part of it
    assert jpeg_end(data[:-3]) is None  # cut before its end
    assert jpeg_end(b"\x89PNG" + data) is None


def test_an_mpo_is_one_page_whose_first_picture_passes_as_the_files_own_prefix(tmp_path: Path) -> None:
    path = _phone_file(tmp_path)
    data = path.read_bytes()
    with Image.open(path) as im:
        assert (im.format, im.n_frames) == ("MPO", 3)
        first = first_picture(path, im)
    assert first == data[:first_size(data)] and jpeg_end(first) == len(first) < len(data)
    assert count_pages(path) == 1  # before: 3, the depth map and the preview made pages 2 and 3
    page = load_page(PageRef(path, "image"))
    assert (page.payload.filter, page.payload.colorspace) == ("DCTDecode", "DeviceRGB")
    assert page.payload.data == first and page.notes == []
    assert np.array_equal(_decoded(page.payload.data), _frame0(path))  # the page OCR read is the page stored


def test_a_grey_page_and_a_pillow_written_mpo_pass_the_same_way(tmp_path: Path) -> None:
    grey = _phone_file(tmp_path, "grey.jpg", "L")
    page = load_page(PageRef(grey, "image"))
    assert (page.payload.filter, page.payload.colorspace) == ("DCTDecode", "DeviceGray")
    written = tmp_path / "pillow.jpg"  # Pillow's own writer: the index it records for the first picture is right
    _page().save(written, "MPO", save_all=True, append_images=[_noise(50, 40), _noise(60, 30, 3)])
    page = load_page(PageRef(written, "image"))
    assert page.payload.filter == "DCTDecode" and np.array_equal(_decoded(page.payload.data), _frame0(written))
    assert count_pages(written) == 1


def test_an_mpo_of_one_picture_is_a_jpeg_passed_whole(tmp_path: Path) -> None:
    path = tmp_path / "one.jpg"
    path.write_bytes(mpo([jpeg(_page())]))
    with Image.open(path) as im:
        assert im.format == "JPEG"  # Pillow opens an index of one picture as a plain JPEG
    page = load_page(PageRef(path, "image"))
    assert page.payload.filter == "DCTDecode" and page.payload.data == path.read_bytes() and page.notes == []
    assert count_pages(path) == 1


#: Wrong first entries, as a function of the right size: (recorded size, recorded offset)
DAMAGES = {"size-short": lambda size: (size - 100, 0), "size-long": lambda size: (size + 100, 0),
           "size-past-the-file": lambda size: (size + 10**9, 0), "offset-not-zero": lambda size: (size, 64)}


@pytest.mark.parametrize("damage", DAMAGES.values(), ids=DAMAGES.keys())
def test_a_damaged_index_stores_the_right_page_losslessly_with_a_warning(tmp_path: Path, damage) -> None:
    good = _phone_file(tmp_path).read_bytes()
    right = first_size(good)
    size, offset = damage(right)
    path = tmp_path / "damaged.jpg"
    path.write_bytes(with_first_entry(good, size=size, offset=offset))
    assert count_pages(path) == 1
    page = load_page(PageRef(path, "image"))
    assert page.payload.filter == "FlateDecode" and page.notes == [DAMAGED_INDEX]
    assert np.array_equal(decoded(page.payload), _frame0(path))  # never a wrong page: the first picture's pixels
    assert np.array_equal(_frame0(path), _decoded(good[:right]))


def test_an_index_pillow_cannot_read_leaves_a_jpeg_whose_picture_passes(tmp_path: Path) -> None:
    data = bytearray(_phone_file(tmp_path).read_bytes())
    at = data.index(b"MPF\0") + 4
    data[at:at + 4] = b"XX*\x00"  # no TIFF header: Pillow warns and opens the file as a plain JPEG
    path = tmp_path / "unreadable-index.jpg"
    path.write_bytes(bytes(data))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert count_pages(path) == 1
        page = load_page(PageRef(path, "image"))
        assert page.payload.filter == "DCTDecode" and np.array_equal(_decoded(page.payload.data), _frame0(path))
        # a plain JPEG followed by more: its picture passes, the other pictures stay in the file (archivist/jpeg.py)
        assert page.payload.data == bytes(data[:first_size(bytes(data))])


def test_a_cmyk_first_picture_is_reencoded_as_any_cmyk_jpeg_is(tmp_path: Path) -> None:
    path = tmp_path / "cmyk.jpg"
    path.write_bytes(mpo([jpeg(_page().convert("CMYK")), jpeg(_noise(40, 30))]))
    page = load_page(PageRef(path, "image"))
    assert (page.payload.filter, page.payload.colorspace) == ("FlateDecode", "DeviceRGB") and page.notes == []


def test_the_orientation_tag_comes_from_the_first_picture(tmp_path: Path) -> None:
    exif = Image.Exif()
    exif[0x0112] = 6
    path = _phone_file(tmp_path, exif=exif)
    page = load_page(PageRef(path, "image"))
    with Image.open(io.BytesIO(page.payload.data)) as stored, Image.open(path) as opened:
        assert stored.getexif()[0x0112] == opened.getexif()[0x0112] == 6


def test_a_file_cut_in_its_first_picture_fails_as_a_jpeg_and_one_cut_after_it_keeps_its_page(tmp_path: Path) -> None:
    data = _phone_file(tmp_path).read_bytes()
    size = first_size(data)
    cut = tmp_path / "cut-in-the-photo.jpg"
    cut.write_bytes(data[:size // 2])
    with pytest.raises(IngestError, match=r"^the JPEG image is damaged or truncated"):
        load_page(PageRef(cut, "image"))
    rest = tmp_path / "cut-in-the-depth-map.jpg"  # a copy that stopped in the pictures after the page
    rest.write_bytes(data[:size + 300])
    page = load_page(PageRef(rest, "image"))
    assert page.payload.data == data[:size] and page.notes == [] and count_pages(rest) == 1
