"""A faded page's words a set place tells: a date's ``năm`` read ``nắm``, a law's name a mark off after ``Luật``, the
place-date line's ``Xã`` read small, the symbol's ``UBND`` read ``UBMD``.

Why: after session 47 the faded group's lost truth words are mostly one-off letter slips; the few that repeat over
pages and seeds are words whose place says what they are, not their glyphs (bench/RESULTS.md, "Faded pages, eleventh
round (session 48)"; ``bench/word_loss.py --fine`` on fit seeds 450-452):

- **a written date's ``năm`` read ``nắm``** (the breve's grain read as an acute: ``tháng 1 nắm 20065``, ``tháng 7?
  nắm`` with the year on the next line, ``tháng đ1 nắm`` / ``2005``; 3 on 3 seeds). :mod:`archivist.datewords` asks
  a word only with its year beside it on its line, a valid one; here the month's ``tháng`` and number before it, or
  the year opening the next line, say the slot is the date's;
- **a law's name after ``Luật``** (``Căn cứ Luật Thỉ đua, khen thưởng``, ``Luật Thì đua``: 2 on 2 seeds): a law's
  name opens with a capital, so :mod:`archivist.phrasefix` takes the run for a person's name and leaves it; after
  ``Luật`` it is a law's, and a lexicon phrase misread in a mark is read back there as phrasefix reads it;
- **the place-date line's ``Xã``** read small (``xã Vĩnh Thanh, ngày 23 tháng 7 năm 2010`` opening its line: 2 on 2
  seeds): the line that is all ``Xã <name>, ngày D tháng M năm YYYY`` is Decree 30's place and date, which opens
  with a capital;
- **the symbol's ``UBND`` read ``UBMD``** (``34/KH-UBMD``, ``116/KH-UBMD``, a recipient's ``UBMD``: 3 on 2 seeds):
  an ``N`` read ``M``, the faded type's known slip (session 40); no body or code is written ``UBMD``.

Only on a page :func:`archivist.restore.prepare` restored as a faded copy (``prep.before_contrast`` set); no word is
made or dropped, every box kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .models import Word
from .ocr import OcrResult
from .ocrtext import _fold
from .phrasefix import phrase_reading
from .restore import Prepared
from .tokens import CORRECTOR_EDGE as _EDGE
from .typedcase import with_readings

#: ``UBMD`` alone or as a symbol's last part (``34/KH-UBMD``), with the marks a word ends with.
_UBMD = re.compile(r"^(.*-|)UBMD([.,;:)]*)$")


def _core(text: str) -> str:
    return text.strip(_EDGE)


def _number(text: str, low: int, high: int) -> bool:
    core = _core(text)
    return core.isdigit() and len(core) <= 4 and low <= int(core) <= high


def year_word(words: list[Word], i: int) -> bool:
    """Whether ``words[i]``, read ``năm`` with another mark (``nắm``), stands in a written date: after ``tháng`` and
    a month on its line, or last on its line with a year (1900-2100) opening the next."""
    core = _core(words[i].text)
    if not core.islower() or _fold(core) != "nam" or core == "năm":
        return False
    w = words[i]
    after_month = i >= 2 and words[i - 1].line == w.line == words[i - 2].line \
        and _fold(_core(words[i - 2].text)) == "thang" and _number(words[i - 1].text, 1, 12)
    nxt = words[i + 1] if i + 1 < len(words) else None
    year_below = nxt is not None and nxt.line != w.line and _number(nxt.text, 1900, 2100)
    return after_month or year_below


def _symbol(text: str) -> bool:
    """Whether ``text`` reads as a document's number and symbol (a digit and a ``/``: ``19/BC-UBNES+``)."""
    return "/" in text and any(c.isdigit() for c in text)


def place_date(words: list[Word], i: int) -> bool:
    """Whether ``words[i]`` is a small ``xã`` opening a line that is all a place and date: ``xã``, one to four
    capitalised words the last ending in ``,``, ``ngày D tháng M năm YYYY``, nothing after on its line. Before the
    header's columns are put in order (:mod:`archivist.headorder`) the line may open with the left column's number
    and symbol (``Số: 19/BC-UBND   xã Vĩnh Thanh, ngày …``, one row of Decree 30's header): ``xã`` after it opens
    the place and date as well."""
    w = words[i]
    if w.text != "xã" or (i and words[i - 1].line == w.line and not _symbol(words[i - 1].text)):
        return False
    line = [x.text for x in words[i:] if x.line == w.line]
    if len(line) < 8 or any(words[i + k].line != w.line for k in range(len(line))):
        return False
    date, name = line[-6:], line[1:-6]
    return 1 <= len(name) <= 4 and all(t[:1].isupper() for t in name) and name[-1].endswith(",") \
        and all(t.rstrip(",")[1:].islower() or t.rstrip(",")[1:] == "" for t in name) \
        and [_fold(t) for t in date[0::2]] == ["ngay", "thang", "nam"] and _number(date[1], 1, 31) \
        and _number(date[3], 1, 12) and re.fullmatch(r"\d{4}", date[5]) is not None


def law_names(words: list[Word]) -> list[str | None]:
    """Each word's reading where it belongs to a law's name after ``Luật`` that is a lexicon phrase misread in a mark
    (``Thỉ đua,`` → ``Thi đua,``), None elsewhere."""
    out: list[str | None] = [None] * len(words)
    for i, w in enumerate(words[:-1]):
        if _core(w.text) != "Luật" or w.text != "Luật":
            continue
        got = phrase_reading(words[i + 1:], w.line)
        for k, text in enumerate(got or []):
            if text != words[i + 1 + k].text:
                out[i + 1 + k] = text
    return out


def word_readings(words: list[Word]) -> list[str | None]:
    """Each word's reading by the rules above (see the module docstring), None where none applies."""
    out = law_names(words)
    for i, w in enumerate(words):
        if year_word(words, i):
            out[i] = w.text.replace(_core(w.text), "năm", 1)
        elif place_date(words, i):
            out[i] = "Xã"
        elif m := _UBMD.match(w.text):
            out[i] = f"{m.group(1)}UBND{m.group(2)}"
    return out


def on_faded(ocr: OcrResult, prep: Prepared, readings: Callable[[list[Word]], list[str | None]]) -> OcrResult:
    """A faded page's reading (``prep.before_contrast`` set) with each word's reading by ``readings`` taken; any other
    page as read. The boxes are kept. One gate for the faded page's text rules (this module's,
    :mod:`archivist.fadedunits`', :mod:`archivist.fadedphrases`')."""
    if prep.before_contrast is None or not ocr.words:
        return ocr
    return with_readings(ocr, readings(ocr.words))


def faded_words(ocr: OcrResult, prep: Prepared) -> OcrResult:
    """A faded page's reading with :func:`word_readings` taken (:func:`on_faded`)."""
    return on_faded(ocr, prep, word_readings)
