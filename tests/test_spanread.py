"""A speckled page's words read again alone on a crop the line bounds (session 40, archivist/spanread.py): a number or
code broken at its mark joined only when a reading of the span is its characters with no space, a small-letter word
that is no syllable changed only to a reading's syllable that makes a word with its neighbours, a code's lost slash
put back only where a reading shows it (session 41); drawn lines read by the real Tesseract; and a generated speckled
page end to end through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from PIL import ImageFont

from archivist.hookread import agreed_hook, line_heights, span_crop
from archivist.models import Word
from archivist.ocr import OcrResult, make_engine
from archivist.spanread import broken_at_mark, joined_reading, reread_spans, slash_lost, slash_reading, syllable_reading
from tests.drawnline import SERIF, drawn_parts
from tests.pdfcheck import assert_valid_pdfa
from tests.pdfpages import pdftotext

SEED = 1  # a generated speckled document whose code the page's reading breaks at its dash (seed 1, one document)
BROKEN = ("04/UBND-", "NV")  # as its page is read without the step; its truth has ``04/UBND-NV``


def test_a_number_or_code_cut_after_its_mark_may_be_one() -> None:
    for a, b in [("646.", "800."), ("646.800.", "000"), ("1.100.", "000"), ("109/KH-", "UBND"), ("25/NQ-", "HĐND"),
                 ("vắc-", "xin")]:
        assert broken_at_mark(a, b), (a, b)


@pytest.mark.parametrize(("a", "b"), [("259,", "2"), ("71", ",9%,"), ("1", "7"), ("1,", "2"), ("1.", "200"),
                                      ("2018,", "cụ"), ("2.", "Hộ"), ("tế-", "xã"), ("Nam-", "ˆ"), ("109/KH-", "ngày"),
                                      ("xã", "2"), ("", "2")])
def test_what_a_real_space_may_part_is_left_apart(a: str, b: str) -> None:
    """A decimal comma and two numbers (a list's ``1, 2``: nothing on the page tells them from ``259,2``), a list's
    item before a number, two syllables about a dash, a speck after a dash, a code before a word."""
    assert not broken_at_mark(a, b)


def test_the_join_is_taken_only_when_a_reading_has_no_space_and_no_other_character() -> None:
    assert joined_reading("259,", "2", ["289,2", "209,2", "259,2"]) == "259,2"
    assert joined_reading("71", ",9%,", ["'71,9%,"]) == "71,9%,"  # a speck's quote before it aside
    assert joined_reading("33/UBND-", "NV", ["93/UBND-NV"]) is None  # a digit read otherwise: the number stays
    assert joined_reading("1,", "2", ["1, 2", "1,2 ha"]) is None  # the span read with its space
    assert joined_reading("1,", "2", []) is None


def test_a_word_that_is_no_syllable_takes_a_reading_that_makes_a_word_with_its_neighbours() -> None:
    run = ["trân", "trọhg", "kính"]
    assert syllable_reading("trọhg", ["trghg", "trọng"], run, 1) == "trọng"
    assert syllable_reading("thani", ["tham"], ["nhiệm", "thani", "mưu"], 1) == "tham"
    assert syllable_reading("trọhg", ["trọnh", "TRỌNG", "trọng kính"], run, 1) is None  # none a small syllable
    assert syllable_reading("trọhg", ["trong"], ["trọhg"], 0) is None  # no neighbour to make a word with
    assert syllable_reading("trọng", ["trong"], run, 1) is None  # a syllable is left to the odd-syllable step


def test_the_crop_is_bounded_by_the_line_not_by_the_specks_beside_the_word() -> None:
    words = [Word("tưới", 90.0, (0, 100, 60, 137), 3, baseline=137), Word("cho", 90.0, (70, 107, 110, 137), 3,
                                                                          baseline=137),
             Word("259,", 70.0, (120, 51, 180, 153), 3, baseline=137)]  # a speck above, the comma's tail below
    assert line_heights(words) == {3: 37.0}
    crop = span_crop(np.zeros((300, 400), np.uint8), words[2], words[2], 37.0)
    assert crop.shape == (int(137 + 0.4 * 37) - int(137 - 1.25 * 37), int(180 + 0.2 * 37) - int(120 - 0.2 * 37))


def test_a_hook_on_the_line_s_crop_is_taken_only_when_both_readings_show_it() -> None:
    assert agreed_hook("Quyến", ["Quyển", "Quyển"]) == "Quyển"
    assert agreed_hook("KẾ", ["KỂ", "KẾ"]) is None  # one mode alone read the hook (seed 155)
    assert agreed_hook("tống", ["tổng", "tông"]) is None
    assert agreed_hook("Tống", []) is None


def test_a_number_broken_at_its_thousands_is_read_whole_and_joined_by_tesseract() -> None:
    """``646.800.000`` drawn whole, read as ``646.`` ``800.`` ``000``: the spans read again as a line have no space;
    a code drawn with a real space after its dash stays two tokens."""
    engine = make_engine()
    font = ImageFont.truetype(SERIF, 40)
    image, words = drawn_parts([("phí", "phí", 100), ("646.800.000", "646.800.000", 200), ("đồng", "đồng", 470)])
    whole = words[1]
    cuts = [200 + int(font.getlength(part)) for part in ("646.", "646.800.")]
    words[1:2] = [Word(text, 80.0, (x0, whole.bbox[1], x1, whole.bbox[3]), 0, baseline=whole.baseline)
                  for text, x0, x1 in zip(("646.", "800.", "000"), (whole.bbox[0], cuts[0] + 1, cuts[1] + 1),
                                          (cuts[0], cuts[1], whole.bbox[2]), strict=True)]
    ocr = OcrResult(words, "phí 646. 800. 000 đồng", 80.0)
    out = reread_spans(engine, ocr, image, image, 240.0)
    assert [w.text for w in out.words] == ["phí", "646.800.000", "đồng"]
    assert out.words[1].bbox == (whole.bbox[0], whole.bbox[1], whole.bbox[2], whole.bbox[3])
    assert reread_spans(engine, ocr, None, image, 240.0) is ocr  # not a speckled page: nothing read again
    image, words = drawn_parts([("số", "số", 100), ("109/KH-", "109/KH-", 170), ("UBND", "UBND", 370)])
    apart = OcrResult(words, "số 109/KH- UBND", 80.0)
    assert reread_spans(engine, apart, image, image, 240.0) is apart


def test_a_spoilt_word_is_read_again_as_the_syllable_the_image_shows() -> None:
    engine = make_engine()
    image, words = drawn_parts([("trân", "trân", 100), ("trọhg", "trọng", 200), ("kính", "kính", 330)])
    out = reread_spans(engine, OcrResult(words, "trân trọhg kính", 80.0), image, image, 240.0)
    assert [w.text for w in out.words] == ["trân", "trọng", "kính"]


def test_a_code_that_may_have_lost_its_slash() -> None:
    assert slash_lost("(b", "c);") and slash_lost("(bc);") and slash_lost("01", "1999") and slash_lost("16GM-UBND")
    assert slash_lost("109", "KH-UBND")
    assert not slash_lost("(bảo", "hiểm)") and not slash_lost("xã", "(bc);") and not slash_lost("25", "tháng")
    assert not slash_lost("(02)") and not slash_lost("2", "3") and not slash_lost("UBND", "xã")


def test_the_slash_is_taken_only_where_a_reading_shows_it_and_nothing_else_changed() -> None:
    assert slash_reading("(b c);", ["(bc);", "(b/c);"]) == "(b/c);"
    assert slash_reading("(bc);", ["(b/c);;", "(b/c);"]) == "(b/c);"
    assert slash_reading("(bc);", ["(b/c);;", "(b/c):", "(/c);", "(b‹c);"]) is None  # another character changed
    assert slash_reading("01 1999", ["01/1999"]) == "01/1999"
    assert slash_reading("01 1999", ["01 1999", "0111999"]) is None


def test_a_slash_the_first_reading_lost_is_read_again_by_tesseract() -> None:
    """``(b/c);`` drawn whole and taken as ``(b`` ``c);`` (its slash a gap): read again on the line's crop, it is
    one token with its slash and the two boxes'; drawn with a real space and no slash it stays as read."""
    engine = make_engine()
    font = ImageFont.truetype(SERIF, 40)
    image, words = drawn_parts([("HĐND", "HĐND", 100), ("xã", "xã", 240), ("(b/c);", "(b/c);", 310)])
    whole = words[2]
    cut = 310 + int(font.getlength("(b/"))
    words[2:3] = [Word("(b", 80.0, (whole.bbox[0], whole.bbox[1], cut - 12, whole.bbox[3]), 0,
                       baseline=whole.baseline),
                  Word("c);", 80.0, (cut, whole.bbox[1], whole.bbox[2], whole.bbox[3]), 0, baseline=whole.baseline)]
    out = reread_spans(engine, OcrResult(words, "HĐND xã (b c);", 80.0), image, image, 240.0)
    assert [w.text for w in out.words] == ["HĐND", "xã", "(b/c);"]
    assert out.words[2].bbox == whole.bbox
    image, words = drawn_parts([("HĐND", "HĐND", 100), ("(b", "(b", 240), ("c);", "c);", 330)])
    apart = OcrResult(words, "HĐND (b c);", 80.0)
    assert reread_spans(engine, apart, image, image, 240.0) is apart


@pytest.mark.slow
def test_generated_speckled_page_reads_its_broken_code_whole_end_to_end(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """A generated speckled document (seed :data:`SEED`, one document: 200 dpi, JPEG) through ``archivist process``:
    the code its reading breaks at the dash without the step (:data:`BROKEN`) is one token in the record and in the
    PDF/A's text layer, and ``biến`` (read ``biển``, its hook a speck: the word's box reads it so, the line's crop
    ``biến``) is right; the page loses fewer words, and the PDF/A-1b passes Preflight. (The reading without the step
    is made in this process, where it can be switched off: the command reads pages in a fork server's workers; since
    session 47 :mod:`archivist.speckjoin` joins the same code by its grammar, and is switched off there too.)"""
    from click.testing import CliRunner

    from archivist import pagework, speckread
    from archivist.cli import main
    from archivist.metrics import bag_of_words_error
    from archivist.pipeline import Settings, process
    from samples.generate import generate

    truth = generate(tmp_path / "set", seed=SEED, n_docs=1, groups=["speckle"])[0]["pages"][0]["text"]
    res = CliRunner().invoke(main, ["process", str(tmp_path / "set" / "scans"), "--archive", str(tmp_path / "with"),
                                    "--workers", "1"])
    assert res.exit_code == 0, res.output
    monkeypatch.setattr(pagework, "reread_spans", lambda engine, ocr, unsmoothed, image, dpi: ocr)
    monkeypatch.setattr(speckread, "read_span", lambda *args: [])
    monkeypatch.setattr(pagework, "join_speck_numbers", lambda ocr, unsmoothed: ocr)  # session 47: it joins it too
    process([tmp_path / "set" / "scans"], tmp_path / "without", Settings(workers=1, page_timeout=0))
    texts = {name: json.loads(next((tmp_path / name / "documents").glob("*.json")).read_text(encoding="utf-8"))
             ["pages"][0]["text"] for name in ("with", "without")}
    joined = "".join(BROKEN)
    assert joined in truth.split() and " ".join(BROKEN) in texts["without"] and joined in texts["with"].split()
    assert "biến" in truth.split() and "biển" in texts["without"].split() and "biển" not in texts["with"].split()
    errors = {name: bag_of_words_error(truth, text) for name, text in texts.items()}
    assert errors["with"] < errors["without"], errors
    (pdf,) = (tmp_path / "with" / "documents").glob("*.pdf")
    assert joined in pdftotext(pdf, 1).split()
    assert_valid_pdfa(tmp_path / "with")
