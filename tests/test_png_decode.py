"""PNG pages whose data passes into the PDF are decoded by OpenCV (session 29, issue 16): the same grey pixels,
the same colour copy for the report image and the same payload as Pillow's decode gave; any other PNG, and a
damaged one, still goes through Pillow."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from archivist import ingest
from archivist.ingest import IngestError, load_page
from archivist.loaded import loaded_image
from archivist.models import PageRef
from archivist.payload import image_payload
from tests.test_payload import page


def _by_pillow(path: Path):  # noqa: ANN202 - the LoadedPage Pillow's path makes, as before this change
    with Image.open(path) as im:
        im.load()
        return loaded_image(im, image_payload(path, im, 0), *im.info["dpi"], True)


@pytest.mark.parametrize("mode", ["L", "RGB"])
@pytest.mark.parametrize("dpi", [(300, 300), (200, 100)])  # a fax's tall pixels are put on the square grid
def test_a_plain_png_gives_what_pillow_gave(tmp_path: Path, mode: str, dpi: tuple[int, int]) -> None:
    path = tmp_path / "p.png"
    src = page(mode, seed=3)
    if mode == "RGB":  # the three channels apart, so that an order swapped anywhere would show
        r, g, b = (np.asarray(c) for c in src.split())
        src = Image.fromarray(np.dstack([r, np.roll(g, 7, axis=1), 255 - b]).astype(np.uint8))
    src.save(path, dpi=dpi)
    ref = PageRef(path, "image", 0)
    assert ingest._plain_png(ref, Image.open(path)) is not None  # OpenCV's path is the one taken
    got, want = load_page(ref), _by_pillow(path)
    assert np.array_equal(got.gray, want.gray) and got.gray.dtype == np.uint8
    assert (got.colour is None) == (want.colour is None) == (mode == "L")
    if mode == "RGB":
        assert np.array_equal(got.colour, want.colour)
    assert got.payload == want.payload and (got.dpi, got.dpi_xy, got.dpi_known) == (want.dpi, want.dpi_xy, True)


@pytest.mark.parametrize("mode", ["LA", "P", "I;16", "1"])
def test_other_pngs_go_through_pillow(tmp_path: Path, mode: str) -> None:
    path = tmp_path / "p.png"
    page(mode if mode != "LA" else "L", seed=2).convert(mode).save(path, dpi=(300, 300))
    assert ingest._plain_png(PageRef(path, "image", 0), Image.open(path)) is None
    assert np.array_equal(load_page(PageRef(path, "image", 0)).gray, _by_pillow(path).gray)


def test_a_truncated_png_is_still_reported(tmp_path: Path) -> None:
    path = tmp_path / "p.png"
    page("L", seed=4).save(path, dpi=(300, 300))
    data = path.read_bytes()
    path.write_bytes(data[:len(data) * 2 // 3])
    with pytest.raises(IngestError, match="damaged or truncated"):
        load_page(PageRef(path, "image", 0))
