"""The OCR engine's doubt about single characters (archivist/ocr.py ``Word.rivals``, archivist/chardoubt.py):
read by real Tesseract from a generated page without changing what it reads, kept in the record, and a
value holding a digit the engine nearly read as another digit flagged for review."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from archivist.chardoubt import digit_doubt, flag_doubted, letter_doubt, stored_rivals
from archivist.fields import Field
from archivist.models import Word
from archivist.ocr import RIVAL_MARGIN, TESS_VARIABLES, TesserocrEngine
from archivist.ocrtext import PageText
from archivist.schemas import RecordInvalid, _words_ok, validate, validate_record
from tests.pdfcheck import assert_valid_pdfs
from tests.textpage import FONT

EXAMPLES = Path(__file__).resolve().parent.parent / "schemas" / "examples"

LINES = ["Số: 01/1996/QĐ-UBND ngày 04 tháng 6 năm 2006", "Điều 3. Cấp 191 sổ cho 86 hộ, 2005 đến 2008",
         "Thửa số 61, tờ bản đồ 18, diện tích 309,5 m2", "Quyết định số 1839/QĐ-UBND ngày 30/09/2009"]


def _worn_digits(dpi: int = 200) -> np.ndarray:
    """Lines full of numbers, typed with worn ribbon: over half the ink of each stroke lost, blurred, noisy
    (Tesseract then hesitates between digits: ``81`` for ``01``, ``369,5`` for ``309,5``)."""
    im = Image.new("L", (int(8.27 * dpi), int(4 * dpi)), 225)
    d = ImageDraw.Draw(im)
    font = ImageFont.truetype(FONT, int(12 / 72 * dpi))
    for i, line in enumerate(LINES):
        d.text((int(0.8 * dpi), int((0.5 + 0.7 * i) * dpi)), line, font=font, fill=40)
    ink = np.asarray(im).copy()
    rng = np.random.default_rng(3)
    ink[(ink < 150) & (rng.random(ink.shape) < 0.55)] = 225
    gray = np.asarray(Image.fromarray(ink).filter(ImageFilter.GaussianBlur(0.8)), dtype=np.float32)
    return np.clip(gray + rng.normal(0, 8, gray.shape), 0, 255).astype(np.uint8)


def test_real_tesseract_keeps_each_words_rival_characters_without_changing_the_reading() -> None:
    gray = _worn_digits()
    words = TesserocrEngine().recognize(gray, 200.0).words
    plain = TesserocrEngine(variables={"lstm_choice_mode": "0"}).recognize(gray, 200.0).words
    assert [(w.text, w.conf, w.bbox, w.line) for w in words] == [(w.text, w.conf, w.bbox, w.line) for w in plain]
    assert not any(w.rivals for w in plain)  # without the LSTM's choices there is nothing to say
    with_rivals = [w for w in words if w.rivals]
    assert with_rivals, [w.text for w in words]
    for w in with_rivals:
        for at, rival, mine, theirs in w.rivals:
            assert 0 <= at < len(w.text) and rival.isalnum() and rival != w.text[at]
            assert 0 <= theirs <= 100 and theirs >= mine - RIVAL_MARGIN
    assert any(digit_doubt(w.text, w.rivals) for w in words if any(c.isdigit() for c in w.text))


def test_two_secondary_decodes_find_the_doubts_five_find_at_half_the_cost() -> None:
    """What the choices cost is Tesseract decoding every line again per ``lstm_choice_iterations`` (5 by
    default; bench/choices_cost.py): archivist asks for 2. On the worn page that gives the same words, and
    every word judged as with 5 (a digit in doubt, a letter in doubt)."""
    gray = _worn_digits()
    engine = TesserocrEngine()
    assert engine.api.GetIntVariable("lstm_choice_iterations") == int(TESS_VARIABLES["lstm_choice_iterations"]) == 2
    words = engine.recognize(gray, 200.0).words
    five = TesserocrEngine(variables={"lstm_choice_iterations": "5"}).recognize(gray, 200.0).words

    def judged(ws: list[Word]) -> list[tuple]:
        return [(w.text, w.conf, w.bbox, w.line, bool(digit_doubt(w.text, w.rivals)),
                 bool(letter_doubt(w.text, w.rivals))) for w in ws]

    assert judged(words) == judged(five)
    assert sum(bool(digit_doubt(w.text, w.rivals)) for w in words) >= 3  # 81/1996, 2006, 369,5, 30/05/2009


def test_a_digit_is_in_doubt_only_when_another_digit_came_close() -> None:
    assert digit_doubt("61/1996", [(0, "0", 86.0, 80.0)]) == "the OCR nearly read '0' for '6' in '61/1996'"
    assert digit_doubt("61/1996", [(0, "0", 96.0, 40.0)]) is None  # far behind: no doubt
    assert digit_doubt("61/1996", [(0, "G", 86.0, 85.0)]) is None  # a letter for a digit: grammar's business
    assert digit_doubt("Số:", [(0, "5", 80.0, 79.0)]) is None  # not a digit read
    assert digit_doubt("61", [(7, "0", 86.0, 85.0)]) is None  # an index past the word (a word split later)


# A header whose number was read 61/1996 at word confidence 91, the engine weighing 0 for the 6 at 84 vs 88.
NUMBER_WORD = ("61/1996/QĐ-UBND", 91.0, (410, 330, 700, 370), 2)
WORDS = [("Số:", 95.0, (330, 330, 400, 370), 2), NUMBER_WORD,
         ("ngày", 96.0, (800, 330, 880, 370), 2), ("04", 95.0, (890, 330, 930, 370), 2)]


def _page(rivals: dict) -> PageText:
    return PageText(1, "Số: 61/1996/QĐ-UBND ngày 04", list(WORDS), (), rivals)


def test_a_value_holding_a_doubted_digit_is_flagged_and_others_are_not() -> None:
    number = Field("61/1996/QĐ-UBND", 0.9, 1, (410, 330, 700, 370), "61/1996/QĐ-UBND")
    date = Field("1996-01-04", 0.9, 1, (890, 330, 930, 370), "04")
    flag_doubted({"number_symbol": number, "date": date}, [_page({NUMBER_WORD[2]: (NUMBER_WORD[0],
                                                                                   ((0, "0", 88.0, 84.0),))})])
    assert number.review == "the OCR nearly read '0' for '6' in '61/1996/QĐ-UBND'"
    assert date.review is None
    calm = Field("61/1996/QĐ-UBND", 0.9, 1, (410, 330, 700, 370), "61/1996/QĐ-UBND")
    flag_doubted({"number_symbol": calm}, [_page({NUMBER_WORD[2]: (NUMBER_WORD[0], ((0, "0", 97.0, 30.0),))})])
    assert calm.review is None
    subject = Field("Về việc 61 hộ", 0.9, 1, (410, 330, 700, 370), "61/1996/QĐ-UBND")
    flag_doubted({"subject": subject}, [_page({NUMBER_WORD[2]: (NUMBER_WORD[0], ((0, "0", 88.0, 84.0),))})])
    assert subject.review is None  # only values made of numbers are judged by their digits


def test_a_letter_is_in_doubt_when_another_vietnamese_letter_came_close() -> None:
    # seeds 10, 11: 'thi' read 'thỉ' with 'i' 23 points behind; 'thôn' read 'thôi:' with 'n' 3 behind ':'
    assert letter_doubt("thỉ", [(2, "i", 84.1, 61.3)]) == "the OCR nearly read 'i' for 'ỉ' in 'thỉ'"
    assert letter_doubt("thôi:", [(4, "n", 89.7, 86.5)]) == "the OCR nearly read 'n' for ':' in 'thôi:'"
    assert letter_doubt("Ngô", [(0, "Ñ", 92.6, 92.6)]) is None  # no Vietnamese letter: a look-alike
    assert letter_doubt("Đức", [(0, "Ð", 90.2, 67.1)]) is None
    assert letter_doubt("bổ", [(1, "ổ", 88.5, 75.4)]) is None  # the post-correction already chose it
    assert letter_doubt("thỉ", [(2, "i", 94.1, 61.3)]) is None  # far behind


def test_a_subject_or_name_with_a_doubted_letter_is_flagged_an_issuer_is_not() -> None:
    word = ("thôi:", 77.4, (410, 500, 500, 540), 3)
    page = PageText(1, "tại thôi: Yên Lạc", [word], (), {word[2]: (word[0], ((4, "n", 89.7, 86.5),))})
    subject = Field("tại thôi: Yên Lạc", 0.88, 1, (410, 500, 500, 540), "tại thôi: Yên Lạc")
    issuer = Field("thôi:", 0.9, 1, (410, 500, 500, 540), "thôi:")
    flag_doubted({"subject": subject, "issuer": issuer}, [page])
    assert subject.review == "the OCR nearly read 'n' for ':' in 'thôi:'"
    assert issuer.review is None  # a body's name is checked against the lists, not by this


def test_the_record_keeps_the_rivals_and_gives_them_back() -> None:
    rec = json.loads((EXAMPLES / "document.json").read_text(encoding="utf-8"))
    word = Word("61/1996/QĐ-UBND", 91.0, (410, 330, 700, 370), 2, rivals=((0, "0", 88.0, 84.0),))
    rec["pages"][0]["words"] = [[w.text, w.conf, *w.bbox, w.line, *([[list(r) for r in w.rivals]] if w.rivals else [])]
                                for w in (word, Word("Số:", 95.0, (330, 330, 400, 370), 2))]
    assert _words_ok(rec["pages"])  # the writer's fast path takes them
    validate_record(rec)
    validate(rec, "document")  # and so does the schema itself
    assert stored_rivals(rec["pages"][0]) == {(410, 330, 700, 370): ("61/1996/QĐ-UBND", ((0, "0", 88.0, 84.0),))}
    rec["pages"][0]["words"][0][7] = [[0, "", 88.0, 84.0]]
    assert not _words_ok(rec["pages"])
    with pytest.raises(RecordInvalid, match=r"pages\[0\]\.words\[0\]"):
        validate_record(rec)


@pytest.mark.slow
def test_typed_documents_end_to_end_keep_the_engines_doubt_and_flag_what_it_doubts(tmp_path: Path) -> None:
    """Generated typewriter documents (worn ribbon, uneven ink) through the pipeline: the records keep the
    rival characters of the words (valid against the schema), every value whose words the engine doubted
    is flagged, no value that differs from the truth is stored without a flag, and every PDF passes
    PDF/A-1b Preflight."""
    from archivist.pipeline import Settings, process
    from bench.accuracy import load_truth, pair_pages_in_records
    from samples.generate import generate
    from tests.flagcheck import assert_wrong_flagged

    generate(tmp_path / "set", seed=10, n_docs=3, groups=["typewriter"])
    archive = tmp_path / "archive"
    report = process([tmp_path / "set" / "scans"], archive, Settings(workers=2, pdfa="1b"))
    assert not report.failures
    records = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((archive / "documents").glob("*.json"))]
    for rec in records:
        validate(rec, "document")
    assert any(len(w) == 8 for rec in records for p in rec["pages"] for w in p["words"])
    docs, _ = pair_pages_in_records(load_truth(tmp_path / "set"), records, tmp_path / "set")
    assert len(docs) == 3
    checked = 0
    for t, rec in docs:
        for name, f in rec["metadata"]["fields"].items():
            if (f.get("review") or "").startswith("the OCR nearly read"):
                assert name in rec["metadata"]["needs_review"]
        checked += assert_wrong_flagged(t, rec)
    assert checked >= 3 * 5
    assert_valid_pdfs([archive / r["output"]["pdf"] for r in records])


def test_a_digits_reason_says_what_chose_it() -> None:
    """A rival of the digit's own weight is the first reading a page rule (typedzero, typedsix) replaced: the reason
    says the rule set the digit, not that the engine nearly read it; a rival equal to the digit stored gives no
    reason of its own (``'0' for '0' in '2207'``), whether or not another rival does (session 45)."""
    assert digit_doubt("169/KH-UBND", [(1, "8", 88.0, 88.0)]) == \
        "the digit '6' of '169/KH-UBND' was read '8' and set by its glyph"
    assert digit_doubt("2207", [(2, "0", 91.0, 80.0)]) is None
    assert digit_doubt("2207", [(2, "0", 91.0, 80.0), (3, "1", 90.0, 75.0)]) == \
        "the OCR nearly read '1' for '7' in '2207'"
    assert digit_doubt("2009", [(2, "8", 91.0, 91.0), (3, "8", 90.0, 85.0)]) == \
        "the digit '0' of '2009' was read '8' and set by its glyph"
