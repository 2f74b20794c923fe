"""The fields each part of a Decree 30 page gives :func:`archivist.extract.extract`: the number and symbol
under the issuer, the issuer, its parent body and the place from the header, and the authority, position,
signer and recipients from the signature block, each with the confidence its pattern and its tokens earn.

Kept apart from :mod:`archivist.extract`, which puts a document's fields together and runs the checks and
flags over all of them, because reading a part's own fields is a step of its own with its own rules.
"""

from __future__ import annotations

import re

from .bodies import abbreviations, clean_body, is_debris, odd_tokens
from .chardoubt import settle_number
from .civil import BARE_CODES
from .classify import Classification, PageText
from .crosscheck import confirm, level_lost, symbol_doubt
from .doctypes import load_table
from .fields import Field, clean, make_field
from .footer import stroke_under
from .highland import unglue
from .layout import (
    BODY_HEADS,
    DocLayout,
    Line,
    Seg,
    heading_symbol,
    is_body_head,
    issuer_bodies,
)
from .letterrival import flag_letter_rival
from .levelwords import LEVELS, alternation
from .lexicon import SURNAMES
from .marks import MarkRestorer
from .numberbox import flag_lost_digit
from .numberread import flag_reread, flag_symbol_tail
from .numsym import format_number_symbol, is_known_part
from .ocrtext import fold_key, union_box
from .ownwords import authority_span
from .parentflags import mend_parent_head
from .placeflags import place_shift_doubt
from .recipients import read_recipients
from .signwords import authority_of, in_capitals, is_name, known_position, split_names, split_positions, trim_noise
from .syllables import is_syllable

ODD_FACTOR = 0.7  # per token that is no syllable, abbreviation or number (at most three count)
INCOMPLETE = 0.55  # an issuer that is a body's head word alone (ỦY BAN NHÂN DÂN): its place was not read


# --- number ---------------------------------------------------------------------------------------

def _number_fields(doc: DocLayout, cls: Classification, pages: list[PageText]) -> dict[str, Field]:
    seg = doc.header.number
    if seg is None or seg.number is None:
        return {}
    m = heading_symbol(doc.header)  # the type part agrees with the title when it is a misreading of its code
    ns = m.value
    base = 0.95 if m.labelled else 0.8
    table = load_table()
    type_codes = {t.code for t, _ in table.types_for_code(ns.parts[0])}
    if cls.code and type_codes and cls.code not in type_codes:
        base *= 0.7  # the symbol names another type than the document is
    if type_codes and len(ns.parts) < 2 and ns.parts[0] not in BARE_CODES or not is_known_part(ns.parts[0]):
        base *= INCOMPLETE  # 183/KH, 222/B: the issuer part lost, or a code that is none
    line = seg.line
    changes = [str(c) for c in m.changes]
    review = "the grammar, not the pixels, decided: " + "; ".join(str(c) for c in m.changes if c.grammar) \
        if m.grammar else None
    out = {"number": make_field(ns.number, base, line, repaired=m.repaired),
           "symbol": make_field(ns.symbol, base, line, repaired=m.repaired),
           "number_symbol": make_field(format_number_symbol(ns), base, line, repaired=m.repaired)}
    for f in out.values():
        f.changes, f.review = changes, review
    out["number_symbol"].read = m.read
    confirm(out["number_symbol"], base, [ln.text for page in doc.pages for ln in page])  # an annex cites it
    if not symbol_doubt(ns.symbol):  # every part a known code: then the OCR's doubt may lie on no digit
        settle_number([out["number_symbol"], out["number"], out["symbol"]], base, pages)
    flag_lost_digit(out["number_symbol"], out["number"], m.read, pages)  # a digit left out or its box too wide
    flag_reread(out["number_symbol"], out["number"], pages)  # its box read again two ways, both otherwise
    flag_letter_rival(out["number_symbol"], out["number"], pages)  # a letter weighed for it and another digit
    flag_symbol_tail(out["number_symbol"], out["symbol"], pages)  # the box read again with a part more
    return out


# --- header, subject, signature ------------------------------------------------------------------

def _body_field(line: Line, base: float, restore: MarkRestorer) -> Field:
    """A body's name (issuer, parent, place): debris dropped, run-together words split, marks restored;
    each token that is no syllable or known abbreviation lowers the confidence (:mod:`archivist.bodies`)."""
    value, changes = clean_body(clean(line.text))
    toks = [m for m in re.finditer(r"\S+", line.text) if not is_debris(m.group())]
    kept = line.sub(toks[0].start(), toks[-1].end()) if toks else line  # a speck's low confidence is not the name's
    f = make_field(restore.restore(value, "body"), base, kept)
    return _with_checks(f, changes, line.text)


def _with_checks(f: Field, changes: list[str], read: str) -> Field:
    """``f`` with what was changed from ``read`` kept, and its confidence lowered for each odd token."""
    if f.value in (None, "", []):
        return f
    f.changes = changes
    f.read = read if changes else None
    values = f.value if isinstance(f.value, list) else [f.value]
    odd = sum(len(odd_tokens(v)) for v in values if isinstance(v, str))
    if odd:
        f.confidence = round(f.confidence * ODD_FACTOR ** min(odd, 3), 3)
    return f


def _issuer_fields(doc: DocLayout, pd: Seg | None, restore: MarkRestorer) -> dict[str, Field]:
    bodies = issuer_bodies(doc.header.issuer)
    out: dict[str, Field] = {}
    if bodies:
        iss = bodies[-1]
        key = fold_key(iss.text)
        base = (INCOMPLETE if key in BODY_HEADS else 0.9) if is_body_head(key) else 0.65  # ỦY BAN NHÂN DÂN alone
        out["issuer"] = _body_field(iss, base, restore)
        if len(bodies) > 1:
            base = 0.85 if is_body_head(fold_key(bodies[-2].text)) else 0.6
            out["parent_issuer"] = mend_parent_head(_body_field(bodies[-2], base, restore))  # flags163: UBND
        elif doc.header.unread:  # capitals above the issuer were read too poorly to use: a person looks
            out["parent_issuer"] = Field(None, 0.0, review="the line above the issuer was not read: "
                                                           + doc.header.unread[0].text)
    if pd and pd.place:
        place = _body_field(pd.place, 0.9, restore)
        if isinstance(place.value, str) and place.value[:1].islower():  # xã Tân Phú: the line's first word
            place.value = place.value[:1].upper() + place.value[1:]
        if isinstance(place.value, str) and len(place.value.split()) < 2:  # Phú: a commune's name has two words
            place.confidence = round(place.confidence * INCOMPLETE, 3)
        iss = out.get("issuer")
        if isinstance(place.value, str) and iss and isinstance(iss.value, str) \
                and (lost := level_lost(place.value, pd.lead, iss.value)):
            place.read, place.value, place.review = place.read or place.value, lost[0], lost[1]
            place.changes.append(lost[1])
        if pd is doc.header.placedate and isinstance(place.value, str) and not place.review \
                and not _LEVEL.match(place.value):
            place.review = place_shift_doubt(pd.place, pd.line, [s.line for s in doc.header.segs
                                                                 if s.role in ("national", "motto")])
        out["place"] = place
    return out


_LEAD_DEBRIS = re.compile(r"^[^\w(]+(?=\w)")  # not a letter nor a digit: no position starts so
_LEVEL = re.compile(rf"(?i)^.*\b(?:{alternation(LEVELS)})\s+")  # up to the last level word of a value


def _name_of(value: str) -> str:
    """The place name in a body's name (``CẨM THẠCH`` in ``ỦY BAN NHÂN DÂN XÃ CẨM THẠCH``), or ''."""
    m = _LEVEL.match(value)
    return value[m.end():] if m and len(value[m.end():].split()) >= 2 else ""


def _signer_fields(doc: DocLayout, restore: MarkRestorer, colon: bool = True) -> dict[str, Field]:
    f = doc.footer
    if f is None:
        return {}
    out: dict[str, Field] = {}
    if f.authority:  # the code's own word: the body or position after it on its line is no part of the value
        out["authority"] = make_field(f.authority[0], 0.95, f.authority[1],
                                      *(authority_span(f.authority[1].text) or (0, None)))
    if f.positions:
        pos, strokes = stroke_under(f)  # ``NNNN`` under the position: a signature's strokes, flagged
        value = split_positions(clean(pos.text))[-1]
        if (a := authority_of(value)) is not None:
            value = value[a[1]:]
        lead = _LEAD_DEBRIS.match(value)  # a seal's or a speck's marks before the first letter: ``/ CHỦ TỊCH``
        dropped = [f"'{lead.group().strip()}' dropped: OCR debris"] if lead and known_position(value[lead.end():]) \
            else []
        value = value[lead.end():] if dropped and lead else value
        if cased := in_capitals(value):  # ``CHỦ Tọa``: a printed position but for the case, which the list settles
            dropped, value = [*dropped, f"'{value}' set in capitals: a printed position"], cased
        plausible = value.isupper() and known_position(value)  # in capitals, and a position (not ``LƯU VT``)
        position = make_field(restore.restore(value, "body"), 0.85 if plausible else 0.55, pos)
        position.review = strokes
        if plausible and f.authority and f.authority[0] == "KT." and re.fullmatch(r"PHÓ(?: [^\W\d_]+)+", value):
            position.confidence = max(position.confidence, 0.85)  # a deputy's under KT.: two readings agree
        out["signer_position"] = _with_checks(position, dropped, pos.text)  # a position is printed in capitals
    if f.name:
        name = split_names(clean(unglue(trim_noise(f.name.text))))[-1]  # footer took ``YBlơ`` only where a name goes
        known = is_name(name) and fold_key(name.split()[0]) in SURNAMES and bool(f.positions or f.authority)
        known = known and not any(w.upper() in abbreviations() and not is_syllable(w) for w in name.split())  # Lưu VT
        out["signer"] = _with_checks(make_field(restore.restore(name), 0.9 if known else 0.6, f.name), [], f.name.text)
    if f.recipients:
        kept, changes, conf = read_recipients(f.recipients, f.noi_nhan, lambda t: restore.restore(clean(t), "body"),
                                              colon)
        box = union_box([b for ln in f.recipients if (b := ln.box())])
        rec = Field(kept, conf, f.recipients[0].page, box, "\n".join(ln.text for ln in f.recipients))
        out["recipients"] = _with_checks(rec, changes, rec.source_text)
    return out
