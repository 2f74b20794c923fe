"""Values read on a faint page (a faded carbon copy read with its contrast raised) are flagged for review
when a word of theirs was read weakly (archivist/faintflags.py), in the extractor and end to end on
generated faded documents: no wrong value stored without a flag, every PDF valid PDF/A-1b."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archivist.extract import extract
from archivist.faintflags import FAINT_NOTE, FAINT_WORD_CONF, flag_faint, value_words
from archivist.fields import Field
from archivist.ocrtext import PageText
from tests.pdfcheck import assert_valid_pdfs

# A header as Tesseract reads a faded decision: the number's 0 read as 9 at 86, everything else at 93-97;
# a subject running on to a second line, whose ``đo`` (for ``do``) was read at 83.
WORDS = [("ỦY", 96.0, (300, 200, 360, 240), 0), ("BAN", 96.0, (370, 200, 450, 240), 0),
         ("NHÂN", 97.0, (460, 200, 560, 240), 0), ("DÂN", 96.0, (570, 200, 650, 240), 0),
         ("XÃ", 96.0, (380, 250, 430, 290), 1), ("MỸ", 95.0, (440, 250, 500, 290), 1),
         ("ĐỨC", 96.0, (510, 250, 590, 290), 1),
         ("Số:", 93.0, (330, 330, 400, 370), 2), ("79/KH-UBND", 86.0, (410, 330, 640, 370), 2),
         ("Về", 96.0, (600, 500, 650, 540), 3), ("việc", 96.0, (660, 500, 740, 540), 3),
         ("hỗ", 97.0, (750, 500, 800, 540), 3), ("trợ", 96.0, (810, 500, 870, 540), 3),
         ("thiệt", 97.0, (600, 550, 690, 590), 4), ("hại", 96.0, (700, 550, 760, 590), 4),
         ("đo", 83.0, (770, 550, 820, 590), 4), ("mưa", 95.0, (830, 550, 910, 590), 4),
         ("lũ", 97.0, (920, 550, 960, 590), 4)]


def _page(faint: bool) -> PageText:
    lines: dict[int, list[str]] = {}
    for w in WORDS:
        lines.setdefault(w[3], []).append(w[0])
    text = "\n".join(" ".join(ws) for _, ws in sorted(lines.items()))
    return PageText(1, text, list(WORDS), (FAINT_NOTE,) if faint else ())


def _number() -> Field:
    return Field("79/KH-UBND", 0.88, 1, (330, 330, 640, 370), "Số: 79/KH-UBND")


def test_weakly_read_value_on_a_faint_page_is_for_review() -> None:
    found = {"number_symbol": _number(), "issuer": Field("ỦY BAN NHÂN DÂN XÃ MỸ ĐỨC", 0.9, 1, (300, 200, 650, 290),
                                                          "ỦY BAN NHÂN DÂN XÃ MỸ ĐỨC")}
    flag_faint(found, [_page(faint=True)])
    assert found["number_symbol"].review == "read on a faint page, '79/KH-UBND' at OCR confidence 86"
    assert found["issuer"].review is None  # every word of it read at 95 or more


def test_the_same_reading_on_a_page_that_was_not_faint_is_left_alone() -> None:
    found = {"number_symbol": _number()}
    flag_faint(found, [_page(faint=False)])
    assert found["number_symbol"].review is None


def test_a_value_running_past_its_box_is_judged_by_all_its_words() -> None:
    """The subject's box covers its first line only; its weak word is on the second."""
    subject = Field("Về việc hỗ trợ thiệt hại đo mưa lũ", 0.88, 1, (600, 500, 870, 540), "Về việc hỗ trợ")
    assert [w[0] for w in value_words(WORDS, subject)] == subject.value.split()
    found = {"subject": subject}
    flag_faint(found, [_page(faint=True)])
    assert found["subject"].review is not None and "'đo'" in found["subject"].review
    assert 83 < FAINT_WORD_CONF


def test_extract_flags_the_faint_pages_weak_number() -> None:
    """Through the extractor: the same page, faint or not, differs only in the number's review flag."""
    faint, plain = extract([_page(faint=True)]), extract([_page(faint=False)])
    assert faint.number_symbol.value == plain.number_symbol.value == "79/KH-UBND"
    assert "number_symbol" in faint.needs_review
    assert "number_symbol" not in plain.needs_review


@pytest.mark.slow
def test_faded_documents_end_to_end_no_wrong_value_unflagged(tmp_path: Path) -> None:
    """Generated faded documents through the pipeline: their pages are noted faint, their words carry
    no paper-grain debris, every value that differs from the truth is flagged for review, an authority's source is
    its code alone, and every PDF passes PDF/A-1b Preflight."""
    from archivist.pipeline import Settings, process
    from bench.accuracy import load_truth, pair_pages_in_records
    from samples.generate import generate
    from tests.flagcheck import assert_wrong_flagged

    generate(tmp_path / "set", seed=8, n_docs=3, groups=["faded"])
    archive = tmp_path / "archive"
    report = process([tmp_path / "set" / "scans"], archive, Settings(workers=2, pdfa="1b"))
    assert not report.failures
    records = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((archive / "documents").glob("*.json"))]
    docs, _ = pair_pages_in_records(load_truth(tmp_path / "set"), records, tmp_path / "set")
    assert len(docs) == 3
    checked = authorities = 0
    for t, rec in docs:
        for page in rec["pages"]:
            assert FAINT_NOTE in page["warnings"]
            heights = sorted(w[5] - w[3] for w in page["words"])
            assert all(w[5] - w[3] >= 0.45 * heights[len(heights) // 2] or not w[0].strip("-–—_")
                       for w in page["words"])
        checked += assert_wrong_flagged(t, rec)
        auth = rec["metadata"]["fields"].get("authority") or {}
        if auth.get("value"):  # the code's own word (archivist/ownwords.py), not the body or position after it
            authorities += 1
            assert not set(auth["source_text"].split()) & {"ỦY", "UỶ", "BAN", "NHÂN", "DÂN", "CHỦ", "TỊCH"}
    assert checked >= 3 * 5 and authorities >= 1
    assert_valid_pdfs([archive / r["output"]["pdf"] for r in records])
