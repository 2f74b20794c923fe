"""A subject cut short after the word that opens a body's name (issue 14 item 9, session 35).

Why: HG112 typewriter-10 qd-093's subject was stored ``Về việc kiện toàn Ban`` (0.879, unflagged) for ``Về việc
kiện toàn Ban Tiếp công dân xã Đông Sơn``: its second line was read ``Tiếp công cân xã Đông Sơ:`` (the last ``n``
read as a colon), and a line ending on a colon is a label's (``Kính gửi:``), not a subject's, so collecting stopped
there (:func:`archivist.subject._ends_subject`). That line opens on a capital, so the small-letter check
(:func:`archivist.subject.continued`) was silent, and the joining-word check (:data:`archivist.crosscheck.JOINING`:
``và``, ``của``, ``cho`` …) looks for a word that joins, not for one that opens a name. ``Ban`` opens one: a commune
``kiện toàn`` (strengthens) a ``Ban Tiếp công dân``, a ``Hội đồng thi đua - khen thưởng``, a ``Tổ hòa giải``; no
document is about a ``Ban`` with no name after it. So a subject ending on such a word lost its end, whatever
stopped the collection (a misread mark, a lost line, a gap), and only a person can read the end back.

Measured on the check sets' subjects (seeds 86-116, 2,413 subjects scored, 2,046 read right): no right subject ends
on one of :data:`HEADS`; ``Trường`` (``xã Xuân Trường``), a place's name, is not one. Flags, never changes the value.
"""

from __future__ import annotations

from .tokens import EDGE

#: The words that open the name of a body a commune sets up or writes to, in the capitals they are written with
#: inside a subject (``Ban Chỉ đạo``, ``Hội đồng nhân dân``, ``Ủy ban bầu cử``, ``Đội dân phòng``): one or two words.
HEADS = frozenset(("Ban", "Tiểu ban", "Hội đồng", "Ủy ban", "Uỷ ban", "Ủy Ban", "Tổ", "Đoàn", "Đội", "Hội", "Chi hội",
                   "Chi bộ", "Câu lạc bộ", "Trạm", "Quỹ", "Nhóm"))
#: The words after which a capital word is a person's or a place's name, not a body's (``ông Đoàn``, ``thôn Hội``)
NAMING = frozenset(("ông", "bà", "anh", "chị", "em", "cháu", "đồng chí", "thôn", "xã", "ấp", "xóm", "bản", "làng",
                    "khu", "phường", "huyện", "tỉnh", "sông", "núi", "cầu", "chợ", "đường"))
#: the longest of :data:`HEADS`, in words
_LONGEST = max(len(h.split()) for h in HEADS)


def cut_head(value: str) -> str | None:
    """The words of :data:`HEADS` the subject ``value`` ends on (``Ban``), or None: none, or they stand after
    a capital word or a naming word (``Nguyễn Văn Đoàn``, ``thôn Hội``), where they end a name."""
    words = [w.strip(EDGE) for w in value.split()]
    words = [w for w in words if w]
    for n in range(_LONGEST, 0, -1):
        if len(words) <= n:
            continue
        tail, before = " ".join(words[-n:]), words[-n - 1]
        two = " ".join(words[-n - 2:-n]).lower() if len(words) > n + 1 else ""
        if tail in HEADS:
            named = before[:1].isupper() or before.lower() in NAMING or two in NAMING
            return None if named else tail
    return None


def cut_head_doubt(value: object, stop: str | None = None) -> str | None:
    """Why a subject is doubtful: it ends on a word that opens a body's name (``Về việc kiện toàn Ban``), so the
    name was lost. ``stop``: the line the collection stopped at, named in the reason (its end may be there)."""
    head = cut_head(value) if isinstance(value, str) else None
    if head is None:
        return None
    where = f"; the line after it, '{stop.strip()}', may be its end" if stop and stop.strip() else ""
    return f"the subject ends on '{head}', which opens a body's name: the name was not read{where}"
