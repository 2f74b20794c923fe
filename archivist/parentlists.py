"""A parent body naming a district the unit lists hold under no district (session 49, issue 14 item 9).

Why: sealed seed 478 left HG478 ``typewriter-09-tb-065-my-loc``'s parent issuer ``UBND HUYỆN CAM LỘC`` for ``UBND
HUYỆN CAN LỘC`` (0.813) unflagged: a typed ``N`` read ``M``. :func:`archivist.unitnames.unit_doubt` passed it because
``Cam Lộc`` is a unit's name in the lists, a commune's, and that check asks only whether a name exists at any level.
A parent body headed ``HUYỆN``, ``QUẬN`` or ``THỊ XÃ`` names a district, so its name must be a district's: the
former districts of the lists (``adminunits.district_names_raw``), compared without their level word, since a
district may have become a town or city in the lists (``Huyện Đông Triều`` is ``Thị xã Đông Triều`` there).

Measured over every record stored under ``/work/runs`` (about 200 runs of sessions 20-49, deduplicated by set,
document and value): of the parent issuers written as a district's body, 1,364 right ones all name a district of the
lists; of those naming none, 71 were wrong against their truth and 57 had no truth at hand (a layout's other name),
all flagged already by other reasons but the target. ``THÀNH PHỐ`` is left alone: a centrally run city is a
province, not a district. Without the lists installed nothing is flagged. The value stays as read.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from .confirmations import _DISTRICT_BODY
from .crosscheck import name_key
from .levelwords import DISTRICT

#: the district level words whose body must name a district of the lists (a ``thành phố`` may be a province)
_CHECKED = ("huyện", "quận", "thị xã")
_LEVEL = re.compile(rf"^(?:{'|'.join(sorted(map(re.escape, DISTRICT), key=len, reverse=True))})\s+")


@lru_cache(maxsize=1)
def district_names() -> frozenset[str]:
    """Every former district's name without its level word, as :func:`archivist.crosscheck.name_key` writes it
    (``can lộc``, ``đông triều``, ``côn đảo``); empty without the lists. Made once per database and code, then read
    from the user's cache as :func:`archivist.confirmations.district_wards` is, and only for a document whose
    parent is a district's body."""
    from .adminunits import district_names_raw
    from .unitnames import listed_names

    here = Path(__file__).parent
    return listed_names("district-names", [Path(__file__), here / "unitnames.py", here / "textnorm.py",
                                           here / "adminunits.py"],
                        lambda: {_LEVEL.sub("", name_key(d)) for d in district_names_raw()})


def district_list_doubt(parent: str) -> str | None:
    """Why the parent body ``parent`` is doubtful: it names a district (``UBND HUYỆN CAM LỘC``) whose name no
    district of the lists bears, though another unit may (a commune's ``Cam Lộc``)."""
    m = _DISTRICT_BODY.fullmatch(parent)
    known = district_names() if m else frozenset()
    if not known:
        return None
    unit = name_key(m.group("unit"))
    level = _LEVEL.match(unit)
    if level is None or level.group(0).strip() not in _CHECKED:
        return None
    name = unit[level.end():]
    if name in known:
        return None
    return f"no district of the unit lists is named '{m.group('unit').split(maxsplit=1)[-1]}': a letter misread"
