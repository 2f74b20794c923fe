"""The hard groups behind ``generate(..., groups=[...])``: pages that look like the real boxes (issue 14).

Each group is the same records (the Decree 30 and Circular 55/2005 layouts, civil status) made hard
in one way, so the accuracy bench can say, group by group, what each difficulty costs:

- ``clean``: control, the default ageing at 200-300 dpi;
- ``typewriter``: typed in a Courier-like face, every character struck on its own (uneven strikes,
  type bars set high or low, a half-lifted ribbon, clogged and worn letters), Circular 55 layouts;
- ``faded``: carbon copies (typed, blue-grey, fuzzy and grainy) and low-contrast prints;
- ``speckle``: 200 dpi, heavy dust and toner specks, strong sensor noise, JPEG quality 60;
- ``tables``: ruled tables (a household list over pages after a decision, statistics inside a
  report, a birth register printed as a form with numbered columns);
- ``seals``: a large red seal over the signature, the signer's position and the last body lines;
- ``twocol``: the two header columns set close together, so a line of one runs into the other;
- ``notext``: no readable text at all: a blank sheet with the reverse showing through, a
  photograph, handwriting. Their truth has empty text and every field ``None``.

Documents are ``n_docs`` per group, their files named ``<group>-NN-…``; every page's and document's
truth says its ``group``; ``degradation`` holds the group's own parameters besides the usual ones.
Kept apart from :mod:`samples.generate` so the default plan keeps its bytes.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from samples.documents import Doc
from samples.generate import _scan_page, _style
from samples.layout import A4_W, Page, text_mm, typeface
from samples.plan import Slot, _ctx
from samples.plan_all import documents
from samples.scan import Style

GROUPS = ("clean", "typewriter", "faded", "speckle", "tables", "seals", "twocol", "notext")
ADMIN = ("Quyết định", "Công văn", "Thông báo", "Báo cáo", "Tờ trình", "Kế hoạch", "Giấy mời")
NO_TEXT = {"number": None, "date": None, "place": None, "issuer": None, "parent_issuer": None, "subject": None,
           "signer": None, "signer_position": None, "authority": None, "recipients": []}


@dataclass(frozen=True)
class Group:
    kinds: tuple[str, ...]  # slot kinds, cycled
    dpis: tuple[int, ...]  # resolutions, cycled
    colour_share: float
    targets: tuple[int, ...] = (1, 1, 2)  # pages each document aims at, drawn


PLANS = {
    "clean": Group(ADMIN + ("Khai sinh", "Biên bản"), (200, 300), 0.35),
    "typewriter": Group(ADMIN + ("Biên bản",), (200, 300), 0.2),
    "faded": Group(ADMIN + ("Khai sinh",), (200, 300), 0.25),
    "speckle": Group(ADMIN + ("Khai sinh", "Kết hôn"), (200,), 0.0),
    "tables": Group(("list", "statistics", "register"), (200, 300), 0.3, (1,)),
    "seals": Group(("Quyết định", "Thông báo", "Tờ trình", "Kế hoạch", "Công văn"), (200, 300), 0.6),
    "twocol": Group(ADMIN, (200, 300), 0.35, (1,)),
    "notext": Group(("blank", "photo", "handwriting"), (200, 300), 0.3, (1,)),
}


# --- documents --------------------------------------------------------------------------------------

def _typed(kind: str, seed: int, large: bool, target: int, pages_max: int) -> Doc:
    """A record typed on a typewriter: composed in the mono face, laid out after Circular 55/2005."""
    with typeface("mono"):
        doc = documents(kind, seed, large, target, pages_max, "old")
    for p in doc.pages:
        p.family = "mono"
    return doc


def _table_doc(kind: str, seed: int, large: bool, entries: int | None = None) -> Doc:
    from samples.tables import death_register_table, decision_with_list, register_table, report_with_statistics

    r = random.Random(seed)
    ctx = _ctx(r, large)
    if kind == "list":
        return decision_with_list(r, ctx)
    if kind == "statistics":
        return report_with_statistics(r, ctx)
    if kind == "death_register":  # not in any group's kinds: drawn only when asked for by name
        return death_register_table(r, ctx, entries)
    return register_table(r, ctx, entries)


def _heavy_seal(doc: Doc, seed: int) -> None:
    """The seal made large and stamped high and to the right: over the signature, the signer's
    position and the last lines above the signature block."""
    r = random.Random(seed)
    for page in doc.pages:
        for mark in page.marks:
            if mark.kind == "seal":
                mark.size = r.uniform(34, 40)
                mark.x += r.uniform(8, 16)
                mark.y -= r.uniform(4, 10)


def tighten_header(page: Page, gap: float) -> None:
    """Move the header's right column (national title, motto, place and date) left until it comes
    within ``gap`` mm of the left column (issuer, number) on some line."""
    head = []
    for ln in page.lines:
        if ln.align != "center" or 0.43 * A4_W <= ln.x <= 0.6 * A4_W:
            break  # the title, centred on the page, ends the header
        head.append(ln)
    left = [ln for ln in head if ln.x < A4_W / 2]
    right = [ln for ln in head if ln.x > A4_W / 2]
    if not left or not right:
        return
    with typeface(page.family):
        room = min(
            (b.x - text_mm(b.text, b.pt, b.style) / 2) - (a.x + text_mm(a.text, a.pt, a.style) / 2)
            for a in left for b in right if abs(a.y - b.y) < 2.5)
    shift = max(0.0, room - gap)
    for ln in right:
        ln.x -= shift
    bottom = max(ln.y for ln in head) + 3
    for rule in page.rules:
        if rule.y1 is None and rule.y < bottom and (rule.x0 + rule.x1) / 2 > A4_W / 2:
            rule.x0, rule.x1 = rule.x0 - shift, rule.x1 - shift


def _no_text(kind: str) -> Doc:
    page = Page(picture=kind)
    return Doc(None, None, "none", {"blank": "to-trang", "photo": "anh-chup", "handwriting": "viet-tay"}[kind],
               dict(NO_TEXT), [page])  # type: ignore[arg-type]


def group_documents(group: str, kind: str, seed: int, large: bool, target: int, pages_max: int,
                    turn: int) -> list[Doc]:
    """The document of one slot of ``group``; ``turn`` counts the group's slots (faded alternates
    typed carbon copies with printed pages, twocol the two layout eras)."""
    if group == "notext":
        return [_no_text(kind)]
    if group == "tables":
        return [_table_doc(kind, seed, large)]
    if group == "typewriter" or (group == "faded" and turn % 2 == 0):
        return [_typed(kind, seed, large, target, pages_max)]
    era = "old" if group == "twocol" and turn % 2 else "decree30"
    doc = documents(kind, seed, large, target, pages_max, era)
    if group == "seals":
        _heavy_seal(doc, seed)
    if group == "twocol":
        tighten_header(doc.pages[0], random.Random(seed).uniform(1.5, 4.0))
    return [doc]


def plan_groups(seed: int, n_docs: int, groups: Sequence[str], pages_max: int) -> list[Slot]:
    """``n_docs`` slots per group, in the order of ``groups``."""
    bad = [g for g in groups if g not in PLANS]
    if bad or not groups:
        raise ValueError(f"unknown groups {bad}; use some of {', '.join(GROUPS)}")
    slots = []
    for gi, group in enumerate(groups):
        spec = PLANS[group]
        plan = random.Random(seed * 104729 + GROUPS.index(group))
        offset = plan.randrange(len(spec.kinds))
        for i in range(n_docs):
            kind = spec.kinds[(offset + i) % len(spec.kinds)]
            dpi = spec.dpis[(gi + i) % len(spec.dpis)]
            target = min(plan.choice(spec.targets), pages_max)
            docs = group_documents(group, kind, plan.getrandbits(32), dpi <= 150, target, pages_max, i)
            slots.append(Slot(kind, dpi, "jpeg" if len(docs[0].pages) == 1 else "folder", plan.getrandbits(32), docs,
                              group))
    return slots


# --- scanning ---------------------------------------------------------------------------------------

StyleFn = Callable[[random.Random, int, bool, str, float, int, Page], Style]


def style_for(group: str) -> StyleFn:
    """How a page of ``group`` is scanned: the usual draw (:func:`samples.generate._style`), then the
    group's own wear; the truth's ``degradation`` gets ``extra``."""
    def style(r: random.Random, dpi: int, colour: bool, fmt: str, skew: float, rotation: int, page: Page) -> Style:
        st = _style(r, dpi, colour, fmt, skew, rotation)
        if group == "typewriter":
            return replace(st, extra={"strike_min": round(r.uniform(0.45, 0.7), 2),
                                      "misalign_mm": round(r.uniform(0.05, 0.14), 3),
                                      "clogged": round(r.uniform(0.03, 0.12), 3),
                                      "worn": round(r.uniform(0.1, 0.3), 2)})
        if group == "faded":  # typed pages are carbon copies (blue-grey), printed ones faded prints
            typed = {"strike_min": round(r.uniform(0.6, 0.8), 2), "misalign_mm": round(r.uniform(0.03, 0.08), 3),
                     "clogged": 0.0, "worn": round(r.uniform(0.05, 0.15), 2)} if page.family == "mono" else {}
            return replace(st, ink=round(r.uniform(0.3, 0.48), 3), blur=round(r.uniform(0.9, 1.5) * dpi / 300, 3),
                           tint=(0.82, 0.86, 1.08) if typed else st.tint, quality=round(r.uniform(60, 70)),
                           extra={"grain": round(r.uniform(0.15, 0.35), 2), **typed})
        if group == "speckle":
            return replace(st, quality=60, noise=round(r.uniform(3.0, 6.0), 2),
                           extra={"speckle_per_cm2": round(r.uniform(3.0, 8.0), 2),
                                  "dropouts_per_cm2": round(r.uniform(1.0, 3.0), 2)})
        if group == "notext":
            return replace(st, skew=0.0, rotation=0)
        return st
    return style


def scan_for(group: str) -> Callable[[Page, Style, str, int], object]:
    """The scanner of a page of ``group`` (typed pages are struck, not drawn; no-text pages drawn)."""
    from samples.hardscan import scan_picture, scan_printed, scan_typed

    def scan(page: Page, st: Style, fmt: str, seed: int) -> object:
        if page.picture:
            return scan_picture(page, st, seed)
        if page.family == "mono":
            return scan_typed(page, st, seed)
        if st.extra:
            return scan_printed(page, st, seed)
        return _scan_page(page, st, fmt, seed)
    return scan
