"""A subject under a title that runs on into the body's first line (sixty-sixth round of issue 14 item 9).

Why: AT71 pc-219's subject was stored as ``Về việc chuyển đơn của công dân Ủy ban nhân dân xã Đại Đồng nhận
được đơn của ông Nguyễn Đức`` (0.882, unflagged): the page has no blank line between the subject and the body,
and the body's first line (60 characters) is one short of what :mod:`archivist.subject` takes for a body line
opening on a capital. Every word is read right, so no syllable or confidence check doubts it. The page's
geometry does: a subject under a title is a centred block, narrower than the text, while the body's lines are
justified out to both margins. On the fit basis (seeds 22-76 and HG47, 1,525 subjects read over two lines or
more under a title) no right subject has a later line wider than 0.79 of the page's text width; 21 wrong ones
have one over 0.85 (a body line run in: ``Ủy ban nhân dân xã … nhận được``, ``Thực hiện Công văn số …``), AT71's
at 0.92, the only one not flagged already. The body's first line is also indented (its centre 0.03-0.04 of the
width right of the subject's), but a body line run in is not always the first, so the width alone decides. The
rule flags, never changes, the value (the subject's own stop stays as it was measured).
"""

from __future__ import annotations

from .fields import Field
from .layout import DocLayout
from .ocrtext import Line

#: How wide (a fraction of the page's text width) a later line of a subject may be: wider, it runs out to the
#: margins as a body line does (right subjects reach 0.79 at most on the fit basis, bench/RESULTS.md, flags66)
WIDE = 0.85


def subject_lines(doc: DocLayout, f: Field) -> list[Line]:
    """The lines of the first page a subject read under a title was joined from: the line it was read from
    and the ones after it, until their words number the value's; empty for a subject read otherwise (a
    ``V/v`` under the number, a form's title) or without word boxes."""
    title = doc.header.title
    if title is None or doc.header.vv or not isinstance(f.value, str) or not doc.pages or f.bbox is None:
        return []
    page = doc.pages[0]
    start = next((i for i in range(title.end, len(page)) if page[i].text.strip() == f.source_text.strip()
                  and page[i].box() == f.bbox), None)
    if start is None:
        return []
    want, got = len(f.value.split()), []
    for ln in page[start:]:
        if not ln.text.strip():
            continue
        if ln.box() is None:
            return []
        got.append(ln)
        want -= len(ln.text.split())
        if want <= 0:
            break
    return got


def _text_span(doc: DocLayout) -> tuple[int, int] | None:
    """The first page's text block, left to right: the leftmost and rightmost word edges of its lines."""
    boxes = [b for ln in doc.pages[0] if (b := ln.box()) is not None]
    return (min(b[0] for b in boxes), max(b[2] for b in boxes)) if boxes else None


def off_axis(doc: DocLayout, lines: list[Line]) -> list[tuple[float, float]]:
    """For each later line of the subject: (its centre's offset from the first line's centre, its width), both
    as fractions of the page's text width."""
    span = _text_span(doc)
    if span is None or len(lines) < 2 or span[1] <= span[0]:
        return []
    width = span[1] - span[0]
    first = lines[0].box()
    axis = (first[0] + first[2]) / 2
    out = []
    for ln in lines[1:]:
        b = ln.box()
        out.append((round(((b[0] + b[2]) / 2 - axis) / width, 4), round((b[2] - b[0]) / width, 4)))
    return out


def run_on_doubt(doc: DocLayout, f: Field) -> str | None:
    """Why a subject read under a title is doubtful: a later line of it runs nearly the width of the text, as a
    body's justified line does and no line of a centred subject block."""
    lines = subject_lines(doc, f)
    for ln, (_, wide) in zip(lines[1:], off_axis(doc, lines), strict=False):
        if wide > WIDE:
            return f"the subject's line '{ln.text}' runs {wide:.0%} of the text's width: a body line run into it"
    return None


def flag_run_on(found: dict[str, Field], doc: DocLayout) -> None:
    """Mark for review a subject that runs on into the body's first line (:func:`run_on_doubt`)."""
    subj = found.get("subject")
    if subj is not None and not subj.review:
        subj.review = run_on_doubt(doc, subj)
