"""Compare an archive's index with its records: the rows a search reads must be the records' own.

Why: the index is derived data, but it is what a person sees first — a subject edited in the
database (``UPDATE documents SET subject = …``), a document whose rows were deleted, or rows of a
document that no longer exists would show in search results without any record saying so. Every
row is rebuilt in memory from its record (the same function the writer uses) and compared field by
field; ``archivist reindex`` mends whatever differs.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .errors import ArchivistError, ServiceUnavailable
from .plural import plural

MEND = "run 'archivist reindex' to rebuild the index from the records"


def _differences(stored: tuple[dict, list[tuple]], expected: tuple[dict, list[tuple]]) -> list[str]:
    (s_fields, s_pages), (e_fields, e_pages) = stored, expected
    out = [f"{k} is {s_fields.get(k)!r} in the index, {v!r} in the record"
           for k, v in e_fields.items() if k != "record_sha" and s_fields.get(k) != v]
    if s_fields.get("record_sha") != e_fields.get("record_sha") and not out:
        out.append("indexed from another version of the record")
    if len(s_pages) != len(e_pages):
        out.append(f"{plural(len(s_pages), 'page row')} in the index, {plural(len(e_pages), 'page')} in the record")
    else:
        out += [f"page {e[0]} differs from the record (its text, words or scan)"
                for s, e in zip(s_pages, e_pages, strict=True) if s != e]
    return out


def check_index(root: Path, records: dict[str, dict]) -> list[tuple[str, str]]:
    """(path, detail) for every index row that disagrees with ``records`` (archive-relative path -> record)."""
    from .archiveinfo import index_url
    from .indexing import needs_rebuild, open_index

    root = Path(root)
    url = index_url(root)
    if not url and needs_rebuild(root):
        return [("index.sqlite", f"missing or made by another version of archivist; {MEND}")] if records else []
    try:
        idx = open_index(root, url, writable=False)
    except ServiceUnavailable:
        raise  # the server, not the index, is what is wrong: the caller says so once (archivist/verify.py)
    except ArchivistError as e:
        return [(url or "index.sqlite", str(e))]
    problems: list[tuple[str, str]] = []
    with idx:
        by_id = {rec["id"]: (path, rec) for path, rec in records.items() if isinstance(rec.get("id"), str)}
        for doc_id, (path, rec) in sorted(by_id.items()):
            sha = hashlib.sha256((root / path).read_bytes()).hexdigest()
            stored = idx.stored_rows(doc_id)
            if stored is None:
                problems.append((path, f"not in the index, so search cannot find it; {MEND}"))
                continue
            diffs = _differences(stored, idx.expected_rows(rec, sha))
            if diffs:
                problems.append((path, "index differs from the record: " + "; ".join(diffs[:3]) + f"; {MEND}"))
        for doc_id in sorted(set(idx.document_ids()) - set(by_id)):
            problems.append((f"documents/{doc_id}.json", f"in the index but the archive has no such record; {MEND}"))
    return problems
