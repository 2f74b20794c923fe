"""Two syllables joined by a speck read as ``-``, ``.`` or ``,`` (``thông-báo``) are put back as two words, with
their own boxes, and nothing Vietnamese prints joined is touched (issue 14 items 4 and 8, session 29)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archivist import ocrfix, pagework
from archivist.models import Word
from archivist.ocrfix import correct_syllables, fix_words, text_of
from tests.pdfcheck import assert_valid_pdfa
from tests.pdfpages import pdftotext


def _words(*texts: str) -> list[Word]:
    return [Word(t, 70.0, (100 * i, 0, 100 * i + 90, 30), 0) for i, t in enumerate(texts)]


def test_a_speck_between_two_syllables_is_a_space():
    out = correct_syllables(_words("thông-báo", "đất.đai", "ban,hành", "(quyết-định)."))
    assert [w.text for w in out] == ["thông", "báo", "đất", "đai", "ban", "hành", "(quyết", "định)."]


def test_the_split_words_share_the_box_and_the_speck_keeps_its_place_as_the_space():
    a, b = correct_syllables([Word("thông-báo", 70.0, (0, 5, 90, 35), 3)])
    assert a.bbox == (0, 5, 50, 35) and b.bbox == (60, 5, 90, 35)  # 5 letters, the speck, 3 letters
    assert (a.line, b.line, a.conf, b.conf) == (3, 3, 70.0, 70.0)


def test_what_vietnamese_prints_joined_is_left_alone():
    kept = ["vắc-xin",  # a loanword: ``vắc`` is a syllable no word uses alone
            "2019-2020", "QĐ-UBND", "TP.HCM", "TT.HĐND", "Tp.Huế",  # digits, abbreviations: a part is no syllable
            "Gia-rai", "Ê-đê", "Chỉ-huy", "THỰC-HIỆN", "Chỉ.Huy", "Ủy.BAN",  # a capital at a hyphen; mixed case
            "v.v", "ra-đi-ô", "thông-bá0", "1.250.000", "a-b"]  # no syllable, three parts, a digit
    assert [w.text for w in correct_syllables(_words(*kept))] == kept


def test_a_capitalised_or_all_capitals_pair_is_split_at_a_full_stop_or_comma():
    out = correct_syllables(_words("Văn.phòng", "Ủy,ban", "THỰC.HIỆN", "CHỦ,TỊCH", "Ở.đây"))
    assert [w.text for w in out] == ["Văn", "phòng", "Ủy", "ban", "THỰC", "HIỆN", "CHỦ", "TỊCH", "Ở", "đây"]


def test_the_record_text_reads_the_two_words():
    page = _words("Ủy", "ban", "nhân-dân", "xã") + [Word("thông.báo", 60.0, (0, 50, 90, 80), 1)]
    assert text_of(fix_words(page)) == "Ủy ban nhân dân xã\nthông báo"


@pytest.mark.slow
@pytest.mark.parametrize(("seed", "read", "printed"), [(4, "người.cha", "người cha"), (1, "VIỆT.NAM", "VIỆT NAM")])
def test_generated_speckled_page_record_and_text_layer_read_the_two_words(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch,
                                                                          seed: int, read: str, printed: str) -> None:
    """Generated speckled pages (seed 4, as tests/test_light_specks.py; seed 1) whose ``người cha`` is read
    ``người.cha`` and whose heading's ``VIỆT NAM`` is read ``VIỆT.NAM``: with the split, the record and the PDF's
    text layer both read the two words, and the page loses fewer words than without it (seed 4: 12 -> 10 of 209)."""
    from archivist.metrics import bag_of_words_error
    from archivist.pipeline import Settings, process
    from samples.generate import generate

    truth = generate(tmp_path / "set", seed=seed, n_docs=1, groups=["speckle"])[0]["pages"][0]["text"]
    errors, texts = {}, {}
    for name in ("with", "without"):
        if name == "without":  # and without archivist/speckread.py, which splits such a join too (session 39),
            # nor archivist/specksplit.py, which splits it by the gap the speck stands in (session 45)
            monkeypatch.setattr(ocrfix, "_speck_joined", lambda core: None)
            monkeypatch.setattr(pagework, "reread_specks", lambda engine, ocr, unsmoothed, image, dpi: ocr)
            monkeypatch.setattr(pagework, "split_speck_joins", lambda ocr, unsmoothed, image: ocr)
        process([tmp_path / "set" / "scans"], tmp_path / name, Settings(workers=1, page_timeout=0))
        (doc,) = (tmp_path / name / "documents").glob("*.json")
        texts[name] = json.loads(doc.read_text(encoding="utf-8"))["pages"][0]["text"]
        errors[name] = bag_of_words_error(truth, texts[name])
    assert read in texts["without"] and printed in texts["with"] and read not in texts["with"]
    assert errors["with"] < errors["without"], errors
    (pdf,) = (tmp_path / "with" / "documents").glob("*.pdf")
    assert printed in pdftotext(pdf, 1)
    assert_valid_pdfa(tmp_path / "with")
