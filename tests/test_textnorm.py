"""Vietnamese normal forms: NFC, tone placement, folding, tokens and their offsets, OCR repairs."""

from __future__ import annotations

import hashlib
import json
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from archivist.textnorm import (
    NORM_VERSION,
    exact,
    exact_tokens,
    fold,
    fold_tokens,
    has_marks,
    nfc,
    normalize,
    symbol_key,
    tokenize,
)

VOWELS = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ"
SAMPLE = ("UBND XÃ TÂN PHÚ\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 45/Q.Đ-UBND\n"
          "Tân Phú, ngày 05 tháng 3 năm 2O19\nQUYẾT ĐỊNH\nVề việc thuỷ lợi, khoẻ mạnh; Ông Ðinh Văn Quý.")
# Change this digest only together with NORM_VERSION: indexes built with other tokens are rebuilt.
SAMPLE_DIGEST = (1, "5b103ecef64f4e0d")


def test_fold_removes_every_mark_and_folds_d() -> None:
    assert fold("QUYẾT ĐỊNH") == fold("quyet dinh") == "quyet dinh"
    assert fold("Đinh đinh Ðinh") == "dinh dinh dinh"  # U+0110, U+0111 and the OCR look-alike U+00D0
    for ch in VOWELS + VOWELS.upper():
        assert fold(ch).isascii() and len(fold(ch)) == 1, ch


def test_nfd_input_gives_the_nfc_tokens() -> None:
    nfd = unicodedata.normalize("NFD", SAMPLE)
    assert nfd != SAMPLE and exact_tokens(nfd) == exact_tokens(SAMPLE)
    assert nfc(nfd) == unicodedata.normalize("NFC", SAMPLE)


def test_old_and_new_tone_placement_are_one_form() -> None:
    assert normalize("hoà thuý khoẻ Uỷ ban HOÀ") == "hòa thúy khỏe Ủy ban HÒA"
    for word in ("quý", "hoàn", "thuyết", "khuya", "Quỳnh", "hòa"):
        assert normalize(word) == word
    assert exact("Hoà") == exact("HÒA") == "hòa"


def test_tokens_exact_and_folded() -> None:
    ex = exact_tokens("Số: 45/QĐ-UBND ngày 12/3/2019")
    assert ex == ["số", "45", "qđ", "ubnd", "ngày", "12", "3", "2019"]
    assert fold_tokens(ex) == ["so", "45", "qd", "ubnd", "ngay", "12", "3", "2019"]
    assert has_marks("Đinh") and has_marks("số") and not has_marks("UBND")


def test_ocr_repairs_of_numbers_and_symbols() -> None:
    assert exact_tokens("Số: 45/Q.Đ-UBND năm 2O19, U.B.N.D") == ["số", "45", "qđ", "ubnd", "năm", "2019", "ubnd"]
    assert exact_tokens("ông o Hoà") == ["ông", "o", "hòa"]  # a lone o is a word, not a zero
    keys = {symbol_key(s) for s in ("45/QĐ-UBND", "45/QD-UBND", "45/qđ-ubnd", "45 / QĐ - UBND", "Số: 45/Q.Đ-UBND")}
    assert keys == {"45/qd-ubnd"}
    assert symbol_key("12/2019/QĐ-UBND") == "12/2019/qd-ubnd" and symbol_key("") == ""


def test_token_offsets_point_at_the_words_as_written() -> None:
    toks = tokenize(SAMPLE)
    assert [t.exact for t in toks] == exact_tokens(SAMPLE)
    spans = [SAMPLE[t.start:t.end] for t in toks]
    assert "HOÀ" in spans and "Q.Đ" in spans and "2O19" in spans and "Ðinh" in spans
    assert tokenize(SAMPLE, 3, 9) == toks[3:9]


def test_norm_version_guards_the_token_forms() -> None:
    forms = [exact_tokens(SAMPLE), fold_tokens(exact_tokens(SAMPLE)), symbol_key("45/Q.Đ-UBND")]
    digest = hashlib.sha256(json.dumps(forms, ensure_ascii=False).encode()).hexdigest()[:16]
    assert (NORM_VERSION, digest) == SAMPLE_DIGEST, "token forms changed: bump NORM_VERSION and this digest"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(VOWELS + VOWELS.upper() + "đĐÐqQbdnh .,/-:0O1\n"), max_size=40) | st.text(
    max_size=40))
def test_tokenize_agrees_with_exact_tokens(text: str) -> None:
    text = nfc(text)
    toks = tokenize(text)
    assert [t.exact for t in toks] == exact_tokens(text)
    assert [t.folded for t in toks] == fold_tokens(exact_tokens(text))
    assert len(normalize(text)) == len(text)
    assert all(t.start < t.end <= len(text) for t in toks)
