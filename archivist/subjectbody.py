"""A review flag for a subject cut short: the body's first article restates it and goes on with words where the
stored subject stops.

Why: a decision's ``Điều 1.`` opens by restating what the subject says (``Về việc phê duyệt dự toán sửa chữa kênh
mương …`` / ``Điều 1. Phê duyệt dự toán sửa chữa kênh mương …, cụ thể như sau``). When the engine reads no word of
a subject's last line (a speck field over it), the subject stored is its first line alone, a phrase that reads whole:
HG176 speckle-19-qd-122-dong-son stored ``Về việc phê duyệt dự toán sửa chữa`` at 0.883, unflagged, while its
``Điều 1.`` reads ``Phê duyệt dự toán sửa chữa kênh mương nội đồng ấp Long Thạnh, cụ thể`` (bench/RESULTS.md,
"Flags, hundred-and-twenty-ninth round onward (session 41)"). On the 53 sets read then, 65 stored subjects had an
article opening with their words: after the 62 right ones the article went on with a mark (``,``), after the 3
wrong ones with words. Where the article goes on with a word that opens the article's own tail (``gồm``, ``như
sau``, ``cụ thể``, ``kèm theo``, ``với``, ``có``), the subject may be whole: not doubted. Flagged, never
lengthened: the article is the body's wording, not the subject's.
"""

from __future__ import annotations

import re

from .ocrtext import Line, fold_key

#: the folded opening of the first article, its number read ``1``
_ARTICLE = re.compile(r"^\W{0,3}dieu\s*1\s*[.:]\s*")
_NEXT_ARTICLE = re.compile(r"^\W{0,3}dieu\s*\d")
_PREFIX = re.compile(r"^(?:ve viec|v v)\s+")
#: words that open an article's own tail after the restated subject (``Thành lập Ban … gồm các ông, bà …``)
TAIL_OPENERS = frozenset({"gom", "nhu", "cu", "kem", "voi", "co"})
#: the fewest subject words the article must restate for the match to say anything, and the fewest it goes on with
MIN_WORDS, MIN_MORE = 3, 2
#: how many lines after ``Điều 1.`` are read as its first sentence
ARTICLE_LINES = 4


def _article(pages: list[list[Line]]) -> str | None:
    """The text of the first article (its opening line and up to :data:`ARTICLE_LINES` more, before the next
    article), its number taken off; None without one."""
    for page in pages:
        for i, ln in enumerate(page):
            if m := _ARTICLE.match(ln.folded):
                more = []
                for nxt in page[i + 1:i + 1 + ARTICLE_LINES]:
                    if _NEXT_ARTICLE.match(nxt.folded):
                        break
                    more.append(nxt.text)
                return " ".join([ln.text[m.end():], *more])
    return None


def restated_doubt(value: object, pages: list[list[Line]]) -> str | None:
    """Why the subject ``value`` may be cut short: the first article opens with its words (after ``Về việc``, at
    least :data:`MIN_WORDS`) and goes on with at least :data:`MIN_MORE` words before any mark, the first not one of
    :data:`TAIL_OPENERS`."""
    if not isinstance(value, str):
        return None
    words = _PREFIX.sub("", fold_key(value)).split()
    text = _article(pages) if len(words) >= MIN_WORDS else None
    if text is None:
        return None
    tokens = re.findall(r"\w+|[^\w\s]", text)
    if [fold_key(t) for t in tokens[:len(words)]] != words:
        return None
    more = []
    for t in tokens[len(words):]:
        if not t[0].isalnum():
            break
        more.append(t)
    if len(more) < MIN_MORE or fold_key(more[0]) in TAIL_OPENERS:
        return None
    return (f"the first article restates it and goes on with '{' '.join(more)}': the subject may be cut short "
            "(a line of it not read)")
