"""A faded page's fixed words that phrasefix leaves for their capitals: ``Điêu 1.`` for ``Điều 1.``, ``Vê việc`` opening
a line, ``KẾT QUÁ`` and ``TÔ CHỨC`` in a heading, the recipients' ``LƯU VT``.

Why: after the unit names (:mod:`archivist.fadedunits`) the faded group's lost truth words that repeat over pages
and seeds are words of Decree 30's fixed phrases with their tone mark lost or turned (bench/RESULTS.md, "Faded pages,
twelfth round (session 49)"; ``bench/word_loss.py --fine`` on fit seeds 490-492): ``Điêu 1.``, ``Điêu 4.``, ``Như
Điêu 4;`` (4), ``Vê việc`` opening the subject (3), ``- LƯU VT.`` (3), ``I. KẾT QUÁ THỰC HIỆN`` (2), ``III. TÔ CHỨC
THỰC HIỆN`` (2). :mod:`archivist.phrasefix` reads a lexicon phrase back only in small letters or, three words or
more, in capitals, because a capitalised run may be a name (``Thị Hạnh``); here the place says it is no name:

- **an article's ``Điều``**: a word of ``Điều``'s letters with another mark (``Điêu``), its ``Đ`` read (``Diệu`` is a
  name), followed on its line by an article's number (``1.``, ``4;``): no name is followed by a number;
- **a phrase opening its line** with a capital and small letters after it (``Vê việc thành lập``): the subject's
  line, a sentence's; a name is all capitals (:func:`archivist.phrasefix.phrase_reading` reads it);
- **a two-word phrase in capitals inside a heading line**: the line all capitals, three words or more, the run not
  after a level word (``XÃ``, ``HUYỆN``: a unit's name is :mod:`archivist.unitmarks`'s, on every page);
- **the recipients' ``Lưu``** read in capitals before the office's ``VT`` after a list's dash.

Only on a page :func:`archivist.restore.prepare` restored as a faded copy (``prep.before_contrast``); no word is
made or dropped, every box kept.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .fadedwords import on_faded
from .models import Word
from .ocr import OcrResult
from .ocrtext import _fold
from .phrasefix import phrase_reading
from .restore import Prepared
from .tokens import CORRECTOR_EDGE as _EDGE

#: an article's number after ``Điều`` (``1.``, ``4;``, ``12,``)
_ARTICLE = re.compile(r"^\d{1,2}[.,;:]?$")
#: the level words after which capitals are a unit's name
_LEVELS = frozenset({"XÃ", "HUYỆN", "TỈNH", "PHƯỜNG", "QUẬN", "TRẤN", "PHỐ"})


def _core(text: str) -> str:
    return text.strip(_EDGE)


def _same_line(words: list[Word], i: int, n: int) -> bool:
    return i + n <= len(words) and all(w.line == words[i].line for w in words[i:i + n])


def article_word(words: list[Word], i: int) -> bool:
    """Whether ``words[i]`` is ``Điều`` read with another mark (``Điêu``; its ``Đ`` read: ``Diệu`` is a name) before an
    article's number on its line."""
    core = _core(words[i].text)
    return core[:1] == "Đ" and core[1:].islower() and _fold(core) == "dieu" and core != "Điều" \
        and _same_line(words, i, 2) and _ARTICLE.match(words[i + 1].text) is not None


def opening_phrase(words: list[Word], i: int) -> list[str] | None:
    """The words from ``words[i]``, which opens its line with a capital and small letters after, read back as the
    lexicon phrase they are a mark off from (``Vê việc`` → ``Về việc``), or None."""
    core = _core(words[i].text)
    if (i and words[i - 1].line == words[i].line) or not core[:1].isupper() or not core[1:].islower():
        return None
    return phrase_reading(words[i:], words[i].line)


def heading_phrase(words: list[Word], i: int) -> list[str] | None:
    """The two words from ``words[i]``, in a heading line in capitals (three words or more, all capitals), read
    back as the lexicon phrase they are a mark off from (``KẾT QUÁ`` → ``KẾT QUẢ``), or None; never after a
    level word (``XÃ ĐÔNG SƠN`` is a name)."""
    line = [w for w in words if w.line == words[i].line]
    cores = [_core(w.text) for w in line]
    if len(line) < 3 or not all(c.isupper() for c in cores if c) or not _same_line(words, i, 2) \
            or (i and words[i - 1].line == words[i].line and _core(words[i - 1].text) in _LEVELS):
        return None
    small = [replace(w, text=w.text.lower()) for w in words[i:i + 2]]
    got = phrase_reading(small, words[i].line)
    return [t.upper() for t in got] if got else None


def recipients_keep(words: list[Word], i: int) -> bool:
    """Whether ``words[i]`` is the recipients' ``Lưu`` read ``LƯU``: after a list's dash, before ``VT``."""
    w = words[i]
    return _core(w.text) == "LƯU" and i >= 1 and words[i - 1].text == "-" and words[i - 1].line == w.line \
        and _same_line(words, i, 2) and _core(words[i + 1].text).startswith("VT")


def phrase_readings(words: list[Word]) -> list[str | None]:
    """Each word's reading by the rules above (see the module docstring), None where none applies."""
    out: list[str | None] = [None] * len(words)
    for i, w in enumerate(words):
        if out[i] is not None:
            continue
        if article_word(words, i):
            out[i] = w.text.replace(_core(w.text), "Điều", 1)
        elif recipients_keep(words, i):
            out[i] = w.text.replace("LƯU", "Lưu", 1)
        elif (got := opening_phrase(words, i) or heading_phrase(words, i)) is not None:
            for k, text in enumerate(got):
                if text != words[i + k].text:
                    out[i + k] = text
    return out


def faded_phrases(ocr: OcrResult, prep: Prepared) -> OcrResult:
    """A faded page's reading with :func:`phrase_readings` taken (:func:`archivist.fadedwords.on_faded`)."""
    return on_faded(ocr, prep, phrase_readings)
