"""A register leaf's place, which its page never prints: sent to review to be filled in from the book's commune.

A civil-status register (``SỔ ĐĂNG KÝ KHAI SINH``) is a book whose leaves carry the issuing body's heading, the
title, ``Quyển số:`` and the table: no place-and-date line, so the reader finds no place on any leaf
(archivist/required.py keeps a leaf from being *required* to show one). The catalogue still holds the book's place,
which is its commune's: the truth of every leaf of the generated sets gives the issuer's commune (84 of 84 leaves
on the 80 earlier sets session 43 read, 8 of 8 on its fresh ones). Left empty without a word, the field is one an
archivist is never told to fill (79 of the 99 values not found and unflagged on session 42's 76 sets). So an empty
place on a leaf goes to review with a reason that names where to fill it from: the issuer's unit as read
(hundred-and-fortieth round). Flags only: the value stays empty, since the issuer may be read wrong and a value
taken from it would be stored unflagged.
"""

from __future__ import annotations

from .fields import Field
from .levelwords import COMMUNE, level_opening
from .required import NOT_FOUND, REGISTER_FORMS

_COMMUNE_LEVEL = level_opening(COMMUNE)


def issuer_unit(issuer: object) -> str | None:
    """The commune-level unit ending an issuer's name (``ỦY BAN NHÂN DÂN XÃ HẢI XUÂN`` -> ``XÃ HẢI XUÂN``), if any."""
    if not isinstance(issuer, str):
        return None
    opening = list(_COMMUNE_LEVEL.finditer(issuer))
    unit = issuer[opening[-1].start():].strip() if opening else ""
    return unit if len(unit.split()) > 1 else None


def register_place_reason(issuer: object) -> str:
    """What the review sheet says of a leaf's empty place: that the leaf prints none, and where the book's is read."""
    unit = issuer_unit(issuer)
    where = f"the issuer's '{unit}'" if unit else "the issuing body's name or the book's cover"
    return f"{NOT_FOUND}: a register's leaf prints no place line; the catalogue holds the book's place, its " \
        f"commune's: fill it in from {where}"


def flag_register_place(found: dict[str, Field], form: str | None) -> None:
    """Send a register leaf's empty place to review with :func:`register_place_reason` (a place read, or a reason
    already given, is left as it is)."""
    if form not in REGISTER_FORMS:
        return
    place = found.get("place")
    if place is not None and (place.value not in (None, "", []) or place.review):
        return
    issuer = found.get("issuer")
    found["place"] = Field(None, 0.0, review=register_place_reason(issuer.value if issuer else None))
