"""Which fonds a document belongs to: the box it came from (``--fonds``), or its own evidence.

A merged commune's archive holds the closed fonds of each former commune and the open fonds of the
new one; the Law on Archives never lets their records mix. A document belongs to the fonds of the
body that *made or received* it, so:

- a document a commune body issued (``ỦY BAN NHÂN DÂN XÃ ĐÔNG SƠN``, its place line ``Đông Sơn,
  ngày …``) belongs to that commune's fonds;
- a document received from outside (a district decision, a provincial letter) belongs to the fonds of
  the commune it is addressed to (``Kính gửi: UBND xã Đông Sơn``, ``Nơi nhận: - UBND xã Đông Sơn``),
  never to its issuer's;
- a document dated from 1 July 2025 can only be the new commune's (the former committees ceased on
  30 June), one dated before it only a former commune's.

Names are compared folded (no diacritics) and with their unit type (``thị trấn Yên Bình`` is not
``xã Yên Bình``, although the new commune often takes a former one's name). When the evidence is
absent, weak, or points two ways (a letter from one former commune to another: whose copy is
this?), the document is flagged for review and the reason is kept; when it contradicts ``--fonds``,
the box's fonds is kept and the contradiction flagged. A wrong fonds stored silently would file a
record in another body's archive, so the threshold for no flag is high.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .adminunits import LAST_FORMER_DATE, MERGER_DATE, split_type
from .fonds import Fonds
from .textnorm import match_key

#: Below this a choice is flagged for a person to confirm.
REVIEW_BELOW = 0.85
ISSUED, RECEIVED, PLACE, AUTHORITY = 0.93, 0.88, 0.75, 0.8
#: Words of a commune-level body (in an issuer line or an address).
_BODY = r"(?:uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd|dang uy|mat tran to quoc|cong an|ban chi huy quan su)"
_ADDRESSED = re.compile(r"^\s*(?:kinh gui|noi nhan|dong kinh gui)\b", re.M)


@dataclass
class FondsChoice:
    """The fonds chosen for a document, how sure, and why (kept in the record for a reviewer)."""

    code: str | None
    confidence: float
    source: str  # given | issued | received | place | date | none
    reasons: list[str] = field(default_factory=list)

    @property
    def review(self) -> bool:
        return self.code is None or self.confidence < REVIEW_BELOW


@dataclass(frozen=True)
class _Name:
    fonds: Fonds
    typed: str  # "xa dong son": with its unit type, as bodies are named
    bare: str  # "dong son": as a place line writes it


def _names(fonds: list[Fonds]) -> list[_Name]:
    out = []
    for f in fonds:
        unit_name = (f.unit or {}).get("name")
        if unit_name:
            typ, rest = split_type(unit_name)
            out.append(_Name(f, f"{match_key(typ) + ' ' if typ else ''}{rest}", rest))
        else:  # a fonds added by hand: its name is the body's name ("Đảng ủy xã Đông Sơn")
            key = match_key(f.name)
            out.append(_Name(f, key, key))
    return out


def _mentions(text: str, names: list[_Name], typed: bool = True) -> list[_Name]:
    """The names ``text`` holds as whole words (with their unit type unless ``typed`` is off); a longer
    name wins over one it contains (``xa tan phu dong`` over ``xa tan phu``)."""
    key = f" {match_key(text)} "
    found = [n for n in names if f" {n.typed if typed else n.bare} " in key]
    return [n for n in found if not any(o is not n and (o.typed if typed else o.bare).find(n.typed if typed
                                        else n.bare) >= 0 and len(o.bare) > len(n.bare) for o in found)]


def _by_date(fonds: list[Fonds], date: str | None) -> set[str]:
    """Codes the date allows: the open fonds from the merger day, the closed ones before it."""
    if not date:
        return {f.code for f in fonds}
    after = date >= MERGER_DATE
    return {f.code for f in fonds if (f.status == "open") == after
            or (f.start_date and f.start_date <= date and (not f.end_date or date <= f.end_date))}


def _addressed_to(meta: dict, first_page: str) -> str:
    """The text of a document's addressees: its ``Nơi nhận`` list and its ``Kính gửi`` line (and the two
    lines after it, where a long address wraps)."""
    lines = [r for r in meta.get("recipients") or [] if isinstance(r, str)]
    raw = first_page.splitlines()
    for i, line in enumerate(raw):
        if _ADDRESSED.match(match_key(line)):
            lines += raw[i:i + 3]
    return "\n".join(lines)


def choose_fonds(meta: dict, first_page: str, fonds: list[Fonds], given: str | None = None) -> FondsChoice:
    """The fonds of a document from its metadata (issuer, place, recipients, date, authority) and its first
    page's text; ``given`` is the code ``--fonds`` named for the whole box."""
    names = _names(fonds)
    allowed = _by_date(fonds, meta.get("date"))
    issuer = " ".join(x for x in (meta.get("parent_issuer"), meta.get("issuer")) if x)
    issued = [n for n in _mentions(issuer, names) if re.search(_BODY, match_key(issuer))]
    received = _mentions(_addressed_to(meta, first_page), names)
    place_line = meta.get("place") or ""
    # a place line with its unit type ("Thị trấn Yên Bình") names one unit; a bare name may name several
    # (the new commune often took a former one's name)
    place = _mentions(place_line, names, typed=split_type(place_line)[0] is not None)
    signed = _mentions(" ".join(x for x in (meta.get("authority"), meta.get("signer_position")) if x), names)
    evidence: dict[str, tuple[float, str, str]] = {}  # code -> (strength, why, source)

    def weigh(found: list[_Name], strength: float, source: str, why: str) -> None:
        for n in found:
            if n.fonds.code not in evidence or evidence[n.fonds.code][0] < strength:
                evidence[n.fonds.code] = (strength, why.format(name=n.fonds.name), source)

    if issued:
        weigh(issued, ISSUED, "issued", "issued by {name}")
        weigh(place, PLACE, "place", "its place line names {name}")
        weigh(signed, AUTHORITY, "issued", "signed on behalf of {name}")
    elif received:
        weigh(received, RECEIVED, "received", "received by {name} (addressed to it)")
    else:
        weigh(place, PLACE, "place", "its place line names {name}")
    reasons: list[str] = []
    if issued and received and {n.fonds.code for n in issued} != {n.fonds.code for n in received}:
        to = ", ".join(n.fonds.name for n in received)
        reasons.append(f"sent from one fonds to another ({to}): the copy may be the receiver's")
    # a date that rules out the strongest evidence contradicts it; one that rules out a weaker reading only
    # settles which is meant (a bare place name a former unit shares with the new commune)
    best_allowed = max((s for c, (s, _, _) in evidence.items() if c in allowed), default=0.0)
    wrong_date = {c for c, (s, _, _) in evidence.items() if c not in allowed and s >= best_allowed}
    for c in wrong_date:
        reasons.append(f"{evidence[c][1]}, but dated {meta.get('date')} "
                       f"({'after' if meta.get('date', '') > LAST_FORMER_DATE else 'before'} the merger)")
    ranked = sorted(((s, c) for c, (s, _, _) in evidence.items() if c in allowed), reverse=True)
    if given:
        choice = FondsChoice(given, 0.95, "given", [f"the box was processed with --fonds {given}"])
        if given not in allowed:
            choice.reasons.append(f"dated {meta.get('date')}, outside the dates of fonds {given}")
            choice.confidence = 0.5
        if ranked and ranked[0][1] != given and ranked[0][0] >= RECEIVED:
            choice.reasons.append(f"but its own evidence says otherwise: {evidence[ranked[0][1]][1]}")
            choice.confidence = 0.5
        return choice
    if not ranked:
        open_ = [f for f in fonds if f.status == "open" and f.code in allowed]
        if meta.get("date") and meta["date"] >= MERGER_DATE and len(open_) == 1:
            return FondsChoice(open_[0].code, 0.7, "date", [f"dated {meta['date']}, after the merger; no body of "
                                                             "the archive named", *reasons])
        return FondsChoice(None, 0.0, "none", ["no fonds of this archive is named by its issuer, place or "
                                               "addressees", *reasons])
    (best, code), runner = ranked[0], (ranked[1][0] if len(ranked) > 1 else 0.0)
    confidence = best if best - runner >= 0.1 else min(best, 0.6)
    if runner and best - runner < 0.1:
        reasons.append("names several fonds: " + ", ".join(evidence[c][1] for _, c in ranked[:3]))
    if reasons:
        confidence = min(confidence, 0.6)
    return FondsChoice(code, round(confidence, 3), evidence[code][2], [evidence[code][1], *reasons])
