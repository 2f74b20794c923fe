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

Session 49 (bench/RESULTS.md, "Flags, tone twins (session 49)"): over 310 stored runs this rule was the only reason
on 21 right signers and on no wrong one, 18 of the 21 a word with no tone mark (``Trinh``, ``Thanh``, ``Vinh``,
``Phan``) read weakly beside a toned twin (``Trình``). Such a word is doubted only where the engine weighed another
mark for one of its letters (:func:`mark_weighed`): a mark lost to the pixels leaves the engine a marked rival more
often than not, and a plain word read weakly with no such rival is a weak word, not a mark in doubt. A word with a
tone mark (``Thủy`` for ``Thùy``, the case the rule was written for) is doubted on its weakness alone, as before.
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


def mark_weighed(text: str, rivals: Sequence[tuple[int, str, float, float]]) -> bool:
    """Whether the engine weighed, for a letter of the OCR word ``text``, the same letter with other marks (its
    ``rivals``, :data:`archivist.models.Word.rivals`: ``ì`` for the ``i`` of ``Trinh``)."""
    return any(0 <= at < len(text) and ch != text[at] and _fold(ch) == _fold(text[at]) for at, ch, *_ in rivals)


def tone_twin_doubt(value: str, read: Sequence[tuple[str, float] | tuple[str, float, bool]],
                    weak: float = WEAK) -> str | None:
    """Why the signer's name ``value`` is doubtful: one of its words has a listed tone twin (:func:`tone_twins`) and
    the OCR word it was read from (``read``: the words of the name's box, text, confidence and, where known,
    whether the engine weighed another mark for it (:func:`mark_weighed`), in order) has a confidence under
    ``weak``; a word with no tone mark only where another mark was weighed. A word is paired with the OCR word of
    the same letters, marks aside."""
    words = LETTERS.findall(value)
    runs = [(LETTERS.findall(r[0]), r[1], r[2] if len(r) > 2 else True) for r in read]
    for i, word in enumerate(words):
        twins = tone_twins(word, i)
        conf, weighed = next(((c, m) for letters, c, m in runs if len(letters) == 1
                              and _fold(letters[0]) == _fold(word)), (None, False))
        if twins and conf is not None and conf < weak and (weighed or toneless(word) != word):
            other = twins[0][:1].upper() + twins[0][1:]
            return (f"'{word}' was read at {conf:.1f} and '{other}' is a listed name a tone mark away: "
                    "the mark may be misread")
    return None
