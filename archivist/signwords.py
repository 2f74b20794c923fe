"""What the lines of a signature block say: an authority (``TM.``, ``KT.``), a position, a signer's name.

Kept apart from archivist/footer.py, which finds where the block stands on the page: these readings of one
line are asked for by much else too (the metadata fields, the registers, the civil-status forms, the second
signer), none of which needs the page's layout.
"""

from __future__ import annotations

import re

from .highland import APOSTROPHE_WORD, is_highland, spellings, stock
from .levelwords import LEVEL
from .lexicon import SURNAMES
from .ocrtext import fold_key, upper_ratio

#: the positions as printed (Decree 30: in capitals, with their marks)
PRINTED = (
    "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "BÍ THƯ", "PHÓ BÍ THƯ", "CHỦ TỌA", "CHỦ TOẠ", "CHỦ TRÌ", "THƯ KÝ", "TRƯỞNG BAN",
    "PHÓ TRƯỞNG BAN", "CHÁNH VĂN PHÒNG", "TRƯỞNG CÔNG AN", "PHÓ TRƯỞNG CÔNG AN", "CHỈ HUY TRƯỞNG", "GIÁM ĐỐC",
    "TRƯỞNG PHÒNG", "HIỆU TRƯỞNG", "TRƯỞNG TRẠM", "TRƯỞNG THÔN", "TRƯỞNG ẤP", "NGƯỜI LÀM ĐƠN", "NGƯỜI VIẾT ĐƠN",
    "NGƯỜI ĐỀ NGHỊ", "NGƯỜI KHAI", "NGƯỜI KÝ", "NGƯỜI KÝ TRÍCH LỤC", "NGƯỜI KÝ GIẤY CHỨNG NHẬN",
    "NGƯỜI ĐI KHAI", "BÊN A", "BÊN B", "ĐẠI DIỆN BÊN A", "ĐẠI DIỆN BÊN B",
    "CÔNG CHỨC TƯ PHÁP - HỘ TỊCH", "CÔNG CHỨC ĐỊA CHÍNH - XÂY DỰNG", "CÁN BỘ TƯ PHÁP", "NGƯỜI LẬP")
POSITIONS = tuple(sorted((fold_key(p) for p in PRINTED), key=len, reverse=True))
#: Positions of the one who signs second, not for the body (minutes: the secretary beside the chair; a power of
#: attorney, ``Giấy ủy quyền``: the delegate, ``NGƯỜI ĐƯỢC ỦY QUYỀN``, beside the one who delegates and signs for the
#: body, ``NGƯỜI ỦY QUYỀN`` / ``CHỦ TỊCH``: AT30's delegate's name taken when the chair's was not read).
SECONDARY = ("thu ky", "nguoi ghi bien ban", "thanh vien", "nguoi duoc uy quyen")

_AUTHORITY = re.compile(r"^(?P<a>T\s?[./]?\s?U\s?\.?\s?Q|T\s?[./]?\s?M|K\s?[./]?\s?T|T\s?[./]?\s?L|Q(?=\s?\.))"
                        r"(?:\s?[.,]\s?|\s)(?=\S)")


_OF_BODY = ("ubnd", "uy ban", "hdnd", "hoi dong", "xa ", "dang uy", "ban ")


def known_position(value: str) -> bool:
    """A position of Decree 30's signature blocks, alone or of a named body (``CHỦ TỊCH UBND XÃ``)."""
    key = fold_key(value)
    return any(key == p or key.startswith(p + " ") and key[len(p) + 1:].startswith(_OF_BODY) for p in POSITIONS)


#: ``TM``, ``KT``, ``TL``, ``TUQ`` glued to the heading after them by one or two characters a seal's stroke or rim
#: left between (``TMzỦY BAN NHÂN DÂN``, ``TMểỦY``, ``KT:-CHỦ TỊCH``, ``KTzCHỦ``, ``TM: ỦY``; the seals group of
#: seeds 520-524, session 49).
_GLUED = re.compile(r"^(?:TUQ|TM|KT|TL)(?=\S)")
#: What a signature block's heading after its authority opens with, folded (:func:`archivist.ocrtext.fold_key`).
_HEADINGS = ("uy ban", "chu tich", "pho chu tich", "hoi dong", "dang uy", "truong ", "pho truong ", "chanh van")


def authority_of(text: str) -> tuple[str, int] | None:
    """``TM.``/``KT.``/``TL.``/``TUQ.``/``Q.`` opening a signature line (also ``T/M``, ``T.M.``, ``TM`` without
    its dot), with where the rest starts; the rest must be in capitals. Also the code glued to its heading by what
    a seal's stroke was read as (:func:`_glued`)."""
    m = _AUTHORITY.match(text)
    if not m or upper_ratio(text[m.end():]) < 0.7:
        return _glued(text)
    return re.sub(r"[^A-Z]", "", m.group("a")) + ".", m.end()


def _glued(text: str) -> tuple[str, int] | None:
    """The authority code of ``text`` where one or two characters stand between it and its heading, no space
    between the code and them (:data:`_GLUED`), two only where not both letters; the rest, after a space or none,
    opens with a letter and a heading's words in capitals (:data:`_HEADINGS`: ``ỦY BAN``, ``CHỦ TỊCH``...): a
    seal's stroke over the gap read as a letter or mark. Why the heading must follow: ``TM`` and ``KT`` open other
    capitals too (``TMDV``, a code), and a stroke is no proof; the heading's words after it are."""
    m = _GLUED.match(text)
    if not m:
        return None
    for j in (m.end() + 1, m.end() + 2):
        junk = text[m.end():j]
        if len(junk) < j - m.end() or any(c.isspace() for c in junk) or len(junk) == 2 and junk.isalpha():
            return None
        rest = text[j:].lstrip(" ")
        if rest[:1].isalpha() and upper_ratio(rest) >= 0.7 and fold_key(rest).startswith(_HEADINGS):
            return m.group(0) + ".", len(text) - len(rest)
    return None


def in_capitals(text: str) -> str | None:
    """``text`` set in capitals where it is a printed position letter for letter and mark for mark but for the case of
    some letters (``CHỦ Tọa``: the chair's heading read with two small letters, flags40 tw145's ``bb-011``, under
    0.7 capitals, so no position and the secretary's block taken); None otherwise. A position is printed in
    capitals: the list, not the glyph, settles the case."""
    up = " ".join(text.split()).upper()
    return up if up != text and up in PRINTED else None


def trim_noise(text: str) -> str:
    """``text`` without the tokens at either end that hold no letter: what a signature's strokes or a
    seal's edge leave beside a name (``_ Phan Đức Hưng``, ``Trần Bích Hoa ⁄``)."""
    words = text.split()
    while words and not any(c.isalpha() for c in words[0]):
        words.pop(0)
    while words and not any(c.isalpha() for c in words[-1]):
        words.pop()
    return re.sub(r"^[\W_]+|[\W_]+$", "", " ".join(words))


def is_name(text: str) -> bool:
    """A person's name: two to six capitalised words, no digits or punctuation but a hyphen, or an apostrophe after
    a word's first letter (``H'Nga``). In capitals it opens with a family name (a Kinh one, or a lineage name or name
    opener of the Highlands' and mountain peoples: ``KSOR``, ``Y``, ``H'NGA``, ``GIÀNG``) and is no position. A name
    of those peoples holds no level word (``Xã Ea H'Leo`` is a place; archivist/highland.py)."""
    words = text.split()
    if not 2 <= len(words) <= 6 or any(not w.replace("-", "").isalpha() and not APOSTROPHE_WORD.match(w)
                                       for w in words):
        return False
    highland = is_highland(text) or words[0].lower() in spellings()["surnames"]
    if highland and (LEVEL.search(text) or stock(text)):
        return False
    if text.isupper():
        key = fold_key(text)
        opener = fold_key(words[0]) in SURNAMES or highland and (
            APOSTROPHE_WORD.match(words[0]) is not None or words[0].lower() in spellings()["surnames"])
        return opener and not any(key == p or key.startswith(p + " ") for p in POSITIONS)
    return all(w[0].isupper() for w in words)


def split_names(text: str) -> list[str]:
    """``Trần Văn Bình Nguyễn Văn An`` (two signers' names on one line) -> both, cut before a family
    name so that both halves have two to four words, as evenly as possible."""
    words = text.split()
    cuts = [i for i in range(2, len(words) - 1) if fold_key(words[i]) in SURNAMES and fold_key(words[i]) != "van"
            and 2 <= len(words) - i <= 4 and i <= 4]
    if len(words) < 5 or not cuts:
        return [text]
    i = min(cuts, key=lambda c: abs(2 * c - len(words)))
    return [" ".join(words[:i]), " ".join(words[i:])]


def split_positions(text: str) -> list[str]:
    """``THƯ KÝ CHỦ TỌA`` (two positions on one line) -> both; one known or unknown position -> itself."""
    key, out = fold_key(text), []
    while key:
        p = next((p for p in POSITIONS if key == p or key.startswith(p + " ")), None)
        if p is None:
            return [text]
        out.append(p)
        key = key[len(p):].strip()
    if len(out) < 2:
        return [text]
    words, i, parts = text.split(), 0, []
    for p in out:
        n = len(p.split())
        parts.append(" ".join(words[i:i + n]))
        i += n
    return parts
