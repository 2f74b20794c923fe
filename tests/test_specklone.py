"""A speck read as a mark of its own between a speckled page's words, dropped where its box and its ink are a
speck's (archivist/specklone.py; end to end with archivist/speckdash.py)."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from archivist.models import Word
from archivist.ocr import OcrResult
from archivist.specklone import drop_lone_specks, ink_piece, is_speck, page_word_height
from tests.drawnline import drawn_parts


def _ocr(words: list[Word]) -> OcrResult:
    return OcrResult(words, " ".join(w.text for w in words), 80.0)


def _line(mark: str, ink: str) -> tuple[np.ndarray, list[Word]]:
    """``nhân dân MARK công tác``: ``mark`` read between the words, its ink drawn as ``ink``: a round ``speck``, a
    printed ``dash`` (a bar), or a ``colon`` drawn by the font."""
    image, words = drawn_parts([("nhân", "nhân", 10), ("dân", "dân", 120), ("công", "công", 300),
                                ("tác", "tác", 410)])
    image = image.copy()
    base = words[0].baseline or 0
    if ink == "speck":
        cv2.circle(image, (240, base - 12), 3, 0, -1)
        box = (237, base - 15, 244, base - 8)
    elif ink == "dash":
        cv2.rectangle(image, (230, base - 14), (243, base - 11), 0, -1)
        box = (230, base - 14, 244, base - 10)
    else:
        image, parts = drawn_parts([("nhân", "nhân", 10), ("dân", "dân", 120), (mark, ":", 235), ("công", "công", 300),
                                    ("tác", "tác", 410)])
        return image, parts
    return image, [*words[:2], Word(mark, 40.0, box, 0, baseline=base), *words[2:]]


def test_a_round_speck_read_as_a_mark_goes() -> None:
    for mark in ("-", ":", ".", ";", "-."):
        image, words = _line(mark, "speck")
        assert is_speck(image, words, 2, page_word_height(words) or 0)
        out = drop_lone_specks(_ocr(words), image, image)
        assert [w.text for w in out.words] == ["nhân", "dân", "công", "tác"]
        assert out.text == "nhân dân công tác"


def test_a_printed_dash_and_colon_stay() -> None:
    image, words = _line("-", "dash")
    piece = ink_piece(image, words[2].bbox, 10)
    assert piece is not None and piece[0] > 2 * piece[1]  # a bar
    first = _ocr(words)
    assert drop_lone_specks(first, image, image) is first
    image, words = _line(":", "colon")  # a colon's box is a letter's height: no speck's size
    first = _ocr(words)
    assert drop_lone_specks(first, image, image) is first


def test_only_a_lone_mark_on_a_speckled_page() -> None:
    image, words = _line("-", "speck")
    assert drop_lone_specks(_ocr(words), None, image).words[2].text == "-"  # not a speckled page
    glued = list(words)
    x0, y0, x1, y1 = glued[1].bbox
    glued[1] = Word("dân", 80.0, (x0, y0, glued[2].bbox[0] + 1, y1), 0, baseline=glued[1].baseline)
    assert not is_speck(image, glued, 2, page_word_height(glued) or 0)  # touching its neighbour: the word's
    for text in ("a", "7", "7."):  # a letter or a digit, however small its box, is read by the other steps
        lettered = [*words[:2], Word(text, 40.0, words[2].bbox, 0), *words[3:]]
        assert not is_speck(image, lettered, 2, page_word_height(lettered) or 0)


def test_the_page_height_is_its_words() -> None:
    _, words = _line("-", "speck")
    assert page_word_height(words) == pytest.approx(np.median([w.bbox[3] - w.bbox[1] for w in words
                                                               if w.text != "-"]))
    assert page_word_height([words[2]]) is None


@pytest.mark.slow
def test_generated_speckled_page_drops_its_lone_specks_end_to_end(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A generated speckled page (seed 310, a fit seed of the session: the first document, 200 dpi, JPEG) through
    ``archivist process``: without the step its footer reads ``Nơi nhận: : ; - TM. ỦY BAN NHÂN DÂN`` (three specks
    in the gap between the columns, which keep the recipients and the signature block interleaved); with it the
    specks are gone from the record and the PDF/A's text layer, the recipients come before the signature block,
    the dash ``Trưởng các thôn`` was read without is put back from its bar (archivist/speckdash.py), the page's
    word error in reading order is lower, no word of the truth but a dash a speck stood for is lost, and the
    PDF/A-1b passes Preflight."""
    from collections import Counter

    from archivist import footorder, pagework
    from archivist.metrics import words
    from bench.groups import ordered_word_error
    from samples.generate import generate
    from tests.pdfcheck import assert_valid_pdfa
    from tests.pdfpages import pdftotext
    from tests.steprun import first_page_with_and_without

    doc = generate(tmp_path / "set", seed=310, n_docs=1, groups=["speckle"])[0]
    truth = doc["pages"][0]["text"]
    assert "Nơi nhận:\n- UBND huyện Châu Thành (b/c);" in truth
    scans = tmp_path / "set" / "scans"

    def switch_off() -> None:
        monkeypatch.setattr(pagework, "drop_lone_specks", lambda ocr, unsmoothed, image: ocr)
        monkeypatch.setattr(pagework, "put_back_dashes", lambda ocr, unsmoothed, image: ocr)
        monkeypatch.setattr(footorder, "WEAK", 0)  # speckle49b's cut beside a weak token orders this footer too

    texts = first_page_with_and_without(scans, tmp_path, switch_off)
    assert "Nơi nhận: : ; - TM." in " ".join(texts["without"].split())
    assert "Nơi nhận: - UBND huyện" in " ".join(texts["with"].split())
    assert "- Trưởng các thôn, ấp;" in texts["with"] and "- Trưởng" not in texts["without"]  # its dash put back
    assert texts["with"].index("Lưu:") < texts["with"].index("TM.")  # the recipients, then the signature block
    assert ordered_word_error(truth, texts["with"]) < ordered_word_error(truth, texts["without"])
    lost = {name: Counter(words(truth)) - Counter(words(text)) for name, text in texts.items()}
    assert set(lost["with"] - lost["without"]) <= {"-"}, lost
    assert_valid_pdfa(tmp_path / "with")
    (pdf,) = (tmp_path / "with" / "documents").glob("*.pdf")
    layer = " ".join(pdftotext(pdf, 1).split())
    assert "nhận: : ;" not in layer and "Nơi nhận:" in layer
