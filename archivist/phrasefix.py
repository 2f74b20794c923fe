"""Words of the phrases commune records are written in, read back where the OCR gave one of them a wrong
mark that still makes a syllable (``tống kết`` for ``tổng kết``, ``nhân dần`` for ``nhân dân``, ``lẫy ý kiến``).

The syllable correction (:mod:`archivist.ocrfix`) cannot see these: each word is a valid syllable. The run
of words can: its letters without marks are those of a phrase of the lexicon (``data/lexicon.txt``), and it
differs from it only in marks, the way the OCR confuses them (marks lost, a tone for another, or one word's
marks misread), which is what :class:`archivist.marks.MarkRestorer` accepts for a field's value. Only runs on
one line, in small letters (the first word may open a sentence), with no punctuation inside are read back:
names are written with capitals (``Thị Hạnh`` is no ``thi hành``). A phrase of three words or more is no name
(``ủy ban nhân dân``, ``ban chỉ đạo``): it is read back also in capitals (``ỦY BAN NHAN DAN``, a heading) or
with its first word's capital inside a sentence (``của Ủy bân nhân dân``: a body's name is written so), the
speckled pages' misreads that re-reading the image kept (session 44). Two-word runs in capitals are left as read.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from functools import lru_cache

from .lexicon import load_lexicon
from .marks import degraded
from .models import Word
from .ocrtext import _fold
from .syllables import toneless
from .textnorm import normalize
from .tokens import CORRECTOR_EDGE as _EDGE
from .tokens import split_edges


@lru_cache(maxsize=1)
def _phrases() -> tuple[dict[tuple[str, ...], tuple[str, ...]], tuple[int, ...]]:
    phrases = {k: tuple(w.lower() for w in v) for k, v in load_lexicon().get("phrases", {}).items()}
    return phrases, tuple(sorted({len(k) for k in phrases}, reverse=True))


@lru_cache(maxsize=1)
def _openings() -> frozenset[tuple[str, str]]:
    return frozenset(k[:2] for k in _phrases()[0])


def opens_phrase(first: str, second: str) -> bool:
    """Whether two words read one after the other open a phrase of the lexicon (``ỦY BAN``), whatever their marks."""
    return (_fold(first.strip(_EDGE)), _fold(second.strip(_EDGE))) in _openings()


@lru_cache(maxsize=1)
def _gaps() -> dict[tuple[tuple[str | None, ...], int], frozenset[str]]:
    """Each phrase's folded words with one left open (None), and that place: the words the phrase puts there."""
    gaps: dict[tuple[tuple[str | None, ...], int], set[str]] = {}
    for key, phrase in _phrases()[0].items():
        for at, word in enumerate(phrase):
            gaps.setdefault((key[:at] + (None,) + key[at + 1:], at), set()).add(word)
    return {k: frozenset(v) for k, v in gaps.items()}


def phrase_words(texts: list[str], lines: list[int], k: int, shortest: int = 1, spelt: bool = False) -> set[str]:
    """The words, spelt as the lexicon's phrases spell them, that would complete a phrase at place ``k`` of ``texts``
    (the words of a page, on ``lines``) with its neighbours on its line, whatever their marks and case, with no
    punctuation inside the run (``ban`` at ``tan``'s place in ``Ủy tan nhân dân``); phrases of ``shortest`` words
    or more only (2: a neighbour must say it, not a one-word entry such as ``sơn``); ``spelt``: only phrases whose
    other words are read with the phrase's marks (a place's ``Yân Phong`` is no ``văn phòng``).
    Why: a typed word one letter off inside a set phrase is told by the phrase (:mod:`archivist.typedbar`)."""
    gaps, (phrases, lengths) = _gaps(), _phrases()
    out: set[str] = set()
    for n in (n for n in lengths if n >= shortest):
        for i in range(max(0, k - n + 1), min(k, len(texts) - n) + 1):
            if len({lines[j] for j in range(i, i + n)}) > 1 or any(
                    texts[j] != texts[j].rstrip(_EDGE) for j in range(i, i + n - 1)) or any(
                    texts[j] != texts[j].lstrip(_EDGE) for j in range(i + 1, i + n)):
                continue
            keys = tuple(None if j == k else _fold(texts[j].strip(_EDGE)) for j in range(i, i + n))
            words = gaps.get((keys, k - i), frozenset())
            out |= {w for w in words if not spelt or all(
                normalize(texts[j].strip(_EDGE).lower()) == normalize(word) for j, word in zip(
                    range(i, i + n), phrases[keys[:k - i] + (_fold(w),) + keys[k - i + 1:]], strict=True) if j != k)}
    return out


def _cost(a: str, b: str) -> int:
    """Marks and letters that differ between two spellings of one word (decomposed, position by position)."""
    x, y = unicodedata.normalize("NFD", a), unicodedata.normalize("NFD", b)
    return sum(p != q for p, q in zip(x, y, strict=False)) + abs(len(x) - len(y))


def _reads_as(run: list[Word], phrase: tuple[str, ...], opens: bool) -> tuple[list[str], int] | None:
    """The run's words as the phrase spells them and how much that changes, or None when the run is not
    that phrase misread. ``opens``: the run opens a sentence, so its first word may have a capital."""
    parts = [split_edges(w.text, _EDGE) for w in run]
    cores = [c for _, c, _ in parts]
    if any(not c.isalpha() for c in cores) or any(p[2] for p in parts[:-1]) or any(p[0] for p in parts[1:]):
        return None  # punctuation inside the run: two phrases, not one
    long = len(run) >= 3  # no name of three words or more is a phrase of the lexicon (ủy ban nhân dân, ...)
    caps = long and all(c.isupper() for c in cores)  # a heading: ỦY BAN NHAN DAN
    if not caps and (any(not c.islower() for c in cores[1:])
                     or not (cores[0].islower() or (opens or long) and cores[0][1:].islower())):
        return None  # a name (Thị Hạnh, Xuân Trường ban hành), or a two-word phrase in capitals
    low = [c.lower() for c in cores]
    same = [normalize(a) == normalize(b) for a, b in zip(low, phrase, strict=True)]  # uỷ is ủy, as written
    differ = [(a, b) for a, b, kept in zip(low, phrase, same, strict=True) if not kept]
    if not differ or len(differ) > 1 and not all(degraded(a, b) or toneless(a) == toneless(b) for a, b in differ):
        return None
    out = []
    for (lead, core, trail), new, kept in zip(parts, phrase, same, strict=True):
        new = core if kept else new.upper() if caps else new[:1].upper() + new[1:] if core[:1].isupper() else new
        out.append(lead + new + trail)
    return out, sum(_cost(a, b) for a, b in differ)


def correct_phrases(words: list[Word]) -> list[Word]:
    """``words`` with the runs that are a lexicon phrase misread in a mark read as the phrase (boxes kept).
    Words that already read as part of a phrase are kept; of two overlapping readings the longer phrase
    wins, then the smaller change (``tắng cường`` is ``tăng cường``, not ``việc tang``)."""
    phrases, lengths = _phrases()
    keys = [_fold(w.text.strip(_EDGE)) for w in words]
    done = [False] * len(words)
    found, right = [], []
    for n in lengths:
        for i in range(len(words) - n + 1):
            run = words[i:i + n]
            phrase = phrases.get(tuple(keys[i:i + n]))
            if phrase is None or len({w.line for w in run}) > 1:
                continue
            if [w.text.strip(_EDGE).lower() for w in run] == list(phrase):
                done[i:i + n] = [True] * n  # read right: no other phrase may change these words
                right.append((i, i + n))
                continue
            opens = i == 0 or words[i - 1].text.rstrip().endswith((".", ":", "!", "?"))
            if (got := _reads_as(run, phrase, opens)) is not None:
                found.append((-n, got[1], i, got[0]))
    out = list(words)
    for _, _, i, texts in sorted(found):
        j = i + len(texts)  # a longer phrase may hold one read right (chi ngân sách), never reach into one
        if any(done[k] and texts[k - i] != out[k].text for k in range(i, j)) \
                or any(a < j and b > i and not i <= a < b <= j for a, b in right):
            continue
        out[i:i + len(texts)] = [w if t == w.text else replace(w, text=t) for w, t in zip(out[i:i + len(texts)], texts,
                                                                                       strict=True)]
        done[i:i + len(texts)] = [True] * len(texts)
    return out


def phrase_reading(words: list[Word], line: int) -> list[str] | None:
    """The longest lexicon phrase the first words of ``words`` (on ``line``) read as with a mark misread, as the
    phrase spells them (its first word may hold a capital, as a title's or a law's name does: ``Thỉ đua,`` →
    ``Thi đua,``), or None where they read no phrase or read one right.
    Why: a name after ``Luật`` is a law's, not a person's (:mod:`archivist.fadedwords`)."""
    phrases, lengths = _phrases()
    for n in lengths:
        run = words[:n]
        if len(run) < n or any(w.line != line for w in run):
            continue
        phrase = phrases.get(tuple(_fold(w.text.strip(_EDGE)) for w in run))
        if phrase is None:
            continue
        if [w.text.strip(_EDGE).lower() for w in run] == list(phrase):
            return None
        got = _reads_as(run, phrase, True)
        return got[0] if got else None
    return None
