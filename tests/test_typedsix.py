"""A typewritten number's ``6`` read ``8`` (archivist/typedsix.py): the ``6``'s open top right measured on digits
typed in the generator's typewriter face, which ``8`` s are asked, the ``8`` kept as a rival that flags the value
holding it (archivist/chardoubt.py), and a generated typewritten document end to end through ``archivist
process``."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from archivist import pagework, typedsix
from archivist.chardoubt import digit_doubt
from archivist.models import Word
from archivist.ocr import OcrResult
from archivist.typedzero import cell_ink
from tests.rereadcheck import assert_mended, typed_both_ways
from tests.test_typedcase import _typed_line

SIZES = [39, 58]  # 14 pt at 200 and 300 dpi


def _reach(img: np.ndarray, box: tuple[int, int, int, int], read: str, at: int) -> float:
    glyph = cell_ink(img, box, read, at)
    assert glyph is not None
    return typedsix.right_reach(glyph)


@pytest.mark.parametrize("size", SIZES)
def test_the_typed_six_is_open_at_its_top_right_and_the_eight_is_not(size: int) -> None:
    """Under its hook the mono face's ``6`` reaches half way across at most; an ``8``'s upper loop reaches its right
    edge (the cell as the engine's ``8`` places it, the digit typed)."""
    img, (six, eight) = _typed_line("6868 2008", size)
    assert _reach(img, six, "8868", 0) <= typedsix.REACH_MAX < _reach(img, six, "8868", 1)
    assert _reach(img, six, "6888", 2) <= typedsix.REACH_MAX < _reach(img, six, "6888", 3)
    assert _reach(img, eight, "2008", 3) > typedsix.REACH_MAX
    assert typedsix.right_reach(np.zeros((20, 12), np.uint8)) == 0.0


def test_asked_only_an_eight_among_digits() -> None:
    """A number, a date, a code's number, a percentage are asked; an ``8`` read for a capital (``8AN``, ``8M``) or
    inside a word of letters is not."""
    assert typedsix.asked("189/KH-UBND") == [1]
    assert typedsix.asked("11/08/2006") == [4]
    assert typedsix.asked("86,5%") == [0]
    assert typedsix.asked("8.") == [0]
    assert typedsix.asked("2088") == [2, 3]
    assert typedsix.asked("8AN") == []
    assert typedsix.asked("121/8M-UBND") == []
    assert typedsix.asked("U8ND") == []


@pytest.mark.parametrize("size", SIZES)
def test_typed_sixes_reads_a_six_read_eight_again(size: int) -> None:
    """A typed ``169/KH`` read ``189/KH`` comes back as typed, the ``8`` kept as a rival of the word's own weight (the
    engine's rival at that place replaced), box and line as read; a typed ``2008`` and a word of letters stay."""
    img, boxes = _typed_line("169/KH 2008 8AN", size)
    first = OcrResult([Word("189/KH", 88.0, boxes[0], 0, rivals=((1, "3", 80.0, 20.0),)),
                       Word("2008", 92.0, boxes[1], 0), Word("8AN", 90.0, boxes[2], 0)], "189/KH 2008 8AN", 90.0)
    out = typedsix.typed_sixes(first, img)
    assert [w.text for w in out.words] == ["169/KH", "2008", "8AN"]
    assert out.text == "169/KH 2008 8AN"
    assert out.words[0].rivals == ((1, "8", 88.0, 88.0),)
    assert [w.bbox for w in out.words] == boxes
    assert out.words[1] is first.words[1] and out.words[2] is first.words[2]


def test_a_changed_digit_flags_the_value_holding_it() -> None:
    """The ``8`` kept as a rival of the same weight is a digit in doubt for the number, the date and the entry
    (:func:`archivist.chardoubt.digit_doubt`), naming both digits."""
    why = digit_doubt("169/KH-UBND", ((1, "8", 88.0, 88.0),))
    assert why is not None and "'8'" in why and "'6'" in why


def test_nothing_asked_no_change() -> None:
    """No typed image, no ``8``, a glyph no wider than a fragment of the box's height, or a whole ``8``: unchanged."""
    img, (box,) = _typed_line("2008", 58)
    first = OcrResult([Word("2008", 91.0, box, 0)], "2008", 91.0)
    assert typedsix.typed_sixes(first, img) is first
    assert typedsix.typed_sixes(first, None) is first
    plain = OcrResult([Word("2005", 91.0, box, 0)], "2005", 91.0)
    assert typedsix.typed_sixes(plain, img) is plain
    x0, y0, x1, y1 = box
    stub = img.copy()
    stub[y0:y0 + (y1 - y0) // 2, x0 + 3 * (x1 - x0) // 4:x1] = 255  # the last digit's upper half worn away
    assert typedsix.six_reading(stub, first.words[0], 0.6 * 58) is None  # what is left: under HEIGHT_MIN of the box


@pytest.mark.parametrize("size", SIZES)
def test_a_slice_off_its_glyph_is_not_read(size: int) -> None:
    """A typed ``169`` read with a character too many (``1896``) or its box not as many pitches wide: the slices
    would cut the glyphs, so nothing is asked; a slice through a glyph is not whole (:func:`typedsix.whole`)."""
    img, (box,) = _typed_line("169", size)
    pitch = 0.6 * size
    assert typedsix.six_reading(img, Word("189", 90.0, box, 0), pitch) is not None
    assert typedsix.six_reading(img, Word("1896", 90.0, box, 0), pitch) is None
    assert typedsix.six_reading(img, Word("189", 90.0, box, 0), 2 * pitch) is None
    x0, y0, x1, y1 = box
    half = (x0 - round(pitch / 2), y0, x1 - round(pitch / 2), y1)  # every slice half a pitch to the left
    assert typedsix.whole(img, box, "169", 1)
    assert not typedsix.whole(img, half, "169", 2)


@pytest.mark.slow
def test_generated_typed_document_stores_its_number_right_end_to_end(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The fifth typewritten document of seed 306 (``generate.py --docs 5 --groups typewriter``: a plan of Mỹ Đức,
    number ``169/KH-UBND``): read ``189/KH-UBND`` without the rule and stored so without a flag, it is ``169/KH-UBND``
    in the record, in the PDF/A's text layer and in the stored number, which is flagged (its box read again gives
    ``189``; the ``8`` kept as a rival would flag it too);
    no truth word is lost, fewer are lost, the PDF/A-1b passes Preflight."""
    done = typed_both_ways(tmp_path, 306, lambda: monkeypatch.setattr(pagework, "typed_sixes", lambda ocr, typed: ocr),
                           doc=5)
    assert_mended(done, "189/KH-UBND", "169/KH-UBND")
    meta = {name: json.loads(next((tmp_path / name / "documents").glob("*.json")).read_text(encoding="utf-8"))[
        "metadata"] for name in ("with", "without")}
    assert meta["without"]["number_symbol"] == "189/KH-UBND"
    assert "number_symbol" not in (meta["without"].get("needs_review") or [])
    assert meta["with"]["number_symbol"] == "169/KH-UBND"
    assert "number_symbol" in meta["with"]["needs_review"]
    why = meta["with"]["fields"]["number_symbol"]["review"]  # the box read again says 189, or the rival '8'
    assert "189" in why or "'8'" in why, why
