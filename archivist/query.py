"""The search language, parsed in Python so every index backend runs the same query.

Words (``quyet dinh``: both must appear), ``"phrases in quotes"``, prefixes (``khai*``), ``OR``,
``NOT``, ``AND`` and parentheses; a number and symbol (``45/QĐ-UBND``, ``45/QD-UBND``) is matched
as the run of its parts. A malformed query raises :class:`QueryError` with a one-line reason;
user text only ever reaches a database as a bound parameter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .textnorm import exact, fold


class QueryError(ValueError):
    """A query the user must fix; the message says how, in one line."""


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]  # as typed (NFC, tone-normalised, lower case); several = a phrase
    prefix: bool = False

    @property
    def folded(self) -> tuple[str, ...]:
        return tuple(fold(w) for w in self.words)

    @property
    def has_marks(self) -> bool:
        return any(fold(w) != w for w in self.words)


@dataclass(frozen=True)
class Not:
    item: Node


@dataclass(frozen=True)
class And:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    items: tuple[Node, ...]


Node = Term | Not | And | Or

_TOKEN = re.compile(r'\s*(?:(?P<quote>"[^"]*"?)|(?P<lp>\()|(?P<rp>\))|(?P<word>[^\s()"]+))')
_NUMBER = re.compile(r"^\d+(?:/[\w.-]+)+$")
_SPLIT = re.compile(r"[\w]+")
OPERATORS = {"AND", "OR", "NOT"}


def _words(text: str) -> tuple[str, ...]:
    return tuple(_SPLIT.findall(exact(text)))


def _tokens(q: str) -> list[tuple[str, str]]:
    out, pos = [], 0
    while pos < len(q):
        m = _TOKEN.match(q, pos)
        if not m or m.end() == pos:
            break
        pos = m.end()
        kind = m.lastgroup
        val = m.group(kind)
        if kind == "quote" and (len(val) < 2 or not val.endswith('"')):
            raise QueryError('a quotation mark is not closed: add the closing " after the phrase')
        out.append((kind, val))
    return out


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]]) -> None:
        self.t = tokens
        self.i = 0

    def peek(self) -> tuple[str, str] | None:
        return self.t[self.i] if self.i < len(self.t) else None

    def take(self) -> tuple[str, str]:
        tok = self.t[self.i]
        self.i += 1
        return tok

    def parse(self) -> Node:
        node = self.or_expr()
        if self.peek() is not None:
            raise QueryError("a closing parenthesis ')' has no opening one")
        return node

    def or_expr(self) -> Node:
        items = [self.and_expr()]
        while self.peek() == ("word", "OR"):
            self.take()
            if self.peek() is None or self.peek()[0] == "rp":
                raise QueryError("OR needs a word after it")
            items.append(self.and_expr())
        return items[0] if len(items) == 1 else Or(tuple(items))

    def and_expr(self) -> Node:
        items: list[Node] = []
        while (tok := self.peek()) is not None and tok[0] != "rp" and tok != ("word", "OR"):
            if tok == ("word", "AND"):
                self.take()
                if not items:
                    raise QueryError("AND needs a word before it")
                nxt = self.peek()
                if nxt is None or nxt[0] == "rp" or nxt[1] in OPERATORS - {"NOT"}:
                    raise QueryError("AND needs a word after it")
                continue
            if tok == ("word", "NOT"):
                self.take()
                if self.peek() is None or self.peek()[0] == "rp" or self.peek()[1] in OPERATORS:
                    raise QueryError("NOT needs a word after it")
                neg = self.unary()
                if neg is None:
                    raise QueryError("NOT needs a word after it")
                items.append(Not(neg))
                continue
            node = self.unary()
            if node is not None:
                items.append(node)
        if not items and self.i > 0 and all(k == "word" for k, _ in self.t):
            raise QueryError("the query has no letters or digits to search for")
        if not items:
            raise QueryError("the query is empty" if self.i == 0 else "an operator has nothing on one side")
        if all(isinstance(x, Not) for x in items):
            raise QueryError("NOT needs a word to keep: e.g. 'ubnd NOT khen'")
        return items[0] if len(items) == 1 else And(tuple(items))

    def unary(self) -> Node | None:
        """One term or parenthesised group; None for punctuation typed alone (``-``, ``&``), ignored."""
        kind, val = self.take()
        if kind == "lp":
            if self.peek() is None:
                raise QueryError("a parenthesis '(' is not closed")
            node = self.or_expr()
            if self.peek() is None or self.peek()[0] != "rp":
                raise QueryError("a parenthesis '(' is not closed")
            self.take()
            return node
        if kind == "rp":
            raise QueryError("a closing parenthesis ')' has no opening one")
        if kind == "quote":
            words = _words(val[1:-1])
            if not words:
                raise QueryError("a quoted phrase is empty")
            return Term(words)
        prefix = val.endswith("*")
        core = val.rstrip("*")
        if _NUMBER.match(core):
            return Term(_words(core))
        words = _words(core)
        if not words:
            return None
        if prefix and len(words) > 1:
            return And((Term(words[:-1]), Term(words[-1:], True)))
        return Term(words, prefix) if len(words) == 1 else Term(words)


def parse(query: str) -> Node:
    """Parse a search query into a tree; raises QueryError with a one-line reason."""
    if not query or not query.strip():
        raise QueryError("the query is empty")
    if len(query) > 1000:
        raise QueryError("the query is too long (over 1000 characters)")
    return _Parser(_tokens(query)).parse()


def terms(node: Node) -> list[Term]:
    """The positive terms of a query (for highlighting)."""
    if isinstance(node, Term):
        return [node]
    if isinstance(node, Not):
        return []
    return [t for item in node.items for t in terms(item)]
