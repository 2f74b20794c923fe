"""Fonds (phông lưu trữ): the records of one body, kept together and never mixed with another's.

Since 1 July 2025 a commune's archive holds the paper records of the two to ten former communes and
wards merged into it. Each former People's Committee ceased on 30 June 2025, so its fonds is
**closed**; the new commune's fonds is **open** from 1 July 2025. :func:`fonds_of_unit` makes them
from the official mapping (archivist.adminunits); a fonds the mapping does not know (the commune
Party committee's, one from an earlier merger) is added by hand. Each is a JSON record
``ARCHIVE/fonds/<code>.json`` validated against ``schemas/fonds.schema.json`` (Circular 05/2025's
fonds fields).

Fonds codes. The code is the first part of every dossier code of the fonds
(``<fonds code>.<year>.<number>``), so it must be stable (never recomputed from a list that may
change), unique in the archive, and short enough to read on a catalogue. ``archivist init`` makes:

- ``C`` + the former unit's code (``C04756``: *cũ*, the closed fonds of a former unit);
- ``M`` + the 2025 unit's code (``M04714``: *mới*, the new commune's open fonds).

Why not the bare 5-digit code: new units reuse former codes, often inside the same archive (the
new Xã Yên Bình, Lào Cai, is 04714, the code of the former Thị trấn Yên Bình merged into it), so
``04714.2019.3`` would not say whose dossier it is. Why not a name: names repeat too (a town and a
commune of one name are often merged together) and are corrected later, while a code given to
dossiers can never change. The letter tells the two lists apart; the record keeps the code, the
name and the list date together (``unit``). A code typed with ``fonds add`` may be anything of
letters, digits, ``-``, ``_`` and inner dots (an official identifier such as ``H27.31.05``), is
unique ignoring case (archives live on case-insensitive disks), and cannot be changed once a
document or dossier uses it.

:func:`fonds_totals` computes a fonds' date range and totals from its documents' records (and
dossiers); the pipeline calls it when those change.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path

from .adminunits import LAST_FORMER_DATE, MERGER_DATE, NEW_LIST, NEW_LIST_DATE, Merge, Unit, UnitLists, strip_type
from .errors import UsageProblem
from .fsutil import atomic_write_json, read_json_object
from .plural import plural
from .record import replaced_by, utc_now
from .schemas import RecordInvalid, errors
from .textnorm import match_key

FONDS_DIR = "fonds"
FORMER_PREFIX = "C"
NEW_PREFIX = "M"
CODE_RE = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9_-]|\.(?=[A-Za-z0-9])){0,39}$")
#: Names Windows will not give a file, whatever the extension.
RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
#: Fields ``archivist fonds set`` may change (the code has its own rules, see :func:`update_fonds`).
EDITABLE = ("code", "name", "status", "start_date", "end_date", "history", "language", "classification_scheme",
            "backup_regime", "notes")
BODY = "Ủy ban nhân dân"


class FondsError(UsageProblem):
    """A fonds command that cannot be done as asked (exit 2); ``str(e)`` is one line."""

    def __init__(self, message: str, details: list[str] | None = None) -> None:
        super().__init__(message)
        self.details = details or []


def empty_totals() -> dict:
    return {"documents": 0, "superseded": 0, "dossiers": 0, "pages": 0, "undated": 0, "start_date": None,
            "end_date": None, "computed": None}


@dataclass
class Fonds:
    """One fonds record (see ``schemas/fonds.schema.json`` for what each field means)."""

    code: str
    name: str
    status: str  # open | closed
    origin: str  # former_unit | new_unit | added
    unit: dict | None = None
    partial: bool = False
    partial_into: list[dict] = field(default_factory=list)
    merged_into: dict | None = None
    start_date: str | None = None
    end_date: str | None = None
    history: str | None = None
    language: str = "vi"
    classification_scheme: str | None = None
    backup_regime: str | None = None
    notes: str | None = None
    totals: dict = field(default_factory=empty_totals)
    created: str = field(default_factory=utc_now)
    updated: str = field(default_factory=utc_now)
    changes: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"fonds_version": 1, **asdict(self)}

    @classmethod
    def from_dict(cls, data: dict) -> Fonds:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})

    @property
    def unit_code(self) -> str | None:
        return (self.unit or {}).get("code")

    def same_body(self, other: Fonds) -> bool:
        """Whether two records describe the same body (same origin and unit): re-running ``init`` keeps it."""
        return self.origin == other.origin and self.unit_code == other.unit_code and (
            self.unit is not None or match_key(self.name) == match_key(other.name))

    def label(self) -> str:
        """``C04756 Ủy ban nhân dân xã Tân Hương (closed, until 2025-06-30, partial)``: one line for lists."""
        when = (f"until {self.end_date}" if self.status == "closed" and self.end_date
                else f"from {self.start_date}" if self.start_date else "")
        extra = ", ".join(x for x in (self.status, when, "partial" if self.partial else "") if x)
        return f"{self.code} {self.name} ({extra})"


def fonds_code(unit: Unit) -> str:
    """The code ``init`` gives the fonds of ``unit`` (see the module docstring)."""
    return (NEW_PREFIX if unit.era == "2025" else FORMER_PREFIX) + unit.code


def body_name(unit: Unit) -> str:
    """``Ủy ban nhân dân xã Tân Hương``: the body whose records form the unit's fonds."""
    typ = unit.type or ""
    return f"{BODY} {typ[:1].lower()}{typ[1:]} {unit.short_name}".replace("  ", " ")


def _ref(unit: Unit) -> dict:
    return {"code": unit.code, "name": unit.name, "province_name": unit.province_name}


def _vn_date(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{d}/{m}/{y}"


def _former_history(m: Merge, new: Unit, lists: UnitLists) -> str:
    u = m.former
    where = ", ".join(x for x in (u.name, u.district_name, u.province_name) if x)
    into = f"{new.name}, {new.province_name} (mã {new.code})"
    if m.partial:
        rest = "; ".join(f"{lists.units[c].name}, {lists.units[c].province_name} (mã {c})" for c in m.also_into)
        merged = f"một phần nhập vào {into}" + (f"; phần còn lại nhập vào {rest}" if rest else "")
    else:
        merged = f"nhập vào {into}"
    return (f"{where} (mã {u.code}). Từ ngày {_vn_date(MERGER_DATE)} {merged} theo sắp xếp đơn vị hành chính năm "
            f"2025; {BODY} {u.type.lower()} chấm dứt hoạt động ngày {_vn_date(LAST_FORMER_DATE)}.")


def _new_history(unit: Unit, merges: list[Merge]) -> str:
    parts = ", ".join(f"{m.former.name}{' (một phần)' if m.partial else ''}" for m in merges)
    made = f" trên cơ sở nhập {parts}" if parts else ""
    return (f"{unit.name}, {unit.province_name} (mã {unit.code}, danh mục {NEW_LIST} ngày {_vn_date(NEW_LIST_DATE)}), "
            f"hoạt động từ ngày {_vn_date(MERGER_DATE)}{made}.")


def fonds_of_unit(lists: UnitLists, unit: Unit) -> list[Fonds]:
    """The fonds of a 2025 unit's archive: its own open fonds, then one closed fonds per former unit merged
    into it (wholly merged first), a partly merged one marked ``partial`` with where the rest went."""
    merges = lists.former_units(unit.code)
    out = [Fonds(code=fonds_code(unit), name=body_name(unit), status="open", origin="new_unit", unit=unit.to_dict(),
                 start_date=MERGER_DATE, history=_new_history(unit, merges))]
    for m in merges:
        out.append(Fonds(code=fonds_code(m.former), name=body_name(m.former), status="closed", origin="former_unit",
                         unit=m.former.to_dict(), partial=m.partial,
                         partial_into=[_ref(lists.units[c]) for c in m.also_into], merged_into=_ref(unit),
                         end_date=LAST_FORMER_DATE, history=_former_history(m, unit, lists)))
    return out


# --- totals -------------------------------------------------------------------------------------

def record_fonds_code(record: dict) -> str | None:
    """The fonds a document record belongs to (``record["fonds"]["code"]``), None when it has none yet."""
    f = record.get("fonds")
    return f.get("code") if isinstance(f, dict) else None


def fonds_totals(records: Iterable[dict], dossiers: Iterable[dict] = (), computed: str | None = None) -> dict:
    """Date range and totals of a fonds (``totals`` of its record) from its documents' records and dossiers.

    The caller passes the records of one fonds. Dates are the documents' issue dates
    (``metadata.date``) and the dossiers' start and end dates; an undated document is counted in
    ``undated`` and does not widen the range. ``superseded`` counts the documents a later version
    replaces (``archivist supersede``): both versions are kept, so they are among ``documents``, and
    ``documents - superseded`` are in force — the HTML report counts them the same way.
    """
    docs = pages = undated = superseded = 0
    dates: list[str] = []
    for rec in records:
        docs += 1
        superseded += replaced_by(rec) is not None
        pages += int(rec.get("page_count") or len(rec.get("pages") or []))
        d = (rec.get("metadata") or {}).get("date")
        if d:
            dates.append(d)
        else:
            undated += 1
    n_dossiers = 0
    for dossier in dossiers:
        n_dossiers += 1
        dates += [d for d in (dossier.get("start_date"), dossier.get("end_date")) if d]
    return {"documents": docs, "superseded": superseded, "dossiers": n_dossiers, "pages": pages, "undated": undated,
            "start_date": min(dates) if dates else None, "end_date": max(dates) if dates else None,
            "computed": computed or utc_now()}


# --- the records on disk ------------------------------------------------------------------------

def fonds_dir(root: Path) -> Path:
    return Path(root) / FONDS_DIR


def fonds_path(root: Path, code: str) -> Path:
    return fonds_dir(root) / f"{code}.json"


def check_code(code: str) -> str:
    """``code`` if it can be a fonds code (see the module docstring), else :class:`FondsError`."""
    if not CODE_RE.match(code or "") or code.lower() in RESERVED:
        raise FondsError(f"{code!r} cannot be a fonds code: use up to 40 letters, digits, '-', '_' and inner dots "
                         "(it starts every dossier code of the fonds)")
    return code


def validate_fonds(f: Fonds) -> dict:
    """The record of ``f`` as written, or :class:`RecordInvalid` naming the field."""
    data = f.to_dict()
    problems = errors(data, "fonds")
    if problems:
        raise RecordInvalid("fonds", problems[:5])
    if f.start_date and f.end_date and f.start_date > f.end_date:
        raise FondsError(f"fonds {f.code}: its start {f.start_date} is after its end {f.end_date}")
    return data


def load_fonds(root: Path) -> list[Fonds]:
    """Every fonds of the archive: open ones first, then by code. A record that cannot be read or fails its
    schema raises :class:`FondsError` naming the file (a fonds is never silently left out)."""
    out = []
    for p in sorted(fonds_dir(root).glob("*.json")):
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            raise FondsError(f"{p}: not a readable fonds record ({e})") from None
        problems = errors(data, "fonds")
        if problems:
            raise FondsError(f"{p}: {problems[0]}", problems[1:5])
        out.append(Fonds.from_dict(data))
    return sorted(out, key=lambda f: (f.status != "open", f.origin != "new_unit", f.code))


def find_fonds(fonds: list[Fonds], query: str) -> Fonds:
    """The fonds a person means by ``query``: its code (any case), or its name or unit's name, diacritics
    optional (``Tân Hương``, ``xa tan huong``). Raises :class:`FondsError` listing the fonds otherwise."""
    by_code = [f for f in fonds if f.code.lower() == query.strip().lower()]
    if by_code:
        return by_code[0]
    key = match_key(query)
    hits = [f for f in fonds if key and key in (match_key(f.name), match_key((f.unit or {}).get("name") or ""),
                                                 match_key(strip_type((f.unit or {}).get("name") or "")))]
    if len(hits) == 1:
        return hits[0]
    listed = [f.label() for f in (hits or fonds)]
    if hits:
        raise FondsError(f"{len(hits)} fonds match {query!r}: give its code", listed)
    if not fonds:
        raise FondsError(f"this archive has no fonds {query!r} (it has none: run 'archivist init')")
    # A code from another archive (a neighbour commune's, a province list's) is the usual slip: the line names this
    # archive's codes, and the lines under it each fonds' name, so the user can pick one without 'fonds list'.
    raise FondsError(f"this archive has no fonds {query!r}: give one of its {len(fonds)} fonds by code or name ("
                     + ", ".join(f.code for f in fonds) + ")", listed)


def code_taken(existing: list[Fonds], code: str, but: str | None = None) -> Fonds | None:
    """The fonds already holding ``code`` (ignoring case), other than the one coded ``but``."""
    return next((f for f in existing if f.code.lower() == code.lower() and f.code != but), None)


def fonds_in_use(root: Path, code: str) -> list[str]:
    """Documents and dossiers that already name the fonds ``code``: its code can then no longer change."""
    root = Path(root)
    used = []
    for p in sorted((root / "documents").glob("*.json")):
        rec = read_json_object(p)
        if rec is not None and record_fonds_code(rec) == code:
            used.append(f"documents/{p.name}")
    used += [f"dossiers/{p.name}" for p in sorted((root / "dossiers").glob(f"{glob_escape(code)}.*.json"))]
    return used


def glob_escape(text: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", text)


def write_fonds(root: Path, f: Fonds) -> Path:
    """Validate and write one fonds record atomically (the caller holds the archive's writer lock)."""
    data = validate_fonds(f)
    path = fonds_path(root, f.code)
    atomic_write_json(path, data)
    return path


def store_totals(root: Path, totals: dict[str, dict]) -> list[Path]:
    """Write each fonds' new ``totals`` (code -> :func:`fonds_totals`), only where a figure changed.

    Totals are derived, so they are not listed in ``changes`` (that list is for what a person typed).
    """
    written = []
    for f in load_fonds(root):
        new = totals.get(f.code)
        if new is None or {k: v for k, v in new.items() if k != "computed"} == {
                k: v for k, v in f.totals.items() if k != "computed"}:
            continue
        written.append(write_fonds(root, replace(f, totals=new, updated=utc_now())))
    return written


def add_fonds(root: Path, f: Fonds) -> Path:
    """Write a new fonds; :class:`FondsError` when its code is taken (nothing is written then)."""
    check_code(f.code)
    taken = code_taken(load_fonds(root), f.code)
    if taken is not None:
        raise FondsError(f"fonds code {f.code} is already taken by {taken.label()}: choose another code")
    return write_fonds(root, f)


def update_fonds(root: Path, code: str, values: dict, by: str | None = None) -> Fonds:
    """Change fields of the fonds ``code`` (see :data:`EDITABLE`), keeping every old value in ``changes``.

    A new code must be free, and is refused once a document or dossier uses the old one (a dossier
    code given is never changed). Nothing is written when anything is refused.
    """
    existing = load_fonds(root)
    old = find_fonds(existing, code)
    unknown = set(values) - set(EDITABLE)
    if unknown:
        raise FondsError(f"these fonds fields cannot be set: {', '.join(sorted(unknown))}")
    changed = {k: {"old": getattr(old, k), "new": v} for k, v in values.items() if getattr(old, k) != v}
    if not changed:
        return old
    new_code = values.get("code", old.code)
    if new_code != old.code:
        check_code(new_code)
        taken = code_taken(existing, new_code, but=old.code)
        if taken is not None:
            raise FondsError(f"fonds code {new_code} is already taken by {taken.label()}")
        used = fonds_in_use(root, old.code)
        if used:
            raise FondsError(f"fonds {old.code} cannot change its code: "
                             f"{plural(len(used), 'document or dossier uses', 'documents or dossiers use')} it "
                             f"(first: {used[0]}); dossier codes are never changed")
    now = utc_now()
    new = replace(old, **values, updated=now, changes=[*old.changes, {"at": now, "by": by, "fields": changed}])
    validate_fonds(new)  # before anything is written
    write_fonds(root, new)
    if new.code != old.code:
        fonds_path(root, old.code).unlink(missing_ok=True)
    return new


def drop_fonds(root: Path, code: str) -> Fonds:
    """Remove a fonds nothing uses (a partly merged former unit the archivist does not keep)."""
    f = find_fonds(load_fonds(root), code)
    used = fonds_in_use(root, f.code)
    if used:
        raise FondsError(f"fonds {f.code} cannot be dropped: "
                         f"{plural(len(used), 'document or dossier belongs', 'documents or dossiers belong')} to it "
                         f"(first: {used[0]})")
    fonds_path(root, f.code).unlink()
    return f
