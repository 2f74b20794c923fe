"""Counts in messages: singular for 1 (archivist/plural.py), and no ``(s)`` left in a message a person reads."""

from __future__ import annotations

import re
from pathlib import Path

from archivist.plural import plural

SOURCES = Path(__file__).resolve().parent.parent / "archivist"


def test_one_is_singular_others_plural() -> None:
    assert [plural(n, "document") for n in (0, 1, 2)] == ["0 documents", "1 document", "2 documents"]
    assert plural(1, "entry") == "1 entry" and plural(3, "entry") == "3 entries"
    assert plural(1, "document belongs", "documents belong") == "1 document belongs"
    assert plural(4, "document belongs", "documents belong") == "4 documents belong"


def test_no_message_says_s_in_brackets() -> None:
    """``1 correction(s) applied to 1 document(s)`` read as a form, not a sentence: every count goes through
    :func:`plural` (a ``(s)`` in an f-string is a message that does not)."""
    found = [f"{p.name}:{n}" for p in sorted(SOURCES.glob("*.py"))
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), start=1)
             if re.search(r"""f["'].*\{[^}]+\}[^"']*\w\(s\)""", line)]
    assert found == []

