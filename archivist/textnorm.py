"""Vietnamese text normal forms for matching: NFC, one tone-placement style, diacritic folding, tokens.

Why folding is done here and not by the database: SQLite's unicode61 tokenizer does not fold
letters with two marks (most toned Vietnamese vowels) and no tokenizer folds ``đ`` to ``d``;
PostgreSQL's ``unaccent`` differs again. Tokenizing and folding in Python, before indexing and
before querying, makes every backend see the same space-separated tokens, so that a PostgreSQL
backend can return exactly the hits the SQLite one does.

Each token has two forms: *exact* (NFC, new-style tone placement, lower case, marks kept) used to
rank exact-diacritic matches first, and *folded* (no marks, ``đ`` -> ``d``) used to match at all.
Folding is also what makes search tolerant of Tesseract's usual mark errors (``ế``/``ể``, a lost
dot below, ``đ``/``d``); the few OCR slips that change a token's letters or digits inside a number
and symbol (``Q.Đ`` for ``QĐ``, ``2O19`` for ``2019``) are repaired at tokenization, on both sides.

Change any function here that shapes tokens and :data:`NORM_VERSION` must change too: an index
built with other tokens is rebuilt from the records when it is opened (see ``archivist.index``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .tokens import ALNUM

#: Version of the token forms produced here; stored in the index, which is rebuilt when it differs.
NORM_VERSION = 1

# Old-style tone placement (hoà, thuý, khoẻ) -> new style (hòa, thúy, khỏe), when the vowel pair ends
# the syllable. Both spellings are correct; search must treat them alike. ("quý" is qu + ý: left alone.)
# The pattern is deliberately simple (a plain class first is several times faster on long pages);
# :func:`_move_tone` rejects the pairs that are not oa/oe/uy.
_TONED = {"a": "àáảãạ", "e": "èéẻẽẹ", "y": "ỳýỷỹỵ"}
_PLAIN = {"o": "òóỏõọ", "u": "ùúủũụ"}
_OLD_STYLE = re.compile(r"[oOuU][àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸỳýỷỹỵỲÝỶỸỴ](?!\w)")
# Look-alike code points OCR and old fonts produce for Vietnamese letters (Icelandic eth, African D).
_GLYPHS = str.maketrans({"\u00d0": "Đ", "\u00f0": "đ", "\u0189": "Đ", "\u0256": "đ"})
_HAS_GLYPH = re.compile("[\u00d0\u00f0\u0189\u0256]")
_FOLD = {ord("đ"): "d", ord("Đ"): "D", ord("Ð"): "D", ord("ð"): "d", ord("Ɖ"): "D", ord("ɖ"): "d"}

# A token is a run of letters and digits; a run of single capitals joined by dots (``Q.Đ``, ``U.B.N.D``,
# OCR's reading of a symbol's letters) is one token, its dots dropped. The plain pattern is used when
# the text has no dotted capitals (most pages): it is much faster.
_TOKEN = re.compile(rf"(?:[A-ZĐ]\.)+[A-ZĐ](?![^\W_])|{ALNUM.pattern}")
_DOTTED = re.compile(r"[A-ZĐ]\.[A-ZĐ]")
# A number read with the letter O for zero (``2O19``, ``4o``): at least one digit, otherwise digits and O.
_DIGIT_O = re.compile(r"(?<!\S)(?=[0-9o]*[0-9])[0-9o]*o[0-9o]*(?!\S)")
_DIGIT_O_PAIR = re.compile(r"[0-9]o|o[0-9]")
_SYMBOL = re.compile(r"[^\W_]+(?:[./\\-][^\W_]+)*")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


#: Code points the ``vie`` model emits for a character the page prints otherwise: its 267-symbol character set
#: holds twenty non-ASCII marks and symbols, and of those only the fraction slash stands for an ASCII one a page
#: prints (``11⁄KH-UBND``, ``V⁄v``, ``.⁄.`` for ``./.``: no truth page writes it, a search for the code misses it).
#: The em dash (``—``) and the curly quotes are characters pages print too, and rules read them as such: not here
#: (an em dash that is a word alone is a list's ``-``: :data:`_LONE_DASH`).
#: (bench/RESULTS.md, issue 16, "Reductions by a fraction, and the fraction slash (session 44)".)
READ_LOOKALIKES = {"\u2044": "/"}
_READ_TABLE = str.maketrans(READ_LOOKALIKES)
_HAS_LOOKALIKE = re.compile("[" + "".join(READ_LOOKALIKES) + "]")
#: An em dash that is a word alone: the engine's reading of a list item's ``-`` (``HĐND xã; —`` ending a line, a
#: line opening ``— UBND xã;``). Over sessions 40-44's stored pages read ``-`` it gains 165 truth words and breaks
#: none; a dash opening or inside a word (``——``, ``_—``, ``—N``: a rule's or a speck's debris) gains none and is kept.
#: Mapped only where the text is stored, after the page's rules, which read ``—`` as a dash.
#: (bench/RESULTS.md, issue 16, "A list's lone dash (session 44, second round)".)
_LONE_DASH = re.compile("(?<!\\S)\u2014(?!\\S)")


def read_text(text: str) -> str:
    """Text as the OCR engine read it, as it is stored: NFC, each look-alike (:data:`READ_LOOKALIKES`) the
    character the page prints, a fraction slash before a slash (one stroke read twice, ``23⁄/NQ-HĐND``) dropped, an
    em dash that is a word alone a list's ``-`` (:data:`_LONE_DASH`).

    Why one function, applied once to every OCR'd page's words when its rules are done (``pagework.as_stored``): the
    record, the index and the PDF text layer are made from those words, and speckled pages alone had their slash
    mended before (``speckread.fraction_slash``), the fields theirs alone (:mod:`archivist.ocrtext`).
    Length-preserving but for the doubled stroke."""
    text = unicodedata.normalize("NFC", text)
    if "\u2014" in text:
        text = _LONE_DASH.sub("-", text)
    if _HAS_LOOKALIKE.search(text) is None:  # most words: no look-alike, nothing to translate
        return text
    return text.replace("\u2044/", "/").translate(_READ_TABLE)


def _move_tone(m: re.Match[str]) -> str:
    first, second = m.group()
    base2 = next(b for b, toned in _TONED.items() if second.lower() in toned)
    if (first in "oO") != (base2 != "y") or (first in "uU" and m.start() and m.string[m.start() - 1] in "qQ"):
        return m.group()
    tone = _TONED[base2].index(second.lower())
    new_first = _PLAIN[first.lower()][tone]
    new_first = new_first.upper() if first.isupper() else new_first
    return new_first + (base2.upper() if second.isupper() else base2)


def normalize(text: str) -> str:
    """NFC, look-alike glyphs mapped to Vietnamese letters, new-style tone placement.

    Length-preserving on NFC input, so offsets found in the result index the NFC text.
    """
    text = nfc(text)
    if _HAS_GLYPH.search(text):  # str.translate is slow on long non-ASCII text: only when needed
        text = text.translate(_GLYPHS)
    return _OLD_STYLE.sub(_move_tone, text)


def fold(text: str) -> str:
    """Lower case without any diacritic (``Quyết Định`` -> ``quyet dinh``), for matching."""
    decomposed = unicodedata.normalize("NFD", text.translate(_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def exact(text: str) -> str:
    """Lower case keeping diacritics, tone placement normalised: for exact-diacritic matches."""
    return normalize(text).lower()


_FOLDED: dict[str, str] = {}
_FOLDED_MAX = 1 << 20


def fold_token(token: str) -> str:
    """:func:`fold` of one token, cached: an archive has a few tens of thousands of distinct tokens,
    and folding each page's tokens through the cache is several times faster than folding its text."""
    try:
        return _FOLDED[token]
    except KeyError:
        if len(_FOLDED) >= _FOLDED_MAX:
            _FOLDED.clear()
        folded = _FOLDED[token] = fold(token)
        return folded


def has_marks(word: str) -> bool:
    """Whether a word carries any diacritic (or ``đ``): only such words can match 'exactly' or not."""
    return fold_token(word) != word.lower()


def _repair(joined: str) -> str:
    """OCR repairs on space-joined exact tokens: dots of dotted capitals, O read for 0 in numbers."""
    if "." in joined:
        joined = joined.replace(".", "")
    if _DIGIT_O_PAIR.search(joined):
        joined = _DIGIT_O.sub(lambda m: m.group().replace("o", "0"), joined)
    return joined


def exact_tokens(text: str) -> list[str]:
    """The exact forms of the tokens of ``text``, in order (the fast path used for indexing)."""
    norm = normalize(text)
    pattern = _TOKEN if _DOTTED.search(norm) else ALNUM
    joined = _repair(" ".join(pattern.findall(norm)).lower())
    return joined.split()


def fold_tokens(tokens: list[str]) -> list[str]:
    """The folded form of each exact token (same length and order)."""
    cache = _FOLDED
    try:
        return [cache[t] for t in tokens]
    except KeyError:
        return [fold_token(t) for t in tokens]


def match_key(value: object) -> str:
    """A value compared folded, word by word: ``Quyết  định`` and ``quyet dinh`` give ``quyet dinh``."""
    return " ".join(fold_tokens(exact_tokens(str(value)))) if value not in (None, "") else ""


@dataclass(frozen=True)
class Token:
    """A token of a text with its place in the NFC text: for highlighting in the words as written."""

    start: int
    end: int
    exact: str
    folded: str


def tokenize(text: str, start: int = 0, stop: int | None = None) -> list[Token]:
    """Tokens ``start`` to ``stop`` of ``nfc(text)`` with their offsets: the same tokens, with the same
    indexes, as :func:`exact_tokens` (so a match found in the token strings can be shown in the text)."""
    norm = normalize(text)
    pattern = _TOKEN if _DOTTED.search(norm) else ALNUM
    spans = []
    for i, m in enumerate(pattern.finditer(norm)):
        if stop is not None and i >= stop:
            break
        if i >= start:
            spans.append((m.start(), m.end()))
    exacts = _repair(" ".join(norm[a:b] for a, b in spans).lower()).split()
    return [Token(a, b, ex, fo) for (a, b), ex, fo in zip(spans, exacts, fold_tokens(exacts), strict=True)]


def symbol_key(text: str) -> str:
    """A number and symbol as one comparable string: ``45/QĐ-UBND``, ``45/QD-UBND``, ``45/Q.Đ-UBND``
    and ``45 / qđ - ubnd`` all give ``45/qd-ubnd`` (tokens folded, separators kept, spaces dropped)."""
    squeezed = re.sub(r"\s*([/\\-])\s*", r"\1", normalize(text).strip())
    runs = _SYMBOL.findall(squeezed)
    if not runs:
        return ""
    core = next((r for r in runs if re.search(r"[/\\-]", r)), runs[0]).replace("\\", "/")
    parts = re.split(r"([/-])", core)
    return "".join(p if p in "/-" else " ".join(fold_tokens(exact_tokens(p))) for p in parts)
