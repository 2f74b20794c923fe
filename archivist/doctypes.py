"""The table of record types, loaded from ``archivist/data/doctypes.json``.

The types, their abbreviations and their tell-tale vocabulary are rules that change (Decree 30/2020
replaced Circular 01/2011, which replaced Joint Circular 55/2005) and local practice adds to them, so
they live in a data file an archive can edit; this module only indexes it for matching.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .ocrtext import _fold, fold_key

DATA = Path(__file__).resolve().parent / "data" / "doctypes.json"
UNKNOWN = "unknown"
KINDS = ("administrative", "civil_status", "land", "petition", UNKNOWN)

#: How much a legacy abbreviation, or a code that matches only once its marks are ignored
#: (``HD`` for ``HĐ``), counts against an exact current one.
LEGACY_WEIGHT = 0.35
FOLDED_WEIGHT = 0.85
AMBIGUOUS_WEIGHT = 0.4


@dataclass(frozen=True)
class DocType:
    name: str
    kind: str
    code: str | None
    legacy_codes: tuple[str, ...]
    titles: tuple[str, ...]
    title_keys: tuple[str, ...]
    vocab: tuple[tuple[str, str, float], ...]  # (phrase as printed, fold_key, weight)
    expects: tuple[str, ...]
    decree: str


class TypeTable:
    """Lookups over the type table: by name, by symbol code, by title; and the known codes."""

    def __init__(self, raw: dict):
        expected = {k: tuple(v) for k, v in raw["expected_fields"].items()}
        self.types: tuple[DocType, ...] = tuple(
            DocType(name=t["name"], kind=t["kind"], code=t.get("code"), legacy_codes=tuple(t.get("legacy_codes", ())),
                    titles=tuple(t.get("titles", ())), title_keys=tuple(fold_key(x) for x in t.get("titles", ())),
                    vocab=tuple((p, fold_key(p), float(w)) for p, w in t.get("vocab", ())),
                    expects=tuple(f for f in t.get("expects", expected[t["kind"]]) if f not in t.get("lacks", ())),
                    decree=t.get("decree", "30/2020"))
            for t in raw["types"])
        self.by_name = {t.name: t for t in self.types}
        self.land_subjects = tuple(fold_key(p) for p in raw.get("land_subjects", {}).get("phrases", ()))
        self.kind_vocab: dict[str, tuple[tuple[str, str, float], ...]] = {
            kind: tuple((p, fold_key(p), float(w)) for p, w in items)
            for kind, items in raw.get("kind_vocab", {}).items() if kind in KINDS}
        self.forms = sorted(((fold_key(k), v) for k, v in raw.get("forms", {}).items()), key=lambda kv: -len(kv[0]))
        self.expected = expected
        self.issuer_codes: dict[str, str] = dict(raw.get("issuer_codes", {}))
        #: codes that carry the legislature's number (``QH15``, ``UBTVQH15``), longest first
        self.numbered = tuple(sorted(raw.get("numbered_issuers", ()), key=len, reverse=True))
        self._codes: dict[str, list[tuple[DocType, str, float]]] = {}
        for t in self.types:
            for code, w in [(t.code, 1.0)] * bool(t.code) + [(c, LEGACY_WEIGHT) for c in t.legacy_codes]:
                self._codes.setdefault(_fold(code), []).append((t, code, w))
        known = {c for entries in self._codes.values() for _, c, _ in entries}
        known |= {p for code in self.issuer_codes for p in code.split("-")} | set(self.issuer_codes)
        self.known_codes = frozenset(known)
        by_fold: dict[str, set[str]] = {}
        for c in known:
            by_fold.setdefault(_fold(c), set()).add(c)
        self._unique_fold = {k: next(iter(v)) for k, v in by_fold.items() if len(v) == 1}
        self._issuer_folds = {_fold(c) for c in self.issuer_codes} | {_fold(p) for c in self.issuer_codes
                                                                          for p in c.split("-")}

    def types_for_code(self, part: str) -> list[tuple[DocType, float]]:
        """Types whose abbreviation ``part`` is, with a weight: 1 for the current code written exactly,
        less for a legacy code, for a code matched only without marks, or for one of several such."""
        entries = self._codes.get(_fold(part), [])
        exact = [e for e in entries if e[1] == part]
        out: dict[str, tuple[DocType, float]] = {}
        for t, code, w in entries:
            if exact:
                w = w if code == part else w * AMBIGUOUS_WEIGHT
            else:
                w = w * (FOLDED_WEIGHT if len({c for _, c, _ in entries}) == 1 else AMBIGUOUS_WEIGHT)
            if w > out.get(t.name, (t, 0.0))[1]:
                out[t.name] = (t, w)
        return sorted(out.values(), key=lambda tw: -tw[1])

    def is_issuer_code(self, part: str) -> bool:
        return _fold(part) in self._issuer_folds

    def canonical_code(self, part: str) -> str | None:
        """The known code ``part`` is an OCR reading of (``QD`` -> ``QĐ``, ``TTR`` -> ``TTr``), or None
        when unknown or ambiguous (``HD`` is both Hướng dẫn's HD and Hợp đồng's HĐ read without its bar)."""
        if part in self.known_codes:
            return part
        return self._unique_fold.get(_fold(part))

    def form_of(self, title: str) -> str | None:
        """The record form a title names (``TRÍCH LỤC KHAI SINH`` -> ``Trích lục``), if any."""
        key = fold_key(title)
        return next((form for k, form in self.forms if key == k or key.startswith(k + " ")), None)

    def expected_fields(self, type_name: str, kind: str) -> tuple[str, ...]:
        t = self.by_name.get(type_name)
        return t.expects if t else self.expected.get(kind, ())


@lru_cache(maxsize=4)
def load_table(path: str | None = None) -> TypeTable:
    """The type table from ``path`` (default: the packaged ``data/doctypes.json``), parsed once."""
    return TypeTable(json.loads(Path(path or DATA).read_text(encoding="utf-8")))
