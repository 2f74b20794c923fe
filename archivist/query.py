"""The search language (:mod:`archivist.queryparse`, whose names this module re-exports), run the same by every index
backend.

The module decides, from a page's token strings alone, whether the page matches and how well
(:class:`Ranker`: BM25, field weights, exact diacritics first) and builds its snippet
(:func:`make_snippet`): both are backend-independent, so every index backend gives the same hits.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from .queryparse import (  # noqa: F401 - re-exported: their home is queryparse; the index, the CLI and tests ask here
    MAX_DEPTH,
    MAX_LENGTH,
    MAX_TERMS,
    MIN_PREFIX,
    OPERATORS,
    And,
    Node,
    Not,
    Or,
    QueryError,
    Term,
    all_terms,
    parse,
    positive_terms,
)
from .textnorm import nfc, tokenize

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
