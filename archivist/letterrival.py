"""A number's digit the engine weighed a letter for, the letter it weighed for another digit on the same page, as a
review flag (flags125, issue 14 item 9).

Why: a typed digit misread as another digit at full confidence leaves the engine no rival digit, so
:func:`archivist.chardoubt.settle_number` gives the number its pattern's confidence back, and when both second
readings of the box repeat the misread (:mod:`archivist.numberread`) nothing flags it. HG138
typewriter-12-bc-014-trung-nghia stored ``44/BC-UBND`` for ``14/BC-UBND`` at 0.95: the typed ``1`` read ``4``, the
engine's only other choice for it ``i`` (52.8 against 91.0, a letter: no digit in doubt), both second readings
``44``. The page tells what that ``i`` stands for: on the same page the engine weighed ``i`` for the typed ``1`` of
``1.`` (the body's first heading). A letter the engine weighs for one digit of this face is that digit's look-alike
on this page; weighed for a digit read otherwise, it says the digit may be the other one. HG136
faded-17-kh-004's ``64`` for ``04`` is the same evidence: ``Ø`` weighed for its ``6`` and for the ``0`` of ``2010``.

Measured on the 36 processed sets on this machine (590 stored numbers, bench/RESULTS.md "The sealed pair 137-138's
two cases (session 40)"): 8 numbers had a letter weighed for one of their digits; the page weighed the same letter
for another digit on 2, both wrong (HG138's, and HG136's flagged already), and on no right number. A thin basis:
the rule reads the engine's own choices only, never a value.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .digitglyphs import digits_at
from .faintflags import value_words
from .fields import Field
from .numberbox import doubt_number

Rival = tuple[int, str, float, float]


def page_letter_digits(page: Any, skip: set[tuple]) -> dict[str, set[str]]:
    """Per letter, the digits the engine weighed it for in the page's words (``page.rivals``: box -> (word,
    rivals)) whose box is not in ``skip`` (the value's own words)."""
    out: dict[str, set[str]] = {}
    for box, (text, rivals) in (getattr(page, "rivals", None) or {}).items():
        if tuple(box) in skip:
            continue
        for at, rival, _mine, _theirs in rivals:
            if 0 <= at < len(text) and text[at].isdigit() and rival.isalpha():
                out.setdefault(rival, set()).add(text[at])
    return out


def letter_rival_doubt(text: str, rivals: Sequence[Rival], number: str, elsewhere: dict[str, set[str]]) -> str | None:
    """Why ``number`` (read in the word ``text``, whose ``rivals`` the engine weighed) may hold a misread digit: for
    one of its digits the engine weighed a letter it weighed for another digit elsewhere on the page
    (``elsewhere``: :func:`page_letter_digits`)."""
    at = digits_at(text, number)
    if at is None:
        return None
    for k, rival, mine, theirs in rivals:
        if not at <= k < at + len(number) or not rival.isalpha():
            continue
        others = sorted(elsewhere.get(rival, set()) - {text[k]})
        if others:
            return (f"the OCR weighed '{rival}' for the number's '{text[k]}' ({theirs:.0f} against {mine:.0f}), as it "
                    f"did for the page's '{others[0]}': the '{text[k]}' may be a '{others[0]}'")
    return None


def flag_letter_rival(number_symbol: Field, number: Field, pages: Sequence[Any]) -> None:
    """Flag the number and the number/symbol by :func:`letter_rival_doubt` (an earlier reason kept; not judged when
    flagged already). The value is never changed."""
    if number_symbol.review or not isinstance(number.value, str) or not number.value:
        return
    page = next((p for p in pages if p.number == number_symbol.page and getattr(p, "rivals", None)), None)
    if page is None:
        return
    held = value_words(page.words or [], number_symbol)
    elsewhere = page_letter_digits(page, {tuple(w[2]) for w in held})
    for w in held:
        text, rivals = page.rivals.get(tuple(w[2]), (w[0], ()))
        if text == w[0] and (why := letter_rival_doubt(text, rivals, number.value, elsewhere)):
            doubt_number(number_symbol, number, why)
            return
