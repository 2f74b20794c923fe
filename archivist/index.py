"""The full-text index: SQLite FTS5 in the archive (``index.sqlite``), one row per page.

Each page is indexed twice: folded (no diacritics, ``đ`` -> ``d``) so that ``quyet dinh`` finds
``QUYẾT ĐỊNH``, and exact (marks kept, tone placement normalised) so that a query typed with
diacritics ranks exact matches first. The document's type, number and subject go in a third,
heavily weighted column of its first page. Document fields used by filters live in a plain
table beside it. A document's rows are replaced in one transaction, so a crash leaves either
the old rows or the new ones, never both.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from .fsutil import sha256_bytes
from .query import And, Node, Not, Or, Term, parse, terms
from .textnorm import exact, fold

INDEX_FILE = "index.sqlite"
WEIGHTS = (10.0, 1.0, 2.0)  # meta (type, number, subject), folded text, exact text

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
  id TEXT PRIMARY KEY, type TEXT, type_folded TEXT, number TEXT, date TEXT, issuer TEXT, issuer_folded TEXT,
  commune TEXT, commune_folded TEXT, retention TEXT, dossier TEXT, subject TEXT, source TEXT, pdf TEXT,
  page_count INTEGER, record_sha TEXT, record_mtime INTEGER);
CREATE TABLE IF NOT EXISTS page_rows (doc_id TEXT NOT NULL, row INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS page_rows_doc ON page_rows(doc_id);
CREATE VIRTUAL TABLE IF NOT EXISTS pages USING fts5(
  doc_id UNINDEXED, page UNINDEXED, meta, folded, exact, tokenize = 'unicode61 remove_diacritics 0',
  prefix = '2 3');
"""


@dataclass
class Hit:
    doc_id: str
    page: int
    score: float
    snippet: str
    type: str | None = None
    number: str | None = None
    date: str | None = None
    subject: str | None = None
    issuer: str | None = None
    source: str | None = None
    pdf: str | None = None
    highlights: list[tuple[int, int]] = field(default_factory=list)  # spans in snippet


@dataclass
class Filters:
    type: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    issuer: str | None = None
    commune: str | None = None
    retention: str | None = None
    dossier: str | None = None


def _fts_term(t: Term, folded: bool) -> str:
    words = t.folded if folded else t.words
    phrase = '"' + " ".join(w.replace('"', '""') for w in words) + '"'
    return phrase + ("*" if t.prefix else "")


def compile_match(node: Node, folded: bool = True) -> str:
    """An FTS5 MATCH expression; every word is a quoted string, so no user text is syntax."""
    if isinstance(node, Term):
        return _fts_term(node, folded)
    if isinstance(node, Or):
        return "(" + " OR ".join(compile_match(n, folded) for n in node.items) + ")"
    if isinstance(node, And):
        pos = [compile_match(n, folded) for n in node.items if not isinstance(n, Not)]
        expr = "(" + " AND ".join(pos) + ")"
        for n in node.items:
            if isinstance(n, Not):
                expr = f"({expr} NOT {compile_match(n.item, folded)})"
        return expr
    raise TypeError(node)


def _meta_text(rec: dict) -> str:
    m = rec.get("metadata") or {}
    return " ".join(str(m.get(k) or "") for k in ("type", "number_symbol", "number", "subject"))


def _retention(m: dict) -> str | None:
    r = m.get("retention")
    if isinstance(r, dict):
        return str(r.get("period")) if r.get("period") is not None else None
    return None if r is None else str(r)


def index_rows(rec: dict, record_sha: str | None, record_mtime: int | None) -> tuple[tuple, list[tuple]]:
    """The documents row and the page rows of a record, folded in Python (the same for every backend)."""
    m = rec.get("metadata") or {}
    sha = record_sha or sha256_bytes(json.dumps(rec, sort_keys=True, ensure_ascii=False).encode())
    rows = []
    for i, p in enumerate(rec.get("pages", [])):
        text = p.get("text") or ""
        rows.append((rec["id"], p.get("number", i + 1), fold(_meta_text(rec)) if i == 0 else "", fold(text),
                     exact(text)))
    dossier = (rec.get("dossier") or {}).get("id") if isinstance(rec.get("dossier"), dict) else m.get("dossier")
    doc = (rec["id"], m.get("type"), fold(m.get("type") or ""), m.get("number_symbol") or m.get("number"),
           m.get("date"), m.get("issuer"), fold(m.get("issuer") or ""), m.get("commune"),
           fold(m.get("commune") or ""), _retention(m), dossier, m.get("subject"),
           ";".join(rec.get("source", {}).get("paths", [])), rec.get("output", {}).get("pdf"),
           rec.get("page_count"), sha, record_mtime)
    return doc, rows


def filter_clauses(f: Filters | None, like: str = "LIKE") -> tuple[list[str], list]:
    """SQL conditions on the documents table ``d`` for the search filters, values as parameters."""
    f = f or Filters()
    where: list[str] = []
    params: list = []
    for col, val in (("d.type_folded", f.type), ("d.commune_folded", f.commune)):
        if val:
            where.append(f"{col} = ?")
            params.append(fold(val).strip())
    if f.issuer:
        where.append(f"d.issuer_folded {like} ? ESCAPE '\\'")
        params.append("%" + re.sub(r"([%_\\])", r"\\\1", fold(f.issuer).strip()) + "%")
    for col, op, val in (("d.date", ">=", f.date_from), ("d.date", "<=", f.date_to),
                         ("d.retention", "=", f.retention), ("d.dossier", "=", f.dossier)):
        if val:
            where.append(f"{col} {op} ?")
            params.append(val)
    return where, params


class IndexBase:
    """What every backend shares: turning result rows into hits with highlighted snippets."""

    def _hits(self, rows: list, node: Node, score_sign: float) -> list[Hit]:
        """Rows of (doc_id, page, score, indexed text, type, number, date, subject, issuer, source, pdf)."""
        positive = terms(node)
        hits = []
        for row in rows:
            snippet, spans = make_snippet(self._page_text(row[0], row[1]) or row[3], positive)
            hits.append(Hit(row[0], int(row[1]), round(score_sign * float(row[2]), 4), snippet, row[4], row[5], row[6],
                            row[7], row[8], row[9], row[10], spans))
        return hits

    def _page_text(self, doc_id: str, page: int) -> str | None:
        return None  # the indexed text is lower-cased; ArchiveRecords reads the original from the record


class SqliteIndex(IndexBase):
    def __init__(self, path: Path) -> None:
        self.path = path
        self.db = sqlite3.connect(path, timeout=60, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(SCHEMA)
        # A configured rank lets FTS5 take its fast "ORDER BY rank" path (10x faster than calling bm25()).
        self.db.execute("INSERT INTO pages(pages, rank) VALUES ('rank', ?)",
                        (f"bm25({', '.join(map(str, WEIGHTS))})",))

    def close(self) -> None:
        self.db.close()

    # --- writing ---------------------------------------------------------------------------

    def upsert_document(self, rec: dict, record_sha: str | None = None, record_mtime: int | None = None,
                        transaction: bool = True) -> None:
        """Replace every row of ``rec['id']`` in one transaction (idempotent: never duplicates).

        ``transaction=False`` lets a bulk loader (the benchmark) batch many documents in its own.
        """
        doc, rows = index_rows(rec, record_sha, record_mtime)
        with self._tx() if transaction else nullcontext():
            self._delete(rec["id"])
            self.db.execute(f"INSERT INTO documents VALUES ({','.join('?' * 17)})", doc)
            for row in rows:
                cur = self.db.execute("INSERT INTO pages (doc_id, page, meta, folded, exact) VALUES (?,?,?,?,?)", row)
                self.db.execute("INSERT INTO page_rows VALUES (?, ?)", (rec["id"], cur.lastrowid))

    def _delete(self, doc_id: str) -> None:
        """FTS5 deletes fast only by rowid, so page rows are found through ``page_rows``."""
        self.db.execute("DELETE FROM pages WHERE rowid IN (SELECT row FROM page_rows WHERE doc_id = ?)", (doc_id,))
        self.db.execute("DELETE FROM page_rows WHERE doc_id = ?", (doc_id,))
        self.db.execute("DELETE FROM documents WHERE id = ?", (doc_id,))

    def delete_document(self, doc_id: str) -> None:
        with self._tx():
            self._delete(doc_id)

    @contextmanager
    def _tx(self) -> Iterator[None]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # --- reading ---------------------------------------------------------------------------

    def document_ids(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM documents ORDER BY id")]

    def record_stamps(self) -> dict[str, int | None]:
        return dict(self.db.execute("SELECT id, record_mtime FROM documents"))

    def page_row_count(self) -> int:
        return self.db.execute("SELECT count(*) FROM pages").fetchone()[0]

    def search(self, query: str, filters: Filters | None = None, limit: int = 20, offset: int = 0) -> list[Hit]:
        """Page-level hits, best first. Raises QueryError for a malformed query."""
        node = parse(query)
        match = "{meta folded} : " + compile_match(node)
        if any(t.has_marks for t in terms(node)):
            match = f"({match}) OR (exact : {compile_match(node, folded=False)})"
        where, params = filter_clauses(filters)
        where, params = ["pages MATCH ?", *where], [match, *params]
        sql = ("SELECT p.doc_id, p.page, p.rank AS score, p.exact,"
               " d.type, d.number, d.date, d.subject, d.issuer, d.source, d.pdf"
               " FROM pages p CROSS JOIN documents d ON d.id = p.doc_id"  # CROSS: FTS first, then look-ups
               f" WHERE {' AND '.join(where)} ORDER BY p.rank LIMIT ? OFFSET ?")
        params += [limit, offset]
        return self._hits(self.db.execute(sql, params).fetchall(), node, score_sign=-1.0)

    def clear(self) -> None:
        with self._tx():
            for table in ("pages", "page_rows", "documents"):
                self.db.execute(f"DELETE FROM {table}")


def make_snippet(text: str, found: list[Term], width: int = 14) -> tuple[str, list[tuple[int, int]]]:
    """A window of the page text around the first match, with the spans of matched words."""
    folded = fold(text)
    if len(folded) != len(text):  # positions only carry over when folding kept the length
        folded = "".join(fold(c) or " " for c in text)[: len(text)].ljust(len(text))
    tokens = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\w+", folded)]
    words = [t[2] for t in tokens]
    hits: set[int] = set()
    for t in found:
        want = t.folded
        n = len(want)
        for i in range(len(words) - n + 1):
            if words[i:i + n - 1] != list(want[:-1]):
                continue
            last = words[i + n - 1]
            if last.startswith(want[-1]) if t.prefix else last == want[-1]:
                hits.update(range(i, i + n))
    if not tokens:
        return "", []
    first = min(hits) if hits else 0
    lo, hi = max(0, first - width // 3), min(len(tokens), first + width)
    start, end = tokens[lo][0], tokens[hi - 1][1]
    snippet = " ".join(text[start:end].split())
    spans, pos = [], 0
    for i in range(lo, hi):
        word = text[tokens[i][0]:tokens[i][1]]
        at = snippet.find(word, pos)
        if at < 0:
            continue
        if i in hits:
            spans.append((at, at + len(word)))
        pos = at + len(word)
    lead = "… " if lo > 0 else ""
    return lead + snippet + (" …" if hi < len(tokens) else ""), [(a + len(lead), b + len(lead)) for a, b in spans]


class ArchiveRecords:
    """An index kept in step with an archive's record files (for either backend)."""

    archive: Path
    _texts: dict[str, list[str]]

    def _page_text(self, doc_id: str, page: int) -> str | None:
        if doc_id not in self._texts:
            p = self.archive / "documents" / f"{doc_id}.json"
            try:
                rec = json.loads(p.read_text(encoding="utf-8"))
                self._texts[doc_id] = [pg.get("text", "") for pg in rec.get("pages", [])]
            except (OSError, ValueError):
                self._texts[doc_id] = []
        texts = self._texts[doc_id]
        return texts[page - 1] if 0 < page <= len(texts) else None

    def reconcile(self) -> int:
        """Bring the index in line with the record files after a crash; returns documents changed.

        A record whose modification time differs from the one indexed was rewritten after its
        row (a run killed between the two): it is indexed again. Only stats are read otherwise.
        """
        on_disk = {p.stem: p for p in (self.archive / "documents").glob("*.json")}
        indexed = self.record_stamps()
        changed = 0
        for doc_id in set(indexed) - set(on_disk):
            self.delete_document(doc_id)
            changed += 1
        for doc_id, path in on_disk.items():
            mtime = path.stat().st_mtime_ns
            if indexed.get(doc_id) != mtime:
                self.index_file(path, mtime)
                changed += 1
        return changed

    def index_file(self, path: Path, mtime: int | None = None) -> None:
        data = path.read_bytes()
        try:
            rec = json.loads(data)
        except ValueError:
            return
        self.upsert_document(rec, sha256_bytes(data), mtime if mtime is not None else path.stat().st_mtime_ns)

    def rebuild(self) -> int:
        """Drop everything and index every record again (``archivist reindex``)."""
        self.clear()
        return self.reconcile()


class Index(ArchiveRecords, SqliteIndex):
    """The archive's own index: SQLite in ``ARCHIVE/index.sqlite``."""

    def __init__(self, archive: Path) -> None:
        self.archive = Path(archive)
        self._texts = {}
        SqliteIndex.__init__(self, self.archive / INDEX_FILE)


def index_url(archive: Path) -> str | None:
    """The shared index an archive was set up with (``archive.json``: "index"), if any."""
    try:
        return json.loads((Path(archive) / "archive.json").read_text(encoding="utf-8")).get("index")
    except (OSError, ValueError):
        return None


@contextmanager
def open_index(archive: Path, url: str | None = None) -> Iterator[Index]:
    """The archive's index: PostgreSQL when a postgresql:// URL is given or recorded, else SQLite."""
    url = url or index_url(archive)
    if url and url.startswith(("postgresql://", "postgres://")):
        from .index_pg import PgIndex

        class PgArchiveIndex(ArchiveRecords, PgIndex):
            pass

        idx = PgArchiveIndex(url, Path(archive))
        idx._texts = {}
    else:
        idx = Index(Path(archive))
    try:
        yield idx
    finally:
        idx.close()


def index_record_file(archive: Path, path: Path) -> None:
    """Index the record just written at ``path`` (its mtime lets reconcile skip it later)."""
    with open_index(archive) as idx:
        idx.index_file(path)
