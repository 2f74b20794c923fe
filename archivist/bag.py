"""BagIt 1.0 export (RFC 8493) of an archive, for transfer to a receiving archive.

The bag holds the PDFs, the document and dossier records, the archive manifest, a fresh retention
manifest and dossier catalogue, the retention schedule(s) in force and the JSON schemas (so the
receiver can check every record without archivist), with SHA-256 and SHA-512 payload manifests.

Only an archive that passes :func:`archivist.verify.verify` is bagged, and every file is checked
against its sealed SHA-256 after copying: the bag's checksums then continue the archive's chain of
fixity instead of blessing whatever is on disk. The ``bagit`` library writes BagIt 0.97; the
declaration is raised to 1.0 (same layout for these payloads) and the tag manifests recomputed.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .errors import ArchivistError
from .fixity import MANIFEST
from .fsutil import atomic_write_bytes, dumps_json, sha256_file
from .manifest import (
    ArchiveState,
    fonds_summary,
    manifest_csv,
    only_fonds,
    refresh,
    retention_manifest,
    write_catalogue,
)
from .retention import ARCHIVE_SCHEDULE, BUILTIN, Schedule
from .schemas import KINDS, schema_path
from .verify import verify

CHECKSUMS = ["sha256", "sha512"]


class BagFailure(ArchivistError):
    """The archive cannot be bagged as it is (not configured, fails verification, target not empty)."""


@dataclass
class BagResult:
    path: Path
    files: int
    bytes: int
    info: dict[str, str]


def bag_info(state: ArchiveState) -> dict[str, str]:
    """bag-info.txt: who the records belong to, what period they cover, how many there are."""
    import bagit

    org = state.organisation or {}
    dates = sorted(d for x in state.dossiers for d in (x.record["start_date"], x.record["end_date"]) if d)
    fonds = fonds_summary(state) or {}
    info = {
        "Fonds-Code": fonds.get("code", ""),
        "Fonds-Name": fonds.get("name", ""),
        "Fonds-Status": fonds.get("status", ""),
        "Source-Organization": org.get("name", ""),
        "External-Identifier": org.get("identifier", ""),
        "External-Description": "Searchable PDF/A archive of digitized records: PDFs, document and dossier records, "
                                "archive manifest, retention manifest, dossier catalogue (muc luc ho so), schemas.",
        "Commune-Code": org.get("commune_code") or "",
        "Commune-Name": org.get("commune_name") or "",
        "Records-Start-Date": dates[0] if dates else "",
        "Records-End-Date": dates[-1] if dates else "",
        "Document-Count": str(len(state.records)),
        "Dossier-Count": str(len(state.dossiers)),
        "Page-Count": str(sum(int(r.get("page_count") or 0) for r in state.records)),
        "Bag-Software-Agent": f"archivist {__version__} (bagit.py {bagit.VERSION})",
    }
    return {k: v for k, v in info.items() if v}


def _copy_checked(src: Path, dest: Path, sha: str | None) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dest)
    if sha is not None and sha256_file(dest) != sha:
        raise BagFailure(f"{src}: the copy does not match the sealed SHA-256 (disk or copy error)")


def _fonds_files(state: ArchiveState, sealed: dict[str, dict]) -> dict[str, dict]:
    """The sealed files of one fonds: its fonds record, its dossiers' records, their documents and PDFs."""
    keep = {f"fonds/{state.fonds}.json", *(f"dossiers/{d.code}.json" for d in state.dossiers)}
    for rec in state.records:
        keep |= {f"documents/{rec['id']}.json", rec["output"]["pdf"]}
    return {r: e for r, e in sealed.items() if r in keep}


def _manifest_of(manifest: dict, files: dict[str, dict], state: ArchiveState) -> dict:
    """The fixity manifest restricted to the files of one fonds (its counts recomputed)."""
    counts = {"documents": sum(e["role"] == "document-record" for e in files.values()),
              "dossiers": sum(e["role"] == "dossier-record" for e in files.values()),
              "pages": sum(int(r.get("page_count") or 0) for r in state.records), "files": len(files),
              "bytes": sum(e["bytes"] for e in files.values())}
    return {**manifest, "counts": counts, "files": files}


def make_bag(root: Path, out: Path, schedule: Schedule, as_of: int | None = None,
             fonds: str | None = None) -> BagResult:
    """Write the bag of the archive ``root`` into ``out`` (absent or empty), validate it, and describe it.

    ``fonds`` (a fonds code) bags that fonds alone: its records and PDFs, its fonds record, and
    manifests and catalogue restricted to it, for the transfer of one former commune's records.
    """
    import bagit

    root, out = Path(root), Path(out)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise BagFailure(f"{out} exists and is not an empty folder")
    if out.resolve().is_relative_to(root.resolve()):
        raise BagFailure("the bag cannot be written inside the archive")
    state = only_fonds(refresh(root, schedule), fonds)
    if not state.organisation:
        raise BagFailure(f"the archive names no organisation: run 'archivist init --archive {root} --commune NAME' "
                         "first (the bag and its dossier codes name the commune and its fonds)")
    report = verify(root, sources=False)
    if not report.ok:
        raise BagFailure("the archive fails verification; fix it first:\n"
                         + "\n".join(p.line() for p in report.problems[:20]))
    manifest = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    sealed = _fonds_files(state, manifest["files"]) if fonds else manifest["files"]
    out.mkdir(parents=True, exist_ok=True)
    try:
        for r, entry in sealed.items():
            _copy_checked(root / r, out / r, entry["sha256"])
        for name in ("archive.json", ARCHIVE_SCHEDULE):
            if (root / name).is_file():
                _copy_checked(root / name, out / name, None)
        if fonds:
            atomic_write_bytes(out / MANIFEST, dumps_json(_manifest_of(manifest, sealed, state)))
        else:
            _copy_checked(root / MANIFEST, out / MANIFEST, None)
        _copy_checked(BUILTIN, out / "manifests" / "retention-schedule.builtin.json", None)
        for kind in KINDS:
            _copy_checked(schema_path(kind), out / "schemas" / schema_path(kind).name, None)
        rm = retention_manifest(state, as_of)
        atomic_write_bytes(out / "manifests" / "retention-manifest.json", dumps_json(rm))
        atomic_write_bytes(out / "manifests" / "retention-manifest.csv", manifest_csv(rm))
        write_catalogue(state, out / "catalogue")
        info = bag_info(state)
        bagit.make_bag(str(out), dict(info), processes=1, checksums=CHECKSUMS)
        (out / "bagit.txt").write_text("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n", encoding="utf-8")
        bag = bagit.Bag(str(out))
        bag.save()  # rewrites bag-info and the tag manifests, which cover bagit.txt
        bag.validate()
    except BaseException:
        shutil.rmtree(out, ignore_errors=True)  # never leave a half-made bag that looks like a bag
        raise
    oxum = bag.info.get("Payload-Oxum", "0.0").split(".")
    return BagResult(out, int(oxum[1]), int(oxum[0]), dict(bag.info))


def validate_bag(path: Path) -> list[str]:
    """Problems of the bag at ``path`` (empty = valid), as bagit reports them."""
    import bagit

    try:
        bagit.Bag(str(path)).validate()
    except bagit.BagValidationError as e:
        return [str(d) for d in e.details] or [str(e)]
    except bagit.BagError as e:
        return [str(e)]
    return []
