"""A faded page's national title and motto read back word for word (archivist/fadedmotto.py): which runs stand for
them, which words are read again, only a faded page; and a generated faded document through ``archivist process``
(real Tesseract)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from archivist import fadedmotto, pagework, restore
from archivist.metrics import words
from archivist.models import Word
from archivist.ocr import OcrResult
from tests.pdfcheck import assert_valid_pdfa
from tests.pdfpages import pdftotext
from tests.rereadcheck import assert_mended, typed_both_ways


def _words(text: str) -> list[Word]:
    return [Word(t, 80.0, (20 * k, 0, 20 * k + 15, 20), 0) for k, t in enumerate(text.split(" "))]


def _again(text: str) -> list[str]:
    ws = _words(text)
    return [a or w.text for a, w in zip(fadedmotto.heading_words(ws), ws, strict=True)]


@pytest.mark.parametrize(("read", "printed"), [
    ("247/UBND-TC CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT RAM Độc", "247/UBND-TC CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc"),
    ("CỘNG HOÀ XÃ UỘI CHỦ NGHỸA VIỆT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"),  # two off
    ("bàn CỘNG !OÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "bàn CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"),  # the nearer spelling
    ("CỘNG H0A XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("NAM Độc lận - Tự do - Hạnh phúc Số:", "NAM Độc lập - Tự do - Hạnh phúc Số:"),
    ("Độc lập - Tư do - Hạnh nhúc", "Độc lập - Tự do - Hạnh phúc"),
])
def test_a_heading_word_a_letter_off_is_read_as_printed(read: str, printed: str) -> None:
    assert " ".join(_again(read)) == printed


@pytest.mark.parametrize("read", [
    "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc",  # read right: nothing to do
    "Cộng hòa xã hội chủ nghĩa Việt Nam",  # another case only: mottofix's
    "CỘNG HOÀ HỘI CHỦ NGHĨA VIỆT NAM Độc",  # a word dropped: no word is made
    "CỘNG HOÀ XÃ XÃ HỘI CHỦ NGHĨA VIỆT NAM",  # one more word: the run is no longer the title
    "CỘNG HOÀ XÃ UỘI CHỦ NGHỸA VIỆT RAM",  # three off: too few read it
    "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT 12/UBND",  # a word further off: something else read there
    "và độc lập, tự do của",
])
def test_a_run_that_is_not_the_heading_word_for_word_is_left_as_read(read: str) -> None:
    assert _again(read) == read.split(" ")



def test_one_heading_table_gives_the_faded_letters_and_the_case() -> None:
    """fadedmotto's letters and mottofix's case come from one printed table (mottofix.HEADINGS), so a spelling added
    there serves both: mottofix matches its words with the motto's dashes out and one spelling a place."""
    from archivist import mottofix

    assert fadedmotto.HEADINGS is mottofix.HEADINGS
    assert mottofix._HEADINGS == (("CỘNG", "HÒA", "XÃ", "HỘI", "CHỦ", "NGHĨA", "VIỆT", "NAM"),
                                  ("Độc", "lập", "Tự", "do", "Hạnh", "phúc"))
    line = _words("Độc Lận - Tự do - Hạnh phúc")  # a letter off and a capital: the letter here, the case there
    again = [a or w.text for a, w in zip(fadedmotto.heading_words(line), line, strict=True)]
    assert again == ["Độc", "lập", "-", "Tự", "do", "-", "Hạnh", "phúc"]
    assert [w.text for w in mottofix.correct_headings(_words("Độc Lập - Tự do - Hạnh phúc"))] == again

def assert_only_on_a_faded_page(rule: Callable[[OcrResult, restore.Prepared], OcrResult], read: str,
                                printed: str) -> None:
    """``rule`` (a faded page's rule on its reading) leaves ``read`` as it is on a page not restored as a faded copy,
    and reads it ``printed`` on one, each word's box and line kept."""
    ws = _words(read)
    ocr = OcrResult(ws, read, 80.0)
    page = np.full((40, 200), 255, np.uint8)
    assert rule(ocr, restore.Prepared(page, 300.0, [], [], 1.0)) is ocr
    out = rule(ocr, restore.Prepared(page, 300.0, [], ["clahe"], 1.0, before_contrast=page))
    assert out.text == printed
    assert [(w.bbox, w.line) for w in out.words] == [(w.bbox, w.line) for w in ws]


def test_faded_headings_only_on_a_faded_page_boxes_kept() -> None:
    assert_only_on_a_faded_page(fadedmotto.faded_headings, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT RAM",
                                "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")


@pytest.mark.slow
def test_generated_faded_document_reads_its_motto_end_to_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first faded document of seed 317's set of eight (``generate.py --docs 8 --groups faded``, session 45's fit
    set: a letter of Mỹ Đức): its title's ``HOÀ`` and motto's ``Tự`` and ``phúc``, read ``!OÀ``, ``Tư`` and ``nhúc``
    without the rule, are read as printed in the record and the PDF/A's text layer, no truth word is lost, fewer
    words are, and the PDF/A-1b passes Preflight."""
    both = typed_both_ways(tmp_path, 317, lambda: monkeypatch.setattr(pagework, "faded_headings", lambda ocr, p: ocr),
                           group="faded", docs=8)
    got = both.read
    assert all(got["with"][w] == got["without"][w] + 1 for w in ("HOÀ", "Tự", "phúc"))
    assert all(got["with"][w] == got["without"][w] - 1 for w in ("!OÀ", "Tư", "nhúc"))
    assert all(min(got["with"][w], n) >= min(got["without"][w], n) for w, n in both.want.items())
    assert both.errors["with"] < both.errors["without"]
    layer = Counter(words("".join(pdftotext(both.pdf, k + 1) for k in range(len(both.pages)))))
    assert all(layer[w] == got["with"][w] for w in ("HOÀ", "Tự", "phúc", "Tư", "nhúc", "!OÀ"))
    assert_valid_pdfa(both.archive)


@pytest.mark.parametrize(("read", "printed"), [
    ("KT. CHÚ TỊCH", "KT. CHỦ TỊCH"), ("PHÓ CHÚ TỊCH", "PHÓ CHỦ TỊCH"),
    ("Như trên; CHŨ TỊCH -", "Như trên; CHỦ TỊCH -"),
    ("TM. CHU TỊCH", "TM. CHỦ TỊCH"),
])
def test_the_signers_position_is_read_chu_tich(read: str, printed: str) -> None:
    ws = _words(read)
    assert " ".join(a or w.text for a, w in zip(fadedmotto.position_words(ws), ws, strict=True)) == printed


@pytest.mark.parametrize("read", [
    "KT. CHỦ TỊCH",  # read right
    "CHÚ TỊCH.",  # the next word not TỊCH as read: kept
    "CHÚ TICH", "chú tịch", "CHÚ Ý", "CHÚC TỊCH",  # not TỊCH; not capitals; no TỊCH after it; other letters
])
def test_other_words_before_or_not_before_tich_are_left(read: str) -> None:
    ws = _words(read)
    assert fadedmotto.position_words(ws) == [None] * len(ws)


@pytest.mark.parametrize(("rule", "read"), [(fadedmotto.position_words, "CHÚ TỊCH"),
                                            (fadedmotto.seat_words, "CHỦ TTCH")])
def test_the_position_word_on_another_line_is_left(rule: Callable[[list[Word]], list[str | None]], read: str) -> None:
    ws = _words(read)
    ws[1] = Word(ws[1].text, ws[1].conf, ws[1].bbox, 1)
    assert rule(ws) == [None, None]


@pytest.mark.slow
def test_generated_faded_document_reads_its_signers_position_end_to_end(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The second faded document of seed 316's set of eight (session 45's fit set: an official letter, cv-074): its
    ``KT. CHỦ TỊCH``, read ``CHÚ`` without the rule, is ``CHỦ`` in the record and the PDF/A's text layer, no truth
    word is lost, fewer words are, and the PDF/A-1b passes Preflight."""
    done = typed_both_ways(tmp_path, 316, lambda: monkeypatch.setattr(fadedmotto, "position_words",
                                                                      lambda ws: [None] * len(ws)),
                           doc=2, group="faded", docs=8)
    assert_mended(done, "CHÚ", "CHỦ")


@pytest.mark.parametrize(("read", "printed"), [
    ("KT. CHỦ TTCH", "KT. CHỦ TỊCH"), ("PHÓ CHỦ TTICH", "PHÓ CHỦ TỊCH"), ("DÂN CHỦ TT{CH Lâm", "DÂN CHỦ TỊCH Lâm"),
    ("TM. CHỦ TICH.", "TM. CHỦ TỊCH."),  # its edges kept
    ("PHÓ CHÚ TTCH", "PHÓ CHỦ TỊCH"),  # both words off: the seat first, then the chair before it
])
def test_the_positions_seat_is_read_tich_after_chu(read: str, printed: str) -> None:
    assert_only_on_a_faded_page(fadedmotto.faded_headings, read, printed)


@pytest.mark.parametrize("read", [
    "CHỦ TỊCH", "CHỦ NGHĨA",  # read right; the title's word after CHỦ
    "CHỦ Tịch", "CHỦ TM", "chủ ttch",  # a small letter; three edits off; not capitals
    "CHÚC TTCH", "DÂN TTCH", "CHỦ ITCH",  # not CHỦ before it; not opening with T
])
def test_other_words_after_chu_are_left(read: str) -> None:
    ws = _words(read)
    assert fadedmotto.seat_words(ws) == [None] * len(ws)
