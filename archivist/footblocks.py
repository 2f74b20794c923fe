"""The signature blocks of a footer's right column: which lines open a block (an authority, a position in
capitals), which are its positions and which its signer's name, and, where two signers' columns stand side by
side (minutes, contracts), which column a line belongs to.

Kept apart from :mod:`archivist.footer`, which cuts the footer into the recipients and the signature column and
chooses the block whose signer is stored, because telling blocks and columns apart from the words' boxes is a
question of its own (:func:`_blocks`); :class:`Footer` is here as what both build.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .highland import unglue
from .ocrtext import Box, Line, fold_key, same_column, upper_ratio
from .pagerows import Rows
from .signwords import POSITIONS, authority_of, in_capitals, is_name, split_names, split_positions, trim_noise

_ANNOTATION = re.compile(r"\(.*\)$|^\(|da ky|ky ten|dong dau|ghi ro|chu ky|\bky,|\(ky")


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
