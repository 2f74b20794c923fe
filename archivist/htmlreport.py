"""The batch at a glance: one static HTML quality report of an archive (``archivist report``).

Why a static file: the people who check a digitization batch open it from a USB stick on an
office PC, with no server and often no network. So the report is a single UTF-8 HTML file with
its CSS, JavaScript (sorting, filtering, the detail view, the Vietnamese/English toggle) and
charts (inline SVG, archivist.htmlcharts) inside it, plus small JPEG page images in a folder
beside it (``report-files/``) that the page loads lazily, so that a 500-document report opens
at once.

Page images show exactly what the PDF shows: upright and deskewed, the same image the OCR read.
``archivist process`` keeps the ones its workers made from the corrected pixels
(:mod:`archivist.preview`, :meth:`PageImages.store`); whatever is missing (an older archive, a
colour encoding the workers do not preview, a report written elsewhere) is rendered from the
PDF/A with ``pdftoppm`` (poppler-utils). The word
boxes in the record are pixels on that corrected image (``width`` x ``height`` of the page), so
the page drawn at any size maps a box by plain percentages. An image file's name carries the
PDF's SHA-256, so images of unchanged documents are reused when the report is rewritten.

Every piece of record data is escaped (html.escape in the markup; the JSON the detail view reads
sits in a ``<script type="application/json">`` with every ``<`` written as ``\\u003c``).
"""

from __future__ import annotations

import json
import os
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from html import escape
from pathlib import Path
from urllib.parse import quote

from .fsutil import atomic_write_bytes
from .htmlcharts import Bar, column_chart, hbar_chart, histogram
from .htmlfonds import fonds_section
from .models import below_standard
from .pageimage import PAGE_PX, QUALITY  # noqa: F401 - the report's page image size, read from here by tests
from .record import replaced_by
from .reportimages import THUMB_PX, PageImages, images_folder  # noqa: F401 - THUMB_PX: as PAGE_PX
from .reportlang import VIETNAM_TIME, bilingual_html, labels, time_html, vietnamese, warning_vietnamese
from .reportlang import asset as _asset
from .reportlang import label_html as _t
from .reportversions import documents_note, review_note, version_counts, version_html, version_links
from .toreview import review_fields, to_review

LOW_WORD_CONF = 60.0  #: Tesseract word confidence (0-100) below which a word is highlighted on its page
LOW_PAGE_CONF = 80.0  #: mean OCR confidence of a page below which its document is flagged
MAX_BOXES = 500  #: highlighted words per page at most, so one garbled page cannot bloat the report


@dataclass
class ReportResult:
    """What :func:`build_html_report` wrote, and the counts the CLI prints."""

    path: Path
    summary: dict


def _href(target: Path, base: Path) -> str:
    """A relative URL from the report's folder, so the report still works when the folder is copied."""
    return quote(os.path.relpath(target.resolve(), base.resolve()).replace(os.sep, "/"))


# --- data ------------------------------------------------------------------------------------------


def _low_words(page: dict) -> list[list]:
    low = [w[:6] for w in page.get("words") or [] if w[1] is not None and w[1] < LOW_WORD_CONF]
    return sorted(low, key=lambda w: w[1])[:MAX_BOXES]


#: the orientation decisions that leave which way is up to a person
ORIENTATION_DOUBT = ("kept as scanned: uncertain", "turned: the only way it reads", "turned as the camera recorded it")


def _flags(rec: dict) -> list[str]:
    pages = rec.get("pages") or []
    confs = [p["mean_confidence"] for p in pages if p.get("words") and p.get("mean_confidence") is not None]
    # the low-dpi warning has its own flag; any other page warning (orientation uncertain, no text…) is "warning"
    other = [w for p in pages for w in p.get("warnings") or [] if "digitization standard" not in w]
    replaced = replaced_by(rec) is not None  # the later version is the one to check, as in 'review export'
    return [flag for flag, on in (
        ("superseded", replaced),
        ("review", to_review(rec)),
        ("low_dpi", any(below_standard(p) for p in pages)),
        ("low_conf", bool(confs) and min(confs) < LOW_PAGE_CONF),
        # uncertain, turned the only way it reads, or turned by the camera's tag alone (archivist/orient.py): which
        # way is up wants a person's look
        ("orientation", any(p.get("orientation_decision") in ORIENTATION_DOUBT for p in pages)),
        ("warning", bool(other))) if on]


def doc_entry(rec: dict, archive: Path, base: Path, files_href: str, has_images: bool) -> dict:
    """What the table row and the detail view show of one record (JSON-ready, hrefs relative to ``base``)."""
    meta = rec.get("metadata") or {}
    pages = rec.get("pages") or []
    names, thumb = PageImages.names(rec)
    confs = [p["mean_confidence"] for p in pages if p.get("words") and p.get("mean_confidence") is not None]
    return {
        "id": rec["id"], "label": rec.get("label") or "", "pdf": _href(archive / rec["output"]["pdf"], base),
        "fonds": (rec.get("fonds") or {}).get("code"),
        "type": meta.get("type") or "", "number": meta.get("number_symbol") or meta.get("number") or "",
        "date": meta.get("date") or "", "subject": meta.get("subject") or "", "issuer": meta.get("issuer") or "",
        "signer": meta.get("signer") or "", "retention": (meta.get("retention") or {}).get("period"),
        "ocr": round(sum(confs) / len(confs), 1) if confs else None, "meta_conf": meta.get("confidence"),
        "review": review_fields(rec), "flags": _flags(rec), **version_links(rec),
        "thumb": f"{files_href}/{thumb}" if has_images else None,
        "pages": [{"n": p.get("number", i + 1), "img": f"{files_href}/{names[i]}" if has_images else None,
                   "w": p.get("width"), "h": p.get("height"), "dpi": p.get("dpi"), "orientation": p.get("orientation"),
                   "skew": p.get("skew"), "conf": p.get("mean_confidence"),
                   "warnings": [[vietnamese(w), w] for w in p.get("warnings") or []],
                   "low": _low_words(p)} for i, p in enumerate(pages)],
    }


def summarize(docs: list[dict], records: list[dict], batch: dict) -> dict:
    """The counts of the summary cards (and of ``archivist report --json``)."""
    pages = [p for r in records for p in r.get("pages") or []]
    cpu = sum(sum((r.get("timings") or {}).values()) for r in records)
    return {
        "documents": len(docs), **version_counts(docs), "pages": len(pages),
        "failures": len(batch.get("failures") or []),
        "low_dpi_pages": sum(below_standard(p) for p in pages),
        "review_documents": sum("review" in d["flags"] for d in docs),
        "batch_seconds": batch.get("seconds"), "batch_pages_per_minute": batch.get("pages_per_minute"),
        "cpu_seconds": round(cpu, 1), "pages_per_cpu_minute": round(60 * len(pages) / cpu, 1) if cpu else None,
    }


def _load(archive: Path) -> tuple[list[dict], dict]:
    from .store import ArchiveStore

    recs = list(ArchiveStore.reader(archive).records())
    try:
        batch = json.loads((archive / "report.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        batch = {}
    return recs, batch if isinstance(batch, dict) else {}


# --- markup ----------------------------------------------------------------------------------------


def _card(key: str, value: object, note: str = "") -> str:
    head = _t(key, "div", ' class="k"')
    return f'<div class="card">{head}<div class="v">{escape(str(value))}</div>{note}</div>'


def _fmt(v: float | None, unit: str = "") -> str:
    return "–" if v is None else f"{v:g}{unit}"


def _summary_html(s: dict) -> str:
    batch = (f'<div class="note">{escape(_fmt(s["batch_pages_per_minute"]))} {_t("pages_per_minute")}</div>')
    cpu = f'<div class="note">{escape(_fmt(s["pages_per_cpu_minute"]))} {_t("per_core")}</div>'
    return "".join([
        _card("documents", s["documents"], documents_note(s)), _card("pages", s["pages"]),
        _card("failures", s["failures"]), _card("low_dpi_pages", s["low_dpi_pages"]),
        _card("review_docs", s["review_documents"], review_note(s)),
        _card("batch_time", _fmt(s["batch_seconds"], " s"), batch),
        _card("cpu_time", _fmt(s["cpu_seconds"], " s"), cpu),
    ])


def _most(kv: tuple[str, int]) -> tuple[int, str]:
    return -kv[1], kv[0]


def _oldest(kv: tuple[str, int]) -> str:
    return kv[0] or "~"  # unknown year last


def _charts_html(docs: list[dict]) -> str:
    unknown = labels()["unknown"][0]
    types: dict[str, int] = {}
    years: dict[str, int] = {}
    for d in (d for d in docs if not d["superseded_by"]):  # a replaced version is not a record of its own
        types[d["type"]] = types.get(d["type"], 0) + 1
        years[d["date"][:4]] = years.get(d["date"][:4], 0) + 1
    type_bars = [Bar(t or unknown, n, None if t else "unknown") for t, n in sorted(types.items(), key=_most)]
    year_bars = [Bar(y or unknown, n, None if y else "unknown") for y, n in sorted(years.items(), key=_oldest)]
    confs = [p["conf"] for d in docs for p in d["pages"] if p["conf"] is not None]
    return (hbar_chart(type_bars, "chart_types", labels()["chart_types"][0])
            + column_chart(year_bars, "chart_years", labels()["chart_years"][0])
            + column_chart(histogram(confs), "chart_conf", labels()["chart_conf"][0]))


FLAGS = ("review", "low_dpi", "low_conf", "orientation", "warning", "superseded")
COLUMNS = (("col_page", ""), ("col_type", "text"), ("col_number", "text"), ("col_date", "text"),
           ("col_subject", "text"), ("col_issuer", "text"), ("col_retention", "num"), ("col_ocr", "num"),
           ("col_meta", "num"), ("col_flags", "text"), ("col_pdf", ""))


def _retention_html(period: object) -> tuple[str, str]:
    """Cell text and sort key: permanent sorts after every number of years."""
    if period == "permanent":
        return _t("permanent"), "100000"
    if isinstance(period, int | str) and str(period).isdigit():
        return f"{escape(str(period))} {_t('years')}", escape(str(period))
    return "", "-1"


def _row(i: int, d: dict) -> str:
    first = d["pages"][0] if d["pages"] else {}
    h = round(64 * first["h"] / first["w"]) if first.get("w") and first.get("h") else 90
    img = (f'<img src="{escape(d["thumb"])}" loading="lazy" decoding="async" width="64" height="{h}" alt="">'
           if d["thumb"] else _t("no_thumb", attrs=' class="noimg"'))
    date = d["date"]
    shown = "/".join(reversed(date.split("-"))) if date else ""
    ret, ret_key = _retention_html(d["retention"])
    flags = "".join(_t(f"flag_{f}", attrs=f' class="flag {f}"') for f in d["flags"] if f != "superseded")
    flags += version_html(d)  # "replaced by <id>" / "replaces <id>", each linked to the other entry
    cells = [f'<td class="thumb">{img}</td>', f"<td>{escape(d['type'])}</td>", f"<td>{escape(d['number'])}</td>",
             f'<td data-v="{escape(date)}">{escape(shown)}</td>', f'<td class="subj">{escape(d["subject"])}</td>',
             f"<td>{escape(d['issuer'])}</td>", f'<td data-v="{ret_key}">{ret}</td>',
             f'<td data-v="{_fmt(d["ocr"])}">{escape(_fmt(d["ocr"], "%"))}</td>',
             f'<td data-v="{_fmt(d["meta_conf"])}">{escape(_fmt(d["meta_conf"]))}</td>', f"<td>{flags}</td>",
             "<td>" + _t("open", "a", f' href="{escape(d["pdf"])}" target="_blank" rel="noopener"') + "</td>"]
    version = ' class="superseded"' if d["superseded_by"] else ""
    return (f'<tr id="{escape(d["id"])}"{version} data-i="{i}" data-type="{escape(d["type"])}" '
            f'data-flags="{" ".join(d["flags"])}" tabindex="0">'
            + "".join(cells) + "</tr>")


def _table_html(docs: list[dict]) -> str:
    heads = "".join(f'<th data-sort="{kind}">' + (f'<button type="button" data-l="{key}">{escape(labels()[key][0])}'
                                                   "</button>" if kind else _t(key)) + "</th>"
                    for key, kind in COLUMNS)
    types = sorted({d["type"] for d in docs if d["type"]})
    type_opts = "".join(f'<option value="{escape(t)}">{escape(t)}</option>' for t in types)
    flag_opts = "".join(_t(f"flag_{f}", "option", f' value="{f}"') for f in FLAGS)
    all_types, all_flags = _t("all_types", "option", ' value=""'), _t("all_flags", "option", ' value=""')
    return (f'<div class="controls"><input id="q" type="search" data-lp="filter" '
            f'placeholder="{escape(labels()["filter"][0])}"><select id="type">{all_types}'
            f'{type_opts}</select><select id="flag">{all_flags}{flag_opts}</select>'
            f'<span id="shown"></span></div><table id="docs"><thead><tr>{heads}</tr></thead><tbody>'
            + "".join(_row(i, d) for i, d in enumerate(docs)) + "</tbody></table>")


def _failures_html(batch: dict) -> str:
    fails = batch.get("failures") or []
    if not fails:
        return _t("no_failures", "p")
    rows = "".join(f"<tr><td>{escape(str(f.get('path', '')))}</td><td>{_stage(str(f.get('stage', '')))}</td>"
                   + bilingual_html((str(f.get("reason") or "").splitlines() or [""])[0], "td") + "</tr>"
                   for f in fails)
    return (f'<table class="fails"><thead><tr>{_t("col_file", "th")}{_t("col_stage", "th")}{_t("col_reason", "th")}'
            f"</tr></thead><tbody>{rows}</tbody></table>")


def _warnings_html(batch: dict) -> str:
    """The last batch's warnings, the lines the CLI printed (report.json), each in the page's language."""
    lines = [str(w) for w in batch.get("warnings") or []]
    if not lines:
        return _t("no_warnings", "p")
    rows = "".join("<tr>" + bilingual_html(w, "td", translate=warning_vietnamese) + "</tr>" for w in lines)
    return f'<table class="warns"><tbody>{rows}</tbody></table>'


def _stage(stage: str) -> str:
    return _t(f"stage_{stage}") if f"stage_{stage}" in labels() else escape(stage)


def _json_script(element_id: str, data: object) -> str:
    """JSON in a data block: every ``<`` escaped, so no ``</script>`` or ``<!--`` in a record can end it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    return f'<script type="application/json" id="{element_id}">{text}</script>'


def render_page(archive: Path, docs: list[dict], summary: dict, batch: dict) -> str:
    """The whole HTML document (NFC), CSS and JavaScript inlined."""
    now = time_html(datetime.now(VIETNAM_TIME).replace(microsecond=0))
    finished = f' · {_t("last_batch")}: {time_html(str(batch["finished"]))}' if batch.get("finished") else ""
    page = f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(labels()["title"][0])} · {escape(archive.resolve().name)}</title>
<style>{_asset("report.css")}</style></head>
<body><header><div>{_t("title", "h1")}<p class="sub">{_t("archive")}: {escape(str(archive.resolve()))} ·
{_t("generated")}: {now}{finished}</p></div>
<button type="button" id="lang" data-l="lang_button">English</button></header>
<main><section id="summary">{_t("summary", "h2")}<div class="cards">{_summary_html(summary)}</div></section>
{fonds_section(archive, docs, _t)}
<section id="charts">{_t("charts", "h2")}<div class="charts">{_charts_html(docs)}</div></section>
<section id="documents">{_t("doc_list", "h2")}{_table_html(docs)}</section>
<section id="failures">{_t("failures_title", "h2")}{_failures_html(batch)}</section>
<section id="warnings">{_t("warnings_title", "h2")}{_warnings_html(batch)}</section></main>
<dialog id="detail"></dialog>
{_json_script("labels", labels())}{_json_script("report-data", docs)}
<script>{_asset("report.js")}</script></body></html>
"""
    return unicodedata.normalize("NFC", page)


def build_html_report(archive: Path, out: Path | None = None) -> ReportResult:
    """Write the report of ``archive`` to ``out`` (default ``ARCHIVE/report.html``), images beside it."""
    archive = Path(archive)
    out = Path(out) if out is not None else archive / "report.html"
    folder = images_folder(out)
    records, batch = _load(archive)
    present = PageImages(folder).update(archive, records)
    docs = [doc_entry(r, archive, out.parent, quote(folder.name), present[r["id"]]) for r in records]
    summary = summarize(docs, records, batch)
    atomic_write_bytes(out, render_page(archive, docs, summary, batch).encode("utf-8"))
    return ReportResult(out, summary)


def write_html_report(archive: Path, out: Path | None = None) -> Path:
    """Write the HTML quality report of ``archive``; returns its path (see :func:`build_html_report`)."""
    return build_html_report(archive, out).path
