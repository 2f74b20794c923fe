#!/usr/bin/env python3
"""How far the unit lists archivist uses (the ``vietnamadminunits`` package) agree with the copy of the
official lists and the merge mapping in ``../shared/admin-units/`` ("good, not authoritative").

Usage: ``.venv/bin/python bench/units_agreement.py [--shared DIR] [--json]``. Prints the counts and
every disagreement by name: units whose code differs, (new, former) pairs only one side has, and pairs
whose full/partial flag differs. tests/test_adminunits.py asserts on the same comparison.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from archivist.adminunits import UnitLists, load_units, province_key  # noqa: E402

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "admin-units"


def _norm(s: str) -> str:
    return " ".join(unicodedata.normalize("NFC", s.replace("<br>", " ")).split())


def province_of(name: str) -> str:
    """A province name compared: prefix (``Tỉnh``, ``Thành phố``, ``Tp``) and diacritics dropped."""
    return province_key(_norm(name).replace("Tp ", "Thành phố "))


def read_units(folder: Path) -> dict[str, tuple[str, str]]:
    """1027/CTK-CSCL's units (code -> (name, province key)) from the markdown tables."""
    rows = {}
    for line in (folder / "1027_CTK-CSCL.md").read_text(encoding="utf-8").splitlines():
        m = re.match(r"\|\s*\d+\s*\|\s*(\d{5})\s*\|\s*(.*?)\s*\|\s*(.*?)\s*\|", line)
        if m:
            rows[m.group(1)] = (_norm(m.group(2)), province_of(m.group(3)))
    return rows


def read_provinces(folder: Path) -> dict[str, str]:
    """915/CTK-CSCL's provinces: code -> province key."""
    with (folder / "915_CTK-CSCL.csv").open(encoding="utf-8") as f:
        return {row["Mã số"]: province_of(row["Tên 34 tỉnh sau sáp nhập"]) for row in csv.DictReader(f)}


def read_merges(folder: Path) -> dict[tuple[str, str], bool]:
    """merges.json: (new code, former code) -> partial."""
    data = json.loads((folder / "merges.json").read_text(encoding="utf-8"))["data"]
    return {(w["level2_id"], m["old_id"]): m["type"] == "partial" for p in data for w in p["level2s"]
            for m in w["merges"]}


@dataclass
class Agreement:
    units_here: int
    units_there: int
    provinces_agree: bool
    same_names_and_provinces: bool
    code_differs: list[tuple[str, str, str, str]] = field(default_factory=list)  # name, province, here, there
    pairs_here: int = 0
    pairs_there: int = 0
    pairs_both: int = 0
    only_here: list[str] = field(default_factory=list)
    only_there: list[str] = field(default_factory=list)
    partial_differs: list[str] = field(default_factory=list)


def compare(lists: UnitLists, folder: Path = SHARED) -> Agreement:
    theirs = read_units(folder)
    ours = {c: (u.name, province_of(u.province_name)) for c, u in lists.units.items()}
    by_unit = {v: c for c, v in theirs.items()}
    a = Agreement(len(ours), len(theirs),
                  read_provinces(folder) == {c: province_of(n) for c, n in lists.provinces.items()},
                  sorted(ours.values()) == sorted(theirs.values()))
    a.code_differs = sorted((n, p, c, by_unit[(n, p)]) for c, (n, p) in ours.items()
                            if (n, p) in by_unit and by_unit[(n, p)] != c)
    mine = {(new, m.former.code): m.partial for new, ms in lists.merges.items() for m in ms}
    other = read_merges(folder)
    both = set(mine) & set(other)
    a.pairs_here, a.pairs_there, a.pairs_both = len(mine), len(other), len(both)

    def name(pair: tuple[str, str]) -> str:
        new, old = pair
        n = lists.units[new].name if new in lists.units else "?"
        o = lists.former[old].describe() if old in lists.former else f"? ({old})"
        return f"{n} ({new}) <- {o}"

    a.only_here = [name(p) for p in sorted(set(mine) - both)]
    a.only_there = [name(p) for p in sorted(set(other) - both)]
    a.partial_differs = [f"{name(p)}: partial here {mine[p]}, there {other[p]}" for p in sorted(both)
                         if mine[p] != other[p]]
    return a


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=SHARED, help="the admin-units folder")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if not args.shared.is_dir():
        print(f"{args.shared} is not there", file=sys.stderr)
        return 2
    lists = load_units()
    a = compare(lists, args.shared)
    if args.json:
        print(json.dumps({"package": lists.source(), **asdict(a)}, ensure_ascii=False, indent=2))
        return 0
    print(f"vietnamadminunits {lists.version} against {args.shared}")
    print(f"units: {a.units_here} here, {a.units_there} there; same names in the same provinces: "
          f"{a.same_names_and_provinces}; the 34 provinces agree: {a.provinces_agree}")
    print(f"units whose code differs: {len(a.code_differs)}")
    for n, p, here, there in a.code_differs:
        print(f"  {n} ({p}): {here} here, {there} there")
    print(f"old->new pairs: {a.pairs_here} here, {a.pairs_there} there, {a.pairs_both} in both "
          f"({100 * a.pairs_both / max(a.pairs_here, a.pairs_there):.2f}%); only here {len(a.only_here)}, "
          f"only there {len(a.only_there)}; full/partial differs on {len(a.partial_differs)} "
          f"({100 * len(a.partial_differs) / max(a.pairs_both, 1):.2f}% of the common pairs)")
    for title, rows in (("only here", a.only_here), ("only there", a.only_there),
                        ("full/partial differs", a.partial_differs)):
        print(f"{title}:")
        for r in rows:
            print(f"  {r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
