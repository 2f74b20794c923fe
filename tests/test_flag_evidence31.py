"""Review flags, thirty-first round (issue 14 item 9): subjects whose syllables are all real yet make no word,
read with the engine sure of them (AT37 ``cơ sử`` for ``cơ sở``, HG38 ``quản tý`` for ``quản lý``, AT24 ``tuyến
chọn`` for ``tuyển chọn``). underthesea 9.5.0's Viet74K list of words says the pair is none and one confusion
away it is one. The right subjects of the fit basis that the unbounded rule flagged are tested beside them."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from archivist import tesswords, wordpairs
from archivist.wordpairs import LIST_SHA256, canon, list_path, odd_pairs, pair_doubt
from tests.test_flag_evidence import _extract, _page, _with_subject


def test_the_list_is_underthesea_s_read_as_a_file_and_never_imported() -> None:
    import sys

    path = list_path()
    assert path is not None and path.name == "Viet74K.txt"
    assert hashlib.sha256(path.read_bytes()).hexdigest() == LIST_SHA256
    assert "underthesea" not in sys.modules
    words = wordpairs.entries()
    assert f"{canon('cơ')} {canon('sở')}" in words and f"{canon('quản')} {canon('lý')}" in words


def test_the_entries_are_kept_in_the_cache_and_read_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARCHIVIST_CACHE_DIR", str(tmp_path))
    wordpairs.entries.cache_clear()
    try:
        built = wordpairs.entries()
        kept = list(tmp_path.glob("viet74k-*.txt"))
        assert len(kept) == 1 and len(built) > 50_000
        wordpairs.entries.cache_clear()
        assert wordpairs.entries() == built
        assert tesswords.cache_dir() == tmp_path and len(kept[0].read_text(encoding="utf-8").split("\n")) == len(built)
    finally:
        wordpairs.entries.cache_clear()


def test_slips_one_confusion_from_a_word_are_doubted() -> None:
    assert odd_pairs("Về việc ô nhiễm môi trường từ cơ sử chăn nuôi tại thôn Cầu Đá") == [("cơ sử", "cơ sở")]
    assert odd_pairs("Kết quả công tác đăng ký và quản tý hộ tịch năm 2007")[0][0] == "quản tý"
    assert odd_pairs("Thực hiện công tác tuyến chọn và gọi công dân nhập ngũ năm 2006") == [
        ("tuyến chọn", "tuyển chọn")]
    assert pair_doubt("từ cơ sử chăn nuôi") == "'cơ sử' is no word; 'cơ sở' is one confusion away"


def test_right_subjects_are_not_doubted() -> None:
    for right in ("Về kết quả kỳ họp thứ 10 Hội đồng nhân dân xã Hòa Bình",  # kỳ/kì: one word, two spellings
                  "Phòng, chống thiên tai và tìm kiếm cứu nạn năm 2010",  # ``tai và``: no ``tai vạ`` (bound)
                  "Kiểm tra công tác vệ sinh an toàn thực phẩm tại chợ xã Hải Xuân",
                  "Về việc giao chỉ tiêu sản xuất nông nghiệp vụ Thu Đông năm 2005",
                  "Phòng, chống dịch bệnh trên đàn gia súc, gia cầm năm 2020",
                  "Về việc ô nhiễm môi trường từ cơ sở chăn nuôi tại thôn Cầu Đá",
                  "hiệu lực kể từ ngày ký"):  # session 23's ``lực kế``: ``lực`` is in ``hiệu lực``
        assert pair_doubt(right) is None, right


def test_capitals_names_digits_and_punctuation_are_never_judged() -> None:
    for value in ("VỀ CƠ SỬ CHĂN NUÔI", "Ông Cơ Sử", "cơ, sử chăn nuôi", "cơ 2 sử", "cơ (sử) chăn"):
        assert pair_doubt(value) is None, value


def test_a_subject_with_a_pair_no_word_is_flagged_through_extract() -> None:
    meta = _extract(_page(_with_subject("Về việc ô nhiễm từ cơ sử chăn nuôi")))
    assert meta.subject.value == "Về việc ô nhiễm từ cơ sử chăn nuôi"  # flagged, never changed
    assert "'cơ sử' is no word" in (meta.subject.review or "") and "subject" in meta.needs_review
    assert _extract(_page(_with_subject("Về việc ô nhiễm từ cơ sở chăn nuôi"))).subject.review is None
