"""Putting back the marks the OCR lost in a field value.

Tesseract drops or confuses tone and vowel marks on a few words of a degraded page (``XA`` for
``XÃ``, ``Kểt`` for ``Kết``). Two kinds of evidence restore them without a language model: the
project's lexicon of administrative words and names (``data/lexicon.txt``), and the document
itself, which usually spells a place or a phrase more than once: runs of two or three words are
restored by a vote among their spellings elsewhere in the document.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from .highland import is_highland, listed, spellings
from .lexicon import load_lexicon, name_spellings
from .ocrtext import _fold
from .textnorm import normalize
from .tokens import WORD

_NUMBER_AFTER = re.compile(r"\s+\d")
#: Bare words that, before a number, can only be these (``nam 2019`` is ``năm 2019``, ``quy 3`` ``quý 3``).
_BEFORE_NUMBER = {"nam": "năm", "quy": "quý", "thon": "thôn", "thu": "thứ", "so": "số", "ngay": "ngày",
                  "thang": "tháng", "dieu": "điều", "khoan": "khoản"}


def is_bare(word: str) -> bool:
    """No mark at all (what OCR gives when it loses every mark of a word)."""
    return _fold(word) == word.lower()


def _marks(ch: str) -> set[str]:
    nfd = unicodedata.normalize("NFD", ch.lower())
    return set(nfd[1:]) | ({"stroke"} if nfd[:1] == "đ" else set())


def degraded(word: str, ref: str) -> bool:
    """``word`` is ``ref`` with some of its marks lost (``Dặng``, ``Dang`` for ``Đặng``), never with
    marks ``ref`` does not have: the one OCR slip that is safe to undo without context."""
    w, r = unicodedata.normalize("NFC", word.lower()), unicodedata.normalize("NFC", ref.lower())
    return len(w) == len(r) and _fold(w) == _fold(r) and all(_marks(a) <= _marks(b) for a, b in zip(w, r, strict=True))


def _toneless(word: str) -> str:
    """The word without its tone mark but with its vowel marks (ê, ơ, ă…): ``kể`` -> ``kê``."""
    nfd = unicodedata.normalize("NFD", word.lower())
    return unicodedata.normalize("NFC", "".join(c for c in nfd if c not in "\u0300\u0301\u0303\u0309\u0323"))


def restored_word(word: str) -> str | None:
    """The listed spelling of a word of such a name that lost marks only (``Nie`` -> ``Niê``), else None."""
    key, read = _fold(word), word.lower()
    found = {low for low in spellings()["surnames"] | spellings()["given"]
             if _fold(low) == key and low != read and degraded(read, low)}
    return found.pop() if len(found) == 1 else None  # two spellings with those letters: which one is not known


def _match_case(template: str, word: str) -> str:
    if template.isupper() and len(template) > 1 or template.isupper() and template == template[:1]:
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word.lower()


class MarkRestorer:
    """Restores marks in values read from one document (see the module docstring)."""

    def __init__(self, texts: list[str], lexicon: str | None = None):
        self._lex = load_lexicon(lexicon)
        #: the words the last :meth:`restore` gave marks on a tie of the document's spellings (read, given)
        self.guesses: list[tuple[str, str]] = []
        self._seen: dict[tuple[str, ...], Counter[tuple[str, ...]]] = {}
        for text in texts:
            words = [w.lower() for w in WORD.findall(unicodedata.normalize("NFC", text))]
            folded = [_fold(w) for w in words]  # each word once, not once for each of its 9 n-grams
            for n in (2, 3, 4):
                for i in range(len(words) - n + 1):
                    self._seen.setdefault(tuple(folded[i:i + n]), Counter())[tuple(words[i:i + n])] += 1

    def _vote(self, key: tuple[str, ...], current: tuple[str, ...], after: str | None = None) -> tuple[str, ...] | None:
        """The document's own spelling of a run of words the OCR lost marks of, word by word: each
        word becomes the fullest spelling the document gives it in this run (``Hoa Bình`` and
        ``HÒA BINH`` make ``Hòa Bình``). Only completions (marks added, never changed: ``đồng`` stays,
        though ``vận động nhân dân`` outnumbers ``hội đồng nhân dân``), and only unambiguous ones.
        ``after``: the value's word after the run, folded (None: the run ends the value); see :meth:`_other_name`."""
        votes = self._seen.get(key)
        if not votes:
            return None
        out = []
        for j, cur in enumerate(current):
            options: Counter[str] = Counter()
            for v, n in votes.items():
                options[v[j]] += n
            cands = [w for w in options if degraded(cur, w)]
            tops = [w for w in cands if not any(w != x and degraded(w, x) for x in cands)]
            # the document spelling it as read more often than with the marks: the marks were misread there
            won = len(tops) == 1 and options[tops[0]] >= options[cur]
            if won and j == len(current) - 1 and self._other_name(key, cur, tops[0], after):
                won = False
            out.append(tops[0] if won else cur)
            if out[-1] != cur and options[out[-1]] == options[cur]:  # as often each way: a guess, kept for review
                self.guesses.append((cur, out[-1]))
        result = tuple(out)
        return result if result != current else None

    def _other_name(self, key: tuple[str, ...], cur: str, won: str, after: str | None) -> bool:
        """Whether the run's last word, read with its vowel marks and no tone (``đông``), names another thing than
        the document's toned spelling (``đồng``): the word after it in the value (``after``) follows the toned
        spelling nowhere in the document. A plain tone is a tone too; the engine read the word's hat and stroke, and
        ``thôn Đông Hạ`` is another hamlet than the table's ``Thôn Đồng Tâm`` (session 48's sealed HG438
        tables-29-qd-131, stored ``thôn Đồng Hạ`` for the printed ``Đông Hạ``, the engine's ``Đông`` read at 95.3)."""
        if after is None or is_bare(cur) or _toneless(won) != cur:
            return False
        longer = self._seen.get((*key, after))
        return bool(longer) and not any(v[len(key) - 1] == won for v in longer)

    def doubtful(self, value: str) -> bool:
        """Whether the document spells some run of ``value``'s words in ways that contradict each other
        (``Thăng Bình`` and ``THẰNG BÌNH``), neither a completion of the other: a value read there may
        carry a wrong mark, and a person should look."""
        words = [w.lower() for w in WORD.findall(unicodedata.normalize("NFC", value))]
        n = min(4, len(words))  # with context: "vận động nhân dân" is no rival of "hội đồng nhân dân"
        for i in range(len(words) - n + 1 if n > 1 else 0):
            spellings = list(self._seen.get(tuple(_fold(w) for w in words[i:i + n]), {}))
            for j, a in enumerate(spellings):
                for b in spellings[j + 1:]:
                    if not all(degraded(x, y) or degraded(y, x) or normalize(x) == normalize(y)  # ủy, uỷ: one word
                               for x, y in zip(a, b, strict=True)):
                        return True
        return False

    def lacks_marks(self, value: str) -> bool:
        """Whether the document spells a run of two of ``value``'s words more often with marks this value
        lacks (``VĨNH THANH`` in the header, ``Vĩnh Thạnh`` on the place line and in the text): the value
        is likelier the one that lost a mark than the others gained it; a person should look."""
        words = [w.lower() for w in WORD.findall(unicodedata.normalize("NFC", value))]
        for i in range(len(words) - 1):
            gram = tuple(words[i:i + 2])
            seen = self._seen.get(tuple(_fold(w) for w in gram), Counter())
            for other, n in seen.items():
                if other != gram and n > seen[gram] and all(degraded(a, b) or normalize(a) == normalize(b)
                                         for a, b in zip(gram, other, strict=True)) \
                        and any(not degraded(b, a) for a, b in zip(gram, other, strict=True)):
                    return True
        return False

    def _phrase(self, key: tuple[str, ...], current: tuple[str, ...], kind: str) -> tuple[str, ...] | None:
        """A lexicon phrase whose words the OCR lost marks of, confused a tone of (``Kểt quả``) or
        misread the marks of one word of; never in names (``Thị Hạnh`` is no ``thi hành``). A phrase
        already right is returned as is, so that nothing else touches it."""
        repl = self._lex.get("phrases", {}).get(key)
        if repl is None or kind == "name":
            return None
        differ = [(a, b) for a, b in zip(current, repl, strict=True) if a != b]
        if len(differ) <= 1 or all(degraded(a, b) or _toneless(a) == _toneless(b) for a, b in differ):
            return repl  # marks lost, a tone confused, or one word's marks misread (``ĐẲNG ủy``)
        return None

    def restore(self, value: str, kind: str = "name") -> str:
        """``value`` with lost marks put back. ``kind``: ``name`` (a person: surnames and given names
        only), ``body`` (an issuer, a place, recipients) or ``text`` (a subject): phrases and words."""
        self.guesses = []
        matches = list(WORD.finditer(value))
        words = [m.group() for m in matches]
        low = tuple(w.lower() for w in words)
        keys = tuple(_fold(w) for w in words)
        new, done = list(words), [False] * len(words)
        if kind == "name":  # a listed name is right as it is (Vinh is a name, and so is Vĩnh)
            done = [w in self._names(i) for i, w in enumerate(low)]
            if is_highland(value):  # Ê Đê, Jrai, H'Mông ... names: lost marks only (archivist/highland.py)
                new, done = [self._lost_marks(w) for w in words], [True] * len(words)
        for n in (5, 4, 3, 2, 1):
            for i in range(len(words) - n + 1):
                if any(done[i:i + n]):
                    continue
                key, cur = keys[i:i + n], low[i:i + n]
                repl = self._phrase(key, cur, kind) if n > 1 else self._word(key[0], words[i], i, kind)
                if repl is None and n in (2, 3):
                    repl = self._vote(key, cur, keys[i + n] if i + n < len(keys) else None)
                if repl is None:
                    continue
                for j in range(n):
                    new[i + j] = _match_case(words[i + j], repl[j])
                    done[i + j] = True
        for i, m in enumerate(matches):
            if not done[i] and keys[i] in _BEFORE_NUMBER and is_bare(words[i]) and _NUMBER_AFTER.match(value, m.end()):
                new[i] = _match_case(words[i], _BEFORE_NUMBER[keys[i]])
        out, last = [], 0
        for m, w in zip(matches, new, strict=True):
            out.append(value[last:m.start()] + w)
            last = m.end()
        return "".join(out) + value[last:]

    def _lost_marks(self, word: str) -> str:
        """A word of a Highlands' or mountain people's name with the marks the OCR lost put back from the listed
        names, theirs first (``Nie`` -> ``Niê``, ``Tuan`` -> ``Tuấn``), where one spelling fits; else as read: such
        a name's family name is not always first, and a word spelled like a Kinh name with other marks is their
        own (``Hơ`` is no misread ``Hồ`` in ``Hơ Niê``)."""
        if listed(word):
            return word
        fits = {repl[0] for section in ("surnames", "given")
                if (repl := self._lex.get(section, {}).get((_fold(word),))) and degraded(word.lower(), repl[0])}
        repl = restored_word(word) or (fits.pop() if len(fits) == 1 else None)
        return _match_case(word, repl) if repl else word

    def _names(self, index: int) -> set[str]:
        section = name_spellings().get("surnames" if index == 0 else "given", {})
        return {w for spellings in section.values() for w in spellings}

    def _word(self, key: str, word: str, index: int, kind: str) -> tuple[str, ...] | None:
        section = ("surnames" if index == 0 else "given") if kind == "name" else "words"
        repl = self._lex.get(section, {}).get((key,))
        if not repl or repl[0] == word.lower():
            return None
        # in names a misreading of a listed name is undone (``Đương`` -> ``Dương``) when the name has one
        # spelling; a name with several (``Văn``, ``Vân``) only gets lost marks back; elsewhere only lost marks
        if kind == "name":
            spellings = name_spellings().get("surnames" if index == 0 else "given", {}).get(key, set())
            return repl if len(spellings) <= 1 or degraded(word, repl[0]) else None
        return repl if degraded(word, repl[0]) else None
