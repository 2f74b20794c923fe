"""Review flags, hundred-and-ninth round (issue 14 item 9, session 38, fitted on the fresh seed 131): a number read
apart from its slash, the slash's word read weakly and wider than its text by a digit (HG131 speckle-24-cv-221:
``221/UBND-TC`` read ``22`` and ``/UBND-TC`` at 57, the ``1`` touching the slash taken into that word's box, stored
``22/UBND-TC`` at 0.95 unflagged). The number and the number/symbol flagged, kept; nothing held out behind it."""

from __future__ import annotations

from archivist.fields import Field
from archivist.numberbox import slash_word_doubt
from archivist.ocrtext import PageText
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page

REASON = "'11' was read apart from '/TB-UBND', whose box is 1.0 digits wider than its text: a digit before the slash " \
    "may be lost"


def _apart(conf: float = 57.0, extra_px: int = 14, number: str = "11") -> PageText:
    """The test page (14 px a glyph: a typewriter's face, a digit 14 px) with its number read ``11 /TB-UBND``, the
    slash's word at ``conf`` and ``extra_px`` wider than its text."""
    rows = [[(x, t.replace("118/TB-UBND", f"{number} /TB-UBND")) for x, t in row] for row in HEAD + FOOT]
    page = _page(rows)
    words = [(w[0], conf, (w[2][0] - extra_px, *w[2][1:]), w[3]) if w[0] == "/TB-UBND" else w
             for w in page.words or []]
    return PageText(1, page.text, words, (), page.rivals)


def _field(page: PageText) -> Field:
    boxes = [w[2] for w in page.words or [] if w[0] in ("Số:", "11", "/TB-UBND", "118")]
    box = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
    return Field("11/TB-UBND", 0.95, 1, box, "Số: 11 /TB-UBND")


def test_a_number_read_apart_from_a_weak_wide_slash_word_is_doubted() -> None:
    page = _apart()
    assert slash_word_doubt(_field(page), [page]) == REASON


def test_a_sure_or_narrow_slash_word_or_a_number_read_whole_is_not_doubted() -> None:
    for page in (_apart(conf=90.0), _apart(extra_px=7), _apart(extra_px=0)):
        assert slash_word_doubt(_field(page), [page]) is None
    whole = _page(HEAD + FOOT)
    box = next(w[2] for w in whole.words or [] if w[0] == "118/TB-UBND")
    assert slash_word_doubt(Field("118/TB-UBND", 0.95, 1, box, "118/TB-UBND"), [whole]) is None


def test_the_number_is_flagged_and_kept_through_extract() -> None:
    meta = _extract(_apart())
    assert meta.number_symbol.value == "11/TB-UBND" and meta.number.value == "11"
    assert meta.number_symbol.review == meta.number.review == REASON and meta.symbol.review is None
    assert "number_symbol" in meta.needs_review
    right = _extract(_apart(conf=95.0, extra_px=0))
    assert right.number_symbol.value == "11/TB-UBND" and "number_symbol" not in right.needs_review
