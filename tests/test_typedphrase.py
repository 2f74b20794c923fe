"""A typewritten word none uses read inside a set phrase (archivist/typedphrase.py): which words the phrase reads back,
a typed line, and a generated typewritten document end to end through ``archivist process``."""

from __future__ import annotations

from pathlib import Path

import pytest

from archivist import pagework, typedphrase
from archivist.phrasefix import phrase_words
from tests.rereadcheck import assert_mended, typed_both_ways_older
from tests.test_typedring import AROUND, SIZES, assert_left_alone, assert_read_back


@pytest.mark.parametrize(("text", "want"), [
    ("Ủy ban nhên dân xã", [None, None, "nhân", None, None]),  # â read ê: a letter for another
    ("Tài chính - Kễ toán;", [None, None, None, "Kế", None]),  # ế read ễ, capital kept (a name's place mid-line)
    ("Ủy bøn nhân dân", [None, "ban", None, None]),  # a letter of no Vietnamese word
    ("- Mhư trên;", [None, "Như", None]),
    ("Ủy ba: nhân dân", [None, "ban", None, None]),  # a mark in the last letter's cell inside the phrase
    ("về Ủ; ban nhân dân", [None, "Ủy", None, None, None]),
    ("Ủy ban nhân dẫn", [None, None, None, None]),  # dẫn is a word in use: never asked
    ("UBND nhên dân", [None, "nhân", None]),  # nhân dân: a phrase of two words will do
    ("UBND nhên xã", [None, None, None]),  # no phrase around it
    ("ỦY BAN NHÊN DÂN", [None, None, None, None]),  # capitals: a heading's marks are phrasefix's
    ("Kễ, toán", [None, None]),  # punctuation inside the run: two phrases, not one
    ("báo cá:", [None, None]),  # a mark ending the phrase may be the sentence's: left
    ("Đông Sữn", [None, None]),  # a one-word entry of the lexicon (sơn) says nothing of its neighbours
    ("trụ sở ỦY ban nhân dân", [None, None, "Ủy", None, None, None]),  # a phrase's word in capitals mid-sentence
    ("ỦY BAN NHÂN DÂN", [None, None, None, None]),  # a heading: the whole phrase in capitals
    ("của ỦY BAN nhân dân", [None, None, None, None, None]),  # a capital beside it: left
    ("về KẾ toán", [None, "Kế", None]),
    ("UBND XÃ Đông Sơn", [None, None, None, None]),  # no phrase
    ("huyện Yân Phong", [None, None, None]),  # a place: Phong is no phòng, so no văn phòng (held-out 444)
    ("điểm: póng họp", [None, None, None]),  # họp is no hợp, so no tổng hợp (held-out 443)
])
def test_phrase_slip_reads_the_phrases_word(text: str, want: list[str | None]) -> None:
    texts = text.split()
    assert [typedphrase.phrase_slip(texts, [0] * len(texts), k) for k in range(len(texts))] == want


def test_phrase_slip_keeps_to_one_line() -> None:
    texts = ["Tài", "chính", "-", "Kễ", "toán"]
    assert typedphrase.phrase_slip(texts, [0, 0, 0, 0, 0], 3) == "Kế"
    assert typedphrase.phrase_slip(texts, [0, 0, 0, 0, 1], 3) is None  # the phrase broken across lines: no run


@pytest.mark.parametrize(("read", "word", "want"), [
    ("nhên", "nhân", True), ("kễ", "kế", True), ("nhên", "nhện", True),
    ("nhân", "nhân", False), ("nhên", "nhanh", False), ("nhêm", "nhân", False),
    ("đân", "dân", True),  # the stroke is a letter's
])
def test_one_glyph_away(read: str, word: str, want: bool) -> None:
    assert typedphrase.one_glyph_away(read, word) is want


def test_phrase_words_shortest_leaves_one_word_entries_out() -> None:
    assert "sơn" in phrase_words(["Sữn"], [0], 0)
    assert phrase_words(["Sữn"], [0], 0, 2) == set()
    assert phrase_words(["Ủy", "ban", "x", "dân"], [0] * 4, 2, 2) >= {"nhân"}


def test_phrase_words_spelt_asks_the_neighbours_marks() -> None:
    assert "văn" in phrase_words(["Yân", "Phong"], [0, 0], 0, 2)  # folded, Phong is phòng
    assert "văn" not in phrase_words(["Yân", "Phong"], [0, 0], 0, 2, spelt=True)
    assert "văn" in phrase_words(["Yân", "Phòng"], [0, 0], 0, 2, spelt=True)  # case aside
    assert "nhân" in phrase_words(["Uỷ", "ban", "x", "dân"], [0] * 4, 2, 2, spelt=True)  # uỷ is ủy, as written


@pytest.mark.parametrize("size", SIZES)
def test_typed_phrases_reads_the_phrase_back(size: int) -> None:
    """On a line typed in the mono face, ``nhân`` and ``Kế`` read ``nhên`` and ``Kễ`` come back (boxes and lines as
    read); a word in use and a word none uses outside a phrase stay."""
    typed = f"{AROUND} Ủy ban nhân dân Tài chính - Kế toán nhân dân nhân"
    read = f"{AROUND} Ủy ban nhên dân Tài chính - Kễ toán nhân dẫn nhên"
    assert_read_back(typedphrase.typed_phrases, typed, read,
                     f"{AROUND} Ủy ban nhân dân Tài chính - Kế toán nhân dẫn nhên", size)


@pytest.mark.parametrize("size", SIZES[:1])
def test_typed_phrases_leaves_other_pages_alone(size: int) -> None:
    from tests.test_typedring import _page

    img, ocr = _page(f"{AROUND} Ủy ban nhân", f"{AROUND} Ủy ban nhên", size)
    assert typedphrase.typed_phrases(ocr, None) is ocr  # not a typed page
    assert_left_alone(typedphrase.typed_phrases, "Ủy ban nhân dân", "Ủy ban nhân dân", size)


@pytest.mark.slow
def test_generated_typed_document_reads_its_phrase_end_to_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Fit seed 440's first typewritten document (``--docs 8``: an official letter of Đông Sơn), its first page alone:
    its ``Ủy ban nhân dân xã``, read ``Ủy ban nhên dân`` without the rule, is ``nhân`` in the record and in the
    PDF/A's text layer, no truth word is lost, the page loses fewer words, and the PDF/A-1b passes Preflight."""
    def off() -> None:
        monkeypatch.setattr(pagework, "typed_phrases", lambda ocr, typed: ocr)

    done = typed_both_ways_older(tmp_path, 440, off, doc=1, docs=8, page=0)
    assert_mended(done, "nhên", "nhân")
