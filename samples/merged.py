"""The documents of a merged commune: whose each one is, and so which fonds it belongs to (issue 13).

Since 1 July 2025 a new commune holds the records of the two to ten former communes merged into it.
The Law on Archives keeps each body's records apart (one fonds per body), so the samples must show
what archivist has to tell apart: each former unit's own records (its closed fonds), documents the
former district sent to one of them (received from outside: they belong to the *receiver's* fonds,
not the district's), and the new commune's own records from 1 July 2025 (its open fonds). Every
document's ground truth says which fonds is right (``"fonds"``) and why (``"provenance"``).

The units are real and read from the unit lists archivist itself uses (``archivist.adminunits``,
from the ``vietnamadminunits`` package), so nothing here is kept by hand: the committed samples are
Xã Yên Bình, Tỉnh Lào Cai (04714), made of Thị trấn Yên Bình and the communes Tân Hương, Đại Đồng and
Thịnh Hưng of Huyện Yên Bình, Tỉnh Yên Bái.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from archivist.adminunits import Unit, load_units, split_type
from archivist.fonds import fonds_code
from samples.documents import DISTRICT_TYPES, Ctx, Doc

#: The new commune of the committed samples.
COMMITTED = "04714"
#: Who makes (or receives) each document, one letter per document, repeated: ``I`` issued by a former unit,
#: ``R`` received by one from its district, ``N`` issued by the new commune after 1 July 2025. Four in
#: twenty received, three in twenty new; the first twelve (the committed set) hold two of each.
CYCLE = "IRIINIIIRINIRIINIRII"
#: The types a district sends its communes, in the order a swapped slot takes them (see :meth:`Commune.take`).
SENT = ("Công văn", "Quyết định", "Kế hoạch", "Thông báo", "Giấy mời", "Chỉ thị", "Hướng dẫn", "Công điện",
        "Phiếu chuyển")
RECEIVABLE = frozenset(SENT)


def _name(full: str) -> tuple[str, str]:
    """(type, name) of a unit (``Thị trấn Yên Bình``) or a district (``Thị xã Nghĩa Lộ``)."""
    typ, rest = split_type(full, fold=False)
    if typ:
        return typ, rest
    for typ in DISTRICT_TYPES:
        if full.startswith(typ + " "):
            return typ, full[len(typ) + 1:]
    return "Xã", full


def _province(full: str) -> str:
    return full if full.startswith("Thành phố") else full.removeprefix("Tỉnh ").strip()


@dataclass(frozen=True)
class Role:
    """Who issued one document and which fonds keeps it: ``source`` is ``issued`` (by a former unit),
    ``received`` (sent by the former district to ``unit``) or ``new`` (issued by the new commune)."""

    source: str
    unit: Unit  # the unit whose fonds keeps the document
    fonds: str
    kind: str | None = None  # the type the slot takes instead of its own (a received one, see Commune.take)

    def apply(self, ctx: Ctx) -> None:
        """Make ``ctx`` this role's issuer, dated in its fonds' time: a former unit's documents before the
        merger (by May 2025, so a land dossier's second document falls by June), the new commune's from
        July to November 2025."""
        unit_type, name = _name(self.unit.name)
        ctx.unit_type, ctx.commune, ctx.province = unit_type, name, _province(self.unit.province_name)
        ctx.district, ctx.addressee = None, None
        if self.unit.district_name:
            ctx.district_type, ctx.district = _name(self.unit.district_name)
        if self.source == "new":
            ctx.y, ctx.m, ctx.era = 2025, 7 + (ctx.m - 1) % 5, "new"
        elif ctx.y == 2025 and ctx.m > 5:
            ctx.m = 1 + (ctx.m - 1) % 5
        if self.source == "received" and ctx.district:  # the district writes, to this unit
            ctx.addressee = f"{unit_type.lower()} {name}"
            ctx.unit_type, ctx.commune, ctx.district = ctx.district_type, ctx.district, None

    def truth(self) -> dict:
        return {"fonds": self.fonds, "provenance": self.source}


class Commune:
    """A new commune and its former units, handing out the :class:`Role` of each document in plan order
    (:data:`CYCLE`): the former units take turns issuing, and in another order receiving."""

    def __init__(self, query: str) -> None:
        lists = load_units()
        self.unit = lists.resolve(query)
        self.former = [m.former for m in lists.former_units(self.unit.code)]
        if not self.former:
            raise ValueError(f"{self.unit.describe()} has no former units to draw documents from")
        self._i = self._issued = 0
        self._wanted = {"received": 0, "new": 0}
        self._given = {"received": 0, "new": 0}

    def _owed(self, source: str) -> float:
        return self._wanted[source] - self._given[source]

    def take(self, kinds: Sequence[str], swap: bool = False) -> Role:
        """The role of the next slot, holding the documents of ``kinds`` (several for a dossier, which is
        one body's). The cycle's letters are owed until a slot can take them: ``R`` a single document of a
        type a district sends (``swap``: any single document, which then becomes one of those types,
        :attr:`Role.kind`), ``N`` a slot at least half of whose documents it owes."""
        letters = [CYCLE[(self._i + j) % len(CYCLE)] for j in range(len(kinds))]
        self._i += len(kinds)
        self._wanted["received"] += letters.count("R")
        self._wanted["new"] += letters.count("N")
        if self._owed("received") >= 1 and len(kinds) == 1 and (kinds[0] in RECEIVABLE or swap):
            n = self._given["received"]
            self._given["received"] += 1
            unit = self.former[(n + 2) % len(self.former)]
            kind = None if kinds[0] in RECEIVABLE else SENT[n % len(SENT)]
            return Role("received", unit, fonds_code(unit), kind)
        if self._owed("new") >= len(kinds) / 2:
            self._given["new"] += len(kinds)
            return Role("new", self.unit, fonds_code(self.unit))
        unit = self.former[self._issued % len(self.former)]
        self._issued += 1
        return Role("issued", unit, fonds_code(unit))


def owned(docs: list[Doc], role: Role | None) -> list[Doc]:
    """``docs`` with their fonds and provenance in their ground truth (unchanged without a ``role``)."""
    if role is not None:
        for doc in docs:
            doc.extra.update(role.truth())
    return docs
