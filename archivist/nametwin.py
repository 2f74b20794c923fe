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

import re
from collections.abc import Iterator, Sequence

from .crosscheck import unmarked_key
from .fields import NAME_FIELDS, Field

#: a word of letters (a name's words; digits and punctuation are not)
_LETTERS = re.compile(r"[^\W\d_]+")


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
    words = _LETTERS.findall(name)
    if len(words) < 2:
        return None
    n, key = len(words), [unmarked_key(w) for w in words]
    folded = [w.casefold() for w in words]
    own = {tuple(t.casefold() for t in run) for run in _runs(_LETTERS.findall(source or ""), n, key)}
    for run in _runs(_LETTERS.findall("\n".join(texts)), n, key):
        seen = [t.casefold() for t in run]
        if seen[0] == folded[0] and seen != folded and tuple(seen) not in own:
            return f"the text writes the name '{' '.join(run)}' with other marks than '{name}': one is misread"
    return None


def flag_name_twins(found: dict[str, Field], texts: Sequence[str]) -> None:
    """Mark for review each name of ``found`` (:data:`NAME_FIELDS`) that the document's lines ``texts`` write
    elsewhere with other marks (:func:`name_twin_doubt`)."""
    for field in NAME_FIELDS:
        f = found.get(field)
        if f is not None and isinstance(f.value, str) and not f.review:
            f.review = name_twin_doubt(f.value, f.source_text, texts)
