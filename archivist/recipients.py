"""The recipients (``Nơi nhận:``) of a document, read back from the OCR lines under the label.

Their conventional bits are restored (``Lưu: VT``, the archive copy, whose ``L`` or ``: VT`` the OCR drops;
``(b/c)``, for report), debris after them dropped (``Lưu VT. jc``, a line that is only specks), and the
list checked against what Decree 30 requires of it: it ends with the archive copy, written as codes
(``Lưu: VT, TP``). A list that does not, or whose last line ends on a separator (``Lưu: VT,``: what
followed was lost), is given a low confidence so that a person looks at it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .bodies import abbreviations, is_debris, is_known
from .closingsign import item_tail
from .doctypes import load_table
from .footer import BULLET
from .ocrtext import Line
from .tokens import ALNUM, SEPARATORS

#: what an item's word is read without: its separators and round brackets (``(b/c);``); a hyphen (``UBND-VP``),
#: a stroke (``b/c``) and a quote stay on it
ITEM_EDGE = SEPARATORS + "()"
NO_FILE_COPY = 0.6  # recipients that do not end with the archive copy (``Lưu: VT``): a line was lost
#: The archive copy as Decree 30 (and Circular 55, without the colon) writes it: ``Lưu: VT, TP``.
_FILE_COPY = re.compile(r"^Lưu:? VT(?:, [A-ZĐ][A-ZĐa-z]{0,5}(?:-[A-ZĐ]{1,5})?)*$")
_LUU = re.compile(r"^\W*[^\W\d_]{0,4}\s?[:;]\s*(?=V\w{0,2}\b)|^\W*L[uư]u\W*$", re.I)
#: The archive copy with the drafting unit's code after ``VT`` (``Lưu: VT, VP``): every part Decree 30 asks of it
_CODED_COPY = re.compile(r"^Lưu:? VT, ([A-ZĐ]{2,3})$")
_VT = re.compile(r"^Lưu: V\w{0,2}\b\.?")
_BC = re.compile(r"\(\s*[a-z]?b\s*\W?\s*[c€C©]\s*\)|\(bíc\)")  # (b/c), (b/€), (hb/c): for report
#: The last word of a recipient as read, after a separator and with a capital (``Lưu: VT; TŒ``: a unit's code)
_CODE_CUT = re.compile(r"[,;]\s*([^\W\d_]*[A-ZĐ]\S*)\s*$")
_TAIL = re.compile(r"\s*;\s*\S{1,2}$")
#: a unit's code in capitals (``TC``, ``VP``, ``ĐC``), as a word dropped as debris may be one, or one whose
#: later letter was read as a digit (``T7`` for ``TC``: HG107 ttr-166's ``Lưu: VT, TC`` read ``Lưu: VT T7``)
_CODE_SHAPE = re.compile(r"[A-ZĐ][A-ZĐ0-9]{1,2}")
#: Circular 55/2005's spellings (``CỘNG HOÀ``, ``UỶ BAN``: the tone on the first vowel), which Circular 01/2011 changed
_OLD_SPELLING = re.compile(r"\b(?:HOÀ|UỶ)\b")
CIRCULAR_01 = 2011  # the year Circular 01/2011 wrote the archive copy with a colon (``Lưu: VT``)
#: A party committee (``Đảng ủy``, ``Huyện ủy``): its ``ủy`` is written small after a capital, whose case the OCR
#: confuses (``Ủ``/``ủ`` differ only in size); ``Ủy ban`` is another body, in capitals.
_COMMITTEE = re.compile(r"(?<![\w])((?:Đảng|Huyện|Tỉnh|Thành|Quận|Thị|Đoàn) )([UỦ][yỷ])(?![\w])(?! [Bb]an\b)")


def old_spelling(texts: list[str]) -> str | None:
    """The first of Circular 55/2005's spellings (``HOÀ``, ``UỶ``) the document's ``texts`` write; None if none."""
    return next((m.group(0) for t in texts if (m := _OLD_SPELLING.search(t))), None)


def typed_under_circular55(date: object, texts: list[str]) -> bool:
    """Whether the document was typed under Circular 55/2005, whose archive copy has no colon (``Lưu VT``):
    dated before 2011 AND spelled as it spelled (``CỘNG HOÀ``, ``TM. UỶ BAN``). Both, because a later typist
    may date a copy of an old text, and the old spelling alone is still seen on new documents."""
    year = int(date[:4]) if isinstance(date, str) and date[:4].isdigit() else None
    return year is not None and year < CIRCULAR_01 and old_spelling(texts) is not None


def recipient(item: str, colon: bool = True) -> str:
    """The conventional bits of a recipient line read back: ``Lưu: VT`` (the archive copy: the OCR
    drops its ``L`` or ``: VT``, or garbles the ``VT``: ``ưu: VT``, ``km: VT``, ``Lưu: VTF``), ``(b/c)``
    (for report: ``(b/€)``), and a speck after the last semicolon dropped. A ``Lưu`` read alone gets its
    ``VT`` back with a colon only where the document's rules wrote one (``colon``): adding one that was
    never printed would make a right reading wrong (``Lưu VT`` under Circular 55)."""
    item = _TAIL.sub(lambda m: m.group() if is_known(m.group().strip("; ")) else "", item)  # not "; TC"
    if _LUU.match(item):
        item = _LUU.sub("Lưu: ", item).rstrip(": ") + ("" if ":" in item else ": VT" if colon else " VT")
        if (m := _VT.match(item)) and not load_table().is_issuer_code(m.group().split()[-1].rstrip(".")):
            item = "Lưu: VT" + item[m.end():]
    return _BC.sub("(b/c)", item)


def committee_case(item: str) -> str:
    """``item`` with a party committee's ``Ủy`` written small (``TT Đảng Ủy`` -> ``TT Đảng ủy``), as Decree 30's
    lists and the bodies' own names write it."""
    return _COMMITTEE.sub(lambda m: m.group(1) + m.group(2).lower(), item)


def recipient_debris(item: str) -> str:
    """A recipient without the OCR debris at its end (``Lưu VT. jc``), or '' when it is all debris (``)/w/E``)."""
    words = item.split()
    if not any(is_known(w) and any(c.isalpha() for c in w) and len(w.strip(ITEM_EDGE)) > 1 for w in words):
        return ""
    while words and (is_debris(words[-1]) or not is_known(words[-1]) and len(words[-1].strip(ITEM_EDGE)) <= 2):
        words.pop()
    return " ".join(words).rstrip(SEPARATORS + " ")


def code_dropped(read: str, kept: str) -> bool:
    """Whether cleaning ``read`` down to ``kept`` dropped a word shaped like a unit's code (``FC`` of ``Lưu: VT
    FC``, AT46 tc-121: ``TC`` read at 44 with its comma lost), so the archive copy may have lost the drafting
    unit's code: the debris rule cannot tell a code misread from specks, a person can. (Fit basis, seeds 22-47:
    three lists' last items lost such a word, all three wrong; no right list did.)"""
    return any(_CODE_SHAPE.fullmatch(w.strip(".,;:()")) for w in read.split()[len(kept.split()):])


def ends_with_word(item: str, word: str) -> bool:
    """Whether ``item`` ends with ``word`` as a whole word (or the end of one after a stop or hyphen: ``TT.HĐND``),
    not with its letters alone: ``Lưu: VT, T.`` cleaned to ``Lưu: VT`` did not keep its ``T`` (HG49 gm-088's
    ``TC`` read ``T.`` and dropped as debris), though ``VT`` ends with one."""
    return bool(word) and re.search(r"(?<![^\W\d_])" + re.escape(word) + r"$", item) is not None


def stop_read(last: str) -> bool:
    """Whether a separator after the list's last item (``Lưu VT, VP,``) is its closing stop misread rather than a
    sign that a part was lost: the item is already a whole archive copy, ``VT`` and a known unit's code after it,
    so nothing Decree 30 asks of the line is missing. A bare ``Lưu VT,`` keeps its doubt: its unit's code may be
    what was lost. (Fit basis, seeds 22-35: 7 right lists ended so, flagged only for it; every wrong one ending so
    was wrong in another item and flagged by that item's own evidence.)"""
    coded = _CODED_COPY.match(last)
    return coded is not None and coded.group(1) != "VT" and coded.group(1) in abbreviations()


def read_recipients(lines: list[Line], labelled: bool, restore: Callable[[str], str],
                    colon: bool = True) -> tuple[list[str], list[str], float]:
    """The recipients under ``Nơi nhận:`` (``labelled``) or where they stand without it: the items, what
    was changed from the lines as read, and the confidence. ``restore`` cleans and restores an item's marks;
    ``colon``: whether the archive copy is written ``Lưu: VT`` (not under Circular 55)."""
    items: list[str] = []
    for ln in lines:
        text = ln.text.strip()
        if BULLET.match(text) or not items:
            items.append(BULLET.sub("", text))
        else:
            items[-1] += " " + text
    restored = [r for i in items if (r := restore(i))]
    as_read = [recipient(r, colon) for r in restored]
    read = [committee_case(i) for i in as_read]
    changes = [f"'{i}' -> '{c}': the committee's 'ủy' in small letters" for i, c in zip(as_read, read, strict=True)
               if c != i]
    cleaned = [recipient_debris(i) for i in read]  # each item cleaned once: what is kept, and what changed
    changes += [f"'{i}' dropped: OCR debris" for i, c in zip(read, cleaned, strict=True) if not c]
    changes += [f"'{i}' -> '{c}': OCR debris dropped" for i, c in zip(read, cleaned, strict=True) if c and c != i]
    tailed = [item_tail(c) if c else c for c in cleaned]  # flags162: nothing of an item follows its closing sign
    changes += [f"'{c}' -> '{t}': read as Decree 30 writes a recipient: its closing sign ends it"
                for c, t in zip(cleaned, tailed, strict=True) if t != c]
    dropped = any(len(ALNUM.findall(t)) < len(ALNUM.findall(c)) for c, t in zip(cleaned, tailed, strict=True))
    cleaned = tailed  # words dropped after a closing sign (``Lưu: VT, VP. kzx``): specks there; the list stays low
    kept = [c for c in cleaned if c]
    cut = [r for r, c in zip(restored, cleaned, strict=True) if kept and c == kept[-1]
           and (m := _CODE_CUT.search(r)) and not ends_with_word(kept[-1], m.group(1).strip(SEPARATORS))]
    # the last item with a letter or digit: a stroke read as a lone bullet under the list (``-``) is no item, and
    # must not hide that ``Lưu: VT,`` above it ends open (AT439 29-pb-038: ``- Lưu: ,`` then ``-``)
    last = next((i for i in reversed(items) if ALNUM.search(i)), items[-1])
    open_end = re.search(r"[,;]\s*$", last) and not (kept and stop_read(kept[-1]))  # "Lưu: VT," lost a part
    lost = kept and any(c == kept[-1] and code_dropped(i, c) for i, c in zip(read, cleaned, strict=True))
    whole = kept and _FILE_COPY.match(kept[-1]) and not open_end and not cut and not lost and not dropped \
        and not any(re.search(r"\(b/c\)\W*\w", i) for i in kept)  # not "Lưu: VT," nor "(b/c); bắc"
    return kept, changes, round((0.85 if labelled else 0.6) * (1.0 if whole else NO_FILE_COPY), 3)
