"""An issuer the place line confirms is not judged word by word after (archivist/confirmations.py,
``confirm_agreeing``; bench/RESULTS.md, "Flags, session 48's round"): on a faint page its weak ``DÂN`` flagged 18
right issuers on 20 stored runs and no wrong one (a misread word makes it no unit the place line names alike).
An issuer the place line names otherwise, or reads weakly, is judged as before."""

from __future__ import annotations

from archivist import classify
from archivist.classify import PageText
from archivist.extract import Metadata, extract
from archivist.faintflags import FAINT_NOTE
from tests.test_flag_evidence import FOOT, _page
from tests.test_flag_evidence20 import HEAD


def _faint_notice(place: str, conf: dict[str, float]) -> Metadata:
    rows = [[(x, t.format(place=place)) for x, t in row] for row in HEAD] + FOOT
    page = _page(rows, conf=conf)
    classify._LAST = None
    return extract([PageText(1, page.text, page.words, (FAINT_NOTE,), page.rivals)])


def test_a_faint_issuer_the_place_line_names_alike_is_not_flagged_for_its_weak_word() -> None:
    m = _faint_notice("Quỳnh Hậu", {"DÂN": 70.0})
    assert m.issuer.value == "ỦY BAN NHÂN DÂN XÃ QUỲNH HẬU"
    assert m.issuer.review is None and "issuer" not in m.needs_review


def test_a_faint_issuer_no_sure_place_line_names_alike_is_flagged() -> None:
    other = _faint_notice("Quỳnh Hưng", {"DÂN": 70.0})  # the place names another commune
    assert other.issuer.review == "read on a faint page, 'DÂN' at OCR confidence 70"
    unsure = _faint_notice("Quỳnh Hậu", {"DÂN": 70.0, "Hậu,": 60.0})  # the place line read weakly too
    assert "issuer" in unsure.needs_review
