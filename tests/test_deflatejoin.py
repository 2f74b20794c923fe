"""A Deflate TIFF's strips joined into one zlib stream (archivist/deflatejoin.py, session 46).

The joined stream must decode, by Python's zlib and by the PDF reader (pikepdf, qpdf's decoder), to exactly the
strips' decoded bytes one after another, whatever the encoder made of each strip (stored, fixed or dynamic
blocks, any window, one block or many); anything it cannot join gives None, and the page is re-encoded.
"""

from __future__ import annotations

import random
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from archivist import deflatejoin
from archivist.deflatejoin import join_strips
from archivist.ingest import load_page
from archivist.models import PageRef
from tests.test_payload import decoded, page, source

STRATEGIES = (zlib.Z_DEFAULT_STRATEGY, zlib.Z_FILTERED, zlib.Z_FIXED, zlib.Z_HUFFMAN_ONLY, zlib.Z_RLE)


def strips_bytes(path: Path) -> int:
    """The compressed bytes of a TIFF's strips (its first frame)."""
    with Image.open(path) as im:
        return sum(im.tag_v2[279])


def _compressed(raw: bytes, level: int, strategy: int, wbits: int = 15) -> bytes:
    c = zlib.compressobj(level, zlib.DEFLATED, wbits, 8, strategy)
    return c.compress(raw) + c.flush()


def _rows(rng: random.Random, n: int) -> bytes:
    """Bytes like a scan's predicted rows: mostly paper (0), a few strokes and some noise."""
    values = np.frombuffer(b"\x00\x00\x00\x01\xff\xfe\x10\x80", np.uint8)
    return np.random.default_rng(rng.randrange(2**32)).choice(values, n).tobytes()


@pytest.mark.parametrize("level", [0, 1, 6, 9])
@pytest.mark.parametrize("strategy", STRATEGIES)
def test_joined_strips_decode_to_the_strips_bytes(level: int, strategy: int) -> None:
    rng = random.Random(level * 10 + strategy)
    raws = [_rows(rng, rng.randint(1, 90_000)) for _ in range(6)]
    strips = [_compressed(r, level, strategy, rng.choice([9, 12, 15])) for r in raws]
    joined = join_strips(strips, [len(r) for r in raws])
    assert joined is not None
    assert zlib.decompress(joined) == b"".join(raws)
    assert len(joined) <= sum(len(s) for s in strips) + 6 * len(strips)  # each strip's own data, 4-6 bytes added


def test_every_end_bit_position_is_closed_right() -> None:
    """The stored block that closes a strip starts wherever the strip's last block ended: each of the 8 bit
    positions in its last byte (and an empty strip's stream) is met and decodes right."""
    rng = random.Random(5)
    ends, raws = set(), []
    for _ in range(500):
        if len(ends) == 8:
            break
        raw = _rows(rng, rng.randint(0, 400))
        strip = _compressed(raw, 6, zlib.Z_DEFAULT_STRATEGY)
        found = deflatejoin._bounds(deflatejoin._libz(), strip[2:], len(raw))
        assert found is not None and found[2] == raw
        ends.add(found[1] % 8)
        raws.append(raw)
    assert len(ends) == 8
    strips = [_compressed(r, 6, zlib.Z_DEFAULT_STRATEGY) for r in raws]
    assert zlib.decompress(join_strips(strips, [len(r) for r in raws])) == b"".join(raws)


def test_what_cannot_be_joined_gives_none() -> None:
    raw = _rows(random.Random(2), 5_000)
    good = _compressed(raw, 6, zlib.Z_DEFAULT_STRATEGY)
    assert join_strips([good, good[:-40]], [len(raw), len(raw)]) is None  # a strip cut short
    assert join_strips([good, good], [len(raw), len(raw) - 1]) is None  # decodes to more than the strip holds
    assert join_strips([good, good], [len(raw), len(raw) + 1]) is None  # or to less
    assert join_strips([good, b"\x00" * 40], [len(raw), 40]) is None  # no zlib header
    zdict = zlib.compressobj(6, zlib.DEFLATED, 15, 8, zlib.Z_DEFAULT_STRATEGY, zdict=b"abc" * 50)
    assert join_strips([zdict.compress(raw) + zdict.flush()], [len(raw)]) is None  # a preset dictionary
    assert join_strips([], []) is None


@pytest.mark.parametrize(("mode", "options", "predictor"), [
    ("L", {"tiffinfo": {317: 2, 278: 16}}, 2),
    ("L", {"tiffinfo": {278: 8}}, None),  # no predictor; the last strip shorter than the others
    ("RGB", {"tiffinfo": {317: 2, 278: 10}}, 2),
    ("RGB", {"tiffinfo": {278: 33}}, None),
])
def test_a_tiff_of_deflate_strips_passes_joined(tmp_path: Path, mode: str, options: dict,
                                                predictor: int | None) -> None:
    """A Deflate TIFF of many strips goes into the PDF as its strips' own data: pixels identical to Pillow's
    decode of the file (decoded by pikepdf), no larger than the strips plus a few bytes each."""
    path = tmp_path / "strips.tif"
    page(mode, seed=4).save(path, dpi=(100, 100), compression="tiff_adobe_deflate", **options)
    with Image.open(path) as src:
        n = len(src.tag_v2[279])
        assert n > 1 and src.height % src.tag_v2[278]
    payload = load_page(PageRef(path, "image")).payload
    assert payload.filter == "FlateDecode"
    assert (payload.decode_parms or {}).get("Predictor") == predictor
    assert strips_bytes(path) - 2 * n < len(payload.data) <= strips_bytes(path) + 6 * n
    assert np.array_equal(decoded(payload), source(path))
