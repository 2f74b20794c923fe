"""Civil-status registers printed as tables (sổ đăng ký khai sinh, khai tử, kết hôn …): one row per entry,
read cell by cell from the OCR's word boxes.

Why from the boxes and not the text: the page's text holds the cells one after another (archivist/cells.py
reads them row by row), but nothing in it says where one column ends and a name wrapped over two lines of
its cell goes on; the boxes do. The columns are the header's cells (``Số``, ``Ngày đăng ký``, ``Họ, chữ đệm,
tên`` …: words that overlap across the header's lines make one cell, a wide gap parts two), each body word
goes to the column its centre lies in, and a row is the cells whose boxes overlap vertically (a cell's text
is centred or set at the top of its row: either way it overlaps its row's other cells, and no cell of the
next row, which a rule and two paddings part from it).

Never a guess filed as read: a row whose cells do not fill its columns, a date that does not parse, an entry
number out of sequence with the other rows' is kept with its ``review`` saying why in plain words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from statistics import median
from typing import Any

from .cellwords import unspelled_doubt
from .chardoubt import letter_doubt, vietnamese_letters
from .dates import find_dates
from .faintflags import word_tuples
from .fields import Field, clean
from .highland import known, name_case
from .lexicon import SURNAME_SPELLINGS
from .namerival import spelling_doubt
from .ocrtext import Box, PageText, clean_ocr, fold_key, union_box
from .signwords import is_name
from .tokens import OCR_DIGITS
from .unlisted import unlisted_name_doubt

WordT = tuple[str, float, Box, int]

#: column key -> its header as printed (folded, punctuation collapsed: :func:`fold_key`); the first match wins,
#: so ``ngay dang ky`` is the registration before ``ngay …`` is the event
HEADERS: list[tuple[str, re.Pattern[str]]] = [
    ("entry", re.compile(r"^(so|stt|so tt|so thu tu|so dang ky)$")),
    #: also its head's last line alone (``ký``: the cell's first line, ``Ngày đăng``, lost on HG32 and HG38): a
    #: ``Chữ ký`` column read so holds no date, and every row of it is flagged for its date not read
    ("registered", re.compile(r"^(ngay (thang nam )?)?(dang )?ky$")),
    ("person", re.compile(r"^ho (chu dem )?(va )?ten( nguoi (chet|mat))?$")),  # the death register's: nguoi chet
    ("event_date", re.compile(r"^ngay (thang nam )?(sinh|chet|mat)$")),
    ("sex", re.compile(r"^gioi tinh$")),
    ("mother", re.compile(r"^ho (va )?ten (nguoi )?me$")),
    ("father", re.compile(r"^ho (va )?ten (nguoi )?cha$")),
    ("note", re.compile(r"^ghi chu$")),
]
DATES = ("registered", "event_date")
NAMES = ("person", "mother", "father")
OPTIONAL = ("note",)  # a column a register leaves empty in most rows
SEXES = {"nam": "Nam", "nu": "Nữ"}
#: a name's letter is in doubt when the OCR weighed another within this many points (fit sets HG27-HG42, 355 rows,
#: right rows flagged / wrong rows unflagged: no such rule 13 / 3; at 10, 20 / 1; at 20, 33 / 1; at 30, 53 / 1)
NAME_MARGIN = 10.0
BASE = {"entry": 0.9, "registered": 0.9, "event_date": 0.9, "sex": 0.9}  # names: 0.85, or 0.6 read as none


@dataclass
class Piece:
    """Words of one OCR line that stand together (no column gap between them)."""

    words: list[WordT]

    @property
    def box(self) -> Box:
        return union_box([w[2] for w in self.words])  # type: ignore[return-value]

    @property
    def text(self) -> str:
        return " ".join(clean_ocr(w[0]).strip() for w in self.words).strip()

    @property
    def conf(self) -> float:
        return min(w[1] for w in self.words) / 100.0

    @property
    def centre_y(self) -> float:
        return (self.box[1] + self.box[3]) / 2


@dataclass
class Column:
    key: str  # a HEADERS key, or ``column N`` for a header this module does not know
    header: str
    x0: int
    x1: int


@dataclass
class Cell:
    """One column's text in one row: its lines joined (a name wrapped in its cell is one name)."""

    text: str
    conf: float  # the weakest word's OCR confidence, 0-1
    box: Box
    blocks: int  # separate pieces of text the column holds in this row (more than one: unsure)
    words: list[WordT] = field(default_factory=list)


@dataclass
class Row:
    page: int
    cells: dict[str, Cell] = field(default_factory=dict)
    box: Box | None = None


def line_pieces(words: list[WordT], cut: float) -> list[Piece]:
    """Each line's words cut at gaps wider than ``cut`` (a table read without its rules, a row on one line)."""
    lines: dict[int, list[WordT]] = {}
    for w in words:
        if clean_ocr(w[0]).strip():
            lines.setdefault(w[3], []).append(w)
    out = []
    for ws in lines.values():
        ws.sort(key=lambda w: w[2][0])
        cur = [ws[0]]
        for w in ws[1:]:
            if w[2][0] - cur[-1][2][2] > cut:
                out.append(Piece(cur))
                cur = []
            cur.append(w)
        out.append(Piece(cur))
    return out


def _header(pieces: list[Piece], h: float) -> tuple[list[Column], float] | None:
    """The columns of the register's header and the header's bottom; None where the page has no such header.
    The header is the band around the person's column head (``Họ, chữ đệm, tên``): its cells are centred in
    their row, so within two lines' pitch of it; the column numbers below it are not part of it."""
    anchor = next((p for p in pieces if HEADERS[2][1].match(fold_key(p.text))), None)
    if anchor is None:
        return None
    band = [p for p in pieces if abs(p.centre_y - anchor.centre_y) <= 2.2 * h and not re.search(r"\d", p.text)]
    groups: list[list[Piece]] = []
    for p in sorted(band, key=lambda p: p.box[0]):  # pieces overlapping across the header's lines: one cell
        if groups and p.box[0] <= max(q.box[2] for q in groups[-1]):
            groups[-1].append(p)
        else:
            groups.append([p])
    cols = []
    for g in groups:
        text = " ".join(p.text for p in sorted(g, key=lambda p: (p.box[1], p.box[0])))
        key = next((k for k, rx in HEADERS if rx.match(fold_key(text))), f"column {len(cols) + 1}")
        cols.append(Column(key, text, min(p.box[0] for p in g), max(p.box[2] for p in g)))
    keys = [c.key for c in cols]
    if len(cols) < 3 or len(set(keys)) < len(keys) or not {"registered", "event_date", "entry"} & set(keys):
        return None  # a form's labelled line, not a register's header
    return cols, max(p.box[3] for g in groups for p in g)


def _column(cols: list[Column], x: float) -> int | None:
    """The column whose span, reaching halfway to its neighbours, holds ``x``; None outside the table."""
    for i, c in enumerate(cols):
        left = (cols[i - 1].x1 + c.x0) / 2 if i else c.x0 - (c.x1 - c.x0)
        right = (c.x1 + cols[i + 1].x0) / 2 if i + 1 < len(cols) else c.x1 + (c.x1 - c.x0)
        if left <= x < right:
            return i
    return None


def _blocks(lines: list[Piece], h: float) -> list[list[Piece]]:
    """A column's cell lines, top down, joined where one follows the other as a cell's lines do: the next
    line read (archivist/cells.py reads a cell's lines in turn, the next row's cell after the other columns')
    within a line's height, or any line within half of it. Why not a gap alone: between a cell's lines
    (``Trần Đình`` over ``Hưng``: 24 px at 33 px words) and between two rows' cells (39 px) the gaps differ
    by less than a line's accents and descenders do."""
    out: list[list[Piece]] = []
    for p in sorted(lines, key=lambda p: p.box[1]):
        last = out[-1][-1] if out else None
        gap = p.box[1] - last.box[3] if last else 0.0
        if last and (gap < 0.5 * h or p.words[0][3] == last.words[0][3] + 1 and gap < 1.2 * h):
            out[-1].append(p)
        else:
            out.append([p])
    return out


def page_words(page: PageText) -> tuple[list[WordT], float] | None:
    """The page's word tuples and their median height (the unit of every gap here); None without words."""
    words = word_tuples(page.words or [])
    heights = [w[2][3] - w[2][1] for w in words if w[2][3] > w[2][1]]
    return (words, median(heights)) if heights else None


def read_rows(page: PageText) -> tuple[list[Column], list[Row], dict] | None:
    """The register table of ``page``: its columns, its body rows, top down, and the characters the OCR
    nearly read otherwise (``PageText.rivals``); None without one."""
    if (got := page_words(page)) is None:
        return None
    words, h = got
    found = _header(line_pieces(words, 0.6 * h), h)
    if found is None:
        return None
    cols, bottom = found
    return cols, body_rows(page.number, words, h, cols, bottom), page.rivals


def body_rows(page: int, words: list[WordT], h: float, cols: list[Column], bottom: float) -> list[Row]:
    """The table's rows below ``bottom`` (the header's, or a continuation page's column numbers'), each run
    of words in the column its centre lies in. Why runs, not words: a text set left in a wide column under a
    short head (``Tại nhà``, ``Bệnh viện đa khoa huyện`` under ``Nơi chết``) starts left of the midpoint
    between its head and the one before, and its first word alone went to the column before."""
    body = [w for w in words if (w[2][1] + w[2][3]) / 2 > bottom + 0.3 * h]
    per_col: dict[tuple[int, int], list[WordT]] = {}
    for p in line_pieces(body, 0.6 * h):
        k = _column(cols, (p.box[0] + p.box[2]) / 2)
        if k is not None:
            per_col.setdefault((k, p.words[0][3]), []).extend(p.words)
    blocks = []
    for k in range(len(cols)):
        lines = [Piece(sorted(ws, key=lambda w: w[2][0])) for (c, _), ws in per_col.items() if c == k]
        blocks += [(k, b) for b in _blocks(lines, h)]
    clusters: list[tuple[float, float, list[tuple[int, list[Piece]]]]] = []
    for k, b in sorted(blocks, key=lambda kb: min(p.box[1] for p in kb[1])):
        top, bot = min(p.box[1] for p in b), max(p.box[3] for p in b)
        if clusters and top < clusters[-1][1] - 0.2 * h:
            t, bt, members = clusters[-1]
            clusters[-1] = (t, max(bt, bot), members + [(k, b)])
        else:
            clusters.append((top, bot, [(k, b)]))
    return _table_rows(page, cols, clusters, h)


def _table_rows(page: int, cols: list[Column], clusters: list, h: float) -> list[Row]:
    """The clusters that are the table's rows: from the first down to the first that is no row (no entry
    number and no date: the signature block under the table) or that stands apart (a gap wider than twice
    the rows' usual one and a line)."""
    rows: list[Row] = []
    gaps = [b[0] - a[1] for a, b in zip(clusters[:-1], clusters[1:], strict=True)]
    usual = median(gaps) if gaps else h
    for i, (_, _, members) in enumerate(clusters):
        if i and gaps[i - 1] > 2 * usual + h:
            break
        parts: dict[str, list[list[Piece]]] = {}
        for k, b in members:
            parts.setdefault(cols[k].key, []).append(sorted(b, key=lambda p: p.box[1]))
        row = Row(page, {key: _cell(bs) for key, bs in parts.items()})
        if not rows and _numbering(row, cols):
            continue
        entry = row.cells.get("entry")
        dated = any(find_dates(row.cells[k].text) for k in DATES if k in row.cells)
        if not dated and not (entry and re.fullmatch(r"[0-9OoIl]{1,6}", entry.text)):
            break
        row.box = union_box([c.box for c in row.cells.values()])
        rows.append(row)
    return rows


def _cell(blocks: list[list[Piece]]) -> Cell:
    """One column's text in a row: its blocks top down (more than one: a second piece, judged unsure)."""
    lines = [p for b in sorted(blocks, key=lambda b: b[0].box[1]) for p in b]
    return Cell(clean(" ".join(p.text for p in lines)), min(p.conf for p in lines),
                union_box([p.box for p in lines]), len(blocks), [w for p in lines for w in p.words])  # type: ignore[arg-type]


def _numbering(row: Row, cols: list[Column]) -> bool:
    """The column numbers printed under the header (``(1)`` … ``(7)``, read ``Œ)`` or ``4`` as well): every
    cell a number of one or two characters, in at least half the columns."""
    return 2 * len(row.cells) >= len(cols) and all(len(re.sub(r"\W", "", c.text)) <= 2 for c in row.cells.values())


def judge(cols: list[Column], rows: list[Row], rivals: dict, restore: Any = None) -> list[dict[str, Any]]:
    """Each row as an entry: its values by column, each cell's confidence, box, text as read and why it is
    unsure, and the row's confidence (its weakest cell's) and review (every reason, in plain words)."""
    out: list[dict[str, Any]] = []
    for n, row in enumerate(rows, start=1):
        entry: dict[str, Any] = {"page": row.page, "row": n}
        reasons: list[str] = []
        cells: dict[str, dict[str, Any]] = {}
        for col in cols:
            cell = row.cells.get(col.key)
            if cell is None:
                if col.key not in OPTIONAL and not col.key.startswith("column"):
                    reasons.append(f"no {col.header} read")
                    entry[col.key] = None
                continue
            value, base, why = _value(col.key, cell.text, restore)
            if cell.blocks > 1:
                why = why or f"two pieces of text in the column {col.header}"
            if col.key in NAMES and not why:  # a name is written once: no second reading answers a rival letter
                why = next((d for w in cell.words if w[2] in rivals
                            and (d := letter_doubt(w[0], rivals[w[2]][1], NAME_MARGIN))), None)
            if why:
                reasons.append(why)
            if col.key.startswith("column"):
                entry.setdefault("columns", {})[col.header] = value
                continue
            entry[col.key] = value
            cells[col.key] = {"confidence": round(base * (0.5 + 0.5 * cell.conf) * (0.5 if why else 1.0), 3),
                              "bbox": list(cell.box), "source_text": cell.text, "review": why}
        entry["cells"] = cells
        entry["bbox"] = list(row.box) if row.box else None
        entry["review"] = "; ".join(reasons) or None
        out.append(entry)
    numbers = [int(e["entry"]) if str(e.get("entry") or "").isdigit() else None for e in out]
    for i, e in enumerate(out):  # a register numbers its entries in turn: a number out of turn is misread
        if numbers[i] is not None and not _in_turn(numbers, i):
            why = f"entry number {numbers[i]} is out of sequence with the other rows' numbers"
            e["review"] = f"{e['review']}; {why}" if e["review"] else why
            c = e["cells"]["entry"]
            c["confidence"], c["review"] = round(c["confidence"] * 0.5, 3), c["review"] or why
    for e in out:
        e["confidence"] = min((c["confidence"] for c in e["cells"].values()), default=0.0)
    return out


def first_row_fields(entries: list[dict[str, Any]], registration_is_event: bool) -> dict[str, Field]:
    """``person``, ``event_date`` and ``entry`` of the document from its register's first row (the entry it
    is filed by, as a register page's first line is), each as sure as its cell; the event's date is the
    registration's where the register has no column for the event (marriage: the registration is the event)."""
    if not entries:
        return {}
    first = entries[0]
    out = {}
    for name, key in (("person", "person"), ("entry", "entry"),
                      ("event_date", "event_date" if "event_date" in first or not registration_is_event
                       else "registered")):
        c = first["cells"].get(key)
        if c is not None and first.get(key):
            out[name] = Field(first[key], c["confidence"], first["page"], tuple(c["bbox"]), c["source_text"],
                              review=c["review"])
    return out


def _in_turn(numbers: list[int | None], i: int) -> bool:
    """Whether the ``i``-th row's number agrees with another row's read on the page, counting the rows
    between them (a row whose number was lost counts its place); true alone on the page. Two numbers that
    agree with no other are both flagged: which one was misread, nothing tells."""
    others = [j for j, m in enumerate(numbers) if m is not None and j != i]
    return not others or any(numbers[j] - numbers[i] == j - i for j in others)  # type: ignore[operator]


def _value(key: str, text: str, restore: Any) -> tuple[Any, float, str | None]:
    """A cell's value for its column, the base confidence of reading it so, and what makes it unsure."""
    if key == "entry":
        digits = text.translate(OCR_DIGITS)
        if re.fullmatch(r"\d{1,6}", digits):
            return str(int(digits)), BASE[key], None
        return text, BASE[key], f"entry number '{text}' is not a number"
    if key in DATES:
        found = find_dates(text)
        if len(found) == 1 and found[0].start == 0 and found[0].end >= len(text.rstrip(".")):
            return found[0].value.isoformat(), BASE[key] * (0.9 if found[0].repaired else 1.0), None
        return None, BASE[key], f"date '{text}' does not parse"
    if key == "sex":
        sex = SEXES.get(fold_key(text))
        return (sex, BASE[key], None) if sex else (text, BASE[key], f"sex '{text}' is neither Nam nor Nữ")
    if key in NAMES:
        value = restore.restore(text) if restore is not None else text
        if value.isupper():
            value = name_case(value)
        why = _name_doubt(value) or spelling_doubt(value) or unspelled_doubt(value) or \
            unlisted_name_doubt(value, text) or \
            (f"'{value}' is spelled otherwise elsewhere in the document"
             if restore is not None and restore.doubtful(value) else None)
        return value, 0.85 if is_name(value) else 0.6, why
    return text, 0.85, None


def _name_doubt(name: str) -> str | None:
    """Why ``name`` may be misread: it is no name, holds a letter Vietnamese does not write (``Ñgô``), or
    its family name is none written so (``Trân``, ``Đỉnh``: a mark misread) or none known."""
    if not is_name(name):
        return f"'{name}' does not read as a name"
    letters = vietnamese_letters()
    if any(c not in letters and c not in "-'’" for c in name.replace(" ", "")):  # H'Nga: is_name placed it
        return f"'{name}' holds a letter Vietnamese does not write"
    if name.split()[0] not in SURNAME_SPELLINGS and not known(name):  # Y Bih Niê, Ksor Kơk: each word listed
        return f"the family name '{name.split()[0]}' is not one known as written"
    return None
