"""A review flag for a name (the signer, the registered person) that the document writes elsewhere with the same
letters and family name but other marks on a later word.

Why: a name is read once where it stands, and its marks are the ones a misread changes without making a
non-word (``Vân``/``Vần``, ``Thủy``/``Thúy``/``Thùy``: each a real name), so no word list or confidence tells. When
the document names the person a second time, the two readings either agree or one of them is misread. AT42
23-don-dang-ky-thua-291's signer was stored ``Trần Mỹ Vần`` (the bold signer line's ``Vân`` read with a grave at
90) while the applicant's line names ``TRẦN MỸ VÂN`` (96): the engine *added* a mark, the opposite of what
:meth:`archivist.marks.MarkRestorer.doubtful` treats as a contradiction (it takes a spelling with fewer marks as a
faded copy of the other, a completion, no doubt). Which reading is right is the reviewer's: the value is flagged,
never changed.

The family name must be the same word in both: on the fit basis (seeds 22-54 and HG47) a name read elsewhere with
another family name's marks is nearly always a misread of that other copy (``Đỉnh``, ``Lầm``, ``Trân`` for
``Đinh``, ``Lâm``, ``Trần``; any copy counted, 50 right names unflagged would be flagged for 2 wrong), while two
readings of one family name that differ on a later word were, as this function judges them, 1 wrong name
unflagged and 3 right ones, all flagged already (bench/RESULTS.md, "Flags, forty-fourth round (session 29)").
The value's own words (its source text) are not a second reading: a name restored from them (``BÙI PHƯƠNG QUYỂN``
stored ``Bùi Phương Quyên``) is not judged against them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from .crosscheck import unmarked_key
from .faintflags import value_words
from .fields import NAME_FIELDS, Field
from .lexicon import LETTERS, name_spellings
from .tonetwin import mark_weighed, tone_twin_doubt

#: a word of letters (a name's words; digits and punctuation are not)


def _runs(tokens: Sequence[str], n: int, key: list[str]) -> Iterator[list[str]]:
    """Every run of ``n`` consecutive ``tokens`` whose unmarked words are ``key``'s."""
    for i in range(len(tokens) - n + 1):
        run = list(tokens[i:i + n])
        if [unmarked_key(t) for t in run] == key:
            yield run


def name_twin_doubt(name: str, source: str | None, texts: Sequence[str]) -> str | None:
    """Why the name ``name`` is doubtful: ``texts`` (the document's lines) write it elsewhere, the same family name
    first, with another mark on a later word; a run that is the value's own words (``source``) is no second
    reading. None for a name of one word, or when every other writing agrees."""
    words = LETTERS.findall(name)
    if len(words) < 2:
        return None
    n, key = len(words), [unmarked_key(w) for w in words]
    folded = [w.casefold() for w in words]
    own = {tuple(t.casefold() for t in run) for run in _runs(LETTERS.findall(source or ""), n, key)}
    for run in _runs(LETTERS.findall("\n".join(texts)), n, key):
        seen = [t.casefold() for t in run]
        if seen[0] == folded[0] and seen != folded and tuple(seen) not in own:
            return f"the text writes the name '{' '.join(run)}' with other marks than '{name}': one is misread"
    return None


#: a family name read under this confidence (0-100) is the weaker of two writings that differ in it
WEAK = 80.0


def surname_twin_doubt(name: str, texts: Sequence[str], first_conf: float | None) -> str | None:
    """Why the name ``name`` is doubtful: its family name was read under WEAK confidence (``first_conf``), and the
    document's lines ``texts`` write the same later words after another listed family name one letter off it
    (unmarked): AT123 24-3 xnhn-25 named ``bà Vũ Mỹ Hằng`` at 96.7 in its body and the form's line ``VỠ MỸ HẰNG``
    (``VỠ`` at 66), stored ``Võ Mỹ Hằng`` at 0.706 unflagged. :func:`name_twin_doubt` asks the family name be the same
    because another one read elsewhere is most often a misread of that copy; a value's family name read weakly is
    the likelier misread. On seeds 86-124 one name so (the target; bench/RESULTS.md, "Flags on the sealed seeds
    123-124 (session 36)")."""
    words = LETTERS.findall(name)
    if len(words) < 2 or first_conf is None or first_conf >= WEAK:
        return None
    own, later = unmarked_key(words[0]), [w.casefold() for w in words[1:]]
    listed = name_spellings().get("surnames", {})
    tokens = LETTERS.findall("\n".join(texts))
    for i in range(len(tokens) - len(words) + 1):
        head, other = tokens[i], unmarked_key(tokens[i])
        one_off = len(other) == len(own) and sum(a != b for a, b in zip(other, own, strict=True)) == 1
        if [t.casefold() for t in tokens[i + 1:i + len(words)]] == later and head[0].isupper() \
                and other in listed and one_off:
            run = " ".join(tokens[i:i + len(words)])
            return (f"the text names '{run}', and this name's family name was read weakly ({first_conf:.0f}): "
                    "one is misread")
    return None


def flag_name_twins(found: dict[str, Field], texts: Sequence[str], pages: Sequence[Any] = ()) -> None:
    """Mark for review each name of ``found`` (:data:`NAME_FIELDS`) that the document's lines ``texts`` write
    elsewhere with other marks (:func:`name_twin_doubt`), or, its family name read weakly on its page (``pages``),
    with another family name one letter off (:func:`surname_twin_doubt`); a signer, also a word of it with a listed
    twin a tone away read weakly (:func:`archivist.tonetwin.tone_twin_doubt`)."""
    for field in NAME_FIELDS:
        f = found.get(field)
        if f is not None and isinstance(f.value, str) and not f.review:
            f.review = name_twin_doubt(f.value, f.source_text, texts)
            page = next((p for p in pages if p.number == f.page), None)
            read = value_words(page.words or [], f) if page is not None and not f.review else []
            f.review = f.review or (surname_twin_doubt(f.value, texts, read[0][1]) if read else None)
            if field == "signer" and read and not f.review:
                rivals = getattr(page, "rivals", None) or {}
                weighed = [mark_weighed(*rivals.get(tuple(w[2]), (w[0], ()))) for w in read]
                f.review = tone_twin_doubt(f.value, [(w[0], w[1], m) for w, m in zip(read, weighed, strict=True)])
