"""Filling sentence templates: people, places, figures and dates drawn from one seeded generator,
and Vietnamese numbers written out in words (as civil-status extracts and money amounts print them).

Kept apart from the vocabulary so the templates stay plain data and every random draw goes through
one :class:`random.Random`, which is what makes the generator deterministic.
"""

from __future__ import annotations

import datetime as dt
import random
import re

from samples import names, vocab

_DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
MONTH_WORDS = ["một", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười", "mười một", "mười hai"]


def _hundreds(n: int, full: bool) -> list[str]:
    """0 < n < 1000 in words; ``full`` when a higher group precedes it (``không trăm linh năm``)."""
    h, t, u = n // 100, n // 10 % 10, n % 10
    out = [_DIGITS[h], "trăm"] if h or full else []
    if t == 0:
        out += (["linh"] if out else []) + [_DIGITS[u]] if u else []
    elif t == 1:
        out += ["mười"] + ([("lăm" if u == 5 else _DIGITS[u])] if u else [])
    else:
        out += [_DIGITS[t], "mươi"] + ([{1: "mốt", 4: "tư", 5: "lăm"}.get(u, _DIGITS[u])] if u else [])
    return out


def number_words(n: int) -> str:
    """Vietnamese reading of ``n``: ``2015`` -> ``hai nghìn không trăm mười lăm``,
    ``125500000`` -> ``một trăm hai mươi lăm triệu năm trăm nghìn``."""
    if n == 0:
        return "không"
    out: list[str] = []
    for value, unit in ((n // 10**9, "tỷ"), (n // 10**6 % 1000, "triệu"), (n // 1000 % 1000, "nghìn"), (n % 1000, "")):
        if value:
            out += _hundreds(value, full=bool(out)) + ([unit] if unit else [])
    return " ".join(out)


def money(amount: int) -> str:
    """Dots between thousands, as Vietnamese documents print amounts: ``125.500.000``."""
    return f"{amount:,}".replace(",", ".")


def date_long(y: int, m: int, d: int, old: bool = False) -> str:
    """``ngày 05 tháng 3 năm 2019``: leading zero for days below 10 and for months 1 and 2 (Decree 30)."""
    if old:
        return f"ngày {d} tháng {m} năm {y}"
    return f"ngày {d:02d} tháng {m:02d} năm {y}" if m <= 2 else f"ngày {d:02d} tháng {m} năm {y}"


def date_words(y: int, m: int, d: int) -> str:
    return f"Ngày {number_words(d)}, tháng {MONTH_WORDS[m - 1]}, năm {number_words(y)}"


def person(r: random.Random, gender: str | None = None) -> tuple[str, str]:
    """A full name and its gender (``M``/``F``); from the unlisted names under ``--names unlisted``
    or the Highlands' and mountain peoples' under ``--names highlands`` (:mod:`samples.names`)."""
    g = gender or r.choice("MF")
    if names.pool() == "unlisted":
        return names.unlisted(r, g), g
    if names.pool() == "highlands":
        return names.highlands(r, g), g
    middle, given = (vocab.MIDDLE_M, vocab.GIVEN_M) if g == "M" else (vocab.MIDDLE_F, vocab.GIVEN_F)
    return f"{r.choice(vocab.SURNAMES)} {r.choice(middle)} {r.choice(given)}", g


def honorific(g: str) -> str:
    return "ông" if g == "M" else "bà"


def random_date(r: random.Random, y: int, before: tuple[int, int] | None = None) -> tuple[int, int, int]:
    """A day in year ``y``, earlier than (month, day) ``before`` when given."""
    last = (before[0], before[1]) if before else (12, 28)
    m = r.randint(1, last[0])
    d = r.randint(1, 28 if m < last[0] else max(1, last[1] - 1))
    return y, m, d


class Slots(dict):
    """Template values drawn on first use; the context (commune, year, ...) is given up front."""

    def __init__(self, r: random.Random, ctx: dict):
        super().__init__(ctx)
        self.r = r

    def __missing__(self, key: str) -> str:
        base = key.rstrip("0123456789")
        if base in ("date", "past"):  # deadlines follow the document's date, events precede it
            issued = dt.date(int(self["y"]), int(self["m"]), int(self["d"]))
            if key != base:  # a second date in a sentence comes after the first
                y, m, d = (int(x) for x in reversed(self[base].split("/")))
                when = dt.date(y, m, d) + dt.timedelta(days=self.r.randint(5, 60))
                when = min(when, issued) if base == "past" else when
            else:
                days = self.r.randint(5, 90)
                when = issued + dt.timedelta(days=days) if base == "date" else issued - dt.timedelta(days=days + 30)
            value = f"{when.day:02d}/{when.month:02d}/{when.year}"
        elif base == "money" and key != base:  # a part of the first amount (contributions, spending)
            whole = int(self[base].replace(".", ""))
            value = money(max(1, whole * self.r.randint(10, 95) // 100 // 100_000) * 100_000)
        else:
            taken = {v for k, v in self.items() if isinstance(k, str) and k.rstrip("0123456789") == base}
            value = self._draw(base)
            for _ in range(8):  # "{hamlet} và {hamlet2}" names two different hamlets
                if value not in taken:
                    break
                value = self._draw(base)
        if "{" in value:
            value = fill(value, self)
        self[key] = value
        return value

    def _draw(self, base: str) -> str:
        r, y = self.r, int(self["y"])
        simple = {"hamlet": vocab.HAMLETS, "body": vocab.BODIES, "officer": vocab.OFFICERS, "work": vocab.WORKS,
                  "crop": vocab.CROPS, "season": vocab.SEASONS, "period": vocab.PERIODS, "place": vocab.PLACES,
                  "land_use": vocab.LAND_USES, "origin": vocab.LAND_ORIGINS}
        if base in simple:
            return r.choice(simple[base])
        if base == "Officer":
            o = self["officer"]
            return o[0].upper() + o[1:]
        if base == "law":
            laws = [x for x in vocab.LAWS if int(x[-4:]) <= y] or vocab.LAWS[:1]
            return r.choice(laws)
        if base == "person":
            return person(r)[0]
        if base in ("mr", "Mr"):  # "ông Nguyễn Văn An" / "Bà Trần Thị Lan"
            name, g = person(r)
            h = honorific(g)
            return f"{h.capitalize() if base == 'Mr' else h} {name}"
        numbers = {"n": (2, 60), "hh": (150, 3200), "km": (1, 9), "sheet": (1, 45), "parcel": (10, 980)}
        if base in numbers:
            return str(r.randint(*numbers[base]))
        if base == "no":  # a document number: leading zero below 10 (Decree 30)
            return f"{r.randint(1, 180):02d}"
        if base == "pct":
            return f"{r.randint(62, 99)},{r.randint(1, 9)}"
        if base in ("area", "yield_"):
            lo, hi = (3, 480) if base == "area" else (48, 72)
            return f"{r.randint(lo, hi)},{r.randint(1, 9)}"
        if base == "money":
            return money(r.randint(8, 950) * 1_000_000 + r.randint(0, 9) * 100_000)
        if base == "date_long":
            return date_long(*random_date(r, y, (int(self["m"]), int(self["d"]))))
        if base == "old_year":
            return str(r.randint(1976, 1999))
        if base == "time":
            return f"{r.choice([7, 8, 9, 13, 14]):02d} giờ {r.choice(['00', '30'])} phút"
        raise KeyError(base)


_FIELD = re.compile(r"\{[A-Za-z_]+[0-9]*\}")


def fill(template: str, slots: Slots) -> str:
    """``template`` with its ``{slot}`` fields filled from ``slots`` (drawing new values as needed)."""
    return _FIELD.sub(lambda m: str(slots[m.group(0)[1:-1]]), template)
