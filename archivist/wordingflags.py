"""Review flags from how Vietnamese writes a word: a body's fixed wording and the case a word takes (nineteenth
round of issue 14 item 9).

Why: on seed 26 wrong values stood unflagged at 0.71-0.76, each word read by the engine with fair confidence,
each a real syllable, so neither the syllable checks nor the word confidences could doubt them:

- a body's fixed wording misread by one letter (``ỦY BAN NHÂN BÂN XÃ MỸ ĐỨC``): ``ỦY BAN NHÂN DÂN`` and
  ``HỘI ĐỒNG NHÂN DÂN`` are written so on every commune document (Decree 30), so a head one letter away from them
  is the fixed wording misread, and the pattern, not the pixels, decides the letter: it is restored and flagged;
- a capital inside running small-letter text (``do mưa Lũ và``): a word written with a capital there opens a
  name or a body's name, and Tesseract's own ``vie`` word list holds such words in capitals (``Ủy``, ``Tổ``,
  ``Nhà``); a word the list knows in small letters only, read with a capital between small-letter words, is a
  small letter misread (a typewriter's ``l`` read ``L``). A place's or person's name writes every syllable with
  a capital (``bản Lùng Vai``), so a capital followed by another is left alone.

Not kept (nineteenth round): doubting a name's syllable the word list holds in capitals only with another mark
(``Vần`` for ``Vân``). The list knows few names: it doubts common names of the province's peoples (``Giàng``,
``Sùng``, ``Thào``, ``Lù``) and Kinh ones (``Tỵ``, ``Gấm``) as readily as a misread mark.
"""

from __future__ import annotations

import re

from .fields import Field
from .lexicon import LETTERS
from .syllables import attested, fold_marks, model_list
from .textnorm import normalize
from .tokens import EDGE as _EDGE
from .wordpairs import canon, entries

#: the fixed heads of the commune's bodies' names, each word with the spellings in use (``UỶ``, the old place
#: of the tone mark, is as right as ``ỦY``)
FIXED_HEADS: tuple[tuple[tuple[str, ...], ...], ...] = (
    (("ỦY", "UỶ"), ("BAN",), ("NHÂN",), ("DÂN",)),
    (("HỘI",), ("ĐỒNG",), ("NHÂN",), ("DÂN",)),
)
#: the fields that hold a body's name in capitals
BODY_FIELDS = ("issuer", "parent_issuer")


def _one_letter_off(read: str, spelled: str) -> bool:
    """Whether ``read`` is ``spelled`` with at most one letter changed, marks aside (``BÂN``/``DÂN``)."""
    a, b = fold_marks(read), fold_marks(spelled)
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) <= 1


def _fragment(read: str, spelled: str) -> bool:
    """Whether ``read`` is what is left of ``spelled`` with letters lost from its end or one lost inside, marks
    and the stroke of ``Đ`` aside (``D``, ``DÂ``, ``ĐÂ`` for ``DÂN``; not ``XÃ``)."""
    a, b = (fold_marks(w).replace("Đ", "D") for w in (read, spelled))
    return bool(a) and len(a) < len(b) and (b.startswith(a) or any(a == b[:i] + b[i + 1:] for i in range(len(b))))


def fixed_head_fix(value: str) -> tuple[str, str] | None:
    """``value`` with its fixed head restored and what changed, when its first words are a body's fixed
    wording with one word one letter (or a mark) off (``ỦY BAN NHÂN BÂN XÃ …``); None when they are the
    wording as written, or too far from it to be it (``ỦY BAN MẶT TRẬN …``)."""
    words = normalize(value).split()
    for head in FIXED_HEADS:
        if len(words) < len(head):
            continue
        read = words[:len(head)]
        off = [i for i, (w, forms) in enumerate(zip(read, head, strict=True)) if w.upper() not in forms]
        if len(off) == 1 and _one_letter_off(read[off[0]].upper(), head[off[0]][0]):
            i = off[0]
            fixed = " ".join(words[:i] + [head[i][0]] + words[i + 1:])
            return fixed, f"'{read[i]}' restored to '{head[i][0]}': '{' '.join(f[0] for f in head)}' is fixed wording"
    return None


def lost_head_word_fix(value: str) -> tuple[str, str] | None:
    """``value`` with the last word of its fixed head put back and what changed, when it opens with all of a
    fixed head but that last word and goes on with another word (``ỦY BAN NHÂN XÃ PHÚ LƯƠNG``: ``DÂN`` read as a
    lone ``D`` and dropped, HG30). No body is named ``ỦY BAN NHÂN …`` or ``HỘI ĐỒNG NHÂN …`` without ``DÂN``;
    a head cut earlier (``ỦY BAN MẶT TRẬN …``) is another body, and a last word one letter off is
    :func:`fixed_head_fix`'s."""
    words = normalize(value).split()
    for head in FIXED_HEADS:
        n = len(head) - 1
        if len(words) <= n or any(w.upper() not in forms for w, forms in zip(words[:n], head, strict=False)):
            continue
        if words[n].upper() in head[n] or _one_letter_off(words[n].upper(), head[n][0]):
            return None
        wording = " ".join(f[0] for f in head)
        if _fragment(words[n].upper(), head[n][0]):  # ``DÂ``, ``ĐÂ``: the word itself, letters short
            fixed = " ".join(words[:n] + [head[n][0]] + words[n + 1:])
            return fixed, f"'{words[n]}' restored to '{head[n][0]}': '{wording}' is fixed wording"
        fixed = " ".join(words[:n] + [head[n][0]] + words[n:])
        return fixed, f"'{head[n][0]}' put back after '{' '.join(words[:n])}': '{wording}' is fixed wording"
    return None


#: the fixed opening of a subject (``trích yếu``) of a decision or a letter (Decree 30): ``Về việc …``
SUBJECT_OPENING = ("Về", "việc")


def subject_opening_fix(value: str) -> tuple[str, str] | None:
    """``value`` with its opening restored, when it opens with a word one letter (or a mark) off ``Về`` before
    ``việc`` (``Và việc thành lập …``, HG30): a subject opens with ``Về việc``, never with ``Và việc``, so the
    pattern decides the word; both are real syllables, so no syllable check can doubt it."""
    words = normalize(value).split()
    first, second = SUBJECT_OPENING
    if len(words) < 3 or words[1] != second or words[0] == first or not words[0].isalpha() \
            or not _one_letter_off(words[0].lower(), first.lower()) or fold_marks(words[0].lower())[:1] != "v":
        return None
    fixed = " ".join([first] + words[1:])
    return fixed, f"'{words[0]}' restored to '{first}': a subject opens with '{first} {second}'"


def _restore(f: Field, fix: tuple[str, str]) -> None:
    """Take the fixed value, keep what was read, and flag it: the pattern, not the pixels, chose it."""
    f.read = f.read or f.value
    f.value = fix[0]
    f.changes.append(fix[1])
    f.review = f.review or fix[1] + ": the pattern, not the pixels, chose it"


def _opens_capital(word: str | None) -> bool:
    """Whether ``word`` (None past the end) opens with a capital, its punctuation aside: a name goes on."""
    return bool(word) and word.strip(_EDGE)[:1].isupper()


def capital_inside_doubt(value: str) -> str | None:
    """Why a subject is doubtful: a word in it opens with a capital right after a small-letter word and before
    none, and the model's word list knows it in small letters only (``mưa Lũ và``): a small letter read as a
    capital, where a letter's shape (and maybe the word) was misread. Names and bodies inside a subject (``Ủy
    ban``, ``Tổ quốc``) open with words the list holds in capitals; a place's name capitalises each of its
    syllables (``bản Lùng Vai``), so a capital before another is no slip."""
    known = model_list()
    words = normalize(value).split()
    for i in range(1, len(words)):
        before, core = words[i - 1], words[i].strip(_EDGE)
        after = words[i + 1] if i + 1 < len(words) else None
        if re.fullmatch(r"[^\W\d_]+[,;]?", before) and before[:1].islower() and not _opens_capital(after) \
                and core.isalpha() and core[:1].isupper() and not core.isupper() and core not in known \
                and core.lower() in attested():
            return f"'{core}' is capitalised inside small-letter text, and is no word written so"
    return None


def capital_pair_doubt(value: str) -> str | None:
    """Why a subject is doubtful: a word in it opens with a capital right after a small-letter word and before
    none, and in small letters it makes a word of the list of words (:mod:`archivist.wordpairs`) with the word
    before it and none with the word after (``quản Lý đất``: ``quản lý`` is a word): the capital is a small letter
    misread, even where Tesseract's list knows the syllable in capitals (``Lý``, a surname). A body or title
    opened inside a subject makes its word with the word after it (``của Ủy ban``, ``hiệu Gia đình``, ``phong trào
    Toàn dân``): on the fit basis (seeds 22-59) no right subject has such a capital, five wrong ones have."""
    words, pairs = normalize(value).split(), entries()
    for i in range(1, len(words)):
        before, core = words[i - 1], words[i].strip(_EDGE)
        after = words[i + 1] if i + 1 < len(words) else None
        if not (LETTERS.fullmatch(before) and before.islower() and not _opens_capital(after)
                and core.isalpha() and core[:1].isupper() and not core.isupper()):
            continue
        later = (after or "").strip(_EDGE)
        if f"{canon(before)} {canon(core)}" in pairs \
                and not (later.isalpha() and f"{canon(core)} {canon(later)}" in pairs):
            return f"'{core}' is capitalised inside small-letter text, and '{before} {core.lower()}' is one word"
    return None


def flag_wording(found: dict[str, Field]) -> None:
    """Restore and flag a body's fixed wording misread or cut short and a subject's fixed opening misread; flag a
    subject with a capital inside small-letter text."""
    for name in BODY_FIELDS:
        f = found.get(name)
        if f is not None and isinstance(f.value, str) and \
                (fix := fixed_head_fix(f.value) or lost_head_word_fix(f.value)):
            _restore(f, fix)
    subj = found.get("subject")
    if subj is not None and isinstance(subj.value, str) and (fix := subject_opening_fix(subj.value)):
        _restore(subj, fix)
    if model_list() and subj is not None and isinstance(subj.value, str) and not subj.review \
            and (why := capital_inside_doubt(subj.value)):  # without the model's word list no word's case is known
        subj.review = why
    if subj is not None and isinstance(subj.value, str) and not subj.review:
        subj.review = capital_pair_doubt(subj.value)
