"""A review flag for a name word the restorer changed from another real name spelled with the same letters.

Why: :meth:`archivist.marks.MarkRestorer.restore` reads any spelling of a name word whose folded form is a listed
name's as that name (``Mính`` -> ``Minh``). That is right where the OCR misread a listed name's marks, and wrong
where the page prints a real name the lexicon's ``[surnames]``/``[given]`` do not list: ``Nguyễn Văn Tám`` read
exactly as printed is stored ``Nguyễn Văn Tâm``, the Thái family name ``Lường`` is stored ``Lương``, ``Doãn``
``Đoàn``, ``Thư`` ``Thu``. Those sections keep one spelling per folded form (or the restorer could undo nothing), so
the real names spelled like a listed one with other marks are listed apart (``[other surnames]``, ``[other given]``,
:func:`archivist.lexicon.other_names`): the restorer still reads them as the listed name, whose misread they may be
(``Tám`` for a printed ``Tâm``), and the name is flagged with the word as read in the reason, the value a reviewer
sees and can keep. The value is never changed: restored and flagged loses no right value on the usual sets, where
every name is a listed one; kept as read would lose each listed name the OCR misread into another real one.
Measured (bench/unlisted_names.py): on the sets of seed 361 drawn with ``--names unlisted`` (90 documents) the names
stored wrong without a flag go from 36 signers, 6 persons and 10 register rows to none; on seeds 86-120 (every
name listed) no right signer or person is newly flagged and one right register row is.

Not judged: a word read as any other syllable. A syllable with other marks (``Đỉnh`` for ``Đinh``, ``Hãng`` for
``Hằng``, ``Ngõ`` for ``Ngô``) is mostly the engine misreading a listed name: flagging every one flags right names
far past the budget of two in 29,000 right values (+6 right signers on seeds 86-88 alone; bench/RESULTS.md, "Names
the lexicon does not list (session 36)"), so a real name neither listed nor listed apart is still restored
unflagged. A name that lacks a listed one's tone mark (``Tiên``, ``Thăng``) is listed apart like the others; one the
OCR makes of a listed name by losing its marks (``Thi`` for ``Thị``) is not, or every such name would be flagged.
"""

from __future__ import annotations

import unicodedata

from .lexicon import LETTERS, other_names
from .ocrtext import _fold

#: a run of letters: a name's words in its value and in the text it was read from


def read_run(value: str, source: str) -> list[str] | None:
    """The words of ``source`` (the text the name ``value`` was read from) the value was made of: the first run of
    as many words whose letters fold as the value's words do. None when there is none (the value was cut or joined
    from the text otherwise)."""
    mine = LETTERS.findall(unicodedata.normalize("NFC", value))
    src = LETTERS.findall(unicodedata.normalize("NFC", source))
    key, folded = [_fold(w) for w in mine], [_fold(w) for w in src]  # each source word folded once
    for i in range(len(src) - len(mine) + 1):
        if folded[i:i + len(mine)] == key:
            return src[i:i + len(mine)]
    return None


def unlisted_name_doubt(value: str, source: str | None) -> str | None:
    """Why the name ``value`` is doubtful: a word of it was read in ``source`` as a real name listed apart
    (:func:`archivist.lexicon.other_names`: the family name first, given names after), which the restorer replaced by
    the listed name of the same letters (see the module docstring)."""
    read = read_run(value, source or "")
    if not read:
        return None
    others = other_names()
    words = LETTERS.findall(unicodedata.normalize("NFC", value))
    changed = [(seen, word) for i, (word, seen) in enumerate(zip(words, read, strict=True))
               if seen.casefold() != word.casefold() and seen.lower() in others["surnames" if i == 0 else "given"]]
    if not changed:
        return None
    names = "', '".join(seen.capitalize() for seen, _ in changed)
    stored = "', '".join(word for _, word in changed)
    return (f"read '{' '.join(read)}' and stored with the listed '{stored}', but '{names}' "
            f"{'is a name' if len(changed) == 1 else 'are names'} too: the page may print either")
