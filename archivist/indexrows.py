"""What an index stores for a record, whatever the backend: page keys, filter facets, the
:class:`Filters` a search takes and the :class:`Hit` it returns, and a record's rows.

Kept apart from the backends so that SQLite (archivist.index) and PostgreSQL (archivist.index_pg)
build their rows from one function and so agree on every folded word, key and filter.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .levelwords import COMMUNE, alternation
from .query import pad
from .record import replaced_by
from .textnorm import exact_tokens, fold_tokens, match_key, nfc

DAY_BITS, HASH_BITS, PAGE_BITS = 16, 24, 15
PAGE_MASK, DOC_SHIFT = (1 << PAGE_BITS) - 1, HASH_BITS + PAGE_BITS
Row = tuple[int, str, str, str, str]  # key, meta, body, mexact, exact: the token strings of a page


_COMMUNE_KEYS = tuple(match_key(w) + " " for w in COMMUNE)  # a commune's level words as match_key writes them
_FONDS_COMMUNE = re.compile(rf"\b(?:{alternation(_COMMUNE_KEYS)})(.+)$")


def fonds_commune_key(fonds: object) -> str:
    """The commune a fonds is of, as ``--commune`` compares it: ``Ủy ban nhân dân xã Tân Hương`` -> ``tan huong``
    (so a former commune's name finds its fonds' documents, whatever their own place line says)."""
    name = fonds.get("name") if isinstance(fonds, dict) else None
    m = _FONDS_COMMUNE.search(match_key(name)) if name else None
    return m[1] if m else ""


def commune_key(value: object) -> str:
    key = match_key(value)
    return next((key[len(p):] for p in _COMMUNE_KEYS if key.startswith(p)), key)


def retention_key(value: object) -> str:
    """``permanent``/``vĩnh viễn`` -> ``permanent``; ``10``, ``10 năm``, ``10 years`` -> ``10``."""
    key = match_key(value)
    if key in ("permanent", "vinh vien"):
        return "permanent"
    m = re.fullmatch(r"(\d+)(?: nam| years?)?", key)
    return m[1] if m else key


def day_number(value: str | None, end: bool = False) -> int | None:
    """Days since 1899-12-31 of ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (its last day if ``end``)."""
    m = re.fullmatch(r"\s*(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?\s*", value or "")
    try:
        y, mo = int(m[1]), int(m[2] or (12 if end else 1))
        d = date(y, mo, int(m[3])) if m[3] else date(y, mo, 1)
        if end and not m[3]:
            d = date.fromordinal(date(y + mo // 12, mo % 12 + 1, 1).toordinal() - 1)
    except (TypeError, ValueError):
        return None
    return min(max((d - date(1899, 12, 31)).days, 1), (1 << DAY_BITS) - 1)


def facet(kind: str, value: str) -> str:
    """A filter value as one token no text contains (a hash), indexed with each page of the document."""
    return "f" + kind[:3] + hashlib.sha256(value.encode()).hexdigest()[:12]


#: The token on every page of a document a later version replaces: a search excludes it (``NOT``), so that the
#: documents still current need no token of their own and a query's work grows only with the superseded ones.
SUPERSEDED = facet("superseded", "yes")


@dataclass
class Filters:
    """Record fields a hit's document must have. Text fields match folded and case-insensitively
    (``--type "quyet dinh"`` matches ``Quyết định``), the issuer when it holds all the given words,
    the commune with or without ``Xã``; dates are ``YYYY[-MM[-DD]]``, inclusive, and exclude undated
    documents. A bad date raises ValueError."""

    type: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    issuer: str | None = None
    commune: str | None = None
    retention: str | None = None
    dossier: str | None = None
    fonds: str | None = None  # a fonds code (archivist/fonds.py)
    #: also documents a later version replaces (archivist/supersede.py); by default a search leaves them out
    all_versions: bool = False

    def days(self) -> tuple[int, int]:
        found = [day_number(v, end=i == 1) if v else None for i, v in enumerate((self.date_from, self.date_to))]
        for given, day in zip((self.date_from, self.date_to), found, strict=True):
            if given and day is None:
                raise ValueError(f"'{given}' is not a date: write YYYY-MM-DD, YYYY-MM or YYYY")
        return found[0] or (1 if self.date_to else 0), found[1] or (1 << DAY_BITS) - 1

    def keys(self) -> dict[str, str]:
        """The compared form of each field filtered on (the issuer: its words)."""
        values = {"type": match_key(self.type), "commune": commune_key(self.commune),
                  "retention": retention_key(self.retention), "dossier": (self.dossier or "").strip().casefold(),
                  "fonds": (self.fonds or "").strip().casefold(),
                  "issuer": match_key(self.issuer)}
        return {k: v for k, v in values.items() if getattr(self, k)}

    def excluded(self) -> list[str]:
        """Facet tokens a hit's page must not have: the superseded documents', unless every version is asked for."""
        return [] if self.all_versions else [SUPERSEDED]

    def facets(self) -> list[str]:
        keys = self.keys()
        issuer = keys.pop("issuer", None)
        return [facet(k, v) for k, v in keys.items()] + ([facet("issuer", w) for w in issuer.split()] or
                                                         [facet("issuer", "")] if issuer is not None else [])


@dataclass
class Hit:
    """One page matching a query, with what a user needs to look at it."""

    doc_id: str
    page: int
    score: float
    snippet: str
    type: str | None = None
    number: str | None = None
    date: str | None = None
    subject: str | None = None
    issuer: str | None = None
    source: str | None = None  # the scan file of this page
    pdf: str | None = None  # relative to the archive
    highlights: list[tuple[int, int]] = field(default_factory=list)  # character spans in snippet
    exact: bool = False  # the words typed with diacritics are on the page as typed
    commune: str | None = None
    superseded_by: str | None = None  # the later version that replaces this document (with --all-versions)


@dataclass
class DocRow:
    """What an index stores for one record, whatever the backend. ``pages``: (page number, meta, body,
    mexact, exact, facets, source, text): padded token strings, facet tokens, the page itself."""

    fields: dict
    day: int
    pages: list[tuple[int, str, str, str, str, str, str | None, str]]

    @property
    def docno(self) -> int:
        return self.day << HASH_BITS | int.from_bytes(hashlib.sha256(self.fields["id"].encode()).digest()[:3], "big")


def token_strings(text: str) -> tuple[str, str]:
    """The folded and the exact token strings of a text, padded for phrase matching."""
    ex = exact_tokens(text)
    return pad(fold_tokens(ex)), pad(ex)


def document_rows(rec: dict, record_sha: str | None = None, record_mtime: int | None = None) -> DocRow:
    """The index rows of a record (format: archivist/record.py); missing metadata is left empty."""
    m = rec.get("metadata") or {}
    number = m.get("number_symbol") or m.get("number")
    retention = m.get("retention")
    retention = retention.get("period") if isinstance(retention, dict) else retention
    commune = m.get("commune") or m.get("place")
    split = rec.get("dossier") or m.get("dossier")  # the input a document was split from; its archival dossier
    dossiers = [d for d in ((rec.get("archival") or {}).get("dossier_code"),
                            split.get("id") if isinstance(split, dict) else split) if d]
    fonds = rec.get("fonds") if isinstance(rec.get("fonds"), dict) else None
    f = {"id": rec["id"], "type": m.get("type"), "type_key": match_key(m.get("type")), "number": number,
         "date": m.get("date"), "issuer": m.get("issuer"), "issuer_key": match_key(m.get("issuer")),
         "commune": commune, "commune_key": commune_key(commune), "retention": retention_key(retention) or None,
         "dossier": dossiers[0] if dossiers else None, "subject": m.get("subject"),
         "source": "; ".join((rec.get("source") or {}).get("paths") or []),
         "pdf": (rec.get("output") or {}).get("pdf"), "page_count": rec.get("page_count"),
         "fonds": fonds["code"] if fonds else None, "fonds_commune_key": fonds_commune_key(fonds),
         "superseded_by": replaced_by(rec), "record_sha": record_sha, "record_mtime": record_mtime}
    facets = " ".join([facet(k, f[c]) for k, c in (("type", "type_key"), ("commune", "commune_key"),
                                                     ("commune", "fonds_commune_key"), ("retention", "retention"))
                       if f[c]]
                      + ([facet("fonds", f["fonds"].casefold())] if f["fonds"] else [])
                      + [facet("dossier", str(d).strip().casefold()) for d in dict.fromkeys(dossiers)]
                      + [facet("issuer", w) for w in dict.fromkeys(f["issuer_key"].split())]
                      + ([SUPERSEDED] if f["superseded_by"] else []))
    meta, mexact = token_strings(" ".join(str(v) for v in (m.get("type"), number, m.get("subject")) if v))
    pages = []
    for i, p in enumerate(rec.get("pages") or [], start=1):  # the page's place in the record is its PDF page
        if i <= PAGE_MASK:
            text = nfc(p.get("text") or "")
            body, exact = token_strings(text)
            pages.append((i, meta if i == 1 else "", body, mexact if i == 1 else "", exact, facets,
                          (p.get("source") or {}).get("path"), text))
    return DocRow(f, day_number(m.get("date")) or 0, pages)


def index_rows(rec: dict, record_sha: str | None, record_mtime: int | None) -> tuple[tuple, list[tuple]]:
    """The rows of a record for a backend that stores folded text itself (archivist.index_pg): the
    documents row (id, type, type_folded, number, date, issuer, issuer_folded, commune, commune_folded,
    retention, dossier, subject, source, pdf, page_count, fonds, fonds_commune_folded, superseded_by, record_sha,
    record_mtime) and per page
    (doc_id, page, meta, folded, text, source), folded text being these tokens: the same words as SQLite, and
    source the page's own scan (a folder document's hit names the page matched, not every page's scan)."""
    d = document_rows(rec, record_sha, record_mtime)
    f = d.fields
    return ((f["id"], f["type"], f["type_key"], f["number"], f["date"], f["issuer"], f["issuer_key"], f["commune"],
             f["commune_key"], f["retention"], f["dossier"], f["subject"], f["source"], f["pdf"], f["page_count"],
             f["fonds"], f["fonds_commune_key"], f["superseded_by"], record_sha, record_mtime),
            [(f["id"], p[0], p[1].strip(), p[2].strip(), p[7], p[6]) for p in d.pages])


def stored_fields(cur: Any) -> dict | None:
    """The row a ``SELECT * FROM documents`` cursor (SQLite's or psycopg's) found, by column, without the
    record file's modification time: what verify compares with the record's fields (None: no such row)."""
    row = cur.fetchone()
    if row is None:
        return None
    fields = dict(zip([c[0] for c in cur.description], row, strict=True))
    fields.pop("record_mtime", None)
    return fields


def filter_clauses(f: Filters | None, like: str = "LIKE") -> tuple[list[str], list]:
    """The filters as SQL on a documents table ``d`` with :func:`index_rows`'s columns (same meaning as
    the facets), every value a parameter."""
    f = f or Filters()
    keys, (lo, hi) = f.keys(), f.days()
    cols = {"type": "d.type_folded = ?", "commune": "(d.commune_folded = ? OR d.fonds_commune_folded = ?)",
            "retention": "d.retention = ?", "dossier": "lower(d.dossier) = ?", "fonds": "lower(d.fonds) = ?"}
    where = [cols[k] for k in keys if k in cols] + ([] if f.all_versions else ["d.superseded_by IS NULL"])
    params = [v for k, v in keys.items() if k in cols for _ in range(cols[k].count("?"))]
    for word in keys.get("issuer", "").split() or ([""] if "issuer" in keys else []):
        where.append(f"' ' || d.issuer_folded || ' ' {like} ?")
        params.append(f"% {word} %")
    if f.date_from or f.date_to:
        where.append("d.date BETWEEN ? AND ?")
        params += [date.fromordinal(date(1899, 12, 31).toordinal() + day).isoformat() for day in (lo, hi)]
    return where, params
