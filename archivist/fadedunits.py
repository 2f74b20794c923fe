"""A faded page's unit name after its level word read a mark off: ``xã Cấm Thạch`` for ``xã Cẩm Thạch``.

Why: after session 48 the faded group's lost truth words that repeat over pages and seeds include the commune's and
district's names read with another tone or vowel mark (``XÃ CẤM THẠCH``, ``Xã Cầm Thạch``, ``huyện Cấm Xuyên`` on
one document of seed 490; bench/RESULTS.md, "Faded pages, twelfth round (session 49)"): the faint page loses the
grain of a hook or a dot, and the engine's language model picks another syllable. The glyph cannot tell them apart;
the place can. A name after a level word (``xã``, ``huyện``, ``tỉnh`` …) is a unit's name, and the unit lists
(:func:`archivist.unitnames.unit_names`) know every one: where the name read is no unit's and exactly one unit's
name differs from it only in marks (``cẩm thạch`` for ``cấm thạch``), that is the name printed.

Never a guess between two real names: a name the lists know is kept as read (``Vĩnh Thanh`` and ``Vĩnh Thạnh`` are
both units), and so is one whose unmarked spelling two or more units share. Only the words of the name change, each
keeping its case (``CẤM`` → ``CẨM``) and the marks around it (``Xuyên;``); no word is made or dropped, every box
kept, and only on a page :func:`archivist.restore.prepare` restored as a faded copy (``prep.before_contrast``).
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from .fadedwords import on_faded
from .models import Word
from .ocr import OcrResult
from .restore import Prepared
from .tokens import EDGE as _EDGE
from .unitnames import name_key, unit_names, unmarked_key

#: the level words read right before a name (any case); a two-word one by its second word after its first
_LEVEL_ONE = frozenset({"xã", "phường", "huyện", "quận", "tỉnh"})
_LEVEL_TWO = frozenset({("thị", "trấn"), ("thị", "xã"), ("thành", "phố")})
#: at most this many words in a unit's name (``Tân Hương``, ``Thịnh Hưng``; 10 of the lists' 7,682 names have more:
#: ``Văn Miếu Quốc Tử Giám``, left as read)
_MOST = 4


@lru_cache(maxsize=1)
def _by_unmarked() -> dict[str, frozenset[str]]:
    """The lists' unit names (:func:`name_key`) by their unmarked spelling (:func:`unmarked_key`)."""
    out: dict[str, set[str]] = defaultdict(set)
    for name in unit_names():
        out[unmarked_key(name)].add(name)
    return {k: frozenset(v) for k, v in out.items()}


def _core(text: str) -> str:
    return text.strip(_EDGE)


def _level_before(words: list[Word], i: int) -> bool:
    """Whether the words before ``words[i]`` on its line end in a level word (``xã``, ``HUYỆN``, ``thị trấn``)."""
    line = words[i].line
    if i < 1 or words[i - 1].line != line:
        return False
    last = words[i - 1].text.lower()
    two = i >= 2 and words[i - 2].line == line and (words[i - 2].text.lower(), last) in _LEVEL_TWO
    return last in _LEVEL_ONE or two


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


def _closed(words: list[Word], run: list[int]) -> bool:
    """Whether a one-word name may be read from ``run``: it is one word with a mark after it (``Thạch,``) or a
    small word after it on its line; at a line's end the name may go on below (``xã Thạnh`` / ``Lợi``: ``thạnh`` alone
    is no unit, ``thanh`` is)."""
    if len(run) != 1:
        return False
    k = run[0]
    after = words[k + 1] if k + 1 < len(words) else None
    return words[k].text != _core(words[k].text) or (after is not None and after.line == words[k].line
                                                       and after.text[:1].islower())


def _cased(read: str, printed: str) -> str:
    """``printed`` (a lower-case word of a unit's name) in ``read``'s case: all capitals, or a capital first."""
    return printed.upper() if read.isupper() and len(read) > 1 else printed[:1].upper() + printed[1:]


def _twin(cores: list[str]) -> list[str] | None:
    """The words of the one unit name ``cores`` (a name read) is a mark off from, or None: None too where the
    lists know the name as read or where two or more names share its unmarked spelling."""
    read = name_key(" ".join(cores))
    if read in unit_names():
        return None
    names = _by_unmarked().get(unmarked_key(read), frozenset())
    if len(names) != 1:
        return None
    printed = next(iter(names)).split()
    if len(printed) != len(cores):
        return None
    return [_cased(c, p) for c, p in zip(cores, printed, strict=True)]


def unit_readings(words: list[Word]) -> list[str | None]:
    """Each word's reading where it belongs to a unit's name after a level word that the lists know only a mark
    off (see the module docstring), None elsewhere. The longest run of capitalised words that is a name (as read or
    a mark off) decides; a run the lists know as read is kept; one word is a name only as :func:`_closed` says."""
    out: list[str | None] = [None] * len(words)
    if not unit_names():
        return out
    for i in range(1, len(words)):
        if not _level_before(words, i):
            continue
        run = _name_run(words, i)
        for n in range(len(run), 0 if _closed(words, run) else 1, -1):
            cores = [_core(words[k].text) for k in run[:n]]
            if name_key(" ".join(cores)) in unit_names():
                break
            got = _twin(cores)
            if got is None:
                continue
            for k, core, new in zip(run[:n], cores, got, strict=True):
                if new != core:
                    out[k] = words[k].text.replace(core, new, 1)
            break
    return out


def faded_units(ocr: OcrResult, prep: Prepared) -> OcrResult:
    """A faded page's reading with :func:`unit_readings` taken (:func:`archivist.fadedwords.on_faded`)."""
    return on_faded(ocr, prep, unit_readings)
