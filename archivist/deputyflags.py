"""A review flag for a signer's position stored without ``PHÓ`` while the signature block under it holds ``PHÓ``
(or ``KT.``, the authority a deputy signs under).

Why: a deputy signs ``KT. CHỦ TỊCH`` over ``PHÓ CHỦ TỊCH``; when a seal's ink or a signature's stroke runs over
the deputy's line, the engine reads it as debris (``"PHÓ HDD``) that no position list takes, and the position
stored is the line above without its ``KT.`` (``CHỦ TỊCH``): a real position, in capitals, at full confidence,
and wrong (HG69 seals-36-tb-152-kim-son, whose authority ``KT.`` was lost with it). ``CHỦ TỊCH`` is the chair's
position as written, so no word list tells; what tells is the block itself: a word ``PHÓ`` or ``KT`` in capitals
standing in the signature column at or under the stored position's line, above the signer's name. The value is
flagged, never changed: which line is the deputy's is the reviewer's to read.

Only the signature column counts (the words whose middle stands over the position's box widened by half its
width on each side): the recipients beside it hold place names that fold to ``pho`` (``Phổ Yên``, ``Phố``),
written in title case, which the capitals test also keeps out. On the fit basis (seeds 22-69 and HG47, 95 sets) it
newly flags that one wrong position and none of 3,461 right ones (bench/RESULTS.md, "Flags, fifty-ninth round
(session 30)").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .fields import Field
from .footer import Footer
from .ocrtext import Box, Line, fold_key, page_lines
from .parenthead import _distance

#: the folded words that make a signature block a deputy's: ``PHÓ`` and the authority ``KT.``
DEPUTY_WORDS = frozenset({"pho", "kt"})
#: how many lines under the position are the block's when the name is not on the position's page
BLOCK_LINES = 4


def _column_spans(lines: Sequence[Line], x0: float, x1: float) -> list[tuple[str, Box]]:
    """The words of ``lines`` whose box's middle stands between ``x0`` and ``x1``, with their boxes."""
    return [(ln.text[a:b], box) for ln in lines for a, b, box, _ in ln.spans if x0 <= (box[0] + box[2]) / 2 <= x1]


def _column_words(lines: Sequence[Line], x0: float, x1: float) -> list[str]:
    """The words of ``lines`` whose box's middle stands between ``x0`` and ``x1``."""
    return [word for word, _ in _column_spans(lines, x0, x1)]


def deputy_doubt(position: Field, footer: Footer | None, pages: Sequence[Any]) -> str | None:
    """Why ``position`` (stored without ``PHÓ``) may be a deputy's: a word ``PHÓ`` or ``KT`` in capitals in the
    signature column of ``footer``, on the position's line or under it, above the name. None when the position
    is a deputy's already, or without the words' boxes."""
    if not isinstance(position.value, str) or fold_key(position.value).split()[:1] == ["pho"]:
        return None
    pos = footer.positions[-1] if footer is not None and footer.positions else None
    box = pos.box() if pos is not None else None
    page = next((p for p in pages if pos is not None and p.number == pos.page), None)
    if pos is None or box is None or page is None:
        return None
    name = footer.name if footer is not None else None
    stop = name.index if name is not None and name.page == pos.page and name.index > pos.index \
        else pos.index + BLOCK_LINES + 1
    half = (box[2] - box[0]) / 2
    block = [ln for ln in page_lines(page) if pos.index <= ln.index < stop]
    for word in _column_words(block, box[0] - half, box[2] + half):
        if fold_key(word) in DEPUTY_WORDS and word.isupper():
            return (f"the signature block holds '{word}' at or under the position '{position.value}' stored without "
                    "'PHÓ': it may be a deputy's")
    return None


def repeated_doubt(position: Field, footer: Footer | None) -> str | None:
    """Why ``position`` (stored without ``PHÓ``, no authority read) may be a deputy's: a position line above it in
    its block reads the same position, alone or after marks with no letter (``⁄2 CHỦ TỊCH`` over ``CHỦ TỊCH``).

    Decree 30 never prints one position twice in a block; a deputy's block prints it twice but for two words,
    ``KT. CHỦ TỊCH`` over ``PHÓ CHỦ TỊCH``. Where a seal or a signature covers the left of both lines, both words
    are lost (read as one tall mark, ``⁄2``, or nothing) and the block reads the chair's position twice: HH371
    seals-36-kh-080, ``CHỦ TỊCH`` stored for ``PHÓ CHỦ TỊCH`` (bench/RESULTS.md, "Flags, hundred-and-fifth round
    onward (session 38)"). A line whose word before the position holds letters is another rule's
    (:func:`archivist.crosscheck.authority_lost_doubt`: ``/XT. CHỦ TỊCH``)."""
    if footer is None or footer.authority is not None or len(footer.positions) < 2 \
            or not isinstance(position.value, str) or fold_key(position.value).split()[:1] == ["pho"]:
        return None
    key = fold_key(position.value)
    for ln in footer.positions[:-1]:
        words = ln.text.split()
        while words and not any(c.isalpha() for c in words[0]):
            words.pop(0)
        if words and fold_key(" ".join(words)) == key:
            return (f"the line above the position reads '{ln.text.strip()}': one position printed twice is a "
                    f"deputy's block (KT. over PHÓ) whose 'KT.' and 'PHÓ' were not read")
    return None


def misread_repeat_doubt(position: Field, footer: Footer | None) -> str | None:
    """Why ``position`` (stored without ``PHÓ``, no authority read) may be a deputy's: a position line above it in
    its block reads ``KT.`` and the same position, each a letter off (``XT. CHẾ TỊCH`` over ``CHỦ TỊCH``).

    :func:`repeated_doubt` takes a repeat read letter for letter, and
    :func:`archivist.crosscheck.authority_lost_doubt` one after any short word with a dot; where the typewriter's
    worn keys cost the authority and the position one letter each, neither speaks and ``PHÓ``, lost under the
    line, leaves a chair's position at full confidence (HG321 typewriter-10-tb-052, ``CHỦ TỊCH`` stored for
    ``PHÓ CHỦ TỊCH``; bench/RESULTS.md, "Flags, hundred-and-sixty-fourth round"). Kept narrow: the first word
    within one letter of ``KT`` (so not ``TM``, ``TL`` or ``Q``, under which a position may stand alone) and the
    words after it, folded, within one letter of the position, word for word."""
    if footer is None or footer.authority is not None or len(footer.positions) < 2 \
            or not isinstance(position.value, str) or fold_key(position.value).split()[:1] == ["pho"]:
        return None
    key = fold_key(position.value)
    for ln in footer.positions[:-1]:
        words = fold_key(ln.text).split()
        rest = " ".join(words[1:])
        if len(words) > 1 and len(words[0]) <= 3 and _distance(words[0], "kt") <= 1 \
                and len(words) - 1 == len(key.split()) and _distance(rest, key) <= 1:
            return (f"the line above the position reads '{ln.text.strip()}': 'KT.' and the position again, misread "
                    "by a letter: a deputy's block (KT. over PHÓ) whose 'PHÓ' was not read")
    return None


def stacked_doubt(position: Field, footer: Footer | None, pages: Sequence[Any]) -> str | None:
    """Why ``position`` (stored without ``PHÓ``, no authority read) may be a deputy's: the page's words standing
    right above it in its column read the same position, though the block took no line there.

    :func:`repeated_doubt` reads the block's own position lines; a first line read on the row of ``Nơi nhận:``
    (with a mark between them: ``Nơi nhận: : š CHỦ TỊCH``) is cut away from the block with the label, so the
    block holds one position and the repeat goes unseen (HG176 speckle-19-qd-122-dong-son, ``CHỦ TỊCH`` over
    ``CHỦ TỊCH`` stored for ``PHÓ CHỦ TỊCH``; bench/RESULTS.md, "Flags, hundred-and-twenty-ninth round onward
    (session 41)"). The column is :func:`deputy_doubt`'s; the line is the nearest above with words in it, at most
    one line's height of paper over the position.

    The same words after ``KT.`` (flags132) are a deputy's authority read whole, yet no ``PHÓ`` under it: the
    footer took ``- KT. CHỦ TỊCH`` on the row of ``Nơi nhận:`` (a speck read as a bullet) for a recipient, so no
    authority was read and the block's position ``CHỦ TỊCH`` stood alone (HG204 speckle-21-tb-161-yen-thinh, for
    ``PHÓ CHỦ TỊCH``). Only ``KT.``: a chair signs under ``TM.``, and under ``Q.`` or ``TL.`` the position may stand
    without ``PHÓ``."""
    if footer is None or footer.authority is not None or not footer.positions \
            or not isinstance(position.value, str) or fold_key(position.value).split()[:1] == ["pho"]:
        return None
    pos = footer.positions[-1]
    box = pos.box()
    page = next((p for p in pages if p.number == pos.page), None)
    if box is None or page is None:
        return None
    half, tall = (box[2] - box[0]) / 2, box[3] - box[1]
    above = [ln for ln in page_lines(page) if ln.index < pos.index
             and _column_spans([ln], box[0] - half, box[2] + half)]
    if not above:
        return None
    spans = _column_spans([max(above, key=lambda ln: ln.index)], box[0] - half, box[2] + half)
    while spans and not any(c.isalpha() for c in spans[0][0]):
        spans.pop(0)
    read = " ".join(w for w, _ in spans)
    deputy = bool(spans) and fold_key(spans[0][0]) == "kt"
    if not spans or box[1] - max(bx[3] for _, bx in spans) > tall \
            or fold_key(" ".join(w for w, _ in spans[deputy:])) != fold_key(position.value):
        return None
    if deputy:
        return (f"the words over the position in its column read '{read}': a deputy signs under 'KT.', and the "
                "position stored has no 'PHÓ'")
    return (f"the words over the position in its column read '{read}' again: one position printed twice is a "
            "deputy's block (KT. over PHÓ) whose 'KT.' and 'PHÓ' were not read")


def flag_deputy(found: dict[str, Field], footer: Footer | None, pages: Sequence[Any]) -> None:
    """Mark for review a signer's position stored without ``PHÓ`` under which the signature column holds ``PHÓ``
    or ``KT`` (:func:`deputy_doubt`), or whose block reads it twice with no authority (:func:`repeated_doubt`, after
    ``KT.`` each a letter off: :func:`misread_repeat_doubt`, or the words over it in its column:
    :func:`stacked_doubt`)."""
    f = found.get("signer_position")
    if f is not None and not f.review:
        f.review = deputy_doubt(f, footer, pages) or repeated_doubt(f, footer) \
            or misread_repeat_doubt(f, footer) or stacked_doubt(f, footer, pages)
