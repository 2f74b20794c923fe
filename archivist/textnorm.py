"""Vietnamese text normal forms for matching: NFC, one tone-placement style, and diacritic folding.

Why folding is done here and not by the database: SQLite's unicode61 tokenizer does not fold
letters with two marks (most toned Vietnamese vowels) and no tokenizer folds ``đ`` to ``d``;
PostgreSQL's ``unaccent`` differs again. Folding in Python before indexing and before querying
makes every backend see the same tokens.
"""

from __future__ import annotations

import re
import unicodedata

# Old-style tone placement (hoà, thuý, khoẻ) -> new style (hòa, thúy, khỏe), when the vowel pair ends
# the syllable. Both spellings are correct; search must treat them alike. ("quý" is qu + ý: left alone.)
_TONED = {"a": "àáảãạ", "e": "èéẻẽẹ", "y": "ỳýỷỹỵ"}
_PLAIN = {"o": "òóỏõọ", "u": "ùúủũụ"}
_OLD_STYLE = re.compile(r"([oO])([àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ])(?!\w)|(?<![qQ])([uU])([ỳýỷỹỵỲÝỶỸỴ])(?!\w)")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _move_tone(m: re.Match[str]) -> str:
    first, second = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    base2 = next((b for b, toned in _TONED.items() if second.lower() in toned), None)
    if base2 is None:
        return m.group(0)
    tone = _TONED[base2].index(second.lower())
    new_first = _PLAIN[first.lower()][tone]
    new_first = new_first.upper() if first.isupper() else new_first
    new_second = base2.upper() if second.isupper() else base2
    return new_first + new_second


def normalize(text: str) -> str:
    """NFC with new-style tone placement: the form stored, compared and highlighted."""
    return _OLD_STYLE.sub(_move_tone, nfc(text))


_SPECIAL = {"đ": "d", "Đ": "D", "Ð": "D", "ð": "d"}


def _fold_char(c: str) -> str:
    if c in _SPECIAL:
        return _SPECIAL[c]
    return "".join(x for x in unicodedata.normalize("NFD", c) if not unicodedata.combining(x))


#: Every Latin letter with marks (U+00C0-U+024F, U+1E00-U+1EFF: all of Vietnamese) folded in one table,
#: so folding a page is one str.translate instead of a per-character loop.
_FOLD_TABLE = {cp: _fold_char(chr(cp)) for r in (range(0xC0, 0x250), range(0x1E00, 0x1F00)) for cp in r
               if _fold_char(chr(cp)) != chr(cp)}


def fold(text: str) -> str:
    """Lower case without any diacritic (``Quyết Định`` -> ``quyet dinh``), for matching."""
    out = nfc(text).translate(_FOLD_TABLE)
    if not out.isascii():  # combining marks typed separately, or letters outside the table
        out = "".join(c for c in unicodedata.normalize("NFD", out) if not unicodedata.combining(c))
    return out.lower()


def exact(text: str) -> str:
    """Lower case keeping diacritics, tone placement normalised: for exact-diacritic matches."""
    return normalize(text).lower()
