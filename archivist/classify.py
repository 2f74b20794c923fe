"""Which kind of record a document is, and where the documents of a scanned dossier start.

Every signal the page gives is a piece of evidence for one or more types, with a strength: the type
title (``QUYẾT ĐỊNH``), the type abbreviation in the number/symbol (``45/QĐ-UBND``), the layout (a
``V/v`` line under the number is a letter; a motto with no issuer is a citizen's petition), and the
vocabulary (``QUYẾT NGHỊ:``, ``Thành phần tham dự``, ``Họ, chữ đệm, tên``). Strengths combine by
noisy-OR, so two agreeing signals give more than either; evidence for a rival type that the winner
does not share lowers the confidence. A title alone clears the review threshold, a symbol alone or
vocabulary alone does not, which is the point: below the threshold a person looks at it.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache

from .doctypes import UNKNOWN, load_table
from .footer import PAGE_NO, parse_footer
from .layout import DocLayout, analyse, heading_symbol, match_title, parse_header
from .numsym import misreadings
from .ocrtext import Line, PageText, _fold, fold_key, page_lines

__all__ = ["Boundary", "Classification", "PageText", "classify", "split_dossier"]

THRESHOLD = 0.7
TITLE_WEIGHT = 0.82  # an exact title alone clears THRESHOLD
BODY_TITLE_WEIGHT = 0.5  # a title-like line found outside the header (``QUYẾT ĐỊNH:``)
SYMBOL_WEIGHT = 0.65  # a symbol alone does not
VV_WEIGHT = 0.5
VOCAB_CAP = 0.5
LAYOUT_WEIGHT = 0.15
MIN_EVIDENCE = 0.3  # below this nothing is guessed: the type is ``unknown``
RIVAL_PENALTY = 0.6
AGAINST_TITLE = 0.5  # a symbol naming another type than the title: likely misread, weaker than the title
CONFUSABLE_WEIGHT = 0.75  # a symbol one misread letter from another type's code (HĐ/NĐ), with no title
#: the header's two readings of a type: its title line and its number's code. Where both name the winner, a rival
#: only vocabulary supports does not lower its confidence: an agreement's ``bên A``, ``bên B`` are the vocabulary of
#: ``Hợp đồng`` and every memorandum (``BẢN GHI NHỚ``, ``GNH``) and understanding (``BẢN THỎA THUẬN``, ``TTh``)
#: writes them; a land verification's ``Biên bản`` (``BB``) writes a land certificate's words. Over 310 stored runs
#: (bench/RESULTS.md, "Flags, tone twins (session 49)") 2,821 documents had title and code agree, every one typed
#: right; 49 of them were sent to review by such a rival alone (0.65-0.67 under 0.7)
HEADER_READINGS = frozenset({"title", "symbol"})


@dataclass
class Classification:
    """What a document is, how sure the classifier is, and why (``signals``, for the reviewer)."""

    type: str  # canonical Vietnamese name from the type table, or "unknown"
    kind: str  # administrative | civil_status | land | petition | unknown
    code: str | None  # Decree 30 abbreviation of the type (QĐ, TTr …), None if it has none
    confidence: float
    needs_review: bool
    signals: list[str] = field(default_factory=list)
    form: str | None = None  # the record form the title names: Trích lục, Sổ đăng ký, Tờ khai …

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Evidence:
    """One signal: what it is, for a person, and how strongly it supports each type it supports."""

    text: str
    weights: dict[str, float]
    source: str = ""  # ``title`` or ``symbol`` for the header's own two readings of the type (:func:`decide`)


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", _fold(s)).replace(" :", ":")


def _phrase_rx(phrase: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(_norm(phrase))}(?!\w)")


Vocab = list[tuple[str, str, re.Pattern[str], float]]


@lru_cache(maxsize=1)
def _vocab_patterns() -> tuple[Vocab, Vocab]:
    """(type name, phrase, pattern, weight) for each type's vocabulary, and (kind, …) for each kind's."""
    table = load_table()
    return ([(t.name, p, _phrase_rx(p), w) for t in table.types for p, _, w in t.vocab],
            [(k, p, _phrase_rx(p), w) for k, items in table.kind_vocab.items() for p, _, w in items])


@lru_cache(maxsize=8)
def kind_members(kind: str) -> tuple[str, ...]:
    """The types a kind's shared evidence supports; a petition's also supports every type whose title
    is a petition (``ĐƠN ĐĂNG KÝ ĐẤT ĐAI`` is a land record written as a petition)."""
    table = load_table()
    return tuple(t.name for t in table.types if t.kind == kind or kind == "petition" and any(
        k.startswith("don ") for k in t.title_keys))


def noisy_or(weights: list[float]) -> float:
    """The chance at least one of independent signals of these strengths is right."""
    p = 1.0
    for w in weights:
        p *= 1.0 - max(0.0, min(1.0, w))
    return 1.0 - p


def gather_evidence(doc: DocLayout) -> list[Evidence]:
    """Everything the document says about its type."""
    table, h, ev = load_table(), doc.header, []
    if h.title:
        ev.append(Evidence(f"title '{h.title.line.text}' on page {h.title.line.page}",
                           {h.title.type.name: TITLE_WEIGHT * h.title.score}, "title"))
    elif doc.pages:
        first = doc.pages[0]
        for i in range(min(len(first), 45)):
            if (tm := match_title(first, i)) is not None:
                ev.append(Evidence(f"title-like line '{tm.line.text}' on page {tm.line.page}",
                                   {tm.type.name: BODY_TITLE_WEIGHT * tm.score}))
                break
    if h.number:
        m = heading_symbol(h)
        ns = m.value
        code = ns.parts[0]
        found = table.types_for_code(code)
        title = h.title.type.name if h.title else None
        if found and title and all(t.name != title for t, _ in found):  # a misread symbol never outvotes the title
            ev.append(Evidence(f"symbol {code} in {ns}, against the title", {t.name: SYMBOL_WEIGHT * w * AGAINST_TITLE
                                                                              for t, w in found}))
        elif found:
            near = misreadings(code) - {code}
            soft = CONFUSABLE_WEIGHT if any(table.types_for_code(c) for c in near) and not title else 1.0
            ev.append(Evidence(f"symbol {code} in {ns}" + (f" (one letter from {', '.join(sorted(near))})"
                                                           if soft < 1 else ""),
                               {t.name: SYMBOL_WEIGHT * w * soft for t, w in found}, "symbol"))
        elif table.is_issuer_code(code) and not ns.party:
            ev.append(Evidence(f"symbol {ns} opens with the issuer, as a letter's does",
                               {"Công văn": SYMBOL_WEIGHT}))
    if h.vv:
        ev.append(Evidence(f"'V/v' subject line under the number: '{h.vv[0].text}'", {"Công văn": VV_WEIGHT}))
    text = "\n".join(ln.text for page in doc.pages for ln in page)
    norm = _norm(text)
    type_vocab, kind_vocab = _vocab_patterns()
    for what, patterns in (("type", type_vocab), ("kind", kind_vocab)):
        hits: dict[str, list[tuple[str, float]]] = {}
        for name, phrase, rx, w in patterns:
            if rx.search(norm):
                hits.setdefault(name, []).append((phrase, w))
        for name, found in hits.items():
            w = min(VOCAB_CAP, noisy_or([w for _, w in found]))
            names = [name] if what == "type" else kind_members(name)
            ev.append(Evidence(f"vocabulary of {name}: " + ", ".join(f"'{p}'" for p, _ in found),
                               dict.fromkeys(names, w)))
    motto = h.has("national") or h.has("motto")
    if motto and not h.issuer and not h.number:
        ev.append(Evidence("layout: motto with no issuer or number (a citizen's paper)",
                           dict.fromkeys(kind_members("petition"), LAYOUT_WEIGHT)))
    elif h.issuer and h.number:
        issued = kind_members("administrative") + kind_members("civil_status")
        ev.append(Evidence("layout: issuer and number/symbol in the header", dict.fromkeys(issued, LAYOUT_WEIGHT)))
    return ev


def decide(ev: list[Evidence], threshold: float = THRESHOLD) -> Classification:
    """Combine evidence: the best-supported type, its confidence, and the reasons."""
    table = load_table()
    names = {n for e in ev for n in e.weights}
    score = {n: noisy_or([e.weights.get(n, 0.0) for e in ev]) for n in names}
    if not score or max(score.values()) < MIN_EVIDENCE:
        best = max(score.values(), default=0.0)
        return Classification(UNKNOWN, UNKNOWN, None, round(best, 3), True,
                              [e.text for e in ev] or ["no title, symbol or vocabulary recognised"])
    best = max(sorted(score), key=lambda n: score[n])
    against = [e for e in ev if not e.weights.get(best)]
    if HEADER_READINGS <= {e.source for e in ev if e.weights.get(best)}:
        against = [e for e in against if e.source]  # title and code agree: another type's words alone do not doubt it
    rivals = {n: noisy_or([e.weights.get(n, 0.0) for e in against]) for n in names - {best}}
    # sorted: among tied rivals the same one is named on every run (a set's order follows the hash seed)
    rival, rival_score = max(sorted(rivals.items()), key=lambda kv: kv[1], default=(None, 0.0))
    conf = score[best] * (1.0 - RIVAL_PENALTY * rival_score)
    t = table.by_name[best]
    signals = [e.text for e in ev if e.weights.get(best)]
    if rival and rival_score > 0.1:
        signals.append(f"against: {rival} ({rival_score:.2f}) from " +
                       "; ".join(e.text for e in ev if e.weights.get(rival) and not e.weights.get(best)))
    return Classification(t.name, t.kind, t.code, round(conf, 3), conf < threshold, signals)


_LAST: tuple[list[PageText], tuple, DocLayout] | None = None


def analysed(pages: list[PageText]) -> DocLayout:
    """``pages`` cut into lines, header and signature block. The last analysis is kept, so that
    :func:`archivist.extract.extract` right after :func:`classify` on the same pages does not redo it.

    Kept by the pages' identity, not their text: two scans of one letter in a batch read alike but their
    words sit in other places, and a layout is made of those places. The kept list holds the pages
    alive, so an identity can never be reused by other pages; their text and word count are checked too,
    in case a page was changed in place since."""
    global _LAST
    last, key = _LAST, tuple((p.number, hash(p.text), len(p.words or ())) for p in pages)
    if (last is not None and last[1] == key and len(last[0]) == len(pages)
            and all(a is b for a, b in zip(last[0], pages, strict=True))):
        return last[2]
    doc = analyse([page_lines(p) for p in pages])
    _LAST = (list(pages), key, doc)
    return doc


def classify(pages: list[PageText], threshold: float = THRESHOLD) -> Classification:
    """The type of the document made of ``pages`` (see the module docstring)."""
    return classify_layout(analysed(pages), threshold)


def classify_layout(doc: DocLayout, threshold: float = THRESHOLD) -> Classification:
    """:func:`classify` on a document already cut into lines and parts (the extractor shares them)."""
    result = decide(gather_evidence(doc), threshold)
    title, table = doc.header.title, load_table()
    if title and title.type.name == result.type:
        result.form = table.form_of(title.title)
        block = fold_key(" ".join(ln.text for ln in doc.pages[0][title.end - 1:title.end + 3]))
        land = next((p for p in table.land_subjects if f" {p} " in f" {block} "), None)
        if land and result.kind == "administrative":  # a parcel's minutes belong to the land records
            result.kind = "land"
            result.signals.append(f"kind land: the title or subject names '{land}'")
    return result


# --- dossier splitting ----------------------------------------------------------------------------

@dataclass
class Boundary:
    """Where a document of a dossier starts, how sure the splitter is, and why."""

    start_page: int  # PageText.number of the document's first page
    confidence: float
    signals: list[str] = field(default_factory=list)


_ATTACHED = re.compile(r"^\W*(?:\(\s*(?:ban hanh\s*)?kem theo\b|phu luc\b)")


def first_page_score(lines: list[Line], prev: list[Line] | None) -> tuple[float, list[str]]:
    """How much a page looks like the first page of a document: header anchors, a ``Số:`` line, a
    type title and an issuer near the top; the page before it ending on a signature; against: a page
    number on top (Decree 30 numbers pages from the second) or ``kèm theo``/``PHỤ LỤC`` (an annex)."""
    top = [ln for ln in lines if ln.text.strip()][:18]
    h = parse_header(top)
    pos: list[tuple[float, str]] = []
    if h.has("national") or h.has("motto") or h.has("party"):
        pos.append((0.5, "national title or motto at the top"))
    if h.number and h.number.number.labelled:
        pos.append((0.35, f"number/symbol {h.number.number.value}"))
    if h.title:  # stronger when nothing stands above it: the header was lost, not absent
        pos.append((0.5 if h.title.end < 3 else 0.35, f"type title '{h.title.line.text}'"))
    if h.issuer:
        pos.append((0.2, f"issuer '{h.issuer[0].text}'"))
    if h.placedate:
        pos.append((0.1, "place and date line"))
    if prev and (f := parse_footer(prev[-20:], 0)) is not None and (f.name or f.noi_nhan):
        pos.append((0.2, "previous page ends with a signature block"))
    score = noisy_or([w for w, _ in pos])
    signals = [s for _, s in pos]
    if top and PAGE_NO.match(top[0].text):
        score *= 0.5
        signals.append(f"against: page number '{top[0].text.strip()}' on top")
    if not (h.number and h.number.number.labelled) and any(_ATTACHED.search(_fold(ln.text)) for ln in top[:12]):
        score *= 0.4
        signals.append("against: an annex or attachment ('kèm theo', 'phụ lục')")
    return score, signals


def split_dossier(pages: list[PageText], threshold: float = 0.5) -> list[Boundary]:
    """Where each document of a multi-page scan starts; the first page always starts one."""
    out: list[Boundary] = []
    prev: list[Line] | None = None
    for i, page in enumerate(pages):
        lines = page_lines(page)
        score, signals = first_page_score(lines, prev)
        if i == 0:
            out.append(Boundary(page.number, 1.0, ["first page of the scan", *signals]))
        elif score >= threshold:
            out.append(Boundary(page.number, round(score, 3), signals))
        prev = lines
    return out
