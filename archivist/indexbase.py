"""What every index backend shares: the archive walk that keeps an index in step with the record files
(:class:`IndexBase`) and, for a backend that only stores and retrieves, the ranking, snippets and hits
(:class:`IndexBackend`), so that every backend returns the same hits.

Split from archivist/index.py (the SQLite FTS5 backend, whose docstring says why ranking is done here and
not in the database) because the PostgreSQL backend (archivist/index_pg.py) shares the walk and not SQLite.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from abc import ABC, abstractmethod
from collections.abc import Iterable
from pathlib import Path

from .indexrows import PAGE_MASK, DocRow, Filters, Hit, Row, document_rows, token_strings
from .query import Collection, Node, Ranker, idf_words, make_snippet, parse, positive_terms

WINDOW = 200  # candidates per retrieval; see archivist/index.py's docstring and bench/RESULTS.md


# --- what every backend shares -------------------------------------------------------------------

class IndexBase:
    """The archive walk every backend shares, through ``record_stamps``, ``upsert_document(record,
    record_sha, record_mtime)``, ``delete_document`` and ``clear``; and, for a backend that ranks in
    its own database (archivist.index_pg today), hits made from its result rows."""

    archive: Path | None = None
    db: sqlite3.Connection | object  # the backend's connection (sqlite3's or psycopg's)

    def index_file(self, path: Path, mtime: int | None = None) -> bool:
        """Index one record file; False if it is not a record named after its id."""
        data = Path(path).read_bytes()
        try:
            rec = json.loads(data)
        except ValueError:
            return False
        if not isinstance(rec, dict) or rec.get("id") != Path(path).stem or "pages" not in rec:
            return False
        self.upsert_document(rec, hashlib.sha256(data).hexdigest(), mtime or Path(path).stat().st_mtime_ns)
        return True

    def reconcile(self, archive_dir: Path | None = None) -> int:
        """Index the records the index lacks or holds an older version of (another modification time)
        and drop documents whose record is gone: after a crash the index agrees with the archive
        again. Reads only file stats for documents already indexed. Returns documents changed."""
        docs_dir = Path(archive_dir or self.archive) / "documents"
        files = {p.stem: p for p in docs_dir.glob("*.json")} if docs_dir.is_dir() else {}
        indexed = self.record_stamps()
        for doc_id in set(indexed) - set(files):
            self.delete_document(doc_id)
        stats = [(p, p.stat().st_mtime_ns) for _, p in sorted(files.items())]
        return len(set(indexed) - set(files)) + sum(self.index_file(p, t) for p, t in stats if indexed.get(p.stem) != t)

    def reindex(self, archive_dir: Path | None = None) -> int:
        """Rebuild the index from the record files alone; returns the number of documents indexed."""
        self.clear()
        return self.reconcile(archive_dir)

    def rebuild(self) -> int:
        return self.reindex()

    def source_rows(self) -> list[tuple[str, str | None, int | None]]:
        """(id, source, page_count) of every document: what archivist/versions.py needs to find earlier
        versions of an input. One query on the ``documents`` table, the same in both backends (each has ``db``)."""
        return [tuple(r) for r in self.db.execute("SELECT id, source, page_count FROM documents").fetchall()]

    def _page_text(self, doc_id: str, page: int) -> str | None:
        try:
            rec = json.loads((Path(self.archive) / "documents" / f"{doc_id}.json").read_text(encoding="utf-8"))
            return rec["pages"][page - 1].get("text") if 0 < page <= len(rec.get("pages") or []) else None
        except (OSError, ValueError, TypeError):
            return None

    def _hits(self, rows: list, node: Node, score_sign: float) -> list[Hit]:
        """Rows of (doc_id, page, score, page text, type, number, date, subject, issuer, source, pdf, superseded_by)."""
        out = []
        for r in rows:
            text = (self.archive and self._page_text(r[0], r[1])) or r[3]
            snippet, spans = make_snippet(text, positive_terms(node), *token_strings(text))
            out.append(Hit(r[0], int(r[1]), round(score_sign * float(r[2]), 6), snippet, *r[4:11], spans,
                           superseded_by=r[11] if len(r) > 11 else None))
        return out

    def close(self) -> None:  # noqa: B027 - nothing to release by default
        """Release the connection."""

    def __enter__(self) -> IndexBase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class IndexBackend(IndexBase, ABC):
    """The interface of an index ranked here: a backend stores and retrieves, this class ranks, makes
    snippets and hits, so that every backend implementing it returns the same hits."""

    @abstractmethod
    def write(self, docs: list[DocRow], delete_ids: Iterable[str] = ()) -> None:
        """In ONE transaction: remove the rows of ``delete_ids`` and of each doc's id, insert ``docs``."""

    @abstractmethod
    def clear(self) -> None:
        """Remove everything (inside the caller's transaction when there is one)."""

    @abstractmethod
    def record_stamps(self) -> dict[str, int | None]:
        """Indexed document id -> modification time (ns) of the record file it was read from."""

    @abstractmethod
    def retrieve(self, kind: str, node: Node, filters: Filters, window: int) -> list[int]:
        """Keys of up to ``window`` pages with all ``filters.facets()``, within its days, highest first:
        ``all`` matching ``node`` folded; ``meta``: a positive term in type/number/subject; ``exact``:
        every positive word as typed (a superset: the ranker checks phrases and NOT)."""

    @abstractmethod
    def rows(self, keys: list[int], exact: bool) -> list[Row]:
        """The token strings of these pages (mexact and exact may be empty unless ``exact``)."""

    @abstractmethod
    def collection(self, words: list[str]) -> Collection:
        """Page count, mean field lengths and the page frequency of ``words``."""

    @abstractmethod
    def hit_rows(self, keys: list[int]) -> dict[int, dict]:
        """By key: the page's ``text`` and ``page_source``, and its document's fields."""

    def upsert_document(self, record: dict, record_sha: str | None = None, record_mtime: int | None = None) -> None:
        """Replace every row of ``record['id']`` by the record's, in one transaction (idempotent)."""
        self.write([document_rows(record, record_sha, record_mtime)])

    def delete_document(self, doc_id: str) -> None:
        self.write([], [doc_id])

    def search(self, query: str | Node, filters: Filters | None = None, limit: int = 20,
               offset: int = 0) -> list[Hit]:
        """Page hits, best first. Raises QueryError for a malformed query, ValueError for a bad date."""
        node = parse(query) if isinstance(query, str) else query
        filters = filters or Filters()
        window = max(WINDOW, offset + limit)
        keys = self.retrieve("all", node, filters, window + 1)
        positive = positive_terms(node)
        marked = any(t.has_marks for t in positive)
        if len(keys) > window:  # broad: add the best-placed candidates older than the newest matches
            keys += self.retrieve("meta", node, filters, window)
            if marked:
                keys += self.retrieve("exact", node, filters, window)
        ranker = Ranker(node, self.collection(idf_words(node)))
        rows = {r[0]: r for r in self.rows(list(dict.fromkeys(keys)), marked)}
        ranked = sorted(((s[0], s[1], k) for k, r in rows.items() if (s := ranker.score(*r[1:]))),
                        key=lambda x: (-x[0], -x[1], -x[2]))[offset:offset + limit]
        info = self.hit_rows([k for _, _, k in ranked])
        hits = []
        for exact_n, score, key in ranked:
            d = info[key]
            snippet, spans = make_snippet(d["text"], positive, rows[key][2], rows[key][4])
            hits.append(Hit(d["id"], key & PAGE_MASK, round(score, 6), snippet, d["type"], d["number"], d["date"],
                            d["subject"], d["issuer"], d["page_source"] or d["source"], d["pdf"], spans,
                            exact_n > 0, d["commune"], d["superseded_by"]))
        return hits
