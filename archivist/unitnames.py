"""The administrative unit names the installed lists know, and the checks of a value's unit against them: a
unit named after its level word that no unit has (``xã Cẩm Thạc``), an issuer and a place line that spell their
commune two ways, a place that lost its level word to a word in capitals.

Kept apart from :mod:`archivist.crosscheck`, whose other checks judge a value alone, because the unit names are
a table of their own, made once from the lists' database and cached (:func:`unit_names`), that the place,
issuer and name checks of several modules key their words against (:func:`name_key`, :func:`unmarked_key`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from itertools import takewhile
from pathlib import Path

from .bodies import abbreviations
from .levelwords import LEVEL
from .ocrtext import _fold
from .textnorm import normalize
from .tokens import edge_without

#: a name is cut out of a phrase, so its spaces go too; a stroke stays on a word (``ư//`` is no lone letter to
#: speck_doubt: stripping it rewrote 2 recipients' reasons on the fit sets); the position checks strip it themselves
_EDGE = edge_without("/") + " "


def name_key(name: str) -> str:
    """A unit name as the unit lists key it: NFC, lower case, single spaces."""
    return " ".join(normalize(name).lower().split())


@lru_cache(maxsize=1)
def unit_names() -> frozenset[str]:
    """Every unit name the installed lists know (2025 communes, former communes, districts, provinces),
    without its level word, as :func:`name_key` writes it; empty when the lists are not installed.

    Made once per database and code and then read from the user's cache (``tesswords.derived_lines``, under the
    digest of the database's bytes and of the modules that decide the names: this one for :func:`name_key`,
    levelwords for the level words, textnorm for ``normalize``, adminunits for the query): the query and the keys
    cost the main process 0.04 CPU s on every batch, read back 0.003 (bench/RESULTS.md, issue 16, session 26)."""
    from .adminunits import UnitError, data_dir
    from .tesswords import derived_lines, model_digest

    try:
        db = data_dir() / "dataset.db"
    except UnitError:
        return frozenset()
    here = Path(__file__).parent
    try:
        data = model_digest(db)
    except OSError:
        return _unit_names_built()
    return frozenset(derived_lines("unit-names", [Path(__file__), here / "levelwords.py", here / "textnorm.py",
                                                  here / "adminunits.py"],
                                   _unit_names_built, data=data))


def listed_names(kind: str, sources: list[Path], build: Callable[[], set[str]]) -> frozenset[str]:
    """The names ``build`` makes from the lists' database (a level's: a district's, a commune's), made once per
    database and ``sources`` (the modules that decide them) and then read from the user's cache under ``kind``
    (``tesswords.derived_lines``); empty without the lists. One loader for :func:`archivist.parentlists.district_names`
    and :func:`archivist.unitmarks.commune_names`."""
    from .adminunits import UnitError, data_dir
    from .tesswords import derived_lines, model_digest

    try:
        data = model_digest(data_dir() / "dataset.db")
    except (UnitError, OSError):
        return frozenset()
    return frozenset(line for line in derived_lines(kind, sources, build, data=data) if line)


def _unit_names_built() -> frozenset[str]:
    """:func:`unit_names` made from the lists' database (empty when the lists are not installed)."""
    from .adminunits import UnitError, unit_names_raw

    try:
        raw = unit_names_raw()
    except UnitError:
        return frozenset()
    # The raw names first: the lists' 36,757 names are 9,387 different ones (every former commune repeats its
    # district's and province's), and each is normalised once instead of each time it comes (0.046 -> 0.018
    # CPU s a batch; the same set).
    return frozenset(name_key(LEVEL.sub("", name, count=1)) for name in raw)


def unit_name(part: str, whole: bool = False, codes: bool = False) -> str | None:
    """The unit name in ``part`` (after ``XÃ``, ``huyện`` …; with ``whole``, the whole of it when it has no
    level word), or None: the words in capitals or title case that follow (``xã Cẩm Thạch giai đoạn …``); a
    name in small letters is no proper name (``huyện ủy``), nor one with a code in it (unless ``codes``)."""
    hits = list(LEVEL.finditer(part))
    if not hits and not whole:
        return None
    rest = (part[hits[-1].end():] if hits else part).strip(_EDGE).split()
    words = list(takewhile(lambda w: w[:1].isupper() or w[:1].isdigit(), rest))  # xã Cẩm Thạch giai đoạn 2010
    if not words or (not codes and any(w.strip(_EDGE).upper() in abbreviations() for w in words)):
        return None
    return " ".join(words).strip(_EDGE)


def unit_doubt(value: str, whole: bool = False) -> str | None:
    """Why a unit named in ``value`` is doubtful: the lists know no unit of that name (text after a comma
    or in brackets is not part of the name; ``whole``: a place, named by its first part)."""
    known = unit_names()
    for part in re.split(r"[,;(]", value)[:1 if whole else None] if known else []:
        if (name := unit_name(part, whole)) and name_key(name) not in known:
            return f"no administrative unit is named '{name}'"
    return None


def unmarked_key(name: str) -> str:
    """:func:`name_key` without tone marks, to find names spelled alike but marked differently."""
    return " ".join(_fold(name).split())


def commune_doubt(issuer: str, place: str) -> str | None:
    """Why the issuer and the place are doubtful: they name one commune with different marks
    (``XÃ VĨNH THANH`` and ``Vĩnh Thạnh``) that are both real names, so only a person can tell which is right
    (a name no unit has is :func:`unit_doubt`'s, and the other is not doubted for it)."""
    a, b = unit_name(re.split(r"[,;(]", issuer)[0]), unit_name(re.split(r"[,;(]", place)[0], whole=True)
    if a and b and unmarked_key(a) == unmarked_key(b) and name_key(a) != name_key(b) \
            and {name_key(a), name_key(b)} <= unit_names():
        return f"the issuer and the place line spell the name two ways: '{a}', '{b}'"
    return None


def level_lost(place: str, lead: str, issuer: str) -> tuple[str, str] | None:
    """The place with the level word it lost, and why, or None. The place span stops at a word in capitals,
    so a level word printed ``XÃ`` or misread ``XI`` is left before a place that then reads ``Trung Nghĩa``:
    when the issuer names the same unit after a level word with that first letter, the place was printed
    with it (a short form has no word there), and the issuer says which one it was. A level word in any case
    is one too when a speck glued to it (``"Xã``) kept it out of the place."""
    hits = list(LEVEL.finditer(issuer))
    core = lead.strip(_EDGE)
    spelled = LEVEL.fullmatch(core + " ") is not None  # Xã, xã, XÃ: the level word itself
    if not hits or LEVEL.match(place + " ") or not core.isalpha() or not (core.isupper() or spelled) or len(core) > 6:
        return None
    name, level = unit_name(issuer), hits[-1].group().strip()
    if not name or unmarked_key(name) != unmarked_key(place) or _fold(core)[:1] != _fold(level)[:1]:
        return None
    word = level[:1].upper() + level[1:].lower()
    return f"{word} {place}", f"the level word before the place was read '{core}'; '{word}' is the issuer's"
