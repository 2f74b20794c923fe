"""Whose archive this is: ``archivist init`` sets the organisation and makes the fonds of a merged commune.

``init`` resolves the 2025 commune (archivist.adminunits), writes its organisation (name, code,
province, the code list and its date) and where the unit lists came from (``units_source``: the
package, its version and the SHA-256 of its data) into ``archive.json``, and makes one fonds record
per body (archivist.fonds): the new commune's open fonds and one closed fonds per former unit merged
into it.

Why it never loses a record: an archive already set up for another commune is refused unless
``force``; with it, the former organisation is kept in ``organisation_history`` and every fonds
record already there stays as it is (its documents may belong to it). The fonds records are written
first and ``archive.json`` last, each atomically, after every check has passed: a run stopped half
way leaves no organisation, and running the same command again finishes it (a fonds already there
for the same body is kept, not rewritten). An archive made by an earlier version (documents, no
organisation, no fonds) is set up in place: its documents, PDFs and index are not touched.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .adminunits import NEW_LIST, NEW_LIST_DATE, Unit, UnitLists
from .archiveinfo import INFO
from .fonds import FONDS_DIR, Fonds, FondsError, code_taken, fonds_of_unit, load_fonds, validate_fonds, write_fonds
from .record import utc_now
from .schemas import errors
from .store import ArchiveStore
from .toreview import review_fields

DOCUMENTS = "documents"


class OrganisationExists(FondsError):
    """``init`` on an archive that already belongs to another commune, without ``force`` (exit 2)."""


@dataclass
class InitResult:
    """What ``init`` did: the organisation written, the fonds made now and those it found already there."""

    root: Path
    organisation: dict
    units_source: dict
    created: list[Fonds] = field(default_factory=list)  # fonds records written by this run
    kept: list[Fonds] = field(default_factory=list)  # the unit's fonds that were already there, left as they were
    others: list[Fonds] = field(default_factory=list)  # other fonds of the archive (added by hand, or earlier)
    previous: dict | None = None  # the organisation this run replaced (with force)
    new_archive: bool = False
    unchanged: bool = False  # the archive was already set up for this commune: nothing written
    filed: int = 0  # documents made before init, filed in their fonds now (archivist/fondsassign.py)
    to_review: int = 0  # of those, how many a person should check

    @property
    def fonds(self) -> list[Fonds]:
        return self.created + self.kept


def organisation_of(unit: Unit, identifier: str | None = None) -> dict:
    """``archive.json``'s ``organisation`` for the People's Committee of a 2025 unit.

    ``identifier`` (mã định danh) defaults to the code of the unit's own fonds (``M`` + its code),
    the prefix its dossier codes take until a per-fonds prefix is used.
    """
    from .fonds import body_name, fonds_code

    org = {"name": body_name(unit), "identifier": identifier or fonds_code(unit), "commune_code": unit.code,
           "commune_name": unit.name, "code_list": f"{NEW_LIST} of {NEW_LIST_DATE}",
           "province_code": unit.province_code, "province_name": unit.province_name}
    problems = errors(org, "dossier#/$defs/organisation")
    if problems:
        raise FondsError(f"organisation: {problems[0]}")
    return org


def _same_commune(a: dict | None, b: dict) -> bool:
    return bool(a) and a.get("commune_code") == b["commune_code"] and a.get("commune_name") == b["commune_name"]


def _check_folder(root: Path) -> bool:
    """Whether ``root`` is already an archive; :class:`FondsError` when it is something else."""
    if root.exists() and not root.is_dir():
        raise FondsError(f"{root} is a file, not an archive folder")
    is_archive = (root / DOCUMENTS).is_dir() or (root / INFO).is_file()
    if root.is_dir() and not is_archive and any(root.iterdir()):
        raise FondsError(f"{root} holds other files and is not an archive: give a new or empty folder")
    return is_archive


@contextmanager
def writing(root: Path) -> Iterator[ArchiveStore]:
    """The one door through which ``init`` and the ``fonds`` commands change an archive: under the
    archive's writer lock (archivist.store), so they never write beside a running batch."""
    with ArchiveStore.writer(root, create=True, command="archivist init/fonds") as store:
        before = set((store.root / FONDS_DIR).glob("*.json"))
        yield store
        store.written += sorted(before | set((store.root / FONDS_DIR).glob("*.json")))  # sealed as it ends


def init_archive(root: Path, unit: Unit, lists: UnitLists, *, identifier: str | None = None,
                 force: bool = False) -> InitResult:
    """Set up the archive at ``root`` (new, empty, or made by an earlier version) for the 2025 unit ``unit``.

    Raises :class:`OrganisationExists` when the archive belongs to another commune and ``force`` is
    not given, :class:`FondsError` when a fonds code is held by a different body; nothing is written then.
    """
    root = Path(root)
    was_archive = _check_folder(root)
    with writing(root) as store:
        result = _init_locked(store, unit, lists, was_archive, identifier, force)
        if not result.unchanged:
            result.filed, result.to_review = file_documents(store)
        return result


def file_documents(store: ArchiveStore) -> tuple[int, int]:
    """File every document not yet in a fonds (an archive made before ``init``) from its own evidence, through
    the commit path and without OCR; then number the dossiers and count each fonds. Returns (filed, to review)."""
    from .commit import refile
    from .manifest import settle

    filed = review = 0
    for rec in list(store.records()):
        if (rec.get("metadata") or {}).get("fonds"):
            continue
        if refile(store, rec, None):
            filed += 1
            review += "fonds" in review_fields(store.load_record(rec["id"]) or {})
    store.notes += settle(store)
    return filed, review


def _init_locked(store: ArchiveStore, unit: Unit, lists: UnitLists, was_archive: bool, identifier: str | None,
                 force: bool) -> InitResult:
    root = store.root
    info = store.info()  # made by the writer that opened the archive, when it had none
    previous = info.get("organisation")
    same = _same_commune(previous, organisation_of(unit))
    if same and identifier is None:
        identifier = previous.get("identifier")  # an identifier given earlier stays unless one is given now
    org = organisation_of(unit, identifier)
    same = same and previous.get("identifier") == org["identifier"]
    if previous and not same and not force:
        raise OrganisationExists(
            f"{root} already belongs to {previous.get('name')} ({previous.get('commune_code') or '?'}, identifier "
            f"{previous.get('identifier')}): run init with --force to change it (its records and fonds are kept)")
    existing = load_fonds(root) if was_archive else []
    source = lists.source()
    result = InitResult(root=root, organisation=org, units_source=source, new_archive=not was_archive,
                        previous=previous if previous != org else None)
    for f in fonds_of_unit(lists, unit):
        there = next((e for e in existing if e.same_body(f)), None) or code_taken(existing, f.code)
        if there is None:
            result.created.append(f)
        elif there.same_body(f):
            result.kept.append(there)
        else:
            raise FondsError(f"fonds code {f.code} is already taken by {there.label()}: give that fonds another code "
                             f"with 'archivist fonds set {there.code} --code NEW' and run init again")
    mine = {f.code for f in result.fonds}
    result.others = [f for f in existing if f.code not in mine]
    if same and not force:
        result.unchanged = True
        result.created = []  # set up already; fonds dropped since are not brought back without --force
        return result
    for f in result.created:
        validate_fonds(f)
    (root / DOCUMENTS).mkdir(parents=True, exist_ok=True)
    for f in result.created:
        write_fonds(root, f)
    if result.previous:
        info["organisation_history"] = [*info.get("organisation_history", []),
                                        {**result.previous, "replaced": utc_now()}]
    info.update(organisation=org, units_source=source)
    store.write_info(info)  # the commit point: written last (checked against its schema first)
    return result
