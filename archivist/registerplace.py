"""A register leaf's place, which its page never prints: its book's, the commune named by the leaf's issuer.

A civil-status register (``SỔ ĐĂNG KÝ KHAI SINH``) is a book whose leaves carry the issuing body's heading, the
title, ``Quyển số:`` and the table: no place-and-date line, so the reader finds no place on any leaf
(archivist/required.py keeps a leaf from being *required* to show one). The catalogue still holds the book's place,
which is its commune's: the truth of every leaf of the generated sets gives the issuer's commune (84 of 84 leaves
on the 80 earlier sets session 43 read, 8 of 8 on its fresh ones). Session 43 sent the empty place to review
(hundred-and-fortieth round), which sent 29 of the 84 leaves to review for that alone. Since session 44 the place
is taken from the issuer's commune-level unit (``ỦY BAN NHÂN DÂN XÃ HẢI XUÂN`` -> ``Xã Hải Xuân``): the value keeps
its source (the issuer's page, box and text, and a change saying it was taken from there), never more sure than
:data:`DERIVED` (a place read on its line is 0.9 before the OCR's word confidences) nor than the issuer, and it goes
to review when the issuer is itself in doubt (a review reason, or a confidence under its threshold), since a
misread issuer would give a wrong place. Where no commune-level unit ends the issuer (a district's body, a head
read alone), the place stays empty and goes to review saying where to fill it from, as in session 43.
"""

from __future__ import annotations

from .calibration import threshold_for
from .classify import THRESHOLD  # the threshold extract asks every field with (toreview would close a cycle)
from .fields import Field
from .levelwords import LEVEL, LEVELS
from .required import NOT_FOUND, REGISTER_FORMS

#: a place taken from the issuer is less sure than one read on its own line (0.9 before the OCR's confidences)
DERIVED = 0.8


def issuer_unit(issuer: object) -> str | None:
    """The commune-level unit ending an issuer's name (``ỦY BAN NHÂN DÂN XÃ HẢI XUÂN`` -> ``XÃ HẢI XUÂN``), if any:
    its last level word opens it and is a commune's (``THỊ XÃ NGHĨA LỘ``, a district-level town, is none), with
    a name after it."""
    if not isinstance(issuer, str):
        return None
    opening = list(LEVEL.finditer(issuer))
    if not opening or LEVELS.get(" ".join(opening[-1].group().lower().split())) != 1:
        return None
    unit = issuer[opening[-1].start():].strip()
    return unit if len(unit.split()) > 1 else None


def unit_place(unit: str) -> str:
    """A unit's name as a place is written (``XÃ HẢI XUÂN`` -> ``Xã Hải Xuân``, ``THỊ TRẤN YÊN BÌNH`` -> ``Thị trấn
    Yên Bình``): the level word with a capital first, the name's every syllable with a capital."""
    opening = LEVEL.match(unit)
    cut = opening.end() if opening else 0
    level = " ".join(unit[:cut].split()).lower().capitalize()
    return " ".join([level, *(w.capitalize() for w in unit[cut:].split())]).strip()


def register_place_reason(issuer: object) -> str:
    """What the review sheet says of a leaf's empty place: that the leaf prints none, and where the book's is read."""
    unit = issuer_unit(issuer)
    where = f"the issuer's '{unit}'" if unit else "the issuing body's name or the book's cover"
    return f"{NOT_FOUND}: a register's leaf prints no place line; the catalogue holds the book's place, its " \
        f"commune's: fill it in from {where}"


def issuer_doubt(issuer: Field, threshold: float = THRESHOLD) -> str | None:
    """Why the issuer a place was taken from is in doubt (its own review reason, or a confidence under the issuer's
    threshold), or None."""
    if issuer.review:
        return issuer.review
    limit = threshold_for("issuer", threshold)
    return f"the issuer was read at {issuer.confidence:.2f}, under {limit:.2f}" if issuer.confidence < limit else None


def fill_register_place(found: dict[str, Field], form: str | None, threshold: float = THRESHOLD) -> None:
    """A register leaf's empty place: taken from the issuer's commune (:func:`issuer_unit`), or, when the issuer
    names none, sent to review with :func:`register_place_reason`. A place read, or a reason already given, is
    left as it is."""
    if form not in REGISTER_FORMS:
        return
    place = found.get("place")
    if place is not None and (place.value not in (None, "", []) or place.review):
        return
    issuer = found.get("issuer")
    unit = issuer_unit(issuer.value) if issuer else None
    if issuer is None or unit is None:
        found["place"] = Field(None, 0.0, review=register_place_reason(issuer.value if issuer else None))
        return
    doubt = issuer_doubt(issuer, threshold)
    found["place"] = Field(
        unit_place(unit), round(min(issuer.confidence, DERIVED), 3), issuer.page, issuer.bbox, issuer.source_text,
        changes=[f"taken from the issuer '{issuer.value}': a register's leaf prints no place line; the book's place "
                 "is its commune's"],
        review=f"the place was taken from the issuer, itself in doubt ({doubt}): confirm the book's commune"
        if doubt else None)
