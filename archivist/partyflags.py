"""A form's person taken from the second party's name line (sixty-eighth round of issue 14 item 9).

Why: a marriage certificate prints two parties, each a block of labelled lines (``Họ, chữ đệm, tên:``, then
``Ngày, tháng, năm sinh:``, ``Dân tộc:``, ``Nơi cư trú:``, ``Giấy tờ tùy thân:``); the record's person is the first
party's name. :mod:`archivist.civil` takes the first line its name label matches, so when the first party's label is
misread (sealed seed 80: HG80 speckle-22-ket-hon-118's ``Hợ, chữ đệm, tên NGUYÊN VĂN HÙNG``, its colon lost) the
second party's name is stored, read whole and sure (``Lê Thu Oanh`` at 0.818). The page still says so: a party's
block (its birth date, ethnicity, residence or ID line) was read *before* the label the person was taken from, so
that label is not the form's first. A label naming its role (``Họ, chữ đệm, tên người được nhận là con:``,
``… người chết:``) says whose name it is and is not judged: a recognition of parentage names the person recognised
after the one recognising, by design.

Measured on the fit basis, seeds 22-80 and HG47 (bench/RESULTS.md, "Flags, sixty-eighth round (session 31)"):
persons taken from a plain label with a party's block before it were 4, all wrong (HG35, HG61, HG65, HG80), none
right. Flags only; the value is kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

#: the labels of a party's block other than its name, folded (no marks, ``d`` for ``đ``, lower case)
PARTY_LABEL = re.compile(r"ngay,?\s*thang,?\s*nam\s*sinh|dan\s*toc|noi\s*cu\s*tru|giay\s*to\s*tuy\s*than")
#: a name label naming its role (``người được nhận là con``, ``người chết`` …): it says whose name follows
_ROLE = re.compile(r"\bnguoi\b")


def other_party_doubt(label: str, before: Sequence[str]) -> str | None:
    """Why the person is doubtful: ``label`` (the folded name label it was read after) names no role, and one of
    the folded lines ``before`` it on the form is a party's block line: the person's label is not the form's first,
    the first party's was misread and the name taken is the second party's."""
    if _ROLE.search(label):
        return None
    for text in before:
        if m := PARTY_LABEL.search(text):
            return (f"a party's '{m.group(0)}' line is read before the name label the person was taken from: "
                    "the first party's name label was misread, the name may be the second party's")
    return None
