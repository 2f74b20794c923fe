"""The report's table of fonds: for each fonds of a merged commune's archive, how many documents and pages it
holds (and how many of the documents are versions a later one replaces), the dates they span and how many a
person should check (a doubtful fonds among them; a replaced version is not counted, as ``review export``
leaves it out).

Its own module because it reads the fonds records (archivist/fonds.py), which the rest of the report does
not need; archivist/htmlreport.py places it between the summary and the charts when the archive has fonds.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from .fonds import load_fonds


def _vn(iso: str | None) -> str:
    return "/".join(reversed(iso.split("-"))) if iso else ""


def fonds_rows(root: Path, docs: list[dict]) -> list[dict]:
    """One row per fonds (and one for documents in none), counted from the report's document entries."""
    rows = []
    known = load_fonds(root)
    for code, name, status in [(f.code, f.name, f.status) for f in known] + [(None, None, None)]:
        mine = [d for d in docs if d.get("fonds") == code]
        if code is None and not mine:
            continue
        dates = sorted(d["date"] for d in mine if d.get("date"))
        rows.append({"code": code, "name": name, "status": status, "documents": len(mine),
                     "superseded": sum(bool(d["superseded_by"]) for d in mine),
                     "pages": sum(len(d["pages"]) for d in mine), "start": dates[0] if dates else None,
                     "end": dates[-1] if dates else None, "review": sum("review" in d["flags"] for d in mine),
                     "fonds_review": sum("fonds" in d["review"] and "review" in d["flags"] for d in mine)})
    return rows


def fonds_section(root: Path, docs: list[dict], t) -> str:
    """The ``<section>`` (empty when the archive has no fonds); ``t`` makes a toggleable label."""
    rows = fonds_rows(root, docs)
    if not rows:
        return ""
    heads = "".join(t(k, "th") for k in ("col_fonds_code", "col_fonds_name", "col_fonds_status", "col_fonds_docs",
                                         "col_fonds_replaced", "col_fonds_pages", "col_fonds_dates",
                                         "col_fonds_review"))
    body = []
    for r in rows:
        status = t(f"fonds_{r['status']}") if r["status"] else ""
        name = escape(r["name"]) if r["name"] else t("no_fonds")
        span = " – ".join(x for x in (_vn(r["start"]), _vn(r["end"])) if x)
        review = f"{r['review']}" + (f" ({r['fonds_review']} phông)" if r["fonds_review"] else "")
        body.append(f"<tr><td>{escape(r['code'] or '')}</td><td>{name}</td><td>{status}</td><td>{r['documents']}</td>"
                    f"<td>{r['superseded']}</td><td>{r['pages']}</td><td>{escape(span)}</td><td>{escape(review)}</td></tr>")
    return (f'<section id="fonds">{t("fonds_title", "h2")}<table class="fonds"><thead><tr>{heads}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table></section>")
