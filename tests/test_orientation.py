"""Orientation from several signals (archivist/orient.py): a page is turned only on strong evidence.

End to end on generated pages (samples/orientset.py) of the kinds that were once turned over with
nothing said: a one-bit typewritten page in English, cadastral maps as palette PNG and CMYK JPEG,
a plan drawing in JPEG 2000, a ruled table, handwriting; upright and upside down. Then the
decision rule alone, on readings whose figures are set by hand to reach the cases real pages rarely
do (a confident OSD against the readings, two readings too close to call).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from archivist import orient, preprocess
from archivist.models import Word
from archivist.ocr import OcrResult
from archivist.osd import OsdResult
from tests.pdfcheck import assert_valid_pdfa

GROUPS = ["typewriter-1bit", "map-palette", "map-cmyk", "drawing-jp2", "table", "handwriting"]


@pytest.fixture(scope="module")
def oriented(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict], dict]:
    from archivist.pipeline import Settings, process
    from samples.orientset import generate_set

    root = tmp_path_factory.mktemp("orientset")
    truth = generate_set(root / "set", seed=0, variants=1, groups=GROUPS, rotations=(0, 180))
    archive = root / "archive"
    process([root / "set" / "scans"], archive, Settings(workers=2, pdfa="1b"))
    records = {Path(r["pages"][0]["source"]["path"]).name: r for r in (
        json.loads(p.read_text(encoding="utf-8")) for p in (archive / "documents").glob("*.json"))}
    return archive, truth, records


@pytest.mark.slow
def test_no_page_is_turned_the_wrong_way_and_every_doubt_is_flagged(oriented) -> None:
    _archive, truth, records = oriented
    assert len(records) == len(truth) == 12
    for t in truth:
        page = records[Path(t["file"]).name]["pages"][0]
        where = (t["file"], page["orientation"], page["orientation_decision"], page["orientation_evidence"])
        assert page["orientation"] in (0, t["rotation"]), where  # never a wrong turn
        if page["orientation"] != t["rotation"]:  # kept as scanned: the record and a warning say so
            assert page["orientation_decision"].startswith("kept as scanned"), where
            assert page["warnings"], where
        else:
            assert page["orientation_decision"] in ("upright", "turned", "kept as scanned: too little text"), where


@pytest.mark.slow
def test_typewritten_page_and_table_are_turned_right_and_read(oriented) -> None:
    _archive, truth, records = oriented
    for t in truth:
        if t["group"] not in ("typewriter-1bit", "table"):
            continue
        page = records[Path(t["file"]).name]["pages"][0]
        assert page["orientation"] == t["rotation"], t["file"]
        assert page["orientation_decision"] == ("upright" if t["rotation"] == 0 else "turned")
        assert ("committee" if t["group"] == "typewriter-1bit" else "DANH SÁCH") in page["text"]
        assert page["deskew"]["applied"] and abs(page["skew"] - t["skew"]) < 0.15


@pytest.mark.slow
def test_pictures_and_handwriting_are_kept_as_scanned(oriented) -> None:
    _archive, truth, records = oriented
    for t in truth:
        if t["group"] not in ("photo", "drawing-jp2", "handwriting"):
            continue
        page = records[Path(t["file"]).name]["pages"][0]
        assert (page["orientation"], page["skew"]) == (0, 0.0), t["file"]
        assert page["orientation_decision"] == "kept as scanned: too little text"
        assert not page["deskew"]["applied"] and page["deskew"]["reason"].startswith("not deskewed")


@pytest.mark.slow
def test_outputs_pass_preflight(oriented) -> None:
    assert_valid_pdfa(oriented[0])


# ---------------------------------------------------------------- the decision rule alone

def _words(n_good: int, n_poor: int = 0) -> OcrResult:
    words = [Word("được", 92.0, (10 * i, 0, 10 * i + 40, 12), 0) for i in range(n_good)]
    words += [Word("ưuọ", 40.0, (10 * i, 20, 10 * i + 40, 32), 1) for i in range(n_poor)]
    mean = sum(w.conf for w in words) / len(words) if words else 0.0
    return OcrResult(words, " ".join(w.text for w in words), mean)


class _Osd:
    def __init__(self, result: OsdResult | None) -> None:
        self.result = result

    def detect(self, gray: np.ndarray, dpi: float) -> OsdResult | None:
        return self.result


def _decide(own: int, own_conf: float, reads: dict[int, OcrResult], osd: OsdResult | None) -> orient.Oriented:
    gray = np.full((40, 60), 255, np.uint8)
    gray[0, 0] = 0  # a corner mark tells the four turns apart

    def read(up: np.ndarray) -> OcrResult:
        turned = next(o for o in (0, 90, 180, 270) if np.array_equal(up, np.rot90(gray, o // 90)))
        return reads.get(turned, OcrResult())

    found = preprocess.Correction(own, 0.0, own_conf, True, lines=5)

    return orient.orient(gray, 100.0, found, read, _Osd(osd))


def test_strong_own_test_and_good_reading_need_nothing_else() -> None:
    done = _decide(0, 1.0, {0: _words(40), 180: _words(0, 40)}, OsdResult(180, 20.0, "Latin"))
    assert done.decision == "upright" and "osd" not in done.evidence and done.seconds_checking == 0.0


def test_a_confident_osd_against_the_readings_makes_the_page_uncertain() -> None:
    done = _decide(0, 0.2, {0: _words(3, 10), 180: _words(30, 5)}, OsdResult(0, 9.0, "Latin"))
    assert done.decision == "kept as scanned: uncertain" and done.correction.orientation == 0
    assert any("orientation uncertain" in w for w in done.warnings)


def test_a_poor_reading_decides_only_with_a_confident_osd_behind_it() -> None:
    """OCRmyPDF's 2400 dpi typewritten page reads at mean 63 upright, 26 upside down; OSD says upright (8.8)."""
    poor = {0: _words(12, 8), 180: _words(0, 12)}  # mean 68.8 against 40
    assert _decide(0, 0.2, poor, OsdResult(0, 8.8, "Latin")).decision == "upright"
    assert _decide(0, 0.2, poor, OsdResult(0, 2.0, "Latin")).decision == "kept as scanned: uncertain"


def test_readings_too_close_to_call_keep_the_page_as_scanned() -> None:
    done = _decide(180, 0.9, {180: _words(12, 3), 0: _words(10, 4)}, None)
    assert done.decision == "kept as scanned: uncertain" and done.correction.orientation == 0


def test_a_rival_just_under_the_word_count_still_counts() -> None:
    """Five words read well one way and four the other is no evidence, whatever MIN_GOOD says."""
    done = _decide(0, 0.1, {0: _words(5), 180: _words(4)}, None)
    assert done.decision == "kept as scanned: uncertain"


def test_a_clear_reading_turns_the_page_against_a_wrong_own_test() -> None:
    done = _decide(0, 0.9, {0: _words(2, 30), 180: _words(40)}, OsdResult(180, 3.0, "Latin"))
    assert done.decision == "turned" and done.correction.orientation == 180
    assert [r["orientation"] for r in done.evidence["reads"]] == [0, 180]


def _unsure(n: int) -> OcrResult:
    """A reading of nothing but unsure words (notext.judge: no text)."""
    words = [Word("ưuọ", 30.0, (10 * i, 20, 10 * i + 40, 32), 1) for i in range(n)]
    return OcrResult(words, " ".join(w.text for w in words), 30.0 if words else 0.0)


def test_a_page_reading_only_one_way_weakly_is_turned_that_way_and_flagged() -> None:
    """HG123's sideways table page (session 36): as scanned nothing, turned 90 seven words read well at mean 72, the
    other ways none; OSD says 90 but weakly. Kept as scanned it lost every word."""
    done = _decide(270, 0.0, {90: _words(7, 5), 270: _unsure(10), 0: OcrResult()}, OsdResult(180, 2.5, "Cyrillic"))
    assert done.decision == orient.ONLY_WAY == "turned: the only way it reads"
    assert done.correction.orientation == 90 and done.correction.orientation_confidence == orient.ONLY_WAY_CONFIDENCE
    assert done.ocr.words and done.warnings == [orient.ONLY_WAY_WARNING] and "orientation uncertain" in done.warnings[0]


@pytest.mark.parametrize("why, reads, osd", [
    ("as scanned it reads some text (notext.judge: readable)", {90: _words(7, 5), 0: _words(2, 2)}, None),
    ("a rival with a third as many words read well", {90: _words(7, 5), 270: _words(3, 0), 0: _unsure(4)}, None),
    ("a confident OSD says another way", {90: _words(7, 5), 0: _unsure(4)}, OsdResult(0, 9.0, "Latin")),
])
def test_a_weak_reading_is_not_the_only_way_when(why: str, reads: dict, osd: OsdResult | None) -> None:
    done = _decide(270, 0.1, reads, osd)
    assert done.decision == "kept as scanned: uncertain" and done.correction.orientation == 0, why


def test_a_page_kept_as_an_image_keeps_its_uncertain_orientation_warning_first() -> None:
    """Issue 14 item 2: a page kept as scanned on disagreeing signals whose reading holds no text once said only "no
    text found"; the orientation warning tells the reader it has text the tool could not turn upright."""
    from archivist import notext
    from archivist.pagework import no_text_notes

    uncertain = _decide(270, 0.1, {0: _unsure(6), 90: _words(6, 5), 270: _words(6, 5)}, None)
    assert uncertain.decision == "kept as scanned: uncertain"
    verdict = notext.judge(uncertain.ocr)
    assert not verdict.readable
    assert no_text_notes(uncertain, verdict) == [
        "page orientation uncertain (its signals disagree): kept as scanned; check which way is up", verdict.message()]
    little = _decide(0, 0.1, {0: _unsure(6)}, None)  # too little text: "no text found" says it all
    assert little.decision == "kept as scanned: too little text" and little.warnings
    assert no_text_notes(little, notext.judge(little.ocr)) == [notext.judge(little.ocr).message()]


def test_sideways_words_are_no_evidence() -> None:
    """Tesseract reads vertical lines turned: tall word boxes must not count for a way up."""
    tall = OcrResult([Word("được", 96.0, (0, 10 * i, 12, 10 * i + 40), i) for i in range(40)], "", 96.0)
    reading = orient.Reading(0, 0.0, np.zeros((1, 1), np.uint8), tall)
    assert reading.good == 0 and reading.mean == 0.0


@pytest.mark.parametrize("binding", [True, False])
def test_osd_says_how_far_a_page_is_turned(binding: bool) -> None:
    """Tesseract's OSD through tesserocr, and through the tesseract command when the binding is missing."""
    from archivist.osd import Osd
    from tests.textpage import scan, text_page

    osd = Osd()
    if not osd.available:
        pytest.skip("Tesseract's osd.traineddata is not installed")
    if not binding:
        osd.api = None
    im, _ = text_page(150, seed=4, lines=14)
    for turned in (90, 180):
        said = osd.detect(scan(im, 0.0, turned, seed=1), 150)
        assert said is not None and said.turned == turned and said.confidence > 2  # (script: Latin or Cyrillic)


def test_report_flags_a_document_with_an_uncertain_page() -> None:
    from archivist.htmlreport import _flags, labels

    page = {"dpi": 300, "mean_confidence": 90.0, "words": [["x", 90, 0, 0, 1, 1, 0]],
            "orientation_decision": "kept as scanned: uncertain",
            "warnings": ["page orientation uncertain (its signals disagree): kept as scanned; check which way is up"]}
    assert _flags({"pages": [page]}) == ["orientation", "warning"]
    assert _flags({"pages": [{**page, "orientation_decision": "turned", "warnings": []}]}) == []
    assert labels()["flag_orientation"][1] == "Orientation uncertain"


@pytest.mark.parametrize("warning", [
    "page orientation uncertain (its signals disagree): kept as scanned; check which way is up",
    "too little text to tell which way is up: kept as scanned",
    "scanned at 200x100 dpi, below the 200 dpi digitization standard",
    "the PDF page already has text (in form XObject and annotation): kept it instead of OCR "
    "(use --force-ocr to OCR it)",
    "the PDF page has text of its own (in annotation): OCR'd it as asked (--force-ocr)",
    "the PDF page has text of its own but it could not be extracted (KeyError); OCR'd it instead",
    "the PDF page has text of its own but no words could be extracted from it; OCR'd it instead",
    "the PDF page has text of its own but its characters cannot be read as letters (no Unicode mapping); "
    "OCR'd it instead",
])
def test_the_new_warnings_read_in_vietnamese_in_the_report(warning: str) -> None:
    from archivist.reportlang import vietnamese

    vi = vietnamese(warning)
    assert vi != warning and "OCR'd" not in vi and "kept as scanned" not in vi, vi
