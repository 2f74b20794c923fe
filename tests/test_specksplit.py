"""Two words a speck joined on a speckled page (``Hải-Xuân``, ``UBND)xã;``), split where the box shows a word gap
holding only specks at the marks (archivist/specksplit.py)."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from archivist.models import Word
from archivist.ocr import OcrResult
from archivist.specksplit import ink_gap, split_joined, split_speck_joins
from tests.drawnline import drawn_parts


def _ocr(words: list[Word]) -> OcrResult:
    return OcrResult(words, " ".join(w.text for w in words), 80.0)


def _joined(read: str, first: str, second: str, speck: bool = True) -> tuple[np.ndarray, list[Word]]:
    """``xã FIRST SECOND hoạch``, the two middle words drawn a word gap apart (a round speck in the gap when
    ``speck``) and read as the one token ``read`` over both."""
    image, words = drawn_parts([("xã", "xã", 10), (first, first, 90)])
    gap_at = words[1].bbox[2] + 8
    image, words = drawn_parts([("xã", "xã", 10), (first, first, 90), (second, second, gap_at + 8),
                                ("hoạch", "hoạch", gap_at + 230)])
    image = image.copy()
    if speck:
        cv2.circle(image, (gap_at, (words[1].bbox[1] + words[1].bbox[3]) // 2), 3, 0, -1)
    a, b = words[1].bbox, words[2].bbox
    token = Word(read, 60.0, (a[0], min(a[1], b[1]), b[2], max(a[3], b[3])), 0, baseline=words[1].baseline)
    return image, [words[0], token, words[3]]


def test_two_words_a_speck_joined_are_split_at_the_gap() -> None:
    for read, first, second in (("Hải-Xuân", "Hải", "Xuân"), ("UBND)xã;", "UBND", "xã;"), ("ủy+HĐND", "ủy", "HĐND"),
                                ("Lưu:°VT.", "Lưu:", "VT.")):  # a label's colon kept
        image, words = _joined(read, first, second)
        out = split_speck_joins(_ocr(words), image, image)
        assert [w.text for w in out.words] == ["xã", first, second, "hoạch"], read
        left, right = out.words[1].bbox, out.words[2].bbox
        assert left[2] < right[0] and left[0] == words[1].bbox[0] and right[2] == words[1].bbox[2]
        assert out.text == f"xã {first} {second} hoạch"


def test_a_printed_hyphen_and_letters_close_stay() -> None:
    image, words = drawn_parts([("xã", "xã", 10), ("Hải-Xuân", "Hải-Xuân", 90), ("hoạch", "hoạch", 330)])
    height = float(np.median([w.bbox[3] - w.bbox[1] for w in words]))
    gap = ink_gap(image, words[1].bbox, height)
    assert gap is None or gap[1] - gap[0] < 0.15 * height  # the hyphen is a bar: no word gap
    first = _ocr(words)
    assert split_speck_joins(first, image, image) is first


def test_a_label_a_speck_glued_to_its_number_is_split_at_the_gap() -> None:
    for read, first, second in (("Số:57/KH-UBND", "Số:", "57/KH-UBND"), ("SỐ:99", "SỐ:", "99")):
        image, words = _joined(read, first, second)
        out = split_speck_joins(_ocr(words), image, image)
        assert [w.text for w in out.words] == ["xã", first, second, "hoạch"], read
    image, words = drawn_parts([("xã", "xã", 10), ("Số:57", "Số:57", 90), ("hoạch", "hoạch", 330)])
    first = _ocr(words)  # printed glued: the colon's width and two letter spacings, no word gap
    assert split_speck_joins(first, image, image) is first
    image, words = _joined("xyzq:57", "xyzq:", "57")  # no word before the colon: no label
    assert "xyzq:57" in [w.text for w in split_speck_joins(_ocr(words), image, image).words]


def test_only_parts_the_lexicon_knows_and_never_two_abbreviations() -> None:
    for read, first, second in (("TT.HĐND", "TT", "HĐND"), ("là-qùa", "là", "qùa"), ("tạ/ha", "tạ", "ha"),
                                ("XÄ*HỘI", "XÄ", "HỘI")):
        image, words = _joined(read, first, second)
        assert split_joined(words[1], image, 40.0) is None, read
    image, words = _joined("Hải-Xuân", "Hải", "Xuân")
    first = _ocr(words)
    assert split_speck_joins(first, None, image) is first  # not a speckled page


@pytest.mark.slow
def test_generated_speckled_page_splits_a_speck_join_end_to_end(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """A generated speckled page (seed 312's second document, a fit seed of the session: a report, 200 dpi, JPEG)
    through ``archivist process``: without the step its recipients read ``các PCT UBND)xã;``, a speck joining the
    two words; with it ``UBND xã;``, no word of the truth lost that was read before, and the PDF/A-1b's text layer
    holds the two words and passes Preflight."""
    from collections import Counter

    from archivist import pagework
    from archivist.metrics import words
    from samples.generate import generate
    from tests.steprun import first_page_with_and_without, gain_and_layer

    (doc,) = generate(tmp_path / "set", seed=312, n_docs=2, groups=["speckle"], only=[1])  # the second alone
    truth = doc["pages"][0]["text"]
    assert "- Chủ tịch, các PCT UBND xã;" in truth
    scans = tmp_path / "set" / "scans"
    texts = first_page_with_and_without(
        scans, tmp_path, lambda: monkeypatch.setattr(pagework, "split_speck_joins", lambda ocr, unsmoothed, image: ocr))
    assert "UBND)xã;" in texts["without"] and "UBND)xã;" not in texts["with"]
    assert "UBND xã;" in " ".join(texts["with"].split())
    lost = {name: Counter(words(truth)) - Counter(words(text)) for name, text in texts.items()}
    assert not lost["with"] - lost["without"], lost
    layer = gain_and_layer(truth, texts, tmp_path / "with")
    assert "xã;" in layer and "UBND)xã;" not in layer


@pytest.mark.slow
def test_generated_speckled_page_splits_a_label_from_its_number_end_to_end(tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """A generated speckled page (seed 412's first document, a fit seed of session 47: a plan, 200 dpi, JPEG) through
    ``archivist process``: without the label's split its header reads ``Số:57/KH-UBND``, a speck in the gap after the
    colon; with it ``Số:`` and ``57/KH-UBND``, both truth words, no word of the truth lost that was read before, and
    the PDF/A-1b's text layer holds the symbol and passes Preflight."""
    from collections import Counter

    from archivist import specksplit
    from archivist.metrics import words
    from tests.steprun import first_page_with_and_without, gain_and_layer
    from tests.test_dateread_day_cli import _render

    scans = tmp_path / "set" / "scans"
    scans.mkdir(parents=True)
    (doc,) = _render(412, [0], scans, docs=8, groups=["speckle"]).values()  # the set's first page only, as run
    truth = doc["pages"][0]["text"]
    assert "Số: 57/KH-UBND" in truth
    texts = first_page_with_and_without(
        scans, tmp_path, lambda: monkeypatch.setattr(specksplit, "LABEL_GAP", float("inf")))
    assert "Số:57/KH-UBND" in texts["without"].split()
    assert {"Số:", "57/KH-UBND"} <= set(texts["with"].split())
    lost = {name: Counter(words(truth)) - Counter(words(text)) for name, text in texts.items()}
    assert not lost["with"] - lost["without"], lost
    assert "57/KH-UBND" in gain_and_layer(truth, texts, tmp_path / "with")
