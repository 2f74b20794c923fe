"""A speckled page's syllables the word list can judge only with a capital: a run of small letters after a
capitalised word (``Ủy bạn nhân dân``, ``Chứng mĩnh nhân dân``), or a run in capitals (``KẾT QUÁ THỰC HIỆN``,
``CHU TỊCH``), judged in small letters.

Why: on the speckled 200 dpi pages of seeds 222-225 a tone lost or changed is still a large class of lost words
(bench/RESULTS.md, "Speckled pages, sixth round (session 42)"), and many of them sit where the list's steps
(:func:`archivist.fadedread.odd_in_runs`, :func:`archivist.spanread.syllable_reading`) never look: those take runs of
small letters only, so ``bạn`` of ``Ủy bạn nhân dân`` (``ủy ban`` is the word, ``Ủy`` opens the run), ``QUÁ`` of
``KẾT QUÁ`` and ``CHU`` of ``CHU TỊCH`` were left as read. The list holds no names (words with a capital are left
out of it, :func:`archivist.wordpairs._build`), so a name's syllables make no word and are judged by nothing here;
and a syllable is changed only when the image, read again, shows the one the list wants (the callers' guards:
other marks only for a syllable, a syllable in use for a word that is none): the list chooses what to look for, the
glyphs decide.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from .models import Word
from .ocr import nfc
from .tokens import EDGE, split_edges


def case_of(core: str) -> str | None:
    """``"lower"``, ``"title"`` (a capital, then small letters) or ``"upper"`` for a word of letters; None else."""
    if not core.isalpha():
        return None
    if core.islower():
        return "lower"
    if core.isupper() and len(core) > 1:
        return "upper"
    if core[:1].isupper() and (len(core) == 1 or core[1:].islower()):
        return "title"
    return None


def in_case(syllable: str, case: str) -> str:
    """``syllable`` (small letters) written in ``case`` (:func:`case_of`)."""
    if case == "upper":
        return syllable.upper()
    if case == "title":
        return syllable[:1].upper() + syllable[1:]
    return syllable


def _cased_runs(words: list[Word]) -> Iterator[list[tuple[int, str, str]]]:
    """Runs of a line's adjacent words with no punctuation between, each word as (its index, its letters, its
    case): a capitalised word and the small-letter words after it, or words in capitals. Marks, digits, a change of
    line or of case (a second capital word: ``Yên Thịnh``) cut a run."""
    run: list[tuple[int, str, str]] = []
    line = None
    for k, w in enumerate(words):
        lead, core, trail = split_edges(nfc(w.text), EDGE)
        case = case_of(core)
        fits = bool(run) and not lead and w.line == line and (
            case == "lower" and run[0][2] in ("title", "lower") or case == "upper" and run[0][2] == "upper")
        if run and not fits:
            yield run
            run = []
        line = w.line
        if case is None:
            continue
        run.append((k, unicodedata.normalize("NFC", core), case))
        if trail:
            yield run
            run = []
    if run:
        yield run


def cased_runs_places(words: list[Word]) -> dict[int, tuple[list[str], int, str]]:
    """Every word of a run of two words or more that holds a capital (:func:`_cased_runs`): the run's syllables in
    small letters, the word's place in it, and the word's case. Runs of small letters alone are left out: the
    small-letter steps judge them already."""
    place: dict[int, tuple[list[str], int, str]] = {}
    for run in _cased_runs(words):
        if len(run) < 2 or all(case == "lower" for _, _, case in run):
            continue
        low = [core.lower() for _, core, _ in run]
        for i, (k, _, case) in enumerate(run):
            place[k] = (low, i, case)
    return place


def odd_with_capitals(words: list[Word]) -> dict[int, str]:
    """The words of runs that hold a capital (:func:`cased_runs_places`) that the list finds odd, each with the
    syllable one confusion away that makes a word with its neighbours (:func:`archivist.wordpairs.odd_syllables`,
    judged in small letters), written in the word's case."""
    from .wordpairs import odd_syllables  # on a speckled page only (the page stage's fork server keeps it out)

    places = cased_runs_places(words)
    odd: dict[int, str] = {}
    for k, (low, i, _) in places.items():
        if i == 0:
            for j, alt, a, b in odd_syllables(low):
                if not named(low) or (a, b) == (0, len(low)):
                    odd[k + j] = in_case(alt, places[k + j][2])
    return odd


def named(low: list[str]) -> bool:
    """Whether a run opens with a family name (``ĐỖ THÀNH HÙNG``): a person's name, whose syllables may make a
    word of the list (``đô thành``; seed 223's ``ĐỖ`` was read again ``ĐÔ`` from the word's box). Such a run is
    judged only as one word of the list as a whole (``CHU TỊCH``, ``Chu`` a family name too)."""
    from .lexicon import SURNAMES
    from .ocrtext import fold_key

    return fold_key(low[0]) in SURNAMES


#: The vowels of Vietnamese syllables, their marks aside.
VOWELS = "aeiouy"
#: Three consonants after a syllable's first vowel: no Vietnamese syllable ends so (``UBND``, ``UBMTTQ``).
CLUSTER = re.compile(rf"[^{VOWELS}]*[{VOWELS}].*[^{VOWELS}]{{3}}")


def syllable_like(core: str) -> bool:
    """Whether ``core`` may be a syllable a speck spoilt: it holds a vowel (marks aside) and no three consonants
    after it (``RHƯƠNG``, ``bah``, ``clinh``; not ``UBND``, ``HĐND``, ``UBMTTQ``). Why: of the words of runs with a
    capital that are no syllable on seeds 222 and 225, 24 of 34 were such abbreviations, four readings each, and
    none could become a syllable of the list."""
    bare = "".join(c for c in unicodedata.normalize("NFD", core.lower()) if not unicodedata.combining(c))
    return any(c in VOWELS for c in bare) and CLUSTER.match(bare) is None


def cased_syllable_reading(core: str, readings: list[str], low: list[str], i: int, case: str) -> str | None:
    """The syllable a reading makes of ``core`` (word ``i`` of a run that holds a capital, ``low`` its syllables in
    small letters, ``case`` the word's) when ``core`` is no syllable, the reading's letters are a syllable Vietnamese
    words use written in the same case, and in its place the run stands in a word of the list; None otherwise (as
    :func:`archivist.spanread.syllable_reading` for small-letter runs: ``Ủy bah nhân dân`` -> ``ban``,
    ``NHÌIỆM VỤ`` -> ``NHIỆM``)."""
    from .syllables import attested, is_syllable
    from .wordpairs import in_a_word  # on a speckled page only (the page stage's fork server keeps it out)

    if is_syllable(core):
        return None
    for r in readings:
        new = split_edges(r, EDGE)[1]
        if " " in r or case_of(new) != case or new == core or new.lower() not in attested():
            continue
        if named(low) and not whole_word([*low[:i], new.lower(), *low[i + 1:]]):
            continue
        if in_a_word([*low[:i], new.lower(), *low[i + 1:]], i):
            return new
    return None


def whole_word(low: list[str]) -> bool:
    """Whether the run's syllables are one word of the list."""
    from .wordpairs import canon, entries

    return " ".join(canon(s) for s in low) in entries()
