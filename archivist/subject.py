"""The subject (trích yếu) of a document: the ``V/v`` line of a letter, or the lines under a title.

Kept apart from :mod:`archivist.extract` because where a subject ends is a question of its own: it is a
phrase of one to four lines, and the body's opening words (``Căn cứ``, ``Kính gửi``, a numbered article)
must not be taken into it, nor the rest of a title broken over lines.
"""

from __future__ import annotations

import re

from .doctypes import load_table
from .fields import Field, clean, make_field, missing
from .layout import DocLayout, Line
from .marks import MarkRestorer
from .ocrtext import _fold, upper_ratio
from .signwords import authority_of
from .speckdrop import drop_specks, word_height
from .subjectbody import restated_doubt
from .subjectcut import cut_head_doubt
from .subjectdot import dot_dash_doubt
from .subjectlone import lone_mark_doubt
from .subjectstop import centred_stop_doubt

__all__ = ["form_title", "subject_field"]

_VV_PREFIX = re.compile(r"^\s*V\s?/\s?(?:[vV]\b\.?)?\s*")


def _ends_subject(text: str, folded: str, first: bool) -> bool:
    """Whether a line after the title is body, not subject (``first``: nothing collected yet). A
    subject is a phrase: no sentence full stop, no ``label:``, not the body's opening words."""
    upper_start = text[:1].isupper()
    return bool(SEPARATOR.match(text) or upper_start and SUBJECT_STOP.match(folded) or text.endswith((":", "."))
                or LABEL_COLON.match(text) and not folded.startswith(("v/v", "ve ")) or authority_of(text)
                or len(text.split()) > 25 or not first and upper_start and (len(text) > 60
                                                                             or SUBJECT_WEAK_STOP.match(folded))
                or upper_ratio(text) >= 0.7 and len(text.split()) >= 2 and not folded.startswith(("ve ", "v/v")))


SEPARATOR = re.compile(r"^[\s_\-=.*~—–]{3,}$")
#: Lines that cannot be (part of) a subject: they open the body. The weak ones may continue a subject
#: (``Về việc ban hành Kế hoạch`` / ``thực hiện …``) but not start a line after it in capitals. A chapter's
#: heading stops it with its numeral misread (``Chương l``) or lost (``Chương`` alone: AT21's ``… ấp Chương``).
SUBJECT_STOP = re.compile(
    r"^(can cu|kinh gui|than gui|hom nay|xet |ngay \d|dieu \d|chuong(?: [ivxl\d]|\W*$)|phan [ivx\d]|"
    r"[ivx]+\. |\d+\. |toi ten|ho, chu dem|ho va ten|ho ten|thanh phan|dia diem|thoi gian|nhan dip|trich yeu|noi nhan)")
SUBJECT_WEAK_STOP = re.compile(r"^(thuc hien|theo |tren co so|nham |de |trong |ngay (?:\d|nay\b))")
LABEL_COLON = re.compile(r"^[^:]{1,30}:\s*\S")
_COPY = re.compile(r"^\(?\s*ban (sao|chinh|trich sao|sao y|sao luc)\s*\)?$")


def subject_field(doc: DocLayout, restore: MarkRestorer) -> Field:
    """The subject as a :class:`Field`: 0.9 when it opens as a subject does (``Về``, ``V/v``, ``Ban hành``),
    0.75 otherwise; a form (civil status, land) has its title for a subject."""
    h = doc.header
    if h.vv:
        vv, dropped = _without_specks(h.vv)
        parts = [_VV_PREFIX.sub("V/v ", vv[0].text)] + [ln.text for ln in vv[1:]]
        f = _guessed(make_field(restore.restore(clean(" ".join(parts)), "text"), 0.9, vv[0]), restore)
        f.review = f.review or cut_head_doubt(f.value) or lone_mark_doubt(f.value) or dot_dash_doubt(vv)
        return _dropped(f, dropped, h.vv, vv[0])
    if h.title is None:
        return missing()
    rest = h.title.rest
    got: list[Line] = [rest] if rest and upper_ratio(rest.text) < 0.7 else []
    skipped = gap = 0
    stop: Line | None = None
    for ln in doc.pages[0][h.title.end + 1:]:
        text, folded = ln.text.strip(), ln.folded.strip()
        if not text or _COPY.match(folded):  # blank lines; "(Bản sao)" under a title
            gap += bool(not text)
            if gap > (1 if got else 3):
                break
            continue
        if not got and upper_ratio(text) >= 0.7 and skipped < 2 and not authority_of(text) \
                and not folded.startswith(("ve ", "v/v", "(v/v")):
            skipped += 1  # the rest of a title broken over lines
            continue
        if got and gap and not (text[:1].islower() or text[:1].isdigit()) or gap and got and len(text) > 40:
            break  # after a blank line only a wrapped tail (``2021 - 2025``) continues a subject
        if _ends_subject(text, folded.lstrip("("), not got) or len(got) >= 4:
            stop = ln
            break
        got.append(ln)
        gap = 0
    if not got:  # a form (civil status, land) has no subject line: its title says what it is
        return make_field(h.title.title.capitalize(), 0.8, h.title.line) if _form(doc) else missing()
    read, (got, dropped) = got, _without_specks(got)
    value = clean(" ".join(ln.text for ln in got))
    if value.startswith("(") and value.endswith(")"):
        value = value[1:-1].strip()
    value = re.sub(r"^V[Ee](?= )", "Về", value)  # the subject's first word, its marks lost
    base = 0.9 if _fold(value).startswith(("ve ", "v/v", "ban hanh", "phe duyet")) else 0.75
    f = _guessed(make_field(restore.restore(value, "text"), base, got[0]), restore)
    f.review = f.review or continued(stop) or cut_head_doubt(f.value, stop.text if stop is not None else None) \
        or lone_mark_doubt(f.value) or _centred_stop(read[-1], stop) or restated_doubt(f.value, doc.pages) \
        or dot_dash_doubt(got)
    if not value and not f.review:  # flags137: only marks were taken for the subject, and they cleaned away
        f.review = _marks_only(read, h.title.title.capitalize() if _form(doc) else None)
    return _dropped(f, dropped, read, got[0])


def _marks_only(read: list[Line], title: str | None) -> str:
    """Why a subject left empty is for review: the lines under the title taken for it hold no word, only marks (a
    speck read as ``-``), so the subject went missing though a line stood there. Seed 198 speckle-07-khai-sinh-180:
    ``TRÍCH LỤC KHAI SINH`` / ``(BẢN SAO)`` / ``-`` / ``Họ, chữ đệm, tên: …``; the ``-`` was taken, so the form's title
    (``title``), which stands for a form's subject when nothing is taken, was not, and nothing flagged it."""
    marks = " ".join(ln.text.strip() for ln in read)
    return f"the line taken for the subject, '{marks}', holds no word: a speck" \
        + (f"; the form's title '{title}' may be its subject" if title else "; the subject was not read")


def _centred_stop(last: Line, stop: Line | None) -> str | None:
    """:func:`archivist.subjectstop.centred_stop_doubt` of ``stop`` under the subject's ``last`` line, unless
    ``stop`` opens a body or a block whatever its place: a rule, the body's opening words, a heading in capitals,
    an authority."""
    if stop is None:
        return None
    text, folded = stop.text.strip(), re.sub(r"^\W+", "", stop.folded)  # past specks: ``„ Kính gửi:``
    if SEPARATOR.match(text) or SUBJECT_STOP.match(folded) or upper_ratio(text) >= 0.7 or authority_of(text):
        return None
    return centred_stop_doubt(last, stop)


def _without_specks(lines: list[Line]) -> tuple[list[Line], list[str]]:
    """``lines`` without their speck tokens (:func:`archivist.speckdrop.drop_specks`), a line left empty left out
    (unless all are), and what was dropped."""
    tall = word_height(lines)
    pairs = [drop_specks(ln, tall) for ln in lines]
    kept = [ln for ln, _ in pairs if ln.text]
    return (kept, [c for _, changes in pairs for c in changes]) if kept else (lines, [])


def _dropped(f: Field, changes: list[str], read: list[Line], first: Line) -> Field:
    """``f`` saying which speck tokens were dropped from the lines it was ``read`` from, at the confidence it had
    with them (its value's first line is ``first`` once they are dropped).

    Why keep the speck's doubt: a speck read as a token is read weakly, and that low OCR confidence is often all
    that sent a wrong subject for review. Sealed HG137 ``speckle-22-khai-sinh-252``: a form's name line taken for
    the subject, ``: Họ, chữ đệm, tên: …``, flagged at 0.57 by its ``:``; with the speck dropped it stood at 0.723,
    wrong and unflagged. A rule, not the pixels, took the speck out, so it does not lift the value's confidence."""
    if changes and f.value not in (None, "", []):
        f.changes = changes
        f.read = " ".join(ln.text for ln in read)
        before, after = read[0].conf(), first.conf()
        if before is not None and after is not None:  # make_field's factor, from the line as read
            f.confidence = round(min(f.confidence, f.confidence * (0.5 + 0.5 * before) / (0.5 + 0.5 * after)), 3)
    return f


def _guessed(f: Field, restore: MarkRestorer) -> Field:
    """``f`` for review when the marks the document's own spellings gave a word of it were a guess: the document
    writes the words around it as often each way (``thôn Đông`` in the subject, ``thôn Đồng`` of ``thôn Đồng
    Tâm`` in the body), so the restored mark may belong to another name. Thirty-third round: on seeds 22-42 every
    subject so restored is wrong (HG42 qd-017 ``thôn Đồng Hạ`` for the ``Đông Hạ`` read right, unflagged)."""
    if restore.guesses and f.value not in (None, "", []):
        read, given = restore.guesses[0]
        f.review = f"'{read}' given the marks of '{given}': the document writes these words as often each way"
    return f


def _form(doc: DocLayout) -> bool:
    t = doc.header.title
    return t is not None and load_table().by_name[t.type.name].kind in ("civil_status", "land")


def form_title(doc: DocLayout, f: Field) -> bool:
    """Whether the subject ``f`` is a form's title as the type table writes it (``Trích lục khai sinh``). Its
    words are the table's, not the OCR's: the title matched them whatever a faint or speckled page did to its
    letters (``KHAT SINH`` at 29), so the value is as sure as the type the title decided, and no word of the
    page is judged for it."""
    t = doc.header.title
    return _form(doc) and t is not None and f.value == t.title.capitalize()


def continued(stop: Line | None) -> str | None:
    """Why a subject is doubtful: the line it stopped at opens, past specks, on a small letter (``- hộ nghèo, hộ
    cận nghèo năm 2017.``: a speck read as a bullet, a full stop at its end). The body's sentences and items
    open on a capital or a number, so that line is the subject going on, left out."""
    words = stop.text.split() if stop is not None else []
    first = next((w for w in words if any(c.isalpha() for c in w)), "")
    letter = next((c for c in first if c.isalpha()), "")
    return f"the line after it, '{stop.text.strip()}', opens in small letters: the subject may go on there" \
        if stop is not None and letter.islower() and words.index(first) <= 1 else None
