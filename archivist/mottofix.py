"""The national title and motto read back in the case they are printed in.

Every Decree 30 page prints ``CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`` and ``Độc lập - Tự do - Hạnh phúc`` the same
way, and worn typewriter type makes Tesseract read a small letter as a capital (``Độc Lập``) or the reverse
(``HỘi``). Where a line holds the words of one of them in order (one word may be misread beyond recognition),
each word that is one of them in other case is given the printed case. Only the case changes: the marks are
the OCR's (``HÒA`` and ``HOÀ`` are both printed), and a word that is no word of them is not touched.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import groupby

from .models import Word
from .syllables import fold_marks
from .tokens import CORRECTOR_EDGE as _EDGE
from .tokens import split_edges

#: The title's and the motto's words as printed, each place's spellings (``HÒA`` and ``HOÀ`` are both printed), the
#: motto's dashes places of their own. One table for the case given here and for the letters a faded page's reading
#: gets back (:mod:`archivist.fadedmotto`), so the two cannot come to disagree on what is printed.
HEADINGS: tuple[tuple[tuple[str, ...], ...], ...] = (
    (("CỘNG",), ("HÒA", "HOÀ"), ("XÃ",), ("HỘI",), ("CHỦ",), ("NGHĨA",), ("VIỆT",), ("NAM",)),
    (("Độc",), ("lập",), ("-",), ("Tự",), ("do",), ("-",), ("Hạnh",), ("phúc",)),
)
#: The words matched here: a dash between the motto's parts is no word (a line's words are taken without it), and
#: one spelling a place does, as only the case is given and ``HÒA`` and ``HOÀ`` have it alike.
_HEADINGS = tuple(tuple(spellings[0] for spellings in heading if spellings[0].strip(_EDGE)) for heading in HEADINGS)


def _key(text: str) -> str:
    return fold_marks(text.strip(_EDGE).lower())


_HEADING_KEYS = tuple(tuple(_key(h) for h in heading) for heading in _HEADINGS)


def _cased(text: str, printed: str) -> str:
    """``text`` with each letter in the case of ``printed``'s letter at its place (same length: same word)."""
    lead, core, trail = split_edges(text, _EDGE)
    fixed = "".join(c.upper() if p.isupper() else c.lower() for c, p in zip(core, printed, strict=True))
    return lead + fixed + trail


def correct_headings(words: list[Word]) -> list[Word]:
    """``words`` with the national title's and the motto's words in their printed case (module docstring)."""
    out = list(words)
    # each word folded once, not once per heading and place tried (1.5 of the post-correction's 4.2 ms a page)
    folded = [_key(w.text) for w in words]
    for _, grp in groupby(range(len(words)), key=lambda i: words[i].line):
        idx = [i for i in grp if words[i].text.strip(_EDGE)]  # a dash between the motto's parts is no word
        for heading, keys in zip(_HEADINGS, _HEADING_KEYS, strict=True):
            for s in range(len(idx) - len(heading) + 1):
                run = idx[s:s + len(heading)]
                same = [folded[i] == k for i, k in zip(run, keys, strict=True)]
                if sum(same) < len(heading) - 1:
                    continue
                for i, printed, ok in zip(run, heading, same, strict=True):
                    core = words[i].text.strip(_EDGE)
                    if ok and len(core) == len(printed) and core != _cased(core, printed):
                        out[i] = replace(words[i], text=_cased(words[i].text, printed))
                break
    return out
