"""A speckled page's small letter read as its capital, and a speck read as a colon, told by the glyphs
(archivist/specksmall.py, archivist/speckcolon.py)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import cv2
import numpy as np
import pytest

from archivist.models import Word
from archivist.ocr import OcrResult
from archivist.speckcolon import between_a_colons_dots, colon_candidates, speck_colons, tail_dots
from archivist.specksmall import _lowered, line_x_heights, speck_case
from tests.drawnline import drawn_parts
from tests.steprun import first_page_with_and_without, gain_and_layer


def _ocr(words: list[Word]) -> OcrResult:
    return OcrResult(words, " ".join(w.text for w in words), 80.0)


def test_only_a_same_shape_capital_where_a_sentence_runs_on_is_asked_about() -> None:
    assert _lowered("Xét,", "xem", "phê") and _lowered("Sau:", "như", "1.") and _lowered("Vật", "tiện,", "tư")
    assert not _lowered("Xã", "huyện.", "Mỹ")  # after a sentence's end
    assert not _lowered("Xuân;", "Thọ", "Căn")  # a name going on after a capitalised word (fit seed 272)
    assert not _lowered("Xã", "-", "Hải")  # a list's item
    assert not _lowered("Công", "hiện", "văn")  # a type's name (``Công văn``)
    assert _lowered("Công", "cho", "tác")  # ``Công tác`` is none: the glyph decides
    assert not _lowered("Hiện", "phát", "và")  # ``H`` is no small letter drawn larger
    assert not _lowered("XÃ", "dân", "LONG")  # in capitals


def _line(first_ink: str) -> tuple[np.ndarray, list[Word]]:
    """``cho xem Xét, nội mời`` as a reading took it, the third word drawn ``first_ink``."""
    return drawn_parts([("cho", "cho", 10), ("xem", "xem", 100), ("Xét,", first_ink, 210), ("nội", "nội", 320),
                        ("mời", "mời", 420)])


def test_a_capital_whose_glyph_stands_a_small_letters_height_is_lowered() -> None:
    image, words = _line("xét,")
    assert set(line_x_heights(words, image)) == {0}
    assert [w.text for w in speck_case(_ocr(words), image, image).words][2] == "xét,"
    image, words = _line("Xét,")  # drawn a capital: kept
    first = _ocr(words)
    assert speck_case(first, image, image) is first
    image, words = _line("xét,")
    assert speck_case(_ocr(words), None, image).words[2].text == "Xét,"  # not a speckled page


def test_a_speck_beside_the_word_is_no_glyph() -> None:
    image, words = _line("Xét,")
    ink = image.copy()
    x0, _, _, y1 = words[2].bbox
    cv2.rectangle(ink, (x0 - 14, y1 - 9), (x0 - 8, y1 - 3), 0, -1)  # a speck left of the ``X``, in its box
    words[2] = replace(words[2], bbox=(x0 - 16, *words[2].bbox[1:]))
    assert speck_case(_ocr(words), ink, ink).words[2].text == "Xét,"


def _colon_line(after: str, nxt: str = "địa", foot: float | None = None) -> tuple[np.ndarray, list[Word]]:
    """``cho nội thực: địa`` (or ``nxt`` for ``địa``) as a reading took it, with ``after`` drawn after ``thực``: a
    dot (a speck) or a colon; the dot's foot ``foot`` x-heights above the baseline when given."""
    ink = "thực:" if after == "colon" else "thực"
    image, words = drawn_parts([("cho", "cho", 10), ("nội", "nội", 100), ("thực:", ink, 200), (nxt, nxt, 340)])
    if after == "dot":
        image = image.copy()
        x0, y0, x1, _ = words[2].bbox
        base = words[2].baseline
        centre = base - 12 if foot is None else base - round(foot * line_x_heights(words, image)[0]) - 3
        cv2.circle(image, (x1 + 6, centre), 3, 0, -1)
        words[2] = replace(words[2], bbox=(x0, y0, x1 + 10, words[2].bbox[3]))
    return image, words


def test_a_colon_goes_where_one_dot_ends_the_word() -> None:
    image, words = _colon_line("dot")
    assert colon_candidates(words) == {2: "thực"}
    x_height = line_x_heights(words, image)[0]
    assert tail_dots(image, words[2].bbox, x_height) == 1
    assert [w.text for w in speck_colons(_ocr(words), image, image).words] == ["cho", "nội", "thực", "địa"]
    image, words = _colon_line("colon")  # a printed colon's two dots: kept
    assert tail_dots(image, words[2].bbox, line_x_heights(words, image)[0]) == 2
    first = _ocr(words)
    assert speck_colons(first, image, image) is first
    image, words = _colon_line("dot")
    assert speck_colons(_ocr(words), None, image).words[2].text == "thực:"  # not a speckled page


def test_a_colon_before_a_capital_or_a_number_goes_where_its_one_dot_stands_between_a_colons_places() -> None:
    """Session 48: ``Đồng Nai:`` (its dot 0.37 x-heights up), ``trường:``; a printed colon (``gửi: Ủy``) keeps its two
    dots, and one left at a colon's upper place (``Số:`` of seed 447, 0.77 up) or on the baseline keeps it too,
    except before a small letter (session 44's rule: no label's colon stands there)."""
    for nxt in ("Giấy", "3", "-"):
        image, words = _colon_line("dot", nxt, foot=0.35)
        assert tail_dots(image, words[2].bbox, line_x_heights(words, image)[0]) == 1
        assert [w.text for w in speck_colons(_ocr(words), image, image).words] == ["cho", "nội", "thực", nxt]
        for foot in (0.75, 0.0):
            image, words = _colon_line("dot", nxt, foot=foot)
            first = _ocr(words)
            assert speck_colons(first, image, image) is first
        image, words = _colon_line("colon", nxt)
        first = _ocr(words)
        assert speck_colons(first, image, image) is first
    image, words = _colon_line("dot", "địa", foot=0.75)
    assert [w.text for w in speck_colons(_ocr(words), image, image).words][2] == "thực"


def test_a_dots_place_is_measured_from_the_baseline() -> None:
    assert between_a_colons_dots(70, 100, 100.0) and between_a_colons_dots(55, 100, 100.0)
    assert not between_a_colons_dots(25, 100, 100.0)  # a colon's upper dot
    assert not between_a_colons_dots(95, 100, 100.0)  # its lower dot, on the baseline
    assert not between_a_colons_dots(110, 100, 100.0)  # under the line
    assert not between_a_colons_dots(70, None, 100.0)  # no baseline: left as read


def test_a_colon_with_a_word_after_it_on_its_line_or_the_next_is_asked_about() -> None:
    def words(text: str, lines: tuple[int, ...]) -> list[Word]:
        return [Word(t, 80.0, (100 * i, 0, 100 * i + 90, 30), line) for i, (t, line) in
                enumerate(zip(text.split(), lines, strict=True))]

    assert colon_candidates(words("Chủ tịch Ủy: ban", (0, 0, 0, 1))) == {2: "Ủy"}  # at a line's end
    assert colon_candidates(words("Địa điểm: hội trường", (0, 0, 0, 0))) == {1: "điểm"}  # asked; its dots keep it
    assert colon_candidates(words("Kính gửi: Ủy ban", (0, 0, 0, 0))) == {1: "gửi"}  # a label: its dots keep it
    assert colon_candidates(words("như sau: 1.", (0, 0, 0))) == {1: "sau"}  # before a number
    assert colon_candidates(words("vận: động", (0, 3))) == {}  # not the next line
    assert colon_candidates(words("Số:: 12", (0, 0))) == {}
    assert colon_candidates(words("Lưu: 12:", (0, 0))) == {0: "Lưu"}  # a number is no word of letters


@pytest.mark.slow
def test_generated_speckled_page_reads_its_case_and_colon_end_to_end(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """A generated speckled page (seed 273, a fit seed of the session: the fifth document's first page, 200 dpi,
    JPEG) through ``archivist process``: ``vận động``, read ``vận: động`` without the steps (a speck after the word),
    and ``xã trước``, read ``Xã trước``, are right in the record and in the PDF/A's text layer; the page loses fewer
    words, and the PDF/A-1b passes Preflight."""
    from archivist import pagework
    from samples.generate import generate

    (doc,) = generate(tmp_path / "set", seed=273, n_docs=5, groups=["speckle"], only=[4])
    truth = doc["pages"][0]["text"]
    assert "vận động" in truth and "xã trước" in truth
    scans = tmp_path / "set" / "scans"
    for path in sorted(scans.rglob("*.jpg")):  # the one page: the other documents and page 2 cost minutes
        if not (path.parent.name.startswith("speckle-05") and path.name == "page-001.jpg"):
            path.unlink()

    def switch_off() -> None:
        monkeypatch.setattr(pagework, "speck_case", lambda ocr, unsmoothed, image: ocr)
        monkeypatch.setattr(pagework, "speck_colons", lambda ocr, unsmoothed, image: ocr)

    texts = first_page_with_and_without(scans, tmp_path, switch_off)
    assert "vận: động" in texts["without"] and "Xã trước" in texts["without"]
    assert "vận động" in texts["with"] and "xã trước" in texts["with"]
    layer = " ".join(gain_and_layer(truth, texts, tmp_path / "with"))
    assert "vận động" in layer and "xã trước" in layer and "vận:" not in layer
