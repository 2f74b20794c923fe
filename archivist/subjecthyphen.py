"""Doubt on a subject's two words joined by a hyphen where the document writes them apart.

Why: a speck between two words is read as a hyphen, and the engine, sure of both words, joins them into one token:
HG136 speckle-21-ttr-081's ``… sửa chữa trụ sở Ủy-ban nhân dân xã`` (0.869) was stored so without a flag.
:func:`archivist.slipflags.glued_hyphen_doubt` doubts two syllables in small letters so joined and leaves a
capitalised first part, since names of peoples and places are written with a hyphen (``Gia-rai``, ``Ê-đê``). The
document itself tells the two apart: it writes ``Ủy ban`` seven times as two words and never joined; a name written
with a hyphen is written so throughout. Flags only: the value is kept."""

from __future__ import annotations

from collections.abc import Sequence

from .subjectspan import EDGE, core


def apart_hyphen_doubt(subject: str, words: Sequence[tuple[str, float]]) -> str | None:
    """Why ``subject`` may hold a speck read as a hyphen: a word of it is two parts of letters joined by one hyphen,
    and the document's ``words`` (text, confidence; reading order) write the two parts as two neighbouring words
    at least once and the joined form no more often than the subject does."""
    cores = [core(t) for t, _ in words]
    for token in (t.strip(EDGE) for t in subject.split()):
        parts = token.split("-")
        if len(parts) != 2 or not all(p.isalpha() for p in parts):
            continue
        a, b = (core(p) for p in parts)
        apart = sum(1 for x, y in zip(cores, cores[1:], strict=False) if (x, y) == (a, b))
        joined = sum(1 for c in cores if c == core(token))
        if apart and joined <= sum(1 for t in subject.split() if core(t) == core(token)):
            return f"'{token}' joins two words with a hyphen that the text writes apart ('{parts[0]} {parts[1]}', " \
                f"{apart} times): a speck read between them"
    return None
