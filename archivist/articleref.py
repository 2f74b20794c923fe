"""A recipients item naming an article the document does not have (``Như Điều 8`` where the decision's articles are
1 to 3), as a review flag (issue 14 item 9, session 47).

Why: session 46's sealed pair left a decision's recipients stored ``Như Điều 8`` for ``Như Điều 3`` without a flag: a
``3`` read ``8``, every letter of the formula right, so :func:`archivist.lostwords.formula_doubt` (an item a letter
or two from the formula) sees nothing. The formula names the article that says who executes the decision (Decree
30's recipients of a decision: ``Như Điều 3``), an article the same document writes as a heading (``Điều 3.``). An
item whose number opens none of the document's article lines, where the document has such lines, is the number
misread (or the heading: either way a person should look). A document with no article heading read is not judged.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Any

from .fields import Field, flag_recipients
from .ocrtext import _fold

#: the formula's item: ``Như Điều 3`` (folded, its end punctuation aside)
_ITEM = re.compile(r"^\W*nhu\s+dieu\s+(\d{1,2})\W*$")
#: an article heading opening a line: ``Điều 3.``, ``Điều 3:`` (folded)
_HEADING = re.compile(r"^\W{0,2}dieu\s+(\d{1,2})\s*[.:]")


def article_numbers(text: str) -> set[int]:
    """The numbers of the article headings (``Điều 3.``) opening ``text``'s lines."""
    return {int(m.group(1)) for ln in text.splitlines() if (m := _HEADING.match(_fold(ln.strip())))}


def article_doubt(items: Sequence[Any], text: str) -> str | None:
    """Why a recipients list (``items``) may hold a misread article number: an item ``Như Điều N`` whose N opens
    none of the document's article lines (``text``: its lines), the document having some."""
    articles = article_numbers(text)
    if not articles:
        return None
    for item in items:
        if isinstance(item, str) and (m := _ITEM.match(_fold(unicodedata.normalize("NFC", item)))):
            if int(m.group(1)) not in articles:
                found = ", ".join(str(n) for n in sorted(articles))
                return (f"'{item.strip()}' names article {m.group(1)}, but the document's articles read are "
                        f"{found}: a digit may be misread")
    return None


def flag_article_ref(found: dict[str, Field], text: str) -> None:
    """Mark for review a recipients list with an item naming an article the document does not have
    (:func:`article_doubt`)."""
    flag_recipients(found, lambda items: article_doubt(items, text))
