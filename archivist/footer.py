"""The end of a document: the signature block (authority, position, name of the signer) and the
recipients (``Nơi nhận``).

Decree 30 puts ``Nơi nhận:`` and its bullets on the left and the signature block on the right, and
Tesseract may give them interleaved line by line (``- Như trên; KT. CHỦ TỊCH``) or one after the
other. Recipient lines are cut where a tail in capitals, an authority or a name starts; what is left
of the right column is read as blocks of authority, positions, annotations and a name.
"""

from __future__ import annotations

import re

from .footblocks import _ANNOTATION, Footer, _beside, _blocks, _in_column
from .footblocks import position_column as position_column  # re-exported: signerline, extract and tests ask here
from .footblocks import stroke_under as stroke_under
from .ocrtext import Line, _fold, fold_key, upper_ratio
from .pagerows import Rows
from .signwords import (
    POSITIONS,
    SECONDARY,
    authority_of,
    is_name,
    split_positions,
    trim_noise,
)

BULLET = re.compile(r"^\s*[-+•*~–—]+\s*")
_NOI_NHAN = re.compile(r"^[\W_]*noi\s*nhan\s*[:;.]?", re.I)  # a speck read `_` before it too
PAGE_NO = re.compile(r"^\W*\d{1,3}\W*$")  # a page number alone on a line (Decree 30 numbers pages from the 2nd)


def _is_right(text: str) -> bool:
    """Whether the tail of a recipient line is the signature column: capitals (two words at least:
    ``VP.`` in ``Lưu: VT, VP.`` is a unit), an authority, a name, an annotation."""
    t = text.strip()
    return bool(t) and ";" not in t and (upper_ratio(t) >= 0.9 and len(t.split()) >= 2 or bool(authority_of(t))
                                         or is_name(t) or bool(_ANNOTATION.search(_fold(t))) and t.startswith("("))


def _adjoins(ln: Line, end: int, start: int) -> bool:
    """Whether ``ln.text[start:]`` stands a word's gap after ``ln.text[:end]`` (under one and a half line
    heights), not across the gap between the recipients and the signature column: the rest of the item
    (``Lưu: VT, ĐC.`` read with a speck after it, whose capitals look like a signature line)."""
    a, b = ln.box(0, end), ln.box(start)
    return a is not None and b is not None and b[0] - a[2] < 1.5 * max(1, a[3] - a[1])


def footer_segments(lines: list[Line]) -> tuple[list[Line], list[Line], bool]:
    """Split footer lines into the left column (recipients) and the right (signature block)."""
    left: list[Line] = []
    right: list[Line] = []
    in_list = noi_nhan = False
    for ln in lines:
        text = ln.text
        if not text.strip():
            in_list = False
            continue
        if m := _NOI_NHAN.match(ln.folded):
            noi_nhan = in_list = True
            if ln.sub(m.end()).text:
                right.append(ln.sub(m.end()))
            continue
        rest = BULLET.sub("", text).strip()
        if BULLET.match(text) and _signer_name(rest):
            right.append(ln)  # a signature stroke read as a bullet before the signer's name: no recipient
            in_list = False
            continue
        if BULLET.match(text) and (in_list or noi_nhan):
            cut = next((m.end() for m in re.finditer(r"[;.,]\s+", text) if _is_right(text[m.end():])
                        and not _adjoins(ln, m.start(), m.end())), None)
            left.append(ln.sub(0, cut) if cut else ln)
            if cut:
                right.append(ln.sub(cut))
            in_list = True
            continue
        if in_list and text[:1].islower():
            left.append(ln)
            continue
        in_list = False
        right.append(ln)
    return left, right, noi_nhan


def _signer_name(rest: str) -> bool:
    """A bulleted line that is a name as a signer's is typed (title case, nothing after it), not a
    recipient (``Lưu VT``, ``Ông Nguyễn Văn An;``)."""
    name = trim_noise(rest)
    return is_name(name) and not rest.rstrip().endswith((";", ".", ",")) and not fold_key(name).startswith("luu ") \
        and not any(w.isupper() and len(w) > 1 for w in name.split())


def _position_key(b: Footer) -> str:
    return fold_key(split_positions(b.positions[-1].text)[-1]) if b.positions else ""


def _unnamed_principal(blocks: list[Footer]) -> Footer | None:
    """A block with a known position of one who signs for the body (``CHỦ TỌA``) and no name read: what to take
    over a secretary's block, whose name was read. The value is the principal's: the secretary's name and
    ``THƯ KÝ`` would be a wrong signer no other reading contradicts (HG21's typed minutes: ``Lâm Xi:: Thơm``)."""
    return next((b for b in blocks if b.name is None and not b.authority and _position_key(b) in POSITIONS
                 and _position_key(b) not in SECONDARY), None)


def _unread_beside(f: Footer, blocks: list[Footer], right: list[Line], rows: Rows) -> str | None:
    """Why a secretary's block taken may be the wrong signer's: another block stands beside it on its row
    with a position line no known position and no name read (``CHỦ TẠ A`` over ``Đặng Kim :i ên``, HG24's
    typed minutes), or a name stands beside its name on its row with no position over it that was read (the
    chair's ``CHỦ TỌA`` read at 0 in one word and dropped as a seal's specks, ``Vũ Thanh Phượng`` beside ``Võ
    Quang Tâm``: HG28's typed minutes, twenty-first round). Minutes are signed for the body by the chair; when
    the chair's column cannot be read, the secretary's name and ``THƯ KÝ`` are a wrong signer that nothing
    else contradicts."""
    if not f.positions:
        return None
    other = next((b for b in blocks if b is not f and b.name is None and b.positions
                  and _beside(f.positions[-1], b.positions[0], rows)), None)
    if other is not None:
        return f"the secretary's block taken: the column beside it ('{other.positions[0].text}') was not read" \
            " as a position with a name"
    name = next((ln for ln in right if f.name is not None and _beside(f.name, ln, rows) and is_name(trim_noise(ln.text))
                 and not any(b.name is ln for b in blocks)), None)
    return f"the secretary's block taken: a second signer's name ('{name.text}') stands beside it, under a" \
        " position not read" if name is not None else None


def _name_on_position_row(f: Footer, rows: Rows) -> str | None:
    """Why the block taken may be the wrong signer's: the line taken for its name stands beside its position
    line on that row, not under it. Names are typed under their positions; a line beside a position on its row
    is the next column's heading (HG36's typed minutes: ``THƯ KÝ`` and the chair's ``CHỦ TỌA`` read ``CHỉử
    TỌA``, whose small letters made it look like a name and not a position, so the secretary's block was
    taken, with the chair's position for its name, and nothing said so)."""
    if f.name is None or not f.positions or not _beside(f.positions[-1], f.name, rows):
        return None
    return f"the name taken ('{f.name.text}') stands beside the position '{f.positions[-1].text}' on its row, " \
        "not under it: it may be another column's position"


def _name_off_column(f: Footer, right: list[Line], rows: Rows) -> str | None:
    """Why the name taken may be another signer's: it does not stand in its position's column (the column's own
    name not read: typewriter41b's seed 187 ``bb-006``, the secretary's ``Trần Thùy Hương`` stored under the chair's
    ``CHỦ TỌA`` beside the chair's name read ``Đir/t Ngạc Phong``, with no reason, in review by its confidence alone
    and its position not), or another name on its row stands in that column too (the columns cannot be told apart)."""
    if f.name is None or not (inside := _in_column(f.name, f)):
        return None if f.name is None or inside is None else \
            f"the name taken ('{f.name.text}') does not stand in its position's column: it may be another signer's"
    other = next((ln for ln in right if ln is not f.name and _beside(f.name, ln, rows) and is_name(trim_noise(ln.text))
                  and _in_column(ln, f)), None)
    return None if other is None else \
        f"two names ('{f.name.text}', '{other.text}') stand in the position's column on one row: which is the signer's"


def parse_footer(lines: list[Line], page: int) -> Footer | None:
    """The signature block and recipients of the last lines of a page, or None if it has neither.
    Of several blocks the one with an authority (``TM.``…) wins, then one not signed by a secretary
    (even one whose name was not read: :func:`_unnamed_principal`)."""
    left, right, noi_nhan = footer_segments(lines)
    rows = Rows(lines)
    every = _blocks(right, rows)
    blocks = [b for b in every if b.name or b.authority]

    def rank(b: Footer) -> tuple[bool, bool, bool]:
        return (b.authority is not None, _position_key(b) not in SECONDARY, b.name is not None)

    f = max(reversed(blocks), key=rank) if blocks else None
    if f is not None and _position_key(f) in SECONDARY and not f.authority:
        principal = _unnamed_principal(every)
        if principal is None:
            f.doubt = _unread_beside(f, every, right, rows)
        f = principal or f
    if f is not None and f.doubt is None:
        f.doubt = _name_on_position_row(f, rows) or _name_off_column(f, right, rows)
    if f is None and not noi_nhan:
        return None
    f = f or Footer(page)
    f.recipients, f.noi_nhan = left, noi_nhan
    f.label = next((ln for ln in lines if _NOI_NHAN.match(ln.folded)), None)
    label = (f.label.page, f.label.index) if f.label else None
    f.strays = [ln for ln in right if label and (ln.page, ln.index) > label and ln not in f.positions
                and ln is not f.name and not (f.authority and ln is f.authority[1])]
    return f


def find_footer(pages: list[list[Line]], header_end: int, window: int = 40) -> Footer | None:
    """The signature block, looked for from the end back a page at a time (an annex may follow the
    signature, and a block may run over a page break: page numbers on top of a page are skipped)."""
    flat: list[list[Line]] = []
    for n, page in enumerate(pages):
        lines = page[header_end:] if n == 0 else page
        top = next((i for i, ln in enumerate(lines) if ln.text.strip()), len(lines))
        if n and top < len(lines) and PAGE_NO.match(lines[top].text):
            lines = lines[top + 1:]
        flat.append(lines)
    for n in range(len(flat) - 1, -1, -1):
        lines = [ln for page in flat[max(0, n - 1):n + 1] for ln in page]
        f = parse_footer(lines[-window:], lines[-1].page if lines else n + 1)
        if f is not None and (f.name or f.authority or f.noi_nhan or f.positions):  # positions: an unnamed principal
            return f
    return None
