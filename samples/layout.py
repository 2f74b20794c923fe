"""Page geometry of Decree 30/2020/ND-CP on A4: lines positioned in millimetres, flowed onto pages.

Composition (what is written where) is kept apart from rendering (pixels at a given dpi), so the
ground truth -- the exact lines drawn, in reading order -- and the image come from one description
and cannot disagree. Sizes follow Appendix I of the decree: margins top/bottom 20-25 mm, left
30-35 mm, right 15-20 mm; body 13-14 pt, justified, first-line indent 1-1.27 cm; continuation pages
numbered at the top centre, the first page not.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from PIL import ImageFont

A4_W, A4_H = 210.0, 297.0
PT = 25.4 / 72  # millimetres per point
FONT_DIRS = ("/usr/share/fonts/truetype/liberation2", "/usr/share/fonts/truetype/liberation")
FONT_FILES = {"regular": "LiberationSerif-Regular.ttf", "bold": "LiberationSerif-Bold.ttf",
              "italic": "LiberationSerif-Italic.ttf", "bolditalic": "LiberationSerif-BoldItalic.ttf"}
#: Typefaces by family: ``serif`` (every document of the default plans) and ``mono`` (Liberation Mono,
#: Courier metrics: the typewritten pages of ``samples.hard``; 12 pt is pica, ten characters an inch).
FAMILIES = {"serif": FONT_FILES,
            "mono": {"regular": "LiberationMono-Regular.ttf", "bold": "LiberationMono-Bold.ttf",
                     "italic": "LiberationMono-Italic.ttf", "bolditalic": "LiberationMono-BoldItalic.ttf"}}
_family = ["serif"]  # the family in use: composition and rendering of one page share it (see typeface)


@contextmanager
def typeface(family: str) -> Iterator[None]:
    """Compose or render in ``family``: the line breaking (``text_mm``) and the drawing (``font``) of a
    document must use the same one, so both read it from here rather than from every call site."""
    if family not in FAMILIES:
        raise ValueError(f"unknown typeface family {family!r}")
    _family.append(family)
    try:
        yield
    finally:
        _family.pop()


def font_path(style: str) -> str:
    """Liberation Serif (Times New Roman metrics), or Mono inside ``typeface("mono")``."""
    return _font_path(_family[-1], style)


@cache
def _font_path(family: str, style: str) -> str:
    """A font file in a version that has the Vietnamese letters: fonts-liberation 1.x lacks most of
    them, so a directory only counts if it draws ``ộ``."""
    for d in FONT_DIRS:
        p = Path(d) / FAMILIES[family][style]
        if p.exists():
            f = ImageFont.truetype(str(p), 40)
            if f.getmask("ộ").getbbox() != f.getmask("\uffff").getbbox():
                return str(p)
    raise SystemExit("Liberation fonts with Vietnamese glyphs are missing: apt install fonts-liberation2")


def font(style: str, px: int) -> ImageFont.FreeTypeFont:
    return _font(_family[-1], style, px)


@cache
def _font(family: str, style: str, px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(_font_path(family, style), px)


def text_mm(text: str, pt: float, style: str = "regular") -> float:
    """Advance width of ``text`` in millimetres (measured at a large size, so hinting does not skew it)."""
    return _text_mm(_family[-1], text, pt, style)


@cache
def _text_mm(family: str, text: str, pt: float, style: str) -> float:
    return _font(family, style, 400).getlength(text) / 400 * pt * PT


@dataclass
class Line:
    """One line of text. ``x`` is the left edge, centre or right edge by ``align``; ``y`` the baseline."""

    text: str
    x: float
    y: float
    pt: float
    style: str = "regular"
    align: str = "left"  # left | center | right | justify
    width: float = 0.0  # the measure a justified line fills
    bold_words: int = 0  # leading words set in bold ("Điều 1.")


@dataclass
class Rule:
    """A rule from (x0, y) to (x1, y), or to (x1, y1) when ``y1`` is given (a table's vertical rules)."""

    x0: float
    x1: float
    y: float
    y1: float | None = None
    pt: float = 0.5  # stroke width


@dataclass
class Mark:
    """A seal or a signature drawn in the gap of a signature block (not text: not in the ground truth)."""

    kind: str  # seal | signature
    x: float
    y: float
    size: float
    label: str = ""  # the words around a seal's ring


@dataclass
class Page:
    lines: list[Line] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    flow: int = 0  # body lines placed by the writer (a page holding only a signature block has none)
    family: str = "serif"  # the typeface it was composed in (samples.layout.FAMILIES)
    picture: str = ""  # a page without text: "blank", "photo" or "handwriting" (samples.hard)

    def text(self) -> str:
        """The ground truth: every line drawn, in reading order (the order they were placed)."""
        return "\n".join(ln.text for ln in self.lines)


@dataclass
class Geometry:
    """Margins and body typography of one document (each document is typed a little differently)."""

    ml: float = 30.0
    mr: float = 20.0
    mt: float = 20.0
    mb: float = 20.0
    pt: float = 13.0
    lead: float = 1.3  # line pitch as a multiple of the type size
    indent: float = 10.0
    gap: float = 2.1  # space after a paragraph, mm (the decree's 6 pt minimum)
    justify: bool = True

    @classmethod
    def draw(cls, r: random.Random, large: bool = False) -> Geometry:
        """Random margins and sizes within the decree's ranges; ``large`` for coarse (150 dpi) scans."""
        return cls(ml=r.uniform(30, 35), mr=r.uniform(15, 20), mt=r.uniform(20, 25), mb=r.uniform(20, 25),
                   pt=14.0 if large else r.choice([13.0, 13.0, 14.0]), lead=r.uniform(1.2, 1.45),
                   indent=r.choice([10.0, 12.7]), gap=r.uniform(2.1, 3.5), justify=r.random() < 0.8)

    @property
    def x0(self) -> float:
        return self.ml

    @property
    def x1(self) -> float:
        return A4_W - self.mr

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def left_col(self) -> float:
        """Centre of the issuer column (about 6.2 cm wide, as in the decree's model layouts)."""
        return self.x0 + 31

    @property
    def right_col(self) -> float:
        """Centre of the national-title column, which takes the rest of the line."""
        return (self.x0 + 62 + self.x1) / 2


def wrap(words: list[str], width: float, pt: float, style: str = "regular", first_indent: float = 0.0,
         bold_words: int = 0) -> list[list[str]]:
    """Greedy line breaking of ``words`` into ``width`` mm (the first line ``first_indent`` shorter)."""
    space = text_mm(" ", pt, style)
    lines: list[list[str]] = [[]]
    used, limit = 0.0, width - first_indent
    for i, w in enumerate(words):
        ww = text_mm(w, pt, "bold" if i < bold_words else style)
        if lines[-1] and used + space + ww > limit:
            lines.append([])
            used, limit = 0.0, width
        used += (space if lines[-1] else 0.0) + ww
        lines[-1].append(w)
    return lines


def balanced(words: list[str], width: float, pt: float, style: str = "regular") -> list[list[str]]:
    """As few lines as greedy breaking needs, but of even length (a centred title leaves no orphan)."""
    lines = wrap(words, width, pt, style)
    if len(lines) < 2:
        return lines
    w = text_mm(" ".join(words), pt, style) / len(lines)
    while w < width:
        trial = wrap(words, w, pt, style)
        if len(trial) == len(lines):
            return trial
        w += 2.0
    return lines


class Writer:
    """Places lines top to bottom on A4 pages, opening a numbered continuation page when one is full."""

    def __init__(self, geo: Geometry):
        self.geo = geo
        self.pages = [Page()]
        self.y = geo.mt  # top of the next line's slot, mm

    @property
    def page(self) -> Page:
        return self.pages[-1]

    def pitch(self, pt: float) -> float:
        return pt * PT * self.geo.lead

    def new_page(self) -> None:
        self.pages.append(Page())
        num_pt = 14.0  # the decree allows 13-14 pt; a lone digit is easily taken for a speck
        self.page.lines.append(Line(str(len(self.pages)), self.geo.centre, self.geo.mt * 0.62, num_pt,
                                    align="center"))
        self.y = self.geo.mt + 2

    def room(self, height: float) -> None:
        """Start a new page unless ``height`` mm still fit above the bottom margin."""
        if self.y + height > A4_H - self.geo.mb:
            self.new_page()

    def put(self, text: str, x: float, pt: float, style: str = "regular", align: str = "left", width: float = 0.0,
            bold_words: int = 0, pitch: float | None = None) -> Line:
        p = pitch if pitch is not None else self.pitch(pt)
        self.room(p)
        line = Line(text, x, self.y + pt * PT * 0.95, pt, style, align, width, bold_words)
        self.page.lines.append(line)
        self.page.flow += 1
        self.y += p
        return line

    def para(self, text: str, pt: float | None = None, style: str = "regular", indent: bool = True,
             justify: bool | None = None, bold_words: int = 0, hanging: float = 0.0) -> None:
        """A body paragraph: first-line indent, justified (but its last line) when the document is."""
        g = self.geo
        pt = pt or g.pt
        just = g.justify if justify is None else justify
        ind = g.indent if indent else 0.0
        lines = wrap(text.split(), g.width - hanging, pt, style, ind, bold_words)
        for i, words in enumerate(lines):
            x = g.x0 + hanging + (ind if i == 0 else 0.0)
            last = i == len(lines) - 1
            avail = g.x1 - x
            self.put(" ".join(words), x, pt, style, "justify" if just and not last and len(words) > 1 else "left",
                     avail, bold_words if i == 0 else 0)
            if i == 0 and len(lines) > 1:
                self.room(self.pitch(pt))  # no lone first line at a page foot
        self.y += g.gap

    def centred(self, text: str, pt: float, style: str = "bold", width: float | None = None) -> list[Line]:
        """Centred lines (titles, subjects), wrapped to ``width`` mm."""
        g = self.geo
        out = []
        for part in text.split("\n"):  # explicit breaks where a title must not split a phrase
            for words in balanced(part.split(), width or g.width * 0.8, pt, style):
                out.append(self.put(" ".join(words), g.centre, pt, style, "center"))
        return out

    def rule_under(self, line: Line, fraction: float) -> None:
        """A short rule centred under ``line`` (a third to a half of its length, per the decree)."""
        w = text_mm(line.text, line.pt, line.style) * fraction
        self.page.rules.append(Rule(line.x - w / 2, line.x + w / 2, line.y + line.pt * PT * 0.7))
