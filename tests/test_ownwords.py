"""A value judged by its own words (archivist/ownwords.py; bench/RESULTS.md, "Flags, session 48's round"): the
authority's box, confidence and faint-page judgement are its code's word's, not those of the body or position
written after it on its line; a faint number's label ``Số:`` is not judged as the number's word. A weak word of
the value itself still flags it."""

from __future__ import annotations

from archivist import classify
from archivist.classify import PageText
from archivist.extract import Metadata, extract
from archivist.faintflags import FAINT_NOTE, flag_faint
from archivist.fields import Field
from archivist.ownwords import authority_span, own_words
from tests.test_flag_evidence import FOOT, HEAD, _page


def _faint(conf: dict[str, float]) -> Metadata:
    """``extract`` of the fifth round's notice read on a faint page, its words at 95 but ``conf``'s."""
    page = _page(HEAD + FOOT, conf=conf)
    classify._LAST = None
    return extract([PageText(1, page.text, page.words, (FAINT_NOTE,), page.rivals)])


def test_the_code_opening_a_signature_line_is_where_the_authority_stands() -> None:
    assert authority_span("TM. ỦY BAN NHÂN DÂN") == (0, 3)
    assert authority_span("  KT. CHỦ TỊCH") == (2, 5)
    assert authority_span("TM.ỦY BAN NHÂN DÂN") == (0, 3)  # glued: the code's characters, the word overlapping them
    assert authority_span("TUQ. CHỦ TỊCH") == (0, 4)
    assert authority_span("CHỦ TỊCH") is None


def test_a_numbers_label_is_not_its_word_unless_it_is_all_there_is() -> None:
    words = [("Số:", 40.0, (0, 0, 10, 10), 0), ("110/TTr-UBND", 95.0, (12, 0, 90, 10), 0)]
    assert own_words("number_symbol", words) == words[1:]
    assert own_words("number_symbol", [("Sô;", 40.0, (0, 0, 10, 10), 0), *words[1:]]) == words[1:]
    assert own_words("number_symbol", words[:1]) == words[:1]
    assert own_words("subject", words) == words  # only the number has a label in its words
    # a stray digit beside the number is no label: it may be a digit the number lost
    stray = [("1", 40.0, (0, 0, 5, 10), 0), *words[1:]]
    assert own_words("number_symbol", stray) == stray


def test_a_faint_numbers_weak_label_leaves_it_unflagged_its_weak_digits_do_not() -> None:
    words = [("Số:", 60.0, (330, 330, 400, 370), 0), ("110/TTr-UBND", 95.0, (410, 330, 640, 370), 0)]
    page = PageText(1, "Số: 110/TTr-UBND", words, (FAINT_NOTE,))
    number = Field("110/TTr-UBND", 0.95, 1, (330, 330, 640, 370), "Số: 110/TTr-UBND")
    flag_faint({"number_symbol": number}, [page])
    assert number.review is None
    weak = PageText(1, page.text, [words[0], ("110/TTr-UBND", 80.0, words[1][2], 0)], (FAINT_NOTE,))
    flag_faint({"number_symbol": number}, [weak])
    assert number.review == "read on a faint page, '110/TTr-UBND' at OCR confidence 80"


def test_the_authority_is_judged_by_its_code_not_the_body_after_it() -> None:
    meta = _faint({"DÂN": 70.0})  # the body's word on the authority's line, faded
    auth = meta.authority
    assert auth.value == "TM." and auth.source_text == "TM."
    assert auth.review is None and "authority" not in meta.needs_review
    assert auth.confidence >= 0.85  # the code read at 95, CHỦ TỊCH below it: Decree 30's pair


def test_a_weakly_read_code_is_still_flagged() -> None:
    meta = _faint({"TM.": 70.0})
    assert meta.authority.review == "read on a faint page, 'TM.' at OCR confidence 70"
    assert "authority" in meta.needs_review
