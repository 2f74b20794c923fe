"""A review flag for a number whose type part is no type code at all, on a document whose type has one (issue 14
item 6, checked for item 9; flags57, session 30).

Why: Decree 30 writes a document's number ``<number>/<type code>-<issuer code>`` (``69/KH-UBND``), and the type
code must be the abbreviation of the document's own type. ``extract`` lowers a number whose type part is *another
type's* code (``TB`` on a plan), and ``numsym.agree_with_heading`` repairs one that is a known misreading of the
heading's code (``HĐ`` under ``NGHỊ ĐỊNH``). HG67 typewriter-09-kh-069's ``69/XH-UBND`` for ``69/KH-UBND`` (0.95)
passed both: ``XH`` is no type's code (so no other type disagrees), it is a known code all the same (the unit code
of ``VH-XH``, so the symbol is not incomplete), and ``X`` for ``K`` is no misreading the grammar tries. The
classification came from the page's heading ``KẾ HOẠCH`` (code ``KH``), and the agreement was never asked.

On the fit basis of session 30 (seeds 22-67 and HG47; ``/work/runs/flags57/tools/typecode57.py``), a number whose
first symbol part is no type code stands on a document whose stored type has a code in **43 wrong numbers (42
flagged already, and the target) and no right one** of the 2,566 right numbers on such documents: a type with a
code always writes it there. Letters (``Công văn``, code None:
``102/UBND-VP``) and the civil forms are left alone, as are Party numbers (``60-NQ/TW``). The rule only flags.

The symbol that is the type's only evidence (session 45, coordinator): where no title was read, the classifier
takes the type from the number's type part, so the two agree by construction and the number keeps its confidence
even when the type is in doubt. Sealed HG299 speckle-24's ``05/TT-UBND`` for ``05/TTr-UBND`` (0.95, unflagged; the
title ``TỜ TRÌNH`` lost to the specks) stood on a type ``Thông tư`` sent to review against the words of a ``Tờ
trình``: one misread letter made both values, and only one was flagged. A type in doubt that rests on the type part
alone puts the type part in the same doubt.
"""

from __future__ import annotations

from typing import Any

from .calibration import threshold_for
from .classify import THRESHOLD
from .doctypes import load_table
from .fields import Field
from .numsym import parse_number_symbol
from .untyped import flag_untyped


def type_part_doubt(value: object, code: str | None) -> str | None:
    """Why a number/symbol ``value`` is doubtful on a document of type code ``code``: its type part (the first
    part of the symbol) is the code of no type, while the document's type has a code."""
    if not code or not isinstance(value, str):
        return None
    ns = parse_number_symbol(value)
    if ns is None or ns.party or not ns.parts or load_table().types_for_code(ns.parts[0]):
        return None
    return f"the type part '{ns.parts[0]}' is no type's code; the document is of type code '{code}'"


def type_source_doubt(value: object, cls: Any) -> str | None:
    """Why a number/symbol ``value`` is doubtful when it alone gave the document its type (no title read) and
    that type is itself in doubt (the module docstring: the symbol that is the type's only evidence)."""
    code = getattr(cls, "code", None)
    signals = getattr(cls, "signals", None) or []
    if not code or not isinstance(value, str) or any(s.startswith("title") for s in signals):  # title(-like) read
        return None
    if not (cls.needs_review or cls.confidence < threshold_for("type", THRESHOLD)):
        return None
    ns = parse_number_symbol(value)
    if ns is None or ns.party or not ns.parts or ns.parts[0] != code:
        return None
    return (f"the type part '{code}' is the only evidence of the type ({cls.type}, no title read), "
            f"and that type is in doubt")


def flag_type_part(found: dict[str, Field], cls: Any) -> None:
    """Mark the number/symbol and the symbol for review when the symbol's type part is no type code while the
    document's classification ``cls`` has one, or when it alone gave a type in doubt (the number's digits are not
    in question)."""
    num = found.get("number_symbol")
    if num is None or num.review:
        return
    code = getattr(cls, "code", None)
    num.review = type_part_doubt(num.value, code) or type_source_doubt(num.value, cls)
    sym = found.get("symbol")
    if num.review and sym is not None and not sym.review:
        sym.review = num.review


def flag_type(found: dict[str, Field], cls: Any) -> None:
    """The type's flags on ``found``: a number's type part in doubt (:func:`flag_type_part`), and, on a document
    whose type could not be told, the fields most types carry left empty (:func:`archivist.untyped.flag_untyped`)."""
    flag_type_part(found, cls)
    flag_untyped(found, cls)
