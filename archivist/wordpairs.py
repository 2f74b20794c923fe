"""Words of two syllables or more, and a subject's syllable pair that is no word where one confusion makes one.

Why: the wrong subjects stored without a flag on recent sealed sets are real syllables one confusion off, read
with the engine sure of them (``cơ sử`` for ``cơ sở``, ``quản tý`` for ``quản lý``, ``hệ gia đình`` for ``hộ gia
đình``). Each syllable is one Vietnamese words use, so the syllable checks (``crosscheck.syllable_doubt``) pass
them; Tesseract's ``vie`` list holds single syllables only. A list of words of two syllables or more can say
"these syllables make no word, and one confusion away they do", which is evidence beside the confidence.

The list is ``underthesea/corpus/data/Viet74K.txt`` of the PyPI package underthesea 9.5.0 (Apache-2.0), a pinned
dependency. It is read as a file, found with ``importlib.util.find_spec`` without importing underthesea (whose
import loads its models' code), checked against its SHA-256, and the entries this module uses are kept in the
user's cache under the digest of the list and of this module (:func:`archivist.tesswords.derived_lines`).
Never copied into the project. The rule flags; it never changes a value.
"""

from __future__ import annotations

import hashlib
import importlib.util
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path

from .syllables import by_toneless, tone_of, toneless
from .tesswords import derived_lines, model_digest
from .tokens import EDGE as _EDGE
from .tokens import split_edges

#: The pinned package, the list's path inside it and the list's SHA-256 (underthesea 9.5.0's wheel on PyPI).
PACKAGE = "underthesea==9.5.0"
LIST = ("corpus", "data", "Viet74K.txt")
LIST_SHA256 = "b83d49308336f12ca46d06287d8db6e2cdc7a725d9a9dac56930051775fafb90"
#: The longest entry used, in syllables (``ủy ban nhân dân``); longer entries are rare and never decide a pair.
LONGEST = 4
#: a consonant then ``y`` (``kỳ``, ``lý``, ``mỹ``), which is also written ``i``; not ``quy`` nor ``ay``/``uy``
_Y_AFTER = re.compile(r"(?<=^[bcdđhklmnprstvx])y$|(?<=^(?:ch|gh|kh|nh|ph|th|tr|ng))y$")
#: One confusion, beside ocrfix's table (archivist/ocrfix.py, ``_variants``): vowel marks read as another vowel's
#: (``sử`` for ``sở``, ``hệ`` for ``hộ``), ``t`` for ``l`` (``tý`` for ``lý``) and a typed ``c`` read ``s``
#: (``sông tác`` for ``công tác``, session 33's flags82), the slips left unflagged on the sealed sets; ocrfix's
#: corrector does not use them (a correction needs a narrower table than a flag).
_MORE_ALTS = {"ơ": "ư", "ư": "ơ", "ô": "ê", "ê": "ô", "l": "t", "t": "l", "s": "c"}


@lru_cache(maxsize=16384)
def canon(token: str) -> str:
    """One spelling of a syllable whatever its case, tone placement and ``i``/``y`` spelling: the list writes
    ``hoà``, ``uỷ`` and ``kì họp``, the pages ``hòa``, ``ủy`` and ``kỳ họp`` (one word, two spellings: no
    confusion); the tone goes after the toneless syllable.

    Kept by the token: the twin, slip and pair rules ask it of every word of a document, ≈ 1,000 times a
    document, mostly of the same few hundred syllables (bench/RESULTS.md, "A batch's cost beside the engine
    (session 49)")."""
    low = unicodedata.normalize("NFC", token.lower())
    bare = toneless(low)
    return _Y_AFTER.sub("i", bare) + tone_of(low)


def list_path() -> Path | None:
    """Where the installed underthesea keeps Viet74K.txt, found without importing the package; None without it."""
    spec = importlib.util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations)), *LIST)
    return path if path.is_file() else None


def _build(path: Path) -> Iterator[str]:
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != LIST_SHA256:
        raise RuntimeError(f"{path}: not the word list of {PACKAGE} the flag was measured with")
    for line in data.decode("utf-8").splitlines():
        sylls = line.split()
        # names (``Vũ Chính``, ``Hà Nội``) left out: the rule judges syllables in small letters against words
        if 2 <= len(sylls) <= LONGEST and all(s.isalpha() and s.islower() for s in sylls):
            yield " ".join(canon(s) for s in sylls)


@lru_cache(maxsize=1)
def entries() -> frozenset[str]:
    """The list's words of 2..LONGEST syllables, each its :func:`canon` syllables joined by one space; empty
    without the list. Kept as strings, not tuples: read back from the cache in 0.004 CPU s instead of 0.03, in
    the main process of every batch (issue 16's fixed cost)."""
    path = list_path()
    if path is None:
        return frozenset()
    lines = derived_lines("viet74k", Path(__file__), lambda: set(_build(path)), data=model_digest(path))
    return frozenset(line for line in lines if line)


def _near(syl: str) -> dict[str, str]:
    """Valid syllables one confusion from ``syl`` (canon), by their canon spelling: its tone alone, or one vowel
    mark or glyph (ocrfix's table and :data:`_MORE_ALTS`) with the tone kept. A new dict each call, in the same
    order as ever (:func:`_near_items`)."""
    return dict(_near_items(syl))


@lru_cache(maxsize=8192)
def _near_items(syl: str) -> tuple[tuple[str, str], ...]:
    """:func:`_near`'s entries, kept per syllable. Why: a document's subject, items and body ask for the same
    common syllables over and over (614 calls on the mixed corpus's 45 documents), each call spelling out every
    variant again: 10% of the document stage's classify and extract (bench/RESULTS.md, session 36). Only the
    syllable list (:func:`archivist.syllables.by_toneless`, itself built once) and the confusion tables decide it."""
    from .ocrfix import _variants  # the corrector's own confusion table, not a copy

    index, bare, tone = by_toneless(), toneless(syl), tone_of(syl)
    alts = {b for b, cost in _variants(bare).items() if cost == 1}
    alts |= {bare[:i] + alt + bare[i + 1:] for i, ch in enumerate(bare) for alt in _MORE_ALTS.get(ch, "")}
    out = {canon(s): s for s in index.get(bare, ()) if tone_of(s) != tone}
    out.update({canon(s): s for b in alts for s in index.get(b, ()) if tone_of(s) == tone})
    out.pop(syl, None)
    return tuple(out.items())


def _spans(run: list[str], words: frozenset[str]) -> list[tuple[int, int]]:
    """(start, end) of every entry found in ``run`` (end exclusive)."""
    return [(i, i + n) for n in range(2, LONGEST + 1) for i in range(len(run) - n + 1)
            if " ".join(run[i:i + n]) in words]


def _cased_runs(text: str, fold: bool = False) -> Iterator[list[tuple[str, bool]]]:
    """Runs of adjacent syllables with no punctuation between, each with whether it is written in small letters;
    a word with a capital cuts the run unless ``fold`` (then it joins the run in small letters: ``Kết luận``'s
    ``luận`` stands in a word), digits and marks always cut."""
    run: list[tuple[str, bool]] = []
    for token in text.split():
        lead, core, trail = split_edges(token, _EDGE)
        if lead and run:
            yield run
            run = []
        small = core.islower()
        if not core or not core.isalpha() or not (small or fold and core.lower().islower()):
            if run:
                yield run
            run = []
            continue
        run.append((unicodedata.normalize("NFC", core.lower() if fold else core), small))
        if trail:
            yield run
            run = []
    if run:
        yield run


def _runs(text: str) -> Iterator[list[str]]:
    """Runs of adjacent syllables in small letters with no punctuation between; capitals, digits and marks cut.
    (The subject's lines are joined in its value: a word broken over two lines is still one word.)"""
    for run in _cased_runs(text):
        yield [syl for syl, _ in run]


def _stroke_lost(syl: str) -> dict[str, str]:
    """Valid syllables whose final ``m`` lost a stroke to read as the ``n`` of ``syl`` (canon), in any tone
    (``phấn`` for ``phẩm``: the hook of the tone broken too). Only ``n`` read for ``m``: the other way round
    (``điểm`` for ``điện``) names right words of the subjects (``điểm trường``), session 30's flags53."""
    bare = toneless(syl)
    if not bare.endswith("n") or bare.endswith(("ng", "nh")):
        return {}
    return {canon(s): s for s in by_toneless().get(bare[:-1] + "m", ())}


def odd_pairs(text: str, bound: bool = True, near: Callable[[str], dict[str, str]] = _near) -> list[tuple[str, str]]:
    """(syllables as read, the word one confusion away) for each syllable of ``text`` that stands in no word of
    the list with its neighbours, where one confusion of it makes one with them (``cơ sử`` -> ``cơ sở``).
    ``bound`` (session 23's rule): the word found may not take a neighbour from another word it already stands
    in, unless it holds that word whole (``lực kể`` is no ``lực kế`` beside ``hiệu lực``; ``hệ gia đình`` may
    be ``hộ gia đình``). ``near``: the confusions tried (:func:`_near`, or :func:`_stroke_lost`)."""
    found: list[tuple[str, str]] = []
    for read in _runs(text):
        for i, alt, a, b in odd_syllables(read, bound, near):
            fixed = read[:i] + [alt] + read[i + 1:]
            found.append((" ".join(read[a:b]), " ".join(fixed[a:b])))
    return found


def odd_syllables(read: list[str], bound: bool = True, near: Callable[[str], dict[str, str]] = _near
                  ) -> list[tuple[int, str, int, int]]:
    """For each syllable of ``read`` (a run of adjacent syllables in small letters) that stands in no word of the
    list with its neighbours where one confusion of it makes one (:func:`odd_pairs`): its index, the syllable one
    confusion away as the syllable list spells it, and the span (start, end exclusive) of the word it makes.
    Empty without the list."""
    words = entries()
    found: list[tuple[int, str, int, int]] = []
    if not words:
        return found
    run = [canon(s) for s in read]
    spans = _spans(run, words)
    for i, syl in enumerate(run):
        if any(a <= i < b for a, b in spans):
            continue
        alts = near(syl)
        for alt in sorted(alts):
            new = run[:i] + [alt] + run[i + 1:]
            hits = [(a, b) for a, b in _spans(new, words) if a <= i < b and not (
                bound and any(a < d and c < b and not (a <= c and d <= b) for c, d in spans))]
            if hits:
                found.append((i, alts[alt], *hits[0]))
                break
    return found


def in_a_word(read: list[str], i: int) -> bool:
    """Whether syllable ``i`` of ``read`` (a run of adjacent syllables in small letters) stands in a word of the
    list with its neighbours."""
    return any(a <= i < b for a, b in _spans([canon(s) for s in read], entries()))


def pair_doubt(value: str, bound: bool = True) -> str | None:
    """Why a value is doubtful: syllables of it make no Vietnamese word, and one confusion of one makes one
    (``cơ sử`` for ``cơ sở``): a real syllable misread, which the engine may be sure of. Measured first on
    subjects (flags31); since flags36 every field's items are judged (``Các thành viến Ban Chỉ đạo`` in a
    recipients list), where it doubted no right value of seeds 22-44."""
    odd = odd_pairs(value, bound)
    return f"'{odd[0][0]}' is no word; '{odd[0][1]}' is one confusion away" if odd else None


def rival_settled(value: str, word: str, other: str) -> bool:
    """Whether the list answers the engine's rival reading ``other`` of the subject's word ``word``: wherever the
    value writes ``word`` in a run of small letters, it stands in a word of the list with its neighbours (``vi``
    of ``vi phạm``, ``bổ`` of ``bổ sung``) and ``other`` in its place would stand in none (``vỉ phạm``, ``bố
    sung``). A word in capitals (``Về``, ``Đông``), or one standing in no word of the list, is not answered.
    Why: 23 of the 114 right subjects flagged on seeds 22-40 were flagged for such a rival alone
    (``the OCR nearly read 'ỉ' for 'i' in 'vi'``); the engine weighs each letter alone, with no dictionary."""
    words = entries()
    mine, theirs, seen = canon(word), canon(other), False
    for read in _runs(value):
        run = [canon(s) for s in read]
        for i in (i for i, s in enumerate(run) if s == mine):
            seen = True
            new = run[:i] + [theirs] + run[i + 1:]
            if not any(a <= i < b for a, b in _spans(run, words)) or any(a <= i < b for a, b in _spans(new, words)):
                return False
    return seen


def stroke_doubt(value: str) -> str | None:
    """Why a value is doubtful: syllables of it make no word, and an ``m`` for one's final ``n`` (its tone
    free) makes one (``thực phấn`` for ``thực phẩm``): :func:`pair_doubt`'s confusions are one apart, this one
    two (the ``m``'s last stroke and the tone's hook both lost on a typed page)."""
    odd = odd_pairs(value, near=_stroke_lost)
    return f"'{odd[0][0]}' is no word; '{odd[0][1]}' is an 'm' read as 'n' away" if odd else None


def double_pairs(text: str) -> list[tuple[str, str]]:
    """(syllables as read, the word they make) for each two adjacent small-letter syllables of ``text`` standing in
    no word of the list where one confusion in **each** (:func:`_near`) makes one word of the two (``cư sử`` ->
    ``cơ sở``): :func:`odd_pairs` tries one confusion at a time and finds nothing when both syllables slipped.
    A word with a capital is read in small letters for the words it stands in (``Kết luận tại``: ``luận`` is in
    ``kết luận``), and never judged itself (names)."""
    words = entries()
    found: list[tuple[str, str]] = []
    for cased in _cased_runs(text, fold=True) if words else ():
        read, small = [syl for syl, _ in cased], [s for _, s in cased]
        run = [canon(s) for s in read]
        taken = {i for a, b in _spans(run, words) for i in range(a, b)}
        for i in (i for i in range(len(run) - 1) if small[i] and small[i + 1] and not {i, i + 1} & taken):
            left, right = _near(run[i]), _near(run[i + 1])
            both = next(((a, b) for a in sorted(left) for b in sorted(right)
                         if any(s <= i < i + 1 < e for s, e in _spans(run[:i] + [a, b] + run[i + 2:], words))), None)
            if both:
                found.append((f"{read[i]} {read[i + 1]}", f"{left[both[0]]} {right[both[1]]}"))
    return found


def double_doubt(value: str) -> str | None:
    """Why a value is doubtful: two adjacent syllables make no word, and one confusion in each makes one
    (``cư sử`` for ``cơ sở``, both marks misread). Measured on subjects (flags57): on the fit basis of seeds
    22-67 and HG47 it names 25 wrong subjects (24 flagged already) and no right one of 2,961."""
    odd = double_pairs(value)
    return f"'{odd[0][0]}' is no word; '{odd[0][1]}' is a confusion in each syllable away" if odd else None


def _pair_counts(text: str) -> Counter[tuple[str, str]]:
    """How often ``text`` writes each pair of adjacent small-letter syllables (canon), by runs."""
    out: Counter[tuple[str, str]] = Counter()
    for read in _runs(text):
        run = [canon(s) for s in read]
        out.update(zip(run, run[1:], strict=False))
    return out


def text_twin_doubt(value: str, text: str) -> str | None:
    """Why a value is doubtful: two adjacent syllables of it stand in no word of the list (:func:`entries`), the
    document's ``text`` writes them nowhere else, and writes them elsewhere with one of the two one confusion
    apart (:func:`_near`) and marked with a tone (``chuyến đơn`` in the subject, ``chuyển đơn`` in the body of a
    ``PHIẾU CHUYỂN``): the same words read twice, once otherwise. A body's syllable without a tone is not heard:
    a mark is lost more often than one is made (``nạn xã`` beside a body's ``nan xã``, a right subject)."""
    words, whole, mine = entries(), _pair_counts(" ".join(text.split())), _pair_counts(value)
    for read in _runs(value):
        run = [canon(s) for s in read]
        taken = {i for a, b in _spans(run, words) for i in range(a, b)}
        for i in range(len(run) - 1):
            pair = (run[i], run[i + 1])
            if i in taken or i + 1 in taken or whole[pair] > mine[pair]:
                continue
            for j in (0, 1):
                for alt, spelt in sorted(_near(pair[j]).items()):
                    other = (alt, pair[1]) if j == 0 else (pair[0], alt)
                    if whole[other] and tone_of(spelt):
                        fixed = [spelt, read[i + 1]] if j == 0 else [read[i], spelt]
                        return f"'{read[i]} {read[i + 1]}' is written '{' '.join(fixed)}' elsewhere in the document"
    return None
