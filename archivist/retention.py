"""How long each record is kept, and why: the retention schedule and its use.

The schedule is data (``archivist/data/retention.json``), not code, because the rules change and
most of its periods are still to be checked item by item against the circulars (each entry says
``verified``). An archive supplies its own ``ARCHIVE/retention.json`` in the same format: an
entry with a built-in ``series`` key replaces that entry (fields it leaves out are inherited), a
new series is tried before every built-in one. Both files are validated against
``schemas/retention-schedule.schema.json``; the merged schedule says which series were overridden.

Periods run from the year the dossier closes (the year of its last document): a 10-year dossier
closed in 2015 is due for appraisal in 2025. Nothing is destroyed without an appraisal council's
decision; the tool only lists what is due.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .fsutil import sha256_file
from .schemas import RecordInvalid, known_type, validate
from .textnorm import fold
from .toreview import review_fields

BUILTIN = Path(__file__).resolve().parent / "data" / "retention.json"
ARCHIVE_SCHEDULE = "retention.json"  # an archive's own schedule, in the archive folder
PERMANENT = "permanent"


class ScheduleError(ValueError):
    """A schedule file cannot be used (unreadable, not JSON, or not matching its schema)."""


@dataclass(frozen=True)
class Retention:
    """The retention of one record: ``period`` is ``"permanent"`` or years; ``basis`` the legal basis as one line."""

    period: str | int
    basis: str
    series: str
    verified: bool
    access: str = "public"
    review: bool = False  # the series is the fallback: a person must file the record

    @property
    def permanent(self) -> bool:
        return self.period == PERMANENT

    @property
    def label(self) -> str:
        return PERMANENT if self.permanent else f"{self.period} years"

    def to_dict(self) -> dict:
        """What ``metadata.retention`` and the dossier record store."""
        return {"period": self.period, "basis": self.basis, "series": self.series, "verified": self.verified,
                "access": self.access}

    @classmethod
    def from_dict(cls, d: dict) -> Retention:
        return cls(d["period"], d["basis"], d["series"], bool(d.get("verified")), d.get("access") or "public")


@dataclass(frozen=True)
class Condition:
    kinds: frozenset[str] | None
    types: frozenset[str] | None  # folded
    subject: tuple[re.Pattern[str], ...]
    not_subject: tuple[re.Pattern[str], ...]

    @classmethod
    def parse(cls, d: dict) -> Condition:
        return cls(frozenset(d["kinds"]) if "kinds" in d else None,
                   frozenset(fold(t) for t in d["types"]) if "types" in d else None,
                   tuple(re.compile(p) for p in d.get("subject", ())),
                   tuple(re.compile(p) for p in d.get("not_subject", ())))

    def holds(self, kind: str, typ: str, subject: str) -> bool:
        return ((self.kinds is None or kind in self.kinds) and (self.types is None or typ in self.types)
                and all(p.search(subject) for p in self.subject)
                and not any(p.search(subject) for p in self.not_subject))


@dataclass(frozen=True)
class Entry:
    """One series of the schedule."""

    series: str
    period: str | int
    basis: str
    verified: bool
    access: str
    review: bool
    match: tuple[Condition, ...]
    title: str = ""

    def retention(self) -> Retention:
        return Retention(self.period, self.basis, self.series, self.verified, self.access, self.review)


@dataclass
class Schedule:
    """The entries in the order they are tried, and where they came from."""

    entries: list[Entry]
    sources: list[dict] = field(default_factory=list)  # {"path", "sha256"} of each file read
    overridden: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)

    def describe(self) -> str:
        """One line for the user: the schedule built into archivist, and the user's own file (its path) with the
        series it replaced or added. Why in words: the sources' record form, "(built-in) retention.json", reads
        as a file the user should look for, and it is inside the installed package."""
        own = [s["path"] for s in self.sources[1:]]
        line = "Using the retention schedule built into archivist" + (f" and your own, {', '.join(own)}" if own else "")
        details = [f"{len(self.entries)} series"]
        if self.overridden:
            details.append(f"overrides {', '.join(self.overridden)}")
        if self.added:
            details.append(f"adds {', '.join(self.added)}")
        return f"{line} ({'; '.join(details)})"

    def entry(self, series: str) -> Entry | None:
        return next((e for e in self.entries if e.series == series), None)


def basis_text(citations: list[dict]) -> str:
    """``[{instrument, item}]`` -> ``Decree 123/2015/ND-CP Art. 12; Circular … (item to confirm)``."""
    return "; ".join(f"{c['instrument']} {c['item']}" if c.get("item") else f"{c['instrument']} (item to confirm)"
                     for c in citations)


def _read(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise ScheduleError(f"{path}: cannot read the retention schedule ({e})") from None
    try:
        validate(data, "retention-schedule")
    except RecordInvalid as e:
        raise ScheduleError(f"{path}: " + "; ".join(e.errors)) from None
    return data


def _entry(raw: dict) -> Entry:
    return Entry(raw["series"], raw["period"], basis_text(raw["basis"]), bool(raw.get("verified", False)),
                 raw.get("access", "public"), bool(raw.get("review", False)),
                 tuple(Condition.parse(c) for c in raw["match"]), raw.get("title", ""))


def load_schedule(override: Path | None = None, archive: Path | None = None) -> Schedule:
    """The built-in schedule merged with ``override`` (or, if not given, ``ARCHIVE/retention.json`` when present).

    Raises :class:`ScheduleError` naming the file and the failing field.
    """
    raw = _read(BUILTIN)["entries"]
    sources = [{"path": f"(built-in) {BUILTIN.name}", "sha256": sha256_file(BUILTIN)}]
    if override is None and archive is not None and (Path(archive) / ARCHIVE_SCHEDULE).is_file():
        override = Path(archive) / ARCHIVE_SCHEDULE
    overridden: list[str] = []
    added: list[dict] = []
    if override is not None:
        by_series = {e["series"]: i for i, e in enumerate(raw)}
        for e in _read(Path(override))["entries"]:
            if e["series"] in by_series:
                i = by_series[e["series"]]
                raw[i] = {**raw[i], "verified": False, **e}  # the archive vouches for its own entry, or not
                overridden.append(e["series"])
            elif "match" not in e:
                raise ScheduleError(f"{override}: entries[{e['series']}]: a new series needs 'match'")
            else:
                added.append(e)
        sources.append({"path": str(override), "sha256": sha256_file(Path(override))})
    try:
        entries = [_entry(e) for e in added + raw]
    except re.error as e:
        raise ScheduleError(f"{override or BUILTIN}: bad subject pattern ({e})") from None
    return Schedule(entries, sources, overridden, [e["series"] for e in added])


@cache
def default_schedule() -> Schedule:
    return load_schedule()


def retention_for(record: dict, schedule: Schedule | None = None) -> Retention:
    """The retention of a document record: the first schedule entry whose match applies.

    Matches on ``metadata.kind``, ``metadata.type`` and ``metadata.subject``. A record of unknown
    type falls to the last (fallback) series, whose ``review`` flag asks a person to file it.
    """
    schedule = schedule or default_schedule()
    meta = record.get("metadata") or {}
    typ = known_type(meta)
    kind = meta.get("kind") or "unknown"
    folded_type, subject = fold(typ or ""), fold(meta.get("subject") or "")
    for e in schedule.entries:
        if any(c.holds(kind, folded_type, subject) for c in e.match):
            return e.retention()
    raise ScheduleError("no entry of the retention schedule matches (the built-in schedule ends with a catch-all; "
                        "an archive's schedule must not remove it)")


def needs_review(record: dict, retention: Retention) -> bool:
    """Whether a person must confirm the period: the type was uncertain, or only the fallback matched."""
    meta = record.get("metadata") or {}
    return retention.review or known_type(meta) is None or "type" in review_fields(record)


def longest(retentions: list[Retention]) -> Retention:
    """The retention of a dossier: the longest of its documents' (permanent first, verified before unverified)."""
    return max(retentions, key=lambda r: (r.permanent, 0 if r.permanent else int(r.period), r.verified))


def end_year(closing_year: int, period: str | int) -> int | None:
    """The year the period ends (and an appraisal is due); None for permanent records."""
    return None if period == PERMANENT else closing_year + int(period)


def status(end: int | None, as_of: int) -> str:
    """``permanent``, ``due now`` (the period has ended by ``as_of``), or ``due for appraisal in YYYY``."""
    if end is None:
        return PERMANENT
    return "due now" if end <= as_of else f"due for appraisal in {end}"
