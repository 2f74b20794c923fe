"""The end of a document: the signature block (authority, position, name of the signer) and the
recipients (``Nơi nhận``).

Decree 30 puts ``Nơi nhận:`` and its bullets on the left and the signature block on the right, and
Tesseract may give them interleaved line by line (``- Như trên; KT. CHỦ TỊCH``) or one after the
other. Recipient lines are cut where a tail in capitals, an authority or a name starts; what is left
of the right column is read as blocks of authority, positions, annotations and a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .highland import unglue
from .ocrtext import Box, Line, _fold, fold_key, same_column, upper_ratio
from .pagerows import Rows
from .signwords import (
    POSITIONS,
    SECONDARY,
    authority_of,
    in_capitals,
    is_name,
    split_names,
    split_positions,
    trim_noise,
)

BULLET = re.compile(r"^\s*[-+•*~–—]+\s*")
_NOI_NHAN = re.compile(r"^[\W_]*noi\s*nhan\s*[:;.]?", re.I)  # a speck read `_` before it too
_ANNOTATION = re.compile(r"\(.*\)$|^\(|da ky|ky ten|dong dau|ghi ro|chu ky|\bky,|\(ky")
PAGE_NO = re.compile(r"^\W*\d{1,3}\W*$")  # a page number alone on a line (Decree 30 numbers pages from the 2nd)


@dataclass
class Footer:
    """A signature block and the recipients beside it, on page ``page``."""

    page: int
    authority: tuple[str, Line] | None = None
    positions: list[Line] = field(default_factory=list)
    name: Line | None = None
    recipients: list[Line] = field(default_factory=list)
    noi_nhan: bool = False
    strays: list[Line] = field(default_factory=list)  # lines beside the recipients not read as signature or list
    label: Line | None = None  # the ``Nơi nhận:`` line: where the list's first item should follow
    doubt: str | None = None  # why the block taken may be the wrong signer's (:func:`_unread_beside`)


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


def _beside(a: Line | None, b: Line, rows: Rows) -> bool:
    """``b`` stands beside ``a`` on the same row of ``rows``, not under it: two signature columns (the
    secretary and the chair, the two parties of a contract) read as one OCR row and cut at the gap, or put one
    after the other (:class:`archivist.pagerows.Rows`: the row from the boxes, not the line numbers)."""
    ba, bb = (a.box() if a else None), b.box()
    if ba is None or bb is None or a is None or a.page != b.page or rows.row(a) != rows.row(b):
        return False
    return min(ba[2], bb[2]) <= max(ba[0], bb[0])


def _unread(ln: Line) -> bool:
    """OCR's guess at a seal or a signature (``S5`` at confidence 9), not a position line."""
    confs = [c for _, _, _, c in ln.spans]
    return bool(confs) and sum(confs) / len(confs) < 50.0


def _name_of(ln: Line, above: Line | None) -> str:
    """The name line ``ln`` may hold (:func:`trim_noise`), its one-letter opener parted from the name read into it
    (``YBlơ`` -> ``Y Blơ``, :func:`archivist.highland.unglue`) only where ``ln`` stands where a signer's name goes:
    under ``above`` (the block's position or authority line) past the signature's gap, at least a line's height of
    empty paper between them. A glued word right under a heading, or with no block above it, is left one word."""
    named = trim_noise(ln.text.strip())
    glued = unglue(named)
    if glued == named or above is None or above.page != ln.page:
        return named
    a, b = above.box(), ln.box()
    return glued if a is not None and b is not None and b[1] - a[3] >= a[3] - a[1] else named


def _signer_name(rest: str) -> bool:
    """A bulleted line that is a name as a signer's is typed (title case, nothing after it), not a
    recipient (``Lưu VT``, ``Ông Nguyễn Văn An;``)."""
    name = trim_noise(rest)
    return is_name(name) and not rest.rstrip().endswith((";", ".", ",")) and not fold_key(name).startswith("luu ") \
        and not any(w.isupper() and len(w) > 1 for w in name.split())


_NUMBER_CELL = re.compile(r"^\d[\d.,]*[.)]?$")


def _in_table_row(ln: Line, lines: list[Line]) -> bool:
    """``ln`` stands in a table's row: a cell holding a number alone stands beside it on the same row
    (``24 | Lê Văn Kiên | Thôn Hòa Mỹ | 1 | 2.800.000``; HG24's first row had lost its ``22``). A list's
    household head is no signer, whatever capitals line (the ``STT`` heading) stands above; a signature's
    row holds names and positions, never a number."""
    bx = ln.box()
    if bx is None:
        return False
    for m in lines:
        mb = m.box()
        if m is ln or mb is None or m.page != ln.page or not _NUMBER_CELL.match(m.text.strip()):
            continue
        if min(mb[3], bx[3]) - max(mb[1], bx[1]) > 0.5 * min(mb[3] - mb[1], bx[3] - bx[1]):
            return True
    return False


def _position_beside(cur: Footer | None, ln: Line, named: str, rows: Rows) -> bool:
    """A line in capitals that reads as a name (``CHỦ TẠ A``: ``Chu`` is a family name) standing beside the
    open block's position line on its row is the other column's position (the chair's beside the secretary's
    ``THƯ KỸ``), not a name: names are typed under their positions, in title case."""
    return named.isupper() and cur is not None and cur.name is None and bool(cur.positions) \
        and _beside(cur.positions[-1], ln, rows)


def _last_line(b: Footer) -> Line | None:
    return b.positions[-1] if b.positions else b.authority[1] if b.authority else None


def position_column(b: Footer) -> Box | None:
    """The x-range of the words of ``b``'s own position, its last line that reads a known position (``CHỦ TỌA`` of
    ``THƯ KÝ CHỦ TỌA`` read as one line), or of its authority line without one: the column its signer's name is
    typed under. Not the block's last line: a recipient's tail (``- Lưu VT, VP.``) or a seal's specks read in
    capitals join a block's positions from the other column. None without either."""
    for ln in reversed(b.positions):
        part = split_positions(ln.text)[-1]
        if fold_key(part) in POSITIONS:
            return ln.box(max(0, ln.text.rfind(part)))
    return b.authority[1].box() if b.authority else None


def stroke_under(b: Footer) -> tuple[Line, str | None]:
    """``b``'s position line, and why it is not its last line: the last reads no vowel (``NNNN``, ``MNMM``: a
    signature's strokes read in capitals under the position, flags40b e-AT137's ``06-tth-021``: ``NNNN`` stored under
    ``CHỦ TỊCH``) and a line above it reads a known position. Whether the strokes hid a position (a deputy's
    ``PHÓ CHỦ TỊCH``) only a person can tell: the reason flags it. ``b`` must have a position line."""
    last = b.positions[-1]
    if len(b.positions) < 2 or re.search(r"[aeiouy]", fold_key(last.text)):
        return last, None
    known = next((ln for ln in reversed(b.positions[:-1]) if fold_key(split_positions(ln.text)[-1]) in POSITIONS), None)
    why = f"the line under the position ('{last.text}') reads no vowel: a signature's strokes, or a position misread"
    return (last, None) if known is None else (known, why)


def _in_column(ln: Line, b: Footer) -> bool | None:
    """Whether ``ln`` stands in the column of ``b``'s position (:func:`archivist.ocrtext.same_column`); None
    when either has no words' boxes."""
    col, box = position_column(b), ln.box()
    return None if col is None or box is None else same_column(col, box)


def _claims(ln: Line, b: Footer, rows: Rows) -> bool:
    """Name ``ln`` stands on the row of the name ``b`` took, in ``b``'s position's column, and the name taken does
    not: two signers' names side by side under one position read (the secretary's ``THƯ KÝ`` lost, typewriter41's
    seed 178 ``bb-177``: ``Đỗ Văn Sơn`` beside the chair's ``Trần Đình Hòa`` under ``CHỦ TỌA``). The name under the
    position is its signer's, not the first name the row reads."""
    old = b.name
    return old is not None and _beside(old, ln, rows) and _in_column(ln, b) is True \
        and _in_column(old, b) is False


def _column_of(blocks: list[Footer], ln: Line, cur: Footer | None) -> Footer | None:
    """Of the blocks still waiting for their name, the one whose column ``ln`` stands in (nearest by
    the centre of its first line), when the words give positions; else the current block."""
    open_ = [b for b in blocks if b.name is None and (b.positions or b.authority)]
    bx = ln.box()
    if len(open_) < 2 or bx is None:
        return cur

    def dist(b: Footer) -> float:
        first = b.authority[1] if b.authority else b.positions[0]
        fb = first.box()
        return abs((fb[0] + fb[2]) / 2 - (bx[0] + bx[2]) / 2) if fb else float("inf")

    return min(open_, key=dist)


def _nearer(ln: Line, b: Footer, rows: Rows, right: list[Line]) -> bool:
    """Whether name ``ln``, just under the name ``b`` took (within 3 rows of the column they stand in: a list's
    lines beside them are not counted, whether read across or before the signature column), stands nearer the
    column of ``b``'s last position line (``ĐẠI DIỆN BÊN B  ĐẠI DIỆN BÊN A`` read as one line, then ``CHỦ TỊCH``
    on the right)."""
    last, old = _last_line(b), b.name
    boxes = [x.box() if x else None for x in (last, old, ln)]
    if old is None or None in boxes or ln.page != old.page or rows.row(ln) <= rows.row(old):
        return False
    between = {rows.row(x) for x in right if x.page == ln.page and rows.row(old) < rows.row(x) <= rows.row(ln)
               and (bx := x.box()) is not None and any(same_column(bx, c) for c in boxes[1:] if c)}
    if len(between) > 3:
        return False
    centre = [(bx[0] + bx[2]) / 2 for bx in boxes if bx]
    return abs(centre[2] - centre[0]) < abs(centre[1] - centre[0]) / 2


def _blocks(right: list[Line], rows: Rows) -> list[Footer]:
    """Signature blocks in the right column: an authority or position line, more position lines,
    annotations (``(Đã ký)``), then a name; a document signed by two (minutes, contracts) has two,
    side by side: lines beside an open block's start a new one, later lines and the names go to the
    block whose column they stand in. Rows and columns come from the boxes (``rows``), not the line numbers: a
    line beside another is on its row, and a heading opens a block where a name follows it in the next lines top
    to bottom and left to right (:meth:`archivist.pagerows.Rows.ordered`), so two blocks side by side are found
    whether they were read across or one after the other (a header put in reading order is taken as it comes)."""
    blocks: list[Footer] = []
    cur: Footer | None = None
    after = rows.ordered(right)
    for ln in right:
        text = ln.text.strip()
        named = _name_of(ln, _last_line(cur) if cur is not None else None)
        if auth := authority_of(text):
            if cur is not None and cur.authority and cur.name is None and not _beside(_last_line(cur), ln, rows):
                cur.positions.append(ln)  # TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH: one block, the outer authority
                continue
            cur = Footer(ln.page, authority=(auth[0], ln))
            blocks.append(cur)
        elif (is_name(named) or len(split_names(named)) > 1 and all(is_name(n) for n in split_names(named))) \
                and not _in_table_row(ln, right) and not _position_beside(cur, ln, named, rows) \
                and not in_capitals(text):
            target = _column_of(blocks, ln, cur)
            if target is not None and target.name is None and (target.positions or target.authority):
                target.name = ln
            elif target is not None and target.name is not None \
                    and (_nearer(ln, target, rows, right) or _claims(ln, target, rows)):
                target.name = ln  # two names under one row of positions: the one in the column signed for
        elif (upper_ratio(text) >= 0.7 or in_capitals(text)) and not _ANNOTATION.search(ln.folded) \
                and len(text.split()) <= 10 and sum(c.isalpha() for c in text) >= 3 and not _unread(ln):
            beside = cur is not None and cur.name is None and _beside(_last_line(cur), ln, rows)
            if cur is None or cur.name is not None or (not cur.positions and not cur.authority) or beside:
                at = next(j for j, x in enumerate(after) if x is ln)
                if not any(is_name(_name_of(x, ln)) for x in after[at + 1:at + 9]):  # past a seal's specks
                    continue
                cur = Footer(ln.page)
                blocks.append(cur)
                cur.positions.append(ln)
                continue
            target = _column_of(blocks, ln, cur) or cur
            target.positions.append(ln)
    return blocks


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
