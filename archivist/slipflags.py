"""Review flags for a date whose year the page's layout era contradicts, and for a subject's slips the engine was
sure of (fifty-third round of issue 14 item 9).

Why: on the fit basis of session 30 (seeds 22-62 and HG47) these values were stored wrong without a flag, each
read at a confidence no threshold may doubt (bench/RESULTS.md, "Flags, fifty-third round (session 30)"):

- HG56 typewriter-09 tb-183's date ``2019-08-17`` for ``2010-08-17`` (0.928): a typed ``0`` read as ``9``. Its page
  signs ``TM. UỶ BAN NHÂN DÂN``, Circular 55/2005's spelling, which Circular 01/2011 replaced (``ỦY``). On the fit
  basis no right date of 2011 or later stands on a page with ``UỶ`` or ``HOÀ`` in capitals (0 of 1494), every
  right date before 2011 but 17 does (1590): a date of 2011 or later on such a page is a misread year.
- HG58 speckle-24 qd-089's subject ``thiên tai và-tìm kiếm`` (0.883): a speck read as a hyphen between two words.
  No right subject glues two small-letter syllables with a hyphen (a compound is spaced, ``kinh tế - xã hội``).
- HG62 typewriter-11 tb-179's ``Về việc Lịch trực Yết Nguyên đán`` (0.785): the word after the opening ``Về
  việc`` is written in small letters unless it opens a name (``Về việc Ban Chỉ đạo …``, each word capitalised);
  a capital there before a small-letter word (``Lịch trực``) is a letter misread: four subjects on the fit basis,
  all wrong, no right one.
- HG58 typewriter-11 bb-041's ``an toàn thực phấn`` for ``thực phẩm`` (0.734): an ``m`` read as ``n`` with its
  tone (:func:`archivist.wordpairs.stroke_doubt`).
- AT58 pc-022's ``Về việc chuyến đơn của công dân`` for ``chuyển đơn`` (0.866): ``chuyển đơn`` is not in the list
  of words, but the body writes it (``… xã chuyển đơn đến …``) and the subject's pair nowhere else
  (:func:`archivist.wordpairs.text_twin_doubt`).
- AT67 don-kien-nghi's ``từ cư sử chăn nuôi`` for ``cơ sở`` (0.819, flags57): both syllables one mark off
  (:func:`archivist.wordpairs.double_doubt`).
- HG76 typewriter-11 qd-123's ``Về việc thành Lập Ban chỉ đạo`` for ``thành lập Ban Chỉ đạo`` (0.868, sixty-fourth
  round): a word of the list (``thành lập``) read with its second syllable capitalised and its first not
  (:func:`inner_capital_doubt`).
- HG89 speckle-22 ttr-223's ``kinh phí .sửa chữa`` (0.884, seventy-first round): a speck read as a dot glued to the
  front of a word (:func:`front_speck_doubt`).
- HG94 speckle-22 kh-081's recipients item ``Các. thành viên Ban Chỉ đạo`` (0.85, seventy-eighth round): a speck
  read as a full stop glued to the end of a word before a small-letter word (:func:`back_stop_doubt`).
- HG128 typewriter-09 cv-150's ``phòng, chống tụt bão`` for ``lụt bão`` (0.859, session 37's flags102): a lexicon
  phrase with one word one confusion off, that word in no word of the list with its neighbours
  (:func:`archivist.itemslips.subject_phrase_doubt`).

All only flag; the values stay as read.
"""

from __future__ import annotations

import re

from .fields import Field
from .itemslips import subject_phrase_doubt
from .recipients import CIRCULAR_01, old_spelling
from .seasonflags import season_doubt
from .subjectmarks import stop_doubt
from .syllables import attested
from .wordpairs import canon, double_doubt, entries, stroke_doubt, text_twin_doubt

#: the subject's fixed opening and the two words after it
_OPENING = re.compile(r"^\W*Về việc\s+(\S+)\s+(\S+)")
#: what a word is read without at its edges
_EDGES = ".,;:()\"'“”"


def era_doubt(value: object, texts: list[str]) -> str | None:
    """Why the date ``value`` (ISO) is doubtful: it is of 2011 or later, and its page spells as Circular 55/2005
    did (``UỶ``, ``HOÀ``), which Circular 01/2011 replaced."""
    if not isinstance(value, str) or not value[:4].isdigit() or int(value[:4]) < CIRCULAR_01:
        return None
    spelt = old_spelling(texts)
    return f"the page spells '{spelt}' as Circular 55/2005 did, not as texts of {value[:4]}" if spelt else None


def glued_hyphen_doubt(subject: str) -> str | None:
    """Why a subject is doubtful: two small-letter syllables are joined by a hyphen (``và-tìm``), a speck or a
    stroke read between two words."""
    for token in subject.split():
        parts = token.strip(_EDGES).split("-")
        if len(parts) == 2 and all(p.isalpha() and p.islower() for p in parts):
            return f"'{token.strip(_EDGES)}' joins two words with a hyphen: a speck read between them"
    return None


#: a stop, comma, semicolon or colon glued to the front of a word, at the start or after a space (`` .sửa``)
_FRONT_SPECK = re.compile(r"(?:^|\s)([.,;:]+[^\W\d_]\w*)")


def front_speck_doubt(value: str) -> str | None:
    """Why a text value is doubtful: a stop, comma, semicolon or colon is glued to the front of a word (``kinh phí
    .sửa chữa``). Writing puts these after a word, never before it: one there is a speck read as punctuation, and
    the engine's confidence in the words does not say so. On the fit basis (seeds 22-80, 87-89 and HG47) 9 values
    held one, all wrong subjects (8 flagged by other checks), no right value and no true value of any field
    (bench/RESULTS.md, "Flags, seventy-first round (session 31)")."""
    m = _FRONT_SPECK.search(value)
    return f"'{m.group(1)}' has punctuation glued to its front: a speck read as a mark" if m else None


def flag_front_specks(found: dict[str, Field]) -> None:
    """Give every text value with punctuation glued to the front of a word its reason for review (values kept)."""
    for f in found.values():
        if isinstance(f.value, str) and not f.review:
            f.review = front_speck_doubt(f.value)


#: abbreviations written with a stop before a word in small letters (``KT. chủ tịch``); ``v.v.`` is passed over
#: by :func:`archivist.subjectmarks.stop_doubt` itself (no stop before a word glued to another stop)
_STOPPED = frozenset({"TT", "KT", "TM", "Q", "TL", "TUQ"})


def _abbreviation(word: str) -> bool:
    """``word`` is written with a stop: an abbreviation of :data:`_STOPPED` or an initial (one capital)."""
    return word in _STOPPED or (len(word) == 1 and word.isupper())


def back_stop_doubt(value: str) -> str | None:
    """Why a text value is doubtful: a full stop ends a word inside it and a small-letter word follows (``Các.
    thành viên``), :func:`archivist.subjectmarks.stop_doubt`'s reading of a subject, for any text (a list item, an
    issuer, a position) with the abbreviations written with a stop passed over. A title, a position or a list item
    is one phrase with no sentence inside, so a stop there is a speck read as a mark. On the fit basis (seeds
    22-80, 87-91, 94 and HG47) no true value of any text field holds a stop at all (``KT.``, ``TM.`` are stored as
    the authority), and the read values holding one before a small-letter word were all wrong (bench/RESULTS.md,
    "Flags, seventy-eighth round (session 32)"). A comma is not judged: ``Chủ tịch, các PCT`` is ordinary
    writing."""
    return stop_doubt(value, _abbreviation)


def flag_back_stops(found: dict[str, Field]) -> None:
    """Give every text value, or list of texts (the recipients), with a full stop glued to a word's end before a
    small-letter word its reason for review (values kept)."""
    for f in found.values():
        items = f.value if isinstance(f.value, list) else [f.value]
        if not f.review:
            f.review = next((r for i in items if isinstance(i, str) and (r := back_stop_doubt(i))), None)


def opening_capital_doubt(subject: str) -> str | None:
    """Why a subject is doubtful: the word after ``Về việc`` opens with a capital and the next word is in small
    letters (``Về việc Lịch trực``): no name opens so, a small letter was misread."""
    m = _OPENING.search(subject)
    if m is None:
        return None
    first, then = m.group(1), m.group(2).strip(_EDGES)
    if first.isalpha() and first[0].isupper() and first[1:].islower() and then.isalpha() and then.islower():
        return f"'{first}' is capitalised after 'Về việc' before '{then}': no name opens so"
    return None


#: words a name follows in small letters (a unit's level, a person's title): ``xã Hội An``, ``bà Hoàng Thị …``
#: start a name, though ``xã hội`` and ``bà hoàng`` are words of the list
BEFORE_NAMES = frozenset({"xã", "phường", "huyện", "quận", "tỉnh", "trấn", "phố", "thôn", "ấp", "bản", "làng", "khu",
                           "ông", "bà", "anh", "chị", "em", "cô", "chú", "bác"})


def inner_capital_doubt(subject: str) -> str | None:
    """Why a subject is doubtful: two of its syllables make one word of the list (``thành lập``) and are read with
    the second capitalised, the first not (``thành Lập``). A name is capitalised from its first syllable, so no word
    starts in small letters and goes on in a capital; a typed or faded ``l``/``L``, ``c``/``C`` differs in height
    alone, and the engine was sure of it. A syllable after a level word or a person's title (:data:`BEFORE_NAMES`)
    is a name's first. On the fit basis (seeds 22-74, 76 and HG47) 18 subjects held such a word, all wrong (17
    flagged by other checks), no right one (bench/RESULTS.md, "Flags, sixty-fourth round (session 31)")."""
    words = entries()
    tokens = [w.strip(_EDGES) for w in subject.split()] if words else []
    for a, b in zip(tokens, tokens[1:], strict=False):
        if not (a.isalpha() and b.isalpha() and a.islower() and b[0].isupper() and b[1:].islower()):
            continue
        if a not in BEFORE_NAMES and f"{canon(a)} {canon(b)}" in words:
            return f"'{a} {b}' is one word read with its second syllable capitalised: a letter read in the wrong case"
    return None


#: words that open a body's name written with its first letter alone capitalised (Decree 30's ``Ban bảo vệ dân
#: phố``, ``Tổ bầu cử``, ``Hội đồng``): a small word after one is the name going on, not a capital misread
BODY_HEADS = frozenset({"Ban", "Hội", "Tổ", "Đội", "Đoàn", "Phòng", "Sở", "Trường", "Trạm", "Chi", "Quỹ", "Viện",
                        "Cục", "Bộ", "Ủy", "Uỷ", "Câu", "Nhà", "Trung", "Hợp", "Công", "Tòa", "Toà", "Bệnh"})


def name_cross_doubt(subject: str) -> str | None:
    """Why a subject is doubtful: a name opens mid-sentence with a capital (the word before it in small letters) and
    its next word is read in small letters opening ``b`` where a ``Đ`` makes a syllable in use (``vụ Thu bông`` for
    ``vụ Thu Đông``), the two no word of the list (``Ủy ban``, ``Đảng bộ`` are). A name capitalises every
    syllable (a body's name does not: :data:`BODY_HEADS`), and a typed ``Đ`` worn past its top stroke reads ``b``
    (:mod:`archivist.typedcross` reads it back where the stroke shows). The sealed set of session 45 stored ``… vụ
    Thu bông năm 2007`` at 0.882 unflagged: ``bông`` is a word, so no syllable check asked. On the truth texts of
    seeds 335-339, clean 339, 401 and the samples (2,298 lines) no such pair stands (a name's end before a verb,
    ``Kim Sơn báo cáo``, follows a capital, not a small word)."""
    words, used = entries(), attested()
    tokens = [w.strip(_EDGES) for w in subject.split()] if words and used else []
    for before, a, b in zip(tokens, tokens[1:], tokens[2:], strict=False):
        if before.isalpha() and before.islower() and a.isalpha() and a[0].isupper() and a[1:].islower() \
                and a not in BODY_HEADS \
                and len(b) > 1 and b.isalpha() and b.islower() and b[0] == "b" and "đ" + b[1:] in used \
                and f"{canon(a)} {canon(b)}" not in words:
            return f"'{a} {b}' opens a name in a capital and goes on in a small 'b': a 'Đ' worn to a 'b'?"
    return None


def flag_slips(found: dict[str, Field], texts: list[str]) -> None:
    """Mark for review a date of 2011 or later on a page spelled as Circular 55 wrote, and a subject with a
    hyphen glued between two words, a capital after its opening, an ``m`` read as ``n``, a pair of words the
    document writes otherwise elsewhere, a word capitalised from its second syllable, a lexicon phrase with a word
    one confusion off, a season's name with a word one letter off (``vụ Thu bông``) or a name going on in a small
    ``b`` (a ``Đ`` worn); any text value with punctuation glued to the front of a word, or a full stop glued to a
    word's end before a small-letter word."""
    day = found.get("date")
    if day is not None and not day.review:
        day.review = era_doubt(day.value, texts)
    subj = found.get("subject")
    if subj is not None and isinstance(subj.value, str) and not subj.review:
        subj.review = glued_hyphen_doubt(subj.value) or opening_capital_doubt(subj.value) \
            or stroke_doubt(subj.value) or text_twin_doubt(subj.value, "\n".join(texts)) or double_doubt(subj.value) \
            or inner_capital_doubt(subj.value) or subject_phrase_doubt(subj.value) or season_doubt(subj.value) \
            or name_cross_doubt(subj.value)
    flag_front_specks(found)
    flag_back_stops(found)
