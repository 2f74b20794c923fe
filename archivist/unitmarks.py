"""A unit's name after its level word read a mark off: ``xã Cấm Thạch`` for ``xã Cẩm Thạch``, ``HUYỆN ĐỒNG HƯNG``
for ``HUYỆN ĐÔNG HƯNG``.

Why: the faded group's lost truth words that repeat over pages and seeds include the commune's and district's names
read with another tone or vowel mark (``XÃ CẤM THẠCH``, ``Xã Cầm Thạch``, ``huyện Cấm Xuyên`` on one document of
seed 490; bench/RESULTS.md, "Faded pages, twelfth round (session 49)"), and typed and speckled pages store the same
slips in their parent issuers (``UBND HUYỆN CẤM XUYÊN``, ``BẼN LỨC``, ``HÃI HẬU``, ``ĐỒNG HƯNG`` for ``ĐÔNG HƯNG``;
"Unit names a mark off, every page (session 49)"). The glyph cannot tell them apart; the place can. A name after
a level word is a unit's name of that level, and the unit lists know every one: after ``huyện``, ``quận`` or ``thị
xã`` a former district's (``adminunits.district_names_raw``, as :mod:`archivist.parentlists` reads them), after
``xã``, ``phường``, ``thị trấn`` or ``đặc khu`` a commune-level unit's (``adminunits.commune_names_raw``), after
``tỉnh`` or ``thành phố`` (a province or a district-level city) any unit's (:func:`archivist.unitnames.unit_names`).
Where the name read is none of its level's and exactly one of them differs from it only in marks (``cẩm thạch``
for ``cấm thạch``), that is the name printed: ``Đồng Hưng`` is a commune's name, but after ``HUYỆN`` it can only
be the district ``Đông Hưng``.

Never a guess between two real names: a name its level's list knows is kept as read (``Vĩnh Thanh`` and ``Vĩnh
Thạnh`` are both communes), and so is one whose unmarked spelling two or more of them share. Only the words of the
name change, each keeping its case (``CẤM`` → ``CẨM``) and the marks around it (``Xuyên;``); no word is made or
dropped, every box kept. Run on every page once the glyph rules are done (:func:`unit_marks`); the faded group's
first round ran on faded pages only (:mod:`archivist.fadedunits`, the old import path).
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from .levelwords import LEVELS
from .models import Word
from .ocr import OcrResult
from .tokens import EDGE as _EDGE
from .typedcase import with_readings
from .unitnames import listed_names, name_key, unit_names, unmarked_key

#: at most this many words in a unit's name (``Tân Hương``, ``Thịnh Hưng``; 10 of the lists' 7,682 names have more:
#: ``Văn Miếu Quốc Tử Giám``, left as read)
_MOST = 4


@lru_cache(maxsize=1)
def commune_names() -> frozenset[str]:
    """Every commune-level unit's name without its level word (:func:`name_key`), 2025's and former ones; empty
    without the lists. Made once per database and code, then read from the user's cache as
    :func:`archivist.parentlists.district_names` is."""
    from .adminunits import commune_names_raw
    from .levelwords import LEVEL

    here = Path(__file__).parent
    return listed_names("commune-names", [Path(__file__), here / "unitnames.py", here / "levelwords.py",
                                          here / "adminunits.py"],
                        lambda: {name_key(LEVEL.sub("", n, count=1)) for n in commune_names_raw()})


def _known(level: int | None) -> frozenset[str]:
    """The names a unit of ``level`` (:data:`archivist.levelwords.LEVELS`) may bear; any unit's where the level
    gives none (``thành phố``), is a province's, or its list is not at hand."""
    from .parentlists import district_names

    names = commune_names() if level == 1 else district_names() if level == 2 else frozenset()
    return names or unit_names()


@lru_cache(maxsize=4)
def _by_unmarked(level: int | None) -> dict[str, frozenset[str]]:
    """:func:`_known`'s names by their unmarked spelling (:func:`unmarked_key`)."""
    out: dict[str, set[str]] = defaultdict(set)
    for name in _known(level):
        out[unmarked_key(name)].add(name)
    return {k: frozenset(v) for k, v in out.items()}


def _core(text: str) -> str:
    return text.strip(_EDGE)


def _level_before(words: list[Word], i: int) -> tuple[bool, int | None]:
    """Whether the words before ``words[i]`` on its line end in a level word (``xã``, ``HUYỆN``, ``thị xã``), and
    its level: a two-word one first (``thị xã`` is a district's, ``xã`` a commune's)."""
    line = words[i].line
    if i < 1 or words[i - 1].line != line:
        return False, None
    last = words[i - 1].text.lower()
    if i >= 2 and words[i - 2].line == line and (two := f"{words[i - 2].text.lower()} {last}") in LEVELS:
        return True, LEVELS[two]
    return (True, LEVELS[last]) if last in LEVELS else (False, None)


def _opens_level(words: list[Word], i: int) -> bool:
    """Whether ``words[i]`` opens a level word of its own (``tỉnh Thành phố Hồ Chí Minh``: ``Thành`` alone would read
    ``Thanh``, a unit's name; seed 515's speckled marriage record)."""
    one = _core(words[i].text).lower()
    two = f"{one} {_core(words[i + 1].text).lower()}" if i + 1 < len(words) and words[i + 1].line == words[i].line \
        else ""
    return one in LEVELS or two in LEVELS


def _name_run(words: list[Word], i: int) -> list[int]:
    """The indices of the words from ``words[i]`` that may be a unit's name: on its line, each opening with a
    capital and made of letters, at most :data:`_MOST`, the run ending at a word with a mark after it
    (``Thạch,``)."""
    run: list[int] = []
    for k in range(i, min(i + _MOST, len(words))):
        text, core = words[k].text, _core(words[k].text)
        if words[k].line != words[i].line or not core[:1].isupper() or not core.isalpha() \
                or not text.startswith(core):
            break
        run.append(k)
        if text != core:
            break
    return run


def _closed(words: list[Word], run: list[int], level: int | None) -> bool:
    """Whether a one-word name may be read from ``run``: it is one word with a mark after it (``Thạch,``) or a
    small word after it on its line that cannot be the name's next word read small; at a line's end the name may go
    on below (``xã Thạnh`` / ``Lợi``: ``thạnh`` alone is no unit, ``thanh`` is), and a small word after a word that
    opens a longer name of its level may be that name's next word (``xã Thạnh tợi`` for ``Thạnh Lợi``, held-out
    seed 518's typed letter)."""
    if len(run) != 1:
        return False
    k = run[0]
    if words[k].text != _core(words[k].text):
        return True
    after = words[k + 1] if k + 1 < len(words) else None
    return after is not None and after.line == words[k].line and after.text[:1].islower() \
        and name_key(_core(words[k].text)) not in _first_words(level)


@lru_cache(maxsize=4)
def _first_words(level: int | None) -> frozenset[str]:
    """The first words of :func:`_known`'s names of two words or more (``thạnh`` of ``thạnh lợi``)."""
    return frozenset(name.split()[0] for name in _known(level) if " " in name)


def _cased(read: str, printed: str) -> str:
    """``printed`` (a lower-case word of a unit's name) in ``read``'s case: all capitals, or a capital first."""
    return printed.upper() if read.isupper() and len(read) > 1 else printed[:1].upper() + printed[1:]


def _twin(cores: list[str], level: int | None) -> list[str] | None:
    """The words of the one name of ``level`` that ``cores`` (a name read) is a mark off from, or None: None too
    where that level's list knows the name as read or where two or more of its names share its unmarked spelling."""
    read = name_key(" ".join(cores))
    if read in _known(level):
        return None
    names = _by_unmarked(level).get(unmarked_key(read), frozenset())
    if len(names) != 1:
        return None
    printed = next(iter(names)).split()
    if len(printed) != len(cores):
        return None
    return [_cased(c, p) for c, p in zip(cores, printed, strict=True)]


def unit_readings(words: list[Word]) -> list[str | None]:
    """Each word's reading where it belongs to a unit's name after a level word that its level's list knows only a
    mark off (see the module docstring), None elsewhere. The longest run of capitalised words that is a name (as
    read or a mark off) decides; a run the list knows as read is kept; one word is a name only as :func:`_closed`
    says."""
    out: list[str | None] = [None] * len(words)
    if not unit_names():
        return out
    for i in range(1, len(words)):
        after_level, level = _level_before(words, i)
        if not after_level or _opens_level(words, i):
            continue
        run = _name_run(words, i)
        for n in range(len(run), 0 if _closed(words, run, level) else 1, -1):
            cores = [_core(words[k].text) for k in run[:n]]
            if name_key(" ".join(cores)) in _known(level):
                break
            got = _twin(cores, level)
            if got is None:
                continue
            for k, core, new in zip(run[:n], cores, got, strict=True):
                if new != core:
                    out[k] = words[k].text.replace(core, new, 1)
            break
    return out


def unit_marks(ocr: OcrResult) -> OcrResult:
    """A page's reading with :func:`unit_readings` taken, the boxes kept."""
    if not ocr.words:
        return ocr
    return with_readings(ocr, unit_readings(ocr.words))
