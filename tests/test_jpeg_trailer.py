"""A JPEG with data after its picture (a phone's motion photo): only the picture passes into the PDF.

Real Pillow decoding through archivist's ingest, real pikepdf for what a PDF reader decodes. The trailers are
laid out as phones write them (an MP4's ``ftyp`` box, then its data) or made to trip a careless search (``FF D9``
inside them, a second JPEG). On the tree before session 33 the payload was the whole file: each test that looks
at a trailer fails there.
"""

from __future__ import annotations

import io
import json
import struct
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from archivist.ingest import IngestError, count_pages, load_page
from archivist.jpeg import jpeg_end, picture_bytes
from archivist.models import PageRef, PageResult
from archivist.record import page_entry
from archivist.schemas import errors
from tests.mpofiles import DISPARITY, PRIMARY, first_size, jpeg, mpo
from tests.test_payload import decoded
from tests.textpage import text_page


def _page(mode: str = "RGB", seed: int = 0) -> Image.Image:
    grey, _ = text_page(100, seed=seed, lines=6)
    return grey if mode == "L" else Image.merge("RGB", (grey, grey, grey.point(lambda v: v * 0.9)))


def mp4_like(size: int, seed: int = 5) -> bytes:
    """``size`` bytes as a motion photo's video starts: an ``ftyp`` box, then data (random here)."""
    box = struct.pack(">I", 24) + b"ftypmp42" + struct.pack(">I", 0) + b"isommp42"
    return box + np.random.default_rng(seed).integers(0, 256, size - len(box), np.uint8).tobytes()


def _pixels(path_or_data: Path | bytes) -> np.ndarray:
    source = io.BytesIO(path_or_data) if isinstance(path_or_data, bytes) else path_or_data
    with Image.open(source) as im:
        return np.asarray(im)


def _load(tmp_path: Path, data: bytes, name: str = "IMG_20251204_101500.MP.jpg"):
    path = tmp_path / name
    path.write_bytes(data)
    return path, load_page(PageRef(path, "image"))


#: Trailers after the picture: a motion photo's video, the same holding EOI bytes, one ending in them, a second
#: JPEG with no index (so Pillow sees a plain JPEG), a few padding bytes.
TRAILERS = {
    "motion-photo": lambda: mp4_like(200_000),
    "ffd9-inside": lambda: mp4_like(5_000)[:2_000] + b"\xff\xd9" * 3 + mp4_like(5_000, 6)[:3_000],
    "ffd9-at-its-end": lambda: mp4_like(4_000) + b"\xff\xd9",
    "a-second-jpeg": lambda: jpeg(_page(seed=1).resize((120, 170))),
    "padding": lambda: b"\x00" * 7,
}


@pytest.mark.parametrize("make", TRAILERS.values(), ids=TRAILERS.keys())
@pytest.mark.parametrize("options", [{}, {"progressive": True}, {"restart_marker_rows": 2}],
                         ids=["baseline", "progressive", "restart-markers"])
def test_only_the_picture_passes_the_file_prefix_up_to_its_eoi(tmp_path: Path, make, options: dict) -> None:
    picture = jpeg(_page(), quality=90, dpi=(150, 150), **options)
    trailer = make()
    path, page = _load(tmp_path, picture + trailer)
    assert page.payload.filter == "DCTDecode" and page.payload.data == picture
    assert page.payload.after_picture == len(trailer) and page.notes == []
    assert np.array_equal(decoded(page.payload), _pixels(path))  # what the PDF shows is what OCR read
    assert count_pages(path) == 1


@pytest.mark.parametrize("mode", ["L", "RGB"])
def test_a_jpeg_with_nothing_after_its_picture_passes_whole_as_before(tmp_path: Path, mode: str) -> None:
    data = jpeg(_page(mode), quality=85, exif=Image.Exif(), comment=jpeg(Image.new("L", (8, 8))))  # EOIs inside
    path, page = _load(tmp_path, data, "scan.jpg")
    assert page.payload.data == data and page.payload.after_picture == 0 and page.notes == []
    assert page.payload.colorspace == ("DeviceGray" if mode == "L" else "DeviceRGB")


def test_a_truncated_jpeg_fails_as_before_and_its_bytes_are_never_cut(tmp_path: Path) -> None:
    data = jpeg(_page(), quality=90)
    for cut in (data[:-2], data[:len(data) // 2]):
        assert picture_bytes(cut) == (cut, 0)
        with pytest.raises(IngestError, match=r"^the JPEG image is damaged or truncated"):
            _load(tmp_path, cut, "cut.jpg")


def test_a_picture_whose_end_the_walk_cannot_vouch_for_passes_whole(tmp_path: Path) -> None:
    """Junk between two header segments, which Pillow (libjpeg) steps over: the walk stops there, so the file
    passes whole with its trailer, as it did before. Never a wrong page."""
    good = jpeg(_page(), quality=90)
    at = 4 + int.from_bytes(good[4:6], "big")  # after the JFIF segment
    data = good[:at] + b"\x00\x00" + good[at:] + mp4_like(50_000)
    assert jpeg_end(data) is None
    path, page = _load(tmp_path, data)
    assert page.payload.data == data and page.payload.after_picture == 0
    assert np.array_equal(decoded(page.payload), _pixels(good))


def test_an_eoi_before_any_scan_ends_no_picture() -> None:
    picture = jpeg(_page(), quality=90)
    early = picture[:2] + b"\xff\xd9" + picture[2:]
    assert jpeg_end(early) is None and picture_bytes(early) == (early, 0)
    assert picture_bytes(picture + b"tail") == (picture, 4)


def test_an_mpo_counts_its_other_pictures_as_left_out(tmp_path: Path) -> None:
    depth = jpeg(Image.linear_gradient("L").resize((60, 80)))
    data = mpo([jpeg(_page(), quality=90), depth], [PRIMARY, DISPARITY])
    _, page = _load(tmp_path, data)
    assert page.payload.data == data[:first_size(data)] and page.payload.after_picture == len(depth)


def _result(payload) -> PageResult:
    return PageResult(number=1, source=PageRef(Path("IMG.jpg"), "image"), width=10, height=10, dpi=150.0,
                      orientation=0, skew=0.0, image=payload)


def test_the_record_counts_the_bytes_left_out_and_the_schema_takes_it(tmp_path: Path) -> None:
    picture = jpeg(_page(), quality=90)
    _, motion = _load(tmp_path, picture + mp4_like(30_000))
    _, plain = _load(tmp_path, picture, "plain.jpg")
    entry, before = page_entry(_result(motion.payload)), page_entry(_result(plain.payload))
    assert entry["image"] == {"filter": "DCTDecode", "colorspace": "DeviceRGB", "bpc": 8, "after_picture": 30_000}
    assert before["image"] == {"filter": "DCTDecode", "colorspace": "DeviceRGB", "bpc": 8}  # as before: no key
    example = Path(__file__).resolve().parent.parent / "schemas" / "examples" / "document.json"
    record = json.loads(example.read_text(encoding="utf-8"))
    record["pages"][0]["image"] = entry["image"]
    assert errors(record, "document") == []
    record["pages"][0]["image"]["after_picture"] = 0  # only written when something was left out
    assert errors(record, "document") != []
