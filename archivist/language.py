"""The language of a page, by its commonest function words (folded, so lost marks do not matter): archival
description records it, and a page in another language is no reason to distrust its Vietnamese fields."""

from __future__ import annotations

import re

from .ocrtext import _fold

_LANG_WORDS = {
    "vi": {"va", "cua", "cac", "ngay", "thang", "nam", "duoc", "theo", "ve", "cho", "nay", "voi", "nguoi", "viec"},
    "en": {"the", "and", "of", "to", "is", "in", "for", "with", "this", "that"},
    "fr": {"le", "les", "et", "des", "du", "est", "pour", "dans", "une", "sur"},
}


def detect_language(text: str) -> tuple[str, float]:
    """The page language and how sure that is (``vi`` at 0.5 when no function word is seen)."""
    words = re.findall(r"[a-z]+", _fold(text))
    hits = {lang: sum(w in vocab for w in words) for lang, vocab in _LANG_WORDS.items()}
    total = sum(hits.values())
    if not total:
        return "vi", 0.5
    lang = max(hits, key=lambda k: hits[k])
    return lang, round(min(0.99, 0.5 + 0.5 * hits[lang] / total), 3)
