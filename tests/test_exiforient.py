"""The camera's orientation tag (archivist/exiforient.py) and what orientation makes of it (archivist/orient.py).

The tag is read from real files Pillow writes (JPEG's EXIF block, a TIFF frame's own directory, a PNG's ``eXIf``
chunk before or after its pixels, a WebP's EXIF chunk) through the real ingest; the turn each tag names is
checked against Pillow's own ``ImageOps.exif_transpose`` (what a viewer shows) through archivist's own
correction. The decision rule is then driven with readings whose figures are set by hand (as
tests/test_orientation.py does): too little text with a tag, a confident text against one.
"""

from __future__ import annotations

import io
import struct
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageOps

from archivist import exiforient, orient, preprocess
from archivist.ingest import load_page
from archivist.loaded import IngestError
from archivist.models import PageRef, Word
from archivist.ocr import OcrResult
from archivist.osd import OsdResult
from tests.test_orientation import _Osd

TRANSPOSE = {1: None, 2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180,
             4: Image.Transpose.FLIP_TOP_BOTTOM, 5: Image.Transpose.TRANSPOSE, 6: Image.Transpose.ROTATE_90,
             7: Image.Transpose.TRANSVERSE, 8: Image.Transpose.ROTATE_270}


def _upright() -> Image.Image:
    """A page no turn or mirror maps onto itself: a dark block in its top-left corner, a bar along its top."""
    a = np.full((120, 80), 250, np.uint8)
    a[5:30, 5:25] = 10
    a[5:12, 30:75] = 60
    return Image.fromarray(a)


def _photo(path: Path, tag: int | None, fmt: str = "JPEG") -> Image.Image:
    """``path`` written as a phone does: the upright page stored so that a viewer honouring ``tag`` shows it
    upright again. Returns the stored pixels."""
    im = _upright()
    stored = im.transpose(TRANSPOSE[tag]) if tag and TRANSPOSE[tag] is not None else im
    exif = Image.Exif()
    if tag is not None:
        exif[exiforient.ORIENTATION_TAG] = tag
    stored.save(path, fmt, exif=exif, dpi=(200, 200), **({"quality": 95} if fmt == "JPEG" else {}))
    return stored


@pytest.mark.parametrize("tag", [1, 2, 3, 4, 5, 6, 7, 8, None])
def test_ingest_reads_the_tag_of_a_jpeg(tmp_path: Path, tag: int | None) -> None:
    path = tmp_path / "photo.jpg"
    _photo(path, tag)
    page = load_page(PageRef(path, "image"))
    assert page.exif_orientation == tag
    assert page.payload.data == path.read_bytes()  # the JPEG still passes through as it is


@pytest.mark.parametrize("tag", [3, 6, 8, None])
def test_ingest_reads_the_tag_of_each_tiff_frame(tmp_path: Path, tag: int | None) -> None:
    """Each frame has its own directory: a tag on the second frame is that frame's alone."""
    from PIL.TiffImagePlugin import AppendingTiffWriter

    path = tmp_path / "scan.tif"
    with AppendingTiffWriter(path, True) as tf:
        for info in ({}, {exiforient.ORIENTATION_TAG: tag} if tag else {}):
            _upright().save(tf, "TIFF", tiffinfo=info, dpi=(200, 200))
            tf.newFrame()
    assert load_page(PageRef(path, "tiff", 0)).exif_orientation is None
    assert load_page(PageRef(path, "tiff", 1)).exif_orientation == tag


def test_a_png_has_no_tag(tmp_path: Path) -> None:
    path = tmp_path / "scan.png"
    _upright().save(path)
    assert load_page(PageRef(path, "image")).exif_orientation is None


def test_a_damaged_exif_block_is_no_tag() -> None:
    class Broken:
        format = "JPEG"

        def getexif(self) -> dict:
            raise SyntaxError("not a TIFF file (header b'\\x00' not valid)")

    assert exiforient.exif_orientation(Broken()) is None  # type: ignore[arg-type]


@pytest.mark.parametrize("tag", [3, 6, 8])
def test_each_rotation_tag_turns_the_page_as_a_viewer_shows_it(tmp_path: Path, tag: int) -> None:
    path = tmp_path / "photo.png"  # lossless, so the pixels compare exactly
    stored = _photo(path, tag, "PNG")
    turn = exiforient.camera_turn(tag)
    assert turn is not None
    corrected = preprocess.apply(np.asarray(stored), preprocess.Correction(turn, 0.0, 0.0, True))
    shown = np.asarray(ImageOps.exif_transpose(Image.open(path)))
    assert np.array_equal(corrected, shown)
    assert np.array_equal(corrected, np.asarray(_upright()))


def test_mirrored_tags_name_no_turn() -> None:
    assert [exiforient.camera_turn(t) for t in (1, 2, 3, 4, 5, 6, 7, 8, None)] == [0, None, 180, None, None, 270,
                                                                                   None, 90, None]


# ---------------------------------------------------------------- the decision, with readings set by hand

def _words(n_good: int) -> OcrResult:
    words = [Word("được", 92.0, (10 * i, 0, 10 * i + 40, 12), 0) for i in range(n_good)]
    return OcrResult(words, " ".join(w.text for w in words), 92.0 if words else 0.0)


def _decide(own: int, own_conf: float, reads: dict[int, OcrResult], camera: int | None, skew: float = 0.0,
            osd: OsdResult | None = None) -> orient.Oriented:
    gray = np.full((40, 60), 255, np.uint8)
    gray[0, 0] = 0  # a corner mark tells the four turns apart

    def read(up: np.ndarray) -> OcrResult:
        turned = next((o for o in (0, 90, 180, 270) if np.array_equal(up, np.rot90(gray, o // 90))), None)
        return reads.get(turned, OcrResult()) if turned is not None else _words(2)

    found = preprocess.Correction(own, skew, own_conf, True, lines=5)
    return orient.orient(gray, 100.0, found, read, _Osd(osd), camera)


def test_too_little_text_and_tag_6_turns_the_page_as_the_phone_showed_it() -> None:
    done = _decide(0, 0.1, {0: _words(2), 180: _words(1)}, 6)
    assert done.decision == "turned as the camera recorded it"
    assert done.correction.orientation == 270  # stored 90° counter-clockwise: turned 90° clockwise to view
    assert done.correction.orientation_confidence == 0.0
    assert done.camera_warnings == ["too little text to tell which way is up: turned as the camera's orientation "
                                    "tag says (EXIF 6, 90° clockwise)"]
    assert done.evidence["camera"] == {"exif_orientation": 6, "orientation": 270}


def test_the_turned_page_is_the_tags_turn_and_not_deskewed() -> None:
    done = _decide(0, 0.1, {}, 8, skew=3.0)
    gray = np.full((40, 60), 255, np.uint8)
    gray[0, 0] = 0
    assert done.correction.orientation == 90 and done.correction.skew == 0.0
    assert done.correction.deskew_note.startswith("not deskewed")
    assert np.array_equal(done.upright, np.rot90(gray, 1))


def test_a_confident_text_wins_over_a_contradicting_tag_and_the_evidence_says_so() -> None:
    done = _decide(0, 1.0, {0: _words(40)}, 6)
    assert done.decision == "upright" and done.correction.orientation == 0
    assert done.evidence["camera"] == {"exif_orientation": 6, "orientation": 270, "agrees": False}
    assert done.warnings == [] and done.camera_warnings == []


def test_a_tag_that_agrees_with_the_text_is_recorded_as_agreeing() -> None:
    done = _decide(90, 0.1, {90: _words(40), 270: _words(0)}, 8)
    assert done.decision == "turned" and done.correction.orientation == 90
    assert done.evidence["camera"]["agrees"] is True


def test_an_uncertain_page_is_kept_as_scanned_whatever_the_tag() -> None:
    done = _decide(0, 0.2, {0: _words(12), 180: _words(12)}, 3)
    assert done.decision == "kept as scanned: uncertain" and done.correction.orientation == 0
    assert done.evidence["camera"] == {"exif_orientation": 3, "orientation": 180}


def test_tag_1_on_too_little_text_keeps_the_page_as_today() -> None:
    done = _decide(0, 0.1, {0: _words(2)}, 1)
    assert done.decision == "kept as scanned: too little text" and done.correction.orientation == 0
    assert done.warnings == ["too little text to tell which way is up: kept as scanned"]
    assert done.camera_warnings == []


@pytest.mark.parametrize("tag", [2, 4, 5, 7])
def test_a_mirrored_tag_is_never_used_and_said_only_when_the_text_cannot_decide(tag: int) -> None:
    kept = _decide(0, 0.1, {0: _words(2)}, tag)
    assert kept.decision == "kept as scanned: too little text" and kept.correction.orientation == 0
    assert kept.camera_warnings == [f"the camera's orientation tag asks for a mirrored picture (EXIF {tag}), which "
                                    "a page never is: the tag was not used"]
    assert kept.evidence["camera"] == {"exif_orientation": tag, "orientation": None, "note": "mirrored: not used"}
    read = _decide(0, 1.0, {0: _words(40)}, tag)
    assert read.decision == "upright" and read.camera_warnings == []


def test_without_a_tag_nothing_changes() -> None:
    done = _decide(0, 0.1, {0: _words(2)}, None)
    assert done.decision == "kept as scanned: too little text" and "camera" not in done.evidence


@pytest.mark.parametrize("warning", [exiforient.turned_warning(3), exiforient.turned_warning(6),
                                     exiforient.turned_warning(8), exiforient.mirrored_warning(5)])
def test_the_warnings_read_in_vietnamese_in_the_report(warning: str) -> None:
    from archivist.reportlang import vietnamese

    vi = vietnamese(warning)
    assert vi != warning and "camera" not in vi and "EXIF" in vi, vi


def test_the_report_flags_a_page_turned_by_the_tag_alone() -> None:
    from archivist.htmlreport import _flags

    page = {"dpi": 300, "mean_confidence": 90.0, "words": [["x", 90, 0, 0, 1, 1, 0]],
            "orientation_decision": "turned as the camera recorded it", "warnings": [exiforient.turned_warning(6)]}
    assert _flags({"pages": [page]}) == ["orientation", "warning"]


# --- a PNG's eXIf chunk and a WebP's EXIF chunk (screenshots, forwarded photos) -----------------------------


def _exif(tag: int) -> Image.Exif:
    exif = Image.Exif()
    exif[0x0112] = tag
    return exif


def _exif_after_pixels(png: bytes) -> bytes:
    """The PNG with its eXIf chunk moved after the IDAT chunks (as some programs write it)."""
    chunks, pos = [], 8
    while pos < len(png):
        (n,) = struct.unpack(">I", png[pos:pos + 4])
        chunks.append(png[pos:pos + 12 + n])
        pos += 12 + n
    exif = [c for c in chunks if c[4:8] == b"eXIf"]
    rest = [c for c in chunks if c[4:8] != b"eXIf"]
    assert len(exif) == 1 and rest[-1][4:8] == b"IEND"
    return png[:8] + b"".join(rest[:-1] + exif + rest[-1:])


@pytest.mark.parametrize("mode", ["RGB", "P"])  # RGB: decoded by OpenCV; P (palette): by Pillow
@pytest.mark.parametrize("where", ["before", "after"])
def test_a_png_carries_the_cameras_tag_in_its_exif_chunk(tmp_path: Path, mode: str, where: str) -> None:
    buf = io.BytesIO()
    _upright().convert("RGB").convert(mode).save(buf, "PNG", exif=_exif(6))
    data = buf.getvalue()
    assert data.index(b"eXIf") < data.index(b"IDAT")
    path = tmp_path / f"shot-{mode}-{where}.png"
    path.write_bytes(data if where == "before" else _exif_after_pixels(data))
    page = load_page(PageRef(path, "image", 0))
    assert page.exif_orientation == 6 and page.source_format == "PNG"


def test_a_png_without_exif_has_no_tag_and_a_damaged_one_still_fails(tmp_path: Path) -> None:
    path = tmp_path / "plain.png"
    _upright().convert("P").save(path)
    assert load_page(PageRef(path, "image", 0)).exif_orientation is None
    cut = tmp_path / "cut.png"
    cut.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    with pytest.raises(IngestError, match="damaged or truncated"):
        load_page(PageRef(cut, "image", 0))


def test_a_webp_carries_the_cameras_tag_in_its_exif_chunk(tmp_path: Path) -> None:
    path = tmp_path / "forwarded.webp"
    _upright().save(path, "WEBP", lossless=True, exif=_exif(8))
    page = load_page(PageRef(path, "image", 0))
    assert page.exif_orientation == 8 and page.source_format == "WEBP"


def test_a_damaged_exif_chunk_is_no_tag(tmp_path: Path) -> None:
    buf = io.BytesIO()
    _upright().save(buf, "PNG", exif=b"MM\x00*" + bytes(4))
    data = buf.getvalue()
    assert b"eXIf" in data
    (tmp_path / "odd.png").write_bytes(data)
    page = load_page(PageRef(tmp_path / "odd.png", "image", 0))  # the page is read, with no tag
    assert page.exif_orientation is None and page.gray.shape == (120, 80)
