"""Names of bodies (issuer, parent body, place, recipients) cleaned of OCR debris, by what a body's name
can hold.

A body's name is Vietnamese syllables (``ỦY BAN NHÂN DÂN XÃ TÂN PHÚ``), known abbreviations (``UBND``,
``HĐND``, ``TT``), numbers and Roman numerals (``TRƯỜNG THCS SỐ 1``, ``KHÓA XX``). What the OCR adds to
it is of two kinds, both undone here without a guess:

- debris: a speck or a rule read as punctuation or as a letter that is no Vietnamese letter (``ˆ``,
  ``: M: .``, ``Ñ``, ``©``); it is dropped;
- two words run together where the gap between them was narrow (``PHỔYÊN``): a token that is no
  syllable but splits one way only into two syllables is split there (:mod:`archivist.syllables`).

Letters are never changed: a token that is no syllable and cannot be split (an ethnic-minority place
name: ``ĐẮK``, ``KRÔNG``) is kept as read, and counted by :func:`odd_tokens`, which the extractor uses
to lower the value's confidence so that a person looks at it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .doctypes import load_table
from .levelwords import LEVELS
from .syllables import fold_marks, folded_syllables, is_syllable
from .textnorm import normalize
from .tokens import ANGLES, BRACKETS, edge_without, split_edges

#: Abbreviations of commune records besides the type and body codes of data/doctypes.json.
EXTRA_ABBREVIATIONS = ("TT", "PCT", "CT", "VT", "TM", "KT", "TL", "TUQ", "UB", "THCS", "THPT", "TH", "MN", "HTX",
                       "UBMTTQVN", "VN", "TP",  # VN: Việt Nam (UBMTTQ VN xã)
                       "TX", "BTV", "B/C",  # (b/c): for report, after a recipient
                       "BS",  # TLKS-BS: a civil-status extract's copy (Circular 04/2020/TT-BTP forms)
                       "H", "X", "P", "Q", "V/V")  # H. ĐÔNG TRIỀU: huyện, xã, phường, quận written short
_ROMAN = re.compile(r"^[IVXLC]{1,6}$")
_NUMBER = re.compile(r"^\d[\d.,%]*$")  # 2025, 465.000.000, 15,5%
_EDGE = edge_without(ANGLES)  # an angle quote is a speck here (no name prints one): odd_tokens counts it
#: what a cleaned name's ends are trimmed of: spaces, rules (``_-—``), separators and straight quotes (as
#: :func:`clean_body` has always trimmed them; its words' own edges are :data:`_EDGE`'s)
_NAME_TRIM = edge_without(BRACKETS + ANGLES + "!?…–/\\|‘’“”") + " "
_VIET_LETTERS = set("aăâbcdđeêghiklmnoôơpqrstuưvxy")
_LEVELS = {fold_marks(w.split()[0]) for w in LEVELS}  # what follows a body's head word, its first word unmarked


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    table = load_table()
    parts = {p for code in table.known_codes for p in re.split(r"[-/]", code)}
    return frozenset({unicodedata.normalize("NFC", a).upper() for a in (*parts, *EXTRA_ABBREVIATIONS)})


def _base_letters(token: str) -> str:
    """The token's letters without tone and vowel marks, lower case (``đ`` kept)."""
    nfd = unicodedata.normalize("NFD", token.lower())
    return "".join(c for c in nfd if c.isalpha() and unicodedata.combining(c) == 0)


def is_known(token: str) -> bool:
    """A syllable, a known abbreviation, a number or a Roman numeral: what a body's name is made of."""
    core = core_of(token)
    if not core:
        return False
    if _NUMBER.match(core) or _ROMAN.match(core) or core.upper() in abbreviations():
        return True
    return all(_NUMBER.match(w) or w.upper() in abbreviations() or is_syllable(w) for w in re.split(r"[-/]", core) if w)


def _letter(c: str) -> bool:
    return c.isdigit() or _base_letters(c) in _VIET_LETTERS or _base_letters(c) in ("f", "j", "w", "z")


def core_of(token: str) -> str:
    """``token`` without what surrounds a word's letters: punctuation, specks, stray marks (``ˆUBND``)."""
    i, j = 0, len(token)
    while i < j and not _letter(token[i]):
        i += 1
    while j > i and not _letter(token[j - 1]):
        j -= 1
    return token[i:j]


def is_debris(token: str) -> bool:
    """Nothing a name holds: no letter or digit at all (``ˆ``, ``)``), or a letter outside the Vietnamese
    alphabet (``Ñ``, ``Œ``), or a lone letter that is no word, with its punctuation (``M:``)."""
    core = core_of(token)
    if not any(c.isalnum() for c in core):
        return True
    letters = _base_letters(core)
    if any(c not in _VIET_LETTERS and c not in "fjwz" for c in letters):
        return True
    return len(core) == 1 and core.isalpha() and not is_syllable(core) and core.upper() not in abbreviations() \
        and not _ROMAN.match(core)


def split_run_together(token: str) -> tuple[str, str] | None:
    """``token`` as the two syllables it was run together from, when there is exactly one such split."""
    lead, core, trail = split_edges(token, _EDGE)
    if len(core) < 3 or not core.isalpha() or is_known(core) or fold_marks(core) in folded_syllables():
        return None  # a syllable that lost its marks (HUYEN) is one word, not two
    splits = [(core[:i], core[i:]) for i in range(1, len(core)) if is_syllable(core[:i]) and is_syllable(core[i:])]
    if len(splits) != 1:
        return None
    a, b = splits[0]
    return lead + a, b + trail


#: The fixed words of body names (their heads and level words): a run of words that folds to one of these is
#: that, whatever marks the OCR gave it (``ỦY BẠN NHÂN ĐÂN``). Longest first.
HEADS = tuple(sorted((
    "ủy ban nhân dân", "hội đồng nhân dân", "ủy ban mặt trận tổ quốc việt nam", "ủy ban mặt trận tổ quốc",
    "ủy ban thường vụ quốc hội", "thủ tướng chính phủ", "chính phủ", "quốc hội", "đảng ủy", "công an",
    "văn phòng", *LEVELS), key=len, reverse=True))


def _fixed_words(words: list[str]) -> tuple[list[str], list[str]]:
    """``words`` with every run that folds to one of :data:`HEADS` spelled as it is written."""
    out, changes, i = [], [], 0
    while i < len(words):
        for head in HEADS:
            n = len(head.split())
            run = words[i:i + n]
            if len(run) == n and fold_marks(" ".join(run)) == fold_marks(head) and i + n < len(words):
                fixed = [w if normalize(w.lower()) == normalize(h) else  # UỶ and ỦY: one word, as written
                         h.upper() if w.isupper() else h.capitalize() if w[:1].isupper() else h
                         for w, h in zip(run, head.split(), strict=True)]
                if fixed != run:
                    changes.append(f"{' '.join(run)} -> {' '.join(fixed)}: the words of a body's name")
                out += fixed
                i += n
                break
        else:
            out.append(words[i])
            i += 1
    return out, changes


def clean_body(text: str) -> tuple[str, list[str]]:
    """A body's name without OCR debris and with run-together words split; and what was changed. A name
    holds no punctuation but a dot after an abbreviation (``TT.``, ``H.``) and a hyphen between two parts
    (``BÀ RỊA - VŨNG TÀU``): anything else at a word's edge is a speck (``DÂN:``, ``_XÃ``)."""
    out: list[str] = []
    changes: list[str] = []
    raws = text.split()
    for i, raw in enumerate(raws):
        inner = 0 < i < len(raws) - 1 and raws[i - 1] != "-" and raws[i + 1] != "-" \
            and fold_marks(core_of(raws[i + 1])) not in _LEVELS  # ỦY BAN NHÂN DÂN - XÃ: a rule, not a hyphen
        if raw == "-" and inner and out:
            out.append(raw)  # BÀ RỊA - VŨNG TÀU
            continue
        if is_debris(raw):
            changes.append(f"'{raw}' dropped: OCR debris")
            continue
        core = core_of(raw)
        tok = core + "." if raw.endswith(".") and core.upper() in abbreviations() else core
        if tok != raw:
            changes.append(f"{raw} -> {tok}: a speck read as punctuation")
        if (pair := split_run_together(tok)) is not None:
            changes.append(f"{tok} -> {' '.join(pair)}: two words run together")
            out.extend(pair)
            continue
        out.append(tok)
    out, fixed = _fixed_words(out)
    return " ".join(out).strip(_NAME_TRIM), changes + fixed


def odd_tokens(text: str) -> list[str]:
    """The tokens of ``text`` that are no syllable, known abbreviation or number (misread, or a name
    the syllable rules do not know): a reason to look at the value."""
    return [t for t in text.split() if t.strip(_EDGE) and not is_known(t)]
