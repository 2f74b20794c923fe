"""A typewritten ``o`` read ``e`` in a syllable in use that makes no word with its neighbours, read ``o`` where that
makes one (``mệt số`` for ``một số``, ``mức đệ`` for ``mức độ``), told by the glyph: an ``e`` crosses its eye with
a bar, an ``o`` does not.

Why: :mod:`archivist.typedring` asks only words none uses (``thên``); the ``o`` read ``e`` that still makes a
syllable (``hệ`` for ``hộ``, ``mệt`` for ``một``, ``đệ`` for ``độ``) is what the typewriter group keeps losing of that
family (bench/RESULTS.md, "Typewritten pages, seventh round (session 43)"). Each such syllable is one Vietnamese
uses, so the word alone cannot say it is wrong; its neighbours can. The list of words of two syllables or more
(:mod:`archivist.wordpairs`, Viet74K) says where a syllable stands in no word with the ones beside it and one ``o``
for its ``e`` makes one (:func:`archivist.wordpairs.odd_syllables`, its ``bound`` rule kept: ``hệ thống`` stands in
a word and is never asked). That is the lexicon's evidence; the glyph's is the bar (:func:`archivist.typedring.
barless`): a reading is taken only where both agree, and only where exactly one ``o`` makes a word there.

Only runs of syllables in small letters (a capitalised first word may open one) with no punctuation between are
read: names in capitals, numbers and codes are never asked.

A set phrase asks too (session 47): an ``e`` read for the ``o`` of a lexicon phrase's word
(:func:`archivist.phrasefix.phrase_words`, ``Hệ tịch`` in ``Tư pháp - Hệ tịch``) or of a household list's item
(:data:`TITLED`: ``1. Hệ ông Trần Minh Hòa``, where ``hệ`` makes no word with ``ông`` and Viet74K lists ``hộ ông``
no more than ``hệ ông``, so the pairs above cannot ask it: 3 of the 7 ``Hộ ông`` of typewriter fit seeds 405-406
read ``Hệ``, their ``o`` barless). The glyph decides as above (:func:`archivist.typedring.barless`). End to end
(bench/RESULTS.md, "Typewritten pages, a set phrase's o read e (session 47)"): 3 truth words gained on the fit seeds,
3 on held-out 408-409 (``dự hẹp`` → ``dự họp`` too), none broken. Session 48 adds ``cho`` before the words the
records give to (:data:`GIVEN_TO`: ``kinh phí che các hộ``, a subject stored wrong without a flag), the glyph deciding
as above.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import numpy as np

from .ocr import OcrResult, nfc
from .phrasefix import phrase_words
from .syllables import attested
from .tokens import EDGE, split_edges
from .typedcase import with_readings
from .typedring import as_o, glyph_readings

#: Two-word phrases of the records the lexicon's phrases do not hold, whose first word a typed page reads with an
#: ``e`` for its ``o``: a household list's ``Hộ ông …``, ``Hộ bà …`` (``Hệ ông``, a system no one writes so).
TITLED = {"ông": "hộ", "bà": "hộ"}

#: Words the records write after ``cho`` (``kinh phí cho các hộ``, ``tham mưu cho Ủy ban``, ``cho hộ nghèo``), where
#: a typed page reads ``che`` for it: ``che`` (to cover) is in use, so no lexicon rule asks it, and before these words
#: the records never write it. Asked as :data:`TITLED`; the glyph decides (session 48: set467's subject ``kinh phí che
#: các hộ``, stored wrong without a flag, its ``e`` barless).
GIVEN_TO = dict.fromkeys(("các", "hộ", "Ủy", "UBND", "gia", "người"), "cho")

#: The next word's set phrases: :data:`TITLED` and :data:`GIVEN_TO`.
NEXT_WORD = TITLED | GIVEN_TO


def runs(texts: list[str]) -> Iterator[list[int]]:
    """Runs of word indices whose words are syllables of letters (small letters; a capitalised first word may open
    a run) with no punctuation between them."""
    run: list[int] = []
    for k, text in enumerate(texts):
        lead, core, trail = split_edges(text, EDGE)
        word = core.isalpha() and (core.islower() or (core[:1].isupper() and core[1:].islower()) or len(core) == 1)
        opens = word and not core.islower()
        if not word or lead or opens:
            if len(run) > 1:
                yield run
            run = []
        if word:
            run.append(k)
        if trail or not word:
            if len(run) > 1:
                yield run
            run = []
    if len(run) > 1:
        yield run


def _o_forms(core: str) -> dict[str, tuple[int, str]]:
    """Each syllable in use (in small letters) that ``core`` (a syllable as read) makes with one of its ``e`` read
    ``o`` (:func:`archivist.typedring.as_o`), with the place of that glyph and the syllable in ``core``'s case."""
    out: dict[str, tuple[int, str]] = {}
    for place, ch in enumerate(core):
        for o in as_o(ch):
            again = core[:place] + o + core[place + 1:]
            if again.lower() in attested():
                out[again.lower()] = (place, again)
    return out


def pair_reading(read: list[str], i: int,
                 forms_of: Callable[[str], dict[str, tuple[int, str]]] = _o_forms) -> tuple[int, str] | None:
    """For syllable ``i`` of ``read`` (a run of syllables as read, their case kept): the place of the glyph read
    ``e`` and the syllable with an ``o`` there, its case kept, where it stands in no word of the list with its
    neighbours and exactly one such ``o`` makes one (:func:`archivist.wordpairs.odd_syllables`); None elsewhere.
    ``forms_of``: the readings tried (:func:`_o_forms`; :mod:`archivist.typedflag` asks an ``l`` for a ``t``)."""
    from .wordpairs import canon, odd_syllables  # on a typed page only (the page stage's fork server keeps it out)

    forms = forms_of(read[i])
    lower = [s.lower() for s in read]
    own = canon(lower[i])
    found = []
    for syl in forms:
        alts = {canon(syl): syl}
        hits = odd_syllables(lower, True, lambda s, alts=alts: alts if s == own else {})
        found += [alt for j, alt, _, _ in hits if j == i]
    return forms[found[0]] if len(found) == 1 else None


def phrase_reading(texts: list[str], lines: list[int], k: int) -> tuple[int, str] | None:
    """The place of the glyph read ``e`` and word ``k`` of ``texts`` (on ``lines``) read with an ``o`` there, where
    exactly one such ``o`` makes the word a set phrase puts at its place (:func:`archivist.phrasefix.phrase_words`,
    or :data:`NEXT_WORD` before the next word on its line) and the word as read is none of them; None elsewhere.
    Only a word in small letters or capitalised is asked."""
    lead, core, trail = split_edges(texts[k], EDGE)
    if not core.isalpha() or not core[1:].islower() or not (forms := _o_forms(core)):
        return None
    words = phrase_words(texts, lines, k)
    if k + 1 < len(texts) and lines[k + 1] == lines[k] and not trail and texts[k + 1] in NEXT_WORD:
        words = words | {NEXT_WORD[texts[k + 1]]}
    found = [form for syl, form in forms.items() if syl in words]
    if core.lower() in words or len(found) != 1:
        return None
    place, again = found[0]
    return len(lead) + place, lead + again + trail


def typed_pairs(ocr: OcrResult, typed: np.ndarray | None) -> OcrResult:
    """``ocr`` (words in the pixels of ``typed``, a typewritten page's image before its strikes were evened) with
    each syllable read with an ``e`` that makes no word with its neighbours read with an ``o`` where that makes one
    (:func:`pair_reading`), or a set phrase's word (:func:`phrase_reading`), and the glyph has no bar
    (:func:`archivist.typedring.barless`). Unchanged on any other page."""
    if typed is None or not ocr.words:
        return ocr
    texts = [nfc(w.text) for w in ocr.words]
    lines = [w.line for w in ocr.words]
    asked = {k: got for k in range(len(texts)) if (got := phrase_reading(texts, lines, k))}
    asked.update(asked_pairs(texts, _o_forms))
    return with_readings(ocr, glyph_readings(ocr, typed, texts, asked))


def asked_pairs(texts: list[str], forms_of: Callable[[str], dict[str, tuple[int, str]]],
                word_forms: Callable[[int], Callable[[str], dict[str, tuple[int, str]]]] | None = None
                ) -> dict[int, tuple[int, str]]:
    """The words of ``texts`` (a page's words) that :func:`pair_reading` asks with ``forms_of``: for each, the place
    of the glyph in doubt (edge punctuation counted) and the word read otherwise, its edges kept. ``word_forms``: the
    readings tried for word ``k`` where they depend on the word read, not its spelling alone (the engine's second
    choices for its letters: :mod:`archivist.typedrival`), in place of ``forms_of``."""
    asked: dict[int, tuple[int, str]] = {}
    for run in runs(texts):
        cores = [split_edges(texts[k], EDGE) for k in run]
        read = [core for _, core, _ in cores]
        for i, k in enumerate(run):
            forms = word_forms(k) if word_forms else forms_of
            got = pair_reading(read, i, forms) if forms(read[i]) else None
            if got:
                lead, _, trail = cores[i]
                asked[k] = (len(lead) + got[0], lead + got[1] + trail)
    return asked
