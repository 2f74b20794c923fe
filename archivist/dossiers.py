"""Dossiers (hồ sơ): which documents each holds, its record, and its code, given once.

A dossier is one input: a folder of pages, or a file split into several documents (the parts share
``record.dossier.id``); a single-document file is a dossier of one. Its code is
``<fonds code>.<year>.<number>``: the fonds its documents belong to (archivist/fondsassign.py), the
year it closed when it was numbered, and its number in that fonds' list of that year. Numbers are
given once and kept in ``ARCHIVE/dossiers/<code>.json``, so a later batch never renumbers the
catalogue. A dossier whose fonds is corrected (a review) moves to the other fonds' list with a new
number; its old code stays in ``former_codes`` and is never given again. In an archive without
fonds the organisation's identifier stands in for the fonds code; without either, codes are
provisional (``UNSET.…``) and no dossier record is written.

Retention is recomputed from the current schedule every time (the archive may have overridden it
since a document was processed); a dossier keeps the longest of its documents' periods.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from .archival import archival_fields
from .fsutil import atomic_write_json
from .record import replaced_by, utc_now
from .retention import Retention, Schedule, end_year, longest, needs_review, retention_for
from .schemas import known_type, validate

DOSSIER_DIR = "dossiers"
PROVISIONAL = "UNSET"
ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
CODE = re.compile(r"^(?P<prefix>.+)\.(?P<year>[0-9]{4})\.(?P<number>[0-9]+)$")


def source_key(rec: dict) -> str:
    """The input a document came from: parts of a split input share their dossier id."""
    return (rec.get("dossier") or {}).get("id") or rec["id"]


def document_title(rec: dict) -> str:
    """``Quyết định 45/QĐ-UBND: Về việc …``, falling back to the input's name."""
    meta = rec.get("metadata") or {}
    head = " ".join(x for x in (known_type(meta), meta.get("number_symbol")) if x)
    subject = meta.get("subject")
    if head and subject:
        return f"{head}: {subject}"
    return head or subject or Path(rec.get("label") or rec["id"]).name


def versions_of(rec: dict) -> dict:
    """The document's supersession links (archivist/supersede.py) as the dossier and the manifests list them:
    ``superseded_by`` (the later version's id) and ``supersedes`` (the earlier ones'), each only when set."""
    later = replaced_by(rec)
    return {**({"superseded_by": later} if later else {}),
            **({"supersedes": list(rec["supersedes"])} if rec.get("supersedes") else {})}


def _year(rec: dict) -> int:
    return int(str(rec.get("created") or utc_now())[:4])


@dataclass
class Dossier:
    """A dossier record and the document records it lists (in order)."""

    record: dict
    documents: list[dict]
    retentions: list[Retention]

    @property
    def code(self) -> str:
        return self.record["code"]


def _span(docs: list[dict]) -> tuple[str | None, str | None, int]:
    """(start date, end date, closing year): the closing year is the latest document's, or of processing."""
    dates = sorted(d["metadata"]["date"] for d in docs if ISO_DATE.match(str(d["metadata"].get("date") or "")))
    if dates:
        return dates[0], dates[-1], int(dates[-1][:4])
    return None, None, max(_year(d) for d in docs)


def _dossier_record(org: dict | None, code: str, year: int, number: int, docs: list[dict],
                    rets: list[Retention], fonds: dict | None, former: list[str]) -> dict:
    start, end, closing = _span(docs)
    ret = longest(rets)
    arch = [archival_fields(d, dossier_code=code, sequence=i, access=r.access)
            for i, (d, r) in enumerate(zip(docs, rets, strict=True), start=1)]
    review = any(needs_review(d, r) for d, r in zip(docs, rets, strict=True))
    notes = list(dict.fromkeys(a["notes"] for a in arch if a["notes"]))
    if review:
        notes.insert(0, "Cần xác định lại loại tài liệu và thời hạn bảo quản")
    title = document_title(docs[0]) if len(docs) == 1 else f"{document_title(docs[0])} ({len(docs)} văn bản)"
    mixed = {(d.get("fonds") or {}).get("code") for d in docs} - {(fonds or {}).get("code")}
    if mixed:
        review = True
        notes.insert(0, "Các văn bản trong hồ sơ thuộc các phông khác nhau: cần xác định lại phông")
    return {
        "dossier_version": 1, "code": code,
        "organisation": org or {"name": "(chưa khai báo)", "identifier": PROVISIONAL},
        "fonds": fonds, "former_codes": former,
        "year": year, "number": number, "source_id": source_key(docs[0]), "label": docs[0].get("label", ""),
        "title": title, "retention": ret.to_dict(), "retention_end_year": end_year(closing, ret.period),
        "access_regime": "restricted" if any(a["access_regime"] == "restricted" for a in arch) else "public",
        "language": arch[0]["language"], "start_date": start, "end_date": end, "closing_year": closing,
        "keywords": list(dict.fromkeys(k for a in arch for k in a["keywords"])),
        "document_count": len(docs), "sheet_count": None, "page_count": sum(a["page_count"] for a in arch),
        "physical_condition": None, "information_code": None, "reliability": "digitized", "paper_code": None,
        "backup_regime": None, "backup_status": None,
        "files": [{"sequence": i, "identifier": a["identifier"], "document_id": d["id"],
                   "record": f"documents/{d['id']}.json", "pdf": d["output"]["pdf"], "sha256": d["output"]["sha256"],
                   "pages": a["page_count"], "date": a["date"], "type": a["type"], "subject": a["subject"],
                   **versions_of(d)}
                  for i, (d, a) in enumerate(zip(docs, arch, strict=True), start=1)],
        "notes": "; ".join(notes) or None, "needs_review": review, "updated": utc_now(),
    }


def existing_dossiers(root: Path) -> dict[str, dict]:
    """Dossier records already written, by the input they were made from."""
    out = {}
    for p in sorted((root / DOSSIER_DIR).glob("*.json")):
        try:
            d = json.loads(p.read_text(encoding="utf-8"))
            out[d["source_id"]] = d
        except (OSError, ValueError, KeyError, TypeError):
            continue
    return out


def _prefix(docs: list[dict], org: dict | None, has_fonds: bool) -> tuple[str, dict | None]:
    """The first part of a dossier's code, and its fonds: its first document's fonds. In an archive with
    fonds a dossier of documents in none stays provisional (its fonds is still to decide: a code under
    another prefix would file it somewhere); in an archive without fonds, the organisation's identifier."""
    fonds = next((d["fonds"] for d in docs if isinstance(d.get("fonds"), dict)), None)
    if fonds:
        return fonds["code"], {"code": fonds["code"], "name": fonds["name"]}
    return (None if has_fonds else (org or {}).get("identifier")) or PROVISIONAL, None


def build_dossiers(root: Path, records: list[dict], schedule: Schedule, org: dict | None,
                   has_fonds: bool = False) -> list[Dossier]:
    """The archive's dossiers, numbered: a kept code stays while its fonds does; a new dossier (or one whose
    fonds was corrected) gets the next number of its fonds and year that no code, current or former, has had."""
    groups: dict[str, list[dict]] = {}
    for rec in records:
        groups.setdefault(source_key(rec), []).append(rec)
    for docs in groups.values():
        docs.sort(key=lambda r: ((r.get("dossier") or {}).get("sequence") or 0, r["id"]))
    kept = existing_dossiers(root)
    used: dict[tuple[str, int], set[int]] = {}
    for d in kept.values():
        for code in [d["code"], *d.get("former_codes", [])]:
            if m := CODE.match(code):
                used.setdefault((m["prefix"], int(m["year"])), set()).add(int(m["number"]))
    rets = {k: [retention_for(r, schedule) for r in docs] for k, docs in groups.items()}
    spans = {k: _span(docs) for k, docs in groups.items()}
    prefixes = {k: _prefix(docs, org, has_fonds) for k, docs in groups.items()}
    numbering: dict[str, tuple[str, int, int, list[str]]] = {}
    for k, old in kept.items():
        m = CODE.match(old["code"])
        if k in groups and m and prefixes[k][0] in (m["prefix"], PROVISIONAL):  # a code moves only to a fonds
            numbering[k] = (old["code"], old["year"], old["number"], list(old.get("former_codes", [])))
    new = sorted((k for k in groups if k not in numbering),
                 key=lambda k: (spans[k][2], spans[k][0] or "", groups[k][0].get("label", ""), k))
    for k in new:
        prefix, year = prefixes[k][0], spans[k][2]
        n = max(used.setdefault((prefix, year), set()), default=0) + 1
        used[(prefix, year)].add(n)
        old = kept.get(k)
        former = [*old.get("former_codes", []), old["code"]] if old else []
        numbering[k] = (f"{prefix}.{year}.{n}", year, n, former)
    out = []
    for k, docs in groups.items():
        code, year, n, former = numbering[k]
        rec = _dossier_record(org, code, year, n, docs, rets[k], prefixes[k][1], former)
        old = kept.get(k)
        if old and {**old, "updated": ""} == {**rec, "updated": ""}:
            rec["updated"] = old["updated"]
        out.append(Dossier(rec, docs, rets[k]))
    return sorted(out, key=lambda d: (d.record["code"].rsplit(".", 2)[0], d.record["year"], d.record["number"]))


def write_dossiers(root: Path, dossiers: list[Dossier]) -> list[Path]:
    """Validate and write each dossier record that changed, remove the file of a code a dossier left (its
    fonds was corrected); returns the paths written or removed. Provisional dossiers are not written."""
    written = []
    for d in dossiers:
        if d.code.startswith(PROVISIONAL + "."):
            continue
        validate(d.record, "dossier")
        path = root / DOSSIER_DIR / f"{d.code}.json"
        try:
            same = json.loads(path.read_text(encoding="utf-8")) == d.record
        except (OSError, ValueError):
            same = False
        if not same:
            atomic_write_json(path, d.record)
            written.append(path)
        for former in d.record.get("former_codes") or []:
            stale = root / DOSSIER_DIR / f"{former}.json"
            if stale.exists():
                stale.unlink()
                written.append(stale)
    return written
