"""A symbol, a date or a sum a speck broke in two on a speckled page, joined by grammar (archivist/speckjoin.py)."""

from __future__ import annotations

import numpy as np

from archivist.models import Word
from archivist.ocr import OcrResult
from archivist.speckjoin import join_speck_numbers, joined_text

SPECKLED = np.zeros((1, 1), dtype=np.uint8)  # stands for the page's unsmoothed image: the page is a speckled one


def _line(*texts: str, line: int = 0, gap: int = 8) -> list[Word]:
    """``texts`` as one line's words, left to right, ``gap`` pixels apart."""
    out, x = [], 10
    for t in texts:
        out.append(Word(t, 90.0, (x, 100, x + 12 * len(t), 124), line, baseline=120))
        x += 12 * len(t) + gap
    return out


def _texts(words: list[Word]) -> list[str]:
    out = join_speck_numbers(OcrResult(words, " ".join(w.text for w in words), 80.0), SPECKLED)
    return [w.text for w in out.words]


def test_a_symbol_broken_at_its_hyphen_or_slash_is_one_again() -> None:
    assert _texts(_line("Số:", "135/KH-", "UBND")) == ["Số:", "135/KH-UBND"]
    assert _texts(_line("Số:", "72/NQ-", "-", "HĐND")) == ["Số:", "72/NQ-HĐND"]  # a speck read as a second hyphen
    assert _texts(_line("số", "135/", "KH-UBND", "ngày")) == ["số", "135/KH-UBND", "ngày"]
    assert _texts(_line("(số", "111/KH", "-UBND)")) == ["(số", "111/KH-UBND)"]


def test_a_date_or_a_sum_broken_is_one_again() -> None:
    assert _texts(_line("ngày", "30/", "12/2006,")) == ["ngày", "30/12/2006,"]
    assert _texts(_line("ngày", "30/12/", "2006")) == ["ngày", "30/12/2006"]
    assert _texts(_line("là", "1.", "300.000", "đồng")) == ["là", "1.300.000", "đồng"]
    assert _texts(_line("là", "1.214.", "200.000;")) == ["là", "1.214.200.000;"]
    assert _texts(_line("khác:", "251.800", "000", "đồng;")) == ["khác:", "251.800.000", "đồng;"]  # its point lost


def test_what_the_grammar_allows_apart_stays() -> None:
    for texts in (("1.", "300.000", "đồng"),  # a list's number opens its line
                  ("Điều", "1.", "300.000"),  # a heading's number
                  ("05", "03/1981"),  # the slash lost: no join
                  ("30/", "13/2006"), ("32/12/", "2006"),  # no calendar's day and month
                  ("135/KH-", "Ủy"), ("135/KH-", "-", "ban"),  # no issuer after the hyphen
                  ("năm", "2021.", "300.000"),  # a year ends its sentence
                  ("251", "000"), ("2021", "300.000"),  # no point: no sum's grouping
                  ("tạ/", "ha")):
        words = _line(*texts)
        assert _texts(words) == list(texts), texts
        assert all(joined_text(words, k) is None for k in range(len(words))), texts


def test_parts_on_two_lines_or_out_of_order_stay() -> None:
    first, second = _line("Số:", "135/KH-"), _line("UBND", line=1)
    assert _texts([*first, *second]) == ["Số:", "135/KH-", "UBND"]
    tail, head = _line("UBND", "135/KH-")
    assert _texts([head, tail]) == ["135/KH-", "UBND"]  # read first, but standing to the right of the issuer


def test_the_joined_token_takes_both_boxes_and_the_lower_confidence() -> None:
    a, b = _line("30/", "12/2006,")
    b = Word(b.text, 61.0, b.bbox, b.line, baseline=b.baseline, rivals=((0, "7", 40.0, 30.0),))
    first = OcrResult([a, b], "30/ 12/2006,", 80.0)
    (joined,) = join_speck_numbers(first, SPECKLED).words
    assert joined.text == "30/12/2006,"
    assert joined.bbox == (a.bbox[0], a.bbox[1], b.bbox[2], b.bbox[3])
    assert joined.conf == 61.0
    assert joined.rivals == ((3, "7", 40.0, 30.0),)  # the doubted 1 of 12, where the joined token holds it
    assert join_speck_numbers(first, SPECKLED).text == "30/12/2006,"
    a, b = _line("251.800", "000")  # a sum's lost point put back: the last part's digits one further on
    b = Word(b.text, 61.0, b.bbox, b.line, baseline=b.baseline, rivals=((1, "8", 40.0, 30.0),))
    (joined,) = join_speck_numbers(OcrResult([a, b], "251.800 000", 80.0), SPECKLED).words
    assert joined.text == "251.800.000" and joined.rivals == ((9, "8", 40.0, 30.0),)
    assert joined.text[9] == b.text[1]


def test_a_page_not_speckled_is_left_alone() -> None:
    first = OcrResult(_line("Số:", "135/KH-", "UBND"), "Số: 135/KH- UBND", 80.0)
    assert join_speck_numbers(first, None) is first


def test_the_header_symbol_loses_a_speck_mark_after_it() -> None:
    assert _texts(_line("Số:", "114/GM-UBND,")) == ["Số:", "114/GM-UBND"]
    assert _texts(_line("Số:", "89/KH-HBND_.")) == ["Số:", "89/KH-HBND"]
    assert _texts(_line("Số:", "135/KH-", "UBND,")) == ["Số:", "135/KH-UBND"]  # joined, then trimmed
    for texts in (("số", "114/GM-UBND,", "ngày"),  # a symbol cited in the body keeps its comma
                  ("Số:", "03/1998."), ("Số:", "68,")):  # a register's number: no symbol
        assert _texts(_line(*texts)) == list(texts), texts
    label, symbol = _line("Số:", "114/GM-UBND,")
    assert _texts([label, Word(symbol.text, 90.0, symbol.bbox, 1)]) == ["Số:", "114/GM-UBND,"]  # not its line
