"""Where a subject's own words stand among its document's words.

Why a module: the rules that judge a subject's word by the document's other writing of it
(:mod:`archivist.subjectword`, :mod:`archivist.subjectcase`) or by the boxes the engine gave it
(:mod:`archivist.subjectsplit`) must first know which of the page's words are the subject's, and must agree on it:
the subject found once, word for word, marks and case aside. A subject written twice (the body repeats it whole)
leaves no way to tell its own words, so such rules say nothing."""

from __future__ import annotations

from collections.abc import Sequence

from .textnorm import fold_token

#: the marks a word is read without at its edges
EDGE = ",.;:!?()\"'“”"


def core(text: str) -> str:
    """A word as the rules compare it: its edge marks cut, in small letters, without diacritics.

    Folded through :func:`archivist.textnorm.fold_token`'s cache: each subject rule takes the core of every word of
    the document (five rules, ~1,700 words a document), the same words each time (bench/RESULTS.md, issue 16,
    session 42)."""
    return fold_token(text.strip(EDGE))


def subject_start(subject: str, texts: Sequence[str]) -> int | None:
    """Where in the document's words ``texts`` (reading order) the words of ``subject`` stand together, when they
    do exactly once and number three or more; None otherwise (not found, found twice, too short to be sure)."""
    mine = [core(t) for t in subject.split()]
    cores = [core(t) for t in texts]
    n = len(mine)
    if n < 3:
        return None
    starts = [i for i in range(len(cores) - n + 1) if cores[i:i + n] == mine]
    return starts[0] if len(starts) == 1 else None
