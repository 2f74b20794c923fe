"""A typewritten list line's dash the engine left out, put back by its bar and the list's other dashes
(archivist/typeddash.py, with archivist/speckdash.py's tests): typed lists in the mono face, and a generated
typewritten document end to end through ``archivist process``."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from archivist import pagework, speckdash, typeddash
from archivist.metrics import words
from archivist.models import Word
from archivist.ocr import OcrResult
from tests.pdfcheck import assert_valid_pdfa
from tests.pdfpages import pdftotext
from tests.rereadcheck import typed_both_ways
from tests.test_typedcase import _typed_line

SIZES = [39, 58]  # 14 pt at 200 and 300 dpi
LIST = ["Nơi nhận:", "- Như trên;", "- TT Đảng ủy xã;", "- Lưu VT."]


def _typed_list(typed: list[str], read: list[str], size: int) -> tuple[np.ndarray, OcrResult]:
    """The lines ``typed`` typed in the mono face at ``size`` one under the other, read as ``read`` (each line's
    words; a line read without its dash leaves the dash's box out)."""
    strips, got = [], []
    for i, (line, reading) in enumerate(zip(typed, read, strict=True)):
        img, boxes = _typed_line(line, size)
        top = sum(s.shape[0] for s in strips)
        strips.append(img)
        tokens = line.split(" ")
        kept = reading.split(" ")
        if tokens[0] == "-" and kept[0] != "-":
            tokens, boxes = tokens[1:], boxes[1:]
        assert tokens == kept
        got += [Word(t, 90.0, (b[0], b[1] + top, b[2], b[3] + top), i) for t, b in zip(tokens, boxes, strict=True)]
    width = max(s.shape[1] for s in strips)
    page = np.vstack([np.pad(s, ((0, 0), (0, width - s.shape[1])), constant_values=255) for s in strips])
    return page, OcrResult(got, "\n".join(read), 90.0)


@pytest.mark.parametrize("size", SIZES)
def test_dashes_left_out_are_put_back_in_line_with_the_list(size: int) -> None:
    """Two of the list's three dashes left out (one read): both come back before their lines' first words, at the
    bar's box, on their lines."""
    image, ocr = _typed_list(LIST, ["Nơi nhận:", "Như trên;", "- TT Đảng ủy xã;", "Lưu VT."], size)
    out = typeddash.typed_dashes(ocr, image)
    assert out.text.split("\n") == LIST
    dashes = [w for w in out.words if w.text == "-"]
    assert [w.line for w in dashes] == [1, 2, 3]
    lefts = [w.bbox[0] for w in dashes]
    assert max(lefts) - min(lefts) <= 2  # the bar's box: one under the other
    first = next(w for w in out.words if w.text == "Như")
    assert dashes[0].bbox[2] < first.bbox[0] and first.bbox[1] < dashes[0].bbox[1] < first.bbox[3]


@pytest.mark.parametrize("size", SIZES)
def test_a_whole_list_without_its_dashes_agrees_with_itself(size: int) -> None:
    """All three dashes left out (seed 341's recipients, five of them): each bar stands in line with the others."""
    image, ocr = _typed_list(LIST, ["Nơi nhận:", "Như trên;", "TT Đảng ủy xã;", "Lưu VT."], size)
    assert typeddash.typed_dashes(ocr, image).text.split("\n") == LIST


@pytest.mark.parametrize("size", SIZES)
def test_no_dash_without_a_bar_or_a_list(size: int) -> None:
    """No ink before a line's first word, or one bar with no other dash to stand in line with: unchanged; on any
    page but a typed one (no typed image): unchanged."""
    plain = ["Nơi nhận:", "- Như trên;", "TT Đảng ủy xã;"]
    image, ocr = _typed_list(plain, plain, size)
    assert typeddash.typed_dashes(ocr, image) is ocr
    image, ocr = _typed_list(["Nơi nhận:", "- Như trên;"], ["Nơi nhận:", "Như trên;"], size)
    assert typeddash.typed_dashes(ocr, image) is ocr
    image, ocr = _typed_list(LIST, ["Nơi nhận:", "Như trên;", "TT Đảng ủy xã;", "Lưu VT."], size)
    assert typeddash.typed_dashes(ocr, None) is ocr


@pytest.mark.parametrize("size", SIZES)
def test_no_bar_inside_the_first_words_box(size: int) -> None:
    """A bar the engine's box of the first word holds at its left is a worn letter's piece on a typed page as often
    (a ``t``'s crossbar broken from its stem): the typed rule takes bars before the box only; the speckled limits
    take it."""
    image, ocr = _typed_list(LIST, ["Nơi nhận:", "- Như trên;", "TT Đảng ủy xã;", "- Lưu VT."], size)
    k = next(i for i, w in enumerate(ocr.words) if w.text == "TT")
    dash = next(w for w in ocr.words if w.text == "-")
    held = [*ocr.words[:k], Word("TT", 90.0, (dash.bbox[0], *ocr.words[k].bbox[1:]), 2), *ocr.words[k + 1:]]
    wide = OcrResult(held, ocr.text, 90.0)
    assert typeddash.typed_dashes(wide, image) is wide
    assert speckdash.put_back_dashes(wide, image, image).text.split("\n")[2] == "- TT Đảng ủy xã;"


@pytest.mark.parametrize("size", SIZES)
def test_a_faint_streak_in_the_margin_is_no_dash(size: int) -> None:
    """A streak of the paper's grain (grey 215 on 255) where a dash would stand before a line with none: Otsu over
    the bare margin takes it for ink (the speckled limits, the gap widened, put it back), the typed rule tells ink at
    the first word's letters' level and leaves it."""
    image, ocr = _typed_list(LIST, ["Nơi nhận:", "- Như trên;", "TT Đảng ủy xã;", "- Lưu VT."], size)
    dash = next(w for w in ocr.words if w.text == "-")
    tt = next(w for w in ocr.words if w.text == "TT")
    streak = image.copy()
    streak[tt.bbox[1]:tt.bbox[3], :tt.bbox[0] - 2] = 255  # the typed dash painted out: bare margin
    mid = (tt.bbox[1] + tt.bbox[3]) // 2
    streak[mid - 1:mid + 2, dash.bbox[0]:dash.bbox[2]] = 215
    assert typeddash.typed_dashes(ocr, streak) is ocr
    grain = replace(typeddash.TYPED, word_ink=False)
    assert speckdash.put_back_dashes(ocr, streak, streak, grain).text.split("\n")[2] == "- TT Đảng ủy xã;"


@pytest.mark.parametrize("size", SIZES)
def test_the_speckled_limits_miss_a_typed_dash(size: int) -> None:
    """Why the typed limits: a typed dash stands a whole typed space (about 1.2 word heights) before its word,
    where the speckled page's limits look half a word height back."""
    image, ocr = _typed_list(LIST, ["Nơi nhận:", "Như trên;", "TT Đảng ủy xã;", "Lưu VT."], size)
    assert speckdash.put_back_dashes(ocr, image, image) is ocr
    assert speckdash.put_back_dashes(ocr, image, image, typeddash.TYPED) is not ocr


@pytest.mark.slow
def test_generated_typed_list_gets_its_dashes_end_to_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first typewritten document of seed 340 (``generate.py --docs 8 --groups typewriter``): its second page's
    recipients ``- UBMTTQ VN xã;``, ``- TT Đảng ủy, HĐND xã (b/c);``, ``- Chủ tịch, …``, ``- Lưu VT, VX.`` were read
    without their dashes; with the rule the record holds them (no more dashes than the truth), no truth word is
    lost, the document loses fewer words, the PDF/A's text layer holds the record's dashes, PDF/A-1b passes."""
    done = typed_both_ways(tmp_path, 340, lambda: monkeypatch.setattr(pagework, "typed_dashes", lambda ocr, t: ocr),
                           doc=1, docs=8)
    got, want = done.read, done.want
    assert got["with"]["-"] >= got["without"]["-"] + 4
    assert got["with"]["-"] <= want["-"]  # no dash the page does not print
    assert all(min(got["with"][w], n) >= min(got["without"][w], n) for w, n in want.items())
    assert done.errors["with"] < done.errors["without"], done.errors
    layer = Counter(w for k in range(1, len(done.pages) + 1) for w in words(pdftotext(done.pdf, k)))
    assert layer["-"] == got["with"]["-"]
    assert_valid_pdfa(done.archive)
