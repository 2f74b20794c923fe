"""The signer's name read a second time, as a review flag (issue 14 item 9).

Why: the wrong signers stored without a flag are a name's letter or mark misread at full confidence with no rival
(HG97 ``Lý Kinh Sơn`` for a typed ``Lý Minh Sơn``, HG98 ``Hà Thu Hoa`` for a faded ``Hồ Thu Hoa``, both 0.88):
the word is a listed name, the document writes the name nowhere else, the engine kept no other letter. Only the
pixels can tell, as for the number (:mod:`archivist.numberread`) and the date's year (:mod:`archivist.dateread`):
the name's line is read again on its own, one line (psm 7), enlarged 1.5 times, on the image the OCR read and on
the upright scan. A reading is evidence only where one of its words is a *listed* spelling of a name (the lexicon's
``[surnames]`` for the first word, ``[given]`` for the others) other than the stored word, not a case-only
difference: raw differences flag 6-19% of right signers, a listed name other than the stored one is rare. On the
signers of seeds 86-108's HG sets the two ways catch 3 of the 4 wrong signers stored unflagged (the fourth,
``Võ Ván Hưng``, is a ``Văn``/``Vân`` slip another rule flags) and flag 1 right signer not flagged before
(bench/RESULTS.md, "The signer's name read again (session 34, namereread34)").

The page stage has the images, the document stage knows the signer: :func:`read_name` (page stage) finds the
signature block on the page's own lines as extract finds it on a document's last page
(:func:`archivist.footer.find_footer`), and keeps the name line's box with its two
readings (:data:`WAYS`). The page stage does not know which page is the last: every page with a named block is
read (a name read on a page extract takes no signer from is simply not used: its box is not the field's).
:func:`flag_name_reread` (extract) flags the signer when a reading names another listed name
(:func:`reread_doubt`). The value is never changed.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .fields import Field
from .footer import Footer, find_footer
from .layout import Header
from .lexicon import LETTERS
from .namerival import listed
from .numberread import _api as own_api
from .numberread import crop_box, flag_box_reread, read_crop, read_image, reads_crops
from .ocrtext import Line, PageText, fold_key, page_lines

if TYPE_CHECKING:  # numpy and OpenCV only where the page stage runs (extract writes without them)
    import numpy as np

#: The second readings of the name's line, as (name, image, enlargement): image ``read`` is the one the OCR read,
#: ``scan`` the upright page; one line each (psm 7), every character allowed. Chosen from the four of
#: read/scan x 1.0/1.5 measured (bench/RESULTS.md): these two catch the unflagged wrong names no other rule does.
WAYS = (("read", "read", 1.5), ("scan", "scan", 1.5))
PSM = 7
#: a run of letters: a name's word in the value and in a reading (``Sơn.`` is ``Sơn``)


def name_box(number: int, words: Sequence[Any], header: tuple[list[Line], Header] | None = None,
             footer: Footer | None = None) -> list[int] | None:
    """The box of the signer's name line of the signature block on this page (``words``: the page's words in its
    upright pixels), as extract's signer field holds it when the page ends the document; None without a named
    block. The block is looked for over the page's lines whole, as on a later page of a document: on a first page
    the header extract sets aside first changes no name's box (1 of 1,325 first pages' signers of seeds 86-108),
    while a later page's own header parse would hide 345 of 498 (tops of pages taken for a header). ``header``:
    the page's lines and header (:func:`archivist.numberread.page_header`), when the caller has them; ``footer``: the
    page's :func:`page_footer`, when the caller has it (the page stage finds it once for this and the name zone)."""
    found = footer if footer is not None else page_footer(number, words, header[0] if header is not None else None)
    box = found.name.box() if found is not None and found.name is not None else None
    return [int(v) for v in box] if box else None


def page_footer(number: int, words: Sequence[Any], lines: list[Line] | None = None) -> Footer | None:
    """The signature block on this page's own lines (``lines``: the page's, when the caller has them), looked for
    as :func:`name_box` explains; None without words or a block. The name zone's reading finds its block so too."""
    if not words:
        return None
    return find_footer([lines if lines is not None else page_lines(PageText(number, "", list(words)))], 0)


def read_name(number: int, words: Sequence[Any], upright: np.ndarray, dpi: float, prep: Any,
              engine: Any = None, header: tuple[list[Line], Header] | None = None,
              footer: Footer | None = None) -> dict | None:
    """The signer's name line read again: its box and one reading per way of :data:`WAYS` (``read`` from ``prep``,
    :class:`archivist.restore.Prepared`, as :func:`archivist.numberread.read_number` takes it; ``scan`` from
    ``upright`` at ``dpi``). None without a named signature block. ``header``, ``footer``: as :func:`name_box`
    takes them."""
    box = name_box(number, words, header, footer)
    if box is None or (not reads_crops(engine) and own_api() is None):
        return None
    images = {"read": (crop_box(read_image(prep, box), box, prep.scale), prep.dpi),
              "scan": (crop_box(upright, box, 1.0), dpi)}
    return {"box": box, **{name: unicodedata.normalize("NFC", read_crop(*images[src], PSM, False, engine, scale))
                           for name, src, scale in WAYS}}


def other_name(value: str, reading: str) -> tuple[str, str] | None:
    """The first word of ``reading`` that spells another listed name than ``value``'s word in its place (a family
    name first, given names after), with that word of ``value``; None when the words do not pair one to one, or
    every differing word is no listed name or differs in case only (``HỮU`` for ``Hữu``)."""
    words, read = LETTERS.findall(value), LETTERS.findall(reading)
    if len(words) != len(read):
        return None
    for i, (own, found) in enumerate(zip(words, read, strict=True)):
        if found.lower() != own.lower() and found.lower() in listed(i):
            return found, own
    return None


@lru_cache(maxsize=1)
def _given_by_letters() -> dict[str, tuple[str, ...]]:
    """The listed given names' spellings by their letters with marks folded (``thanh``: ``thanh``, ``thành``)."""
    out: dict[str, list[str]] = {}
    for word in sorted(listed(1)):
        out.setdefault(fold_key(word), []).append(word)
    return {k: tuple(v) for k, v in out.items()}


def unlisted_marks_doubt(got: dict, value: str) -> str | None:
    """Why the signer ``value`` may be misread: a word after its family name has a listed given name's letters with
    marks no listed spelling gives them (``Thạnh``, where ``Thanh`` and ``Thành`` are), and a second reading of the
    line does not write that word (``Thạ::ih``).

    The restorer leaves such a word as read when its letters have two listed spellings, and the engine kept no
    rival: HG131 typewriter-07-ttr-206's typed ``Dương Thanh Phong`` stored ``Dương Thạnh Phong`` at 0.87, a speck
    read as the dot below. Of 3,493 signers stored for seeds 86-128 and 131 the first sign alone fires on 8, all
    wrong; real names the lexicon does not list write such marks too (``Lê Thị Thuỷ`` on the unlisted-names set of
    seed 361), so the second reading must fail to confirm the word as well (both readings gave ``Thuỷ`` there)."""
    spellings = _given_by_letters()
    for word in LETTERS.findall(value)[1:]:
        if word.lower() in listed(1) or fold_key(word) not in spellings:
            continue
        text = next((t for name, *_ in WAYS if (t := got.get(name) or "").strip() and word not in LETTERS.findall(t)),
                    None)  # a reading that gave nothing is no evidence
        if text is None:
            continue
        names = "', '".join(w.capitalize() for w in spellings[fold_key(word)])
        return f"'{word}' is no listed given name ('{names}' {'is' if ',' not in names else 'are'}), and the " \
            f"name's line read again gave '{text}'"
    return None


def reread_doubt(got: dict, value: str) -> str | None:
    """Why the signer ``value`` may be misread: a second reading of its line gave another listed name in one of its
    words' places, or does not confirm a word spelled as no listed name is (:func:`unlisted_marks_doubt`)."""
    for name, *_ in WAYS:
        text = got.get(name) or ""
        if (other := other_name(value, text)) is not None:
            return f"the name's line read again gave '{text}': '{other[0]}' is a name too, not '{other[1]}'"
    return unlisted_marks_doubt(got, value)


def flag_name_reread(f: Field | None, pages: Sequence[Any]) -> None:
    """Flag the signer when a second reading of its line names another listed name. The value is never changed."""
    flag_box_reread(f, pages, "name_reading", reread_doubt)
