"""Real personal names the lexicon does not list, for measuring what the name restorer does to them.

Why: every name the generator draws otherwise comes from ``archivist/data/lexicon.txt``'s ``[surnames]`` and
``[given]`` (:mod:`samples.vocab`), so a bench run never meets a real name the lexicon lacks. The restorer reads any
spelling whose folded form is a listed name's as that name (``Tám`` -> ``Tâm``, ``Lường`` -> ``Lương``): a right
reading stored wrong, the worst outcome issue 14 names. With ``--names unlisted`` (:func:`name_pool`) every person's
name is drawn from the two pools below, half from each (``--names highlands``: from :data:`HIGHLANDS`, the names
of the Central Highlands' and northern mountain peoples, whose apostrophes, lineage names and one-letter ``Y``/``A``
the footer's name test must take):

- :data:`ALIKE`: names with a word that folds like a listed name's but is another real name (``Nguyễn Văn Tám``, the
  Thái family name ``Lường``, the Dao family name ``Phàn``, ``Doãn`` beside ``Đoàn``, ``Thư`` beside ``Thu``,
  ``Hường`` beside ``Hương``, the Ê Đê ``Hơ Niê`` beside ``Hồ``): read right, the restorer changes them;
- :data:`OTHER`: names with a word no listed name folds like (``Khôi``, ``Lài``, ``Quách``, ``Lò``, ``Cầm``, the
  names of the Mông, Ê Đê and Gia Rai peoples, the old tone placement ``Hoà``, ``Thuỷ``): the restorer leaves them.

tests/test_names_pool.py holds the pools to that: each ALIKE name is changed by the restorer as printed, each OTHER
name is not, and no name is all listed words.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager

#: (name, gender) pairs, each with at least one word the restorer reads as another listed name
ALIKE = [
    ("Nguyễn Văn Tám", "M"), ("Trần Văn Nhân", "M"), ("Lê Văn Định", "M"), ("Phạm Văn Toản", "M"),
    ("Hoàng Văn Quyền", "M"), ("Đỗ Văn Trình", "M"), ("Ngô Văn Tuân", "M"), ("Bùi Văn Thăng", "M"),
    ("Võ Văn Bính", "M"), ("Đinh Văn Lĩnh", "M"), ("Lường Văn Ngọc", "M"), ("Phàn A Sử", "M"),
    ("Doãn Văn Quyết", "M"), ("Vũ Văn Năm", "M"), ("Trần Vĩnh Phúc", "M"), ("Hạ Văn Thuận", "M"),
    ("Nguyễn Thị Thư", "F"), ("Trần Thị Hường", "F"), ("Lê Thị Tiên", "F"), ("Phạm Thị Ngà", "F"),
    ("Đặng Thị Yên", "F"), ("Hồ Thị Huyên", "F"), ("Bùi Thị Khanh", "F"), ("Lường Thị Quỳ", "F"),
    ("Hơ Niê H'Nga", "F"), ("Doãn Thị Lan", "F"), ("Nguyễn Thị Ân", "F"), ("Phàn Thị Mai", "F"),
]
#: (name, gender) pairs with a word no listed name folds like, and none the restorer changes
OTHER = [
    ("Nguyễn Văn Khôi", "M"), ("Quách Văn Tuấn", "M"), ("Tôn Thất Thuận", "M"), ("Thái Văn Nguyên", "M"),
    ("Kha Văn Lực", "M"), ("Lò Văn Pặng", "M"), ("Giàng A Páo", "M"), ("Y Bhin Niê", "M"),
    ("Rơ Châm Thương", "M"), ("Nông Văn Khoa", "M"), ("Lê Văn Thơ", "M"), ("Cầm Văn Kiên", "M"),
    ("Ma Văn Kháng", "M"), ("Nguyễn Văn Hoà", "M"),
    ("Nguyễn Thị Lài", "F"), ("Trần Thị Đào", "F"), ("Lò Thị Lả", "F"), ("Cầm Thị Hiền", "F"),
    ("Hà Thị Thơ", "F"), ("Bế Thị Ngân", "F"), ("Triệu Thị Mây", "F"), ("Tòng Thị Xuân", "F"),
    ("Lê Thị Thuỷ", "F"), ("Sùng Thị Dợ", "F"), ("Vàng Thị Chi", "F"), ("Quách Thị Trâm", "F"),
]
#: (name, gender) pairs of the Central Highlands' and northern mountain peoples, as their civil-status papers write
#: them: Ê Đê ``Y`` (men) or ``H'`` (women) + given name + lineage name (``Y Bih Niê``, ``H'Nga Niê``); Jrai lineage
#: name first (``Ksor``, ``Rơ Châm``, ``Siu``, ``Rơ Mah``, ``Kpă``, ``Nay``, ``Rcom``); Bahnar and Xơ Đăng ``A``/``Y``
#: + one name (``A Tuấn``, ``Đinh Văn Thứ``); H'Mông lineage (``Giàng``, ``Sùng``, ``Vàng``, ``Hờ``, ``Mùa``, ``Lầu``,
#: ``Thào``, ``Lý``) + ``A``/``Mí``/``Thị`` + name; Thái and Tày families (``Lò``, ``Lường``, ``Cầm``, ``Quàng``,
#: ``Hà``, ``Nông``, ``Ma``, ``Hoàng``)
HIGHLANDS = [
    ("Y Bih Niê", "M"), ("Y Ngông Niê Kdăm", "M"), ("Y Moan Ênuôl", "M"), ("Y Kông Byă", "M"),
    ("Y Jut Hwing", "M"), ("Y Thuyên Knul", "M"), ("Ksor Kơk", "M"), ("Rơ Châm Pơ", "M"), ("Siu Blếch", "M"),
    ("Rơ Mah Dôn", "M"), ("Kpă Thuyên", "M"), ("Nay Phi", "M"), ("Rcom Ngơm", "M"), ("A Tuấn", "M"),
    ("A Pơng", "M"), ("Y Blơ", "F"), ("Đinh Văn Thứ", "M"), ("Giàng A Páo", "M"), ("Sùng Mí Chứ", "M"),
    ("Hờ A Dế", "M"), ("Mùa A Sung", "M"), ("Lầu Mí Chơ", "M"), ("Thào A Tủa", "M"), ("Lý A Sình", "M"),
    ("Lò Văn Hặc", "M"), ("Lường Văn Pấng", "M"), ("Cầm Văn Ỏn", "M"), ("Quàng Văn Hải", "M"),
    ("Nông Văn Dền", "M"), ("Ma Văn Tường", "M"), ("Hoàng Văn Slao", "M"), ("Hà Văn Piếng", "M"),
    ("H'Nga Niê", "F"), ("H'Ly Mlô", "F"), ("H'Hen Niê", "F"), ("H'Zơ Byă", "F"), ("H'Bla Ktla", "F"),
    ("Hơ Niê H'Nga", "F"), ("Rcom H'Ly", "F"), ("Ksor H'Bơ", "F"), ("Siu H'Mai", "F"), ("Rơ Mah H'Plih", "F"),
    ("Nay H'Nhi", "F"), ("Kpă H'Dương", "F"), ("Y Hlên", "F"), ("Vàng Thị Mỷ", "F"), ("Sùng Thị Dợ", "F"),
    ("Giàng Thị Sua", "F"), ("Thào Thị Chua", "F"), ("Lầu Thị Pàng", "F"), ("Lý Thị Dở", "F"),
    ("Lò Thị Ón", "F"), ("Lường Thị Xiêm", "F"), ("Cầm Thị Pọm", "F"), ("Quàng Thị Ỏn", "F"),
    ("Hà Thị Ngoan", "F"), ("Nông Thị Slử", "F"), ("Ma Thị Nhịp", "F"), ("Hoàng Thị Páo", "F"),
]
#: the name pools the generator knows (``--names``)
POOLS = ("listed", "unlisted", "highlands")
_pool = ["listed"]


def pool() -> str:
    """The pool names are drawn from now (:data:`POOLS`)."""
    return _pool[0]


@contextmanager
def name_pool(which: str) -> Iterator[None]:
    """Draw every person's name from ``which`` (:data:`POOLS`) inside the block; the generator's default is
    ``listed``, which draws exactly as before (the committed samples and every seed's set are unchanged)."""
    if which not in POOLS:
        raise ValueError(f"unknown name pool {which!r}; use one of {POOLS}")
    before, _pool[0] = _pool[0], which
    try:
        yield
    finally:
        _pool[0] = before


def highlands(r: random.Random, gender: str) -> str:
    """A name of ``gender`` (``M``/``F``) from :data:`HIGHLANDS`."""
    return r.choice([name for name, g in HIGHLANDS if g == gender])


def unlisted(r: random.Random, gender: str) -> str:
    """A name of ``gender`` (``M``/``F``) from :data:`ALIKE` or :data:`OTHER`, each drawn half the time."""
    names = ALIKE if r.random() < 0.5 else OTHER
    return r.choice([name for name, g in names if g == gender])
