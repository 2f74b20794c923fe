"""The full-text index in SQLite FTS5 (``ARCHIVE/index.sqlite``); the interface every backend shares is in
archivist/indexbase.py (imported from here as before).

Why FTS5's ``bm25()`` is not used: it counts, for every query, every page holding each phrase (its
idf) and scores every matching page before sorting; on a million pages a query for common words
(``ủy ban nhân dân`` is on most pages) takes seconds. So the database only *retrieves*, newest
documents first, stopping after a window of candidates, and :class:`archivist.query.Ranker` ranks
them in Python from each page's token strings, with idf from a page-frequency table that every
write keeps current. A query matching fewer pages than the window (any selective one) has all its
matches ranked: the ranking is exact. A broader one ranks the newest ``window`` matches, plus the
newest ``window`` pages whose type/number/subject match, plus (typed with diacritics) the newest
``window`` exact matches. Filters are facet tokens indexed with each page, so a filter is one more
AND inside the full-text query. A backend implementing :class:`IndexBackend`'s few retrieval
primitives in the same order inherits ranking and snippets: identical hits.

Keys: a page is ``(issue-day << 24 | hash(id)) << 15 | page``: key order is issue-date order, so
``--from/--to`` are key ranges and "newest first" is a descending scan; a document's pages are one
key range. Keys stay below 2**56: SQLite 3.40's FTS5 loses rows in descending phrase scans over
larger rowids (tests/test_index.py checks this). Each page stores its text (snippets) and its token
strings (ranking); the FTS5 tables index those strings as external content, so nothing is stored
twice and deletes read back the very tokens that were inserted.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .archiveinfo import INDEX_FILE
from .ftsquery import fts_all, fts_exact
from .indexbase import WINDOW, IndexBackend, IndexBase
from .indexrows import (
    DOC_SHIFT,
    HASH_BITS,
    PAGE_BITS,
    PAGE_MASK,
    DocRow,
    Filters,
    Hit,
    Row,
    document_rows,
    stored_fields,
)
from .query import Collection, Node, positive_terms
from .textnorm import NORM_VERSION

__all__ = ["INDEX_FILE", "WINDOW", "DocRow", "Filters", "Hit", "IndexBackend", "IndexBase", "SqliteIndex",
           "document_rows"]

# --- SQLite ------------------------------------------------------------------------------------

_TOKENIZER = "tokenize = 'unicode61 remove_diacritics 0'"
PREFIX_INDEX = (2, 3)  # prefix lengths FTS5 keeps an index for; longer prefixes are expanded (_expand)
MAX_EXPANSION = 64
SCHEMA = f"""
CREATE TABLE documents (docno INTEGER PRIMARY KEY, {', '.join(document_rows({'id': ''}).fields)}, UNIQUE (id));
CREATE TABLE pages (key INTEGER PRIMARY KEY, meta TEXT, body TEXT, mexact TEXT, exact TEXT, facets TEXT,
  source TEXT, text TEXT);
CREATE VIRTUAL TABLE fts USING fts5(meta, body, facets, content='pages', content_rowid='key', {_TOKENIZER},
  prefix='{' '.join(map(str, PREFIX_INDEX))}');
CREATE VIRTUAL TABLE mfts USING fts5(meta, facets, content='pages', content_rowid='key', {_TOKENIZER});
CREATE VIRTUAL TABLE xfts USING fts5(mexact, exact, facets, content='pages', content_rowid='key', detail=none,
  {_TOKENIZER});
CREATE TABLE terms (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE figures (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
"""
USER_VERSION = 6000 + NORM_VERSION  # schema 6 (superseded_by); another value: the file is emptied and rebuilt
_FTS = (("fts", "meta, body, facets", (1, 2, 5)), ("mfts", "meta, facets", (1, 5)),
        ("xfts", "mexact, exact, facets", (3, 4, 5)))
_KEYS = "(SELECT value FROM json_each(?))"


class SqliteIndex(IndexBackend):
    """The index in one SQLite file: WAL mode, one transaction per write, no server."""

    def __init__(self, path: Path, archive: Path | None = None, bulk: bool = False, readonly: bool = False) -> None:
        self.path, self.archive = Path(path), archive
        self.rebuilt = False  # the file held another schema or tokenization and was emptied
        if readonly:
            self.db = _connect_readonly(self.path)
            self.current = self.db.execute("PRAGMA user_version").fetchone()[0] == USER_VERSION
            return
        self.db = sqlite3.connect(self.path, timeout=60, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute(f"PRAGMA synchronous={'OFF' if bulk else 'NORMAL'}")
        self.db.execute(f"PRAGMA cache_size={-(512 if bulk else 64) * 1024}")
        if self.db.execute("PRAGMA user_version").fetchone()[0] != USER_VERSION:
            self.rebuilt = self.db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
            self.clear()
        self.current = True

    def close(self) -> None:
        self.db.close()

    def stored_rows(self, doc_id: str) -> tuple[dict, list[tuple]] | None:
        """What the index holds for ``doc_id`` in the form :meth:`expected_rows` gives (verify compares them)."""
        fields = stored_fields(self.db.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)))
        if fields is None:
            return None
        docno = fields.pop("docno")
        span = (docno << PAGE_BITS, docno << PAGE_BITS | PAGE_MASK)
        pages = [(key & PAGE_MASK, *rest) for key, *rest in self.db.execute(
            "SELECT key, meta, body, mexact, exact, facets, source, text FROM pages WHERE key BETWEEN ? AND ? "
            "ORDER BY key", span)]
        return fields, pages

    @staticmethod
    def expected_rows(rec: dict, record_sha: str | None) -> tuple[dict, list[tuple]]:
        """The rows a record should have in this index (without the file's modification time)."""
        d = document_rows(rec, record_sha)
        fields = dict(d.fields)
        fields.pop("record_mtime", None)
        return fields, [tuple(p) for p in d.pages]

    @contextmanager
    def _tx(self) -> Iterator[None]:
        """A write transaction (IMMEDIATE: it waits for other writers); nested, a savepoint in it."""
        outer = not self.db.in_transaction
        self.db.execute("BEGIN IMMEDIATE" if outer else "SAVEPOINT nested")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK" if outer else "ROLLBACK TO nested")
            raise
        self.db.execute("COMMIT" if outer else "RELEASE nested")

    def clear(self) -> None:
        with self._tx():
            tables = self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                                     "'sqlite_%' ORDER BY sql NOT LIKE 'CREATE VIRTUAL%'").fetchall()
            for (name,) in tables:  # virtual tables first: they drop their shadow tables
                self.db.execute(f'DROP TABLE IF EXISTS "{name}"')
            for stmt in filter(str.strip, SCHEMA.split(";")):
                self.db.execute(stmt)
            self.db.execute(f"PRAGMA user_version = {USER_VERSION}")

    def reindex(self, archive_dir: Path | None = None) -> int:
        with self._tx():  # all or nothing: a crash or an error leaves the old index
            n = super().reindex(archive_dir)
        self.optimize()
        return n

    def optimize(self) -> None:
        """Merge each FTS5 index into one segment (after bulk writes: faster searches)."""
        for table, _, _ in _FTS:
            self.db.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")

    def write(self, docs: list[DocRow], delete_ids: Iterable[str] = ()) -> None:
        df: Counter[str] = Counter()
        fig: Counter[str] = Counter()
        with self._tx():
            for doc_id in [*delete_ids, *(d.fields["id"] for d in docs)]:
                self._delete(doc_id, df, fig)
            for d in docs:
                docno = d.docno
                while self.db.execute("SELECT 1 FROM documents WHERE docno = ?", (docno,)).fetchone():
                    docno = d.day << HASH_BITS | (docno + 1) & ((1 << HASH_BITS) - 1)  # hash collision: next
                self.db.execute(f"INSERT INTO documents (docno, {', '.join(d.fields)}) VALUES "
                                f"(?{', ?' * len(d.fields)})", [docno, *d.fields.values()])
                pages = [(docno << PAGE_BITS | p[0], *p[1:]) for p in d.pages]
                self.db.executemany("INSERT INTO pages VALUES (?, ?, ?, ?, ?, ?, ?, ?)", pages)
                self._fts([p[:6] for p in pages], 1, df, fig)
            self.db.executemany("INSERT INTO terms VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET df = df + "
                                "excluded.df", [(t, c) for t, c in df.items() if c])
            if any(c < 0 for c in df.values()):
                self.db.execute("DELETE FROM terms WHERE df <= 0")
            self.db.executemany("INSERT INTO figures VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = "
                                "value + excluded.value", list(fig.items()))

    def _fts(self, rows: list[tuple], sign: int, df: Counter[str], fig: Counter[str]) -> None:
        """Index (sign 1) or unindex (-1) rows (key, meta, body, mexact, exact, facets), and count them."""
        for table, cols, pick in _FTS:
            cmd = ("", "") if sign > 0 else (f"{table}, ", "'delete', ")
            self.db.executemany(f"INSERT INTO {table} ({cmd[0]}rowid, {cols}) VALUES ({cmd[1]}?{', ?' * len(pick)})",
                                [(r[0], *(r[i] for i in pick)) for r in rows if table != "mfts" or r[1]])
        for _, meta, body, *_ in rows:
            df.update(dict.fromkeys(set(meta.split()) | set(body.split()), sign))
            fig.update({"pages": sign, "body": sign * body.count(" ") - sign * bool(body), "meta_pages":
                        sign * bool(meta), "meta": sign * meta.count(" ") - sign * bool(meta)})

    def _delete(self, doc_id: str, df: Counter[str], fig: Counter[str]) -> None:
        found = self.db.execute("SELECT docno FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if found:
            span = (found[0] << PAGE_BITS, found[0] << PAGE_BITS | PAGE_MASK)
            rows = self.db.execute("SELECT key, meta, body, mexact, exact, facets FROM pages WHERE key BETWEEN ? "
                                   "AND ?", span).fetchall()
            self._fts(rows, -1, df, fig)
            self.db.execute("DELETE FROM pages WHERE key BETWEEN ? AND ?", span)
            self.db.execute("DELETE FROM documents WHERE docno = ?", found)

    def record_stamps(self) -> dict[str, int | None]:
        return dict(self.db.execute("SELECT id, record_mtime FROM documents"))

    def document_ids(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM documents ORDER BY id")]

    def page_row_count(self) -> int:
        return self.db.execute("SELECT count(*) FROM pages").fetchone()[0]

    def retrieve(self, kind: str, node: Node, filters: Filters, window: int) -> list[int]:
        table, expr = {"all": ("fts", fts_all(node, self._expand)), "exact": ("xfts", fts_exact(node)),
                       "meta": ("mfts", " OR ".join(fts_all(t, self._expand) for t in positive_terms(node)))}[kind]
        expr = " AND ".join([f"({expr})", *(f'"{f}"' for f in filters.facets())])
        expr = " NOT ".join([f"({expr})", *(f'"{f}"' for f in filters.excluded())])  # superseded documents
        lo, hi = filters.days()
        return [r[0] for r in self.db.execute(
            f"SELECT rowid FROM {table} WHERE {table} MATCH ? AND rowid BETWEEN ? AND ? ORDER BY rowid DESC "
            "LIMIT ?", (expr, lo << DOC_SHIFT, ((hi + 1) << DOC_SHIFT) - 1, window))]

    def _expand(self, prefix: str) -> list[str] | None:
        """The indexed words starting with ``prefix``, when the prefix index does not cover it.

        Why: FTS5 answers ``khai*`` without a prefix index of that length by merging the doclists of
        every such word in memory before it can return the newest page (0.2 s at a million pages);
        the same words ORed are merged lazily (measured: bench/RESULTS.md). Too many words: None,
        and FTS5's own prefix query is used.
        """
        if len(prefix) <= max(PREFIX_INDEX):
            return None
        upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        words = [r[0] for r in self.db.execute("SELECT term FROM terms WHERE term >= ? AND term < ? AND df > 0 "
                                               "LIMIT ?", (prefix, upper, MAX_EXPANSION + 1))]
        return words if 0 < len(words) <= MAX_EXPANSION else None

    def rows(self, keys: list[int], exact: bool) -> list[Row]:
        cols = "mexact, exact" if exact else "'', ''"
        return self.db.execute(f"SELECT key, meta, body, {cols} FROM pages WHERE key IN {_KEYS}",
                               (json.dumps(keys),)).fetchall()

    def collection(self, words: list[str]) -> Collection:
        fig = dict(self.db.execute("SELECT name, value FROM figures"))
        pages, meta_pages = fig.get("pages", 0), fig.get("meta_pages", 0)
        df = dict(self.db.execute(f"SELECT term, df FROM terms WHERE term IN {_KEYS}", (json.dumps(words),)))
        return Collection(pages, fig.get("body", 0) / pages if pages else 1.0,
                          fig.get("meta", 0) / meta_pages if meta_pages else 1.0, df)

    def hit_rows(self, keys: list[int]) -> dict[int, dict]:
        cur = self.db.execute(f"SELECT p.key, p.text, p.source AS page_source, d.* FROM pages p JOIN documents d "
                              f"ON d.docno = p.key >> {PAGE_BITS} WHERE p.key IN {_KEYS}", (json.dumps(keys),))
        names = [c[0] for c in cur.description]
        return {r[0]: dict(zip(names, r, strict=True)) for r in cur}


def _connect_readonly(path: Path) -> sqlite3.Connection:
    """Open the index without writing a byte: ``mode=ro`` beside a live writer; ``immutable=1`` where
    even SQLite's shared-memory file cannot be made (a disc, a write-protected stick)."""
    uri = path.resolve().as_uri()
    try:
        db = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None)
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return db
    except sqlite3.OperationalError:
        return sqlite3.connect(f"{uri}?immutable=1", uri=True, isolation_level=None)
