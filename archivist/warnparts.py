"""Where a batch warning's file ends and its message begins, for the terminal table's two columns.

A warning is one line, ``<file>: <message>`` or a message alone (report.json keeps the lines as the CLI prints
them). Cutting at the first ``": "`` went wrong both ways: a message with no file that holds ``": "`` (``report.json
could not be written: No space left``, ``removed index.sqlite: the archive's index is in PostgreSQL``) had its first
words put in the file column, and a file whose name holds ``": "`` (``Hồ sơ: đất đai/page-001.jpg``) was cut inside
its name. The file part is the longest head before a ``": "`` that names a file: an input of the batch as it was
shown (a document's label, a failed or skipped path), or a path that exists, from here or in the archive; a page's
``p.N`` after it is kept with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

_PAGE = re.compile(r" p\.\d+$")


def _is_file(head: str, names: set[str], roots: list[Path]) -> bool:
    bare = _PAGE.sub("", head)
    if not bare.strip():
        return False
    if head in names or bare in names:
        return True
    try:
        return any((root / bare).exists() for root in roots) or Path(bare).exists()
    except (OSError, ValueError):  # a name too long for the file system, or holding a NUL: no file of ours
        return False


def part_warning(line: str, names: Iterable[str] = (), roots: Iterable[Path] = ()) -> tuple[str, str]:
    """``(file, message)`` of a warning line; ``("", line)`` when no head of it names a file. ``names``: the
    batch's inputs as its lines show them; ``roots``: folders a file part may be relative to (the archive)."""
    known, folders = set(names), list(roots)
    cut = -1
    at = line.find(": ")
    while at != -1:
        if _is_file(line[:at], known, folders):
            cut = at
        at = line.find(": ", at + 1)
    return (line[:cut], line[cut + 2:]) if cut >= 0 else ("", line)
