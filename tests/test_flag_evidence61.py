"""Review flags, sixty-first round (issue 14 item 9): a number word read very weakly on a typewritten page is in
doubt even when both second readings of its box repeat it (HG73 typewriter-07-cv-240's ``249/UBND-TC`` for ``240``,
its word read at 20.5, read again ``249`` twice). Flagged, never changed; proportional pages keep their numbers."""

from __future__ import annotations

from types import SimpleNamespace

from archivist.fields import Field
from archivist.numberbox import advance
from archivist.sideflags import WEAK_TYPED, weak_typed_doubt
from tests.test_flag_evidence49 import _extract, _number_page

TEXT = ["Căn", "Luật", "Chính", "quyền", "phương", "nhân", "thành", "những", "người", "trong", "huyện"]


def _words(mono: bool, conf: float) -> list[tuple[str, float, tuple[int, int, int, int], int]]:
    """A line of sure words set in the typewriter's face (``mono``) or a proportional one (20 px an em), and the
    number word ``240/UBND-TC`` read at ``conf`` on the line above."""
    out, x = [("240/UBND-TC", conf, (100, 40, 100 + int(20 * advance("240/UBND-TC", mono)), 70), 0)], 100
    for w in TEXT:
        width = int(20 * advance(w, mono))
        out.append((w, 95.0, (x, 100, x + width, 130), 1))
        x += width + 10
    return out


def _doubt(mono: bool, conf: float) -> str | None:
    field = Field("240/UBND-TC", 0.95, page=1, bbox=(100, 40, 400, 70), source_text="240/UBND-TC")
    return weak_typed_doubt(field, "240", [SimpleNamespace(number=1, words=_words(mono, conf))])


def test_a_typed_number_word_read_under_the_threshold_is_doubted() -> None:
    why = _doubt(True, 20.5)
    assert why is not None and "read at 20" in why and "typewritten" in why


def test_a_proportional_page_or_a_word_read_at_the_threshold_is_not() -> None:
    assert _doubt(False, 20.5) is None  # on every page the threshold newly flagged 13 right numbers for 2 wrong
    assert _doubt(True, WEAK_TYPED) is None and _doubt(True, 60.0) is None


def test_through_extract_the_weak_typed_number_is_flagged_and_kept_whatever_its_readings() -> None:
    for reading in (None, (":118/", "Số: 118/TB-UBND.")):  # no second reading, or both repeating the number
        meta = _extract(_number_page(20.0, reading))
        assert meta.number_symbol.value == "118/TB-UBND" and meta.number.value == "118", reading
        assert "number_symbol" in meta.needs_review and "number" in meta.needs_review, reading
        assert "typewritten" in (meta.number_symbol.review or ""), reading
    sure = _extract(_number_page(40.0, (":118/", "Số: 118/TB-UBND.")))
    assert "typewritten" not in (sure.number_symbol.review or "")
