"""The report's marks for versions: a document a later version replaces (``archivist supersede``) and the one
that replaces it.

Why the report marks them: both versions stay in the archive (nothing is deleted), so a report that listed
and counted them like any two documents would show one record in force as two, and push the replaced
version's review flags as work to do although ``review export`` leaves them out. Here the report learns
which entry is which (:func:`version_links`), counts the archive as documents in force plus replaced
versions (:func:`version_counts`, also used by the fonds table) and links each entry to the other version
(:func:`version_html`). Its own module because archivist/htmlreport.py and archivist/htmlfonds.py both use it.
"""

from __future__ import annotations

from html import escape

from .record import replaced_by
from .reportlang import label_html


def version_links(rec: dict) -> dict:
    """A record's supersession links as the report's entry carries them (JSON-ready)."""
    return {"superseded_by": replaced_by(rec), "supersedes": [str(x) for x in rec.get("supersedes") or []]}


def version_counts(docs: list[dict]) -> dict:
    """Documents in force, replaced versions, and the replaced versions with review flags the counts to review
    leave out (as ``review export`` does), from the report's entries."""
    replaced = [d for d in docs if d["superseded_by"]]
    return {"documents_in_force": len(docs) - len(replaced), "superseded_documents": len(replaced),
            "review_superseded": sum(bool(d["review"]) for d in replaced)}


def _link(doc_id: str) -> str:
    """A link to another entry: the row's anchor without JavaScript, its detail view with it (report.js)."""
    return f'<a class="vlink" href="#{escape(doc_id)}" data-doc="{escape(doc_id)}">{escape(doc_id)}</a>'


def version_html(d: dict) -> str:
    """The marks of a table row: "replaced by <id>" on a replaced version, "replaces <id>" on the later one."""
    out = []
    if d["superseded_by"]:
        mark = label_html("replaced_by", attrs=' class="flag superseded"')
        out.append(f'<span class="version">{mark} {_link(d["superseded_by"])}</span>')
    if d["supersedes"]:
        mark = label_html("replaces", attrs=' class="flag supersedes"')
        out.append(f'<span class="version">{mark} ' + ", ".join(_link(x) for x in d["supersedes"]) + "</span>")
    return "".join(out)


def documents_note(s: dict) -> str:
    """Under the documents card: in force + replaced, when the archive holds replaced versions."""
    if not s["superseded_documents"]:
        return ""
    return (f'<div class="note">{s["documents_in_force"]} {label_html("in_force")} + {s["superseded_documents"]} '
            f'{label_html("replaced")}</div>')


def review_note(s: dict) -> str:
    """Under the to-review card: how many replaced versions with review flags it does not count, and why."""
    if not s["review_superseded"]:
        return ""
    return f'<div class="note">{label_html("review_left_out")}: {s["review_superseded"]}</div>'
