"""A faded page's stop read as a comma after a list's number or an abbreviation, set back by the mark's glyph
(archivist/fadedstops.py): the stop's and the comma's shapes in the generator's faces, which words are looked at,
only a faded page; and a generated faded document through ``archivist process`` (real Tesseract)."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from archivist import fadedglyphs, fadedstops, pagework, restore
from archivist.metrics import words
from archivist.models import Word
from archivist.ocr import OcrResult
from tests.pdfcheck import assert_valid_pdfa
from tests.pdfpages import pdftotext
from tests.rereadcheck import typed_both_ways
from tests.test_fadedglyphs import _printed
from tests.test_typedcase import _typed_line


def _faces(text: str) -> list[tuple[np.ndarray, tuple[int, int, int, int]]]:
    """``text`` printed in the serif's regular and bold at 30-58 px and typed in the carbon copies' mono face."""
    out = [_printed(text, size, style) for style in ("regular", "bold") for size in (30, 39, 58)]
    for size in (39, 58):
        img, (box,) = _typed_line(text, size)
        out.append((img, box))
    return out


@pytest.mark.parametrize("core", ["5", "12", "VT", "TM", "ĐC"])
def test_a_stop_is_told_from_a_comma_by_its_glyph(core: str) -> None:
    """A stop sits on the foot of the word's glyphs and is short; a comma's tail reaches under the foot."""
    for img, box in _faces(core + "."):
        assert fadedstops.is_stop(fadedstops.mark_shape(img, box))
    for img, box in _faces(core + ","):
        below, tall, _ = fadedstops.mark_shape(img, box)
        assert below > fadedstops.MOST_BELOW and not fadedstops.is_stop((below, tall, 0.8))


def test_a_comma_whose_tail_faded_away_is_no_longer_told() -> None:
    """What the rule cannot see: a comma worn down to its head has a stop's shape (why only a list's number or an
    abbreviation is looked at: after a small letter the faded commas of seeds 190-219 had lost their tails too)."""
    img, (x0, y0, x1, y1) = _printed("5,", 39)
    worn = img.copy()
    foot = int(np.flatnonzero((img[:, x0:x0 + (x1 - x0) // 2] < 128).any(1))[-1])
    worn[foot + 1:, :] = 255
    assert fadedstops.is_stop(fadedstops.mark_shape(worn, (x0, y0, x1, foot + 1)))
    assert not fadedstops.is_stop(fadedstops.mark_shape(img, (x0, y0, x1, y1)))


def test_mark_shape_of_a_single_glyph_or_no_ink() -> None:
    img, box = _printed("5", 39)
    assert fadedstops.mark_shape(img, box) is None  # one glyph: no mark apart from it
    assert fadedstops.mark_shape(np.full((60, 60), 255, np.uint8), (5, 5, 50, 50)) is None
    assert not fadedstops.is_stop(None)


def _lines(lines: list[str], read: dict[tuple[int, int], str]) -> tuple[np.ndarray, OcrResult]:
    """A strip of typed lines, one under another, read as typed but for ``read`` ((line, word) -> reading)."""
    rows, ws = [], []
    for k, text in enumerate(lines):
        img, boxes = _typed_line(text, 39)
        top = sum(r.shape[0] for r in rows)
        ws += [Word(read.get((k, j), t), 85.0, (b[0], b[1] + top, b[2], b[3] + top), k)
               for j, (t, b) in enumerate(zip(text.split(), boxes, strict=True))]
        rows.append(img)
    width = max(r.shape[1] for r in rows)
    page = np.vstack([np.pad(r, ((0, 0), (0, width - r.shape[1])), constant_values=255) for r in rows])
    return page, OcrResult(ws, " ".join(w.text for w in ws), 85.0)


def test_faded_stops_set_back_a_list_number_and_an_abbreviation_only() -> None:
    """A list's number opening its line and an abbreviation read with a comma where the glyph is a stop take the
    stop; a true comma after them is kept; a word of small letters, a number inside its line and a stop read as a
    stop are not looked at."""
    page, ocr = _lines(["5. Hộ bà Lan", "Lưu: VT. hiện. 4. cho", "VT, VP. và 6, người"],
                       {(0, 0): "5,", (1, 1): "VT,", (1, 2): "hiện,", (1, 3): "4,", (2, 5): "6,"})
    out = fadedstops.faded_stops(ocr, page)
    assert [w.text for w in out.words] == ["5.", "Hộ", "bà", "Lan", "Lưu:", "VT.", "hiện,", "4,", "cho",
                                           "VT,", "VP.", "và", "6,", "người"]
    assert out.text.startswith("5. Hộ bà Lan") and "Lưu: VT. hiện, 4," in out.text
    assert [w.bbox for w in out.words] == [w.bbox for w in ocr.words]
    plain, _ = _lines(["5, Hộ bà Lan"], {})
    _, read = _lines(["5, Hộ bà Lan"], {})
    assert fadedstops.faded_stops(read, plain) is read  # a printed comma: kept, nothing to change


def test_faded_glyphs_set_the_stops_back_only_on_a_faded_page() -> None:
    page, ocr = _lines(["5. Hộ bà Lan"], {(0, 0): "5,"})
    assert fadedglyphs.faded_glyphs(ocr, restore.Prepared(page, 300.0, [], [], 1.0)) is ocr
    faded = restore.Prepared(page, 300.0, [], ["clahe"], 1.0, before_contrast=page)
    assert fadedglyphs.faded_glyphs(ocr, faded).words[0].text == "5."


def _stops_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """``faded_stops`` off, and the paragraph's closing stop (archivist/fadedends.py, session 45): the document's
    ``Lưu: VT,`` ends its line short over a capital, where that rule sets its stop back too."""
    monkeypatch.setattr(fadedglyphs, "faded_stops", lambda ocr, image: ocr)
    monkeypatch.setattr(pagework, "faded_ends", lambda ocr, prep: ocr)


@pytest.mark.slow
def test_generated_faded_document_reads_its_stops_end_to_end(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first faded document of seed 217 (session 42's fit set): its ``Lưu: VT.``, read ``VT,`` without the
    mark's glyph, is ``VT.`` in the record and in the PDF/A's text layer, fewer words lost, PDF/A-1b valid."""
    both = typed_both_ways(tmp_path, 217, lambda: _stops_off(monkeypatch), group="faded")
    assert both.want["VT."] and not both.want["VT,"]
    assert both.read["without"]["VT,"] and not both.read["with"]["VT,"]
    assert both.read["with"]["VT."] == both.read["without"]["VT."] + both.read["without"]["VT,"]
    assert both.errors["with"] < both.errors["without"]
    layer = Counter(words("".join(pdftotext(both.pdf, k + 1) for k in range(len(both.pages)))))
    assert layer["VT."] == both.read["with"]["VT."] and not layer["VT,"]
    assert_valid_pdfa(both.archive)
