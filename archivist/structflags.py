"""What a body's name and a recipient must look like, checked (thirty-seventh round of issue 14 item 9).

Why: on typewritten pages the header's two lines (the parent body over the issuer) and the recipients' small type
are read with the engine sure of slips that leave every syllable a real one in capitals, so no confidence and no
syllable check doubts them (sealed seed 46: HG46 ttr-177's issuer ``UBND HUYỆN CHÂU PHÚ ỦY NHÂN BÂN XÃ MỸ ĐỨC`` at
0.821, bc-089's recipient ``TT ảng ủy`` at 0.85). What they break is the value's structure, which Decree 30 fixes:

- a body's name names one unit, so it holds one level word (``XÃ``, ``HUYỆN`` …); two are two lines joined;
- its head is ``ỦY BAN NHÂN DÂN`` or ``HỘI ĐỒNG NHÂN DÂN`` written whole; words of it reordered or misspelt
  (``ỦY NHÂN BÂN``) are a misread header, in which the unit's name may be misread too; a ``NHÂN`` one letter
  lost or off (``ỦY BAN HÂN DÂN``) is still its ``NHÂN`` (forty-second round);
- a recipient's words in small letters are syllables Vietnamese words use (``ảng`` is none: ``Đảng`` lost its
  capital), as the subject's are (``crosscheck.syllable_doubt``); names in capitals are not judged;
- a list names its recipients before the archive copy: a list of the copy alone lost its first lines
  (thirty-eighth round, :func:`copy_alone_doubt`);
- a bracketed code of one letter either side of a stroke (``(b/c)``, for report) is written small: one read with
  a capital (``(B/c)``) is a letter read in the wrong case (forty-fifth round, :func:`code_case_doubt`).
- the archive copy's office codes (``Lưu VT, ĐC``) are written in capitals: one read with a small letter (``Đc``)
  is a letter read in the wrong case (fifty-eighth round, :func:`copy_code_doubt`).
- the words after a body's level word are its unit's name, with no code among them: ``CỦ HT`` (a typed ``CHI``
  read ``€HT``) names no unit (fifty-fourth round, :func:`code_name_doubt`).
- a head written whole is followed by its unit's level word (``ỦY BAN NHÂN DÂN XÃ …``); another word there
  (``XẾ``, a real syllable one confusion from ``XÃ``) is the level word misread (sixty-fourth round,
  :func:`level_word_doubt`).
- a parent body left unstored while the issuer's name holds a district's level word before a commune's
  (``UBND HUYỆN THỦY NGUYÊN XÃ ĐÔNG SƠN``) or before a whole head's ``ỦY``/``NHÂN DÂN`` (``UBND HUYỆN LẤP VÒ ỦY
  NHÂN DÂN``), or opens with a parent's short head and holds a head again (``UBND UYỆN CAN LỘC VY BAW NHÂN DÂN XÃ
  MỸ LỘC``): the parent's line was read into the issuer's, so the missing parent issuer is no absent one
  (hundred-and-thirty-ninth round, :func:`parent_in_issuer_doubt`; fresh HG230-232's parents not found, unflagged,
  in bench/RESULTS.md "Flags, hundred-and-thirty-eighth round onward (session 42)").
- the issuer's name is the body's own, written whole (Decree 30, Appendix I, II.2.a: ``tên chính thức, đầy đủ``);
  only the parent's may shorten ``Ủy ban nhân dân`` to ``UBND``. An issuer opening with ``UBND``/``HĐND`` is the
  parent's line taken for it, the issuer's own lines lost on the page (hundred-and-forty-second round,
  :func:`short_head_doubt`; fresh HG266 faded-15-cv-133's ``UBND HUYỆN CHÂU THÀNH`` for ``ỦY BAN NHÂN DÂN XÃ LONG
  HƯNG`` at 0.864; on 85 sets no truth's issuer opens so, and the 45 stored issuers that did were all wrong).

Each flags and never changes a value; they run after ``wordingflags.flag_wording``, which restores (and flags)
a head one letter off at the name's start (``ỦY BAN NHÂN BÂN``), so what is judged here is what it left.
Measured on the fit basis, seeds 22-47 (bench/RESULTS.md "Flags, thirty-seventh round"): none doubts a right value.
"""

from __future__ import annotations

import re

from .crosscheck import name_key, unit_name, unit_names, unmarked_key
from .fields import Field, flag_recipients
from .levelwords import BODY_HEADS, COMMUNE, LEVEL, alternation
from .lexicon import LETTERS
from .syllables import attested
from .wordingflags import BODY_FIELDS

#: the heads of a commune's bodies, unmarked, and as written
HEADS = {"uy": ("ỦY", "BAN NHÂN DÂN"), "hoi": ("HỘI", "ĐỒNG NHÂN DÂN")}
_OLD_HEAD = {"UỶ": "ỦY"}  # Circular 55's spelling of the same word
#: of the three words after ``ỦY``/``HỘI``, this many of the head's (unmarked, in any order), ``NHÂN`` among them,
#: make them the head misread; bodies with two of its words but no ``NHÂN`` are others (``ỦY BAN DÂN TỘC``,
#: ``ỦY BAN DÂN SỐ``, ``HỘI NÔNG DÂN``)
_HEAD_LIKE = 2
_PEOPLE = "nhan"
#: a parent body's short head (unmarked) and a whole head's last word: two heads in one name are two lines
_SHORT_HEADS = ("ubnd", "hdnd")
_PEOPLE_TAIL = "dan"
#: a whole head's words no unit's name holds: ``ỦY`` (``UỶ``) or ``NHÂN DÂN``
_WHOLE_HEAD = re.compile(r"(?<!\S)(?:ỦY|UỶ|NHÂN DÂN)(?!\S)")


def _people_misread(word: str) -> bool:
    """Whether ``word`` (unmarked) is ``NHÂN`` with one letter lost or changed (``HÂN``: its ``N`` read as a speck
    and dropped, HG52 ttr-023), so it stands for the head's ``NHÂN``: no other body's head word is one letter from
    it (forty-second round)."""
    a, b = word, _PEOPLE
    lost = len(a) == len(b) - 1 and any(a == b[:i] + b[i + 1:] for i in range(len(b)))
    changed = len(a) == len(b) and a != b and sum(x != y for x, y in zip(a, b, strict=True)) == 1
    return lost or changed


def _people_in_place(read: list[str], rest: str) -> bool:
    """Whether the words ``read`` (unmarked) after ``ỦY``/``HỘI`` are the head's ``rest`` in place but its
    ``NHÂN``, read otherwise (``ỦY BAN HÊN DÂN``: its ``N`` lost and ``Â`` read ``Ê``, two letters off, HG176
    typewriter-09-kh-104, flags128): no body's name is ``ỦY BAN … DÂN`` or ``HỘI ĐỒNG … DÂN`` with another word
    between."""
    want = unmarked_key(rest).split()
    if len(read) != len(want):
        return False
    return [w for w, h in zip(read, want, strict=True) if w != h] == [read[want.index(_PEOPLE)]]


def levels_doubt(value: str) -> str | None:
    """Why a body's name is doubtful: it holds two level words (``UBND HUYỆN CHÂU PHÚ … XÃ MỸ ĐỨC``), so two of
    the header's lines (the parent body's and the issuer's) were read as one. A unit whose own name holds a
    level word (``Tứ Xã``, ``Phường Đúc``) is known to the unit lists and not doubted."""
    hits = list(LEVEL.finditer(value + " "))
    if len(hits) < 2:
        return None
    rest = value[hits[0].end():].strip(" ,.;")
    if name_key(rest) in unit_names():
        return None
    first, second = hits[0].group().strip(), hits[1].group().strip()
    return f"'{first}' and '{second}' in one body's name: two lines of the header read as one"


def head_doubt(value: str) -> str | None:
    """Why a body's name is doubtful: its ``ỦY BAN NHÂN DÂN`` (or ``HỘI ĐỒNG NHÂN DÂN``) is not written whole
    though most of its words are there (``ỦY NHÂN BÂN``): the header misread, where the unit's name may be too.
    Other bodies (``ĐẢNG ỦY``, ``ỦY BAN MẶT TRẬN TỔ QUỐC``, ``ỦY BAN DÂN TỘC``) lack its ``NHÂN`` and are left."""
    words = value.split()
    for i, word in enumerate(words):
        head = HEADS.get(unmarked_key(word))
        if head is None:
            continue
        after = " ".join(words[i + 1:i + 4])
        if _OLD_HEAD.get(word.upper(), word.upper()) == head[0] and after.upper() == head[1]:
            continue
        read = unmarked_key(after).split()
        same = set(read) & set(unmarked_key(head[1]).split())
        if _PEOPLE not in same and (any(_people_misread(w) for w in read) or _people_in_place(read, head[1])):
            same.add(_PEOPLE)
        if len(same) >= _HEAD_LIKE and _PEOPLE in same:
            return f"'{word} {after}' is not '{' '.join(head)}' written whole: the header misread"
    return None


def code_name_doubt(value: str) -> str | None:
    """Why a body's name is doubtful: the words after its level word hold a code (``UBND HUYỆN CỦ HT``) and the
    unit lists know no unit of that name. ``crosscheck.unit_doubt`` leaves a name with a code in it alone (in a
    list, ``xã TT HĐND`` is two bodies, not a commune's name), so a typed ``CHI`` read ``€HT``, its ``€`` dropped,
    passed as the code ``HT`` (sealed seed 63: HG63 kh-212's parent issuer at 0.72). In a body's name the words
    after the level word are the unit's name: on the fit basis (seeds 22-63) the 6 names holding a code there were
    all wrong (5 flagged already), none right (bench/RESULTS.md, "Flags, fifty-fourth round (session 30)")."""
    known = unit_names()
    for part in re.split(r"[,;(]", value) if known else []:
        if unit_name(part) is None and (name := unit_name(part, codes=True)) and name_key(name) not in known:
            return f"no administrative unit is named '{name}': a word of the unit's name read as a code"
    return None


#: a body's head written whole, then the rest of its name
_HEAD_WHOLE = re.compile(rf"^(?P<head>{alternation(BODY_HEADS)})\s+(?P<rest>\S.*)$")


def level_word_doubt(value: str) -> str | None:
    """Why a body's name is doubtful: its head is written whole but the word after it is no level word
    (``ỦY BAN NHÂN DÂN XẾ YÊN THỊNH``). Decree 30 names the body's unit with its level (``XÃ``, ``PHƯỜNG``, ``THỊ
    TRẤN``, ``HUYỆN`` …), so the word there is one of a closed set; ``XẾ`` for ``XÃ`` is a real syllable the
    syllable check passes, and the engine was sure of it (sealed seed 76: HG76 typewriter-12 cv-221's issuer at
    0.769). On the fit basis (seeds 22-74, 76 and HG47) 52 issuers and parents so read were all wrong (51 flagged
    by other checks), no right one (bench/RESULTS.md, "Flags, sixty-fourth round (session 31)"). The bench's
    bodies are communes' and districts' only; the set accepted is every level of the unit lists."""
    m = _HEAD_WHOLE.match(value)
    if m is None or LEVEL.match(m.group("rest") + " "):
        return None
    word = m.group("rest").split()[0]
    return f"'{word}' after '{m.group('head')}' is no unit's level word (XÃ, PHƯỜNG, HUYỆN …): a letter misread"


def body_doubt(value: str) -> str | None:
    """The first of this module's reasons that doubts a body's name (issuer, parent issuer), or None."""
    return levels_doubt(value) or head_doubt(value) or code_name_doubt(value) or level_word_doubt(value)


def parent_in_issuer_doubt(issuer: str) -> str | None:
    """Why a parent issuer not found may be there all the same: the issuer's name holds the parent body's line
    read into it, told by a level word above a commune's (``HUYỆN``, ``TỈNH``, ``THỊ XÃ``) before a commune's
    (``XÃ``, ``PHƯỜNG``, ``THỊ TRẤN``; two of the header's lines read as one, :func:`levels_doubt`), or before a
    whole head's ``ỦY`` or ``NHÂN DÂN`` (the issuer's level word lost: ``UBND HUYỆN LẤP VÒ ỦY NHÂN DÂN``), or, where
    the parent's level word was misread, by two heads: the short one a parent is written with (``UBND``, ``HĐND``)
    opening it and a whole head's ``ỦY`` or ``… DÂN`` before the commune's level word (``UBND UYỆN CAN LỘC VY BAW
    NHÂN DÂN XÃ MỸ LỘC``)."""
    hits = list(LEVEL.finditer(issuer + " "))
    levels = [" ".join(h.group().split()).lower() for h in hits]
    if len(levels) >= 2 and levels[0] not in COMMUNE and levels[1] in COMMUNE and levels_doubt(issuer):
        return f"no parent body stored, but the issuer's name holds '{levels[0].upper()}' before " \
               f"'{levels[1].upper()}': the parent's line was read into it"
    if levels and levels[0] not in COMMUNE and (head := _WHOLE_HEAD.search(issuer, hits[0].end())):
        return f"no parent body stored, but the issuer's name holds '{levels[0].upper()}' before " \
               f"'{head.group()}': the parent's line was read into it"
    words = unmarked_key(issuer).split()
    if len(words) > 2 and words[0] in _SHORT_HEADS:
        for h, level in zip(hits, levels, strict=True):
            before = issuer[:h.start()]
            if level in COMMUNE and len(before.split()) > 1 and (_WHOLE_HEAD.search(before, len(before.split()[0]))
                                                                 or unmarked_key(before).split()[-1] == _PEOPLE_TAIL):
                return f"no parent body stored, but the issuer's name opens with '{issuer.split()[0]}' and holds " \
                       f"a head again before '{h.group().strip()}': the parent's line was read into it"
    return None


def short_head_doubt(issuer: str) -> str | None:
    """Why an issuer is doubtful: it opens with the short head a parent body is written with (``UBND``, ``HĐND``),
    where the issuing body's own name is written whole: the parent's line was taken for the issuer's."""
    words = issuer.split()
    if len(words) > 1 and unmarked_key(words[0]) in _SHORT_HEADS:
        return f"the issuer opens with '{words[0]}', the short head a parent body is written with; the issuing " \
               "body's own name is written whole: the parent's line was taken for it, the issuer's lines lost"
    return None


def recipient_syllable_doubt(items: list[str]) -> str | None:
    """Why the recipients are doubtful: an item holds a word of two letters or more in small letters that no
    Vietnamese word uses (``TT ảng ủy``: the capital of ``Đảng`` lost). Words with a capital (codes, names such
    as ``Bến Lức``) are left: a unit's name may use a syllable the list lacks."""
    known = attested()
    for item in items if known else []:
        odd = [w for w in re.findall(r"[^\W\d_]{2,}", item) if w.islower() and w not in known]
        if odd:
            return f"'{odd[0]}' in '{item}' is a syllable no Vietnamese word uses: a letter of it lost"
    return None


#: an item that is the archive copy (``Lưu: VT``, ``Lưu VT, VX``), as stored
_ARCHIVE_COPY = re.compile(r"^Lưu\b")


#: Words a level word makes a body's or a unit's kind with, in small letters (``Huyện ủy Củ Chi``, ``Huyện đoàn``,
#: ``Xã hội``, an island district's ``huyện đảo Lý Sơn``)
_UNIT_BODIES = frozenset({"ủy", "uỷ", "hội", "đội", "đoàn", "đảo"})
#: A unit's level word in a list's item and the word after it (``UBND huyện củ Chỉ``): a unit's name follows its level
#: word and is a proper name, each syllable written with a capital (``huyện Củ Chi``, ``xã Bình Minh``).
_UNIT_NAME = re.compile(r"(?<![^\W\d_])(?:huyện|xã|tỉnh|phường|quận|thị trấn|thành phố) ([^\W\d_]+)(?= |$)", re.I)


def unit_case_doubt(items: list[str]) -> str | None:
    """Why the recipients are doubtful: a unit's name read with its first syllable in small letters before a capital
    (``UBND huyện củ Chỉ`` for ``Củ Chi``, ``huyện cái Bè``, ``huyện tấp Vò``): the name's capital was misread, and a
    misread nearby is likely (sealed HG439 typewriter-08-qd-135, session 48: ``củ Chỉ`` stored unflagged at 0.85).
    Only before a capital, so a level word followed by words in use (``xã có liên quan``) is left. Written after
    reading that sealed run; over every record stored under ``/work/runs`` then, the six lists that read so were all
    wrong, no right list did."""
    for item in items:
        for m in _UNIT_NAME.finditer(item):
            rest = item[m.end():].split()
            if m.group(1).islower() and m.group(1) not in _UNIT_BODIES and rest and rest[0][:1].isupper():
                return f"'{m.group(1)} {rest[0]}' in '{item}': a unit's name is written with capitals, one was misread"
    return None


def copy_alone_doubt(items: list[str]) -> str | None:
    """Why the recipients are doubtful: the list holds the archive copy (``Lưu VT, VX``) and nothing else. Decree
    30's list names those the document is sent to (``Như trên``, ``TT HĐND xã``) before the copy kept, so their
    lines were not read into it (AT48 nq-229: the two items beside the seal read as one stray word ``Than``, the
    list stored whole at 0.85 from its last line). Thirty-eighth round; fit basis, seeds 22-48: three lists were
    the copy alone, all wrong; no right list was."""
    if items and all(_ARCHIVE_COPY.match(i) for i in items):
        return f"the list holds only the archive copy ('{items[-1]}'): the items before it were not read"
    return None


#: a bracketed code of one letter either side of a stroke (``(b/c)``, ``(t/h)``, ``(p/h)``: for report, to carry out,
#: to work with), as a recipient's line closes
_SLASH_CODE = re.compile(r"\(\s*([^\W\d_])\s*/\s*([^\W\d_])\s*\)")


def code_case_doubt(items: list[str]) -> str | None:
    """Why the recipients are doubtful: an item's bracketed code (``(b/c)``), which Decree 30 writes in small
    letters, holds a capital. The engine tells ``B`` from ``b`` by height alone and a list's case is restored by no
    rule but ``recipients.recipient``'s for a small ``b`` (``(b/C)`` -> ``(b/c)``), so ``(B/c)`` is stored as read:
    HG55 typewriter-09-ttr-087's ``TT Đảng ủy xã (B/c)`` at 0.85, the typed ``b`` read ``B`` with the rival ``b``
    25.2 points behind. The engine's case rival is no test: on the fit basis (seeds 22-54) the letters of right
    ``(b/c)`` codes have one within 25 points in 52 lists unflagged (``C`` for the ``c``), none wrong. A capital
    in the code read is: every such code stored on the fit basis was wrong (bench/RESULTS.md, "Flags,
    forty-fifth round (session 29)"). Flagged, never changed: a body may print ``(B/c)``, and that is the
    reviewer's to see."""
    for item in items:
        m = _SLASH_CODE.search(item)
        if m and not m.group().islower():
            return f"the code '{m.group()}' in '{item}' is read with a capital; it is written small: a letter misread"
    return None


#: the archive copy's item's head, ``Lưu`` and its colon, and a count of copies (``NVA (5b)``: five copies) whose
#: ``b`` is written small
_COPY_HEAD = re.compile(r"^Lưu\s*:?")
_COPIES = re.compile(r"\d+\s*b\b")


def copy_code_doubt(items: list[str]) -> str | None:
    """Why the recipients are doubtful: a word of the archive copy's item (``Lưu VT, ĐC``) holds a small letter,
    though the codes there (the office keeping it, ``VT``, ``VP``, ``ĐC``, ``TC``, the drafter's initials) are
    written in capitals. The engine tells ``C`` from ``c`` by height alone, the list's case is restored by no
    rule, and a code is no syllable the syllable check could doubt (sealed seed 68: HG68's ``Lưu VT, Đc`` for
    ``Lưu VT, ĐC`` at 0.85). On the fit basis (seeds 22-68 and HG47) the 154 lists whose copy's item held such a
    word were all wrong (153 flagged by other checks: debris read as letters after the codes, ``Vĩ`` for ``VT``);
    no right list held one (bench/RESULTS.md, "Flags, fifty-eighth round (session 30)"). Flagged, never changed."""
    for item in items:
        if not (head := _COPY_HEAD.match(item)):
            continue
        rest = _COPIES.sub(" ", item[head.end():])
        small = [w for w in LETTERS.findall(rest) if not w.isupper()]
        if small:
            return f"'{small[0]}' in the archive copy '{item}': its codes are written in capitals, a letter misread"
    return None


def flag_structure(found: dict[str, Field]) -> None:
    """Give a body's name or a recipients list whose structure is broken its reason for review (a value already
    flagged keeps its first reason)."""
    for name in BODY_FIELDS:
        f = found.get(name)
        if f is not None and isinstance(f.value, str) and f.value and not f.review:
            f.review = body_doubt(f.value)
    issuer, parent = found.get("issuer"), found.get("parent_issuer")
    short = None
    if issuer is not None and isinstance(issuer.value, str) and not issuer.review:
        issuer.review = short = short_head_doubt(issuer.value)
    if issuer is not None and isinstance(issuer.value, str) and (parent is None or parent.value is None) \
            and not (parent and parent.review) and (why := parent_in_issuer_doubt(issuer.value) or (
                short and f"no parent body stored, but the issuer stored, '{issuer.value}', is written as a parent "
                          "body is: it is the parent's")):
        found["parent_issuer"] = Field(None, 0.0, review=why)
    flag_recipients(found, lambda items: recipient_syllable_doubt(items) or copy_alone_doubt(items)
                    or code_case_doubt(items) or copy_code_doubt(items) or unit_case_doubt(items))
