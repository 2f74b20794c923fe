"""The lexicon of names and administrative words (``data/lexicon.txt``) read by section, and the Kinh family names
the rules know as written.

Why a module of its own: the mark restorer (:mod:`archivist.marks`), the footer's name test
(:mod:`archivist.footer`) and the names of the Highlands' peoples (:mod:`archivist.highland`) all read these lists,
and the restorer and the name test use the Highlands' module; with the lists here none of them imports another in a
circle.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path

from .ocrtext import _fold, fold_key
from .tokens import LETTERS as LETTERS  # the name modules (and other helpers' branches) import it here
from .tokens import WORD

LEXICON = Path(__file__).resolve().parent / "data" / "lexicon.txt"
#: family names as written (their marks: ``Trân`` is a ``Trần`` misread), and folded to match what OCR lost
SURNAME_SPELLINGS = frozenset((
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Đoàn Đào Lâm Trịnh Mai Trương Hà Cao "
    "Lương Tô Tạ Châu Quách Thái Kiều Lưu Triệu Văn Chu Tăng La Mạc Đàm Hứa Vương Lại Khổng Thân Ông Giang Kim "
    "Tôn").split())
SURNAMES = frozenset(fold_key(s) for s in SURNAME_SPELLINGS)


@lru_cache(maxsize=2)
@lru_cache(maxsize=2)
def load_lexicon(path: str | None = None) -> dict[str, dict[tuple[str, ...], tuple[str, ...]]]:
    """Sections of the lexicon, each folded words -> marked words (first spelling wins). Read once: every
    document's restorer and each candidate name line asks for it (cached in marks.py before the move here)."""
    out: dict[str, dict[tuple[str, ...], tuple[str, ...]]] = {}
    section = "phrases"
    for raw in Path(path or LEXICON).read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            section = line.strip("[]")
            continue
        words = tuple(WORD.findall(unicodedata.normalize("NFC", line)))  # a word of a lexicon line
        out.setdefault(section, {}).setdefault(tuple(_fold(w) for w in words), words)
    return out


@lru_cache(maxsize=2)
def name_spellings(path: str | None = None) -> dict[str, dict[str, set[str]]]:
    """Every spelling the lexicon lists of each name, by section and folded key: ``van`` is ``văn``
    and ``vân``, so a name read as either is right as read, and only lost marks are put back."""
    out: dict[str, dict[str, set[str]]] = {}
    for section in ("surnames", "given"):
        words = [w.lower() for w in section_lines(path, section)]
        for w in words:
            out.setdefault(section, {}).setdefault(_fold(w), set()).add(w)
    return out


@lru_cache(maxsize=2)
def other_names(path: str | None = None) -> dict[str, frozenset[str]]:
    """The real names the lexicon lists as spelled like a listed one with other marks (``[other surnames]``,
    ``[other given]``: ``lường`` beside ``lương``), small letters, by the section of the names they stand beside:
    the restorer reads them as the listed one, and :mod:`archivist.unlisted` flags a name it so changed."""
    return {s: frozenset(w.lower() for w in section_lines(path, f"other {s}")) for s in ("surnames", "given")}


def section_lines(path: str | None, wanted: str) -> list[str]:
    """The lines of the lexicon's section ``wanted`` (NFC, comments and blank lines left out)."""
    section, lines = "phrases", []
    for raw in Path(path or LEXICON).read_text(encoding="utf-8").splitlines():
        line = unicodedata.normalize("NFC", raw.strip())
        if line.startswith("["):
            section = line.strip("[]")
        elif line and not line.startswith("#") and section == wanted:
            lines.append(line)
    return lines
