"""Correct the OCR errors Tesseract's ``vie`` model makes systematically, word by word.

Only corrections that need no guess about meaning are made, so nothing right is made wrong:

- look-alike code points: ``Ð`` (U+00D0, Icelandic eth) and ``ð`` for ``Đ``/``đ``, and a doubled
  ``ĐĐ`` (no Vietnamese word has one) as ``Đ``;
- case of letters whose capital and small forms have the same shape (c o ô ơ s u ư v w x z, with
  any tone mark): a word made only of them, read in capitals between words in small letters,
  is in small letters (``cơ sở`` read as ``CƠ SỞ``);
- specks: one- or two-character "words" that Tesseract itself is unsure of (confidence below 30)
  and that hold no digit are stains or dust, not text.

Words keep their boxes, so the text layer and the record stay in step.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace

from .models import Word

_LOOKALIKE = str.maketrans({"Ð": "Đ", "ð": "đ"})
_SAME_SHAPE = set("cosuvwxz") | {"ô", "ơ", "ư"}
SPECK_CONFIDENCE = 30.0


def _base(ch: str) -> str:
    """The letter without tone marks (keeps ô ơ ư, which differ in shape from o u)."""
    d = unicodedata.normalize("NFD", ch.lower())
    keep = "".join(c for c in d if unicodedata.combining(c) == 0 or c in ("\u0302", "\u031b"))
    return unicodedata.normalize("NFC", keep)


def _letters(text: str) -> str:
    return "".join(c for c in text if c.isalpha())


def _same_shape_caps(text: str) -> bool:
    letters = _letters(text)
    return len(letters) >= 2 and letters.isupper() and all(_base(c) in _SAME_SHAPE for c in letters)


def _small(text: str) -> bool:
    letters = _letters(text)
    return bool(letters) and letters.islower()


def _is_speck(w: Word) -> bool:
    t = w.text.strip()
    return len(t) <= 2 and w.conf < SPECK_CONFIDENCE and not any(c.isdigit() for c in t)


def _mid_sentence(done: list[Word], kept: list[Word], i: int) -> bool:
    """The word follows a small-letter word with no sentence end between (text runs on across lines),
    or is followed by one, as in ``... ngay từ CƠ SỞ.`` or ``CƠ SỞ vật chất``."""
    prev = done[-1].text if done else ""
    nxt = kept[i + 1].text if i + 1 < len(kept) else ""
    return (_small(prev) and not prev.rstrip().endswith((".", ":", "!", "?"))) or _small(nxt)


def fix_words(words: list[Word]) -> list[Word]:
    """The corrected words (same order, same boxes), specks removed."""
    kept = [w for w in words if not _is_speck(w)]
    out: list[Word] = []
    for i, w in enumerate(kept):
        text = w.text.translate(_LOOKALIKE)
        while "ĐĐ" in text:
            text = text.replace("ĐĐ", "Đ")
        if _same_shape_caps(text) and _mid_sentence(out, kept, i):
            text = text.lower()
        out.append(w if text == w.text else replace(w, text=text))
    return out


def text_of(words: list[Word]) -> str:
    """Page text from words: one line per OCR line, words separated by single spaces."""
    lines: dict[int, list[str]] = {}
    for w in words:
        lines.setdefault(w.line, []).append(w.text)
    return "\n".join(" ".join(ws) for _, ws in sorted(lines.items()))
