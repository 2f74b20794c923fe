"""Doubt on a subject's word of the list of words that is one letter from a phrase of commune records instead.

Why: HG133 faded-16-bc-087's ``Kết quả công tác đăng ký và quản lý bộ tịch năm 2017`` for ``hộ tịch`` (0.733)
was stored without a flag: the faded ``h`` lost its stroke's top into ``b``, read at 95. ``bộ tịch`` is a word of
Viet74K (a manner, an air), so the pair rule (:func:`archivist.wordpairs.pair_doubt`) passes it, and
:func:`archivist.itemslips.subject_phrase_doubt`, which doubts a lexicon phrase's word one confusion off, wants
that word in no word of the list: that keeps the right ``Về việc tăng cường`` (``việc tang`` is a phrase,
``tăng cường`` a word). The two differ in where the word of the list lies: ``tăng`` stands in a word reaching
past the phrase's words (``tăng cường``), ``bộ`` only in one made of them (``bộ tịch``), the very words the
lexicon of commune records writes otherwise. The subject then names, in the place of a phrase the records use,
a word they do not. Flags only: the value is kept."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from .itemslips import slips, syllable_core
from .wordpairs import LONGEST, entries


def _word_spans(toks: Sequence[str | None], j: int) -> Iterator[tuple[int, int]]:
    """(start, end) of every word of the list the ``j``-th of ``toks`` stands in with its neighbours."""
    words = entries()
    for n in range(2, LONGEST + 1):
        for a in range(max(0, j - n + 1), min(j, len(toks) - n) + 1):
            run = toks[a:a + n]
            if None not in run and " ".join(t for t in run if t) in words:
                yield a, a + n


def phrase_word_doubt(subject: str) -> str | None:
    """Why ``subject`` may hold a misread word: it holds a lexicon phrase's words but for one, one confusion off
    (:func:`archivist.itemslips.slips`), and that word stands in words of the list only within the phrase's place
    (``bộ tịch`` where the phrase is ``hộ tịch``), in at least one."""
    toks = [syllable_core(t) for t in subject.split()]
    for j, written, _ in slips(subject):
        phrase = [syllable_core(w) for w in written.split()]
        n = len(phrase)
        starts = [i for i in range(max(0, j - n + 1), min(j, len(toks) - n) + 1)
                  if sum(toks[i + k] != phrase[k] for k in range(n)) == 1 and toks[j] != phrase[j - i]]
        spans = list(_word_spans(toks, j))
        if starts and spans and all(starts[0] <= a and b <= starts[0] + n for a, b in spans):
            words = subject.split()[starts[0]:starts[0] + n]
            return f"'{' '.join(words)}' stands where commune records write '{written}', one letter or mark off: " \
                "a syllable misread"
    return None
