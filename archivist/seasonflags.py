"""A crop season's name read with one of its two words a letter off, as a review flag (issue 14 item 9, session 46).

Why: on session 45's sealed HG299, typewriter-09-qd-164's subject ``… sản xuất vụ Thu bông năm 2007`` (printed
``vụ Thu Đông``) was stored at 0.882 without a flag: the typed ``Đ`` was read ``b``, and ``bông`` is a word in use,
so no syllable or word-pair check doubts it; the engine kept no rival letter and the document writes the phrase
once. The phrase itself does: a season's name after ``vụ`` is a fixed pair of words written with capitals
(``vụ Đông Xuân``, ``vụ Hè Thu``, ``vụ Thu Đông``, ``vụ Chiêm Xuân``), so a capitalised first word of one followed by
a word that is one letter from the pair's second word and is not it (``Thu bông``), or a word one letter from a
pair's first word before that pair's capitalised second (``Thư Đông``), is the pair misread. The letters are
compared without marks, ``đ`` as ``d`` (``bông``/``Đông`` fold to ``bong``/``dong``), so a mark misread is one too
(``Đồng`` for ``Đông``). The lower-case spelling of the pair's word itself (``vụ Đông xuân``, a common house style)
is the pair as printed and is not doubted; a one-word season (``vụ Mùa``, ``vụ Chiêm``) has no second word to
compare and is left alone. Only flags: the value stays as read (which letter is printed is the reviewer's).
"""

from __future__ import annotations

from rapidfuzz.distance import Levenshtein

from .syllables import fold_marks
from .tokens import EDGE, split_edges

#: the word that opens a crop season's name in running text
SEASON_WORD = "vụ"
#: the two-word seasons a commune's papers name (first word, second word), as printed
PAIRS = (("Đông", "Xuân"), ("Hè", "Thu"), ("Thu", "Đông"), ("Chiêm", "Xuân"))
#: every word of a season's name, small letters: a word that is one of these is read as printed
SEASON_WORDS = frozenset({"xuân", "hè", "thu", "đông", "mùa", "chiêm"})


def _near_miss(word: str, wanted: str) -> bool:
    """Whether ``word`` is one letter (or marks only) from the season's word ``wanted`` and is no season's word
    itself: ``bông`` for ``Đông``, ``Thư`` for ``Thu``; ``xuân`` (the pair's word in small letters) is not."""
    if not word.isalpha() or len(word) < 2 or word.lower() in SEASON_WORDS:
        return False
    return Levenshtein.distance(fold_marks(word), fold_marks(wanted)) <= 1


def season_doubt(subject: str) -> str | None:
    """Why the subject is doubtful: after ``vụ``, a season pair's capitalised word stands beside a word one letter
    from the pair's other word (:func:`_near_miss`): ``vụ Thu bông`` for ``vụ Thu Đông``. None otherwise."""
    words = [split_edges(w, EDGE)[1] for w in subject.split()]
    for i in range(len(words) - 2):
        if words[i].lower() != SEASON_WORD:
            continue
        one, two = words[i + 1], words[i + 2]
        for first, second in PAIRS:
            if one == first and _near_miss(two, second) or two == second and _near_miss(one, first):
                return f"'vụ {one} {two}' stands where a season's name 'vụ {first} {second}' is written: " \
                       f"a word of it one letter off, misread"
    return None
