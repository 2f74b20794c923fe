"""Evidence that a value is wrong whatever its confidence says: checks against what the value must be.

A field's confidence comes from the pattern that found it and the OCR's word confidences, and the OCR is
often sure of a wrong mark (``Củ Chỉ`` at 80 for ``Củ Chi``, ``07/08/2025`` at 97 where the header's date
line was unreadable). A wrong value stored without a review flag is the worst outcome for an archive, so
each check here gives a *reason* for review (``Field.review``) that no threshold can talk away:

- a unit named after its level word (``HUYỆN QUỲNH LỬU``, ``xã Cẩm Thạc``, in a body's name, a place, a
  recipient or a subject) that the administrative unit lists know under no such name;
- a body's name or a position in capitals with a word not in capitals (``LẤP Vò``): a mark or letter misread;
- a word the document spells more often with marks this value lacks, or an issuer and a place line that
  spell their commune two ways (``VĨNH THANH``, ``Vĩnh Thạnh``: both are real communes);
- a symbol part that is no known code (``UBMD``);
- a year no record can carry (``2609``) in a civil-status date or register book, or a number after ``năm`` in
  any value that is no year (``tháng 11 năm 29698``);
- ``KT.`` (a deputy signing for the head) above a position that is not a deputy's, or an authority line misread
  (``/XT. CHỦ TỊCH`` above ``CHỦ TỊCH``), so that no one knows whether a deputy signed;
- a signer's name read from a list line (``- Lựu Vĩ,``: the recipients' ``Lưu VT``), or a person's name with a
  word no Vietnamese word uses (``Vũ Trọng Puy``);
- a body's name that opens with the end of ``ỦY BAN NHÂN DÂN`` (``BAN NHÂN DÂN XÃ …``: its first word lost), or
  with a hyphen glued between two words (``UBND-HUYỆN``);
- a subject with a word no Vietnamese word uses (``sinh noạt``), with debris inside (``tuyến chọn và _".. gọi``),
  or ending on a word that joins it to more (``Tổ chức Tháng hành động và``: its next line lost), or with
  syllables that make no word where one confusion makes one (``cơ sử`` for ``cơ sở``: archivist/wordpairs.py);
- any value with speck debris: a character no Vietnamese text uses (``11†``), a dash glued to a word's front
  (``ấp -ả``), a hyphen between syllables that make a word (``thực-hiện``: archivist/debrisflags.py), or, in a
  recipient or any other field as in a subject, syllables one confusion off a word (``thành viến``);
- a recipient with a word of one small letter (``TT HĐND xã; h``: a speck read as a letter);
- a recipients list beside which a line was left out (its bullet lost), or one of whose words swallowed a line.
"""

from __future__ import annotations

import re
from datetime import date

from .annotflags import annotation_doubt
from .bodies import abbreviations
from .civil import register_book_doubt
from .debrisflags import debris_value_doubt
from .fields import Field, open_recipients
from .footer import BULLET, Footer
from .listflags import recipients_doubt, swallowed_doubt
from .marks import MarkRestorer
from .numsym import is_known_part
from .ocrtext import _fold, upper_ratio
from .runinflags import date_line_doubt
from .speckflags import symbol_word_doubt
from .subjectmarks import subject_mark_doubt
from .syllables import attested
from .textnorm import normalize
from .unitnames import _EDGE, commune_doubt, unit_doubt, unmarked_key

# re-exported: their home is unitnames; extract, agreement, structflags, communenear, confirmations and tests ask here
from .unitnames import level_lost as level_lost
from .unitnames import name_key as name_key
from .unitnames import unit_name as unit_name
from .unitnames import unit_names as unit_names
from .wordpairs import pair_doubt

MIN_YEAR = 1900
_ANNEX = re.compile(r"^\W*(?:ban hanh\s*)?kem theo\b")  # (Ban hành) kèm theo Quyết định số …: an annex's heading


def case_doubt(value: str) -> str | None:
    """Why a value printed in capitals is doubtful: a word of it is not (``LẤP Vò``)."""
    if upper_ratio(value) < 0.8:
        return None
    odd = [w for w in value.split() if any(c.islower() for c in w) and w.strip(_EDGE).upper() not in abbreviations()]
    return f"'{odd[0]}' is not in capitals like the rest" if odd else None


def symbol_doubt(symbol: str) -> str | None:
    """Why a number's symbol is doubtful: a part of it is no known code or abbreviation (``UBMD``)."""
    for part in re.split(r"[-/]", symbol):
        if part and not part.isdigit() and not is_known_part(part) and part.upper() not in abbreviations():
            return f"'{part}' is no known code"
    return None


#: The people's committee's and council's names without their first word(s), as a lost word leaves them.
_HEADLESS = ("ban nhan dan ", "dong nhan dan ", "nhan dan ")


def head_doubt(value: str) -> str | None:
    """Why a body's name is doubtful: it opens with the end of ``ỦY BAN NHÂN DÂN`` or ``HỘI ĐỒNG NHÂN DÂN``, whose
    first word was lost (``BAN NHÂN DÂN XÃ QUẢNG PHÚ``): no body is named so."""
    key = unmarked_key(value) + " "
    return f"'{value.split()[0]}' does not begin a body's name: a word before it was lost" \
        if key.startswith(_HEADLESS) else None


def name_doubt(value: str) -> str | None:
    """Why a person's name is doubtful: a word of it is no syllable Vietnamese words use (``Vũ Trọng Puy``)."""
    odd = [w for w in value.split() if w.lower() not in attested()]
    return f"'{odd[0]}' is no Vietnamese name's syllable" if odd and attested() else None


def syllable_doubt(value: str) -> str | None:
    """Why a subject is doubtful: a word of it in small letters is a syllable the spelling rules allow but no
    Vietnamese word uses (``sinh noạt`` for ``sinh hoạt``: the engine sure of a real-looking slip, which the
    post-correction cannot single out). Codes in capitals and single letters (``V/v``, ``quý I``) are left."""
    odd = [w for w in re.findall(r"[^\W\d_]{2,}", value) if not w.isupper() and w.lower() not in attested()]
    return f"'{odd[0]}' is a syllable no Vietnamese word uses" if odd and attested() else None


#: the punctuation a subject may hold as a word of its own: a dash between years or names, an ampersand
_SUBJECT_MARKS = frozenset("-–—&+/")
#: words that join a phrase to what follows it: a subject (a phrase) never ends on one of them
JOINING = frozenset(("và", "của", "cho", "với", "về", "các", "những", "tại", "trong", "theo", "đối", "để", "hoặc",
                     "đến", "từ", "trên", "là", "được", "do", "vì", "nhằm", "mà", "như", "khi", "giữa", "thuộc",
                     "tới", "hay", "nhưng"))


def debris_doubt(value: str) -> str | None:
    """Why a subject is doubtful: a word of it holds no letter or digit and is no dash (``_"..`` in
    ``tuyến chọn và _".. gọi``): specks read as punctuation inside the phrase, where a letter or a word may
    have been misread too. The subjects of the bench read right hold none such."""
    odd = [w for w in value.split() if not re.search(r"[^\W_]", w) and w not in _SUBJECT_MARKS]
    return f"'{odd[0]}' inside the subject: debris read as punctuation" if odd else None


def cut_doubt(value: str) -> str | None:
    """Why a subject is doubtful: it ends on a word that joins it to more (``Tổ chức Tháng hành động và``):
    its next line was lost or taken for the body's first. A subject is a phrase that ends on what it names."""
    words = value.split()
    last = words[-1].strip(_EDGE).lower() if words else ""
    return f"the subject ends on '{last}': its end was not read" if last in JOINING else None


def speck_doubt(items: list[str]) -> str | None:
    """Why the recipients are doubtful: an item holds a word of one small letter (``TT HĐND xã; h``,
    ``Lưu VT, TC. ọ``), or is one word of two not in capitals (``ni``, ``Sỏ``: flags33, AT42 kh-176, the only
    list of seeds 22-42 with such an item left unflagged): a speck read as letters, where the rest of the list
    may be cut or misread too. No body's name or list item is written with such a word, nor is one so short (a
    code in capitals, ``VT``, may be)."""
    for item in items:
        words = [c for w in re.split(r"[\s,;.:]+", item) if (c := w.strip(_EDGE))]
        odd = [c for c in words if c.islower() and len(c) == 1
               or len(c) == 2 and len(words) == 1 and c.isalpha() and not c.isupper()]
        if odd:
            return f"'{odd[0]}' in '{item}': a speck read as {'a letter' if len(odd[0]) == 1 else 'letters'}"
    return None


def glued_doubt(value: str) -> str | None:
    """Why a body's name or a position is doubtful: a hyphen glued between two of its words (``UBND-HUYỆN THẠCH
    THẤT``, ``CHỦ-TỊCH``): a speck read as a hyphen where a space was. No body's name or position is written so
    (a province's ``Bà Rịa - Vũng Tàu`` has spaces around its dash)."""
    m = re.search(r"[^\W\d_]+-[^\W\d_]+", value)
    return f"'{m.group()}': a hyphen glued between two words of the name" if m else None


def possible_year(y: str) -> bool:
    """Whether the digits ``y`` can be a record's year: four of them, from MIN_YEAR to next year."""
    return len(y) == 4 and MIN_YEAR <= int(y) <= date.today().year + 1


def year_doubt(value: str) -> str | None:
    """Why a date or register number is doubtful: it holds a year no record can carry (``2609``)."""
    for y in re.findall(r"(?<!\d)\d{4}(?!\d)", value):
        if not possible_year(y):
            return f"the year {y} is not possible"
    return None


#: ``năm`` (year) and the number after it: the number names a year wherever it stands (``tháng 11 năm 2008``,
#: ``giai đoạn năm 2021``); a count of years is written ``5 năm``, before the word, not after it
_NAM_NUMBER = re.compile(r"(?i)(?<!\w)năm\s+(\d{3,})(?!\d)")


def nam_doubt(value: str) -> str | None:
    """Why a value is doubtful: after ``năm`` stands a number of three digits or more that is no possible year
    (``năm 29698`` for ``năm 2008``: a speck read as a digit, so the year itself is not known). :func:`year_doubt`
    judges the years of dates and books only; this judges the year named in a subject, a place line or a name."""
    for y in _NAM_NUMBER.findall(normalize(value)):
        if not possible_year(y):
            return f"'năm {y}': {y} is not a possible year"
    return None


def position_doubt(authority: str | None, position: str) -> str | None:
    """Why a position is doubtful: ``KT.`` means a deputy signs for the head, so the position is a deputy's."""
    if authority == "KT." and not normalize(position).upper().lstrip(_EDGE + "/").startswith("PHÓ"):
        return f"signed KT. (for the head) but the position '{position}' is not a deputy's"
    return None


#: a signature line that opens with a short word and a dot or colon (``/XT.``, ``KT:``, ``“KT:CHỦ``, the space
#: after it lost): an authority's place
_AUTHORITY_LIKE = re.compile(r"^\W*[^\W\d_]{1,3}[.:]\s*(?P<rest>\S.*)$")


def authority_lost_doubt(footer: Footer, position: str) -> str | None:
    """Why a position is doubtful: the block has no authority, yet a line above the position repeats it after a
    short word with a dot (``/XT. CHỦ TỊCH`` above ``CHỦ TỊCH``): that is the authority line, its word misread.
    Were it ``KT.``, a deputy signed and the position lost its ``PHÓ`` (the seal over it), so only a person can
    tell; a deputy's position is right under either authority and is not doubted."""
    if footer.authority is not None or normalize(position).upper().lstrip(_EDGE + "/").startswith("PHÓ"):
        return None
    for ln in footer.positions:
        m = _AUTHORITY_LIKE.match(ln.text.strip())
        if m and unmarked_key(m.group("rest").strip(_EDGE)) == unmarked_key(position.strip(_EDGE)):
            return f"the line '{ln.text.strip()}' above the position reads like an authority misread"
    return None


def signer_doubt(source: str) -> str | None:
    """Why a signer's name is doubtful: it was read from a list line (a bullet before it)."""
    return "read from a list line, not a signature" if BULLET.match(source) and source.strip()[:1] in "-+•*~" else None


#: pairs a value's brackets and quotes come in: one without its partner means the reading lost a piece
_PAIRS = (("(", ")"), ("[", "]"), ("“", "”"), ("‘", "’"))


def unbalanced_doubt(value: str) -> str | None:
    """Why a value is doubtful: it holds a bracket or quote without its partner (``… vụ Hè Thu năm 2011)``, the
    opening bracket not in the value): the piece between was lost (a line taken for another field's, a speck
    read in place of a mark) or a speck was read as the mark. A printed value closes what it opens."""
    for opening, closing in _PAIRS:
        if value.count(opening) != value.count(closing):
            return f"'{opening}' and '{closing}' do not pair in the value: a piece of it was lost"
    for mark in "\"'":  # typed straight, a quote opens and closes alike; Vietnamese writes no apostrophe
        if value.count(mark) % 2:
            return f"a {mark} without its partner in the value: a piece of it was lost or a speck read as it"
    return None


def read_twice(value: str, texts: list[str]) -> bool:
    """Whether the document's own annex cites this number/symbol as read (``Kèm theo Quyết định số
    203/QĐ-UBND``): a second, independent reading of it that agrees, where the OCR was unsure of the first."""
    cited = re.compile(rf"(?<![\w/]){re.escape(value)}(?![\w/])")
    return any(_ANNEX.match(_fold(t)) and cited.search(t) for t in texts)


def confirm(f: Field | None, base: float, texts: list[str]) -> None:
    """Give a number/symbol its pattern's confidence back (``base``: the OCR's doubt answered) when it was
    read twice alike and no check doubts it."""
    if f is not None and isinstance(f.value, str) and not f.review and read_twice(f.value, texts):
        f.confidence = max(f.confidence, base)


def _mark(f: Field | None, reason: str | None) -> None:
    if f is not None and reason and f.value not in (None, "", []) and not f.review:
        f.review = reason


def check(found: dict[str, Field], restore: MarkRestorer, footer: Footer | None) -> None:
    """Give each value of ``found`` that one of the checks doubts its reason for review."""
    for name in ("issuer", "parent_issuer", "place"):
        f = found.get(name)
        if f is not None and isinstance(f.value, str):
            fewer = "spelled elsewhere in the document with marks it lacks" if restore.lacks_marks(f.value) else None
            body = name != "place"
            _mark(f, unit_doubt(f.value, whole=not body) or (case_doubt(f.value) if body else None)
                  or fewer or (head_doubt(f.value) or glued_doubt(f.value) or symbol_word_doubt(f.source_text)
                               if body else None))
    iss, place = found.get("issuer"), found.get("place")
    if iss is not None and place is not None and isinstance(iss.value, str) and isinstance(place.value, str):
        reason = commune_doubt(iss.value, place.value)
        _mark(iss, reason)
        _mark(place, reason)
    if (subj := found.get("subject")) is not None and isinstance(subj.value, str):
        _mark(subj, next((r for part in re.split(r"[,;(]", subj.value) if (r := unit_doubt(part))), None))
        _mark(subj, syllable_doubt(subj.value) or debris_doubt(subj.value) or cut_doubt(subj.value)
              or date_line_doubt(subj.value) or pair_doubt(subj.value)
              or subject_mark_doubt(subj.value))
    if (got := open_recipients(found)) is not None:
        rec, items = got
        _mark(rec, next((r for v in items if (r := unit_doubt(v))), None))
        _mark(rec, speck_doubt(items) or annotation_doubt(items))
        _mark(rec, (recipients_doubt(footer) or swallowed_doubt(footer)) if footer else None)
    if (ns := found.get("symbol")) is not None and isinstance(ns.value, str):
        _mark(found.get("number_symbol"), symbol_doubt(ns.value))
    for name in ("event_date", "book"):
        f = found.get(name)
        _mark(f, year_doubt(str(f.value)) if f is not None else None)
    _mark(found.get("book"), register_book_doubt(str(found["book"].value)) if "book" in found else None)
    pos, auth = found.get("signer_position"), found.get("authority")
    if pos is not None and isinstance(pos.value, str):
        _mark(pos, position_doubt(auth.value if auth else None, pos.value) or case_doubt(pos.value)
              or glued_doubt(pos.value) or (authority_lost_doubt(footer, pos.value) if footer else None))
    if footer is not None and footer.doubt:  # the secretary's block beside an unread column
        _mark(pos, footer.doubt)
        _mark(found.get("signer"), footer.doubt)
    if (signer := found.get("signer")) is not None:
        _mark(signer, signer_doubt(signer.source_text) or (name_doubt(signer.value) if isinstance(signer.value, str)
                                                           else None))
    if (person := found.get("person")) is not None and isinstance(person.value, str):
        _mark(person, name_doubt(person.value))
    for f in found.values():
        items = f.value if isinstance(f.value, list) else [f.value]
        _mark(f, next((r for v in items if isinstance(v, str) and (r := unbalanced_doubt(v) or nam_doubt(v)
                                                                    or debris_value_doubt(v) or pair_doubt(v))), None))
