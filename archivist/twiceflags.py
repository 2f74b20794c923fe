"""A review flag for a value holding one printed word twice: two OCR words of the same text in one place.

Why: Tesseract sometimes emits a word twice where a seal or a second reading overlaps it, each copy read
surely: HG51 seals-33-tb-219's signer came out ``Tạ Tạ Thanh Vân`` for ``Tạ Thanh Vân``, the page's words
holding ``Tạ`` twice on the signature's line in boxes that almost wholly overlap (x 1692-1760 at 96.9 and
1702-1764 at 93.6). No confidence sees it, and no other check asks whether two words share a box.

A name or a phrase may repeat a word legitimately (``Hồ Quang Quang``, ``Nguyễn Quang Quang`` are right
signers on the fit basis): side by side, in two boxes. So the rule asks for the boxes: the value holds the word
twice *and* two of the words it was read from, of that text, cover one place (their overlap at least
:data:`TWICE_OVERLAP` of the smaller box). On the fit basis (seeds 22-51 and HG47, 778 pairs of stored words
overlapping that much, nearly all a word's box stretched over its neighbours) 7 pairs are of the same text, and
the target is the one a value was built from (bench/RESULTS.md, "Flags, forty-first round (session 28)").

Forty-fourth round, the same for a letter: HG38 speckle-20-tb-138's subject came out ``… sửa chữa đường ổ ống …``,
the page's words holding ``ổ`` (x 966-983) over the start of ``ống`` (x 966-1024): the word's first letter, with a
speck on it, read once more as a word of its own. Side by side, a word of one letter stands a space away from the
next; over it, it is a piece of it. On the fit basis (seeds 22-54, HG47) 57 such pieces stand on stored pages,
nearly all on speckled ones (``ã`` over ``ấp``, ``n`` over ``năm``), 6 inside a stored value, all subjects
(bench/RESULTS.md, "Flags, forty-fourth round (session 29)").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from itertools import combinations
from typing import Any

from .crosscheck import unmarked_key
from .faintflags import Box, value_words
from .fields import Field
from .ocrtext import overlap

#: two boxes of the same word overlapping by at least this share of the smaller one's area are one place read
#: twice ("most of the smaller's area"); words side by side share at most a sliver of their boxes
TWICE_OVERLAP = 0.5
#: a word of one letter whose box covers at least this share of its own width over the start of a longer word of
#: its line is a piece of that word (a word side by side stands a space away: none of its width over the next)
PIECE_OVERLAP = 0.5
#: a word's letters and digits: punctuation around it is not the word
_CORE = re.compile(r"[^\W_]+(?:[-./][^\W_]+)*")


def _core(text: str) -> str:
    m = _CORE.search(text)
    return m.group(0).casefold() if m else ""


def twice_doubt(value: object, words: Sequence[tuple[str, float, Box, int]]) -> str | None:
    """Why ``value`` (a string or a list of them) holds a word read twice from one place among ``words`` (the
    words it was read from), or None."""
    text = " ".join(value) if isinstance(value, list) else str(value)
    counts = Counter(c for t in text.split() if (c := _core(t)))
    for a, b in combinations(words, 2):
        core = _core(a[0])
        if core and core == _core(b[0]) and counts[core] >= 2 and overlap(a[2], b[2]) >= TWICE_OVERLAP:
            return (f"'{a[0]}' was read twice from one place on the page (two boxes overlapping): "
                    "one printed word taken twice")
    return None


def piece_doubt(value: object, words: Sequence[tuple[str, float, Box, int]]) -> str | None:
    """Why ``value`` holds a letter read twice: a word of it of one letter (among ``words``, those it was read
    from) whose box lies over the start of a longer word of its line beginning with that letter (marks aside)."""
    text = " ".join(value) if isinstance(value, list) else str(value)
    held = {c for t in text.split() if (c := _core(t))}
    for a in words:
        letter = unmarked_key(_core(a[0]))
        if len(letter) != 1 or not letter.isalpha() or _core(a[0]) not in held:
            continue
        width = a[2][2] - a[2][0]
        for b in words:
            whole = unmarked_key(_core(b[0]))
            if b is a or b[3] != a[3] or len(whole) < 2 or whole[0] != letter:
                continue
            if min(a[2][2], b[2][2]) - max(a[2][0], b[2][0]) >= PIECE_OVERLAP * width > 0:
                return f"'{a[0]}' lies over the start of '{b[0]}' on the page: the word's first letter read twice"
    return None


def flag_twice(found: dict[str, Field], pages: Sequence[Any]) -> None:
    """Mark for review each value of ``found`` that holds a word, or a word's first letter, read twice from one
    place (``pages``: the document's :class:`archivist.ocrtext.PageText` with their words)."""
    by_page = {p.number: p.words for p in pages if p.words}
    for f in found.values():
        if f.review or f.value in (None, "", []) or f.page not in by_page or not isinstance(f.value, (str, list)):
            continue
        words = value_words(by_page[f.page], f)
        if why := twice_doubt(f.value, words) or piece_doubt(f.value, words):
            f.review = why
