"""Section numerals read back by their order across a document's pages, not page by page only (session 40).

Why: :func:`archivist.sections.correct_numerals` reads ``H.``/``HI.`` back as ``II.``/``III.`` on a page whose
sections started with ``I.``; a report's ``I.`` stands on its first page and ``II.`` and ``III.`` on its second,
where the page alone gives no order: ``II. … / II. PHƯƠNG HƯỚNG`` and ``H. … / HI. PHƯƠNG HƯỚNG`` stayed as read
(seeds 147, 149, 150, 152 and HG129's report pages 2; bench/RESULTS.md, "Table pages, the whole page lost and the
merged lines (session 40)"). Here the order the earlier pages of the same document reached is carried to the
next. Only within one document: a dossier is cut into its documents first (a next document's header ``H. ĐÔNG
TRIỀU`` is a district, and no numeral goes before its ``I.``).
"""

from __future__ import annotations

from dataclasses import replace

from .models import PageResult
from .ocr import text_from_words
from .sections import order_numerals


def carry_numerals(pages: list[PageResult]) -> list[PageResult]:
    """The document's ``pages`` with each page's numerals read in the order the pages before it reached; a page
    nothing changed on is returned as it was."""
    out, seen = [], 0
    for page in pages:
        words, seen = order_numerals(page.words, seen)
        if words == page.words:
            out.append(page)
            continue
        read = text_from_words(words)
        out.append(replace(page, words=read.words, text=read.text))
    return out
