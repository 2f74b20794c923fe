// archivist quality report: sorting, filtering, the detail view and the language toggle.
// Inlined into report.html by archivist/htmlreport.py; no network, no library. Record data is
// only ever put in the page through textContent and attributes, never through innerHTML.
"use strict";
(function () {
  const L = JSON.parse(document.getElementById("labels").textContent);
  const DOCS = JSON.parse(document.getElementById("report-data").textContent);
  const table = document.getElementById("docs");
  const tbody = table.tBodies[0];
  const rows = Array.from(tbody.rows);
  const q = document.getElementById("q");
  const typeSel = document.getElementById("type");
  const flagSel = document.getElementById("flag");
  const shown = document.getElementById("shown");
  const dialog = document.getElementById("detail");
  let lang = "vi";
  let current = -1;  // the document shown in the detail view

  const t = (key) => (L[key] || [key, key])[lang === "vi" ? 0 : 1];
  function label(key, tag) {
    const el = document.createElement(tag || "span");
    el.dataset.l = key;
    el.textContent = t(key);
    return el;
  }
  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }

  // --- language ---
  function applyLang() {
    document.documentElement.lang = lang;
    document.querySelectorAll("[data-l]").forEach((e) => { e.textContent = t(e.dataset.l); });
    document.querySelectorAll("[data-en]").forEach((e) => { e.textContent = lang === "vi" ? e.dataset.vi : e.dataset.en; });
    document.querySelectorAll("[data-lp]").forEach((e) => { e.placeholder = t(e.dataset.lp); });
    document.title = t("title") + document.title.slice(document.title.indexOf(" · "));
    updateShown();
  }
  document.getElementById("lang").addEventListener("click", () => {
    lang = lang === "vi" ? "en" : "vi";
    try { localStorage.setItem("archivist-report-lang", lang); } catch (e) { /* file:// may forbid storage */ }
    applyLang();
  });

  // --- filtering: diacritics optional, like 'archivist search' ---
  const fold = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
  let haystack = null;
  function filter() {
    if (!haystack) haystack = rows.map((r) => fold(r.textContent + " " + DOCS[+r.dataset.i].label + " " + DOCS[+r.dataset.i].id));
    const words = fold(q.value).split(/\s+/).filter(Boolean);
    const type = typeSel.value, flag = flagSel.value;
    rows.forEach((r, i) => {
      const ok = (!type || r.dataset.type === type) && (!flag || r.dataset.flags.split(" ").includes(flag))
        && words.every((w) => haystack[i].includes(w));
      r.hidden = !ok;
    });
    updateShown();
  }
  function updateShown() {
    const n = rows.reduce((acc, r) => acc + (r.hidden ? 0 : 1), 0);
    shown.textContent = `${t("shown")} ${n} ${t("of")} ${rows.length}`;
    shown.dataset.count = String(n);
  }
  q.addEventListener("input", filter);
  typeSel.addEventListener("change", filter);
  flagSel.addEventListener("change", filter);

  // --- sorting: click a column header; a second click reverses ---
  const collator = new Intl.Collator("vi", { numeric: true, sensitivity: "base" });
  table.tHead.querySelectorAll("th[data-sort] button").forEach((btn) => {
    const th = btn.parentElement;
    btn.addEventListener("click", () => {
      const col = th.cellIndex, num = th.dataset.sort === "num";
      const dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
      table.tHead.querySelectorAll("th").forEach((h) => h.removeAttribute("aria-sort"));
      th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
      const key = (r) => { const c = r.cells[col]; return c.dataset.v !== undefined ? c.dataset.v : c.textContent.trim(); };
      const val = (r) => { const v = parseFloat(key(r)); return Number.isNaN(v) ? -1 : v; };
      const cmp = num ? (a, b) => val(a) - val(b)
        : (a, b) => collator.compare(key(a), key(b));
      const frag = document.createDocumentFragment();
      Array.from(tbody.rows).sort((a, b) => dir * cmp(a, b)).forEach((r) => frag.appendChild(r));
      tbody.appendChild(frag);
    });
  });

  // --- detail view ---
  function pageFigure(p) {
    const fig = el("figure", null, "page");
    const box = el("div", null, "pimg");
    if (p.img) {
      const img = el("img");
      img.loading = "lazy";
      img.decoding = "async";
      img.alt = "";
      img.src = p.img;
      if (p.w && p.h) { img.width = 480; img.height = Math.round(480 * p.h / p.w); }
      box.appendChild(img);
    } else {
      box.appendChild(label("no_thumb"));
    }
    if (p.w && p.h) {
      // word boxes are pixels on the corrected page image, which is what the page image shows
      p.low.forEach((w) => {
        const b = el("div", null, "box");
        b.style.left = (100 * w[2] / p.w) + "%";
        b.style.top = (100 * w[3] / p.h) + "%";
        b.style.width = (100 * (w[4] - w[2]) / p.w) + "%";
        b.style.height = (100 * (w[5] - w[3]) / p.h) + "%";
        b.title = `${w[0]} (${w[1]})`;
        box.appendChild(b);
      });
    }
    fig.appendChild(box);
    const cap = el("figcaption");
    const fmt = (v, unit) => (v === null || v === undefined ? "–" : `${v}${unit}`);
    cap.append(label("page"), ` ${p.n} · ${fmt(p.dpi, " dpi")} · `, label("orientation"), `: ${fmt(p.orientation, "°")} · `,
      label("skew"), `: ${fmt(p.skew, "°")} · `, label("ocr_conf"), `: ${fmt(p.conf, "%")} · ${p.low.length} `,
      label("low_words"));
    p.warnings.forEach(([vi, en]) => {  // archivist's reasons in both languages, for the toggle
      const s = el("span", lang === "vi" ? vi : en, "warn");
      s.dataset.vi = vi; s.dataset.en = en;
      cap.append(el("br"), s);
    });
    fig.appendChild(cap);
    return fig;
  }
  // a link to another version of a document opens that version's entry
  const byId = new Map(DOCS.map((d, i) => [d.id, i]));
  function docLink(id) {
    const a = el("a", id, "vlink");
    a.href = "#" + id;
    a.dataset.doc = id;
    return a;
  }
  document.addEventListener("click", (ev) => {
    const a = ev.target.closest("a.vlink");
    if (!a || !byId.has(a.dataset.doc)) return;  // a version the archive does not hold: the plain anchor
    ev.preventDefault();
    openDetail(byId.get(a.dataset.doc));
  });
  function openDetail(i) {
    const d = DOCS[i];
    current = i;
    dialog.replaceChildren();
    const head = el("div", null, "dhead");
    head.append(el("h2", [d.type, d.number].filter(Boolean).join(" ") || d.id));
    const close = label("close", "button");
    close.type = "button";
    close.addEventListener("click", () => dialog.close());
    head.append(close);
    const body = el("div", null, "dbody");
    const dl = el("dl");
    const add = (key, value) => { if (value) { dl.append(label(key, "dt"), el("dd", value)); } };
    add("col_subject", d.subject); add("col_issuer", d.issuer); add("col_date", d.date); add("signer", d.signer);
    add("label", d.label);
    if (!d.superseded_by) add("to_review", d.review.join(", "));  // a replaced version is not work to do
    const versions = (key, ids) => {
      if (!ids.length) return;
      const dd = el("dd");
      ids.forEach((id, k) => { if (k) dd.append(", "); dd.append(docLink(id)); });
      dl.append(label(key, "dt"), dd);
    };
    versions("replaced_by", d.superseded_by ? [d.superseded_by] : []); versions("replaces", d.supersedes);
    const dd = el("dd");
    const a = el("a", d.id + ".pdf");
    a.href = d.pdf; a.target = "_blank"; a.rel = "noopener";
    dd.append(a);
    dl.append(label("col_pdf", "dt"), dd);
    const flags = el("dd");
    d.flags.filter((f) => f !== "superseded")  // said with its link above
      .forEach((f) => { const s = label("flag_" + f); s.className = "flag " + f; flags.append(s); });
    if (flags.childNodes.length) dl.append(label("col_flags", "dt"), flags);
    body.append(dl);
    const pages = el("div", null, "pages");
    d.pages.forEach((p) => pages.append(pageFigure(p)));
    body.append(pages);
    dialog.append(head, body);
    if (!dialog.open) dialog.showModal();
  }
  tbody.addEventListener("click", (ev) => {
    if (ev.target.closest("a")) return;  // a link (the PDF, another version) does its own thing
    const r = ev.target.closest("tr");
    if (r) openDetail(+r.dataset.i);
  });
  tbody.addEventListener("keydown", (ev) => {
    const r = ev.target.closest("tr");
    if (r && ev.key === "Enter") openDetail(+r.dataset.i);
  });
  dialog.addEventListener("click", (ev) => { if (ev.target === dialog) dialog.close(); });
  dialog.addEventListener("close", () => { current = -1; });
  window.archivistReport = { openDetail, filter, get current() { return current; } };

  try { lang = localStorage.getItem("archivist-report-lang") === "en" ? "en" : "vi"; } catch (e) { lang = "vi"; }
  if (lang !== "vi") applyLang(); else updateShown();
})();
