"""Names of the Central Highlands' and northern mountain peoples: telling one, and reading it as printed.

Why: the merged communes of Đắk Lắk, Gia Lai, Kon Tum, Lâm Đồng, Đắk Nông and the northern mountain provinces file
records of people named ``Y Bih Niê``, ``H'Nga Niê``, ``Ksor Kơk``, ``Rơ Châm Pơ``, ``A Tuấn``, ``Giàng A Páo``,
``Lò Văn Hặc``. The rules built for Kinh names misread them three ways: a word with an apostrophe (``H'Nga``) was no
name word, a name in capitals had to open with a Kinh family name (``KSOR KƠK`` was no name), and the mark restorer
read a word spelled like a listed Kinh name with other marks as that name, silently (``Hơ Niê`` -> ``Hồ Niê``, ``Hờ A
Dế`` -> ``Hồ A Dế``, ``Vàng Thị Mỷ`` -> ``Mỹ``, ``Đinh Văn Thứ`` -> ``Thu``).

The lexicon lists these peoples' lineage names and the words that open their names (``[highland surnames]``: Ê Đê
``Niê``, ``Byă``, Jrai ``Ksor``, ``Siu``, ``Rơ Châm``, H'Mông ``Giàng``, ``Sùng``, Thái ``Lò``, ``Cầm``, the ``Y``
and ``A`` of Ê Đê, Bahnar and Xơ Đăng names, the H'Mông ``Mí``) and common given names of theirs (``[highland
given]``). A name is one of theirs (:func:`is_highland`) when a word has a letter and an apostrophe before a capital
(``H'Nga``, ``K'Bròng``) or is one of those words that no Kinh name spells with the same letters (``Niê``, ``Ksor``,
``Lò``, ``A``, ``Y``; not ``Hơ``, which has the letters of ``Hồ``, nor ``Giàng``, those of the Kinh ``Giang``). In
such a name the restorer only puts back marks the OCR lost (``Nie`` -> ``Niê``), never reads a word as another name
with other marks: the name is kept as read. A register row's name of these peoples is taken as sure only when each of
its words is a listed name (:func:`known`); otherwise it is kept as read and flagged, as an unknown family name is,
and so is a signer's always (its family name is no Kinh one: the signer's confidence stays 0.6).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .lexicon import LETTERS, SURNAME_SPELLINGS, SURNAMES, load_lexicon, name_spellings, other_names, section_lines
from .ocrtext import _fold
from .syllables import attested

#: a word of a name with a letter and an apostrophe before its capital: ``H'Nga``, ``K'Bròng`` (either apostrophe)
APOSTROPHE_WORD = re.compile(r"^[^\W\d_]['’][^\W\d_]+$")
#: a one-letter opener read into the capitalised word after it, the space lost: ``YBlơ`` for ``Y Blơ``
_GLUED = re.compile(r"^([AY])([^\W\d_][^\W\d_]+)$")


@lru_cache(maxsize=1)
def spellings() -> dict[str, frozenset[str]]:
    """The lexicon's ``[highland surnames]`` and ``[highland given]`` (small letters, each word of a two-word
    lineage name apart: ``rơ châm`` gives ``rơ`` and ``châm``), by ``surnames``/``given``."""
    return {s: frozenset(w.lower() for line in section_lines(None, f"highland {s}") for w in line.split())
            for s in ("surnames", "given")}


@lru_cache(maxsize=1)
def _kinh_keys() -> frozenset[str]:
    """Folded forms of every Kinh name the rules know: the lexicon's listed and other names, and the family names
    the footer knows as written (``Giang``, ``Thái``): a word with these letters may be a Kinh name misread."""
    keys = {key for section in name_spellings().values() for key in section}
    keys |= {_fold(w) for section in other_names().values() for w in section}
    return frozenset(keys | SURNAMES)


@lru_cache(maxsize=1)
def markers() -> frozenset[str]:
    """Folded words that make a name one of these peoples': their lineage names and name openers whose letters no
    Kinh name has."""
    return frozenset(_fold(w) for w in spellings()["surnames"]) - _kinh_keys()


def is_highland(name: str) -> bool:
    """Whether ``name`` is a name of the Central Highlands' or northern mountain peoples (the module docstring)."""
    words = unicodedata.normalize("NFC", name).split()
    return any(APOSTROPHE_WORD.match(w) or _sign(w) for w in words)


def _sign(word: str) -> bool:
    """Whether ``word`` is a lineage name or opener that marks a name as of these peoples: one of two letters or more
    by its letters (``Nie`` for ``Niê``: marks lost), a one-letter opener only as written (``A``, ``Y``; not ``Ả``:
    AT100's signature debris ``Ả MưUU``)."""
    if len(word) == 1:
        return word.lower() in spellings()["surnames"]
    return _fold(word) in markers()


def stock(name: str) -> bool:
    """Whether ``name`` is no name of these peoples but words: a phrase of the lexicon runs in it (``Y TẾ XÃ``: the
    ``Y`` that opens Ê Đê names opens ``y tế`` too), it has no word of two letters or more (``A B``: debris), or
    only a one-letter opener makes it one of theirs and another word is no name and no word (:func:`_opener_only`)."""
    letters = LETTERS.findall(unicodedata.normalize("NFC", name))
    words = [_fold(w) for w in letters]
    phrases = load_lexicon().get("phrases", {})
    if any(tuple(words[i:i + n]) in phrases for n in (2, 3) for i in range(len(words) - n + 1)):
        return True
    if all(len(w) < 2 for w in words):
        return True
    return _opener_only(name) and any(len(w) > 1 and not listed(w) and w.lower() not in attested() for w in letters)


def _opener_only(name: str) -> bool:
    """Whether the one sign that ``name`` is of these peoples is a one-letter opener (``A``, ``Y``): debris in
    capitals has such letters (HG123's ``A AU XS`` under a minutes' two headings, AT113's ``A AU``), so the other
    words must then be listed names or words Vietnamese writes (``A Tuấn``, ``Y Blơ``; not ``AU``, ``XS``)."""
    words = unicodedata.normalize("NFC", name).split()
    signs = [w for w in words if APOSTROPHE_WORD.match(w) or _sign(w)]
    return bool(signs) and all(len(w) == 1 for w in signs)


def listed(word: str) -> bool:
    """Whether ``word`` (letters only) is a listed name spelling, Kinh or these peoples', in any place of a name."""
    low = unicodedata.normalize("NFC", word).lower()
    return low in _kinh_spellings() or low in spellings()["surnames"] or low in spellings()["given"] \
        or low.capitalize() in SURNAME_SPELLINGS


@lru_cache(maxsize=1)
def _kinh_spellings() -> frozenset[str]:
    """Every spelling the lexicon lists of a Kinh name (small letters), gathered once, not for every word asked."""
    return frozenset(w for section in name_spellings().values() for ws in section.values() for w in ws)


def known(name: str) -> bool:
    """Whether ``name`` is one of these peoples' names each word of which is a listed name spelling, and no ``H'``
    or ``K'`` lost its apostrophe (``Nay H Nhi``): a register row's name so read is as sure as a Kinh name opening
    with a known family name; one with an unlisted word stays flagged. Not used for the signer: on the seed 371
    set a signer ``Vàng Thị Mỹ`` (every word listed) was the misread ``Mỷ``."""
    words = unicodedata.normalize("NFC", name).split()
    if not is_highland(name) or any(w.lower() in ("h", "k") for w in words):
        return False
    return all(listed(w) for w in LETTERS.findall(name))


def unglue(text: str) -> str:
    """``text`` with a one-letter opener parted from the name it was read into (``YBlơ`` -> ``Y Blơ``) when the rest
    is one capitalised word that is a listed name; else ``text`` as it is. Why: a Bahnar, Xơ Đăng or Ê Đê name of two
    syllables (``Y Blơ``, ``A Pơng``) is short, and the OCR may read its gap away (HA371 26-don-de-nghi's petitioner,
    ``YBlơ`` at 92): one word is no name, so the block had no signer and no position. Only a listed name after the
    opener (not ``YTế``, ``ANH``): the caller still asks :func:`archivist.signwords.is_name` of the result and takes it
    only where a signer's name goes."""
    m = _GLUED.match(unicodedata.normalize("NFC", text.strip()))
    if m is None or not m.group(2)[0].isupper() or not m.group(2)[1:].islower() or not listed(m.group(2)):
        return text
    return f"{m.group(1)} {m.group(2)}"


def name_case(name: str) -> str:
    """A name printed in capitals as a name is written: each word capitalised, and the word after an apostrophe too
    (``H'NGA NIÊ`` -> ``H'Nga Niê``; ``str.capitalize`` gives ``H'nga``)."""
    return " ".join(re.sub(r"(['’])([^\W\d_])", lambda m: m.group(1) + m.group(2).upper(), w.capitalize())
                    for w in name.split())
