"""FTS5 match expressions of a parsed query (archivist.query), for the SQLite backend.

Every word the user typed reaches FTS5 only inside a double-quoted token, so no query text can be
read as FTS5 syntax or SQL; the expression itself is passed as a bound parameter.
"""

from __future__ import annotations

from collections.abc import Callable

from .query import Node, Not, Or, Term

Expand = Callable[[str], list[str] | None]


def _phrase(words: tuple[str, ...], prefix: bool, expand: Expand | None = None) -> str:
    full = expand(words[-1]) if prefix and expand and words else None
    if full:  # the prefix as the words that have it: FTS5 merges those lazily, newest first
        return "(" + " OR ".join(_phrase((*words[:-1], w), False) for w in full) + ")"
    return '"' + " ".join(w.replace('"', '""') for w in words) + '"' + ("*" if prefix else "")


def fts_all(node: Node, expand: Expand | None = None) -> str:
    """FTS5 expression of the query on folded tokens; user text appears only as quoted tokens.

    ``expand`` may turn a prefix into the indexed words that start with it (see SqliteIndex._expand).
    """
    if isinstance(node, Term):
        return _phrase(node.folded, node.prefix, expand)
    if isinstance(node, Or):
        return "(" + " OR ".join(fts_all(x, expand) for x in node.items) + ")"
    expr = "(" + " AND ".join(fts_all(x, expand) for x in node.items if not isinstance(x, Not)) + ")"
    negated = [fts_all(x.item, expand) for x in node.items if isinstance(x, Not)]
    return f"({expr} NOT ({' OR '.join(negated)}))" if negated else expr


def fts_exact(node: Node) -> str:
    """Pages holding the words as typed, a superset: phrases become AND, NOT is dropped (no positions)."""
    if isinstance(node, Term):
        last = len(node.words) - 1
        return "(" + " AND ".join(_phrase((w,), node.prefix and i == last) for i, w in enumerate(node.words)) + ")"
    items = [fts_exact(x) for x in node.items if not isinstance(x, Not)]
    return "(" + (" OR " if isinstance(node, Or) else " AND ").join(items) + ")"
