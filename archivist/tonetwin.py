"""A signer's name word that another listed name spells a tone away, read weakly, as a review flag (issue 14 item 9,
session 46).

Why: on session 45's sealed HG299, speckle-20-qd-018's signer was stored ``Lâm Thủy Oanh`` for the printed ``Lâm
Thùy Oanh`` (0.776) without a flag. ``Thủy`` and ``Thùy`` are both listed given names, so neither the restorer nor a
rule asking for a listed name doubts it; the engine kept no rival mark (nothing within its margin), the reread of the
name line agreed, and the document writes the name once. What is left is how sure the engine was of the word: a
tone mark is a few pixels, the first thing a speck or a faded stroke changes, and a name word with a listed twin a
tone away (``Thủy``/``Thùy``, ``Thanh``/``Thành``, ``Hoa``/``Hòa``, ``Hà``/``Hạ``) read under :data:`WEAK` has no
reading that tells the two apart. A word read at or over it is taken as printed: most listed names have such a
twin (29 pairs in the lexicon's given names; 52 of 77 right signers on the fit sets), and a rule on the twin alone
would send most right signers to review. On fresh HG345-346 twin words of right signers read under 80 four times
(faded and typed pages), three of them flagged already (bench/RESULTS.md, "Flags, session 46's round (session
46)"). Only flags: the value is kept, which mark is printed is the reviewer's.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from .lexicon import LETTERS, name_spellings, other_names
from .ocrtext import _fold
from .syllables import toneless

#: a name word with a tone twin read under this word confidence (0-100) is doubted
WEAK = 80.0


@lru_cache(maxsize=2)
def _spellings(section: str) -> dict[str, frozenset[str]]:
    """Every listed spelling of a name's word in ``section`` (``surnames`` or ``given``, the real names the lexicon
    lists apart beside them too), small letters, by its spelling without the tone mark."""
    words = {w for s in name_spellings().get(section, {}).values() for w in s} | set(other_names()[section])
    out: dict[str, set[str]] = {}
    for w in words:
        out.setdefault(toneless(w), set()).add(w)
    return {k: frozenset(v) for k, v in out.items()}


def tone_twins(word: str, index: int) -> list[str]:
    """The listed names that spell ``word`` (a name's word at ``index``, 0 the family name) with another tone mark
    and the same letters and vowel marks: ``Thùy`` for ``Thủy``; none for an unlisted word."""
    small = word.lower()
    same = _spellings("surnames" if index == 0 else "given").get(toneless(small), frozenset())
    return sorted(w for w in same if w != small) if small in same else []


def tone_twin_doubt(value: str, read: Sequence[tuple[str, float]], weak: float = WEAK) -> str | None:
    """Why the signer's name ``value`` is doubtful: one of its words has a listed tone twin (:func:`tone_twins`) and
    the OCR word it was read from (``read``: the words of the name's box, text and confidence, in order) has a
    confidence under ``weak``. A word is paired with the OCR word of the same letters, marks aside."""
    words = LETTERS.findall(value)
    runs = [(LETTERS.findall(text), conf) for text, conf in read]
    for i, word in enumerate(words):
        twins = tone_twins(word, i)
        conf = next((c for letters, c in runs if len(letters) == 1 and _fold(letters[0]) == _fold(word)), None)
        if twins and conf is not None and conf < weak:
            other = twins[0][:1].upper() + twins[0][1:]
            return (f"'{word}' was read at {conf:.1f} and '{other}' is a listed name a tone mark away: "
                    "the mark may be misread")
    return None
