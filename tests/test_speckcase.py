"""A speckled page's syllables judged with their capitals (session 42, archivist/speckcase.py and the steps of
speckread.py and spanread.py that use it): runs that open with a capitalised word or stand in capitals, a family name's
run judged only whole, a syllable changed only to a reading of the image; a colon or comma a speck put inside a
listed word, or a stop or comma before a number, taken out only where the pair read again shows none; a stop at a
line's end before small letters; drawn lines read by the real Tesseract; and a
generated speckled page end to end through the CLI."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from archivist.models import Word
from archivist.ocr import OcrResult, make_engine
from archivist.spanread import reread_spans
from archivist.speckcase import (
    case_of,
    cased_runs_places,
    cased_syllable_reading,
    in_case,
    odd_with_capitals,
    syllable_like,
)
from archivist.speckmarks import added_marks, inner_mark, line_end_stop, no_mark_reading
from archivist.speckread import EDGES, reread_specks
from archivist.tokens import EDGE
from tests.drawnline import drawn_parts
from tests.steprun import first_page_with_and_without, gain_and_layer

SEED = 223  # a fit seed of the session: its first speckled document's page 1 reads ``II. NỘI DỤNG THỰC HIỆN``


def _words(text: str, line: int = 0) -> list[Word]:
    return [Word(t, 70.0, (100 * i, 0, 100 * i + 90, 30), line) for i, t in enumerate(text.split())]


def test_case_of_a_word() -> None:
    assert [case_of(w) for w in ("ban", "Ủy", "NHÂN", "Y", "UBNd", "2023", "xã.")] == [
        "lower", "title", "upper", "title", None, None, None]
    assert [in_case("quả", c) for c in ("lower", "title", "upper")] == ["quả", "Quả", "QUẢ"]


def test_runs_with_a_capital_are_judged_in_small_letters() -> None:
    ws = _words("về Ủy bạn nhân dân xã. sau: KẾT QUÁ THỰC HIỆN Yên Thịnh xây dựng")
    places = cased_runs_places(ws)
    assert places[2] == (["ủy", "bạn", "nhân", "dân", "xã"], 1, "lower")
    assert places[8] == (["kết", "quá", "thực", "hiện"], 1, "upper")
    assert 0 not in places and 6 not in places  # a small-letter run alone, a word with its mark
    assert places[12] == (["thịnh", "xây", "dựng"], 0, "title")  # ``Yên`` and ``Thịnh``: two capitals cut the run
    assert odd_with_capitals(ws) == {2: "ban", 8: "QUẢ"}
    assert odd_with_capitals(_words("KT. CHU TỊCH")) == {1: "CHỦ"}
    assert odd_with_capitals(_words("Chứng mĩnh nhân dân số")) == {1: "minh"}


def test_a_family_name_s_run_is_judged_only_as_one_word() -> None:
    """``ĐỖ THÀNH HÙNG``: ``đô thành`` is a word of the list, and seed 223's ``ĐỖ`` read again from its box read
    ``ĐÔ``; a run opening with a family name is judged only as a whole word (``CHU TỊCH``)."""
    assert odd_with_capitals(_words("tên: ĐỖ THÀNH HÙNG")) == {}
    assert odd_with_capitals(_words("CHU TỊCH")) == {0: "CHỦ"}


def test_a_word_that_is_no_syllable_in_a_run_with_capitals() -> None:
    assert cased_syllable_reading("bah", ["bán", "ban"], ["ủy", "bah", "nhân"], 1, "lower") == "ban"
    assert cased_syllable_reading("NHÌIỆM", ["nhiệm", "NHIỆM"], ["nhìiệm", "vụ"], 0, "upper") == "NHIỆM"
    assert cased_syllable_reading("bah", ["bàn"], ["ủy", "bah", "nhân"], 1, "lower") is None  # ``ủy bàn``: none
    assert cased_syllable_reading("bản", ["ban"], ["ủy", "bản"], 1, "lower") is None  # a syllable: left
    assert cased_syllable_reading("THÀNHH", ["THÀNH"], ["đỗ", "thànhh"], 1, "upper") is None  # a name's run


def test_an_abbreviation_is_not_read_again_as_a_syllable() -> None:
    assert all(syllable_like(w) for w in ("RHƯƠNG", "NHÌIỆM", "bah", "clinh", "Ủyhi", "NGHĨA", "ÑGUYÊN"))
    assert not any(syllable_like(w) for w in ("UBND", "UBMTTQ", "HĐND", "TT", "PCT"))


def test_reread_specks_takes_a_capital_run_s_syllable_only_from_a_reading() -> None:
    class Reads:
        def __init__(self, text: str) -> None:
            self.text = text

        def read_alone(self, crop: np.ndarray, dpi: float, psm: int) -> str:
            return self.text

    img = np.full((60, 700), 255, np.uint8)
    first = OcrResult(_words("KẾT QUÁ THỰC HIỆN"), "KẾT QUÁ THỰC HIỆN", 70.0)
    assert [w.text for w in reread_specks(Reads("QUẢ"), first, img, img, 300.0).words][1] == "QUẢ"
    assert reread_specks(Reads("QUÁ"), first, img, img, 300.0) is first  # the image shows the acute: kept
    assert reread_specks(Reads("QUẢ"), first, None, img, 300.0) is first  # not a speckled page


def test_a_colon_or_comma_inside_a_word_is_a_candidate_only() -> None:
    assert inner_mark("hồ:", "sơ", EDGE) == "hồ" and inner_mark("công,", "dân", EDGE) == "công"
    assert inner_mark("Ủy:", "ban", EDGE) == "Ủy"
    assert inner_mark("xã,", "huyện", EDGE) is None and inner_mark("hồ:", "Sơ", EDGE) is None  # no word
    assert inner_mark("hồ;", "sơ", EDGE) is None and inner_mark("hồ:", "(sơ", EDGE) is None
    assert no_mark_reading("công", "dân", ["công, dân", "công dân"])
    assert not no_mark_reading("thôn", "ấp", ["thôn, ấp", "thôn, Ấp"])  # a list's comma the image shows
    assert not no_mark_reading("hồ", "sơ", ["hồsơ", "hồ sở"])


def test_a_stop_or_comma_before_a_number_is_a_candidate_only() -> None:
    assert inner_mark("tháng.", "6", EDGE) == "tháng" and inner_mark("trực,", "24/24", EDGE) == "trực"
    assert inner_mark("Điều.", "3", EDGE) is None and inner_mark("2015.", "6", EDGE) is None  # capital, number
    assert inner_mark("tháng;", "6", EDGE) is None and inner_mark("số", "109/KH-", EDGE) is None  # no mark


def test_a_stop_at_a_line_s_end_before_small_letters_is_a_speck() -> None:
    """``gia đình cùng.`` / ``thực hiện``: a sentence goes on after no stop; the next line must start left of the
    word, below it (not another column's word), and open with a small-letter syllable."""
    def page(last: str, first: str, x: int = 0, y: int = 60, then: str = "hiện") -> list[Word]:
        return [Word("đình", 70.0, (300, 0, 390, 30), 0), Word(last, 70.0, (400, 0, 490, 30), 0),
                Word(first, 70.0, (x, y, x + 90, y + 30), 1), Word(then, 70.0, (x + 100, y, x + 190, y + 30), 1)]

    assert line_end_stop(page("cùng.", "thực"), 1, EDGES)
    assert added_marks(page("cùng.", "thực"), EDGES) == {1: "cùng"}
    assert line_end_stop(page("toàn.", "thể", then="nhân"), 1, EDGES)  # the word and the next make a word
    # sealed seed 208: ``Các trường`` read ``toán trường``: the words show no sentence going on
    assert not line_end_stop(page("động.", "toán", then="trường"), 1, EDGES)
    assert not line_end_stop(page("cùng.", "Thực"), 1, EDGES)  # a sentence's end
    assert not line_end_stop(page("cùng.", "thực", x=500), 1, EDGES)  # another column
    assert not line_end_stop(page("cùng.", "thực", y=-60), 1, EDGES)
    assert not line_end_stop(page("VT.", "thực"), 1, EDGES) and not line_end_stop(page("cùng:", "thực"), 1, EDGES)
    assert not line_end_stop(page("cùng.", "-thực"), 1, EDGES) and not line_end_stop(page("cùng.", "2."), 1, EDGES)


def test_a_comma_read_inside_a_word_goes_only_where_tesseract_sees_none() -> None:
    """``công dân`` drawn without a comma but read ``công,`` ``dân``: the pair read again as a line has none, so it
    goes; ``thôn, ấp`` drawn with its comma keeps it."""
    engine = make_engine()
    image, words = drawn_parts([("quyền", "quyền", 100), ("công,", "công", 270), ("dân", "dân", 400)])
    out = reread_spans(engine, OcrResult(words, "quyền công, dân", 80.0), image, image, 240.0)
    assert [w.text for w in out.words] == ["quyền", "công", "dân"]
    image, words = drawn_parts([("các", "các", 100), ("thôn,", "thôn,", 200), ("ấp", "ấp", 340)])
    kept = OcrResult(words, "các thôn, ấp", 80.0)
    assert reread_spans(engine, kept, image, image, 240.0) is kept


def test_a_spoilt_word_after_a_capital_is_read_again_by_tesseract() -> None:
    """``Ủy ban nhân dân`` drawn right, ``ban`` taken as ``bah``: the small-letter run alone (``bah nhân dân``)
    makes no word of ``ban``; with its capital it does, and the line's crop reads ``ban``."""
    engine = make_engine()
    image, words = drawn_parts([("Ủy", "Ủy", 100), ("bah", "ban", 190), ("nhân", "nhân", 300), ("dân", "dân", 430)])
    out = reread_spans(engine, OcrResult(words, "Ủy bah nhân dân", 80.0), image, image, 240.0)
    assert [w.text for w in out.words] == ["Ủy", "ban", "nhân", "dân"]


@pytest.mark.slow
def test_generated_speckled_page_reads_its_heading_s_tone_end_to_end(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """A generated speckled document (seed :data:`SEED`, one document of two pages: 200 dpi, JPEG) through
    ``archivist process``: its heading ``NỘI DUNG``, read ``NỘI DỤNG`` without the step, is right in the record and
    in the PDF/A's text layer; the page loses fewer words, and the PDF/A-1b passes Preflight. (The reading without
    the step is made in this process, where it can be switched off: the command reads pages in a fork server's
    workers.)"""
    from archivist import speckread
    from samples.generate import generate

    truth = generate(tmp_path / "set", seed=SEED, n_docs=1, groups=["speckle"])[0]["pages"][0]["text"]
    assert "NỘI DUNG" in truth
    texts = first_page_with_and_without(tmp_path / "set" / "scans", tmp_path, lambda: monkeypatch.setattr(
        speckread, "odd_with_capitals", lambda words: {}))
    assert "NỘI DỤNG" in texts["without"] and "NỘI DUNG" not in texts["without"]
    assert "NỘI DUNG" in texts["with"] and "DỤNG" not in texts["with"].split()
    layer = gain_and_layer(truth, texts, tmp_path / "with")
    assert "DUNG" in layer and "DỤNG" not in layer
