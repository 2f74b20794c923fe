"""Where the parts of a Decree 30 page are: header, type title, subject (the end: :mod:`archivist.footer`).

A page's header has two columns, the issuing body (parent above it) and ``Số:`` on the left, the
national title, motto and ``<place>, ngày …`` on the right, and Tesseract may give them interleaved
line by line, one column after the other, or merged into one line. With word boxes a wide gap already
separates the columns (:func:`archivist.ocrtext.page_lines`); from plain text each line is cut at the
anchors a header always has (motto, national title, number/symbol, ``…, ngày``), and every piece gets
a role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz

from .dates import DateMatch, find_dates
from .doctypes import DocType, load_table
from .footer import Footer, find_footer
from .numsym import NumberSymbolMatch, agree_with_heading, find_number_symbols
from .ocrtext import Box, Line, _fold, fold_key, upper_ratio
from .signwords import authority_of

NATIONAL = "cong hoa xa hoi chu nghia viet nam"
MOTTO = "doc lap - tu do - hanh phuc"
PARTY = "dang cong san viet nam"
_ANCHORS = (("national", NATIONAL), ("motto", MOTTO), ("party", PARTY))
_ANCHOR_KEYS = tuple(fold_key(a) for _, a in _ANCHORS)

#: Words that open the name of a body: a new one starts a new body in the issuer block.
BODY_HEADS = tuple(fold_key(h) for h in (
    "ỦY BAN NHÂN DÂN", "UBND", "UỶ BAN", "HỘI ĐỒNG NHÂN DÂN", "HĐND", "ĐẢNG ỦY", "ĐẢNG BỘ", "CHI BỘ",
    "HUYỆN ỦY", "TỈNH ỦY", "THÀNH ỦY", "BAN", "MẶT TRẬN", "ỦY BAN MẶT TRẬN", "UBMTTQ", "CÔNG AN", "ĐỒN", "VĂN PHÒNG",
    "PHÒNG", "TRƯỜNG", "TRẠM", "HỘI", "ĐOÀN", "SỞ", "BỘ", "CỤC", "CHI CỤC", "TRUNG TÂM", "TỔ", "HTX", "HỢP TÁC XÃ",
    "BCH", "BCĐ", "QUÂN SỰ", "BAN CHỈ HUY"))
_ENTRY_NO = re.compile(r"(?<![^\W_])S[^\W\d_]?[0-9]?\s?[:;.]\s*[0-9OoIl]{1,6}(?![\w/])")  # ``Số: 125``
_SO_LABEL = re.compile(r"^\W*S\S{0,2}\s?[:;]")  # ``Số:`` as OCR may give it
_VV = re.compile(r"(?<![^\W_])V\s?/\s?(?:[vV]\b\.?\s*|\s(?=[^\W\d_]*[a-zđ]))")  # V/v; V/ (v lost)
_BODY_START = re.compile(r"^(can cu|kinh gui|thuc hien|hom nay|toi ten|ho, chu dem|ho va ten|dieu 1\b|[ivx]+\. |1\. )")
_PLACE_LOWER = {"phố", "xã", "trấn", "thị"}


@dataclass
class Seg:
    """A piece of a line with what it is: national | motto | party (the right column's anchors), number
    (``Số: 45/QĐ-UBND``), entry (``Số: 125``), placedate, vv (a letter's subject), kinhgui, upper
    (capitals: issuer, title), text or blank."""

    line: Line
    role: str
    number: NumberSymbolMatch | None = None
    date: DateMatch | None = None
    place: Line | None = None
    lead: str = ""  # the word before a place on its line (where the place was cut: ``XÃ``, or ``XI`` misread)


@dataclass
class TitleMatch:
    type: DocType
    title: str  # the variant as the table prints it
    score: float  # 0-1, how well the line matched
    line: Line  # the title as read (two lines joined when it was broken)
    rest: Line | None  # text after the title on its line: the subject's start
    end: int  # index in the page's lines of the title's last line
    operative: bool  # ends with ':' (``QUYẾT ĐỊNH:`` in the body, not the title)
    fuzzy: bool = False  # matched only approximately (OCR noise), not word for word


@dataclass
class Header:
    segs: list[Seg] = field(default_factory=list)
    issuer: list[Line] = field(default_factory=list)  # the upper-case left-column lines, in order
    unread: list[Line] = field(default_factory=list)  # capitals above the issuer too poorly read to use
    number: Seg | None = None
    placedate: Seg | None = None
    vv: list[Line] = field(default_factory=list)
    title: TitleMatch | None = None
    end: int = 0  # index of the first line after the header (and title)

    def has(self, role: str) -> bool:
        return any(s.role == role for s in self.segs)


def _anchor(folded: str) -> tuple[str, int, int] | None:
    """The header anchor (national title, motto, Party heading) in a folded line, with its span,
    snapped to the word where it starts (a fuzzy alignment may reach back into the issuer's last word)."""
    for (role, anchor), key in zip(_ANCHORS, _ANCHOR_KEYS, strict=True):
        if len(fold_key(folded)) < 0.45 * len(key):
            continue
        al = fuzz.partial_ratio_alignment(anchor, folded, score_cutoff=80)
        if not al or al.score < (80 if len(folded) >= 0.8 * len(anchor) else 90):
            continue
        first = key.split()[0]
        starts = [m.start() for m in re.finditer(r"\S+", folded)
                  if al.dest_start - 4 <= m.start() <= al.dest_start + 8 and fuzz.ratio(first, m.group()) >= 60]
        start = min(starts, key=lambda p: abs(p - al.dest_start)) if starts else al.dest_start
        return role, start, al.dest_end
    return None


def _place_span(text: str, date_start: int) -> tuple[int, int]:
    """The place before ``, ngày …``: back over capitalised words (and ``phố``, ``xã``) from the comma."""
    head = text[:date_start]
    head = re.sub(r"(?i)\bng\S{1,3}\s*$", "", head.rstrip()) if _fold(head.rstrip()).endswith("ngay") else head
    pos = len(head.rstrip(" ,.;"))
    start = pos
    for m in reversed(list(re.finditer(r"\S+", head[:pos]))):
        w = m.group().strip(",")
        if not w or not (w[0].isupper() or w in _PLACE_LOWER) or (len(w) > 1 and w.isupper()) \
                or any(c.isdigit() or c in "/:" for c in w):
            break
        start = m.start()
    return start, pos


def split_line(line: Line) -> list[Seg]:
    """Cut a header line at its anchors and give each piece a role."""
    if not line.text.strip():
        return [Seg(line, "blank")]
    folded = line.folded
    marks: list[tuple[int, int, str, object]] = []
    found = _anchor(folded)
    if found:
        marks.append((found[1], found[2], found[0], None))
    for nm in find_number_symbols(line.text):
        marks.append((nm.start, nm.end, "number", nm))
    for dm in find_dates(line.text):
        ps, pe = _place_span(line.text, dm.start)
        marks.append((ps, dm.end, "placedate", (dm, ps, pe)))
    if (vv := _VV.search(line.text)) is not None:
        marks.append((vv.start(), len(line.text), "vv", None))
    if (en := _ENTRY_NO.search(line.text)) is not None:
        marks.append((en.start(), en.end(), "entry", None))
    if (kg := re.search(r"kinh\s*gui", folded)) is not None:
        marks.append((kg.start(), len(line.text), "kinhgui", None))
    marks.sort(key=lambda m: (m[0], -m[1]))
    kept: list[tuple[int, int, str, object]] = []
    for m in marks:  # earliest wins; a piece inside a kept one is dropped
        if not kept or m[0] >= kept[-1][1]:
            kept.append(m)
        elif m[2] in ("vv", "kinhgui") and kept[-1][2] == "text":
            kept[-1] = m
    segs: list[Seg] = []
    pos = 0
    for start, end, role, data in kept:
        if start > pos:
            segs.extend(_plain(line.sub(pos, start)))
        sub = line.sub(start, end)
        seg = Seg(sub, role)
        if role == "number":
            seg.number = data  # type: ignore[assignment]
        elif role == "placedate":
            dm, ps, pe = data  # type: ignore[misc]
            # the date's offsets into seg.line's text, where the piece starts (its spaces trimmed), not the
            # line's: a date after ``Số: 42/TTr-UBND`` on one line was judged by the words ``năm 2005`` only,
            # its day read at 41 left out of its confidence (thirty-eighth flags round)
            shift = len(line.text) - len(line.text[start:].lstrip())
            seg.date = replace(dm, start=dm.start - shift, end=dm.end - shift)
            seg.place = line.sub(ps, pe) if pe > ps else None
            seg.lead = (line.text[:ps].split() or [""])[-1]
        segs.append(seg)
        pos = end
    if pos < len(line.text):
        segs.extend(_plain(line.sub(pos)))
    return [s for s in segs if s.line.text]


def _plain(line: Line) -> list[Seg]:
    if not line.text:
        return []
    return [Seg(line, "upper" if upper_ratio(line.text) >= 0.7 and len(line.text) > 1 else "text")]


def match_title(lines: list[Line], i: int) -> TitleMatch | None:
    """The type title on ``lines[i]`` (or on it and the next line, when broken), if it is one.
    A body's name is no title, however close (``HỘI ĐỒNG`` is not ``HỢP ĐỒNG`` misread)."""
    line = lines[i]
    if upper_ratio(line.text) < 0.6 or authority_of(line.text):
        return None
    head = is_body_head(fold_key(line.text))
    cands = [(line, i)]
    if i + 1 < len(lines) and upper_ratio(lines[i + 1].text) >= 0.7:
        cands.append((line.join(lines[i + 1]), i + 1))
    best: TitleMatch | None = None
    for cand, end in cands:
        key = fold_key(cand.text)
        for t in load_table().types:
            for title, tkey in zip(t.titles, t.title_keys, strict=True):
                fuzzy = False
                if key == tkey:
                    score, rest = 1.0, None
                elif key.startswith(tkey + " ") and (" " in tkey or _fold(cand.text.split()[0]) == tkey
                                                     and cand.text.split()[0] in (title, title.lower())):
                    score, rest = 0.97, _rest_after(cand, len(tkey.split()))
                    if rest and upper_ratio(rest.text) >= 0.7 and rest.text[:1] != "(":
                        score = 0.9  # more capitals: a longer title we do not know
                elif len(tkey) >= 6 and not head and (r := fuzz.ratio(key, tkey)) >= 85:
                    score, rest, fuzzy = 0.95 * r / 100, None, True
                else:
                    continue
                m = TitleMatch(t, title, score, cand, rest, end, cand.text.rstrip().endswith(":"), fuzzy)
                if best is None or _rank(m) > _rank(best):
                    best = m
    return best


def _rank(m: TitleMatch) -> tuple[bool, int, float]:
    """Word-for-word matches first, then the longest title (``GIẤY CHỨNG NHẬN`` + ``KẾT HÔN`` on the next
    line is a marriage certificate, not a certificate), then how well it matches."""
    return (not m.fuzzy, len(fold_key(m.title)), m.score)


def _rest_after(line: Line, n_words: int) -> Line | None:
    words = list(re.finditer(r"\S+", line.text))
    return line.sub(words[n_words - 1].end()) if len(words) > n_words else None


def parse_header(lines: list[Line], limit: int = 40) -> Header:
    """The header of a first page: its pieces, the issuer lines, number, place/date, V/v and title."""
    h = Header()
    seen_body = False
    for i, line in enumerate(lines[:limit]):
        folded = line.folded.strip()
        if h.title is None and (tm := match_title(lines, i)) is not None and not tm.operative:
            h.title, h.end = tm, tm.end + 1
            break
        if _BODY_START.match(folded) or len(line.text) > 90:
            seen_body = True
            if h.segs:
                h.end = i
                break
        for seg in split_line(line):
            h.segs.append(seg)
            if seg.role == "number" and (h.number is None or seg.number.labelled and not h.number.number.labelled):
                h.number = seg
            elif seg.role == "placedate" and h.placedate is None:
                h.placedate = seg
            elif seg.role == "vv":
                h.vv.append(seg.line)
            elif seg.role == "text" and h.vv and _continues(h.segs, h.vv) and len(h.vv) < 4 and not seen_body:
                h.vv.append(seg.line)
            elif seg.role == "upper" and h.number is None and not seen_body and _is_issuer_piece(seg.line.text):
                if not _garbled(seg.line):
                    h.issuer.append(seg.line)
                elif not h.issuer:  # where the parent issuer stands: an empty parent then proves nothing
                    h.unread.append(seg.line)
        h.end = i + 1
    return h


def _beside(line: Line, col: Box | None) -> bool:
    """Whether ``line`` stands wholly right or left of the column ``col`` (another column's piece)."""
    b = line.box()
    return col is not None and b is not None and (b[0] >= col[2] or b[2] <= col[0])


def _continues(segs: list[Seg], subject: list[Line]) -> bool:
    """Whether the text piece ``segs[-1]`` continues the subject opened by the ``V/v`` line: it follows the
    subject, a line of it or a blank; or it stands under the ``V/v`` line and the pieces read between them
    stand wholly beside it (the place and date of the right column, read between the subject's two lines:
    ``V/v rà soát, cập nhật dữ liệu hộ tịch`` / ``năm 2005`` was cut so on seed 14). Under it means its middle
    under the ``V/v`` line: a typed header put in reading order (:mod:`archivist.headorder`) has the motto, then
    the place and date under the subject, and a place read ``Xã hước`` is cut off before ``Thiền, ngày`` as a
    text piece that reaches under the subject's last word (seed 244's ``cv-234``). A text piece the subject did not
    take is no line of it: what follows it stands the column test (a speckled motto's rule read ``: bu: TH``, its
    ``bu:`` stored as the subject's last word: sealed HG328 of session 46)."""
    roles = ("vv", "text", "blank")
    if len(segs) < 2:
        return False
    prev = segs[-2]
    if prev.role in ("vv", "blank") or prev.role == "text" and any(prev.line is ln for ln in subject):
        return True
    col, box = subject[0].box(), segs[-1].line.box()
    if _beside(segs[-1].line, col) or (col is not None and box is not None and not col[0] <= (box[0] + box[2]) / 2
                                       <= col[2]):
        return False  # beside the subject, or reaching out from under it: the place before ``, ngày`` (HG43)
    prev = next((s for s in reversed(segs[:-1]) if not _beside(s.line, col)), None)
    return prev is not None and prev.role in roles


#: Mean OCR confidence (0-100) under which a header line is the engine's guess at something it could not
#: read (a ``Số:`` line half a line off the date beside it, a stamp), not an issuer's name.
GARBLED_CONF = 50.0


def _garbled(line: Line) -> bool:
    """Whether ``line`` reads as the engine's guess (mean confidence under :data:`GARBLED_CONF`). A body's
    name whose head word (``UBND``, ``ỦY BAN``) is read with confidence is not: Tesseract may give the last
    words before a wide column gap confidence 0 though it read them right (``UBND HUYỆN CAN LỘC`` beside the
    national title, seeds 2301/2302 at 150 dpi); such a name is kept, and its low confidence flags it."""
    confs = [c for _, _, _, c in line.spans]
    if not confs or sum(confs) / len(confs) >= GARBLED_CONF:
        return False
    return not (confs[0] >= GARBLED_CONF and is_body_head(fold_key(line.text)))


def heading_symbol(h: Header) -> NumberSymbolMatch:
    """The header's number/symbol with its type part made to agree with the type title, when it is a
    misreading of the title's code (see :func:`archivist.numsym.agree_with_heading`)."""
    m = h.number.number  # type: ignore[union-attr]
    if h.title is None:
        return m
    t = h.title.type
    return agree_with_heading(m, {c for c in (t.code, *t.legacy_codes) if c}, h.title.title)


def _is_issuer_piece(text: str) -> bool:
    """Capitals on the left of the header that are not a broken-off piece of the national title or
    motto (``VIỆT NAM`` on its own line)."""
    key = fold_key(text)
    return bool(key) and not any(f" {key} " in f" {a} " for a in _ANCHOR_KEYS) and len(key.split()) <= 12 \
        and not _SO_LABEL.match(text)


def is_body_head(key: str) -> bool:
    """``key`` (folded) opens with a body's head word and names more than the head (``TRƯỜNG`` alone is
    the end of ``XÃ XUÂN TRƯỜNG`` broken over two lines, not a school)."""
    return any(key.startswith(h + " ") or key == h and " " in h for h in BODY_HEADS)


def issuer_bodies(lines: list[Line]) -> list[Line]:
    """The issuer block's lines grouped into bodies: a line that opens with a body's head word
    (``ỦY BAN NHÂN DÂN``, ``UBND``, ``ĐẢNG ỦY``…) starts one, other lines continue the previous."""
    bodies: list[Line] = []
    for ln in lines:
        key = fold_key(ln.text)
        prev = bodies[-1] if bodies else None
        if prev is not None and (not is_body_head(key) or fold_key(prev.text) in BODY_HEADS):
            bodies[-1] = prev.join(ln)
        else:
            bodies.append(ln)
    return bodies


@dataclass
class DocLayout:
    """A document's pages as lines, with its first page's header and its signature block."""

    pages: list[list[Line]]
    header: Header
    footer: Footer | None


def analyse(pages: list[list[Line]]) -> DocLayout:
    """Find the header of the first page and the signature block of the document."""
    header = parse_header(pages[0]) if pages else Header()
    return DocLayout(pages, header, find_footer(pages, header.end) if pages else None)
