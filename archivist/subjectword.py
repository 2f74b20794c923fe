"""Doubt on a subject's word read weakly where the text writes the same words around another word, surely.

A subject is often written again in the body (a meeting's invitation: ``Dự họp triển khai kế hoạch tiêm chủng
…`` over ``Tới dự họp triển khai kế hoạch tiêm chủng …``). When the engine read one of the subject's words weakly
and a real syllable came out (``tiêu`` at 40 for ``tiêm``), no spelling or pair rule can see it: ``tiêm chủng`` is
not in the word-pair lists, and ``tiêu`` is a word. The body's sure reading of another word between the same two
neighbours is the evidence (HG123 typewriter-…-gm-038). Flags only: the value is kept."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .faintflags import word_tuples
from .fields import Field
from .itemtwin import listed_twin_doubt
from .subjectcase import capital_word_doubt
from .subjecthyphen import apart_hyphen_doubt
from .subjectlexicon import phrase_word_doubt
from .subjectspan import EDGE as _EDGE
from .subjectspan import core as _core
from .subjectspan import subject_start
from .subjectsplit import split_word_doubt

#: a word of the subject read under this OCR confidence is a guess (Tesseract's 0-100)
WEAK = 60.0
#: the other writing must be read at least this surely to speak against the subject's
SURE = 90.0


def weak_word_doubt(subject: str, words: Sequence[tuple[str, float]]) -> str | None:
    """Why a word of ``subject`` may be misread: in the document's ``words`` (text, confidence; reading order) the
    subject's words stand together once, one of them (not the first or last) read under :data:`WEAK`, and elsewhere
    the same word before and after it enclose another word read at :data:`SURE` or more. A subject not found in
    the words, a weak word written the same elsewhere, or other neighbours say nothing."""
    at = subject_start(subject, [t for t, _ in words])
    if at is None:
        return None
    mine = [_core(t) for t in subject.split()]
    cores = [_core(t) for t, _ in words]
    n = len(mine)
    for j in range(1, n - 1):
        text, conf = words[at + j]
        if conf >= WEAK:
            continue
        for k in range(1, len(words) - 1):
            if at - 1 <= k <= at + n or cores[k] in (mine[j], ""):
                continue
            if cores[k - 1] == mine[j - 1] and cores[k + 1] == mine[j + 1] and words[k][1] >= SURE:
                other = words[k][0].strip(_EDGE)
                return f"the subject's '{text.strip(_EDGE)}' was read weakly ({conf:.0f}) where the text writes " \
                    f"'{words[k - 1][0].strip(_EDGE)} {other} {words[k + 1][0].strip(_EDGE)}': one of the two " \
                    "was misread"
    return None


def flag_subject_word(found: dict[str, Field], pages: Sequence[Any]) -> None:
    """Give the subject, when it has no reason yet, the first of: a weak word the text writes otherwise
    (:func:`weak_word_doubt`), one engine word cut in two making no word (session 39's flags112,
    :func:`archivist.subjectsplit.split_word_doubt`), a capital the text writes small (flags113,
    :func:`archivist.subjectcase.capital_word_doubt`), a word of the list where commune records write a phrase
    one letter off (flags114, :func:`archivist.subjectlexicon.phrase_word_doubt`), two words joined by a hyphen
    the text writes apart (flags115, :func:`archivist.subjecthyphen.apart_hyphen_doubt`), two words making none
    where the text writes a word one letter otherwise (flags145, :func:`archivist.itemtwin.listed_twin_doubt`). All
    judge the subject's own words, so they are asked together, once the other flags have had their say."""
    subj = found.get("subject")
    if subj is None or not isinstance(subj.value, str) or subj.review:
        return
    tuples = [w for p in pages for w in word_tuples(getattr(p, "words", None) or [])]
    words = [(w[0], w[1]) for w in tuples]
    subj.review = weak_word_doubt(subj.value, words) or split_word_doubt(subj.value, tuples) \
        or capital_word_doubt(subj.value, words) or phrase_word_doubt(subj.value) \
        or apart_hyphen_doubt(subj.value, words) \
        or listed_twin_doubt(subj.value, "\n".join(getattr(p, "text", "") or "" for p in pages))
