"""Doubt on a subject's word read with a capital where the text writes the same words in small letters.

Why: a typed ``x``, ``c``, ``s``, ``o`` or ``v`` differs from its capital in height alone, and the engine, sure of
the letters, may take the size wrong: HG133 typewriter-12-qd-097's ``… cá nhân có thành tích Xuất sắc trong
phong trào thi đua năm 2005`` (0.876) was stored so without a flag, the body writing ``… có thành tích xuất sắc
trong phong trào …``. ``Xuất sắc`` opens with a capital, not from its second syllable, so
:func:`archivist.slipflags.inner_capital_doubt` passes it; a subject capitalises names (``Ban Chỉ đạo``, ``Gia
đình văn hóa``), so a capital alone is no evidence. The document's own writing of the same word between the same
two neighbours in small letters is. A word after a level word or a person's title (``xã Yên Thịnh``) opens a name
and is left. Flags only: the value is kept.

A value Decree 30 opens with a capital and stored opening with a small letter (:func:`small_start_doubt`) has lost
its capital to the same height-only difference (seed 234's typed ``kết quả công tác đăng ký …`` for ``Kết quả …``):
the rules that read a word right again (session 43's ``typedflag``: ``quản tý`` → ``quản lý``) must not take away
the only flag such a value had, so its first letter is doubted on its own."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from .fields import Field
from .slipflags import BEFORE_NAMES
from .subjectspan import EDGE, core, subject_start


def _small(text: str) -> str:
    return unicodedata.normalize("NFC", text).lower()


def capital_word_doubt(subject: str, words: Sequence[tuple[str, float]]) -> str | None:
    """Why a word of ``subject`` may be read in the wrong case: in the document's ``words`` (text, confidence;
    reading order) the subject stands once (:func:`archivist.subjectspan.subject_start`); one of its words (not the
    first or last) opens with a capital, the word before it in small letters and no level word or title; and
    elsewhere the same two neighbours enclose the same word, marks and all, in small letters."""
    at = subject_start(subject, [t for t, _ in words])
    if at is None:
        return None
    n = len(subject.split())
    texts = [t.strip(EDGE) for t, _ in words]
    cores = [core(t) for t in texts]
    for j in range(at + 1, at + n - 1):
        word, before = texts[j], texts[j - 1]
        if not (word.isalpha() and word[0].isupper() and word[1:].islower()):
            continue
        if not (before.isalpha() and before.islower()) or _small(before) in BEFORE_NAMES:
            continue
        for k in range(1, len(texts) - 1):
            if at - 1 <= k <= at + n or cores[k - 1:k + 2] != cores[j - 1:j + 2]:
                continue
            if texts[k].islower() and _small(texts[k]) == _small(word):
                return f"the subject writes '{word}' with a capital where the text writes '{texts[k - 1]} " \
                    f"{texts[k]} {texts[k + 1]}' in small letters: a letter read in the wrong case"
    return None


#: the fields Decree 30 writes opening with a capital (a subject, a body's name, a person's name or position); a
#: place may open with its level word in small letters (``xã Tân Phú``) and a type not found is ``unknown``
CAPITAL_FIELDS = ("subject", "issuer", "parent_issuer", "signer", "signer_position")


def small_start_doubt(value: object) -> str | None:
    """Why a value that opens with a capital is doubtful: its first character is a small letter. Over the stored
    runs of sessions 40-43 (about 9,600 documents' values of each of :data:`CAPITAL_FIELDS`) no truth and no right
    value opened small; 169 wrong ones did."""
    if not isinstance(value, str) or not value[:1].isalpha() or not value[:1].islower():
        return None
    return f"'{value.split()[0]}' opens the value with a small letter where a capital stands: a letter read in the " \
        "wrong case, or the value's first word lost"


def flag_small_start(found: dict[str, Field]) -> None:
    """Give each of :data:`CAPITAL_FIELDS` with no reason yet :func:`small_start_doubt`'s; asked last, so a value
    another rule doubts keeps that rule's reason. Flags only: the value is kept."""
    for name in CAPITAL_FIELDS:
        f = found.get(name)
        if f is not None and not f.review:
            f.review = small_start_doubt(f.value)
