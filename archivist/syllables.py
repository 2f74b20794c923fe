"""The closed set of Vietnamese syllables, derived from the orthography's own rules.

Vietnamese is written syllable by syllable, each an onset, a rime and a tone, and the rules that
join them are few (``k`` before i/y/e/ê, ``c`` elsewhere; ``gh``/``ngh`` before i/e/ê; a rime that
ends in a stop ``c ch p t`` takes only the sắc or nặng tone; the tone sits on the rime's main vowel).
So an OCR token that no rule allows is certainly misread, and a reading that the rules allow is a
candidate for what was printed. The set is generated here rather than shipped as a list, so that it
is pinned by this code, with no data file to keep or licence to track; it over-generates a little
(syllables the rules allow that no word uses), which only makes the corrector more careful: it never
touches a token that is valid.

Both places of the tone in ``oa``, ``oe``, ``uy`` are valid (``hoà`` and ``hòa``, ``thuý`` and ``thúy``), and
so are the place names of the Central Highlands that bend the rules (``Đắk Lắk``, ``Bắc Kạn``).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path

ONSETS = ("", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh", "p",
          "ph", "qu", "r", "s", "t", "th", "tr", "v", "x")

#: Rimes as written, without tone. Those that open with a glide ``o``/``u`` (``oa``, ``uyên``) are listed
#: apart: ``qu`` already holds that glide, ``c``/``k`` never take it.
_PLAIN_RIMES = """
a ac ach ai am an ang anh ao ap at au ay
ăc ăk ăm ăn ăng ăp ăt ak
âc âm ân âng âp ât âu ây
e ec em en eng eo ep et
ê êch êm ên ênh êp êt êu
i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu
y yêm yên yêng yêt yêu
o oc oi om on ong op ot ooc oong
ô ôc ôi ôm ôn ông ôp ôt
ơ ơi ơm ơn ơp ơt
u ua uc ui um un ung up ut uôc uôi uôm uôn uông uôt
ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu
""".split()
_GLIDE_RIMES = """
oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt oe oem oen oeo oet
uân uâng uât uây uê uêch uênh uy uya uych uyên uyêt uynh uyp uyt uyu uơ
""".split()

VOWELS = set("aăâeêioôơuưy")
_MARKED = set("ăâêôơư")
STOPS = ("c", "ch", "k", "p", "t")
#: Combining tone marks: huyền, sắc, hỏi, ngã, nặng.
TONES = ("\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
_FRONT = ("i", "y", "e", "ê")


def _tone_slots(rime: str) -> tuple[int, ...]:
    """Where the tone mark may sit in ``rime`` (index of a vowel letter): on its last marked vowel
    (``ươ`` -> ơ, ``iê`` -> ê); else on the last vowel before a final consonant; else in an open rime
    on the first of two vowels (``ái``, ``của``) or the middle of three (``ngoài``), and for ``oa``,
    ``oe``, ``uy`` on either vowel (both spellings are in use)."""
    vowels = [i for i, c in enumerate(rime) if c in VOWELS]
    marked = [i for i in vowels if rime[i] in _MARKED]
    if marked:
        return (marked[-1],)
    if vowels[-1] < len(rime) - 1:
        return (vowels[-1],)
    if len(vowels) == 1:
        return (vowels[0],)
    if len(vowels) == 2:
        return tuple(vowels) if rime in ("oa", "oe", "uy") else (vowels[0],)
    return (vowels[1],)


def _toned(rime: str) -> set[str]:
    stop = rime.endswith(STOPS)
    out = set() if stop else {rime}
    for tone in (TONES[1], TONES[4]) if stop else TONES:  # a stop final takes only sắc and nặng
        for i in _tone_slots(rime):
            out.add(unicodedata.normalize("NFC", rime[:i + 1] + tone + rime[i + 1:]))
    return out


def _allowed(onset: str, rime: str, glide: bool) -> bool:
    """The spelling rules joining an onset and a rime."""
    front = rime.startswith(_FRONT)
    if rime.startswith("y") and len(rime) > 1:  # yên, yêu: only with no onset (uyên holds its own glide)
        return onset == "" or onset == "qu" and rime[1] == "ê"
    if rime.startswith("iê") and onset == "":
        return False
    if onset in ("c", "qu") and glide or onset == "k" and glide:
        return False
    if onset == "c":
        return not front
    if onset == "k":  # k before a back vowel only in names of the Central Highlands: Kạn, Kon, Krông
        return True
    if onset in ("gh", "ngh"):
        return front and not rime.startswith("y")
    if onset in ("g", "ng"):
        return not front
    if onset == "qu":  # qu holds the glide: quân, quyết are qu + ân, yêt
        return rime[0] in "aăâeêiyơ" and not rime.startswith(("ia", "iê")) or rime == "ôc"
    return True


@lru_cache(maxsize=1)
def syllables() -> frozenset[str]:
    """Every valid syllable in lower case, NFC, with and without its tone."""
    out: set[str] = set()
    for glide, rimes in ((False, _PLAIN_RIMES), (True, _GLIDE_RIMES)):
        for rime in rimes:
            for onset in ONSETS:
                if not _allowed(onset, rime, glide):
                    continue
                head = "g" if onset == "gi" and rime.startswith("i") else onset  # gi + in = gìn
                out.update(head + r for r in _toned(rime))
            if glide and rime[0] == "u":  # the glide rimes after qu: quy, quýt, quỳnh, quyết
                out.update("qu" + r for r in _toned(rime[1:]))
    return frozenset(out)


@lru_cache(maxsize=1)
def folded_syllables() -> frozenset[str]:
    """The syllables without any mark (``d`` for ``đ``): what a syllable looks like when the OCR lost its marks."""
    return frozenset(fold_marks(s) for s in syllables())


def fold_marks(token: str) -> str:
    """``token`` in lower case without tone or vowel marks, ``đ`` as ``d``."""
    nfd = unicodedata.normalize("NFD", token.lower().replace("đ", "d"))
    return "".join(c for c in nfd if unicodedata.combining(c) == 0)


def is_syllable(token: str) -> bool:
    """``token`` (any case, any normal form) is one valid Vietnamese syllable."""
    return unicodedata.normalize("NFC", token.lower()) in syllables()


def tone_of(syllable: str) -> str:
    """The combining tone mark of ``syllable`` ('' for the level tone)."""
    return next((c for c in unicodedata.normalize("NFD", syllable) if c in TONES), "")


def toneless(syllable: str) -> str:
    """``syllable`` without its tone mark, vowel marks kept (``quyết`` -> ``quyêt``)."""
    return unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", syllable) if c not in TONES))


@lru_cache(maxsize=1)
def model_list() -> frozenset[str]:
    """The words of the word list inside Tesseract's own ``vie`` model (its dictionary, read with Tesseract's
    ``combine_tessdata`` and ``dawg2wordlist``), as the list writes them: in small letters, and in capitals where
    the word opens a name or a sentence (``Vân``, never ``Vần``). Empty when the tools or the model are missing.
    The list is unpacked once per model and then read from the user's cache (archivist/tesswords.py)."""
    from .tessdata import OcrError, tessdata_dir
    from .tesswords import model_words

    try:
        model = Path(tessdata_dir(), "vie.traineddata")
    except OcrError:
        return frozenset()
    text = model_words(model) if model.exists() else None
    if text is None:
        return frozenset()
    return frozenset(unicodedata.normalize("NFC", w.strip()) for w in text.split())


@lru_cache(maxsize=1)
def attested() -> frozenset[str]:
    """The syllables of the model's word list (:func:`model_list`), in lower case: the rules allow syllables no
    word uses (``nguồi``), and when two readings are equally near, the one Vietnamese uses is the one
    printed. Empty when the tools or the model are missing: the corrector then only needs more evidence."""
    return frozenset(w for w in {w.lower() for w in model_list()} if w in syllables())
