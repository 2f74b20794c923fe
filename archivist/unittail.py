"""Doubt on an issuer whose commune's name lost its last word to the debris filter.

A body's name is cleaned of OCR debris (:func:`archivist.bodies.clean_body`), and a word of the unit's name
that the engine garbled badly enough (``SƠN`` read ``SữŒN``) is dropped as debris like a speck. What is left
can still be a commune's name (``ĐÔNG``), so the unit checks pass it. The page's place line names the same
commune whole (``Xã Đông Sơn``): when the issuer's unit is only the start of the place's unit and the word
dropped was the last one read, the issuer most likely lost the rest of its unit's name (HG130
typewriter-07-cv-206-dong-son, HG87 typewriter-08-cv-208-dong-son). Flags only: the value is kept."""

from __future__ import annotations

import re

from .adminunits import split_type
from .fields import Field
from .levelwords import COMMUNE, level_opening
from .textnorm import fold

_COMMUNE_LEVEL = level_opening(COMMUNE)
_DROPPED = re.compile(r"^'(.*)' dropped: OCR debris$", re.S)


def _unit_words(issuer: str) -> list[str]:
    """The words after the issuer's last commune level word (``ỦY BAN NHÂN DÂN XÃ ĐÔNG`` -> ``[ĐÔNG]``)."""
    opening = list(_COMMUNE_LEVEL.finditer(issuer))
    return issuer[opening[-1].end():].split() if opening else []


def cut_unit_doubt(issuer: Field, place: Field | None) -> str | None:
    """Why the issuer's commune name may have lost its last word: its reading ended with a word dropped as
    debris, and the place names a commune whose name opens with the issuer's and goes on. A place that only
    shares a word, an issuer with nothing dropped, or debris dropped inside the name is left alone (the place
    may be read wrong as easily: HG86's place ``Xã Tiên Phong Ngủ`` under a right ``XÃ TIÊN PHONG``)."""
    if place is None or not isinstance(place.value, str) or not isinstance(issuer.value, str) or not issuer.read:
        return None
    dropped = [m.group(1) for c in issuer.changes if (m := _DROPPED.match(c))]
    read = issuer.read.split()
    if not read or read[-1] not in dropped:
        return None
    unit = [fold(w) for w in _unit_words(issuer.value)]
    name = split_type(place.value, fold=False)[1].split()
    if not unit or len(name) <= len(unit) or [fold(w) for w in name[:len(unit)]] != unit:
        return None
    return f"the issuer's commune '{' '.join(_unit_words(issuer.value))}' is only the start of the place's " \
        f"'{' '.join(name)}', and its last word read, '{read[-1]}', was dropped as debris: a word of the " \
        "commune's name may be lost"
