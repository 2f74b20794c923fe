"""The index in PostgreSQL, so that several PCs can feed one shared index.

Same rows as the SQLite index (built by :func:`archivist.index.index_rows`, folded in Python), same
query language (compiled from the same tree to a ``tsquery``), same filters: the two backends
return the same hits. Text is pre-split into words in Python before ``to_tsvector('simple', …)``
so that PostgreSQL's parser (which would keep ``45/qd-ubnd`` as one "file" token) splits exactly
where SQLite's tokenizer does. Every value the user types is a bound parameter.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from .indexbase import IndexBase
from .indexowner import take_database
from .indexrows import Filters, Hit, filter_clauses, index_rows, stored_fields
from .pgconnect import CONNECT_TIMEOUT, shown_url, unavailable_as_error
from .query import And, Node, Not, Or, Term, parse, terms
from .tokens import WORD

if TYPE_CHECKING:
    import psycopg

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
  id TEXT PRIMARY KEY, type TEXT, type_folded TEXT, number TEXT, date TEXT, issuer TEXT, issuer_folded TEXT,
  commune TEXT, commune_folded TEXT, retention TEXT, dossier TEXT, subject TEXT, source TEXT, pdf TEXT,
  page_count INTEGER, fonds TEXT, fonds_commune_folded TEXT, superseded_by TEXT, record_sha TEXT,
  record_mtime BIGINT);
ALTER TABLE documents ADD COLUMN IF NOT EXISTS fonds TEXT;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS fonds_commune_folded TEXT;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS superseded_by TEXT;
CREATE TABLE IF NOT EXISTS pages (
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, page INTEGER NOT NULL, exact_text TEXT,
  ftsv TSVECTOR NOT NULL, etsv TSVECTOR NOT NULL, PRIMARY KEY (doc_id, page));
ALTER TABLE pages ADD COLUMN IF NOT EXISTS source TEXT;
CREATE INDEX IF NOT EXISTS pages_ftsv ON pages USING GIN (ftsv);
CREATE INDEX IF NOT EXISTS pages_etsv ON pages USING GIN (etsv);
"""
#: Seconds a write waits for a server that dropped its connection to take a new one (a restart).
RECONNECT_WAIT = 30.0
DOCUMENT_COLUMNS = ("id", "type", "type_folded", "number", "date", "issuer", "issuer_folded", "commune",
                    "commune_folded", "retention", "dossier", "subject", "source", "pdf", "page_count", "fonds",
                    "fonds_commune_folded", "superseded_by", "record_sha", "record_mtime")
#: A page's search vectors: its fields' and folded words (weighted A and D) and its exact words. Written once, so
#: the writer (:meth:`PgIndex._upsert`) and verify's expectation (:meth:`PgIndex.expected_rows`) build the same ones.
FTSV = "setweight(to_tsvector('simple', {meta}), 'A') || setweight(to_tsvector('simple', {folded}), 'D')"
ETSV = "to_tsvector('simple', {exact})"
__all__ = ["CONNECT_TIMEOUT", "PgIndex", "compile_tsquery", "remove_documents", "shown_url", "unavailable_as_error"]
def remove_documents(url: str, ids: list[str], archive_id: str | None = None, root: Path | None = None) -> int | None:
    """Delete the documents ``ids`` (their pages go with them) from the index at ``url`` and free the database
    (archivist/indexowner.py); how many it held, None when another archive owns it, or the archive at ``root``
    is a copy of the one that does (nothing removed then). Creates nothing: a database without the index's
    tables holds none of them."""
    import psycopg

    from .indexowner import owned_by_another, release

    with unavailable_as_error(url), psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_TIMEOUT) as db:
        if owned_by_another(db, archive_id, root, ids):
            return None
        n = 0
        if db.execute("SELECT to_regclass('public.documents')").fetchone()[0] is not None:
            n = db.execute("DELETE FROM documents WHERE id = ANY(%s)", (ids,)).rowcount
        release(db)
        return n


def _connect_again(url: str) -> psycopg.Connection:
    """A new connection to a server that dropped ours, tried for up to :data:`RECONNECT_WAIT` seconds (a restart
    takes a few); the last failure is raised when it stays away."""
    import psycopg

    deadline = time.monotonic() + RECONNECT_WAIT
    while True:
        try:
            return psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_TIMEOUT)
        except psycopg.OperationalError:
            if time.monotonic() >= deadline:
                raise
            time.sleep(1.0)


def words(text: str) -> str:
    return " ".join(WORD.findall(text))


def _term(t: Term, folded: bool) -> str:
    ws = t.folded if folded else t.words
    parts = [w for w in (" ".join(WORD.findall(x)) for x in ws) if w]
    out = " <-> ".join(p.replace(" ", " <-> ") for p in parts)
    return out + (":*" if t.prefix else "")


def compile_tsquery(node: Node, folded: bool = True) -> str:
    """A tsquery text made only of \\w+ words and operators: safe as a to_tsquery parameter."""
    if isinstance(node, Term):
        return "(" + _term(node, folded) + ")"
    if isinstance(node, Or):
        return "(" + " | ".join(compile_tsquery(n, folded) for n in node.items) + ")"
    if isinstance(node, And):
        pos = [compile_tsquery(n, folded) for n in node.items if not isinstance(n, Not)]
        neg = [f"!{compile_tsquery(n.item, folded)}" for n in node.items if isinstance(n, Not)]
        return "(" + " & ".join(pos + neg) + ")"
    raise TypeError(node)


class PgIndex(IndexBase):
    """The PostgreSQL backend; same methods as :class:`archivist.index.SqliteIndex`."""

    def __init__(self, url: str, archive: Path | None = None, writable: bool = True) -> None:
        import psycopg

        self.url = url
        self.archive = archive
        with unavailable_as_error(url):
            self.db = psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_TIMEOUT)
            try:
                with self.db.transaction():
                    self.db.execute("SELECT pg_advisory_xact_lock(4242)")  # several PCs may create it at once
                    if archive is not None:  # refused before anything is written: another archive's index here
                        take_database(self.db, url, Path(archive), writable)
                    self.db.execute(SCHEMA)
            except BaseException:
                self.db.close()
                raise

    def close(self) -> None:
        self.db.close()

    def _write(self, write: Callable[[], None]) -> None:
        """Run ``write`` (one transaction); on a connection the server dropped (a restart, an administrator's
        ``pg_terminate_backend``), connect again and run it once more: a batch on a shared server outlives a
        restart of a few seconds instead of stopping with the server back up. The transaction either committed
        or rolled back, and each write deletes before it inserts, so running it again adds no row twice."""
        import psycopg

        with unavailable_as_error(self.url):
            try:
                write()
                return
            except psycopg.OperationalError:
                if not (self.db.closed or self.db.broken):
                    raise
            self.db = _connect_again(self.url)
            write()

    def stored_rows(self, doc_id: str) -> tuple[dict, list[tuple]] | None:
        """What the index holds for ``doc_id`` in the form :meth:`expected_rows` gives (verify compares them)."""
        fields = stored_fields(self.db.execute("SELECT * FROM documents WHERE id = %s", (doc_id,)))
        if fields is None:
            return None
        pages = [tuple(r) for r in self.db.execute(
            "SELECT page, exact_text, source, ftsv::text, etsv::text FROM pages WHERE doc_id = %s ORDER BY page",
            (doc_id,))]
        return fields, pages

    def expected_rows(self, rec: dict, record_sha: str | None) -> tuple[dict, list[tuple]]:
        """The rows a record should have in this index (without the file's modification time): per page its text,
        its own scan and its two search vectors, as SQLite's verify compares every column of a page row. The
        vectors are made by the server from the record's words, as the writer makes them (one query a document)."""
        doc, rows = index_rows(rec, record_sha, None)
        fields = dict(zip(DOCUMENT_COLUMNS, doc, strict=True))
        fields.pop("record_mtime", None)
        if not rows:
            return fields, []
        columns = ([words(meta) for _, _, meta, _, _, _ in rows], [words(folded) for _, _, _, folded, _, _ in rows],
                   [words(text) for _, _, _, _, text, _ in rows])
        vectors = self.db.execute(
            f"SELECT ({FTSV.format(meta='m', folded='f')})::text, ({ETSV.format(exact='e')})::text "
            "FROM unnest(%s::text[], %s::text[], %s::text[]) WITH ORDINALITY AS t(m, f, e, n) ORDER BY n",
            columns).fetchall()
        return fields, [(page, text, source, *vec) for (_, page, _, _, text, source), vec
                        in zip(rows, vectors, strict=True)]

    def upsert_document(self, rec: dict, record_sha: str | None = None, record_mtime: int | None = None,
                        transaction: bool = True) -> None:
        doc, rows = index_rows(rec, record_sha, record_mtime)
        self._write(lambda: self._upsert(rec["id"], doc, rows))

    def _upsert(self, doc_id: str, doc: tuple, rows: list[tuple]) -> None:
        with self.db.transaction():
            self.db.execute("DELETE FROM documents WHERE id = %s", (doc_id,))
            self.db.execute(f"INSERT INTO documents ({', '.join(DOCUMENT_COLUMNS)}) VALUES "
                            f"({', '.join(['%s'] * len(DOCUMENT_COLUMNS))})", doc)
            for doc_id, page, meta, folded, exact_text, source in rows:
                self.db.execute(
                    "INSERT INTO pages (doc_id, page, exact_text, ftsv, etsv, source) VALUES (%s, %s, %s, "
                    f"{FTSV.format(meta='%s', folded='%s')}, {ETSV.format(exact='%s')}, %s)",
                    (doc_id, page, exact_text, words(meta), words(folded), words(exact_text), source))

    def delete_document(self, doc_id: str) -> None:
        self._write(lambda: self.db.execute("DELETE FROM documents WHERE id = %s", (doc_id,)))

    def clear(self) -> None:
        self.db.execute("TRUNCATE pages, documents")

    def document_ids(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM documents ORDER BY id")]

    def record_stamps(self) -> dict[str, int | None]:
        return dict(self.db.execute("SELECT id, record_mtime FROM documents").fetchall())

    def source_rows(self) -> list[tuple[str, str | None, int | None]]:
        with unavailable_as_error(self.url):
            return super().source_rows()

    def page_row_count(self) -> int:
        return self.db.execute("SELECT count(*) FROM pages").fetchone()[0]

    def search(self, query: str, filters: Filters | None = None, limit: int = 20, offset: int = 0) -> list[Hit]:
        node = parse(query)
        fq = compile_tsquery(node)
        eq = compile_tsquery(node, folded=False) if any(t.has_marks for t in terms(node)) else fq
        where, params = filter_clauses(filters, like="LIKE")
        where = [w.replace("?", "%s") for w in where]
        sql = ("SELECT p.doc_id, p.page, ts_rank(p.ftsv, to_tsquery('simple', %s), 1) "
               "+ 0.5 * ts_rank(p.etsv, to_tsquery('simple', %s), 1) AS score, p.exact_text,"
               " d.type, d.number, d.date, d.subject, d.issuer, COALESCE(p.source, d.source), d.pdf, d.superseded_by"
               " FROM pages p JOIN documents d ON d.id = p.doc_id"
               " WHERE p.ftsv @@ to_tsquery('simple', %s)" + "".join(f" AND {w}" for w in where) +
               " ORDER BY score DESC, p.doc_id, p.page LIMIT %s OFFSET %s")
        rows = self.db.execute(sql, [fq, eq, fq, *params, limit, offset]).fetchall()
        return self._hits(rows, node, score_sign=1.0)
