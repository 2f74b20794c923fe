"""bench/word_loss.py names why a truth word was lost: each cause on a line made to show it."""

from __future__ import annotations

from bench.word_loss import page_losses


def test_each_cause_on_its_own_line() -> None:
    truth = "\n".join(["Ủy ban nhân dân xã Cẩm Thạch", "Quyết định này có hiệu lực kể từ ngày ký",
                       "Văn phòng Ủy ban nhân dân xã", "Điều 1. Thành lập Tổ công tác", "Nơi nhận: Lưu VT, TP"])
    read = "\n".join(["Ủy ban nhân: dân xã Cấm Thạch", "Quyết định này có hiệu lực kế từ ngày",
                      "Văn.phòng Ủy ban nhân dân xã", "Điều 1. Thành lập Tổ cô ng tác"])
    counts, lines = page_losses(truth, read)
    assert counts == {"mark added": 1, "tone or vowel mark": 2, "word dropped": 1, "run together": 2,
                      "broken apart": 1, "line missed": 5}, counts
    assert [c for _, c, _ in lines[0]["lost"]] == ["mark added", "tone or vowel mark"]
    assert lines[-1]["read"] == "" and all(c == "line missed" for _, c, _ in lines[-1]["lost"])


def test_nothing_lost_nothing_listed() -> None:
    assert page_losses("Độc lập - Tự do", "Độc lập - Tự do") == ({}, [])


def test_fine_causes_split_tone_from_vowel_marks_and_digits_from_letters() -> None:
    from bench.word_loss import fine_cause

    assert fine_cause("Thực", "Thục", "tone or vowel mark") == "hook, breve, circumflex or đ"  # ư read u
    assert fine_cause("Cẩm", "Cấm", "tone or vowel mark") == "tone mark"
    assert fine_cause("ngày", "ngay", "tone or vowel mark") == "tone mark"
    assert fine_cause("điều", "điêu", "tone or vowel mark") == "tone mark"
    assert fine_cause("để", "đề", "tone or vowel mark") == "tone mark"
    assert fine_cause("đủ", "du", "tone or vowel mark") == "tone and vowel mark"
    assert fine_cause("2009", "2099", "letters confused") == "digits confused"
    assert fine_cause("lập", "tập", "letters confused") == "letters confused"
    assert fine_cause("UBND", "UBMD", "garbled") == "garbled"
    counts, lines = page_losses("năm 2009 thành lập", "năm 2099 thành tập", fine=True)
    assert counts == {"digits confused": 1, "letters confused": 1}
    assert lines[0]["lost"] == [("2009", "digits confused", "2099"), ("lập", "letters confused", "tập")]
