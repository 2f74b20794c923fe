"""A header's ``Số:`` (``Sẽ:``, ``Sô:``, ``SỐ:``) and a footer's ``Nơi nhận:`` (``Mơi nhận:``, ``Nơi nhân:``)
misread, read back by their place.

Why: the label is a fixed word at a fixed place (Decree 30: the header's left column, directly before the number
and symbol), and on faded and speckled pages the engine reads its ``ố`` as another vowel or ``đ``. The number's
parser already takes any ``S?:`` as its label (:data:`archivist.numsym._LABEL`), so the field is not lost; but the
stored text, the index and the PDF's text layer keep the misreading, and a search for ``Số`` misses the page.
Only a word of that one shape (``S``, one letter that folds to ``o``/``e``/``a``/``d`` or the digit ``0``/``6``, a
colon) is read back, and only where its place proves it: in the top third and the left half of the page's words,
followed on its line by a word that parses whole as a number and symbol. Running text is never touched
(``sẽ:`` in lower case, a word after which no number stands, a word below the header).

``Nơi nhận:`` opens the footer's left column; misread, the footer's parser (``footer._NOI_NHAN``, ``noi nhan``
folded) misses it and reads the list as unlabelled, and the signature block beside it less well. A pair is read back
only where it opens a line in the lower half and the left half of the page's words, its first word three letters one
off ``noi`` and its second ``nhan:`` folded (``Ban nhân:``, ``Nguyên nhân:``, a pair inside a line: kept).
(bench/RESULTS.md, "Labels misread (session 44, third round)".)

``Kính gửi:`` opens the addressee's line under the header (``Kinh gửi:``, ``kính gửi:``, ``Kính gưi:``, ``Kính
gử1:``); ``V/v`` opens a letter's subject in the header's left column, under its number (``V/``, ``VIv``, ``V/y``,
``Vév``). Both are read back only where their place proves them: ``Kính gửi`` opening a line in the upper half, its
second word ``g`` and a ``u`` with marks then at most an ``i`` (or ``t``, ``1``) and stops, the word after it (if
any) no lower-case word (an addressee or the list on the next line); ``V/v`` opening a line in the top third and
the left half, followed by a lower-case word (the subject going on). ``Kính gởi:`` (a spelling of its own), ``V/V``
(printed so too), ``kinh phí``, ``Về việc``, a ``V/`` before a capital or inside a line: kept. (bench/RESULTS.md,
"Labels misread, second round (session 45)".)
"""

from __future__ import annotations

import re
from dataclasses import replace

from .models import Word
from .numsym import find_number_symbols
from .ocrtext import clean_ocr
from .textnorm import fold

LABEL = "Số:"
FOOTER_LABEL = ("Nơi", "nhận:")
#: ``S``, one letter or digit the ``ố`` is misread as, a colon: ``Sẽ:``, ``Sô:``, ``Sõ:``, ``Sổ:``, ``Sđ:``, ``SỐ:``.
_SHAPE = re.compile(r"S[^\W_]:")
_FOLDS_TO = frozenset("oead06")
ADDRESS_LABEL = ("Kính", "gửi:")
SUBJECT_LABEL = "V/v"
#: ``gửi`` misread: ``gưi:``, ``gứi:``, ``gửt:``, ``gử1:``, ``gử::``, ``gửi.``, ``gu)`` (``g``, a ``u`` with any marks,
#: at most one letter the ``i`` is misread as, stops); ``gởi`` (a spelling of its own) is not of this shape
_ADDRESS_SECOND = re.compile(r"g[uưúùủũụứừửữự][iíìỉĩịt1l]?[:;.'+)]*")
#: ``V/v`` misread: ``V/``, ``VIv``, ``V/y``, ``Vév``, ``V/ự``, ``V:v``, ``//v``, ``VN``, ``.V/v``, ``V⁄+:``
_SUBJECT_SHAPE = re.compile(r"[._,]?[Vv/](?:[/⁄:|lI1é]?[vVyựwWN+:]{1,2}|[/⁄:|lI1])")


def _misread_label(text: str) -> bool:
    return text != LABEL and _SHAPE.fullmatch(text) is not None and fold(text[1]).lower() in _FOLDS_TO


def _misread_footer_label(first: str, second: str) -> bool:
    """``Mơi nhận:``, ``Wơi nhận:``, ``Nơi nhân:``: a word that folds to three letters one off ``noi`` (a
    stop after it dropped), then one that folds to ``nhan:``; the label itself excluded."""
    head = fold(first.rstrip(".")).lower()
    return ((first, second) != FOOTER_LABEL and fold(second).lower() == "nhan:" and len(head) == 3 and head.isalpha()
            and sum(a != b for a, b in zip(head, "noi", strict=True)) <= 1)


def _misread_address(first: str, second: str, after: str | None) -> str | None:
    """The second word ``Kính gửi:``'s pair ``first second`` is read back to (``gửi`` where the word ``after`` it
    opens with the colon), or None where the pair is not that label misread: its first word ``kinh`` folded (a
    stop or stroke before it aside), its second of :data:`_ADDRESS_SECOND`'s shape, no lower-case word after it."""
    if fold(first.lstrip("_.,-")).lower() != "kinh" or _ADDRESS_SECOND.fullmatch(second) is None \
            or (after is not None and after[:1].islower()):
        return None
    label = "gửi" if after is not None and after.startswith(":") else ADDRESS_LABEL[1]
    return None if (first, second) in (ADDRESS_LABEL, (ADDRESS_LABEL[0], label)) else label


def _misread_subject(text: str, after: str) -> bool:
    """Whether ``text`` is a letter's ``V/v`` misread (:data:`_SUBJECT_SHAPE`; ``V/V`` is printed so too), the word
    ``after`` it a lower-case word: the subject going on."""
    return text not in (SUBJECT_LABEL, "V/V") and _SUBJECT_SHAPE.fullmatch(text) is not None and after[:1].islower()


def _number_symbol(text: str) -> bool:
    """Whether ``text`` is a number and symbol and nothing more (a trailing stop or comma aside)."""
    core = clean_ocr(text.rstrip(".,;"))
    return any(m.start == 0 and m.end == len(core) for m in find_number_symbols(core))


def read_labels(words: list[Word]) -> list[Word]:
    """``words`` with each misread ``Số:`` and ``V/v`` in the header's left column, each misread ``Kính gửi:`` opening
    a line in the upper half and each misread ``Nơi nhận:`` opening a line in the footer's left column (the lower
    half) read back (see the module's docstring); the same list when none is."""
    if len(words) < 2:
        return words
    left, right = min(w.bbox[0] for w in words), max(w.bbox[2] for w in words)
    top, bottom = min(w.bbox[1] for w in words), max(w.bbox[3] for w in words)
    middle, header_end, footer_start = (left + right) / 2, top + (bottom - top) / 3, (top + bottom) / 2
    out = list(words)
    for i, w in enumerate(words[:-1]):
        nxt = words[i + 1]
        if nxt.line != w.line or w.bbox[2] >= middle:
            continue
        opens = i == 0 or words[i - 1].line != w.line
        after = words[i + 2].text if i + 2 < len(words) and words[i + 2].line == w.line else None
        if _misread_label(w.text) and w.bbox[3] < header_end and _number_symbol(nxt.text):
            out[i] = replace(w, text=LABEL, rivals=())
        elif opens and w.bbox[3] < header_end and _misread_subject(w.text, nxt.text):
            out[i] = replace(w, text=SUBJECT_LABEL, rivals=())
        elif opens and w.bbox[3] < footer_start and (second := _misread_address(w.text, nxt.text, after)):
            out[i], out[i + 1] = (replace(x, text=t, rivals=()) for x, t in zip((w, nxt), (ADDRESS_LABEL[0], second),
                                                                                  strict=True))
        elif (opens and w.bbox[1] > footer_start and nxt.bbox[2] < middle
              and _misread_footer_label(w.text, nxt.text)):
            out[i], out[i + 1] = (replace(x, text=t, rivals=()) for x, t in zip((w, nxt), FOOTER_LABEL, strict=True))
    return words if out == words else out
