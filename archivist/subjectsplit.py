"""Doubt on a subject's two words the corrector cut out of one word the engine read, where neither makes a word.

Why: the engine reads a word with a letter lost or added into letters that are no syllable (``tiất`` for
``đất``, a speck in front of it), and the corrector (:func:`archivist.ocrfix.correct_syllables`) puts a space back
where the letters split into two syllables one way only (``ti`` + ``ất``): right for two words run together
(``cấptỉnh``), wrong here, and each half is a syllable, so no spelling rule sees it afterwards. HG134
speckle-23-cv-056's ``… thuế sử dụng ti ất phi nông nghiệp năm 2007`` for ``đất`` (0.883) was stored so without a
flag. The record keeps the evidence: the two words share one box edge to the pixel and one confidence (the
corrector shared the engine's word between them), and neither stands in a word of the list of words with its
neighbours (``sử dụng đất`` is one; ``dụng ti``, ``ti ất``, ``ất phi`` are none). Flags only: the value is kept."""

from __future__ import annotations

from collections.abc import Sequence

from .faintflags import Box
from .itemslips import in_word
from .itemslips import syllable_core as syllable
from .subjectspan import EDGE, subject_start


def _cut(a: tuple[str, float, Box, int], b: tuple[str, float, Box, int]) -> bool:
    """Whether ``a`` and ``b`` are one word of the engine's cut in two: one line, one confidence, one height, and
    ``b``'s box opening at the pixel ``a``'s closes (two words the engine read apart have a space between)."""
    return a[3] == b[3] and a[1] == b[1] and a[2][2] == b[2][0] and (a[2][1], a[2][3]) == (b[2][1], b[2][3])


def split_word_doubt(subject: str, words: Sequence[tuple[str, float, Box, int]]) -> str | None:
    """Why ``subject`` may hold a misread word: in the document's ``words`` (text, confidence, box, line; reading
    order) the subject stands once (:func:`archivist.subjectspan.subject_start`), two of its neighbouring words are
    one engine word cut in two (:func:`_cut`), both syllables of letters, and neither stands in a word of the list
    of words with its neighbours in the subject. A cut whose halves make words (``cấp tỉnh``) says nothing."""
    at = subject_start(subject, [w[0] for w in words])
    if at is None:
        return None
    toks = [syllable(t) for t in subject.split()]
    for j in range(len(toks) - 1):
        a, b = words[at + j], words[at + j + 1]
        if None in toks[j:j + 2] or not _cut(a, b) or in_word(toks, j) or in_word(toks, j + 1):
            continue
        read = f"{a[0].strip(EDGE)} {b[0].strip(EDGE)}"
        return f"'{read}' was read as one word and cut in two, and neither part makes a word with its neighbours: " \
            "a letter of it was misread"
    return None
