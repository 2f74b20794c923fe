"""The plan behind ``generate(..., types="all")``: every record type a commune archive holds (the
Decree 30/2020 administrative types, civil-status extracts and registers, land and construction
records, citizens' petitions), laid out after Decree 30 or, for ``layout_era`` ``mixed``/``old``, after
Joint Circular 55/2005; and multi-document dossiers (a folder or a multi-page TIFF of 2-4 documents of
different types) whose ground truth says which page starts each document.

Kept apart from :mod:`samples.plan` so the default plan (the committed set, the tests' sets) is
untouched by this one: the same seed still gives the same bytes there.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from samples import vocab
from samples.citizen import PETITIONS, death_extract, marital_status, petition, recognition_extract, register_page
from samples.documents import Ctx, Doc
from samples.kinds import KINDS
from samples.letters import CODES, administrative
from samples.merged import Commune, Role, owned
from samples.plan import LONG, Slot, _ctx, _fit
from samples.records import Parcel, birth_extract, land_application, marriage_certificate, parcel_minutes

ERAS = ("decree30", "mixed", "old")
#: Pages each added type plausibly runs to (the rest: one page).
LONG_ALL = {**LONG, "Nghị quyết": 2, "Chỉ thị": 2, "Quy chế": 3, "Quy định": 3, "Hướng dẫn": 3, "Chương trình": 3,
            "Phương án": 3, "Đề án": 3, "Dự án": 2, "Hợp đồng": 2, "Thông cáo": 2, "Công điện": 2}
CIVIL = {"Khai sinh": birth_extract, "Sổ khai sinh": register_page, "Khai tử": death_extract,
         "Kết hôn": marriage_certificate, "Nhận cha, mẹ, con": recognition_extract,
         "Xác nhận tình trạng hôn nhân": marital_status}
#: Every slot kind, in plan order: administrative, civil status, land and construction, petitions.
ALL = [*CODES, *KINDS, *CIVIL, "Đơn đăng ký đất đai", "Biên bản thửa đất", *PETITIONS]
DOSSIER_EVERY = 4  # every fourth slot is a dossier


def _era_ctx(r: random.Random, large: bool, era: str, role: Role | None = None) -> Ctx:
    """The issuing context; ``mixed`` moves two in five documents before 2011 and lays those out after
    Circular 55/2005, ``old`` all of them; ``role`` (a merged commune's) then says who issues it and when."""
    ctx = _ctx(r, large)
    if era != "decree30" and (era == "old" or r.random() < 0.4):
        ctx.y = r.randint(2005, 2010)
    ctx.era = "old" if era != "decree30" and ctx.y < 2011 else "new"
    if role is not None:
        role.apply(ctx)
    return ctx


def documents(kind: str, seed: int, large: bool, target: int, pages_max: int, era: str,
              role: Role | None = None) -> Doc:
    """One document of slot ``kind`` drawn from ``seed``; bodies grow to about ``target`` pages."""
    if kind in CODES or kind in KINDS:
        def build(n: int, tight: bool) -> Doc:
            r = random.Random(seed)
            ctx = _era_ctx(r, large, era, role)
            ctx.tight = tight
            return administrative(kind, r, ctx, n, r.choice(vocab.OFFICES)[0])
        return _fit(build, min(target, LONG_ALL.get(kind, 1)), pages_max)
    doc = None
    for tight in (False, True):
        r = random.Random(seed)
        ctx = _era_ctx(r, large, era, role)
        ctx.tight = tight
        if kind in CIVIL:
            doc = CIVIL[kind](r, ctx)
        elif kind in PETITIONS:
            doc = petition(r, ctx, kind)
        else:
            parcel = Parcel.draw(r, ctx)
            doc = land_application(r, ctx, parcel) if kind == "Đơn đăng ký đất đai" else parcel_minutes(r, ctx, parcel)
        if len(doc.pages) == 1 or doc.pages[-1].flow >= 4:
            break
    assert doc is not None
    return doc


def plan_all(seed: int, n_docs: int, pages_max: int, formats: Sequence[str], dpi_choices: Sequence[int],
             era: str, kinds_cycle: Sequence[str] = tuple(ALL), commune: Commune | None = None) -> list[Slot]:
    """Slots cycling through ``kinds_cycle`` (from an offset set by the seed); every
    :data:`DOSSIER_EVERY`-th slot a dossier of 2-4 documents of different types, in a folder of JPEG
    pages or a multi-page TIFF, taking turns; ``commune`` says whose each one is (one body's for a
    dossier; see samples/merged.py)."""
    if era not in ERAS:
        raise ValueError(f"unknown layout era {era!r}; use one of {ERAS}")
    plan = random.Random(seed * 7919 + 1)
    dpis = plan.sample(list(dpi_choices), len(dpi_choices))
    containers = [f for f in ("folder", "tiff") if f in formats]
    slots: list[Slot] = []
    n, i, k = 0, 0, seed % len(kinds_cycle)
    while n < n_docs:
        dpi = min(dpis[i % len(dpis)], 300)
        if containers and i % DOSSIER_EVERY == DOSSIER_EVERY - 1 and n_docs - n >= 2:
            size = min(n_docs - n, plan.choice([2, 2, 3, 3, 4]))
            kinds = [kinds_cycle[(k + j) % len(kinds_cycle)] for j in range(size)]
            plan.shuffle(kinds)
            fmt = containers[(i // DOSSIER_EVERY) % len(containers)]
            targets = [plan.choices([1, 2, 3], [6, 3, 1])[0] for _ in kinds]
            role = commune.take(kinds) if commune else None
            docs = [documents(kd, plan.getrandbits(32), dpi <= 150, t, pages_max, era, role)
                    for kd, t in zip(kinds, targets, strict=True)]
            slots.append(Slot("bundle", dpi, fmt, plan.getrandbits(32), owned(docs, role)))
            k += size
        else:
            kind = kinds_cycle[k % len(kinds_cycle)]
            target = plan.choices([1, 2, 3, 4], [6, 4, 2, 1])[0]
            fmt = "jpeg" if "jpeg" in formats else formats[0]
            if fmt == "png":
                dpi = min(dpi, 200)
            role = commune.take([kind], swap=True) if commune else None
            kind = role.kind or kind if role else kind
            doc = documents(kind, plan.getrandbits(32), dpi <= 150, min(target, pages_max), pages_max, era, role)
            slots.append(Slot(kind, dpi, fmt, plan.getrandbits(32), owned([doc], role)))
            k += 1
        n += len(slots[-1].docs)
        i += 1
    return slots
