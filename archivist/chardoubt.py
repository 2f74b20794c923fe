"""Review flags from the OCR engine's own doubt about single characters (issue 14 item 9).

Why: the wrong values left unflagged on pages nobody tuned on were mostly digits misread inside words
Tesseract was fairly sure of (``61/1996`` for ``01/1996``, ``2005`` for ``2006``, ``181`` for ``191``, at
word confidence 83-92), where the field's confidence stays over its review threshold. The word's
confidence hides which character was in doubt; the LSTM's choices do not: for each character it keeps the
other characters it weighed (``lstm_choice_mode`` 2, archivist/ocr.py :data:`Word.rivals`). A digit for
which another digit came close is evidence that the value holding it may be wrong, whatever the word's
confidence says. The same holds for a letter of the subject, free text that no grammar or list checks:
``thôi:`` for ``thôn`` with ``n`` a close second to ``:``, ``thỉ`` for ``thi``.
How close is measured on the accuracy bench (bench/RESULTS.md, "Flags on fresh pages (session 21)").
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from functools import cache
from typing import Any

from .faintflags import value_words
from .fields import Field
from .numsym import is_known_part
from .tokens import ALNUM

Box = tuple[int, int, int, int]
Rival = tuple[int, str, float, float]
#: a digit is in doubt when a rival digit's choice confidence came within this many points of its own
DIGIT_MARGIN = 30.0
#: the values whose digits are judged so (a number, a date, a register's entry)
DIGIT_FIELDS = ("number_symbol", "date", "event_date", "book", "entry")
#: a character is in doubt when a rival Vietnamese letter came within this many points of it
LETTER_MARGIN = 25.0
#: free text no grammar, list or lexicon checks: the subject. Names were judged so too and left out: on the
#: bench they flagged right names (seed 12 hard groups: signer 8.8% -> 20.6% of right ones) and no wrong one
LETTER_FIELDS = ("subject",)
#: names, judged apart (twenty-sixth round, the name-rival rule): a name is written once, so no second reading
#: answers a rival letter. By the coordinator's criteria (a wrong value caught that nothing else flags; every
#: field's right values flagged at most 15% on each seed, signer and person at most 10% on seeds 22-33), measured
#: at 20, 30 and 40 points (bench/RESULTS.md, "Flags, twenty-sixth round"): the signer at 30 (two wrong names
#: caught, right signers 5.6% -> 8.6%, at most 12.7% on a seed); the person left out, its 9-10 right values a
#: seed going over 15% with two flags at any margin (seed 28: 2 of 9 at 20)
NAME_FIELDS = ("signer",)
NAME_MARGIN = 30.0
#: lists of names, where a letter read in the wrong case names another body: the recipients
CASE_FIELDS = ("recipients",)
_VOWELS, _TONES = "aăâeêioôơuưy", ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")


@cache
def vietnamese_letters() -> frozenset[str]:
    """Every letter Vietnamese writes, with its tone marks, both cases (``Ñ``, ``ï``, ``Ð`` are not: a rival
    like that is a look-alike of the letter read, not another reading of it)."""
    small = {unicodedata.normalize("NFC", v + t) for v in _VOWELS for t in _TONES} | set("bcdđfghjklmnpqrstvwxz")
    return frozenset(small | {c.upper() for c in small})


def stored_rivals(page: dict) -> dict[Box, tuple[str, tuple[Rival, ...]]]:
    """A stored record page's ``words`` rivals (their eighth item) by word box, as :class:`PageText` holds them."""
    return {tuple(w[2:6]): (w[0], tuple(tuple(r) for r in w[7])) for w in page.get("words") or [] if len(w) > 7}


def digit_doubt(text: str, rivals: Sequence[Rival], margin: float = DIGIT_MARGIN) -> str | None:
    """Why a digit of the word ``text`` is in doubt: a digit read where the engine weighed another digit
    within ``margin`` points of it, or where a page rule set it (:func:`changed_digit_doubt`: the reason says so,
    not that the engine nearly read the first digit); None when no digit was in doubt. A rival equal to the digit
    stored (``'0' for '0' in '2207'``, seed 308) is no other reading and gives no reason of its own."""
    for at, rival, mine, theirs in rivals:
        if 0 <= at < len(text) and text[at].isdigit() and rival.isdigit() and rival != text[at] \
                and theirs >= mine - margin:
            return digit_reason(text, (at, rival, mine, theirs))
    return None


def digit_reason(text: str, rival: Rival) -> str:
    """What the rival digit ``rival`` of the word ``text`` says: that a page rule set the digit (its first reading
    kept of the same weight, :func:`changed_digit_doubt`), else that the engine nearly read the rival."""
    at, other = rival[0], rival[1]
    return changed_digit_doubt(text, [rival]) or f"the OCR nearly read '{other}' for '{text[at]}' in '{text}'"


def changed_digit_doubt(text: str, rivals: Sequence[Rival]) -> str | None:
    """Why a digit of ``text`` is in doubt because a page rule, not the engine, chose it: the digit first read kept
    as a rival of the same weight as the one stored (:func:`archivist.typedzero.zero_reading`: a typed ``0`` read
    ``8`` set back by its dot). Judged in every value that may hold a number, the subject too (``năm 2089``)."""
    for at, rival, mine, theirs in rivals:
        if 0 <= at < len(text) and text[at].isdigit() and rival.isdigit() and rival != text[at] and theirs == mine:
            return f"the digit '{text[at]}' of '{text}' was read '{rival}' and set by its glyph"
    return None


def letter_doubt(text: str, rivals: Sequence[Rival], margin: float = LETTER_MARGIN) -> str | None:
    """Why a character of ``text`` is in doubt: the engine weighed another Vietnamese letter for it within
    ``margin`` points (one the post-correction already chose, equal to the character now, is no doubt)."""
    for at, rival, mine, theirs in rivals:
        if 0 <= at < len(text) and rival != text[at] and rival in vietnamese_letters() and theirs >= mine - margin:
            return f"the OCR nearly read '{rival}' for '{text[at]}' in '{text}'"
    return None


def word_letter_doubt(text: str, rivals: Sequence[Rival]) -> str | None:
    """Why a letter of a subject's word ``text`` is in doubt: :func:`letter_doubt`, counting only the rivals that
    make a word Vietnamese uses (``bố`` for ``bổ``, ``Đông`` for ``Đồng``). The engine weighs each character
    alone, with no dictionary, and a rival letter that makes no word (``thỉ`` for ``thi``, ``tắng`` for ``tăng``)
    is no reading the printed subject could hold. A rival for a character that is no letter (``n`` for the ``:``
    of ``thôi:``, read for ``thôn``) still counts: the letter it stands for is lost. Twenty-eighth round, seeds
    22-35: 18 right subjects flagged for a rival making no word and 3 wrong ones, all 3 under the subject's
    threshold on their confidence alone. Without the model's word list (:func:`archivist.syllables.attested`
    empty) every rival counts, as before."""
    from .syllables import attested

    words = attested()
    worded = [r for r in rivals if not words or not (0 <= r[0] < len(text) and text[r[0]].isalpha())
              or token_at(text[:r[0]] + r[1] + text[r[0] + 1:], r[0]).lower() in words]
    return letter_doubt(text, worded)


def name_letter_doubt(text: str, rivals: Sequence[Rival]) -> str | None:
    """Why a letter of a name's word ``text`` is in doubt: :func:`letter_doubt` within NAME_MARGIN points (read at
    call time, so the bench can trace the margin's curve). Nothing on the page answers it: a name is written once
    (``Vần`` for ``Vân`` with ``â`` 29.7 points behind, ``Anh`` for ``Ánh`` with ``Ả`` 16 behind)."""
    return letter_doubt(text, rivals, NAME_MARGIN)


def case_doubt(text: str, rivals: Sequence[Rival], margin: float = LETTER_MARGIN) -> str | None:
    """Why the first letter of the plain word ``text`` (letters only, punctuation around them) is in doubt:
    the engine weighed the same letter in the other case within ``margin`` points (``Các`` with ``c`` 5
    points behind, in ``Chủ tịch, các PCT UBND xã``). A recipients list is free text whose case no rule
    restores, and a capital there reads as another body's name."""
    m = re.fullmatch(r"\W*([^\W\d_]{2,})\W*", text)
    for at, rival, mine, theirs in rivals if m else ():
        if at == m.start(1) and rival != text[at] and rival.lower() == text[at].lower() and theirs >= mine - margin:
            return f"the OCR nearly read '{rival}' for '{text[at]}' in '{text}'"
    return None


def flag_doubted(found: dict[str, Field], pages: Sequence[Any]) -> None:
    """Mark for review each value of ``found`` one of whose words holds a character in doubt: a digit in
    the DIGIT_FIELDS, a letter in the LETTER_FIELDS, a word's first letter's case in the CASE_FIELDS
    (``pages``: the document's :class:`archivist.ocrtext.PageText`, with their ``rivals``)."""
    from .nameanswer import name_unanswered

    by_page = {p.number: p for p in pages if getattr(p, "rivals", None)}
    seen = Counter(t.lower() for p in pages for t in ALNUM.findall(p.text))  # every word the document reads
    judges = [(name, digit_doubt) for name in DIGIT_FIELDS] + [(name, word_letter_doubt) for name in LETTER_FIELDS] \
        + [(name, case_doubt) for name in CASE_FIELDS] + [(name, name_letter_doubt) for name in NAME_FIELDS] \
        + [(name, changed_digit_doubt) for name in LETTER_FIELDS]
    for name, judge in judges:
        f = found.get(name)
        if f is None or f.review or f.value in (None, "", []) or f.page not in by_page:
            continue
        page = by_page[f.page]
        kept = value_tokens(f.value) if name in CASE_FIELDS else None
        for w in value_words(page.words, f):
            text, rivals = page.rivals.get(tuple(w[2]), (w[0], ()))
            if judge is word_letter_doubt and rivals and text == w[0]:  # only a word judged has its rivals sifted
                rivals = unsettled(text, rivals, str(f.value))
            if judge is name_letter_doubt and rivals:  # flags161: a rival spelling no name beside a listed one
                rivals = name_unanswered(text, rivals, str(f.value))
            if kept is not None and not value_tokens(text) <= kept:
                continue  # a word in the value's box that the value dropped (a speck, ``)jee``): no doubt of it
            if text == w[0] and (why := judge(text, rivals)):
                if judge is word_letter_doubt and read_elsewhere(text, rivals, seen, value_tokens(f.value)) \
                        and not phrase_read_otherwise(text, str(f.value), pages):
                    continue
                f.review = why
                break


#: the word a subject opens with (Decree 30: ``Về việc …``, ``Về kết quả …``); its rival (``Và``) opens none
SUBJECT_OPENING = "Về"


def unsettled(text: str, rivals: Sequence[Rival], value: str) -> list[Rival]:
    """The rivals of the subject's word ``text`` that neither the list of Vietnamese words answers
    (:func:`archivist.wordpairs.rival_settled`: ``vi phạm`` is a word, ``vỉ phạm`` none) nor the subject's
    opening: a rival for the ``Về`` the value opens with (``Và việc``) makes no subject's opening."""
    from .wordpairs import rival_settled

    first = value.split()[0] if value.split() else ""
    out = []
    for r in rivals:
        at, word = r[0], token_at(text, r[0])
        other = token_at(text[:at] + r[1] + text[at + 1:], at) if 0 <= at < len(text) else ""
        if word == first == SUBJECT_OPENING and text.strip() == first and other != word:
            continue
        if not (word.isalpha() and other.isalpha() and rival_settled(value, word, other)):
            out.append(r)
    return out


def value_tokens(value: object) -> set[str]:
    """The runs of letters and digits of a value (a list's items joined), to tell the words it keeps."""
    text = " ".join(v for v in value if isinstance(v, str)) if isinstance(value, list) else str(value)
    return set(ALNUM.findall(text))


def read_elsewhere(text: str, rivals: Sequence[Rival], seen: Counter[str], value: set[str]) -> bool:
    """Whether the doubt on a letter of the word ``text`` is answered by the rest of the document (``seen``:
    how often it reads each word; ``value``: the words of the value): the word is read alike outside the value,
    and no word its rivals would make (``nắm`` for ``năm``, ``dần`` for ``dân``) is read anywhere. A subject's
    common words (``năm``, ``dân``, ``buổi``) are read again and again in its text; a slip is read once."""
    word = token_at(text, next((m.start() for m in ALNUM.finditer(text)), 0)).lower()
    if not word or seen[word] <= (1 if word in {t.lower() for t in value} else 0):
        return False
    for at, rival, mine, theirs in rivals:
        if 0 <= at < len(text) and rival != text[at] and theirs >= mine - LETTER_MARGIN:
            other = token_at(text[:at] + rival + text[at + 1:], at).lower()
            if other != word and seen[other]:
                return False
    return True


def phrase_read_otherwise(text: str, value: str, pages: Sequence[Any]) -> bool:
    """Whether the document writes the value's phrase again with another word where ``text`` stands: the word
    after it in the value is read outside the value, but never after it. Then the word being read elsewhere
    (``đồng`` of ``Hội đồng``) does not answer the doubt on it: the second writing of the phrase (``Pönh Xuân``
    for ``Đồng Xuân``) does not agree. Twenty-fifth round: ``vụ Đồng Xuân`` for ``vụ Đông Xuân`` at 0.88."""
    own = [t.lower() for t in ALNUM.findall(value)]
    word = token_at(text, next((m.start() for m in ALNUM.finditer(text)), 0)).lower()
    nxt = [b for a, b in zip(own, own[1:], strict=False) if a == word]
    if len(nxt) != 1 or not nxt[0].isalpha():
        return False
    read = [t.lower() for p in pages for t in ALNUM.findall(p.text)]
    after = sum(1 for t in read if t == nxt[0]) - own.count(nxt[0])
    pair = sum(1 for a, b in zip(read, read[1:], strict=False) if (a, b) == (word, nxt[0])) - 1
    return after > 0 and pair <= 0


def token_at(text: str, at: int) -> str:
    """The run of letters and digits of ``text`` that holds position ``at`` (``BC`` in ``39/BC-UBND``)."""
    return next((m.group() for m in ALNUM.finditer(text) if m.start() <= at < m.end()), "")


def grammar_settles(text: str, rivals: Sequence[Rival]) -> bool:
    """Whether every character the engine weighed another for in the word ``text`` is one the number's
    grammar decides: no digit was in doubt (a rival for or as a digit within DIGIT_MARGIN points of it, as
    :func:`digit_doubt` judges; one further behind is none: ``6`` 39 points behind the ``8`` of
    ``25/2008/QĐ-UBND``, seventh round), and no letter's rival would make another known code of its part
    (``Ð`` for ``Đ`` in ``QĐ``, ``G`` for ``C`` in ``BC``, ``I`` for ``r`` in ``TTr``: ``QÐ``, ``BG``, ``TTI``
    are no code; ``P`` for ``B`` in ``TB`` would be ``TP``)."""
    for at, rival, mine, theirs in rivals:
        if not 0 <= at < len(text) or (text[at].isdigit() or rival.isdigit()) and theirs >= mine - DIGIT_MARGIN:
            return False
        other = token_at(text[:at] + rival + text[at + 1:], at)
        if other != token_at(text, at) and is_known_part(other):
            return False
    return True


#: a number's word read under this confidence (0-100) keeps its low confidence whatever the rivals say: the right
#: numbers settle_number answers were read at 36-63 (a speck or quote glued on); at 0-20, 19 of 26 on the fit basis
#: were wrong, and ``222/QĐ-UBND`` for ``22/QĐ-UBND`` (a digit read twice, word confidence 0) was settled at 0.95
#: (bench/RESULTS.md, "Numbers' digits (session 28)")
SETTLE_MIN_CONF = 20.0


#: a change that only took the punctuation after a code off (``TC. -> TC: marks or case the OCR lost``)
_STOP_OFF = re.compile(r"^'?(\S+?)[.,;:]+'? -> '?(\S+?)'?: ")


def _only_stopped(changes: Sequence[str]) -> bool:
    """Whether every change made to a number took only a full stop (or comma) after it off: the value is
    then as printed (``186/UBND-TC.``: a speck or the line's stop glued to the code)."""
    return all((m := _STOP_OFF.match(c)) is not None and m.group(1) == m.group(2) for c in changes)


def settle_number(fields: Sequence[Field], base: float, pages: Sequence[Any]) -> None:
    """Give a number/symbol (``fields``: number/symbol, number, symbol, read from the same words, judged on
    the first) its pattern's confidence ``base`` back when the OCR's low word confidence lies on
    nothing the value could be misread by: it was read as printed (no change but a stop after it taken off,
    :func:`_only_stopped`; no grammar decision; the caller checks that every symbol part is a known code)
    and the grammar settles every character the engine weighed another for (:func:`grammar_settles`).

    Why: on the bench pages right numbers read at word confidence 36-63 (a quote or speck glued to the
    word, ``Đ`` against its look-alike ``Ð``) were a quarter of the right numbers and flagged for it, while
    the wrong numbers there are wrong by a digit the engine weighed, or by a part no code is; those keep
    their flag (bench/RESULTS.md, "Flags, fifth round (session 22)")."""
    by_page = {p.number: p for p in pages if getattr(p, "rivals", None) and p.words}  # the engine's choices kept
    f = fields[0] if fields else None
    if f is None or f.review or not _only_stopped(f.changes) or f.confidence >= base or f.page not in by_page:
        return
    page = by_page[f.page]
    held = value_words(page.words, f)
    if any(w[1] < SETTLE_MIN_CONF for w in held if any(c.isdigit() for c in w[0])):
        return  # the engine was sure of nothing in the number's word: no glued speck explains that
    words = [(w[0], page.rivals.get(tuple(w[2]), (w[0], ()))) for w in held]
    if words and all(text == read and grammar_settles(text, rivals) for text, (read, rivals) in words):
        for g in fields:
            g.confidence = max(g.confidence, base)
