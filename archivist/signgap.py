"""A signature's strokes and a seal's pieces read as words in the gap of a signature block, dropped from the page.

Decree 30 prints nothing between a signature block's last heading line (its position, or its authority line
without one) and the signer's name under it: that gap holds the hand-written signature and the seal stamped over
it, and Tesseract reads their strokes as tokens (``/``, ``\\``, ``———-x``, ``c@^`` at 6, ``Ty,`` at 20, ``À``).
They are no words of the document: the record's text, the index and the PDF's text layer carried them between the
position and the name, where every one counts as an error of the page read in order (bench/RESULTS.md,
"Signature strokes and seals read as words, first round (session 47)"; ruled tables' footer pages, session 46, had
most of their in-order error from them).

Only a token the gap's place *and* its own reading show as no word goes: one holding no letter, or letters mixed
with digits or symbols, or a lone letter, or one read under :data:`GAP_CONF`. A word read well in the gap (a
position's word read on a line of its own, a name's first word, ``VẢ`` of a seal's lettering) stays, and a whole
line that reads an annotation (``(Đã ký)``, ``(Ký, ghi rõ họ tên)``), a known position or a name stays as read.
Without a name under the heading the gap has no bottom, and nothing is dropped. A token whose box reaches into the
name's stays too: a stroke read across the name is what tells the name's letters may be strokes (a review flag's
evidence, :func:`archivist.namerival.crossed_name_doubt`).

Beside the headings (session 48): a signature starts left of its position and a seal's rim runs past its authority
line, read on the heading's row as symbols (``/ CHỦ TỊCH``, ``//. PHÓ CHỦ TỊCH``, ``x~~ CHỦ TỊCH``, ``%``). On a
heading's row, right of the block's left bound, a token of symbols only (or one letter among them) goes; a heading's
word read badly (``GHỦ`` at 13, ``BAÑ*NHÂN``) stays, its letters searchable. Those go only if the block parses the
same without them (name and recipients): a symbol can be what holds the block apart from the list on a shared row.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .footer import _ANNOTATION, Footer, find_footer
from .models import Word
from .ocrtext import Line, PageText, _fold, fold_key, overlap, page_lines
from .signwords import POSITIONS, is_name, split_positions, trim_noise
from .syllables import is_syllable

#: A letters-only token in the gap read under this confidence (0-100) is a stroke read as letters (``đa`` at 15,
#: ``Ty,`` at 20, ``À`` at 57); the fit sets' gap words read at 60 or more were a stroke's ``H`` at 93, the others
#: letters of real words (bench/RESULTS.md, session 47).
GAP_CONF = 60.0
#: How far left of the block's heading and name lines the signature reaches, in the heading line's heights: a
#: signature starts left of its block (``\\`` 25 px left of ``TM. ỦY BAN``, ``đa`` 30 px left of ``/PHÓ``; session
#: 47 took 2). On speckled fit seeds 485-487 (session 49) its strokes were read 2.2-4.3 heights left of the block
#: (``ý`` 2.8 left of ``PHÓ CHỦ TỊCH``, ``2V``, ``s..c``, ``Ỉ`` 3.1, ``\\`` 4.3): 5 takes 14 tokens there, none a
#: truth word, where the nearest recipient's word left of a block stood 10.5 (``(b/€);``); :func:`_left_bound`
#: keeps the gap right of the list's lines besides.
REACH = 5.0
#: The words of a block's headings (its positions, its authority ``TM. ỦY BAN NHÂN DÂN``): a gap line holding one
#: is a heading the footer parser did not take (seed 420's ``qd-200``: ``- CHỦ TỊCH``, its ``CHỦ`` read at 0), kept.
HEADING_WORDS = frozenset(w for p in (*POSITIONS, "tm kt tl tuq uy ban nhan dan") for w in p.split() if len(w) > 1)
#: A lone dash stays wherever it stands: it is the one stroke a page also prints as a word (a list's bullet), and
#: the record's text is scored and searched as a bag of words where a stroke's ``-`` stands for a bullet the
#: reading missed (seed 420's ``qd-062`` p. 2: ``“Như Điều 3;`` read without its ``-``; session 47).
DASHES = ("-", "–", "—")
#: An authority line as folded, its dot read as something else (``tm uy ban nhan dan`` of ``TM<ÚY BAN NHÂN DÂN``).
_AUTHORITY_KEY = re.compile(r"^(tm|kt|tl|tuq) ")
#: The words of an annotation under a signature heading, folded (``(Đã ký)``, ``(Ký, ghi rõ họ tên)``).
_ANNOTATION_WORDS = re.compile(r"da ky|ky ten|dong dau|ghi ro|chu ky|\bky,|\(ky")
#: The letters a word may end or open with and still be letters only (``Ty,``; ``(Đã``).
_EDGE = re.compile(r"^[(\"'“‘]+|[.,;:)\"'”’!?]+$")
#: A page's footer (None: the page has no signature block) and the list of words it was found on
Parsed = tuple[Sequence[Word], Footer | None]


def _heading(f: Footer) -> Line | None:
    """The block's last heading line when it reads as one: a known position (the last of several on the line), an
    authority (``TM.``, ``KT.``; ``TM<ÚY BAN NHÂN DÂN`` read with a stroke for its dot), or any line under a block's
    authority (``PHÓ CHỦ TỊ H`` under ``KT. CHỦ TỊCH``: a header has no authority). Not any capitals the parser
    took: a first page's header read as a block (the national title over ``TỜ TRÌNH``, which parses as a name in
    capitals, ``Tô``) has its date line in that "gap" (seed 423's ``ttr-212``, session 47: ``23``, ``01``, ``2024``)."""
    top = f.positions[-1] if f.positions else f.authority[1] if f.authority else None
    if top is None:
        return None
    key = fold_key(top.text)
    if f.authority or fold_key(split_positions(top.text)[-1]) in POSITIONS or _AUTHORITY_KEY.match(key):
        return top
    if fold_key(_after_strokes(top.text)) in POSITIONS:
        return top  # a stroke read before the position (``x~~ CHỦ TỊCH``, seed 456's ``ttr-109``)
    if len(f.positions) > 1 and _AUTHORITY_KEY.match(fold_key(f.positions[0].text)):
        return top  # an authority the parser took for a position (``KT: CHỦ-TỊCH`` over ``PHÓ CHỦ``, seed 455)
    return None


def _after_strokes(text: str) -> str:
    """``text`` from its first token of letters only (``CHỦ TỊCH`` of ``x~~ CHỦ TỊCH``)."""
    tokens = text.split()
    first = next((i for i, t in enumerate(tokens) if _EDGE.sub("", t).isalpha()), len(tokens))
    return " ".join(tokens[first:])


def gap_box(f: Footer | None) -> tuple[float, float, float, float] | None:
    """The gap of ``f``'s block in page pixels (x0, y0, x1, y1): under its last heading line (:func:`_heading`), over
    its name, from :data:`REACH` heading heights left of the two lines' left edge (and right of every recipient line
    left of them) to the page's right edge. None without a heading, a name, their boxes, or a name under the heading
    on the same page."""
    top = _heading(f) if f is not None else None
    if f is None or top is None or f.name is None or top.page != f.name.page:
        return None
    hb, nb = top.box(), f.name.box()
    if hb is None or nb is None or nb[1] <= hb[3]:
        return None
    return (_left_bound(f, min(hb[0], nb[0]), hb[3] - hb[1]), hb[3], float("inf"), nb[1])


def _left_bound(f: Footer, left: float, height: float) -> float:
    """:data:`REACH` ``height`` left of ``left``, and right of every recipient line that ends left of ``left``. A
    line the list took that starts nearer the block than the list's left edge is no item (a signature's stroke
    read ``~=`` or ``—“`` as a bullet, seed 455's tables, session 48): its end bounds nothing."""
    boxes = [b for ln in [*f.recipients, *([f.label] if f.label else [])] if (b := ln.box()) is not None]
    edge = min((b[0] for b in boxes), default=left)
    ends = [b[2] for b in boxes if b[2] < left  # a stroke read as a bullet joins the list: not its end
            and b[0] - edge <= left - b[0]]
    return max([left - REACH * height, *ends])


def _inside(w: Word, gap: tuple[float, float, float, float]) -> bool:
    x, y = (w.bbox[0] + w.bbox[2]) / 2, (w.bbox[1] + w.bbox[3]) / 2
    return w.bbox[0] >= gap[0] and gap[1] < y < gap[3] and x <= gap[2]


def stroke_word(w: Word) -> bool:
    """A token that reads as no word: no letter (a lone dash aside: :data:`DASHES`), letters mixed with digits or
    symbols (``A4“``, ``2|``), a lone letter (``H``, ``À``), or read under :data:`GAP_CONF`."""
    core = _EDGE.sub("", w.text.strip())
    if core in DASHES:
        return False
    if not any(c.isalpha() for c in core):
        return True
    return not core.isalpha() or len(core) == 1 or w.conf < GAP_CONF


def _kept_line(text: str) -> bool:
    """A gap line read as print: an annotation, a known position, a name, a heading's word."""
    if not any(c.isalpha() for c in text):  # a stroke read ``(`` opens no annotation
        return False
    key = fold_key(text)
    return _annotation(text) or key in POSITIONS or is_name(trim_noise(text)) \
        or any(w in HEADING_WORDS for w in key.split())


def _heading_row(text: str) -> bool:
    """A gap line kept as a heading of the block: a known position or a heading's word, no annotation."""
    key = fold_key(text)
    return not _annotation(text) and (key in POSITIONS or any(w in HEADING_WORDS for w in key.split()))


def _annotation(text: str) -> bool:
    """``text`` reads an annotation: one of its words (``(Đã ký)``, ``(Ký tên, đóng dấu)``), or a bracket round
    syllables. Not a bracket round no word: a seal's rim read ``(xHYY )`` at 0 (seed 456's ``ttr-228``, session 48)
    is no annotation, where the footer parser's bracket test (:data:`archivist.footblocks._ANNOTATION`) takes any."""
    folded = _fold(text)
    if not _ANNOTATION.search(folded):
        return False
    if _ANNOTATION_WORDS.search(folded):
        return True
    cores = [c for t in text.split() if (c := _EDGE.sub("", t))]
    return bool(cores) and all(c.isalpha() and is_syllable(c) for c in cores)


def gap_strokes(number: int, words: Sequence[Word], parsed: Parsed | None = None) -> set[int]:
    """The indexes in ``words`` (one page's, in reading order) of the tokens read in its signature block's gap
    that read as no word (:func:`stroke_word`). ``parsed``: a footer already found on a list of words, the page
    stage's (:func:`archivist.nameread.page_footer`, on the page's lines as :func:`archivist.numberread.page_header`
    made them, which are what this would parse), taken when that list is ``words`` itself, not parsed again."""
    if not words:
        return set()
    if parsed is not None and parsed[0] is words:
        f = parsed[1]
    else:
        f = find_footer([page_lines(PageText(number, "", list(words)))], 0)
    gap = gap_box(f)
    if gap is None:
        return set()
    name = f.name.box() if f is not None and f.name is not None else None
    # a stroke reaching into the name's box stays: it is the evidence that the name's letters may be strokes
    # (:func:`archivist.namerival.crossed_name_doubt`; HG111 tables-25's ``Z2`` across ``Tả`` for ``Lê``)
    inside = [i for i, w in enumerate(words) if _inside(w, gap) and not (name and overlap(w.bbox, name) > 0)]
    by_line: dict[int, list[int]] = {}
    for i in inside:
        by_line.setdefault(words[i].line, []).append(i)
    out: set[int] = set()
    for idx in by_line.values():
        text = " ".join(words[i].text for i in idx)
        if not _kept_line(text):
            out.update(i for i in idx if stroke_word(words[i]))
        elif _heading_row(text):  # a position the parser did not take, a stroke before it (``/4 PHÓ CHỦ`TỊCH``)
            out.update(i for i in idx if symbol_only(words[i]))
    beside = _beside_headings(f, gap, words) - out
    if beside and not _same_block(f, find_footer([page_lines(PageText(
            number, "", [w for i, w in enumerate(words) if i not in out | beside]))], 0)):
        return out  # the row's symbol held the block apart from the list (seed 457's ``Nơi nhận: /4 kr. CHỦ TỊCH``)
    return out | beside


def _same_block(a: Footer | None, b: Footer | None) -> bool:
    """``b`` parses as ``a`` does: the same name and recipients (a heading may lose a stroke)."""
    if a is None or b is None:
        return a is b
    return (a.name.text if a.name else None) == (b.name.text if b.name else None) \
        and [r.text for r in a.recipients] == [r.text for r in b.recipients]


def symbol_only(w: Word) -> bool:
    """A token holding no letter and not a number, a lone dash aside (:data:`DASHES`): ``/``, ``//.``, ``%``, ``/4``;
    or one letter among symbols (``x~~``, ``đ“-``). Not ``Q.`` (an acting chair's ``Q. CHỦ TỊCH``): its dot is an
    edge's, and a heading's garbled word holds two letters or more (``BAÑ*NHÂN``, ``M‹<ÚY``)."""
    core = w.text.strip()
    if core in DASHES or core.isdigit():
        return False
    inner = _EDGE.sub("", core)
    letters = sum(c.isalpha() for c in inner)
    return (letters == 0 and not inner.isdigit()) or (letters == 1 and not any(c.isdigit() for c in inner)
                                                       and not inner.isalpha())


def _beside_headings(f: Footer | None, gap: tuple[float, float, float, float], words: Sequence[Word]) -> set[int]:
    """The indexes of the symbols read on a heading line's row of the block whose gap is ``gap``, right of its left
    bound: a signature's first stroke starts beside its position (``/ CHỦ TỊCH``, ``//. PHÓ CHỦ TỊCH``), a seal's
    rim beside its authority line (``%``). Only symbols (:func:`symbol_only`): a heading's own word read badly
    (``GHỦ`` at 13, ``TMzỦY``) is a word of the page, and its letters are kept for the search."""
    if f is None:
        return set()
    heads = [b for ln in [*([f.authority[1]] if f.authority else []), *f.positions]
             if ln.page == (f.name.page if f.name else ln.page) and (b := ln.box()) is not None]
    if not heads:
        return set()
    left = min(gap[0], _left_bound(f, min(b[0] for b in heads), min(b[3] - b[1] for b in heads)))
    out = set()
    for i, w in enumerate(words):
        y = (w.bbox[1] + w.bbox[3]) / 2
        if w.bbox[0] >= left and symbol_only(w) and any(b[1] <= y <= b[3] for b in heads):
            out.add(i)
    return out


def drop_gap_strokes(number: int, words: list[Word], parsed: Parsed | None = None) -> list[Word]:
    """``words`` without :func:`gap_strokes` (``parsed``: as it takes it); the same list when there are none."""
    gone = gap_strokes(number, words, parsed)
    return words if not gone else [w for i, w in enumerate(words) if i not in gone]
