"""The fields a document whose type could not be told is still asked for (issue 14 item 9, session 46).

Why: a type's required fields (:func:`archivist.required.required_fields`) come from its type or kind, and a
document left ``unknown`` has neither, so it asked for nothing: on session 45's sealed HG299 faded-17-cv-111 (a
letter whose faded title was not read, its type ``unknown`` and flagged) left its place and its subject empty
with no word on the review sheet about them. The type's flag sends the document to review, but the sheet then lists
only the type, and the reviewer is not told that the catalogue entry also lacks its subject.

Which fields: those at least :data:`MOST` of the four kinds of document ask for (archivist/data/doctypes.json's
``expected_fields``, a civil-status record's subject being its title: :data:`archivist.required.CIVIL_SUBJECT`):
date and issuer (all four), subject, place, signer and signer's position (three). A field one kind alone asks for
(a number, a recipients list, a civil record's person) is not: the document may be of any kind. A document from
which nothing was read (a page without text: :mod:`archivist.notext`) is left as it is: its metadata is empty for
review by design, and the sheet says so once for the page.

A list read under ``Nơi nhận`` (a recipients list) tells more than the type's absence: only the types of
:data:`MARKS`'s field print one (28 administrative types; no civil-status record, land paper or petition), so such
a document is also asked for what every one of those types carries (:func:`marked_fields`): its number and symbol.
Session 48's HG460 faded-17-cv-009 (a letter whose faded title, ``Số:`` line and ``V/v`` lines were all lost, its
type ``unknown``) stored its recipients, authority and signer, and an empty number with no word on the review sheet.
Over session 48's 192 stored runs a recipients list was read on 1,746 administrative documents and on none of 322
civil-status records, land papers and petitions (their truth matched), whereas an authority (``TM.``, ``TL.``) is
printed and read on civil-status records (62) and land papers (10) too: the authority is not such a mark.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import Any

from .doctypes import KINDS, UNKNOWN, load_table
from .fields import Field, missing
from .required import CIVIL_SUBJECT, NEEDED, NOT_FOUND

#: a field so many of the four kinds ask for is asked of a document whose type could not be told
MOST = 3
#: values every document holds whatever was read (not evidence that the document has text)
ALWAYS = frozenset({"page_count", "language"})
#: a field read only on the types that print it: once read, it tells the document is one of those types
MARKS = ("recipients",)


@lru_cache(maxsize=1)
def common_fields() -> frozenset[str]:
    """The fields at least :data:`MOST` of the kinds of document (not ``unknown``) ask for."""
    table = load_table()
    count: Counter[str] = Counter()
    for kind in (k for k in KINDS if k != UNKNOWN):
        count.update(set(table.expected.get(kind, ())) | (CIVIL_SUBJECT if kind == "civil_status" else set()))
    return frozenset(name for name, n in count.items() if n >= MOST)


def marked_fields(mark: str) -> frozenset[str]:
    """The fields every type that carries the field ``mark`` also carries (for ``recipients``: the number and
    symbol, date, issuer, place, signer and position): what a document that showed ``mark`` is asked for."""
    sets = [set(t.expects) for t in load_table().types if mark in t.expects]
    return frozenset(set.intersection(*sets)) if sets else frozenset()


def asked_fields(found: dict[str, Field]) -> dict[str, str | None]:
    """The fields a document whose type could not be told is asked for, each with the mark that asks it (None for
    :func:`common_fields`): those, and :func:`marked_fields` for each of :data:`MARKS` it shows (a recipients list
    read)."""
    asked: dict[str, str | None] = dict.fromkeys(common_fields())
    for mark in MARKS:
        f = found.get(mark)
        if f is not None and f.value not in (None, "", []):
            asked.update({name: mark for name in marked_fields(mark) if name not in asked})
    return asked


def untyped_reason(name: str, mark: str | None = None) -> str:
    """What the review sheet says of such a field left empty: that the type was not told, why the field is asked
    (most types carry it, or every type that prints the ``mark`` the document shows does), and where to read it."""
    where = NEEDED.get(name, "").split("; ", 1)[-1]
    why = f"every type with a {mark} list carries this field" if mark else "most types carry this field"
    return f"{NOT_FOUND}: the type could not be told, and {why}" + (f"; {where}" if where else "")


def flag_untyped(found: dict[str, Field], cls: Any) -> None:
    """Mark for review each of :func:`asked_fields` that ``found`` leaves empty when the classification ``cls``
    could not tell the type and some value was read (a date, an issuer, a number: the document has text)."""
    if getattr(cls, "type", UNKNOWN) != UNKNOWN:
        return
    if not any(f.value not in (None, "", []) for name, f in found.items() if name not in ALWAYS):
        return
    for name, mark in sorted(asked_fields(found).items()):
        f = found.get(name)
        if f is None:
            f = found[name] = missing()
        if f.value in (None, "", []) and not f.review:
            f.review = untyped_reason(name, mark)
