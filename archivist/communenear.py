"""A place one character from the commune its page names everywhere else (seventy-seventh round of issue 14 item 9).

Why: HG92's extract read its place line ``Xã Hỏi Xuân`` (a speck on the vowel) and the marks were restored to
``Xã Hội Xuân``, a real commune's name, so :func:`archivist.crosscheck.unit_doubt` passed it; the issuer's
commune line was read glued (``XAHÃIXUÂN.``), so :func:`archivist.crosscheck.commune_doubt` had no commune to
set against it, and :func:`archivist.agreement.place_twin_doubt` looks only for the same letters with other marks.
The body named ``xã Hải Xuân`` five times, one letter from the place, and ``Hội Xuân`` nowhere.

A place is the commune of the issuer, and the page's other lines name it (the issuer's heading, the parties'
and the registration's addresses); a place whose name no other line writes while another line writes a real
unit one letter or mark away is a misread of that unit. On the fit basis (seeds 22-80, 87-92, HG47; 4,816 places)
that held for 5 wrong places (4 flagged already by the issuer comparison) and for no right one. Both names must be
units of the installed lists (``crosscheck.unit_names``), as the other unit checks ask. What it would send to review
wrongly: a real document whose body names a neighbouring unit one letter from the place while the place's own name
is written only on its line (the generated pages name the issuer's commune in the heading, so they hold no such case).
The evidence is the page's own words; the unit lists only say both spellings are real.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz.distance import Levenshtein

from .crosscheck import name_key, unit_name, unit_names
from .fields import Field
from .levelwords import LEVEL
from .placeflags import case_slip_doubt


def one_apart(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by exactly one character (one put for another, one added or one left out);
    a precomposed letter with its marks is one character, so ``ả`` for ``ộ`` is one."""
    return Levenshtein.distance(a, b) == 1


def _first_unit(text: str, whole: bool = False) -> str | None:
    """The unit name of ``text``'s first part (up to a comma, a semicolon or a bracket), as
    :func:`archivist.crosscheck.unit_doubt` reads a value's parts."""
    return unit_name(re.split(r"[,;(]", text)[0], whole=whole)


def named_units(texts: Sequence[str], skip: str | None) -> list[str]:
    """The unit names the lines of ``texts`` write after a level word (``xã``, ``huyện``, ``XÃ`` …), each up to a
    comma, a semicolon or a bracket; lines holding ``skip`` (the place's own line) left out."""
    out = []
    for line in texts:
        if skip and skip in line:
            continue
        hits = list(LEVEL.finditer(line + " "))
        for k, hit in enumerate(hits):
            seg = line[hit.start():hits[k + 1].start() if k + 1 < len(hits) else len(line)]
            if name := _first_unit(seg):
                out.append(name)
    return out


def place_near_doubt(place: str, others: Sequence[str]) -> str | None:
    """Why ``place`` is doubtful given the unit names ``others`` written elsewhere on its page: none of them is the
    place's own name and one, a real unit as the place is, is one character from it."""
    known = unit_names()
    own = _first_unit(place, whole=True)
    if not own or name_key(own) not in known or any(name_key(o) == name_key(own) for o in others):
        return None
    near = next((o for o in others if name_key(o) in known and one_apart(name_key(o), name_key(own))), None)
    return f"the place '{own}' is written nowhere else on the page, which names '{near}'" if near else None


def flag_place_near(found: dict[str, Field], texts: Sequence[str]) -> None:
    """Mark the place for review when the page's other lines and the issuer name a unit one character from it and
    never the place itself (:func:`place_near_doubt`), or a word of it mixes cases
    (:func:`archivist.placeflags.case_slip_doubt`; after the confirmations, so the issuer the place agrees with
    letter for letter keeps its confirmation). Flags only: the value and its confidence are kept."""
    place, issuer = found.get("place"), found.get("issuer")
    if place is None or not isinstance(place.value, str) or place.review:
        return
    others = named_units(texts, place.source_text or place.value)
    heading = _first_unit(issuer.value) if issuer and isinstance(issuer.value, str) else None
    others += [heading] if heading else []
    place.review = place_near_doubt(place.value, others) or case_slip_doubt(place.value)  # flags136: `PHong`
