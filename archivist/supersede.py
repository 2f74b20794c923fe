"""A later version of a document replaces an earlier one: recorded, never deleted.

When an input is archived again with other content (a missed page rescanned into a dossier folder, a
file rescanned), the batch keeps both versions (archivist/versions.py): the archive never deletes or
alters what it archived (Law on Archives). A person then says which version replaces which, and that
decision is what this module records: on the old record ``superseded_by`` (the new id, when, who, why),
on the new one ``supersedes`` (the old ids), each change logged in the record's ``history`` the way
``review import`` logs a correction (archivist/corrections.py), through the one commit path
(archivist/commit.py: validated, atomic, indexed, sealed). Searches leave a superseded document out
unless asked for every version; manifests and catalogues keep listing it; its PDF is never touched.

Both records cannot be renamed into place in one step, so the order makes every stop safe: the new
record's ``supersedes`` is written first and the old record's ``superseded_by`` last. The old record
is the truth (the index, the manifests and a rebuild read it); a run stopped between the two leaves
the old version current, and the same command run again completes it. Undo runs in the same order.

The rules: both documents exist and differ, both are in one fonds (a version of another body's
document is not a version: provenance must not mix), the new one is not itself replaced (name the
latest version instead), the old one is not already replaced by another, and no chain loops.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .corrections import log_change
from .errors import UsageProblem
from .record import replaced_by, utc_now

if TYPE_CHECKING:
    from .store import ArchiveStore

Lookup = Callable[[str], "dict | None"]  # a document id -> its record, None when there is none


class SupersedeError(UsageProblem):
    """A supersession the rules refuse (exit 2); the message says why and what to do instead."""


@dataclass
class Outcome:
    """What ``archivist supersede`` did, for its one line and its ``--json``."""

    action: str  # "superseded" | "restored" | "already"
    old: str
    new: str
    at: str
    person: str | None = None
    reason: str | None = None
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)

    def line(self) -> str:
        if self.action == "restored":
            return f"{self.old} is current again: {self.new} no longer replaces it (recorded in both histories)"
        if self.action == "already":
            return f"{self.old} was already recorded as replaced by {self.new}: nothing changed"
        return (f"{self.old} is now replaced by {self.new}; both stay in the archive, searches show {self.old} only "
                "with --all-versions")


def _fonds(rec: dict) -> str | None:
    return (rec.get("fonds") or {}).get("code") if isinstance(rec.get("fonds"), dict) else None


def _chain(start: dict, lookup: Lookup) -> list[str]:
    """The ids ``start`` is replaced by, one after the other (stops at a repeat: a hand-edited loop)."""
    seen: list[str] = []
    rec: dict | None = start
    while rec is not None and (nxt := replaced_by(rec)) and nxt not in seen and nxt != start["id"]:
        seen.append(nxt)
        rec = lookup(nxt)
    return seen


def check(old: dict, new: dict, lookup: Lookup) -> bool:
    """Raise SupersedeError when ``new`` may not replace ``old``; False when it already does (nothing to add)."""
    o, n = old["id"], new["id"]
    if o == n:
        raise SupersedeError(f"{o} cannot replace itself: give the id of the later version with --by")
    if replaced_by(old) == n:
        return False
    chain = _chain(new, lookup)
    if o in chain:
        path = " → ".join([n, *chain[:chain.index(o) + 1]])
        raise SupersedeError(f"{n} cannot replace {o}: {n} is already replaced by {o} ({path}), the chain would loop")
    if chain:
        raise SupersedeError(f"{n} is itself replaced by {chain[0]}: name the latest version "
                             f"(archivist supersede {o} --by {chain[-1]})")
    if (was := replaced_by(old)) is not None:
        link = old["superseded_by"]
        who = f" by {link['person']}" if link.get("person") else ""
        raise SupersedeError(f"{o} is already replaced by {was} (recorded {link.get('at')}{who}); to change that, "
                             f"undo it first: archivist supersede {o} --undo")
    if _fonds(old) != _fonds(new):
        raise SupersedeError(f"{o} is in fonds {_fonds(old) or '(none)'} and {n} in fonds {_fonds(new) or '(none)'}: "
                             "a version can only replace one of the same fonds (provenance must not mix)")
    return True


def _log(rec: dict, name: str, old: object, new: object, person: str | None, reason: str | None, at: str) -> None:
    log_change(rec, name, old, new, person, at, reason=reason)


def _given(text: str | None) -> str | None:
    """A --person or --reason as recorded: stripped, None when blank."""
    return (text or "").strip() or None


def link(old: dict, new: dict, person: str | None, reason: str | None, at: str) -> tuple[dict, dict]:
    """Copies of both records with the supersession recorded (``check`` first); a side already so is unchanged."""
    old, new = copy.deepcopy(old), copy.deepcopy(new)
    if replaced_by(old) != new["id"]:
        _log(old, "superseded_by", replaced_by(old), new["id"], person, reason, at)
        old["superseded_by"] = {"id": new["id"], "at": at, "person": person, "reason": reason}
    before = list(new.get("supersedes") or [])
    if old["id"] not in before:
        new["supersedes"] = [*before, old["id"]]
        _log(new, "supersedes", before, new["supersedes"], person, reason, at)
    return old, new


def unlink(old: dict, new: dict | None, person: str | None, reason: str | None, at: str) -> tuple[dict, dict | None]:
    """Copies of both records with the supersession undone and the undoing logged; history is never shortened."""
    old = copy.deepcopy(old)
    was = replaced_by(old)
    if was is not None:
        _log(old, "superseded_by", was, None, person, reason, at)
        old["superseded_by"] = None
    if new is not None and old["id"] in (new.get("supersedes") or []):
        new = copy.deepcopy(new)
        before = list(new["supersedes"])
        new["supersedes"] = [i for i in before if i != old["id"]]
        _log(new, "supersedes", before, new["supersedes"], person, reason, at)
    return old, new


def _commit_all(store: ArchiveStore, records: list[dict]) -> None:
    """Validate every record, then commit them in the order given (see the module docstring)."""
    from .commit import commit, validate_change
    from .models import DocumentRecord
    from .schemas import RecordInvalid

    for rec in records:
        try:
            validate_change(store, DocumentRecord.from_dict(copy.deepcopy(rec)))
        except RecordInvalid as e:
            raise SupersedeError(f"{rec['id']} not changed, its record would be invalid: "
                                 + "; ".join(e.errors[:2])) from None
    for rec in records:
        commit(store, DocumentRecord.from_dict(rec))


def _load(store: ArchiveStore, doc_id: str) -> dict:
    rec = store.load_record(doc_id)
    if rec is None:
        raise SupersedeError(f"no document {doc_id!r} in {store.root}: give an id that 'archivist search' or "
                             "the batch's warning shows (doc-…)")
    return rec


def supersede(archive: Path, old_id: str, new_id: str, person: str | None = None,
              reason: str | None = None) -> Outcome:
    """Record that ``new_id`` replaces ``old_id`` in ``archive`` (see the module docstring)."""
    from .manifest import settle
    from .store import ArchiveStore

    person, reason = _given(person), _given(reason)
    with ArchiveStore.writer(archive, command="archivist supersede") as store:
        old, new = _load(store, old_id), _load(store, new_id)
        needed = check(old, new, store.load_record)
        at = utc_now()
        old2, new2 = link(old, new, person, reason, at)
        changed = [r for r, was in ((new2, new), (old2, old)) if r != was]  # the new one first, the old one last
        if not changed:
            return Outcome("already", old_id, new_id, old["superseded_by"]["at"], person, reason)
        _commit_all(store, changed)
        outcome = Outcome("superseded" if needed else "already", old_id, new_id, at, person, reason)
        outcome.warnings = settle(store)  # the dossier records list the link too
    return outcome


def undo(archive: Path, old_id: str, person: str | None = None, reason: str | None = None) -> Outcome:
    """Make ``old_id`` current again; both histories keep the supersession and its undoing."""
    from .manifest import settle
    from .store import ArchiveStore

    person, reason = _given(person), _given(reason)
    with ArchiveStore.writer(archive, command="archivist supersede --undo") as store:
        old = _load(store, old_id)
        new_id = replaced_by(old)
        if new_id is None:
            raise SupersedeError(f"{old_id} is not replaced by any version: nothing to undo")
        new = store.load_record(new_id)
        at = utc_now()
        old2, new2 = unlink(old, new, person, reason, at)
        _commit_all(store, [r for r in (new2, old2) if r is not None and r not in (new, old)])
        outcome = Outcome("restored", old_id, new_id, at, person, reason)
        outcome.warnings = settle(store)
    return outcome


def link_problems(records: dict[str, dict]) -> list[tuple[str, str]]:
    """(record path, what is wrong) for each supersession one record states and the other does not: what a
    run stopped between its two writes, or a hand edit, leaves; ``verify`` lists them with the mending command."""
    by_id = {r.get("id"): path for path, r in records.items()}
    recs = {r.get("id"): r for r in records.values()}
    out = []
    for doc_id, rec in recs.items():
        new_id = replaced_by(rec)
        if new_id is not None and new_id not in recs:
            out.append((by_id[doc_id], f"superseded_by names {new_id}, which the archive does not hold"))
        elif new_id is not None and doc_id not in (recs[new_id].get("supersedes") or []):
            out.append((by_id[new_id], f"does not list {doc_id} in supersedes although {doc_id} says {new_id} replaces "
                                       f"it (a run stopped half-way): run archivist supersede {doc_id} --by {new_id} "
                                       f"to complete it, or archivist supersede {doc_id} --undo"))
        for old_id in rec.get("supersedes") or []:
            if old_id in recs and replaced_by(recs[old_id]) != doc_id:
                out.append((by_id[doc_id], f"lists {old_id} in supersedes, but {old_id} is not replaced by {doc_id}: "
                                           f"run archivist supersede {old_id} --by {doc_id} (or --undo it)"))
    return out
