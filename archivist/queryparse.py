"""The search language, parsed in Python so that every index backend runs the same query.

Words (``quyet dinh``: both must appear), ``"phrases in quotes"``, prefixes (``khai*``, at least
two letters), ``OR``, ``NOT`` (also ``-word``), ``AND``, parentheses. A word with inner punctuation
— a number and symbol such as ``45/QĐ-UBND`` or ``45/QD-UBND`` — is the phrase of its parts, so it
matches as users type it. Precedence: NOT, then AND (also implied between words), then OR.

A malformed query raises :class:`QueryError` whose message is one line saying what to fix; the
parser raises nothing else on any input (a property test checks this). User text only ever reaches
a database as a bound parameter, and only as tokens made of letters and digits.

Why a module of its own: the parser and the tree it builds are all the PostgreSQL backend needs to compile a query
(:mod:`archivist.index_pg`); the ranking and snippets are :mod:`archivist.query`'s. Moved out of query byte for byte
(session 48), which was at its 400 lines; query still re-exports every name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from .textnorm import exact_tokens, fold_tokens, has_marks

MAX_LENGTH = 1000
MAX_TERMS = 24
MAX_DEPTH = 16
MIN_PREFIX = 2


class QueryError(ValueError):
    """A query the user must fix; the message says how, in one line."""


@dataclass(frozen=True)
class Term:
    """One word or a phrase (several words in order); ``prefix``: the last word is a prefix."""

    words: tuple[str, ...]  # exact forms: NFC, tone placement normalised, lower case
    prefix: bool = False

    @cached_property
    def folded(self) -> tuple[str, ...]:
        return tuple(fold_tokens(list(self.words)))

    @cached_property
    def has_marks(self) -> bool:
        return any(has_marks(w) for w in self.words)


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

OPERATORS = frozenset({"AND", "OR", "NOT"})
_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"'})
_LEX = re.compile(r'\s*(?:(?P<quote>"[^"]*(?:"\*?)?)|(?P<lp>\()|(?P<rp>\))|(?P<word>[^\s()"]+))')


def _lex(query: str) -> list[tuple[str, str]]:
    out = []
    for m in _LEX.finditer(query):
        kind = m.lastgroup
        if kind is None:  # only trailing whitespace was left
            continue
        val = m.group(kind)
        if kind == "quote" and not re.search(r'"\*?$', val[1:]):
            raise QueryError('a quotation mark is not closed: add the closing " after the phrase')
        out.append((kind, val))
    return out


class _Parser:
    """Recursive descent over the lexed tokens: or_expr := and_expr (OR and_expr)*;
    and_expr := unary ((AND)? unary)*; unary := NOT unary | -word | ( or_expr ) | word | "phrase"."""

    def __init__(self, tokens: list[tuple[str, str]]) -> None:
        self.t = tokens
        self.i = 0
        self.depth = 0
        self.terms = 0

    def peek(self) -> tuple[str, str] | None:
        return self.t[self.i] if self.i < len(self.t) else None

    def _is(self, op: str) -> bool:
        return self.peek() == ("word", op)

    def _operand_follows(self) -> bool:
        nxt = self.peek()
        return nxt is not None and nxt[0] != "rp" and nxt not in (("word", "AND"), ("word", "OR"))

    def parse(self) -> Node:
        node = self.or_expr()
        if self.peek() is not None:
            raise QueryError("a closing parenthesis ')' has no opening one")
        return node

    def or_expr(self) -> Node:
        items = [self.and_expr()]
        while self._is("OR"):
            self.i += 1
            if not self._operand_follows():
                raise QueryError("OR needs a word on both sides, e.g. 'khai sinh OR khai tu'")
            items.append(self.and_expr())
        return _simplify(Or, items)

    def and_expr(self) -> Node:
        items: list[Node] = []
        while self._operand_follows() or self._is("AND"):
            if self._is("AND"):
                self.i += 1
                if not items or not self._operand_follows():
                    raise QueryError("AND needs a word on both sides, e.g. 'dat dai AND xay dung'")
                continue
            node = self.unary()
            if node is not None:
                items.append(node)
        if not items:
            nxt = self.peek()
            if nxt == ("word", "OR"):
                raise QueryError("OR needs a word on both sides, e.g. 'khai sinh OR khai tu'")
            if nxt is not None and nxt[0] == "rp" and self.depth:
                raise QueryError("a parenthesis holds nothing to search for")
            raise QueryError("the query has nothing to search for: type words, a \"phrase\" or a number")
        if all(isinstance(x, Not) for x in items):
            raise QueryError("NOT only excludes: say what to find too, e.g. 'ubnd NOT khen thuong'")
        return _simplify(And, items)

    def unary(self) -> Node | None:
        kind, val = self.t[self.i]
        self.i += 1
        if kind == "word" and (val == "NOT" or (val.startswith("-") and len(val) > 1)):
            if val != "NOT":
                self.t.insert(self.i, ("word", val[1:]))
            elif not self._operand_follows() or self._is("NOT"):
                raise QueryError("NOT needs a word after it, e.g. 'ubnd NOT khen thuong'")
            inner = self.unary()
            if inner is None:
                raise QueryError("NOT needs a word after it, e.g. 'ubnd NOT khen thuong'")
            return Not(inner)
        if kind == "lp":
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise QueryError(f"the query nests parentheses more than {MAX_DEPTH} deep")
            if self.peek() is None:
                raise QueryError("a parenthesis '(' is not closed")
            node = self.or_expr()
            if self.peek() is None or self.peek()[0] != "rp":
                raise QueryError("a parenthesis '(' is not closed")
            self.i += 1
            self.depth -= 1
            return node
        if kind == "rp":
            raise QueryError("a closing parenthesis ')' has no opening one")
        if kind == "quote":
            inner = val[1:].rstrip("*").removesuffix('"')
            prefix = val.endswith("*") or inner.endswith("*")
            words = tuple(exact_tokens(inner))
            if not words:
                raise QueryError("a quoted phrase is empty")
            return self._term(words, prefix, val)
        words = tuple(exact_tokens(val))
        if not words:
            return None  # punctuation alone ("-", "/"): nothing to search, ignored
        term = self._term(words, val.endswith("*"), val)
        return _any_zeros(term) if "/" in val else term

    def _term(self, words: tuple[str, ...], prefix: bool, typed: str) -> Term:
        self.terms += 1
        if self.terms > MAX_TERMS:
            raise QueryError(f"the query has more than {MAX_TERMS} words or phrases")
        if prefix and len(fold_tokens([words[-1]])[0]) < MIN_PREFIX:
            shown = " ".join(typed.split())[:40]  # the message stays one line whatever was typed
            raise QueryError(f"'{shown}': a prefix needs at least {MIN_PREFIX} letters or digits before *")
        return Term(words, prefix)


def _any_zeros(term: Term) -> Node:
    """A document's number and symbol typed with or without the number's leading zeros: Decree 30 prints numbers
    below ten as ``01/BB-UBND``, and a user types ``1/BB-UBND``, or ``016/BB-UBND`` as a file was named for
    ``16/BB-UBND``; each finds the document whichever of the two ways its page prints the number (the number
    as typed, without its zeros, and with one for a single digit)."""
    first = term.words[0]
    if len(term.words) < 2 or not first.isascii() or not first.isdigit():
        return term
    n = first.lstrip("0") or "0"
    forms = dict.fromkeys((first, n, n.zfill(2)))
    return term if len(forms) == 1 else Or(tuple(Term((f, *term.words[1:]), term.prefix) for f in forms))


def _simplify(kind: type[And] | type[Or], items: list[Node]) -> Node:
    flat: list[Node] = []
    for x in items:
        flat.extend(x.items if isinstance(x, kind) else (x,))
    return flat[0] if len(flat) == 1 else kind(tuple(flat))


def parse(query: str) -> Node:
    """Parse a search query into a tree; raises QueryError (one line) and nothing else."""
    if not isinstance(query, str) or not query.strip():
        raise QueryError("the query is empty")
    if len(query) > MAX_LENGTH:
        raise QueryError(f"the query is too long (over {MAX_LENGTH} characters)")
    return _Parser(_lex(query.translate(_QUOTES))).parse()


def all_terms(node: Node) -> list[Term]:
    """Every term of a query, negated or not (each once, in order)."""
    if isinstance(node, Term):
        return [node]
    items = (node.item,) if isinstance(node, Not) else node.items
    return list(dict.fromkeys(t for item in items for t in all_terms(item)))


def positive_terms(node: Node) -> list[Term]:
    """The terms a hit must or may contain (not those under NOT): what is scored and highlighted."""
    if isinstance(node, Term):
        return [node]
    if isinstance(node, Not):
        return []
    return list(dict.fromkeys(t for item in node.items for t in positive_terms(item)))

