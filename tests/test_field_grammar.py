"""Issue 14, text side: the number/symbol grammar, body names cleaned of OCR debris, the syllable set and
the syllable post-correction, on OCR text as Tesseract gives it (the end-to-end checks on generated scans
are in tests/test_hard_fields.py)."""

from __future__ import annotations

import pytest

from archivist.bodies import clean_body, odd_tokens
from archivist.classify import PageText, classify
from archivist.extract import extract
from archivist.models import Word
from archivist.numsym import find_number_symbols, parse_number_symbol
from archivist.ocrfix import correct_syllables, fix_words, nearest_syllables
from archivist.syllables import is_syllable, syllables
from tests.conftest import SHARED

HEADER = ("{issuer}\n{number}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
          "Hà Nội, ngày 16 tháng 6 năm 2025\n{title}\n{subject}\n{body}\nTM. {issuer}\nCHỦ TỊCH\nTrần Thanh Mẫn\n"
          "Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.")


def _doc(issuer: str, number: str, title: str, body: str = "Điều 1. Nội dung.") -> PageText:
    return PageText(1, HEADER.format(issuer=issuer, number=number, title=title,
                                     subject="Về việc sắp xếp các đơn vị hành chính cấp xã năm 2025", body=body))


@pytest.mark.parametrize("read,written,grammar", [
    ("Nghị quyết số: 1656/NQ-UBTVQHI5", "1656/NQ-UBTVQH15", True),  # 1 read as I in a legislature's number
    ("Luật số: 33/2024/QHl5", "33/2024/QH15", True),
    ("Số: 12O/2O25/NĐ-CP", "120/2025/NĐ-CP", True),  # O for 0: the number and the year are digits
    ("Số: 19/2025/QĐ-TTG", "19/2025/QĐ-TTg", False),  # case only: the pixels were right
    ("Số: 45/QD-UBND", "45/QĐ-UBND", False),  # a lost bar: the letters are as printed
    ("Số: 01/2025/TT-BNV", "01/2025/TT-BNV", False),
])
def test_number_symbol_grammar_keeps_what_was_read_and_says_what_changed(read: str, written: str, grammar: bool):
    m = find_number_symbols(read)[0]
    assert str(m.value) == written
    assert m.grammar is grammar
    assert m.read == read.split(":")[-1].strip()
    assert bool(m.changes) == (m.read != written)


def test_a_misread_type_code_follows_the_heading_and_is_flagged():
    """``NĐ`` read as ``HĐ`` under ``NGHỊ ĐỊNH``: the symbol is corrected from the heading, flagged because
    the grammar decided, and the document stays a decree (never a contract)."""
    page = _doc("CHÍNH PHỦ", "Số: 150/2025/HĐ-CP", "NGHỊ ĐỊNH")
    meta = extract([page])
    assert meta.classification.type == "Nghị định"
    assert meta.number_symbol.value == "150/2025/NĐ-CP"
    assert meta.number_symbol.read == "150/2025/HĐ-CP"
    assert any("HĐ -> NĐ" in c for c in meta.number_symbol.changes)
    assert "number_symbol" in meta.needs_review and "grammar" in meta.number_symbol.review
    d = meta.to_dict()["fields"]["number_symbol"]
    assert d["read"] == "150/2025/HĐ-CP" and d["review"]


def test_a_symbol_for_another_type_never_outvotes_the_title():
    """A symbol that is no misreading of the heading's code (``TB`` under ``QUYẾT ĐỊNH``) is kept as read, its
    confidence lowered, and the type is the title's."""
    meta = extract([_doc("ỦY BAN NHÂN DÂN XÃ TÂN PHÚ", "Số: 45/TB-UBND", "QUYẾT ĐỊNH", "Điều 1. Giao dịch.")])
    assert meta.classification.type == "Quyết định"
    assert meta.number_symbol.value == "45/TB-UBND" and "number_symbol" in meta.needs_review


def test_a_contract_code_one_letter_from_a_decree_is_not_trusted_alone():
    """Without a heading, ``HĐ`` (one letter from ``NĐ``) alone does not make a contract unflagged."""
    cls = classify([PageText(1, "CHÍNH PHỦ\nSố: 150/2025/HĐ-CP\nĐiều 1. Nội dung.")])
    assert cls.type != "Hợp đồng" or cls.needs_review


def test_resolution_of_the_standing_committee_keeps_the_legislature_number():
    meta = extract([_doc("ỦY BAN THƯỜNG VỤ QUỐC HỘI", "Nghị quyết số: 1656/NQ-UBTVQHI5", "NGHỊ QUYẾT")])
    assert meta.classification.type == "Nghị quyết"
    assert meta.number_symbol.value == "1656/NQ-UBTVQH15" and "number_symbol" in meta.needs_review
    assert meta.issuer.value == "ỦY BAN THƯỜNG VỤ QUỐC HỘI"
    clean = extract([_doc("ỦY BAN THƯỜNG VỤ QUỐC HỘI", "Nghị quyết số: 1656/NQ-UBTVQH15", "NGHỊ QUYẾT")])
    assert clean.number_symbol.value == "1656/NQ-UBTVQH15" and "number_symbol" not in clean.needs_review


@pytest.mark.parametrize("read,written", [
    ("UBND HUYỆN PHỔYÊN", "UBND HUYỆN PHỔ YÊN"),  # two words run together
    ("ỦY BAN NHÂN DÂN XÃ TÂN PHÚ : M: .", "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ"),  # debris of a rule and a speck
    ("UBND HUYỆN CHÂUPHÚ ˆ", "UBND HUYỆN CHÂU PHÚ"),
    ("UBND HUYEN YÊN MÔ", "UBND HUYỆN YÊN MÔ"),  # one word that lost its marks (not HUY EN), a fixed word
    ("ỦY BẠN NHÂN ĐÂN XÃ TÂN PHÚ", "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ"),  # the fixed words of a body's name
    ("UỶ BAN NHÂN DÂN XÃ TÂN PHÚ", "UỶ BAN NHÂN DÂN XÃ TÂN PHÚ"),  # the old tone placement is kept as written
    ("UBND TỈNH ĐẮK LẮK", "UBND TỈNH ĐẮK LẮK"), ("HỘI ĐỒNG NHÂN DÂN KHÓA XX", "HỘI ĐỒNG NHÂN DÂN KHÓA XX"),
    ("TRƯỜNG THCS SỐ 1", "TRƯỜNG THCS SỐ 1"),
])
def test_body_names_are_cleaned_by_what_a_name_holds(read: str, written: str):
    value, changes = clean_body(read)
    assert value == written
    assert bool(changes) == (read != written)


def test_an_issuer_read_with_debris_is_cleaned_and_keeps_what_was_read():
    meta = extract([_doc("ỦY BAN NHÂN DÂN XÃ TÂN PHÚ : M: .", "Số: 45/QĐ-UBND", "QUYẾT ĐỊNH")])
    assert meta.issuer.value == "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ"
    assert meta.issuer.read == "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ : M: ." and meta.issuer.changes


def test_a_token_that_is_no_syllable_lowers_the_confidence_of_its_value():
    assert odd_tokens("UBND HUYỆN YÊNÑNMÔ") == ["YÊNÑNMÔ"]
    good = extract([_doc("ỦY BAN NHÂN DÂN XÃ TÂN PHÚ", "Số: 45/QĐ-UBND", "QUYẾT ĐỊNH")])
    odd = extract([_doc("ỦY BAN NHÂN DÂN XÃ TÂNÑPHÚ", "Số: 45/QĐ-UBND", "QUYẾT ĐỊNH")])
    assert odd.issuer.confidence < good.issuer.confidence and "issuer" in odd.needs_review


def test_the_syllable_set_follows_the_orthography():
    assert 10_000 < len(syllables()) < 25_000
    for ok in ("quyết", "định", "người", "nghĩa", "khuỷu", "hoà", "hòa", "thuý", "thúy", "gìn", "giữ", "kỹ", "Đắk"):
        assert is_syllable(ok), ok
    for bad in ("ngh", "nguời", "cé", "ghá", "thưc", "viêc", "quyêt", "cấptỉnh", "UBND", "gế", "vđi"):
        assert not is_syllable(bad), bad


def test_syllables_match_the_words_of_tesseracts_vietnamese_confusion_table():
    """Every corrected side of VietOCR's table of Tesseract confusions (../shared/ocr) that is one Vietnamese
    word in small letters is a valid syllable (the misread sides are mostly well-formed syllables themselves:
    ``cũa`` for ``của``, which is why a real-word slip needs more than the syllable set)."""
    table = SHARED / "ocr" / "vie.DangAmbigs.txt"
    if not table.exists():
        pytest.skip("../shared/ocr is not here")
    rows = [ln.split("\t") for ln in table.read_text(encoding="utf-8").splitlines() if ln.startswith("0\t")]
    rights = [r[2].strip() for r in rows if len(r) > 2 and r[2].strip().isalpha() and r[2].strip().islower()
              and len(r[2].strip()) > 2]
    assert rights and all(is_syllable(w) for w in rights), rights


def _words(*texts: str) -> list[Word]:
    return [Word(t, 60.0, (100 * i, 0, 100 * i + 90, 30), 0) for i, t in enumerate(texts)]


def test_post_correction_fixes_non_syllables_and_never_a_valid_word():
    out = [w.text for w in correct_syllables(_words("nguời", "đuợc", "viêc,", "qưyết", "đồnq"))]
    assert out == ["người", "được", "việc,", "quyết", "đồng"]
    kept = ["khác", "phục", "mương", "Nguyễn", "NGHĨA", "UBND", "45/QĐ-UBND", "2025", "Hồ", "lẫy", "ĐẮK"]
    assert [w.text for w in correct_syllables(_words(*kept))] == kept  # valid words, names, codes, numbers


def test_post_correction_splits_run_together_words_and_shares_the_box():
    out = correct_syllables(_words("cấptỉnh", "sửađối", "PHỔYÊN"))
    assert [w.text for w in out] == ["cấp", "tỉnh", "sửa", "đối", "PHỔ", "YÊN"]
    a, b = out[0], out[1]
    assert a.bbox[0] == 0 and b.bbox[2] == 90 and a.bbox[2] == b.bbox[0]


def test_post_correction_leaves_a_word_that_lost_every_mark_unless_the_page_spells_it():
    """``huyen`` could be huyện, huyền, huyên …: only the page's own spelling decides it."""
    assert [w.text for w in correct_syllables(_words("huyen"))] == ["huyen"]
    page = _words("huyen") + [Word("huyện", 95.0, (0, 50, 90, 80), 1)]
    assert [w.text for w in correct_syllables(page)][0] == "huyện"


def test_nearest_syllables_ties_are_not_guessed():
    cands, cost = nearest_syllables("thưc")  # thực or thức: nothing on the page to choose
    assert len(cands) > 1 and cost == 1
    assert [w.text for w in fix_words(_words("thưc"))] == ["thưc"]


def test_parse_number_symbol_round_trips_the_new_codes():
    for s in ("1656/NQ-UBTVQH15", "33/2024/QH15", "120/2025/NĐ-CP", "19/2025/QĐ-TTg", "05/2025/TTLT-BNV-BTC"):
        assert str(parse_number_symbol(f"Số: {s}")) == s


def test_review_thresholds_are_fitted_per_field_and_never_below_the_default():
    from archivist.calibration import threshold_for, thresholds

    fitted = thresholds()
    assert fitted and all(0.7 <= t < 1.0 for t in fitted.values())
    assert all(threshold_for(name, 0.7) == max(0.7, t) for name, t in fitted.items())
    assert threshold_for("no such field", 0.7) == 0.7
    assert threshold_for("subject", 0.95) == 0.95  # a stricter threshold asked for is kept
