"""The signer's name line under the position, read but not as a name (session 42).

Why: a typed page's name line is read with a small first letter (``Đặng Mỹ vàn``, ``lê Ngọc Mai``), a stray letter
glued in front (``wWguyễn Xuân Nghĩa``) or a word lost (``Phạm ¡!2ng Liên``). :func:`archivist.signwords.is_name`
takes none of them, so the block has no name and the signer was stored empty, in review: 28 readings of 6 minutes
over the processed sets of sessions 40-41 (bench/RESULTS.md, "Signers stored empty (session 42)").

The line stands where the name goes: under the block's position (or authority) line, in its column
(:func:`archivist.footer.position_column`), within :data:`ROWS` rows. Minutes name their chair a second time, in
the body: ``Chủ trì: bà Đặng Mỹ Vân, Chủ tịch Ủy ban nhân dân xã.`` Two readings of one name, each of whose words one
of them spells as a listed name (the lexicon's ``[surnames]`` first, ``[given]`` after), settle it: :func:`merged`
takes, word by word, the one listed spelling the readings give (a small first letter set capital only where the
capital spells a listed name), or the one spelling both give alike (an unlisted name read twice), and gives up where
two listed names disagree (``Đại``/``Đạt``) or none settles. The two readings must be one person's: the same number
of words, two of them alike but for case and marks. Without a second reading (not minutes, or no ``Chủ trì:`` line),
the line alone settles only a name all of whose words are listed once a small first letter is set capital. The value
is always flagged (:data:`REASON`): its line was not read as a name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .fields import Field
from .footer import Footer, position_column
from .namerival import listed
from .ocrtext import Line, fold_key, same_column
from .pagerows import Rows

#: the body's line that names the chair, its label's words with marks folded (``Chủ trì:``, ``Chủ tọa:``)
LABELS = ("chu tri", "chu toa")
#: the chair's positions under which the name goes
CHAIRS = ("chu toa", "chu tri")
#: a title before the name in the body's line (``ông``, ``bà``, ``đồng chí``), folded
TITLES = ("ong", "ba", "dong chi", "anh", "chi")
#: how many rows under the position the name line may stand (the signature's strokes and a seal's between)
ROWS = 4
CONFIDENCE = 0.5
REASON = ("the line under the position was not read as a name ('{line}'): the name is taken from it and the "
          "minutes' '{label}' line ('{body}'), word by word as the names list spells them")
ALONE = ("the line under the position was not read as a name ('{line}'): each of its words, a small first letter set "
         "capital, is a listed name")
_WORD = re.compile(r"\S+")


def body_name(texts: Sequence[str]) -> tuple[str, str] | None:
    """The chair's name as the minutes' body gives it (``Chủ trì: ông Nguyễn Xuân Nghĩa, Chủ tịch …``: the words
    after the label and a title, up to a comma, a full stop or a dash), with the label as read; None without one
    such line or with two that differ."""
    found: set[tuple[str, str]] = set()
    for text in texts:
        words = text.split()
        if len(words) < 4 or fold_key(" ".join(words[:2])).rstrip(" :") not in LABELS:
            continue
        rest = words[2:]
        rest = rest[1:] if rest and rest[0] in (":", ";") else rest
        for title in TITLES:
            n = len(title.split())
            if fold_key(" ".join(rest[:n])) == title:
                rest = rest[n:]
                break
        name: list[str] = []
        for w in rest:
            if w in ("-", "–", "—"):
                break
            name.append(w.rstrip(",.;"))
            if w[-1] in ",.;" or len(name) > 5:
                break
        if 2 <= len(name) <= 5:
            found.add((" ".join(name), " ".join(words[:2])))
    return found.pop() if len(found) == 1 else None


def _spelling(word: str, index: int) -> tuple[str, bool] | None:
    """``word``'s letters with their first set capital, and whether that spells a listed name at ``index``; None for
    a word that is no run of letters (``¡!2ng``), or whose letters after the first are not small."""
    if not word.isalpha() or not word[1:].islower() and len(word) > 1:
        return None
    cap = word[:1].upper() + word[1:]
    return cap, cap.lower() in listed(index)


def merged(readings: Sequence[str]) -> str | None:
    """The name the readings settle (module docstring), or None. One reading settles only listed words."""
    split = [_WORD.findall(r) for r in readings]
    if not split or len({len(s) for s in split}) != 1 or not 2 <= len(split[0]) <= 5:
        return None
    alike = sum(len({fold_key(w) for w in column}) == 1 for column in zip(*split, strict=True))
    if len(split) > 1 and alike < 2:
        return None
    out: list[str] = []
    for i, column in enumerate(zip(*split, strict=True)):
        got = [s for w in column if (s := _spelling(w.strip("_'’"), i)) is not None]
        names = {cap for cap, known in got if known}
        if len(names) == 1:
            out.append(names.pop())
        elif not names and len(column) > 1 and len(got) == len(column) and len({cap for cap, _ in got}) == 1 \
                and any(w[:1].isupper() for w in column):
            out.append(got[0][0])  # an unlisted name both readings spell alike, one with its capital
        else:
            return None
    return " ".join(out)


def _under(footer: Footer, last: Line, lines: Sequence[Line]) -> list[Line]:
    """The lines under ``last`` (``footer``'s last position or authority line), in its column, within :data:`ROWS`
    rows (:class:`archivist.pagerows.Rows`: the same whether the footer's columns were read across or one after
    the other), nearest first."""
    col = position_column(footer)
    if col is None:
        return []
    rows = Rows(lines)
    top = rows.row(last)
    # rows counted in the column only: the recipients list beside it, read before the signature block, stands on
    # rows of its own between the position's and the name's (HG271's ``CHỦ cà`` / ``j`` / ``:`` / the name)
    mine = [ln for ln in lines if ln.page == last.page and (box := ln.box()) is not None and same_column(col, box)
            and rows.row(ln) > top]
    near = set(sorted({rows.row(ln) for ln in mine})[:ROWS])
    return sorted((ln for ln in mine if rows.row(ln) in near and any(c.isalpha() for c in ln.text)), key=rows.row)


def line_signer(footer: Footer | None, pages: Sequence[Sequence[Line]], texts: Sequence[str]) -> Field | None:
    """The signer of a block that took no name, from a line under its position (module docstring), with the minutes'
    ``Chủ trì:`` line under ``CHỦ TỌA``; flagged. None where nothing settles it."""
    if footer is None or footer.name is not None or not (footer.positions or footer.authority):
        return None
    last = footer.positions[-1] if footer.positions else footer.authority[1] if footer.authority else None
    if last is None:
        return None
    chair = footer.authority is None and fold_key(last.text) in CHAIRS
    body = body_name(texts) if chair else None
    for ln in _under(footer, last, [ln for page in pages for ln in page]):
        read = ln.text.strip()
        value = merged([read, body[0]]) if body is not None else merged([read])
        if value is not None:
            why = REASON.format(line=read, label=body[1], body=body[0]) if body else ALONE.format(line=read)
            box = ln.box()
            return Field(value, CONFIDENCE, ln.page, tuple(int(v) for v in box) if box else None, ln.text, review=why)
    return None
