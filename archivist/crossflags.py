"""Review flags for a value that another field of the same document puts in doubt (fifty-fifth round of issue 14
item 9).

Why: on the fit basis of session 30 (seeds 22-65 and HG47) these values were stored wrong without a flag, each
read at a confidence no threshold may doubt (bench/RESULTS.md, "Flags, fifty-fifth round (session 30)"):

- HG64 typewriter-08 bb-238's subject ``… hộ cận nghèo năm 2008`` for ``năm 2009`` (0.734): a typed ``9`` read
  ``8``. The subject's year is a year from the date's and the page may plan for the next year, so
  :func:`archivist.agreement.subject_year_slip` leaves it; but the date itself was read ``năm 2099`` and read back
  to 2009: the page's typed year digits are known misread, and a subject year one confused digit from the date's
  that the text writes nowhere else is then no plan but a second slip (:func:`readback_year_doubt`).
- HG65 speckle-23 ket-hon-136's person ``Lâm Ngọc Ánh`` for ``Lê Tiến Hải`` (0.786): the first party's name line,
  its label specked (``ˆ_Họ, chữ đệm, tên; LÊ TIẾN HẢI``), was taken as the subject, so the person was read from
  the other party's line. A subject holding a form's name label and another name than the person's says the
  person's line was not the form's first (:func:`name_line_doubt`).
- HG65 faded-15 cv-007's number ``67/UBND-ĐC`` for ``07`` (0.95): a faded ``0`` read ``6``. The page stage's glyph
  comparison found the ``6`` more like the page's ``0`` s (0.743) than its ``6`` s (0.712), under the
  :data:`archivist.digitglyphs.LIKE` a clean page needs: a faint page's glyphs correlate less with every
  rendering, so there another digit beating the one read is the evidence (:func:`faint_glyph_doubt`).

All only flag; the values stay as read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from .agreement import SUBJECT_YEAR
from .articleref import flag_article_ref
from .crosscheck import possible_year
from .dates import digit_variants
from .dayglyph import reread_guess
from .digitglyphs import digits_at
from .faintflags import FAINT_NOTE
from .fields import Field
from .itemcut import flag_cut_item
from .markchange import flag_changed_marks, flag_guessed_marks
from .numberbox import doubt_number
from .numberread import box_reading
from .recordorder import flag_recorded_order
from .textnorm import fold

#: a form's name label and the name after it, on folded text (``ho, chu dem, ten: le tien hai``)
_NAME_LINE = re.compile(r"(?<![^\W_])ho\W{0,3}(?:chu\s*dem\W{0,3}(?:va\s*)?ten|va\s*ten|ten)\s*[:;]\s*"
                        r"(?P<name>[^\W\d_][^\d:;]*)")
#: on a faint page, the other digit's correlation must reach this: below it the glyph is a speck's or a blur's
FAINT_LIKE = 0.7


def readback_year_doubt(subject: str, day: Field, text: str) -> str | None:
    """Why the subject is doubtful: the date's year was read back from digits that are no year (``năm 2099`` stored
    2009: the page's year digits are misread), and the subject names a possible year one confused digit from the
    date's (``2008``), at any distance, that the text writes nowhere else."""
    if not isinstance(day.value, str) or not day.value[:4].isdigit():
        return None
    year, read = day.value[:4], re.findall(r"(?<!\d)\d{4}(?!\d)", day.source_text)
    if not read or year in read:
        return None
    for m in SUBJECT_YEAR.finditer(subject):
        y = m.group(1)
        if y != year and possible_year(y) and y in digit_variants(year) and text.count(y) <= subject.count(y):
            return (f"the subject's year {y} is the date's {year} with a digit misread, and the date itself was "
                    f"read '{read[0]}': the page's year digits are misread")
    return None


def name_line_doubt(subject: str, person: str) -> str | None:
    """Why the person is doubtful: the subject holds a form's name line (``Họ, chữ đệm, tên: LÊ TIẾN HẢI``) naming
    another than the person: that line was taken for the subject, and the person read from a later one."""
    m = _NAME_LINE.search(fold(subject))
    if m is None:
        return None
    named, mine = m.group("name").split(), fold(person).split()
    if not mine or named[:len(mine)] == mine:
        return None
    return f"the subject holds a form's name line ('{subject.strip()}') naming another: the person's is a later one"


def faint_glyph_doubt(judged: Sequence[dict], number: str) -> str | None:
    """Why ``number`` read on a faint page may hold a misread digit: one of its digits looks like the page's
    renderings of another digit at FAINT_LIKE or more, and more than like the page's renderings of its own."""
    for w in judged:
        text, at = w["text"], digits_at(w["text"], number)
        if at is None:
            continue
        for i, own, digit, other in w["digits"]:
            if at <= i < at + len(number) and own is not None and other >= FAINT_LIKE and other > own:
                return (f"the number's '{text[i]}' looks more like the faint page's '{digit}' ({other:.3f}) "
                        f"than like its '{text[i]}' ({own:.3f})")
        return None
    return None


def flag_crossed(found: dict[str, Field], text: str, pages: Sequence[Any]) -> None:
    """Mark for review a subject whose year a read-back date puts in doubt, a person whose form's name line the
    subject took, a number on a faint page with a digit more like another digit of the page, a civil form's date
    before what it records (:mod:`archivist.recordorder`), a recipients item naming an article the document does
    not have (:mod:`archivist.articleref`) or cut short after a word that opens another (:mod:`archivist.itemcut`), a
    subject's name whose marks were changed from the engine's reading or a signer's whose lost marks were guessed
    (:mod:`archivist.markchange`);
    first, a guessed impossible day or month set by the engine's own second glyph (:mod:`archivist.dayglyph`)."""
    for name in ("date", "event_date"):  # a day no calendar has, repaired by the engine's second glyph for it
        reread_guess(found.get(name), pages)
    flag_recorded_order(found, text)
    flag_article_ref(found, text)
    flag_cut_item(found)
    flag_changed_marks(found, pages)  # a subject's name whose marks were changed after the engine read it
    flag_guessed_marks(found, pages)  # a signer's name word whose lost marks the lexicon gives back two ways
    subj, day, person = found.get("subject"), found.get("date"), found.get("person")
    if subj is not None and isinstance(subj.value, str) and not subj.review and day is not None:
        subj.review = readback_year_doubt(subj.value, day, text)
    if person is not None and isinstance(person.value, str) and not person.review \
            and subj is not None and isinstance(subj.value, str):
        person.review = name_line_doubt(subj.value, person.value)
    ns, number = found.get("number_symbol"), found.get("number")
    if ns is None or number is None or not isinstance(number.value, str):
        return
    faint = any(p.number == ns.page and FAINT_NOTE in getattr(p, "notes", ()) for p in pages)
    if faint and (got := box_reading(ns, pages)) and got.get("glyphs"):
        doubt_number(ns, number, faint_glyph_doubt(got["glyphs"], number.value))
