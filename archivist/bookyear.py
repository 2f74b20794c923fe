"""A register's event date outside its book's year (seventy-second round of issue 14 item 9).

Why: a register book (``SỔ ĐĂNG KÝ KHAI SINH``, ``Quyển số: 02/2008``) holds one year's registrations, and an
event registered in it happened that year or, a birth late in December registered in January, the year before.
AT90's register read its first entry's birth date ``23/08/2006`` for ``2008`` at 0.853: the digit read surely,
nothing else on the page doubting it. On the fit basis (seeds 22-80, 87-90, HG47) registers' event dates read
right lay in the book's year or the year before (17 the year before), none further; the one further (two years
before) is that misread. Extracts citing a book are left alone: their right dates too kept to the window (21 the
year before), but an extract of a late registration may cite an event years before its book, and the 6 misread ones
out of it there were flagged already. A book's own year read wrong: 16 wrong books, all flagged already.

A late registration (đăng ký khai sinh quá hạn) in a real register would be sent to review by this: a flag, no
value changed; the generated sets hold none.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .chardoubt import Rival
from .civil import BOOK_SHAPE, book_count_doubt
from .crosscheck import possible_year
from .dates import iso_date
from .digitglyphs import ZERO_READS
from .faintflags import value_words
from .fields import Field


def book_year_doubt(event_year: int, book_year: int) -> str | None:
    """Why a register's event date of ``event_year`` is doubtful in a book of ``book_year``: it is neither that
    year nor the year before (a year digit misread in one of the two)."""
    if event_year in (book_year, book_year - 1):
        return None
    return f"event year {event_year} in a register book of {book_year}: its events are of that year or the one before"


def flag_book_year(event: Field | None, book_year: int | None) -> None:
    """Mark a register's event date for review when its year is out of its book's (:func:`book_year_doubt`);
    ``book_year``: the register's book year (:func:`archivist.confirmations.register_year`), None on any other
    document. Flags only: the value and its confidence are kept."""
    day = iso_date(event.value) if event is not None else None
    if event is None or day is None or book_year is None or event.review:
        return
    event.review = book_year_doubt(day.year, book_year)


def entry_zero_doubt(entry: str, book: str) -> str | None:
    """Why a register entry ``entry`` (its number) is doubtful: it holds a ``6``, ``8`` or ``9`` and the book cited
    beside it is numbered as no book is (:func:`archivist.civil.book_count_doubt`: ``93/1996``, a leading ``0`` read
    as a loop digit) or carries a year a loop digit made impossible (:func:`year_zero_read`: ``03/2603``). The book
    and the entry are typed on neighbouring lines of the form in one face and one fading:
    where the book's ``0`` was read as a loop digit, the entry's loop digits may be ``0`` s too. HG96 faded-13
    khai-sinh-106: book ``93/1996`` (``03``), entry ``166`` for ``106`` at 0.817, no other doubt. On seeds 86-116 three
    entries held a loop digit beside a book so doubted: that one and two right ones, ``266`` flagged already and
    ``236`` (book ``92/2996``) flagged by this alone (bench/RESULTS.md, "Flags, ninetieth round onward (session
    35)"): a weak sign, one right entry a glance for each wrong one caught."""
    if not any(c in ZERO_READS for c in entry) or (book_count_doubt(book) is None and not year_zero_read(book)):
        return None
    return f"the book beside it, '{book}', had a 0 read as another digit; the entry's 6, 8 or 9 may be a 0 too"


def year_zero_read(book: str) -> bool:
    """Whether a register book's year (``03/2603``) is no possible year but one of its ``6``, ``8`` or ``9`` read as a
    ``0`` makes it one (``2003``): the book's ``0`` was read as a loop digit, as :func:`entry_zero_doubt` asks of the
    book's number. HG122 faded-15 khai-sinh-303: book ``03/2603`` (flagged for its year), entry ``363`` for ``303`` at
    0.83, no other doubt. On seeds 86-122 no other entry with a loop digit stood beside a book so read
    (bench/RESULTS.md, "Flags, ninety-sixth round onward (session 36)")."""
    return bool(BOOK_SHAPE.fullmatch(book)) and zero_mends(book.split("/", 1)[1])


def zero_mends(year: str) -> bool:
    """Whether the digits ``year`` are no possible year but one of their ``6``, ``8`` or ``9`` read as a ``0`` makes
    them one (``2603``: ``2003``), the sign of a ``0`` read as a loop digit."""
    return not possible_year(year) and any(possible_year(year[:i] + "0" + year[i + 1:])
                                           for i, c in enumerate(year) if c in ZERO_READS)


def flag_entry_zero(entry: Field | None, book: Field | None) -> None:
    """Mark a register entry for review by :func:`entry_zero_doubt`. Flags only: the value is kept."""
    if entry is None or book is None or entry.review or not isinstance(entry.value, str) \
            or not isinstance(book.value, str):
        return
    entry.review = entry_zero_doubt(entry.value, book.value)


def zero_set_back(text: str, rivals: Sequence[Rival]) -> bool:
    """Whether a ``0`` of the word ``text`` was first read as a ``6``, ``8`` or ``9`` and set back by a page rule, not
    the engine: its first reading kept as a rival of the same weight (:func:`archivist.typedzero.zero_reading`)."""
    return any(0 <= at < len(text) and text[at] == "0" and rival in ZERO_READS and theirs == mine
               for at, rival, mine, theirs in rivals)


def entry_loop_doubt(entry: str, book_words: Sequence[tuple[str, Sequence[Rival]]]) -> str | None:
    """Why a register entry ``entry`` is doubtful (flags160): it holds a ``6``, ``8`` or ``9`` and a ``0`` of the
    book beside it (``book_words``: its words as read, with their rivals) was read as one of those and set back by its
    glyph. The engine read that face's loops as other loops on these two lines; a page rule mends only a ``0``, so an
    entry's ``6`` read ``8`` stays. faded44 seed 284 ``283`` for ``263`` (book ``01/2002``, its ``0`` read ``6``),
    seed 286 ``228`` for ``229`` (``01/2003``, read ``9``), session 43's seed 253 ``283`` for ``293`` (``02/1990``):
    each entry's word read at 92-96 with no rival digit, no other doubt. A book's ``0`` merely weighed against a loop
    digit (no mend) is no sign: it flagged two more right entries and no more wrong ones (bench/RESULTS.md, "Register
    entry numbers one digit off (session 44, second round)")."""
    if not any(c in ZERO_READS for c in entry) or not any(zero_set_back(t, r) for t, r in book_words):
        return None
    return f"a 0 of the book beside it was read as a 6, 8 or 9; the entry's '{entry}' may hold a loop digit misread"


def flag_entry_loop(entry: Field | None, book: Field | None, pages: Sequence[Any]) -> None:
    """Mark a register entry for review by :func:`entry_loop_doubt` (``pages``: the document's
    :class:`archivist.ocrtext.PageText`, with their ``rivals``). Flags only: the value is kept."""
    if entry is None or book is None or entry.review or not isinstance(entry.value, str):
        return
    page = next((p for p in pages if p.number == book.page and getattr(p, "rivals", None)), None)
    if page is None:
        return
    words = [page.rivals.get(tuple(w[2]), (w[0], ())) for w in value_words(page.words, book)]
    entry.review = entry_loop_doubt(entry.value, words)
