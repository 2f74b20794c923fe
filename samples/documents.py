"""The parts every commune record shares: who issues it (:class:`Ctx`), the Decree 30/2020 header,
title, signature block and recipients, and the flowing of body *blocks* (paragraph, heading, list
item, ...) onto pages. The document types themselves are in :mod:`samples.letters` and
:mod:`samples.records`.
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass, field

from samples.layout import PT, Geometry, Line, Mark, Page, Rule, Writer, text_mm, wrap
from samples.ruled import place
from samples.slots import Slots, date_long

Block = tuple[str, str]  # (kind, text): p | pi (italic) | art (bold "Điều n.") | h | hi | c | l | kv | kg | gap | table


#: The types of a district-level body (the level above a commune until 2025).
DISTRICT_TYPES = ("Huyện", "Quận", "Thị xã", "Thành phố")
#: ``xã`` as a word of the body's own level ("Ủy ban nhân dân xã", "toàn xã"), not of "xã hội" or "hợp tác xã".
_XA = re.compile(r"(?<!tác )\bxã\b(?! hội| viên)")


@dataclass
class Ctx:
    """Who issues the document, when, and how it is typed.

    ``unit_type`` is the issuing unit's type: ``Xã``, ``Phường``, ``Thị trấn``, or ``Huyện`` for a district
    body writing to its communes; ``district`` is None for a commune after the 2025 reform (no district
    level any more) and for a district body itself. ``addressee`` (``xã Tân Hương``) names the commune a
    district document is sent to: it is that commune's copy (see :mod:`samples.merged`)."""

    commune: str
    district: str | None
    province: str
    y: int
    m: int
    d: int
    num: int
    geo: Geometry
    signer: str
    signer_gender: str
    short_place: bool = False
    tight: bool = False  # set forms tighter (see records._form_writer)
    era: str = "new"  # "old": laid out after Joint Circular 55/2005 (see :attr:`old`)
    unit_type: str = "Xã"
    district_type: str = "Huyện"
    addressee: str | None = None

    @property
    def old(self) -> bool:
        """Typed under Circular 55/2005: ``CỘNG HOÀ``, ``TM. UỶ BAN``, the year in a legal document's
        symbol, dates without leading zeros, the place-and-date line set lower."""
        return self.era == "old"

    @property
    def committee(self) -> str:
        """The authority line of a committee's signature, in the spelling of the document's era."""
        return "TM. UỶ BAN NHÂN DÂN" if self.old else "TM. ỦY BAN NHÂN DÂN"

    @property
    def unit(self) -> str:
        """The unit as a sentence names it: ``xã Đông Sơn``, ``thị trấn Yên Bình``, ``huyện Yên Bình``."""
        return f"{self.unit_type.lower()} {self.commune}"

    @property
    def unit_upper(self) -> str:
        """The unit as the issuer block prints it: ``XÃ ĐÔNG SƠN``, ``THỊ TRẤN YÊN BÌNH``."""
        return f"{self.unit_type} {self.commune}".upper()

    @property
    def slug_name(self) -> str:
        """Whose the document is, for its file name: the commune's name (``tân hương``); another type of unit
        with its type (``thị trấn yên bình``), a district's letter with the commune it went to."""
        if self.unit_type == "Xã" and not self.addressee:
            return self.commune
        return f"{self.unit} {self.addressee or ''}".strip()

    @property
    def issuer(self) -> str:
        return f"ỦY BAN NHÂN DÂN {self.unit_upper}"

    @property
    def province_unit(self) -> str:
        """``tỉnh Yên Bái``; a centrally-run city by its own name (``Thành phố Hồ Chí Minh``)."""
        return self.province if self.province.startswith("Thành phố") else f"tỉnh {self.province}"

    @property
    def upper(self) -> str:
        """The level above the unit, as a sentence names it: ``huyện Thủy Nguyên``; the province for a
        district body, or for a commune after 2025 (``tỉnh Lào Cai``)."""
        return f"{self.district_type.lower()} {self.district}" if self.district else self.province_unit

    @property
    def parent(self) -> str | None:
        """The body above the issuer in the header (``UBND HUYỆN THỦY NGUYÊN``); a commune after 2025
        prints none."""
        if self.district or self.unit_type in DISTRICT_TYPES:
            return f"UBND {self.upper.upper()}"
        return None

    def issuer_lines(self) -> list[tuple[str, str]]:
        """The issuer block of the header: the parent body (if any) over ``ỦY BAN NHÂN DÂN`` / the unit."""
        top = [(self.parent, "regular")] if self.parent else []
        return top + [("ỦY BAN NHÂN DÂN", "bold"), (self.unit_upper, "bold")]

    def address(self, formal: bool = False) -> str:
        """Where the unit is, as forms write an address: ``xã Đông Sơn, huyện Thủy Nguyên, tỉnh Hải Phòng``
        (``formal``: a centrally-run city by its own name, as civil-status extracts print it); a commune
        after 2025 without a district."""
        if not self.district:
            return f"{self.unit}, {self.province_unit}"
        return f"{self.unit}, {self.upper}, {self.province_unit if formal else 'tỉnh ' + self.province}"

    @property
    def place(self) -> str:
        """The place of the place-and-date line: the unit's name (a district body's without its type)."""
        if self.short_place or self.unit_type in DISTRICT_TYPES:
            return self.commune
        return f"{self.unit_type} {self.commune}"

    @property
    def book_place(self) -> str:
        """A register book's place, which its leaves never print: the unit's full name (``Xã Hải Xuân``), as its
        issuer names it. The place line's short form (``Hải Xuân``, :attr:`short_place`) is a choice of print a leaf
        never makes, so it is no truth for one (session 44)."""
        return self.place if self.unit_type in DISTRICT_TYPES else f"{self.unit_type} {self.commune}"

    @property
    def date_line(self) -> str:
        return f"{self.place}, {date_long(self.y, self.m, self.d, old=self.old)}"

    def local(self, text: str) -> str:
        """``text`` written by this unit: the generic ``xã`` of the templates becomes its own level
        (``Ủy ban nhân dân thị trấn``, ``toàn huyện``); a commune's text is unchanged."""
        return text if self.unit_type == "Xã" else _XA.sub(self.unit_type.lower(), text)

    def local_blocks(self, blocks: list[Block]) -> list[Block]:
        return [(k, self.local(t) if isinstance(t, str) else t) for k, t in blocks]

    def slots(self, r: random.Random) -> Slots:
        values = {"commune": self.commune, "province": self.province, "y": self.y, "m": self.m, "d": self.d,
                  "upper": self.upper, "level": self.upper.split()[0], "address": self.address()}
        if self.district:  # a template still naming the district fails loudly for a unit without one
            values["district"] = self.district
        return Slots(r, values)


@dataclass
class Doc:
    type: str
    code: str | None
    kind: str
    slug: str
    metadata: dict
    pages: list[Page]
    extra: dict = field(default_factory=dict)  # "civil" or "land" facts for the ground truth


def slug(text: str) -> str:
    """ASCII file-name form of Vietnamese text (``đ`` folded by hand: Unicode does not decompose it)."""
    t = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    t = "".join(c for c in t if unicodedata.category(c) != "Mn").lower()
    return "-".join("".join(c if c.isalnum() else " " for c in t).split())


# --- shared parts ---------------------------------------------------------------------------------

def header(w: Writer, ctx: Ctx, left: list[tuple[str, str]], number: str | None, vv: str | None,
           right_date: str | None, old_motto: bool = False, date_drop: float = 0.0) -> None:
    """The two header columns: parent body and issuer (ruled), ``Số:``, ``V/v`` on the left; national
    title, motto (ruled) and place-and-date on the right. Left column first in reading order.
    ``date_drop`` (mm) sets the place-and-date line lower: pre-2011 records typed after Circular 55/2005
    often put it a line under the number rather than beside it."""
    g, top = w.geo, w.y
    hp = 12.5 if g.pt < 14 else 13.0
    pitch = hp * PT * 1.3
    base = top + hp * PT * 0.95
    lines_l: list[Line] = []
    row = 0
    for text, style in left:
        # a long name is set smaller (down to 11 pt) before it wraps; the column is about 60 mm wide
        size = next((s for s in (hp, 12.0, 11.5, 11.0) if text_mm(text, s, style) <= 60), 12.0)
        for words in wrap(text.split(), 60, size, style):
            lines_l.append(Line(" ".join(words), g.left_col, base + row * pitch, size, style, "center"))
            row += 1
    rules = []
    if lines_l:
        last = lines_l[-1]
        frac = 0.4 if len(last.text) > 12 else 0.6
        lw = text_mm(last.text, last.pt, last.style) * frac
        rules.append(Rule(g.left_col - lw / 2, g.left_col + lw / 2, last.y + hp * PT * 0.5))
    motto = ["CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM" if old_motto else "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
             "Độc lập - Tự do - Hạnh phúc"]
    rx = g.right_col if lines_l else g.centre
    lines_r = [Line(motto[0], rx, base, 12.0 if g.width < 158 else hp, "bold", "center"),
               Line(motto[1], rx, base + pitch, hp + 1, "bold", "center")]
    mw = text_mm(motto[1], hp + 1, "bold")
    rules.append(Rule(rx - mw / 2, rx + mw / 2, lines_r[1].y + (hp + 1) * PT * 0.45))
    row_n = max(row, 2) + 0.55
    y_num = base + row_n * pitch
    dp = 13.0 if right_date is None or text_mm(right_date, 14, "italic") > 95 else g.pt
    if number is not None:
        lines_l.append(Line(f"Số: {number}", g.left_col, y_num, 13.0, "regular", "center"))
    if vv:
        for i, words in enumerate(wrap(vv.split(), 66, 12.5)):
            lines_l.append(Line(" ".join(words), g.left_col, y_num + 2.1 + (i + 1) * 12.5 * PT * 1.25, 12.5,
                                "regular", "center"))
    if right_date:
        lines_r.append(Line(right_date, rx, y_num + date_drop, dp, "italic", "center"))
    w.page.lines += lines_l + lines_r
    w.page.rules += rules
    bottom = max(ln.y for ln in lines_l + lines_r)
    w.y = bottom + g.pt * PT * 0.6 + 4.0


def title(w: Writer, name: str, subject: str | None, rule: bool = True) -> None:
    """Type name in bold capitals and the subject in bold, centred, with a short rule under them."""
    w.y += 3.0
    tp = 14.0
    last = w.centred(name, tp, "bold")[-1]
    if subject:
        last = w.centred(subject, tp if w.geo.pt >= 14 else 13.5, "bold", w.geo.width * 0.82)[-1]
    if rule:
        w.rule_under(last, 0.4 if len(last.text) > 25 else 0.8)
    w.y += 4.0


def seal_text(ctx: Ctx) -> str:
    """What a committee's seal says round its ring: the body, then the district (if any) and province."""
    district = f" * H. {ctx.district.upper()}" if ctx.district else ""
    return f"{ctx.issuer}{district} * T. {ctx.province.upper()} *"


def recipients_lines(items: list[str]) -> list[str]:
    return [f"- {x}" for x in items]


def signature(w: Writer, authority: list[str], name: str, recipients: list[str] | None,
              left_block: tuple[list[str], str] | None = None, seal_label: str = "", seal: bool = True,
              above: str | None = None) -> None:
    """Signer's authority and position, a gap for the signature and seal, the name; ``Nơi nhận:`` (or a
    second signer) on the left; ``above``: a place-and-date line over the right column (forms put it
    there). Kept on one page. Left column first in reading order."""
    g = w.geo
    sp = g.pt
    pitch = sp * PT * 1.3
    gap = 28.0
    rp, hp = (11.0, 12.0) if g.pt < 14 else (12.0, 13.0)  # decree sizes; a size up on coarse (150 dpi) scans
    rec_pitch = rp * PT * 1.25
    h_right = (len(authority) + bool(above)) * pitch + gap + pitch
    h_left = (hp * PT * 1.4 + len(recipients) * rec_pitch) if recipients else 0.0
    w.room(max(h_right, h_left) + 4)
    sx = g.x1 - 42
    lines: list[Line] = []
    if above:
        w.page.lines.append(Line(above, sx - 4, w.y + 2.0 + sp * PT * 0.95, sp, "italic", "center"))
        w.y += pitch
    top = w.y + 2.0
    if recipients:
        lines.append(Line("Nơi nhận:", g.x0, top + hp * PT * 0.95, hp, "bolditalic"))
        for i, item in enumerate(recipients_lines(recipients)):
            lines.append(Line(item, g.x0, top + hp * PT * 1.4 + i * rec_pitch + rp * PT * 0.95, rp))
    if left_block:
        lx = g.x0 + 32
        for i, t in enumerate(left_block[0]):
            lines.append(Line(t, lx, top + sp * PT * 0.95 + i * pitch, sp, "bold", "center"))
        ny = top + sp * PT * 0.95 + len(left_block[0]) * pitch - pitch + gap + pitch
        lines.append(Line(left_block[1], lx, ny, sp, "bold", "center"))
        w.page.marks.append(Mark("signature", lx, ny - gap / 2 - 2, 22))
    for i, t in enumerate(authority):
        lines.append(Line(t, sx, top + sp * PT * 0.95 + i * pitch, sp, "bold", "center"))
    name_y = top + sp * PT * 0.95 + (len(authority) - 1) * pitch + gap + pitch
    lines.append(Line(name, sx, name_y, sp, "bold", "center"))
    w.page.lines += lines
    mid = name_y - pitch / 2 - gap / 2
    w.page.marks.append(Mark("signature", sx + 3, mid, 26))
    if seal:  # left of the signature, between the position and the name, as commune seals sit
        w.page.marks.append(Mark("seal", sx - 20, mid - 1.0, 26, seal_label))
    w.y = max(name_y + 3, top + h_left)


def flow(w: Writer, blocks: list[Block]) -> None:
    """Lay ``blocks`` out with the decree's styles for each kind of block."""
    g = w.geo
    for kind, text in blocks:
        if kind == "p":
            w.para(text)
        elif kind == "pi":
            w.para(text, style="italic")
        elif kind == "art":
            w.para(text, bold_words=2)
        elif kind == "h":
            w.room(w.pitch(g.pt) * 3)
            w.para(text, style="bold", indent=False, justify=False)
        elif kind == "hi":
            w.room(w.pitch(g.pt) * 3)
            w.para(text, style="bold", justify=False)
        elif kind == "c":
            w.room(w.pitch(g.pt) * 3)
            w.centred(text, g.pt, "bold")
            w.y += g.gap
        elif kind == "l":
            w.para(text)
        elif kind == "kv":
            w.para(text, indent=False, justify=False)
        elif kind == "gap":
            w.y += w.pitch(g.pt) / 2
        elif kind == "table":  # the block carries a samples.ruled.Table, not text
            place(w, text)  # type: ignore[arg-type]
        elif kind == "kg":  # "Kính gửi: X." on one centred line, or a list under it
            items = text.split("\n")
            if len(items) == 1:
                w.centred(items[0], g.pt, "regular", g.width)
            else:
                kx = g.centre - 30
                w.put(items[0], kx, g.pt)
                for it in items[1:]:
                    w.put(it, kx + text_mm("Kính gửi: ", g.pt), g.pt)
            w.y += g.gap + 1.5
        else:
            raise ValueError(kind)
