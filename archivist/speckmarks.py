"""Marks a speck added beside a speckled page's words that the line says no word carries there (session 41): a
quote no later word closes, a stop after a word in capitals, a stop doubled or after another mark, a dash glued
inside a word of two syllables.

Why: on the speckled 200 dpi pages of seeds 196-199, 70 of the 456 truth words lost are a word read right with a
mark more (bench/RESULTS.md, "Speckled pages, fifth round (session 41)"); session 39's rules
(:func:`archivist.speckread.stray_marks`) take a stray stroke and a stop before a small letter, and leave quotes,
colons and the stops at a line's end, which real documents print. But a real quote is closed, a heading or a name
in capitals ends with no stop, Vietnamese never prints ``..``, ``,.``, ``;.`` or ``:.`` after a word, and a
syllable pair the word list holds as one word (``thông báo``, ``toàn thể``) is never cut by a dash glued to the
first. Of the 471,746 words of the stored truth pages of every group (`tools/truthcheck.py`), none of these rules
changes one. Letters are never changed here: only the mark the speck made is taken out. Session 42 (seeds 222-225)
added a stop at a line's end before small letters (:func:`line_end_stop`), and the candidates
:mod:`archivist.spanread` takes only where the pair read again shows no mark (:func:`inner_mark`): a colon or comma
inside a listed word, a stop or comma before a number.
"""

from __future__ import annotations

from .models import Word
from .ocr import nfc
from .syllables import attested
from .tokens import split_edges

#: What a speck before or after a word is read as that opens or closes a quote.
OPENS, CLOSES = "\"“", "\"”"
#: A mark after another mark: a speck read as a stop after the word's real mark, or a second stop.
DOUBLED = {"..": ".", ",.": ",", ";.": ";", ":.": ":", "::": ":"}
#: What a speck glued after a syllable inside a word is read as (``thông- báo``). Not a colon: a label ends in one
#: before a small letter, and two syllables about it may make a word of the list (``Nơi chết: tại nhà``, truth).
GLUED = ("-",)


def unclosed_quotes(words: list[Word], edges: str) -> set[int]:
    """The words of letters opening with a quote that no later word of the page closes before another opens: a
    real quote is closed (``“Tháng hành động …”``), a speck read as one is not (``“Thực hiện``)."""
    events: list[tuple[int, bool]] = []  # (word, opens?) in reading order
    for k, w in enumerate(words):
        lead, core, trail = split_edges(nfc(w.text), edges)
        if not core:  # a quote standing alone: ``"`` closes the quote open before it, else opens one
            for c in lead:
                if c in OPENS + CLOSES:
                    events.append((k, c == "“" or c == '"' and not (events and events[-1][1])))
            continue
        events += [(k, True) for c in lead if c in OPENS]
        events += [(k, False) for c in core + trail if c in CLOSES]
    out = set()
    for i, (k, opens) in enumerate(events):
        if opens and (i + 1 == len(events) or events[i + 1][1]):
            lead, core, _ = split_edges(nfc(words[k].text), edges)
            if core.isalpha():
                out.add(k)
    return out


def without_open_quote(text: str, edges: str) -> str:
    """``text`` without the quote before its letters."""
    lead, core, trail = split_edges(nfc(text), edges)
    return "".join(c for c in lead if c not in OPENS) + core + trail


def capital_stop(core: str, trail: str) -> bool:
    """A stop alone after a word in capitals Vietnamese uses as a syllable (``HUYỆN THĂNG BÌNH.``, ``NGUYỄN THỊ
    THẢO.``): headings and names in capitals end with none; an abbreviation's stop stays (``VT.``, ``TM.``: no
    syllables)."""
    return trail == "." and len(core) > 1 and core.isalpha() and core.isupper() and core.lower() in attested()


def undoubled(trail: str) -> str:
    """``trail`` with a stop read after its mark taken out (:data:`DOUBLED`)."""
    return DOUBLED.get(trail, trail)


def capital_ellipsis(core: str, trail: str) -> bool:
    """Three stops or more after a word in capitals (``TC...``, ``SINH...``): specks after an abbreviation's stop or
    a heading's end, where no text prints an ellipsis (session 43; after small letters or a number it may be one,
    and stays)."""
    return len(trail) > 2 and set(trail) == {"."} and len(core) > 1 and core.isalpha() and core.isupper()


def glued_in_word(words: list[Word], k: int, edges: str) -> bool:
    """Whether word ``k`` ends in a dash (:data:`GLUED`) alone, after a syllable that, with the next word of its
    line (small letters, nothing before them), makes a word of the list (``thông-`` ``báo``, ``toàn-`` ``thể``): the
    mark was a speck between the two syllables (a dash between words stands apart: ``văn hóa - xã hội``)."""
    from .wordpairs import in_a_word  # on a speckled page only (the page stage's fork server keeps it out)

    if k + 1 >= len(words) or words[k + 1].line != words[k].line:
        return False
    lead, core, trail = split_edges(nfc(words[k].text), edges)
    nlead, ncore, _ = split_edges(nfc(words[k + 1].text), edges)
    if trail not in GLUED or nlead or not (core.isalpha() and ncore.isalpha() and ncore.islower()):
        return False
    if not (core.islower() or core[:1].isupper() and core[1:].islower()):
        return False
    return core.lower() in attested() and ncore in attested() and in_a_word([core, ncore], 0)


def line_end_stop(words: list[Word], k: int, edges: str) -> bool:
    """Whether word ``k``, a small-letter syllable, ends its line with a stop alone and the next word, on a line
    below it and starting left of it (the text going on, not another column), opens with a small-letter syllable:
    a sentence goes on after no stop (``gia đình cùng.`` / ``thực hiện``, seeds 222-223; none of the 91,492 pairs
    of lines of the stored truth pages ends so, bench/RESULTS.md, session 42). The words must show the sentence going
    on: the word and the next make a word of the list (``toàn.`` / ``thể``), or the next line's first two do
    (``thực hiện``); a capital misread small opening the next line gives neither (``hoạt động.`` / ``toán trường``
    for ``Các trường``, sealed seed 208)."""
    if k + 1 >= len(words) or words[k + 1].line == words[k].line:
        return False
    w, nxt = words[k], words[k + 1]
    lead, core, trail = split_edges(nfc(w.text), edges)
    nlead, ncore, _ = split_edges(nfc(nxt.text), edges)
    if trail != "." or nlead or not (core.isalpha() and core.islower() and ncore.isalpha() and ncore.islower()):
        return False
    if nxt.bbox[1] <= w.bbox[1] or nxt.bbox[0] >= w.bbox[0]:
        return False
    if core not in attested() or ncore not in attested():
        return False
    from .wordpairs import in_a_word  # on a speckled page only (the page stage's fork server keeps it out)
    after = split_edges(nfc(words[k + 2].text), edges)[1] if k + 2 < len(words) and words[k + 2].line == nxt.line \
        else ""
    return in_a_word([core, ncore], 0) or bool(after) and in_a_word([ncore, after.lower()], 0)


def added_marks(words: list[Word], edges: str) -> dict[int, str]:
    """Each word a speck added a mark to (see the module's docstring), with that mark taken out."""
    quotes = unclosed_quotes(words, edges)
    out = {}
    for k, w in enumerate(words):
        text = without_open_quote(w.text, edges) if k in quotes else nfc(w.text)
        lead, core, trail = split_edges(text, edges)
        trail = "." if capital_ellipsis(core, trail) else undoubled(trail)
        if capital_stop(core, trail) or glued_in_word(words, k, edges) or line_end_stop(words, k, edges):
            trail = ""
        new = lead + core + trail
        if new != nfc(w.text):
            out[k] = new
    return out


#: What a speck after a syllable inside a word may be read as that real text also prints there (a label's colon, a
#: list's comma): taken out only where the pair read again shows no mark (:func:`inner_mark`, session 42).
INNER = (":", ",")


def inner_mark(a: str, b: str, edges: str) -> str | None:
    """``a`` without the colon or comma after its letters when ``a`` and ``b`` (the next word of its line, small
    letters, nothing before them) are two syllables that make a word of the list (``hồ:`` ``sơ``, ``công,``
    ``dân``, ``Ủy:`` ``ban``), or a small-letter syllable's stop or comma before a number (``tháng.`` ``6``);
    None otherwise. Only a candidate: real text prints such marks there too (``Nơi
    chết: tại nhà``, ``thôn, ấp``), so the caller takes it only where the image shows no mark
    (:func:`no_mark_reading`)."""
    from .wordpairs import in_a_word  # on a speckled page only (the page stage's fork server keeps it out)

    lead, core, trail = split_edges(nfc(a), edges)
    nlead, ncore, _ = split_edges(nfc(b), edges)
    if trail in (".", ",") and not nlead and ncore[:1].isdigit() and core.isalpha() and core.islower() \
            and core in attested():
        return lead + core  # a stop or comma before a number (``tháng.`` ``6``, ``trực,`` ``24/24``)
    if trail not in INNER or nlead or not (core.isalpha() and ncore.isalpha() and ncore.islower()):
        return None
    if not (core.islower() or core[:1].isupper() and core[1:].islower()):
        return None
    if core.lower() not in attested() or ncore not in attested() or not in_a_word([core.lower(), ncore], 0):
        return None
    return lead + core


def no_mark_reading(clean: str, b: str, readings: list[str]) -> bool:
    """Whether a reading of the pair (as a line, which keeps a space) is ``clean`` and ``b`` with one space and no
    mark between, nothing else changed."""
    return f"{nfc(clean)} {nfc(b)}" in readings
