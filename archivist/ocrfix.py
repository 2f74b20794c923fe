"""Correct the OCR errors Tesseract's ``vie`` model makes systematically, word by word.

Only corrections that need no guess about meaning are made, so nothing right is made wrong:

- look-alike code points: ``Ð`` (U+00D0, Icelandic eth) and ``ð`` for ``Đ``/``đ``, and a doubled
  ``ĐĐ`` (no Vietnamese word has one) as ``Đ``;
- case of letters whose capital and small forms have the same shape (c o ô ơ s u ư v w x z, with
  any tone mark): a word made only of them, read in capitals between words in small letters,
  is in small letters (``cơ sở`` read as ``CƠ SỞ``), unless it is a code or a numeral (``khóa XX``);
- specks: one- or two-character "words" that Tesseract itself is unsure of (confidence below 30)
  and that hold no digit are stains or dust, not text (but a dash, a code or a two-letter syllable
  between two words of its line is);
- syllables: Vietnamese is written in a closed set of syllables (:mod:`archivist.syllables`), so a
  word in small letters that is no syllable was misread. It becomes the valid syllable it is nearest
  to under the confusions Tesseract makes (a tone mark for another, ``ư``/``u``, ``ơ``/``o``, ``ă``/``â``/``a``,
  ``ê``/``e``, ``đ``/``d``, ``rn`` for ``m`` …) when exactly one is nearest, the page itself breaking a tie
  (the spelling it uses elsewhere); and two syllables run together (``cấptỉnh``) are split when they
  split one way only, as are two joined by a speck read as ``-``, ``.`` or ``,`` (``thông-báo``; a capitalised
  or all-capitals pair only at ``.`` or ``,``: ``Văn.phòng``, ``THỰC.HIỆN``). Otherwise words with a capital
  (names, places, headings, codes), digits or symbols are never touched, nor is any valid syllable: a right word is
  never made wrong;
- then a phrase of the lexicon misread in one mark that still makes a syllable (``tống hợp``:
  :mod:`archivist.phrasefix`), section numerals whose ``II`` was read ``H`` (:mod:`archivist.sections`), and
  the national title's and motto's words in their printed case (``Độc Lập``: :mod:`archivist.mottofix`), and
  a date's words before their numbers (``nằm 2005``: :mod:`archivist.datewords`).

Words keep their boxes (a split word's box is shared by its letters), so the text layer and the
record stay in step.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import replace
from functools import lru_cache

from .bodies import abbreviations, is_known
from .datewords import correct_date_words
from .models import Word
from .mottofix import correct_headings
from .phrasefix import correct_phrases, opens_phrase
from .sections import correct_numerals
from .syllables import attested, by_toneless, fold_marks, folded_syllables, is_syllable, tone_of, toneless
from .tokens import CORRECTOR_EDGE as _EDGE
from .tokens import split_edges

_LOOKALIKE = str.maketrans({"Ð": "Đ", "ð": "đ"})
_SAME_SHAPE = set("cosuvwxz") | {"ô", "ơ", "ư"}
SPECK_CONFIDENCE = 30.0
_ROMAN = re.compile(r"^[IVXLC]{2,6}$")


def _base(ch: str) -> str:
    """The letter without tone marks (keeps ô ơ ư, which differ in shape from o u)."""
    d = unicodedata.normalize("NFD", ch.lower())
    keep = "".join(c for c in d if unicodedata.combining(c) == 0 or c in ("\u0302", "\u031b"))
    return unicodedata.normalize("NFC", keep)


def _letters(text: str) -> str:
    return "".join(c for c in text if c.isalpha())


def _same_shape_caps(text: str) -> bool:
    letters = _letters(text)
    return len(letters) >= 2 and letters.isupper() and all(_base(c) in _SAME_SHAPE for c in letters) \
        and not is_code(text)


def is_code(text: str) -> bool:
    """A code or a Roman numeral in capitals (``VX``, ``TT``, ``XX``): printed so, never a word to lower or drop."""
    core = text.strip(_EDGE)
    return len(core) >= 2 and core.isupper() and (core in abbreviations() or bool(_ROMAN.match(core)))


def _small(text: str) -> bool:
    letters = _letters(text)
    return bool(letters) and letters.islower()


def _is_speck(w: Word) -> bool:
    t = w.text.strip()
    return len(t) <= 2 and w.conf < SPECK_CONFIDENCE and not any(c.isdigit() for c in t)


def _in_text(words: list[Word], i: int) -> bool:
    """A short word Tesseract is unsure of that is text all the same: a dash before a word of its line (``Số: 107 -
    GIẤY``, a list's bullet), the first word of a lexicon phrase before its second (``ỦY BAN``), and between two
    words of its line a code (``- TT HĐND``) or a two-letter syllable before a small word or a number (``dân số
    0811…``, ``2. Bố trí``: Tesseract gives some words a confidence of 0). Alone at a line's end, or before a capital,
    such a token is a stain read as letters (``xã; đế``)."""
    w, t = words[i], words[i].text.strip()
    prev, nxt = (words[i - 1] if i else None), (words[i + 1] if i + 1 < len(words) else None)
    if nxt is None or nxt.line != w.line:
        return False
    if t == "-" or opens_phrase(t, nxt.text):  # a list's bullet before a word; ``ỦY`` of ``ỦY BAN``
        return True
    after = nxt.text.strip(_EDGE)[:1]
    syllable = len(t) == 2 and t.isalpha() and is_syllable(t.lower()) and (after.islower() or after.isdigit())
    return prev is not None and prev.line == w.line and (is_code(t) or syllable)


_NUMBERED = {"chương", "phần", "mục", "khóa", "khoá"}


def _numbered(words: list[Word], i: int) -> bool:
    """``Chương I``: a one-letter numeral after the word it numbers is text, however unsure Tesseract is."""
    return i > 0 and words[i].text.strip(_EDGE) in ("I", "V", "X") \
        and words[i - 1].text.strip(_EDGE).lower() in _NUMBERED


def _mid_sentence(done: list[Word], kept: list[Word], i: int) -> bool:
    """The word follows a small-letter word with no sentence end between (text runs on across lines),
    or is followed by one, as in ``... ngay từ CƠ SỞ.`` or ``CƠ SỞ vật chất``."""
    prev = done[-1].text if done else ""
    nxt = kept[i + 1].text if i + 1 < len(kept) else ""
    return (_small(prev) and not prev.rstrip().endswith((".", ":", "!", "?"))) or _small(nxt)


#: Small letters a typewriter's worn type or heavy ink makes Tesseract read as capitals (``Là``, ``Kịp``, ``Xã``).
_CAP_SLIP = {"l"}
PAGE_SLIPS = 3  # mid-sentence ``L`` words on a page that make its typeface's slip the evidence
#: Words a single capitalised syllable follows as a name (``ông Lý``, ``ấp Lập``): it stays as printed.
NAMES_AFTER = {"ông", "bà", "anh", "chị", "em", "cô", "chú", "bác", "cụ", "họ", "tên", "chí", "xã", "phường", "thị",
                "trấn", "huyện", "quận", "tỉnh", "thành", "phố", "ấp", "thôn", "bản", "làng", "xóm", "tổ", "khu",
                "khóm", "buôn", "sông", "núi", "đường", "ngõ", "hẻm", "chùa", "đình", "đền", "cầu", "chợ", "trường"}


@lru_cache(maxsize=1)
def type_words() -> frozenset[str]:
    """First words of the document types' names (``Luật``, ``Lệnh``): capitalised mid-sentence as names of acts."""
    from .doctypes import load_table

    return frozenset(name.split()[0] for name in load_table().by_name)


def slip_shape(core: str) -> bool:
    return len(core) >= 2 and core.isalpha() and core[0].isupper() and core[1:].islower() \
        and _base(core[0]) in _CAP_SLIP and is_syllable(core.lower()) and core not in type_words()


def _slip_place(prev: str, nxt: str) -> bool:
    """Mid-sentence after a small word that names nothing (not ``ông``, ``ấp``), before no capitalised word."""
    ends = prev.rstrip().endswith((".", ":", "!", "?", ";"))
    names = prev.strip(_EDGE).lower() in NAMES_AFTER
    return _small(prev) and not ends and not names and not nxt.strip(_EDGE)[:1].isupper()


def _page_slips(kept: list[Word]) -> int:
    """How many words of the page read as a small ``l`` word with a capital ``L`` mid-sentence: several say the
    typeface is one whose ``l`` Tesseract reads as ``L``."""
    return sum(slip_shape(w.text.strip(_EDGE)) and w.text.strip(_EDGE).lower() in attested()
               and _slip_place(kept[i - 1].text if i else "", kept[i + 1].text if i + 1 < len(kept) else "")
               for i, w in enumerate(kept))


def _initial_slip(out: list[Word], kept: list[Word], i: int, small: Counter[str], slips: int) -> bool:
    """A word whose first small letter was read as a capital (``việc Là``): mid-sentence between words in
    small letters, not after a word that names (``ông``, ``ấp``), and the page prints it in small letters
    elsewhere, or shows the slip often (``slips``) and it is a word Vietnamese uses. A name is left alone: it
    follows a naming word, or its next word is capitalised too; so is an act's type (``của Luật này``)."""
    core = kept[i].text.strip(_EDGE)
    if not slip_shape(core) or not (small[core.lower()] or slips >= PAGE_SLIPS and core.lower() in attested()):
        return False
    return _slip_place(out[-1].text if out else "", kept[i + 1].text if i + 1 < len(kept) else "")


def _inner_case(text: str) -> str:
    """A capital read after a small letter inside a word (``hƯớng``, ``NhƯ``, ``sỰ``): no Vietnamese word has one,
    and the capital and small marked vowels differ only in size; lowered when that makes a syllable (a word
    that opens with two capitals is one in capitals: ``HUyệN`` is ``HUYỆN``)."""
    core = text.strip(_EDGE)
    first = next((k for k, c in enumerate(core) if c.islower()), len(core))
    if not core.isalpha() or not any(c.isupper() for c in core[first:]):
        return text
    fixed = core.upper() if core[:2].isupper() else core[:first] + core[first:].lower()  # HUyệN: a word in capitals
    return text.replace(core, fixed, 1) if is_syllable(fixed.lower()) else text


def fix_words(words: list[Word]) -> list[Word]:
    """The corrected words (same order, same boxes), specks removed."""
    kept = [w for i, w in enumerate(words) if not _is_speck(w) or _numbered(words, i) or _in_text(words, i)]
    small = Counter(c for w in kept if (c := w.text.strip(_EDGE)).isalpha() and c.islower())
    slips = _page_slips(kept)
    out: list[Word] = []
    for i, w in enumerate(kept):
        text = _inner_case(w.text.translate(_LOOKALIKE))
        while "ĐĐ" in text:
            text = text.replace("ĐĐ", "Đ")
        if _same_shape_caps(text) and _mid_sentence(out, kept, i) or _initial_slip(out, kept, i, small, slips):
            text = text.lower()
        out.append(w if text == w.text else replace(w, text=text))
    return correct_date_words(correct_headings(correct_numerals(correct_phrases(correct_syllables(out)))))


#: Letters Tesseract reads for one another in small Vietnamese print, as (read, printed): vowel marks
#: (the tone is handled apart) and glyph pairs. This project's own table, from the confusions seen on the
#: generated and the hard sample pages.
_MARK_ALTS = {"a": "ăâ", "ă": "aâ", "â": "aă", "e": "ê", "ê": "e", "o": "ôơ", "ô": "oơ", "ơ": "oô", "u": "ư",
              "ư": "u", "d": "đ", "đ": "d", "i": "y", "y": "i"}
_GLYPH_ALTS = (("rn", "m"), ("m", "rn"), ("ri", "n"), ("cl", "d"), ("li", "h"), ("ii", "u"), ("f", "t"), ("t", "f"),
               ("l", "i"), ("i", "l"), ("c", "e"), ("e", "c"), ("n", "u"), ("u", "n"), ("h", "b"), ("b", "h"),
               ("v", "y"), ("y", "v"), ("q", "g"), ("g", "q"), ("j", "i"))
MAX_COST = 2


#: The syllables by their toneless spelling, cached per code digest and in sorted order (archivist/syllables.py).
_by_toneless = by_toneless


def _variants(bare: str) -> dict[str, int]:
    """Toneless spellings ``bare`` may be a misreading of, with how many confusions each takes (up to two)."""
    found = {bare: 0}
    frontier = [bare]
    for cost in (1, 2):
        nxt = []
        for word in frontier:
            alts = [word[:i] + alt + word[i + 1:] for i, ch in enumerate(word) for alt in _MARK_ALTS.get(ch, "")]
            alts += [word[:i] + b + word[i + len(a):] for a, b in _GLYPH_ALTS
                     for i in range(len(word)) if word.startswith(a, i)]
            for alt in alts:
                if alt not in found:
                    found[alt] = cost
                    nxt.append(alt)
        frontier = nxt
    return found


def nearest_syllables(token: str) -> tuple[list[str], int]:
    """The valid syllables nearest to ``token`` (small letters, no syllable) and the confusions they take."""
    tone = tone_of(token)
    best: list[str] = []
    best_cost = MAX_COST + 1
    index = _by_toneless()
    for bare, cost in _variants(toneless(token)).items():
        for syl in index.get(bare, ()):
            c = cost + (tone_of(syl) != tone)
            if c < best_cost:
                best, best_cost = [syl], c
            elif c == best_cost:
                best.append(syl)
    return (best, best_cost) if best_cost <= MAX_COST else ([], best_cost)


def _correctable(core: str) -> bool:
    return len(core) >= 2 and core.isalpha() and core.islower() and not is_syllable(core)


def split_box(w: Word, a: str, b: str, gap: int = 0) -> tuple[Word, Word]:
    """``w`` as the two words ``a`` and ``b``, its box shared by their characters; ``gap`` characters read between
    them and dropped (a speck read as ``-``) keep their share as the space between the two boxes."""
    x0, y0, x1, y1 = w.bbox
    n = max(len(a) + gap + len(b), 1)
    cut, start = (x0 + round((x1 - x0) * k / n) for k in (len(a), len(a) + gap))
    return replace(w, text=a, bbox=(x0, y0, cut, y1)), replace(w, text=b, bbox=(start, y0, x1, y1))


#: What a speck between two words is read as when it joins them (``thông-báo``, ``Chỉ.huy``, ``đất,đai``).
_SPECK_JOIN = re.compile(r"([^\W\d_]+)([-.,])([^\W\d_]+)")


def _speck_joined(core: str) -> tuple[str, str] | None:
    """The two words a speck read as ``-``, ``.`` or ``,`` joined, or None. Vietnamese writes its words as separate
    syllables: the joins it prints carry a digit or a capital (``2019-2020``, ``QĐ-UBND``, ``TP.HCM``) or a
    syllable no Vietnamese word uses alone (``vắc-xin``: ``vắc`` is in no word of the ``vie`` model's list), so two
    syllables in small letters that words use (:func:`attested`) are two words. On the 38 fit sets (seeds 27-45)
    the truth holds no such token; without the :func:`attested` test, ``vắc-xin`` is split (118 times).

    A capitalised first syllable (``Văn.phòng``) or two in capitals (``THỰC.HIỆN``) are split only at ``.`` or
    ``,``: names of peoples and places are written with a hyphen (``Gia-rai``, ``Ê-đê``), never with a full stop or
    a comma between syllables, and abbreviations (``TP.HCM``, ``TT.HĐND``) hold a part that is no syllable."""
    m = _SPECK_JOIN.fullmatch(core)
    if m is None:
        return None
    a, sep, b = m.groups()
    small = a.islower() and b.islower()
    capital = sep != "-" and (_titled(a) and b.islower() or a.isupper() and b.isupper() and len(a) + len(b) > 2)
    ok = (small or capital) and a.lower() in attested() and b.lower() in attested()
    return (a, b) if ok else None


def _titled(word: str) -> bool:
    """A capital then small letters (``Văn``), or one capital (``Ở``): how a sentence or a name opens."""
    return word[:1].isupper() and word[1:].islower() if len(word) > 1 else word.isupper()


def correct_syllables(words: list[Word]) -> list[Word]:
    """Words in small letters that are no Vietnamese syllable, read back as the syllable they were (see the
    module docstring); everything else unchanged."""
    seen = Counter(w.text.strip(_EDGE).lower() for w in words if w.conf >= 80)
    out: list[Word] = []
    for w in words:
        lead, core, trail = split_edges(w.text, _EDGE)
        pair = _run_together(core) if _splittable(core) else None
        if pair is not None:  # letters unchanged, a space put back: safe in names too (PHỔYÊN)
            out += list(split_box(w, lead + pair[0], pair[1] + trail))
        elif joined := _speck_joined(core):  # the speck between them dropped, its place the space
            out += list(split_box(w, lead + joined[0], joined[1] + trail, gap=1))
        elif _correctable(core) and (pick := _pick(core, seen)):
            out.append(replace(w, text=lead + pick + trail))

        else:
            out.append(w)
    return out


def _splittable(core: str) -> bool:
    """Small letters, or capitals (a heading or a place in it); not a known abbreviation (UBND)."""
    return len(core) >= 3 and core.isalpha() and (core.islower() or core.isupper()) and not is_syllable(core) \
        and not is_known(core)


def _pick(core: str, seen: Counter[str]) -> str | None:
    """The one syllable ``core`` was, or None when the evidence does not single one out. A tie goes to the
    spelling the page itself uses, then to the one Vietnamese words use (:func:`attested`). A word with no
    mark at all lost every mark, so any toned reading is as near as another: only the page decides it."""
    cands, _ = nearest_syllables(core)
    if fold_marks(core) == core:
        cands = [c for c in nearest_syllables_any(core) if seen[c]]
        return cands[0] if len(cands) == 1 else None
    for prefer in (lambda c: seen[c] > 0, lambda c: c in attested()):
        if len(cands) > 1:
            kept = [c for c in cands if prefer(c)]
            cands = kept or cands
    return cands[0] if len(cands) == 1 else None


def nearest_syllables_any(core: str) -> list[str]:
    """Every syllable within reach of ``core`` (up to two confusions and any tone)."""
    index = _by_toneless()
    return [syl for bare in _variants(toneless(core)) for syl in index.get(bare, ())]


def _run_together(core: str) -> tuple[str, str] | None:
    if fold_marks(core) in folded_syllables():  # a syllable misread, not two
        return None
    splits = [(core[:i], core[i:]) for i in range(1, len(core)) if is_syllable(core[:i]) and is_syllable(core[i:])]
    return splits[0] if len(splits) == 1 else None


def text_of(words: list[Word]) -> str:
    """Page text from words: one line per OCR line, words separated by single spaces."""
    lines: dict[int, list[str]] = {}
    for w in words:
        lines.setdefault(w.line, []).append(w.text)
    return "\n".join(" ".join(ws) for _, ws in sorted(lines.items()))
