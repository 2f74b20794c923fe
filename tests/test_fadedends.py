"""A faded page's paragraph-closing stop read as a comma (archivist/fadedends.py): which words are asked by their
place (the last of a short line, a capital under it), the glyph deciding, only a faded page; and generated faded
documents through ``archivist process`` (real Tesseract)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from archivist import fadedends, pagework, restore
from archivist.metrics import words
from archivist.models import Word
from tests.pdfcheck import assert_valid_pdfa
from tests.pdfpages import pdftotext
from tests.rereadcheck import typed_both_ways
from tests.test_fadedstops import _lines

#: Lines typed to the margin around the paragraph's end (the page's margin is its lines' right ends).
FULL = "Ủy ban nhân dân xã giao công chức Địa chính tổ chức"
BODY = [FULL, FULL, "báo cáo về Ủy ban nhân dân xã.", "Trong tháng này các thôn đã", FULL, FULL]
#: Where the paragraph's last word stands among the page's words.
AT = 2 * len(FULL.split()) + 7


def _boxes(lines: list[tuple[str, int]]) -> list[Word]:
    """Words with made-up boxes: each line's words 100 px wide from x=0, 30 px high, ``(text, line)``."""
    out, xs = [], Counter()
    for text, line in lines:
        x = xs[line]
        out.append(Word(text, 90.0, (x, 40 * line, x + 100, 40 * line + 30), line))
        xs[line] += 110
    return out


def test_paragraph_ends_asks_the_last_word_of_a_short_line_over_a_capital() -> None:
    """Asked: a comma closing a line that stops short of the margin, the next line opening with a capital, a number
    or a dash. Not asked: a comma on a line running to the margin, one over a line in small letters, one inside a
    line, a word with no comma, the last line."""
    long = ["a"] * 8
    page = ([(t, 0) for t in long] + [("xã,", 1)] + [("Trong", 2)] + [(t, 2) for t in long[1:]]
            + [(t, 3) for t in long[:-1]] + [("thôn,", 3)] + [("Trên", 4)] + [(t, 4) for t in long[1:]]
            + [("và", 5), ("huyện,", 5)] + [("các", 6)] + [(t, 6) for t in long[1:]]
            + [("dân,", 7), ("Xã", 7)] + [("2006,", 8)] + [("4.", 9)] + [(t, 9) for t in long[1:]]
            + [("./,", 10)] + [("-", 11)] + [(t, 11) for t in long[1:]] + [("ký", 12)] + [("Nơi", 13), ("nhận,", 13)])
    ws = _boxes(page)
    asked = [ws[k].text for k in fadedends.paragraph_ends(ws)]
    assert asked == ["xã,", "2006,"]  # `./,` alone is no word: the closing mark read after its word is (`ký./,`)
    assert fadedends.paragraph_ends(_boxes([("xã,", 0), ("Trong", 1)])) == []  # too few lines to find a margin


def test_paragraph_ends_takes_the_closing_mark_after_its_word() -> None:
    long = ["a"] * 8
    ws = _boxes([(t, 0) for t in long] + [("ký./,", 1)] + [("Nơi", 2)] + [(t, 2) for t in long[1:]]
                + [(t, 3) for t in long])
    assert [ws[k].text for k in fadedends.paragraph_ends(ws)] == ["ký./,"]


def test_paragraph_stops_set_back_a_stop_and_keep_a_comma() -> None:
    """Typed in the carbon copies' mono face: the paragraph's ``xã.`` read ``xã,`` takes its stop back (the glyph is a
    stop), a true ``xã,`` in the same place keeps its comma (its tail), and the boxes and lines are as read."""
    page, ocr = _lines(BODY, {(2, 7): "xã,"})
    out = fadedends.paragraph_stops(ocr, page)
    assert out.words[AT].text == "xã."
    assert "nhân dân xã.\nTrong" in out.text
    assert [(w.bbox, w.line) for w in out.words] == [(w.bbox, w.line) for w in ocr.words]
    comma = [*BODY[:2], "báo cáo về Ủy ban nhân dân xã,", *BODY[3:]]
    page, ocr = _lines(comma, {})
    assert fadedends.paragraph_stops(ocr, page).words[AT].text == "xã,"


def test_faded_ends_only_on_a_faded_page() -> None:
    page, ocr = _lines(BODY, {(2, 7): "xã,"})
    assert fadedends.faded_ends(ocr, restore.Prepared(page, 300.0, [], [], 1.0)) is ocr
    faded = restore.Prepared(page, 300.0, [], ["clahe"], 1.0, before_contrast=page)
    assert "xã.\nTrong" in fadedends.faded_ends(ocr, faded).text


@pytest.mark.slow
def test_generated_faded_document_reads_its_paragraph_stops_end_to_end(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The first faded document of seed 317 (session 45's fit set: a letter of Mỹ Đức): its two paragraphs'
    closing ``xã.``, read ``xã,`` without the rule, are ``xã.`` in the record and in the PDF/A's text layer, no
    truth word is lost, fewer words are, and the PDF/A-1b passes Preflight."""
    both = typed_both_ways(tmp_path, 317, lambda: monkeypatch.setattr(pagework, "faded_ends", lambda ocr, prep: ocr),
                           group="faded")
    got = both.read
    assert got["without"]["xã,"] >= got["with"]["xã,"] + 2
    assert got["with"]["xã."] == got["without"]["xã."] + 2
    assert all(min(got["with"][w], n) >= min(got["without"][w], n) for w, n in both.want.items())
    assert both.errors["with"] < both.errors["without"]
    layer = Counter(words("".join(pdftotext(both.pdf, k + 1) for k in range(len(both.pages)))))
    assert layer["xã."] == got["with"]["xã."] and layer["xã,"] == got["with"]["xã,"]
    assert_valid_pdfa(both.archive)
