"""The default plan behind ``generate()``: which documents a set holds, at what resolution and in what
container (the committed samples' plan, and the tests' and benches' sets), and the pieces every plan draws
with (:class:`Slot`, :func:`_ctx`, :func:`_fit`; samples/plan_all.py and samples/hard.py use them too).

Kept apart from the rendering and writing in :mod:`samples.generate` so a plan reads as a list of choices;
every draw comes from the seed in a fixed order, so the same arguments give the same documents.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from samples import vocab
from samples.documents import Ctx, Doc
from samples.layout import Geometry
from samples.letters import administrative
from samples.merged import Commune, Role, owned
from samples.records import Parcel, birth_extract, land_application, marriage_certificate, parcel_minutes
from samples.slots import person

#: One slot per document, in order; "dossier" is a land dossier of two documents in one folder.
CYCLE = ["Quyết định", "Công văn", "Báo cáo", "Khai sinh", "Thông báo", "Tờ trình", "dossier", "Kế hoạch",
         "Biên bản", "Giấy mời", "Kết hôn"]
#: Types whose body grows with the page target, and the most pages each plausibly runs to.
LONG = {"Quyết định": 3, "Công văn": 2, "Báo cáo": 4, "Thông báo": 2, "Tờ trình": 2, "Kế hoạch": 4, "Biên bản": 2}


def _ctx(r: random.Random, large: bool, role: Role | None = None) -> Ctx:
    """Who issues a document and when: a commune drawn from all over the country, or the body ``role``
    names (a merged commune's unit, see samples/merged.py), dated in its fonds' time."""
    commune, district, province = r.choice(vocab.COMMUNES)
    signer, g = person(r)
    y = r.randint(2005, 2025)
    ctx = Ctx(commune, district, province, y, r.randint(1, 12), r.randint(1, 28), r.randint(1, 250),
              Geometry.draw(r, large), signer, g, short_place=r.random() < 0.25)
    if role is not None:
        role.apply(ctx)
    return ctx


def _fit(build: Callable[[int, bool], Doc], target: int, pages_max: int) -> Doc:
    """Grow the body paragraph by paragraph until the document fills ``target`` pages, never more
    than ``pages_max``, and never ending on a page that holds little but the signature block; a one-page
    target that does not fit is set tighter before it is allowed to run over."""
    if target == 1:
        for tight in (False, True):
            doc = build(0, tight)
            if len(doc.pages) == 1:
                return doc
    best = None
    for n in range(80):
        doc = build(n, False)
        if len(doc.pages) > pages_max:
            break
        tail_ok = len(doc.pages) == 1 or doc.pages[-1].flow >= 8  # a last page with some body on it
        if tail_ok:
            best = doc
            if len(doc.pages) >= target:
                return doc
    return best or build(0, False)


def _documents(kind: str, seed: int, large: bool, target: int, pages_max: int, land_turn: int,
               role: Role | None = None) -> list[Doc]:
    """The document(s) of one slot; every draw comes from ``seed`` so a rebuild gives the same text."""
    if kind in LONG or kind == "Giấy mời":
        def build(n: int, tight: bool) -> Doc:
            r = random.Random(seed)
            ctx = _ctx(r, large, role)
            ctx.tight = tight
            office = r.choice(vocab.OFFICES)[0]
            return administrative(kind, r, ctx, n, office)
        return [_fit(build, min(target, LONG.get(kind, 1)), pages_max)]
    for tight in (False, True):
        r = random.Random(seed)
        ctx = _ctx(r, large, role)
        ctx.tight = tight
        if kind == "Khai sinh":
            docs = [birth_extract(r, ctx)]
        elif kind == "Kết hôn":
            docs = [marriage_certificate(r, ctx)]
        else:
            parcel = Parcel.draw(r, ctx)
            application = land_application(r, ctx, parcel)
            later = Ctx(**{**ctx.__dict__, "m": min(12, ctx.m + 1), "num": r.randint(1, 120)})
            minutes = parcel_minutes(r, later, parcel)
            docs = [application, minutes] if kind == "dossier" else [application if land_turn % 2 == 0 else minutes]
        if all(len(d.pages) == 1 or d.pages[-1].flow >= 4 for d in docs):
            break
    return docs


@dataclass
class Slot:
    """One scan: the document(s) in it, and how it was scanned."""

    kind: str
    dpi: int
    fmt: str
    style_seed: int
    docs: list[Doc]
    group: str = ""  # a hard group of samples.hard, named in the files and the truth


def _plan(seed: int, n_docs: int, pages_max: int, formats: Sequence[str], dpi_choices: Sequence[int],
          commune: Commune | None = None) -> list[Slot]:
    """Which documents, at what resolution and in what container: the types cycle (from an offset
    set by the seed), the resolutions are a shuffled cycle of ``dpi_choices``; ``commune`` says whose
    each one is (see samples/merged.py)."""
    plan = random.Random(seed)
    dpis = plan.sample(list(dpi_choices), len(dpi_choices))
    below_400 = [d for d in dpi_choices if d < 400]
    below_300 = [d for d in dpi_choices if d < 300]
    offset = seed % len(CYCLE)
    slots: list[Slot] = []
    n, i, land_turn, owed_400 = 0, 0, 0, False
    while n < n_docs:
        kind = CYCLE[(offset + i) % len(CYCLE)]
        if kind == "dossier" and ("folder" not in formats or n_docs - n < 2):
            kind, land_turn = "land", land_turn + 1
        dpi = dpis[i % len(dpis)]
        single = kind in ("Giấy mời", "Kết hôn")
        if dpi >= 400 and not single and below_400:  # 400 dpi goes to the next one-page document
            dpi, owed_400 = max(below_400), True
        elif owed_400 and single:
            dpi, owed_400 = max(dpi_choices), False
        fmt = {"dossier": "folder", "Báo cáo": "tiff", "Khai sinh": "png"}.get(kind, "jpeg")
        if fmt not in formats:
            fmt = next((f for f in ("jpeg", "png", "tiff") if f in formats), formats[0])
        if fmt == "png":
            dpi = min(dpi, 200)  # lossless greyscale is large: keep it coarse
        target = plan.choices([1, 2, 3, 4], [6, 4, 2, 1])[0]
        if fmt == "tiff":
            target = 4  # the multi-page TIFF (bilevel pages are small)
        elif dpi >= 300 and target > 2 and below_300:  # long documents at 200 dpi keep the set small
            dpi = max(below_300)
        role = commune.take([kind] * (2 if kind == "dossier" else 1)) if commune else None
        docs = _documents(kind, plan.getrandbits(32), dpi <= 150, min(target, pages_max), pages_max, land_turn, role)
        slots.append(Slot(kind, dpi, fmt, plan.getrandbits(32), owned(docs, role)))
        n += len(docs)
        i += 1
    return slots
