"""Specks a speckled page's reading took for marks: a stop or a stroke glued to a word, a speck joining two words,
a syllable that makes no word with its neighbours (often a speck read as its tone), looked at again.

Why: on the speckled 200 dpi pages of HG117-124 the two largest classes of lost words are words split or joined
(236 of 917 lost words, 137 of them run together) and a speck read as a mark or a glyph (210: a punctuation mark
151, a tone mark 48; bench/RESULTS.md, "Speckled pages, third round (session 39)"): a full stop glued to a word in
mid-sentence (``Ủy ban. nhân dân``, ``chỉ đạo. sản xuất``), a stroke before or after one (``'hóa``, ``_UBND``,
``hoạch'``), two words joined by a speck read as a mark (``vướng:mắc``, ``THĂNG'BÌNH``, ``năm-2022``), a tone where
the word has none (``quan`` read ``quạn``). The specks are as dark as the ink (session 36), so no restoration that
keeps the full stops and the dots below can tell them apart; the line can. A Vietnamese sentence after a full stop
opens with a capital, a Vietnamese word carries no apostrophe, underscore or tilde, and two syllables are written
apart: of the 517,571 words of the truth of sets 110-129 (every group) none ends in a stop before a small letter of
its line, opens with a stop, a dash or one of those strokes, ends with one of the strokes, or joins two syllables (or
a syllable and a number) with a stop, colon or stroke. So a mark in such a place is taken out, the letters kept as
read. A tone has no such sign in the line; there the word list names the syllable the neighbours want
(``odd_syllables``, as on faded pages), the word is read again alone from the page before its median and as read,
and changed only when a reading is that syllable: evidence from the image, the list as the guard. When the word's
box, which reaches to the specks beside it, reads no such syllable, the word is read again on a crop the line's
height bounds (:func:`archivist.spanread.span_crop`; session 40: the hook of ``tổng`` read ``tống`` came back there
four times on seeds 153-156). Session 41 (seeds 196-199) added the marks :mod:`archivist.speckmarks` judges, more
joins (a quote, star or degree sign between two syllables; ``TM.ỦY``, ``2..Bố``) and lone strokes dropped. Session 42
asks the list about runs that hold a capital too (:mod:`archivist.speckcase`: ``Ủy bạn nhân dân``, ``KẾT QUÁ``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import replace

import numpy as np

from .fadedread import odd_in_runs
from .hookread import SINGLE_WORD, word_crop
from .models import Word
from .ocr import OcrEngine, OcrResult, nfc
from .ocrfix import split_box, text_of
from .spanread import line_heights, read_span
from .speckcase import odd_with_capitals
from .speckletters import consonant_reading, lone_syllables
from .speckmarks import added_marks
from .syllables import attested
from .tokens import EDGE, split_edges

#: Strokes a speck is read as that no Vietnamese word carries at either edge (a quote is ``"`` or ``“ ”``; the
#: degree sign is left out: ``°C``). Session 43 added the low quote, the raised circumflex and the signs a dot
#: cluster is read as (``„nhân``, ``Họ„chữ``, ``NGHĨA'ˆVIỆT``, ``¬``, ``«Chủ``): none of the stored truth pages writes
#: one. Not ``©`` nor ``®``: they are read for a letter too (``©hức`` for ``chức``, held-out seed 260).
STRAY = "'`_~‹›†„ˆ¬«"
#: What a speck before a word is read as: a stray stroke or a stop (``.UBND``); after it, a stroke or a degree
#: sign (``NAM°``: ``°C`` keeps its sign before the letter).
STRAY_LEAD = re.compile(rf"[{re.escape(STRAY)}.]+")
STRAY_TRAIL = re.compile(rf"[{re.escape(STRAY)}°]+")
STOPS = re.compile(r"\.+")
#: What a list's dash is read as that :data:`STRAY` holds too (``archivist.footer.BULLET``).
BULLETS = "~"
#: A token's edges as the post-correction cuts them, with the strokes it keeps in a word (``~``) cut too.
EDGES = EDGE + "".join(c for c in STRAY + "°" if c not in EDGE)


def _opens_small(w: Word | None, line: int) -> bool:
    """Whether ``w`` is a word of line ``line`` in small letters that Vietnamese words use: a sentence going on, not
    a speck read as letters after the line's last word (``huyện. v3``, HG117)."""
    if w is None or w.line != line:
        return False
    core = split_edges(nfc(w.text), EDGES)[1]
    return core.isalpha() and core.islower() and core in attested()


def lone_stroke(text: str) -> bool:
    """A token of one or two of the strokes no Vietnamese word carries (:data:`STRAY`), standing alone: a speck
    read as a token of its own. Dropped, it no longer hides the word after it from the rules that read a line's
    first word (``_ Nơi nhận:``: the label unread, the recipients under it were taken for the signature block's,
    seed 200's ``speckle-04``). Not a tilde: a list's dash is read so (``~ TT Đảng ủy xã``, seed 196), and the
    recipients list takes it for a bullet (:data:`BULLETS`)."""
    text = nfc(text)
    return 0 < len(text) <= 2 and all(c in STRAY and c not in BULLETS for c in text)


def stray_marks(words: list[Word], k: int) -> str | None:
    """Word ``k`` without the marks a speck left at its edges, or None when it has none: a stray stroke
    (:data:`STRAY`) before or after its letters, a stop glued before them, a stop after them when the next
    word of its line opens with a small letter and the word is a syllable (an abbreviation's stop stays: ``VT.`` before
    a speck read ``ơ``, HG120). Only a word of letters alone (``2020...``, ``TP.HCM`` are left)."""
    w = words[k]
    lead, core, trail = split_edges(nfc(w.text), EDGES)
    if core.isdigit() and len(core) <= 2 and trail == "." and lead and STRAY_LEAD.fullmatch(lead):
        return core + trail  # a list's item number with a stroke before it (``_1.``, ``†1.``); ``-3.`` left
    if not core.isalpha():
        return None
    if lead and not STRAY_LEAD.fullmatch(lead):
        lead_out = lead
    else:
        lead_out = ""
    if trail and (STRAY_TRAIL.fullmatch(trail) or _mid_sentence_stop(words, k)):
        trail_out = ""
    else:
        trail_out = trail.rstrip(STRAY) or trail  # a stroke after the word's own mark goes (``dõi,``` -> ``dõi,``)
    new = lead_out + core + trail_out
    return new if new != nfc(w.text) else None


def _mid_sentence_stop(words: list[Word], k: int) -> bool:
    """Whether word ``k`` of letters ends in a stop a speck left: the word is a syllable and the next word of its line
    opens with a small letter (a sentence goes on: :func:`_opens_small`)."""
    w = words[k]
    _, core, trail = split_edges(nfc(w.text), EDGES)
    nxt = words[k + 1] if k + 1 < len(words) else None
    return bool(STOPS.fullmatch(trail)) and core.lower() in attested() and _opens_small(nxt, w.line)


def _date_number_stop(words: list[Word], k: int) -> bool:
    """Whether word ``k`` is a date's day or month read with a stop (``ngày 28. tháng``, ``tháng 01. năm``): a number
    of one or two digits after ``ngày`` and before ``tháng``, or after ``tháng`` and before ``năm``, all on one line.
    A date's grammar prints no stop there."""
    if not 0 < k < len(words) - 1 or len({words[k - 1].line, words[k].line, words[k + 1].line}) > 1:
        return False
    lead, core, trail = split_edges(nfc(words[k].text), EDGES)
    before, after = (split_edges(nfc(words[j].text), EDGES) for j in (k - 1, k + 1))
    slot = (before[1].lower(), after[1].lower())
    return not lead and core.isdigit() and len(core) <= 2 and bool(STOPS.fullmatch(trail)) \
        and not before[2] and not after[0] and slot in {("ngày", "tháng"), ("tháng", "năm")}


def late_stops(ocr: OcrResult, unsmoothed: np.ndarray | None) -> OcrResult:
    """``ocr`` (a speckled page's reading; ``unsmoothed`` None on any other page) without the stops a speck left
    after a syllable in mid-sentence (:func:`_mid_sentence_stop`) or after a date's day or month
    (:func:`_date_number_stop`), asked once more after the steps that read words again.

    Why: :func:`stray_marks` takes the first kind out of the page's first reading, but the words :mod:`spanread`,
    :mod:`speckmarks` and the case and colon steps read again or change after it come back with their stop
    (``công. theo dõi``, ``ngày 28. tháng 01`` on fit seeds 445-446, session 48). The grammar is the same one: a
    Vietnamese sentence after a full stop opens with a capital (none of the 517,571 truth words of sets 110-129 ends in
    a stop before a small letter of its line), and a date prints ``ngày 28 tháng 01 năm 2017`` without one."""
    if unsmoothed is None or not ocr.words:
        return ocr
    words = list(ocr.words)
    for k, w in enumerate(words):
        if _mid_sentence_stop(words, k) or _date_number_stop(words, k):
            lead, core, _ = split_edges(nfc(w.text), EDGES)
            words[k] = replace(w, text=lead + core)
    if words == ocr.words:
        return ocr
    return replace(ocr, words=words, text=nfc(text_of(words)).strip())


#: Two runs of letters, or letters and a number, joined by what a speck between them was read as.
#: Besides the stops and strokes, a quote, a star or a degree sign glued between two syllables is a speck too
#: (``có"lúc``, ``sản*Hồ``, ``được,°vẫn``): a quote opens after a space and closes before one. A number may hold
#: its groups (``53.800.000-đồng``).
JOINED = re.compile(rf"([^\W\d_]+|\d+(?:[.,]\d+)*)([-.,;:\"“”*°{re.escape(STRAY)}]{{1,3}})([^\W\d_]+|\d+)")
#: A list's item number or a short abbreviation with its stop, glued to a heading or name after it (``2..Bố``,
#: ``I..SỰ``, ``TM.ỦY``, ``KT.,CHỦ``): the item's number and ``TM.``, ``KT.`` are followed by a space.
ITEM = re.compile(r"\d{1,2}|[IVX]{1,4}|[A-ZĐ]{2,3}")


def _syllable(part: str) -> bool:
    """A syllable Vietnamese words use, in small letters, capitalised or in capitals (not an abbreviation: ``UBND``,
    ``TM``, ``PCT`` are no syllables the list holds)."""
    return part.isalpha() and (part.islower() or part.isupper() or part[:1].isupper() and part[1:].islower()) \
        and part.lower() in attested()


def speck_join(core: str) -> tuple[str, str] | None:
    """The two words a speck between them joined into ``core``, each with the punctuation it keeps, or None.

    Two syllables Vietnamese words use (:func:`_syllable`), or a small-letter syllable and a number, joined by one to
    three of ``- . , ; :`` and the strokes of :data:`STRAY`: ``vướng:mắc``, ``THĂNG'BÌNH``, ``năm-2022``, ``thôn.5``,
    ``đất,-góp``, ``Ông.Đào``. The truth of sets 110-129 writes no such token (a number's parts are digits on both
    sides, ``2019-2020``; an abbreviation is no syllable, ``QĐ-UBND``, ``TP.HCM``, ``COVID-19``). A comma or a
    semicolon first stays with the first word (``đất,`` of ``hiến đất, góp``); so does a stop after a small word
    before a capital (``này.Quyết``: a sentence's end) and a colon before a capital or a number (``tộc:Kinh``,
    ``số:04…``: a label's);
    a dash between two syllables in capitals or opening one is left to :mod:`archivist.ocrfix` (``Gia-rai``,
    ``Ê-đê`` are written so); everything else between them was the speck."""
    m = JOINED.fullmatch(core)
    if m is None:
        return None
    a, sep, b = m.groups()
    if sep[0] == "." and set(sep) <= set(".,") and ITEM.fullmatch(a) and (a.isdigit() or set(a) <= set("IVX")
                                                                         or not _syllable(a)) \
            and _syllable(b) and b[:1].isupper():
        return a + ".", b
    digits = (not a.isalpha()) + b.isdigit()
    if digits == 2 or digits == 1 and not (_syllable(a) and a.islower() or _syllable(b) and b.islower()):
        return None
    if digits == 0 and not (_syllable(a) and _syllable(b)):
        return None
    if sep == "-" and digits == 0 and not (a.islower() or _one_word(a, b)):
        return None
    keep = ""
    if sep[0] in ",;":
        keep = sep[0]
    elif a.islower() and (sep[0] == "." and b[:1].isupper() or sep[0] == ":" and (b[:1].isupper() or b.isdigit())):
        keep = sep[0]
    return a + keep, b


def _one_word(a: str, b: str) -> bool:
    """Whether a capitalised syllable and a small one make a word of the list (``Ủy-ban``); names of peoples and
    places written with a dash are in none (``Gia-rai``, ``Ê-đê``)."""
    from .wordpairs import in_a_word  # on a speckled page only (the page stage's fork server keeps it out)

    return a[:1].isupper() and a[1:].islower() and b.islower() and in_a_word([a, b], 0)


def _bare(syllable: str) -> str:
    """The syllable's letters without its marks (tone, hook, breve, circumflex; ``đ`` stays ``đ``)."""
    return "".join(c for c in unicodedata.normalize("NFD", syllable) if not unicodedata.combining(c))


def _tone_reading(read: str, readings: list[str], want: str) -> str | None:
    """``want`` when it is ``read`` with other marks on the same letters (a speck read as a tone or a vowel's mark:
    ``ngãy`` -> ``ngày``, ``sáp`` -> ``sắp``) and a reading's letters are that syllable (its marks at the edges
    aside); never another letter, which a speck on a stroke makes (``dài`` read again ``đài`` beside ``kẻo``, HG122)."""
    if _bare(read) != _bare(want):
        return None
    return want if any(split_edges(r, EDGE)[1] == want for r in readings) else None


def _read_again(read_alone: Callable[..., str], images: tuple[np.ndarray, np.ndarray], words: list[Word], k: int,
                heights: dict[int, float], dpi: float, judge: Callable[[list[str]], str | None]) -> bool:
    """Word ``k`` read again alone from its box in both images, then (when ``judge`` takes no reading) from a crop
    its line's height bounds (:func:`archivist.spanread.read_span`: the box's specks left out); changed in
    ``words`` to what ``judge`` makes of the readings, its edges' marks kept. Whether it changed."""
    lead, _, trail = split_edges(nfc(words[k].text), EDGE)
    crops = [word_crop(im, words[k].bbox) for im in images]
    readings = [nfc(read_alone(c, dpi, SINGLE_WORD)) for c in crops if c.size]
    if judge(readings) is None and words[k].line in heights:
        readings = read_span(read_alone, images, words[k], words[k], heights[words[k].line], dpi)
    if (new := judge(readings)) is None:
        return False
    words[k] = replace(words[k], text=lead + new + trail)
    return True


def reread_specks(engine: OcrEngine, ocr: OcrResult, unsmoothed: np.ndarray | None, image: np.ndarray,
                  dpi: float) -> OcrResult:
    """``ocr`` (the reading of ``image``, a speckled page as read; ``unsmoothed`` the same page before its median)
    without the tokens that are a lone stroke (:func:`lone_stroke`), with each token two words a speck joined split
    in two (:func:`speck_join`), a list's dash glued to a word split
    off, each word's stray marks taken out (:func:`stray_marks`), and each syllable the word list finds odd read again
    alone from both images and changed when a reading is the syllable the list wants with other marks
    (:func:`_tone_reading`); split words share their box by characters, the speck's share the space between.
    Unchanged on any page but a speckled one (``unsmoothed`` None)."""
    if unsmoothed is None or not ocr.words:
        return ocr
    words: list[Word] = []
    changed = False  # not the count of words: a stroke dropped and a pair split leave it as it was (HG162)
    for w in ocr.words:  # joins first: a speck between two words, a list's dash, then what is left at the edges
        lead, core, trail = split_edges(nfc(w.text), EDGES)
        if lone_stroke(w.text):
            changed = True
            continue
        if pair := speck_join(core):
            gap = len(core) - len(pair[0]) - len(pair[1])  # the speck's characters: the space between the two boxes
            words += list(split_box(w, lead + pair[0], pair[1] + trail, gap=gap))
            changed = True
        elif (lead == "-" or lead[:1] == "-" and STRAY_LEAD.fullmatch(lead[1:])) and core[:1].isalpha():
            # a list's dash glued to its item's first word, specks between them or not: split off, kept
            words += list(split_box(w, "-", core + trail))  # ``-TT``, ``-'UBND`` -> ``-`` ``UBND`` (session 43)
            changed = True
        else:
            words.append(w)
    for k in range(len(words)):
        if (clean := stray_marks(words, k)) is not None:
            words[k] = replace(words[k], text=clean)
            changed = True
    for k, clean in added_marks(words, EDGES).items():
        words[k] = replace(words[k], text=clean)
        changed = True
    read_alone = getattr(engine, "read_alone", None)
    odd, place = odd_in_runs(words) if callable(read_alone) else ({}, {})
    if callable(read_alone):  # and runs with a capital, judged in small letters (session 42: ``Ủy bạn nhân dân``)
        odd = odd_with_capitals(words) | odd
    lone = lone_syllables(words, place) if callable(read_alone) else {}  # another consonant (session 42, second round)
    heights = line_heights(words) if odd or lone else {}
    for k in sorted(odd.keys() | lone.keys()):
        core = split_edges(nfc(words[k].text), EDGE)[1]

        def judge(readings: list[str], core: str = core, k: int = k) -> str | None:
            """The list's syllable with other marks, else a consonant the image alone shows."""
            tone = _tone_reading(core, readings, odd[k]) if k in odd else None
            return tone if tone is not None or k not in lone else consonant_reading(*lone[k], readings)

        if _read_again(read_alone, (unsmoothed, image), words, k, heights, dpi, judge):
            changed = True
    if not changed:
        return ocr
    return replace(ocr, words=words, text=nfc(text_of(words)).strip())
