"""A review flag for a name word the restorer changed while the engine's own other choice spells another name.

Why: :meth:`archivist.marks.MarkRestorer.restore` undoes a misread name word that is no listed name by the listed
name with the same letters (``VỠ`` -> ``Võ``: ``vỡ`` is no family name, ``Võ`` is the one spelling of ``vo``). That
is a guess made from the letters alone. Where the engine kept a rival for one of the word's characters and that
rival spells another listed name (AT46 19-khai-tu-142's person, printed ``VŨ VĂN NGHĨA``: ``VỠ`` read at 88.5, its
``Ỡ`` with the rival ``Ũ`` at 61.4, so ``VŨ``, the family name ``Vũ``), the page holds two names and the restorer
picked one of them without evidence. Over the fit basis (seeds 22-62, HG47) a restored name word whose rival spells
another listed name is in 2 wrong names (that one and HG47 speckle-19-tb-174's ``Tà`` restored ``Tạ``, rival ``H``:
``Hà``, for ``Hoàng``) and no right one; a name word kept as read whose rival spells another stands in 6 wrong names
(flagged already) and 2 right (``Phượng``'s rival ``ơ``, ``Hòa``'s ``o``), so a word kept as read is left to
:func:`archivist.chardoubt.name_letter_doubt` (bench/RESULTS.md, "Flags, fifty-second round (session 30)").
The value is never changed: which name is printed is the reviewer's.

A name word after the family name that no listed given name spells, read weakly, while a listed one differs from
it by one letter (marks aside), is the other doubt here (:func:`near_name_doubt`): HG69 cv-191's signer, printed
``Đặng Ngọc Hương``, stored ``Đặng Ngạc Hương`` (the typed ``ọ`` read ``ạ``, the word at 77, no rival kept):
``ngạc`` is a syllable, so no word test tells, but it is no listed name and ``Ngọc`` is one letter away. The
restorer leaves it (it only puts back marks on a name's own letters). Caveat: the bench's generator draws its names
from the same list, so the fit basis cannot measure how often a real archive's unlisted names (right as read) sit
one letter from a listed one; the rule is kept narrow for that: a word read under the page's sure level, of three
letters or more (``Hà`` is one letter from ``Bá``), a different letter and not other marks (``Thúy`` and ``Thủy``
are both names); it flags, never changes. On the fit basis (seeds 22-69 and HG47) it newly flags that one wrong
signer and none of 3,510 right signers or 489 persons (bench/RESULTS.md, "Flags, fifty-ninth round (session 30)").
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from .faintflags import Box, value_words, word_tuples
from .fields import NAME_FIELDS, Field
from .lexicon import LETTERS, name_spellings, other_names, section_lines
from .numberbox import SURE
from .ocrtext import PageText, box_inside, fold_key, overlap
from .syllables import TONES
from .textnorm import normalize
from .unlisted import unlisted_name_doubt

#: a name word this short is not judged one letter from a listed one: two-letter names differ by a letter from
#: many others (``Hà`` and the listed ``Bá``)
NEAR_LETTERS = 3
#: a run of letters: a name's word in its value and in the OCR word it was read from (``NGHĨA.``)


def listed(index: int) -> set[str]:
    """Every listed spelling (small letters) of a name's word at ``index``: a family name first, given names after."""
    section = name_spellings().get("surnames" if index == 0 else "given", {})
    return {w for spellings in section.values() for w in spellings}


def rival_name_doubt(value: str, read: Sequence[tuple[str, Sequence[tuple[int, str, float, float]]]]) -> str | None:
    """Why the name ``value`` is doubtful: one of its words differs from the OCR word it was read from (``read``:
    each word's text and the engine's rivals, in order, one per word of the value), and a rival of that OCR word
    spells another listed name. None when the words do not pair one to one."""
    words = LETTERS.findall(value)
    if len(words) != len(read):
        return None
    for i, (word, (text, rivals)) in enumerate(zip(words, read, strict=True)):
        letters = LETTERS.findall(text)
        if len(letters) != 1 or letters[0].lower() == word.lower():
            continue  # kept as read (or no single word): chardoubt judges its rivals
        for at, rival, _mine, _theirs in rivals:
            if not 0 <= at < len(text):
                continue
            other = "".join(LETTERS.findall(text[:at] + rival + text[at + 1:])).lower()
            if other != word.lower() and other in listed(i):
                return (f"'{text}' was stored '{word}', but the engine's other choice for its '{text[at]}', "
                        f"'{rival}', spells the name '{other.capitalize()}': one of two names")
    return None


def near_name_doubt(value: str, read: Sequence[tuple[str, float]]) -> str | None:
    """Why the name ``value`` is doubtful: a word after its family name is no listed given name, of three letters or
    more, read under :data:`~archivist.numberbox.SURE` (``read``: the OCR words it was read from and their confidence
    0-100, one per word of the value), and a listed given name has as many letters with one other (marks aside:
    ``Ngạc``, ``Ngọc``). None otherwise, or when the words do not pair one to one."""
    words, given = LETTERS.findall(value), name_spellings().get("given", {})
    if len(words) != len(read):
        return None
    for word, (_, conf) in list(zip(words, read, strict=True))[1:]:
        key = fold_key(word)
        if key in given or len(key) < NEAR_LETTERS or conf >= SURE:
            continue  # listed (marks aside: the restorer's and the marks rules'), short, or read surely
        near = sorted(g for g in given if len(g) == len(key) and sum(a != b for a, b in zip(g, key, strict=True)) == 1)
        if near:
            names = "', '".join(sorted(w.capitalize() for g in near for w in given[g]))
            return f"'{word}' (read at {conf:.0f}) is no listed given name, and '{names}' is one letter away"
    return None


#: The spellings a name gives the letters ``van``: ``Văn``, the commonest middle name of men, and ``Vân``. Its other
#: markings are words but no names (``ván`` a plank, ``vần`` a rhyme, ``vấn``, ``vẫn``), so a name word read so is
#: ``Văn`` or ``Vân`` with a mark misread: HG seeds 94 and 97's signers ``Võ Ván Hưng`` and ``Đào Thùy Vần`` (for
#: ``Văn``, ``Vân``), read surely (0.874, 0.778) and stored unflagged (bench/RESULTS.md, "Flags, eighty-fifth round
#: (session 34)"). Only these letters: other name syllables' other markings are often names too (``Thúy``, ``Thủy``).
#: Caveat (wordingflags.py's nineteenth round): the names of the province's other peoples are not in the lexicon and
#: may write such a syllable; the bench's names come from the lexicon, so it cannot count those. A right name so
#: flagged costs a reviewer a glance; a misread one stored unflagged goes into the catalogue.
#:
#: So the letters a name writes with these marks only, the spellings in the order a reason names them: ``van`` and
#: ``anh``, ``Anh`` and ``Ánh``, whose other markings are words but no names (``ảnh`` a photo, ``ành``, ``ạnh``).
#: Register rows' name cells are judged by every entry (archivist/registers.py): HG seeds 100, 105 and 111's
#: mothers ``Nguyễn Thị Ảnh``, ``Hoàng Diệu Ảnh``, printed ``Ánh``, read at 86-96 with no rival kept, and HG118's
#: ``Lương Thị Vần`` (``Vân``) were stored unflagged (the restorer leaves a name of two listed spellings as read;
#: bench/RESULTS.md, "Register rows counted (session 37)"). The signer and a civil record's person are too since
#: session 38 (they had ``van`` alone): the same misreading, the same knowledge (bench/RESULTS.md, "Highland
#: signers, second round (session 38)").
ONLY_SPELLINGS: dict[str, tuple[str, ...]] = {"van": ("văn", "vân"), "anh": ("anh", "ánh")}


def spelling_doubt(value: str, keys: Sequence[str] = tuple(ONLY_SPELLINGS)) -> str | None:
    """Why the name ``value`` is doubtful: a word after its family name has the letters of one of ``keys``
    (:data:`ONLY_SPELLINGS`) but marks no name gives them."""
    for word in LETTERS.findall(value)[1:]:
        key = fold_key(word)
        if key in keys and word.lower() not in ONLY_SPELLINGS[key]:
            names = "' or '".join(s.capitalize() for s in ONLY_SPELLINGS[key])
            return f"'{word}' is no name: a name writes these letters '{names}', a mark may be misread"
    return None


@lru_cache(maxsize=1)
def _apart() -> frozenset[str]:
    """The given names the lexicon lists apart from ``[given]`` (small letters): real names, no misreadings."""
    return other_names()["given"] | {w.lower() for w in section_lines(None, "highland given")}


def marks_doubt(value: str) -> str | None:
    """Why the name ``value`` is doubtful: a word after its family name has the letters of a listed given name but
    marks no listed name gives them (``Dưng``: ``dung`` is listed ``Dung`` and ``Dũng``). The restorer puts marks
    back only where one listed spelling has the letters; with two it leaves the word as read, misread mark and all:
    sealed HG243 clean-04-khai-sinh's person ``Võ Phương Dưng`` for ``Dung`` (0.808) and HG162 speckle-23's
    ``Nguyễn Thạnh Khánh`` for ``Thanh``, stored unflagged. :func:`spelling_doubt` for every listed given name, not
    ``van`` and ``anh`` only; a name listed apart (``[other given]``, ``[highland given]``) is no misreading, and
    the old tone placement (``Hoà``) is read as the new first. Asked of a civil record's person only: a signer's
    such word is judged by :func:`archivist.nameread.unlisted_marks_doubt` against the name line read again (a real
    name read so twice is kept unflagged), which no person's line has. Over session 43's 85 sets and 6 of session
    44's the test holds on 4 stored persons, all wrong, and on no right one of 310 (hundred-and-forty-seventh
    round). Caveat: the bench's names are the lexicon's, so a real name neither listed nor listed apart (``Thúy``,
    a southern ``Thạnh``) is flagged too: a reviewer's glance."""
    given = name_spellings().get("given", {})
    for word in LETTERS.findall(normalize(value))[1:]:
        spellings = given.get(fold_key(word))
        if spellings and word.lower() not in spellings and word.lower() not in _apart():
            names = "' or '".join(sorted(s.capitalize() for s in spellings))
            return f"'{word}' is no listed name: a name writes these letters '{names}', a mark may be misread"
    return None


def middle_last_doubt(value: str) -> str | None:
    """Why the name ``value`` is doubtful: its last word, the given name proper, is ``Văn``, the commonest middle name
    of men, which a given name hardly ever is, while ``Vân``, written with the same letters, is a common given name:
    a mark may be misread. Fresh HG265 faded-13-cv-233's signer ``Lý Hồng Văn`` for ``Lý Hồng Vân`` (``Văn`` read at
    89 on a faded page, 0.85, unflagged); on the 85 sets of session 43 no truth's signer or person ends with ``Văn``
    and that was the one value stored so (hundred-and-forty-fourth round)."""
    words = LETTERS.findall(value)
    if len(words) > 1 and words[-1] == "Văn":
        return f"'{value}' ends with 'Văn', a middle name, where the given name stands: 'Vân' has the same letters, " \
            "a mark may be misread"
    return None


def crossed_name_doubt(value: str, read: Sequence[tuple[str, Box]], others: Sequence[tuple[str, Box]]) -> str | None:
    """Why the name ``value`` is doubtful: the restorer changed one of its words (``read``: the OCR words it was read
    from and their boxes, one per word of the value), and another word of the page (``others``: those outside the
    value's box) covers part of that word's box. The restorer guesses a listed name from the letters read; where a
    signature's or a seal's strokes were read as a word across the name's, the letters may be partly those strokes,
    so the guess has nothing sure to start from. HG111 tables-25 qd-242's signer, printed ``Lê Tiến Thịnh``: the
    seal's ring and the signature over ``Lê`` read ``Tả`` at 95 (its box 24 px above the line's, the signature's
    ``Z2`` across it), restored ``Tạ``, no name reading giving ``Lê``. On seeds 86-112 it is the one restored name word
    so crossed, among 103 restored words of signers and persons; 20 name words crossed but kept as read are left
    to the other rules (bench/RESULTS.md, "Flags, ninetieth round onward (session 35)"). None when the words do not
    pair one to one."""
    words = LETTERS.findall(value)
    if len(words) != len(read):
        return None
    for word, (text, box) in zip(words, read, strict=True):
        letters = LETTERS.findall(text)
        if len(letters) != 1 or letters[0].lower() == word.lower():
            continue  # kept as read: no guess to doubt
        for other, obox in others:
            if overlap(box, obox) > 0:
                return (f"'{text}' was stored '{word}', but the page's '{other}' (a signature's or a seal's strokes "
                        f"read as text) lies across it: the letters the name was guessed from may be those strokes")
    return None


#: the names :func:`vowel_name_doubt` judges: the signer. A civil record's person is printed in capitals, whose marks
#: the engine loses often (``LÊ BÍCH HÀNG`` for ``HẰNG``, restored right): on seeds 86-118 it would flag 3 of 362
#: persons, none wrong (AT94 so-khai-sinh-02's ``Lê Bích Hằng`` a right one not flagged before)
VOWEL_FIELDS = ("signer",)
#: the vowels of a name's letters once its marks are folded away (``fold_key``: ``ồ`` -> ``o``)
_VOWELS = frozenset("aeiouy")


def _tone(word: str) -> str:
    """The tone mark of ``word`` (a combining character, empty for the level tone): ``Trạng`` and ``Trọng`` share
    theirs, ``Trang`` has none."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if c in TONES)


def vowel_name_doubt(value: str, read: Sequence[str]) -> str | None:
    """Why the name ``value`` is doubtful: the restorer changed a word after its family name from an OCR word no
    listed given name spells (``read``: the OCR words, one per word of the value), and another listed given name
    writes that OCR word with one other vowel and the tone mark as read (``Trạng`` stored ``Trang``: ``Trọng``;
    ``Hàng`` stored ``Hằng``: ``Hồng``, ``Hùng``). The restorer keeps the letters and changes the marks, but a typed
    vowel misread is a letter (``ọ`` read ``ạ``), so the page may print either name (HG117 typewriter-12 kh-169's
    ``Nguyễn Trọng An`` stored ``Nguyễn Trang An``, HG118 typewriter-10 ttr-145's ``Trần Hồng Linh`` stored ``Trần
    Hằng Linh``, both 0.88, unflagged). On seeds 86-118 (1,987 signers) 28 given-name words were so restored; it
    flags those two and one right signer flagged already (bench/RESULTS.md, "Typed given names, a vowel misread
    (session 35, signer35)"). None when the words do not pair one to one."""
    words, given = LETTERS.findall(value), name_spellings().get("given", {})
    if len(words) != len(read):
        return None
    names = listed(1)
    for word, text in list(zip(words, read, strict=True))[1:]:
        letters = LETTERS.findall(text)
        if len(letters) != 1 or letters[0].lower() == word.lower() or letters[0].lower() in names:
            continue  # kept as read, or read as a listed name: no guess made
        key, tone = fold_key(letters[0]), _tone(letters[0])
        others = sorted(spelling.capitalize() for other, spellings in given.items() if len(other) == len(key)
                        and _one_vowel(other, key) for spelling in spellings
                        if spelling != word.lower() and _tone(spelling) == tone)
        if others:
            alike = "', '".join(others)
            are = "is a name" if len(others) == 1 else "are names"
            return (f"'{letters[0]}' is no name and was stored '{word}', but '{alike}' {are} too, "
                    "one vowel away with the tone mark as read: the page may print either")
    return None


def _one_vowel(a: str, b: str) -> bool:
    """Whether the folded words ``a`` and ``b`` (as long) differ in one letter, a vowel in both."""
    diff = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return len(diff) == 1 and diff[0][0] in _VOWELS and diff[0][1] in _VOWELS


def flag_name_rivals(found: dict[str, Field], pages: Sequence[PageText]) -> None:
    """Mark for review each name of ``found`` (:data:`NAME_FIELDS`) a word of which is one letter from a listed given
    name it is not (:func:`near_name_doubt`), spells ``Văn`` or ``Anh`` with marks no name gives them
    (:func:`spelling_doubt`), or the restorer changed while the engine's rival for one of its letters spells another
    listed name (:func:`rival_name_doubt`)
    or another word of the page lies across it (:func:`crossed_name_doubt`); a signer, too, whose given name the
    restorer guessed where another listed one is a vowel away (:func:`vowel_name_doubt`); and a name a word of which
    the restorer changed from a real name the lexicon lists apart (``Tám`` stored ``Tâm``;
    :func:`archivist.unlisted.unlisted_name_doubt`). The ``Văn`` and unlisted tests need no page words: a name read
    from a text layer is judged by them too."""
    by_page = {p.number: p for p in pages if p.words}  # a page without its words (a text layer) gives no rivals
    for name in NAME_FIELDS:
        f = found.get(name)
        if f is None or f.review or not isinstance(f.value, str):
            continue
        f.review = spelling_doubt(f.value) or middle_last_doubt(f.value) \
            or unlisted_name_doubt(f.value, f.source_text) or (marks_doubt(f.value) if name == "person" else None)
        if f.review or f.page not in by_page:
            continue
        page = by_page[f.page]
        pairs = [(page.rivals.get(tuple(w[2]), (w[0], ())), w[1]) for w in value_words(page.words, f)]
        pairs = [(read, conf) for read, conf in pairs if LETTERS.search(read[0])]
        f.review = rival_name_doubt(f.value, [read for read, _ in pairs]) \
            or near_name_doubt(f.value, [(read[0], conf) for read, conf in pairs]) \
            or (vowel_name_doubt(f.value, [read[0] for read, _ in pairs]) if name in VOWEL_FIELDS else None) \
            or _crossed(f, page)


def _crossed(f: Field, page: PageText) -> str | None:
    """:func:`crossed_name_doubt` of ``f`` on its ``page``: its words against the page's others."""
    if f.bbox is None:
        return None
    mine = [(w[0], w[2]) for w in value_words(page.words or (), f) if LETTERS.search(w[0])]
    boxes = {tuple(box) for _, box in mine}
    others = [(w[0], w[2]) for w in word_tuples(page.words or ())
              if not box_inside(w[2], f.bbox) and tuple(w[2]) not in boxes]
    return crossed_name_doubt(str(f.value), mine, others)
