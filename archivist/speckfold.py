"""A speckled page's word that is no syllable in use, whose letters with other marks make one syllable that stands
in a word of the list there: given those marks (``chuấn bị`` -> ``chuẩn bị``, ``KHẠI SINH`` -> ``KHAI SINH``,
``Đận tộc`` -> ``Dân tộc``, ``ÑGHĨA`` -> ``NGHĨA``).

Why: on the speckled 200 dpi pages a speck on or above a letter is read as a mark: a tone (``rạ``, ``kẻo``), a
hook or a dot (``đững`` for ``dung``), the stroke of ``đ`` (``Đân``) or a mark Vietnamese does not write (``Ñ``,
``ï``). Where the word keeps another syllable in use, only the image can tell (:mod:`archivist.speckread` reads it
again and takes a reading that shows the list's syllable); but a word whose marks make no syllable Vietnamese
words use is wrong as read, and when the image read again shows nothing better (the speck is ink, read again it
stays: bench/RESULTS.md, "Speckled pages, seventh round (session 43)"), its letters are the evidence left. The
marks are what the cause explains, so only they change: the letters (``đ`` read as ``d`` aside) are kept, and the
word is changed only when exactly one syllable in use with those letters makes a word of the list with its
neighbours. Names are not asked: a capital cuts a run of small letters, and a run opening with a family name is
left (:func:`archivist.speckcase.named`); numbers, codes and abbreviations hold no such syllable.
"""

from __future__ import annotations

from functools import lru_cache

from .fadedread import small_runs_places
from .models import Word
from .ocr import nfc
from .speckcase import cased_runs_places, in_case, named
from .syllables import attested, fold_marks
from .tokens import EDGE, split_edges


@lru_cache(maxsize=1)
def _by_letters() -> dict[str, tuple[str, ...]]:
    """The syllables in use by their letters without marks (:func:`archivist.syllables.fold_marks`)."""
    out: dict[str, list[str]] = {}
    for syl in sorted(attested()):
        out.setdefault(fold_marks(syl), []).append(syl)
    return {k: tuple(v) for k, v in out.items()}


def same_letters(core: str) -> tuple[str, ...]:
    """The syllables in use (small letters) that are ``core``'s letters with other marks (``chuẩn``, ``chuẫn`` …
    for ``chuấn``), ``core`` itself left out."""
    low = nfc(core).lower()
    return tuple(s for s in _by_letters().get(fold_marks(low), ()) if s != low)


def unused_syllables(words: list[Word]) -> dict[int, str]:
    """The words of ``words`` (a speckled page's reading) that are no syllable in use in a run of small letters, or in
    a run that holds a capital and opens with no family name (:func:`archivist.speckcase.cased_runs_places`), for
    which exactly one syllable of :func:`same_letters` makes a word of the list with the run: that word as it would
    read, its case and edges' marks kept."""
    from .wordpairs import in_a_word  # on a speckled page only (the page stage's fork server keeps it out)

    small, cased = small_runs_places(words), cased_runs_places(words)
    out: dict[int, str] = {}
    for k in sorted(small.keys() | cased.keys()):
        lead, core, trail = split_edges(nfc(words[k].text), EDGE)
        if not core.isalpha() or core.lower() in attested():
            continue
        if k in small:
            (run, i), case = small[k], "lower"
        else:
            run, i, case = cased[k]
            if named(run):
                continue
        fits = [s for s in same_letters(core) if in_a_word([*run[:i], s, *run[i + 1:]], i)]
        if len(fits) == 1:
            out[k] = lead + in_case(fits[0], case) + trail
    return out
