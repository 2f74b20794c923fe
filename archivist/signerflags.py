"""Review flags on the signature block read against its own form and the body (issue 14 item 9, twenty-sixth
round).

Why: the two wrong values left unflagged on seed 33 were read with the engine sure of their words, so their
confidence gave nothing away; what was wrong with them was where they came from:

- a signer's name ``CHỦ TÌ`` (for ``Dương Diệu Hoa``): the position's ``CHỦ TỊCH`` cut short, taken as a name
  because ``Chu`` is a family name. Decree 30 (and Circular 01/2011 before it) types the signer's full name in
  title case under the position, which alone is in capitals: a "name" in capitals is a position's or an
  authority's words. On the 24 fit sets (seeds 22-33) the product stored 13 signers in capitals, all wrong, and
  no right one.
- a position ``ĐẠI DIỆN BÊN A`` (for ``CHỦ TỊCH``): a contract party's heading, the office line under it not
  read. A contract names each party's representative and office in its body (``Đại diện: Ông Lê Ngọc Quý;
  chức vụ: Chủ tịch Ủy ban nhân dân xã.``): the signer's office read there is a second reading of the position.

Twenty-seventh round: a name of two words ``Kim Thảo`` (for ``Mai Kim Thảo``, seed 34), its family name lost to
speckle with no debris or rival left of it. The signature block is centred: the name is centred under the position
line, so a name whose first word was not read stands right of the position's centre by half that word.

Thirty-third round: the same on the other side, ``Hồ Thanh`` for ``Hồ Thanh Dũng`` (seed 38, faded), its given name
not read, stands left of the centre (0.77 of its shortest word's height). On seeds 22-42 every name of two words the
product stored (25) is wrong, the others all flagged already; no right signer there has two words, so the rule's
cost on right names of two words is not measured by the bench: it holds them centred, as Decree 30 types them.

Thirty-fifth round: ``HỒ Thành Tâm`` (for ``Hồ Thành Tâm``, sealed seed 44, typewriter): one word read in capitals
beside words in title case. A name is typed one way throughout, all in title case under the position (or, on a
form, all in capitals); a name mixing the two is a misread word or a position's words with a letter misread
(``PHó CHỦ TỊCH``, ``CHỗ TỊCH``). On seeds 22-44 the product stored 24 signers mixing them, all wrong, and none of
the 1,652 right signers (nor of the 235 right persons) does.

Fiftieth round: a position ``PHÓ CHỦ, TỊCH`` (for ``PHÓ CHỦ TỊCH``, sealed seed 61, 0.762): a speck of the seal read
as a comma inside the title. A position is a fixed phrase typed in capitals (``CHỦ TỊCH``, ``PHÓ CHỦ TỊCH``,
``TRƯỞNG BAN``) with no mark in it; on seeds 22-61 the only right positions holding one are the civil forms'
``CÔNG CHỨC TƯ PHÁP - HỘ TỊCH``, whose dash stands alone between spaces, while 110 wrong ones hold a mark on a word.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher
from typing import Any

from .crosscheck import unmarked_key
from .faintflags import value_words
from .fields import Field

#: a name is judged for its case when it holds this many letters at least (``TT`` alone says nothing)
MIN_LETTERS = 4
#: ``Đại diện: Ông Lê Ngọc Quý; chức vụ: Chủ tịch Ủy ban nhân dân xã.`` (the office may run onto the next line)
_AGENT_OFFICE = re.compile(r"Đại diện\s*:?\s*(?:Ông|Bà)?\s*(?P<name>[^;,.:\n]+?)\s*[;,.]\s*chức\s+vụ\s*:?\s*"
                           r"(?P<office>[^;.:]+)", re.I)
#: how alike (difflib ratio, unmarked) the position must be to the office's first words to be that office
OFFICE_LIKE = 0.8
#: how far right of the position line's centre (in heights of the name's shortest word) a name of two words may
#: stand: the shortest family name (``Lê``, ``Võ``) with its space moves the centre about 0.75 of them. On seeds
#: 22-34, 854 of 925 right signers stand within 0.1 of it, but 27 (all of three words) at 0.5 or more (a seal over
#: the position's line, a name read from another block): only names of two words are judged
LOST_WORD_SHIFT = 0.5
#: a character of a position that is neither a letter nor a space, a dash standing alone between words excepted
_POSITION_MARK = re.compile(r"[^\w\s]|[\d_]")


def capitals_name_doubt(name: str) -> str | None:
    """Why a signer's name is doubtful: every letter of it is a capital. A signer's name is typed in title
    case under the position (Decree 30); in capitals it is a position's words read as a name."""
    letters = [c for c in name if c.isalpha()]
    if len(letters) >= MIN_LETTERS and all(c.isupper() for c in letters):
        return f"the name '{name}' is in capitals: a signer's name is typed in title case, a position in capitals"
    return None


def mixed_case_doubt(name: str) -> str | None:
    """Why a signer's name is doubtful: one word of it (two letters or more) is all in capitals and another
    has small letters. A name is typed in one case throughout; a word in capitals among title case is a misread
    (a tone mark on a capital read as a capital vowel's) or a position's words read with a letter wrong."""
    words = [w for w in name.split() if sum(c.isalpha() for c in w) >= 2]
    capital = [w for w in words if all(c.isupper() for c in w if c.isalpha())]
    if capital and any(c.islower() for w in words for c in w):
        return f"the name '{name}' mixes a word in capitals ('{capital[0]}') with words in small letters: " \
            "a name is typed in one case"
    return None


def position_mark_doubt(position: str) -> str | None:
    """Why a position is doubtful: it holds a mark (``PHÓ CHỦ, TỊCH``, ``CHỦ 'TỊCH``, ``PHÓ-CHỦ TỊCH``) or a digit.
    A position is a fixed phrase in capitals without marks; a mark in it is a speck or a seal's stroke read into
    the title, or another line taken for it. The form's dash between words (``TƯ PHÁP - HỘ TỊCH``) is no doubt."""
    text = position.strip()
    for m in _POSITION_MARK.finditer(text):
        if m.group() in "-–" and text[m.start() - 1:m.start()] == " " and text[m.end():m.end() + 1] == " ":
            continue  # a dash between two words, spaced: the form's own
        return f"the position '{position}' holds '{m.group()}': a position is typed without marks"
    return None


def office_doubt(position: str, signer: str, texts: Sequence[str]) -> str | None:
    """Why a position is doubtful: the body names the signer's office (``Đại diện: Ông <signer>; chức vụ:
    <office>``) and the position is not that office's first words (a party's heading ``ĐẠI DIỆN BÊN A`` taken
    when the office line under it was not read)."""
    key, pos = unmarked_key(signer), unmarked_key(position).split()
    if not key or not pos:
        return None
    for m in _AGENT_OFFICE.finditer("\n".join(texts)):
        if unmarked_key(m.group("name")) != key:
            continue
        office = " ".join(m.group("office").split())
        head = " ".join(unmarked_key(office).split()[:len(pos)])
        if SequenceMatcher(None, head, " ".join(pos)).ratio() < OFFICE_LIKE:
            return f"the text names '{signer}' '{office}', not '{position}'"
        return None
    return None


def _lettered(words: Sequence[tuple]) -> list[tuple]:
    """The words holding a letter: a speck read as punctuation beside a line is no part of it."""
    return [w for w in words if any(c.isalpha() for c in w[0])]


def lost_word_doubt(signer: Field, position: Field | None, pages: Sequence[Any]) -> str | None:
    """Why a signer's name of two words is doubtful: it stands :data:`LOST_WORD_SHIFT` of its shortest word's height
    or more right or left of the centre of the position line above it. The block is centred, so the name's centre
    is the position's; one that moved right lost a word on its left, the family name, one that moved left a word
    on its right, the given name (two words are what is left of a name of three; a name of two words centred
    under the position is not doubted). Only the position's words with letters count; a page without the words,
    or the two on different pages, says nothing."""
    if position is None or len(str(signer.value).split()) != 2 or position.page != signer.page:
        return None
    page = next((p for p in pages if p.number == signer.page and p.words), None)
    if page is None:
        return None
    mine, above = _lettered(value_words(page.words, signer)), _lettered(value_words(page.words, position))
    if not mine or not above:
        return None
    height = min(w[2][3] - w[2][1] for w in mine)
    centre = (min(w[2][0] for w in mine) + max(w[2][2] for w in mine)) / 2
    block = (min(w[2][0] for w in above) + max(w[2][2] for w in above)) / 2
    shift = (centre - block) / height if height > 0 else 0.0
    if shift >= LOST_WORD_SHIFT:
        return f"the name '{signer.value}' stands {shift:.1f} lines right of the position's centre: " \
            "a word before it (the family name) was not read"
    if shift <= -LOST_WORD_SHIFT:
        return f"the name '{signer.value}' stands {-shift:.1f} lines left of the position's centre: " \
            "a word after it (the given name) was not read"
    return None
