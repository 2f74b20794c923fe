"""A faded page's national title and motto read back word for word where the rest of the line reads them.

Why: every Decree 30 page prints ``CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`` and ``Độc lập - Tự do - Hạnh phúc``, and on a
faded copy one or two of their words come out a letter off (``VIỆT RAM``, ``NAN``, ``UỘI``, ``NGHỸA``, ``Độc lận``,
``Tự đo``, ``dạnh phúc``): 14 of the 295 truth words the fit sets 315-317 lost were the title's and the motto's,
more than any one glyph slip (bench/RESULTS.md, "Faded pages, ninth round (session 45)"). No glyph test is needed
to read them: the neighbours are the evidence. Where a run of words stands for the title or the motto word for word
(as many words, in order), all but :data:`MOST_OFF` of them that word (:mod:`archivist.mottofix`'s test: the same
letters and marks in any case), each other word of the run within :data:`MOST_EDITS` of the printed word is read as
printed (``HÒA`` or ``HOÀ``, both printed: the one nearer the reading). A word missing from the run, or one more in
it, leaves the run as read: no word is made or dropped, and a box keeps its word.

The signer's position is printed the same way: ``CHỦ TỊCH`` (``KT. CHỦ TỊCH``, ``PHÓ CHỦ TỊCH``), and a faded copy's
hook over the ``U`` comes out an acute or another mark (``CHÚ TỊCH``: 8 of the 8 ``CH`` words with a mark-less ``U``
read before ``TỊCH`` on the dumped faded pages of sessions 41-45, 3 on the fit sets 315-317). No such phrase is
written, so a word in capitals that is ``CHU`` but for its marks, followed on its line by ``TỊCH`` read right, is read
``CHỦ`` (:func:`position_words`); the metadata already stored the position as ``CHỦ TỊCH`` from its closed list, the
text, the index and the layer kept ``CHÚ``. The other way round, the dot under the ``Ị`` comes out a second stem or a
symbol, or the ``H`` is lost (``TTCH``, ``TTICH``, ``TT{CH``, ``TỊC``: 5 of the 212 truth words the fit sets 415-417
lost; bench/RESULTS.md, "Faded pages, tenth round (session 47)"), so a word in capitals
within :data:`SEAT_EDITS` of ``TỊCH`` right after ``CHỦ`` (or ``CHU`` but for its marks) on its line is read ``TỊCH``
(:func:`seat_words`): after ``CHỦ`` in capitals only ``TỊCH`` and ``NGHĨA`` (the title's, five edits off) are printed.
"""

from __future__ import annotations

import unicodedata

from rapidfuzz.distance import Levenshtein

from .models import Word
from .mottofix import HEADINGS
from .ocr import OcrResult, nfc
from .restore import Prepared
from .tokens import EDGE, split_edges
from .typedcase import with_readings

#: At most this many words of a run may be other than the heading's (the rest read it).
MOST_OFF = 2
#: A word other than the heading's is read back only when within this many edits of it (case kept apart: ``RAM``,
#: ``lận``, ``Tư`` one; ``HỆT`` for ``HỘI`` two). A word further off is something else read there, kept.
MOST_EDITS = 2


def _same(read: str, printed: str) -> bool:
    """Whether ``read`` is ``printed`` but for case (:mod:`archivist.mottofix` gives the printed case)."""
    return read.lower() == printed.lower()


def _again(run: list[str], heading: tuple[tuple[str, ...], ...]) -> list[str | None] | None:
    """For a run of readings as long as ``heading``: each word to read again as printed (None where it reads it),
    or None where the run does not stand for the heading (:data:`MOST_OFF`, :data:`MOST_EDITS`)."""
    out: list[str | None] = []
    for read, spellings in zip(run, heading, strict=True):
        if any(_same(read, s) for s in spellings):
            out.append(None)
            continue
        best = min(spellings, key=lambda s: Levenshtein.distance(read, s))
        if Levenshtein.distance(read, best) > MOST_EDITS:
            return None
        out.append(best)
    return out if 0 < sum(a is not None for a in out) <= MOST_OFF else None


def heading_words(words: list[Word]) -> list[str | None]:
    """Each word of ``words`` to read as the title's or the motto's printed word (module docstring), None for the
    others: the first run (in reading order) that stands for each heading."""
    again: list[str | None] = [None] * len(words)
    texts = [nfc(w.text) for w in words]
    for heading in HEADINGS:
        n = len(heading)
        for k in range(len(texts) - n + 1):
            got = _again(texts[k:k + n], heading)
            if got is not None:
                again[k:k + n] = got
                break
    return again


#: The signer's position's first word as printed, the word after it, and its letters without marks.
CHAIR, SEAT, CHAIR_BARE = "CHỦ", "TỊCH", "CHU"


def _bare(text: str) -> str:
    """``text``'s letters without their marks (``CHÚ`` → ``CHU``; ``Đ`` is a letter of its own, kept)."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def position_words(words: list[Word]) -> list[str | None]:
    """Each word of ``words`` to read :data:`CHAIR`: a word in capitals that is :data:`CHAIR_BARE` but for its marks
    and not :data:`CHAIR` (``CHÚ``, ``CHŨ``), followed on its line by :data:`SEAT` read right; None for the others."""
    texts = [nfc(w.text) for w in words]
    return [CHAIR if t != CHAIR and _bare(t) == CHAIR_BARE and k + 1 < len(words) and texts[k + 1] == SEAT
            and words[k + 1].line == w.line else None for k, (t, w) in enumerate(zip(texts, words, strict=True))]


#: A word after the position's ``CHỦ`` is read :data:`SEAT` only within this many edits of it (``TTCH`` one,
#: ``TTICH`` and ``TT{CH`` two); ``NGHĨA``, the title's word after ``CHỦ``, is five off.
SEAT_EDITS = 2


def seat_words(words: list[Word]) -> list[str | None]:
    """Each word of ``words`` to read :data:`SEAT` (its edges kept: ``TTCH.`` → ``TỊCH.``): a word with no small letter,
    not :data:`SEAT`, within :data:`SEAT_EDITS` of it and opening with its ``T``, right after a word on its line that
    is :data:`CHAIR_BARE` but for its marks (``CHỦ``, ``CHÚ``); None for the others."""
    texts = [nfc(w.text) for w in words]
    out: list[str | None] = [None] * len(words)
    for k in range(1, len(words)):
        lead, core, trail = split_edges(texts[k], EDGE)
        if (core != SEAT and core[:1] == SEAT[0] and not any(c.islower() for c in core)
                and Levenshtein.distance(core, SEAT) <= SEAT_EDITS and words[k].line == words[k - 1].line
                and _bare(split_edges(texts[k - 1], EDGE)[1]) == CHAIR_BARE):
            out[k] = lead + SEAT + trail
    return out


def faded_headings(ocr: OcrResult, prep: Prepared) -> OcrResult:
    """A faded page's reading (``prep.before_contrast`` set) with its title's and motto's words read as printed
    (:func:`heading_words`) and the signer's position's ``TỊCH`` (:func:`seat_words`, first: ``CHÚ TTCH``'s ``CHÚ``
    then stands before ``TỊCH``) and ``CHỦ`` (:func:`position_words`); any other page as read.
    The boxes are kept."""
    if prep.before_contrast is None or not ocr.words:
        return ocr
    seated = with_readings(ocr, seat_words(ocr.words))
    return with_readings(seated, [a or b for a, b in zip(heading_words(seated.words), position_words(seated.words),
                                                           strict=True)])
