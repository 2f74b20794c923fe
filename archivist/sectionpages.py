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

import unicodedata
from dataclasses import replace

from .models import PageResult
from .ocrfix import text_of
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
        text = unicodedata.normalize("NFC", text_of(words)).strip()  # as ocr.text_from_words (without NumPy, which
        out.append(replace(page, words=words, text=text))  # the main process does not import: test_fixed_costs)
    return out
