"""Counts in plain English for the messages a person reads: ``1 document``, ``2 documents``.

One helper rather than ``document(s)`` or a bare ``{n} documents`` in each message, so "Indexed 1 documents"
cannot come back in one of them; ``--json`` output keeps its numbers and is not worded here.
"""

from __future__ import annotations

#: Words whose plural is not the word and an ``s``.
IRREGULAR = {"entry": "entries", "copy": "copies"}


def plural(n: int, word: str, many: str | None = None) -> str:
    """``n`` and ``word``, the word in the plural unless ``n`` is 1 (``many`` for an irregular plural)."""
    return f"{n} {word if n == 1 else many or IRREGULAR.get(word, word + 's')}"
