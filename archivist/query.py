"""The search language, parsed in Python so that every index backend runs the same query.

Words (``quyet dinh``: both must appear), ``"phrases in quotes"``, prefixes (``khai*``, at least
two letters), ``OR``, ``NOT`` (also ``-word``), ``AND``, parentheses. A word with inner punctuation
— a number and symbol such as ``45/QĐ-UBND`` or ``45/QD-UBND`` — is the phrase of its parts, so it
matches as users type it. Precedence: NOT, then AND (also implied between words), then OR.

A malformed query raises :class:`QueryError` whose message is one line saying what to fix; the
parser raises nothing else on any input (a property test checks this). User text only ever reaches
a database as a bound parameter, and only as tokens made of letters and digits.

The module also decides, from a page's token strings alone, whether the page matches and how well
(:class:`Ranker`: BM25, field weights, exact diacritics first) and builds its snippet
(:func:`make_snippet`): both are backend-independent, so every index backend gives the same hits.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from .textnorm import exact_tokens, fold_tokens, has_marks, nfc, tokenize

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


terms = positive_terms  # the name archivist.index_pg uses


# --- evaluation and ranking on token strings --------------------------------------------------
# A field is stored as its tokens joined by single spaces with a space at each end (" quyet dinh "),
# so counting " w1 w2 " counts a phrase and " w1 w2" a phrase whose last word is a prefix.

K1, B = 1.2, 0.75  # BM25
META_WEIGHT = 3.0  # a word of the type, number or subject counts this many times a word of the page
PREFIX_IDF = 1.0  # a prefix stands for many words: weighted as a moderately rare one
SNIPPET_TOKENS = 24


def pad(tokens: list[str]) -> str:
    """A field as stored: ``" a b c "``, or ``""`` when empty."""
    return f" {' '.join(tokens)} " if tokens else ""


def needle(term: Term, exact: bool = False) -> str:
    words = term.words if exact else term.folded
    return " " + " ".join(words) + ("" if term.prefix else " ")


def idf_words(node: Node) -> list[str]:
    """The folded words whose page frequency the ranking needs (whole words of positive terms)."""
    return sorted({w for t in positive_terms(node) for w in (t.folded[:-1] if t.prefix else t.folded)})


@dataclass
class Collection:
    """What BM25 needs of the whole index: page count, mean field lengths, page frequency of words."""

    pages: int
    avg_body: float
    avg_meta: float
    df: dict[str, int]


def _matcher(node: Node) -> Callable[[dict[Term, bool]], bool]:
    if isinstance(node, Term):
        return lambda found: found[node]
    if isinstance(node, Not):
        inner = _matcher(node.item)
        return lambda found: not inner(found)
    parts = [_matcher(x) for x in node.items]
    if isinstance(node, And):
        return lambda found: all(p(found) for p in parts)
    return lambda found: any(p(found) for p in parts)


class Ranker:
    """Decides whether a page matches a query and how well, from its token strings alone.

    Score: BM25 per field (Lucene's idf; a phrase's idf is the sum of its words'), the type/number/
    subject field weighted :data:`META_WEIGHT`; the rank key puts first the pages holding more of the
    words typed with diacritics exactly as typed. Every backend ranks with this class."""

    def __init__(self, node: Node, coll: Collection) -> None:
        positive = positive_terms(node)
        self.match = _matcher(node)
        self.terms = positive + [t for t in all_terms(node) if t not in positive]
        self.needles = [needle(t) for t in self.terms]
        self.marked = [needle(t, True) for t in positive if t.has_marks]
        # a conjunction of positive terms (most queries) matches when every term is found
        self.conjunctive = len(self.terms) == len(positive) and (isinstance(node, Term) or (
            isinstance(node, And) and all(isinstance(x, Term) for x in node.items)))
        self.coll = coll

        def idf(w: str) -> float:
            n = coll.df.get(w, 0)
            return math.log(1 + (coll.pages - n + 0.5) / (n + 0.5))

        self.idf = [sum(idf(w) for w in (t.folded[:-1] if t.prefix else t.folded)) + (PREFIX_IDF if t.prefix else 0.0)
                    for t in positive]

    def score(self, meta: str, body: str, mexact: str = "", exact: str = "") -> tuple[int, float] | None:
        """(exact words found, score), or None if the page does not match."""
        tf = [(body.count(nd), meta.count(nd)) for nd in self.needles[:len(self.idf)]]
        if self.conjunctive:
            if not all(b or m for b, m in tf):
                return None
        else:
            found = [b > 0 or m > 0 for b, m in tf] + [nd in body or nd in meta for nd in self.needles[len(tf):]]
            if not self.match(dict(zip(self.terms, found, strict=True))):
                return None
        c = self.coll
        norm_b = K1 * (1 - B + B * (body.count(" ") - 1) / c.avg_body)
        norm_m = K1 * (1 - B + B * (meta.count(" ") - 1) / c.avg_meta)
        total = 0.0
        for (b, m), idf in zip(tf, self.idf, strict=True):
            total += idf * ((b * (K1 + 1) / (b + norm_b) if b else 0.0)
                            + (META_WEIGHT * m * (K1 + 1) / (m + norm_m) if m else 0.0))
        return sum(1 for nd in self.marked if nd in exact or nd in mexact), total


# --- snippets --------------------------------------------------------------------------------

def _occurrences(seq: list[str], want: tuple[str, ...], prefix: bool) -> set[int]:
    n, hit = len(want), set()
    for i in range(len(seq) - n + 1):
        last = seq[i + n - 1]
        if (last.startswith(want[-1]) if prefix else last == want[-1]) and \
                all(seq[i + k] == want[k] for k in range(n - 1)):
            hit.update(range(i, i + n))
    return hit


def make_snippet(text: str, terms: list[Term], body: str = "", exact: str = "",
                 width: int = SNIPPET_TOKENS) -> tuple[str, list[tuple[int, int]]]:
    """About ``width`` words of the page around its first match, on one line, with the character
    spans of the matched words. Words match folded, so ``quyet dinh`` lights up ``QUYẾT ĐỊNH`` in the
    text as written; a term typed with diacritics lights up only its exact occurrences when the
    page has some (``Đinh``, not ``định``). ``body``/``exact`` (the stored token strings) locate the
    first match without tokenizing the whole page."""
    first = None
    for t in terms:
        field, nd = (exact, needle(t, True)) if t.has_marks and needle(t, True) in exact else (body, needle(t))
        pos = field.find(nd)
        if pos >= 0 and (first is None or field.count(" ", 0, pos) < first):
            first = field.count(" ", 0, pos)
    lo = max((first or 0) - width // 4, 0)
    toks = tokenize(text, lo, lo + width + 1)
    if not toks and lo:
        lo, toks = 0, tokenize(text, 0, width + 1)
    if not toks:
        return "", []
    more = len(toks) > width
    toks = toks[:width]
    lit: set[int] = set()
    for t in terms:
        found = _occurrences([x.exact for x in toks], t.words, t.prefix) if t.has_marks else set()
        lit |= found or _occurrences([x.folded for x in toks], t.folded, t.prefix)
    text = nfc(text)
    out, spans = "… " if lo else "", []
    for i, tok in enumerate(toks):
        if i:
            out += re.sub(r"\s+", " ", text[toks[i - 1].end:tok.start])
        start = len(out)
        out += text[tok.start:tok.end]
        if i in lit:
            spans.append((start, len(out)))
    tail = re.match(r"[^\w\s]*", text[toks[-1].end:toks[-1].end + 8]).group()
    return out + tail + (" …" if more else ""), spans
