"""Review flags for a recipients list (``Nơi nhận:``), twelfth round of issue 14 item 9.

Why: a list's confidence is a flat 0.85 once it ends with the archive copy (``Lưu: VT``), so a list read
wrong in one item passes unless a check doubts it; all four wrong values left unflagged on seed 19 were lists.
Each rule below reads evidence the page itself gives that an item was misread, lost or taken from elsewhere:

- an item in capitals (``KT. CHỦ TỊCH``): Decree 30 writes a list's items in sentence case (``TT HĐND xã``),
  a signature block's lines (authority, position, body) in capitals, so the line came from the block beside.
- a list word the engine nearly read as another syllable (``mài`` with ``ờ`` 21 points behind its ``à``: the
  printed ``mời``): both readings are Vietnamese, so no syllable or word check can tell; the engine's own
  doubt can. :func:`archivist.chardoubt.case_doubt` judges a capital's case only.
- a bracket the list's lines as read open that no item keeps (``TT Đảng ủy xã (b/);`` read at confidence 11,
  dropped as debris): the ``(b/c)`` printed there was lost with it.
- a line on an item's row, right after it and inside the list's width, left out of the list (``VX.`` 100 px
  after ``Lưu:``, taken for a line of its own): the item lost its tail (``Lưu: VT`` for ``Lưu: VT, VX``).

Thirteenth round (right lists were flagged at 20.5%, mostly by ``UBMTTQ VN``'s ``VN`` counted as a misread
word; ``VN`` is now a known abbreviation, :data:`archivist.bodies.EXTRA_ABBREVIATIONS`). The two wrong lists
that flag alone had caught get evidence of their own:

- a level word with a capital inside an item (``UBMTTQ VN Xã``): Decree 30 writes ``xã``, ``huyện`` small
  after a body's code; a capital there is a misread case (11 wrong lists on the fit sets, no right one).
- the first item standing more than :data:`LABEL_GAP` line pitches below ``Nơi nhận:`` (AT19: ``- Như trên;``
  not read at all, a blank row where it stood): a line of the list was lost (7 wrong, no right one).

Sixteenth round: a list line that stands above the line read before it (HG23: a seal's ring read onto
``- TT Đảng ủy xã (b/c);`` made the engine's line reach below the next item's, so the two items were stored
in the wrong order). The items are right one by one; their order, which the archive keeps, is not.

Eighteenth round (seed 25's three wrong lists, all at 0.85 unflagged):

- an item that holds a ``;`` before more words (``TT Đảng ủy, HĐND xã; la``): Decree 30 closes each item with
  ``;``, so a line read after the close without a bullet is no continuation of it (debris, or an item whose
  bullet was lost). On the fit sets every such item was wrong (65, all flagged by other checks already).
- a word of two letters or more read inside the list's box, on an item's row, that no line of the list holds
  (a row read twice: ``- Lưu`` kept, the same row's ``Lưu VT, ĐC`` read again as another line and lost).
- a code in capitals that is no known abbreviation, for one of whose letters the engine weighed another
  within :data:`archivist.chardoubt.LETTER_MARGIN` points that makes a known one (``TY``, ``T`` 1.7 points
  behind the ``Y``: ``TT``). :func:`syllable_rival_doubt` judges small-letter syllables only.

Twenty-second round (AT29: ``- TT HĐND xã;`` read ``-TTHĐND.g.gC`` at confidence 0, dropped whole as debris,
and the list of three kept items stored at 0.85): an item dropped whole that holds a body's code of
four letters or more (``HĐND``, ``UBMTTQ``) was an item. Specks read as capitals (``-ÈLÁÄ/``, ``wMXN`` beside
right lists on the fit sets) hold no such code.

Thirtieth round (HG37: a speck read ``-Y^`` between two items, kept since a lone ``Y`` is a syllable, and the list
stored at 0.85): an item with no word of two letters or more is a speck, not a recipient.

The rules that read where the list's rows stand (the label gap, the row gap, the rows' order, a word lost after a
bullet) are in :mod:`archivist.listrows`; :func:`flag_list` calls them with the others.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from statistics import median_high
from typing import Any

from .bodies import abbreviations, is_debris, is_known
from .chardoubt import LETTER_MARGIN, token_at, value_tokens, vietnamese_letters
from .faintflags import value_words, word_tuples
from .fields import Field, open_recipients
from .footer import BULLET, Footer
from .itemslips import colon_note_doubt, phrase_slip_doubt, stock_item_doubt
from .itemtail import foreign_code_doubt, lost_tail_doubt
from .itemtwin import letter_twin_doubt
from .levelwords import capital_level
from .listrows import LABEL_GAP as LABEL_GAP  # the thresholds keep their names here, as before the move
from .listrows import ROW_GAP as ROW_GAP
from .listrows import _two_letters, label_gap_doubt, lost_head_doubt, order_doubt, row_gap_doubt
from .recipients import ITEM_EDGE
from .signwords import authority_of
from .syllables import is_syllable
from .widedebris import wide_debris_doubt


def signature_item_doubt(items: Sequence[str]) -> str | None:
    """Why the recipients are doubtful: an item is written in capitals (two words of letters at least, no
    small letter) or opens with an authority (``KT.``, ``TM.``): a signature block's line, not a recipient."""
    for item in items:
        words = [w for w in item.split() if _two_letters(w)]
        if authority_of(item) or len(words) >= 2 and not any(c.islower() for c in item):
            return f"'{item}' is written in capitals: a line of the signature block taken into the list"
    return None


def syllable_rival_doubt(text: str, rivals: Sequence[tuple[int, str, float, float]],
                         margin: float = LETTER_MARGIN) -> str | None:
    """Why the word ``text`` of a list is doubtful: a small-letter syllable of it for one of whose letters the
    engine weighed another letter, within ``margin`` points, that makes another syllable (``mài``/``mời``)."""
    for at, rival, mine, theirs in rivals:
        if not 0 <= at < len(text) or rival.lower() == text[at].lower() or rival not in vietnamese_letters() \
                or theirs < mine - margin:
            continue
        word, other = token_at(text, at), token_at(text[:at] + rival + text[at + 1:], at)
        if word.islower() and is_syllable(word) and is_syllable(other.lower()):
            return f"the OCR nearly read '{other}' for '{word}' in the list"
    return None


def bracket_lost_doubt(source: str, items: Sequence[str]) -> str | None:
    """Why the recipients are doubtful: the lines as read (``source``) open more brackets than the items keep,
    so a bracketed piece (``(b/c)``, for report) was dropped with the debris after an item."""
    if source.count("(") <= sum(i.count("(") for i in items):
        return None
    kept = " ".join(items)
    lost = next((w for w in source.split() if "(" in w and w.strip(";,.") not in kept), "(")
    return f"'{lost}' was read in the list and dropped: a bracketed piece of an item was lost"


#: the shortest body's code whose run inside a dropped line says an item stood there: three capitals (``TTH``,
#: ``BNG``) a speck's debris can make by chance
LOST_CODE_LETTERS = 4

#: :func:`archivist.recipients.read_recipients`' note of an item dropped whole
_DROPPED = re.compile(r"^'(.*)' dropped: OCR debris$", re.S)


def dropped_item_doubt(changes: Sequence[str]) -> str | None:
    """Why the recipients are doubtful: an item the reading dropped whole as debris (``changes``, the field's
    ``'TTHĐND.g.gC' dropped: OCR debris``) holds a known body's code of :data:`LOST_CODE_LETTERS` letters or
    more (``HĐND``): the engine read an item there, run together with specks, and the list lost it."""
    codes = [c for c in abbreviations() if sum(ch.isalpha() for ch in c) >= LOST_CODE_LETTERS]
    for change in changes:
        dropped = _DROPPED.match(change)
        if dropped and (code := next((c for c in codes if c in dropped.group(1)), None)):
            return f"'{dropped.group(1)}' holds '{code}' and was dropped: an item of the list was lost"
    return None


#: a unit's code as an archive copy lists it after ``Lưu: VT``, alone: ``VX.``, ``TC,``
_CODE = re.compile(r"^[A-ZĐ]{2,3}[.,;]?$")


def row_stray_doubt(footer: Footer) -> str | None:
    """Why the recipients are doubtful: a unit's code (``VX.``: two or three capitals, the archive copy's
    ``Lưu: VT, VX``) stands alone on an item's row, after it and before the list's right edge, and is not in
    the list (the item's tail taken for a line of its own). Other strays there (a speck read ``JấI``, the
    signature column's ``CHỦ-TỊCH`` reaching left) are no piece of an item: on the fit sets they stood beside
    right lists only."""
    boxes = [b for ln in footer.recipients if (b := ln.box())]
    if not boxes:
        return None
    right = max(b[2] for b in boxes)
    for ln in footer.strays:
        b = ln.box()
        if b is None or not _CODE.match(ln.text.strip()):
            continue
        mid = (b[1] + b[3]) / 2
        if any(r[1] <= mid <= r[3] and r[2] <= b[0] < right for r in boxes):
            return f"'{ln.text.strip()}' on an item's row was not read into the list"
    return None


def level_case_doubt(items: Sequence[str]) -> str | None:
    """Why the recipients are doubtful: a level word after an item's first word has a capital (``UBMTTQ VN
    Xã``), which Decree 30's lists never write there (``UBND xã``, ``UBND huyện Can Lộc``); items all in capitals
    are :func:`signature_item_doubt`'s."""
    for item in items:
        if capital_level(item.split()):
            return f"a level word in '{item}' has a capital: its case was misread"
    return None


def closed_item_doubt(items: Sequence[str]) -> str | None:
    """Why the recipients are doubtful: an item holds a ``;`` followed by more words: the item was closed
    there, and what was joined after it (a line without a bullet) is debris or an item whose bullet was lost."""
    for item in items:
        head, sep, tail = item.partition(";")
        if sep and re.search(r"[^\W_]", tail):
            return f"'{item}' goes on after its closing ';': a line without a bullet was joined to a closed item"
    return None


def speck_item_doubt(items: Sequence[str]) -> str | None:
    """Why the recipients are doubtful: an item holds no word of two letters or more (``-Y^``: a speck the
    engine read as a bullet, a letter and a mark). Every recipient names a body, a person or the archive copy
    by a word or a code of two letters at least (``Như trên``, ``TT``, ``Lưu: VT``), so an item of lone letters
    and marks is a speck taken for an item (``recipient_debris`` keeps it: a lone ``Y`` is a syllable). On seeds
    22-37 (922 lists stored) HG37's ``Y^`` was the only such item (thirtieth round)."""
    for item in items:
        if not any(len(re.findall(r"[^\W\d_]", w)) >= 2 for w in item.split()):
            return f"'{item}' holds no word of two letters: a speck read as an item of the list"
    return None


def lost_row_word_doubt(footer: Footer, items: Sequence[str], words: Sequence[Any]) -> str | None:
    """Why the recipients are doubtful: a word of two letters or more (``words``: the page's, as
    ``(text, conf, box, line)``) stands on a bulleted row of the list, wholly inside the list's width (from the
    left of the lines that hold an item to their right end), and no line of the list holds it: the engine read
    the row twice or cut a piece off it, and the list kept one reading. A speck or a bullet is no such word;
    a bulleted line of debris (``-N``, a seal's edge) widens nothing."""
    bulleted = [ln for ln in footer.recipients if BULLET.match(ln.text) and ln.box()]
    holding = [ln.box() for ln in bulleted if any(item in ln.text for item in items)]
    if not holding:
        return None
    page = bulleted[0].page
    left, right = min(b[0] for b in holding), max(b[2] for b in holding)
    held = {tuple(s[2]) for ln in (*footer.recipients, *footer.strays) for s in ln.spans}
    rows = [ln.box() for ln in bulleted if ln.page == page]
    for text, _conf, box, _line in word_tuples(words):
        y = (box[1] + box[3]) / 2
        if tuple(box) in held or len(re.findall(r"[^\W\d_]", text)) < 2 or box[0] < left or box[2] > right:
            continue
        if any(r[1] <= y <= r[3] for r in rows):
            return f"'{text}' was read on a row of the list and is in none of its lines: a piece of an item was lost"
    return None


def unknown_code_doubt(items: Sequence[str]) -> str | None:
    """Why the recipients are doubtful: an item holds a word of two letters or more in capitals that is no known
    abbreviation (``LI Đảng ủy, HĐND xã``: ``TT`` read ``LI`` at confidence 22, HG30). A list's items name
    bodies by their codes (``TT``, ``UBND``, ``HĐND``, ``VT``) and otherwise write small letters, so a capital
    run that no code spells is a code misread; on seeds 22-30 every list holding one was wrong (twenty-third
    round). Items all in capitals are :func:`signature_item_doubt`'s."""
    known = abbreviations()
    for item in items:
        for w in item.split():
            core = w.strip(ITEM_EDGE)
            if len(core) >= 2 and core.isalpha() and core.isupper() and core not in known:
                return f"'{core}' in '{item}' is in capitals and no known code: a code was misread"
    return None


def code_rival_doubt(text: str, rivals: Sequence[tuple[int, str, float, float]],
                     margin: float = LETTER_MARGIN) -> str | None:
    """Why the word ``text`` of a list is doubtful: a code in capitals (``TY``) that is no known abbreviation,
    for one of whose letters the engine weighed another, within ``margin`` points, that makes one (``TT``)."""
    known = abbreviations()
    for at, rival, mine, theirs in rivals:
        if not 0 <= at < len(text) or theirs < mine - margin or not rival.isupper():
            continue
        word, other = token_at(text, at), token_at(text[:at] + rival + text[at + 1:], at)
        if len(word) >= 2 and word.isupper() and word not in known and other in known:
            return f"the OCR nearly read '{other}' for '{word}' in the list"
    return None


def flag_list(found: dict[str, Field], footer: Footer | None, pages: Sequence[Any]) -> None:
    """Mark the recipients for review when one of this module's rules doubts them (``pages``: the document's
    :class:`archivist.ocrtext.PageText`, whose ``rivals`` :func:`syllable_rival_doubt` reads)."""
    if (got := open_recipients(found)) is None:
        return
    rec, items = got
    rec.review = signature_item_doubt(items) or level_case_doubt(items) or closed_item_doubt(items) \
        or speck_item_doubt(items) or colon_note_doubt(items) or phrase_slip_doubt(items) \
        or stock_item_doubt(items) or foreign_code_doubt(rec.changes) \
        or bracket_lost_doubt(rec.source_text or "", items) or lost_tail_doubt(rec.source_text or "", items) \
        or dropped_item_doubt(rec.changes) \
        or (row_stray_doubt(footer) or label_gap_doubt(footer) or order_doubt(footer, items)
            or lost_head_doubt(footer, items) if footer else None)
    listed = next((p for p in pages if footer and footer.recipients and p.number == footer.recipients[0].page), None)
    if not rec.review and listed is not None and footer:
        rec.review = lost_row_word_doubt(footer, items, listed.words or []) \
            or row_gap_doubt(footer, items, listed.words or [])
    page = next((p for p in pages if p.number == rec.page and getattr(p, "rivals", None)), None)
    if not rec.review and page is not None:
        kept = value_tokens(rec.value)
        for w in value_words(page.words, rec):
            text, rivals = page.rivals.get(tuple(w[2]), (w[0], ()))
            if text == w[0] and value_tokens(text) <= kept \
                    and (why := syllable_rival_doubt(text, rivals) or code_rival_doubt(text, rivals)):
                rec.review = why
                break
    rec.review = rec.review or wide_debris_doubt(rec, pages)  # a word dropped as debris in a box wider than it
    rec.review = rec.review or letter_twin_doubt(items, "\n".join(getattr(p, "text", "") or "" for p in pages))
    rec.review = rec.review or unknown_code_doubt(items)  # last: the engine's rival, when it had one, says more


def recipients_doubt(footer: Footer) -> str | None:
    """Why the recipients are doubtful: a line stands in their column, between or just above them, that
    was not read as one of them (its bullet lost: ``UBND huyện Lạng Giang;``)."""
    boxes = [b for ln in footer.recipients if (b := ln.box())]
    if not boxes:
        return None
    left, right = min(b[0] for b in boxes), max(b[2] for b in boxes)
    height = max(1, median_high(b[3] - b[1] for b in boxes))
    top, bottom = min(b[1] for b in boxes) - 2 * height, max(b[3] for b in boxes)
    for ln in footer.strays:
        b = ln.box()
        words = [w for w in ln.text.split() if not is_debris(w) and is_known(w) and _two_letters(w)]
        if b and len(words) >= 2 and b[0] < left + 0.3 * (right - left) and top <= (b[1] + b[3]) / 2 <= bottom:
            return f"the line '{ln.text.strip()}' beside them was not read as a recipient"
    return None


#: a list word read under this confidence, in a box this many times its words' height, swallowed a line.
#: 20 was tried (seventh round, session 22: a right list's ``VT.`` at 32 on seed 14) and left: on seed 15 a
#: list that lost two items had its ``VT,`` at 22, flagged only by this rule
SWALLOW_CONF, SWALLOW_HEIGHT = 50.0, 1.5


def swallowed_doubt(footer: Footer) -> str | None:
    """Why the recipients are doubtful: a word of them read weakly in a box much taller than the list's words
    (``trên;`` at confidence 3, 1.75 words tall): the ink of a line above or below it went into that word, so
    the line is not among the recipients (two items lost, on a page whose list reads whole otherwise)."""
    spans = [(ln.text[a:b], bx, c) for ln in footer.recipients for a, b, bx, c in ln.spans]
    heights = [bx[3] - bx[1] for t, bx, _ in spans if _two_letters(t)]
    if not heights:
        return None
    median = median_high(heights)
    for text, bx, conf in spans:
        word = text.strip(ITEM_EDGE)
        if conf < SWALLOW_CONF and bx[3] - bx[1] >= SWALLOW_HEIGHT * median and len(word) > 1 and is_known(word):
            return f"'{text}' read at confidence {conf:.0f} in a box {(bx[3] - bx[1]) / median:.1f} words tall: " \
                   "a line of the list may have gone into it"
    return None
