"""Review flags, hundred-and-twenty-seventh round (issue 14 item 9, session 40 second round, fitted on the case it
catches; nothing held out behind it): a typewritten subject's word whose box is a letter wider than its text
(tw141 typewriter-04-qd-092-nghia-hung: ``kênh mương`` read ``kênh ương`` at 61.4, the subject stored at 0.771
unflagged; the box of ``ương`` 1.05 cells wider than its four letters). Flagged, kept. The words are the record's
(its page 1, lines 5-7: the subject's two lines and the signature heading under them)."""

from __future__ import annotations

from archivist.fields import Field
from archivist.lostwords import flag_lost
from archivist.ocrtext import PageText
from archivist.widewords import wide_word_doubt
from tests.test_flag_evidence66 import BODY
from tests.test_flag_evidence66 import _page as _even_page
from tests.test_flag_evidence126 import WORDS as SERIF

WORDS = [("Vệ", 71.27, (826, 766, 893, 812), 5), ("việc", 96.06, (932, 767, 1066, 822), 5),
         ("phê", 95.56, (1109, 768, 1206, 822), 5), ("duyệt", 95.02, (1246, 768, 1412, 823), 5),
         ("dự", 96.76, (1455, 768, 1525, 822), 5), ("toán", 96.31, (1561, 769, 1693, 812), 5),
         ("sửa", 96.84, (1734, 767, 1835, 812), 5), ("chữa", 96.21, (794, 843, 930, 886), 6),
         ("kênh", 96.67, (971, 842, 1101, 885), 6), ("ương", 61.43, (1142, 852, 1310, 896), 6),
         ("nội", 96.2, (1352, 842, 1451, 896), 6), ("đồng", 96.3, (1490, 839, 1623, 896), 6),
         ("thôn", 23.17, (1666, 843, 1797, 886), 6), ("3", 96.72, (1838, 847, 1868, 887), 6),
         ("CHỦ", 96.79, (672, 955, 770, 1007), 7), ("TỊCH", 88.26, (810, 966, 944, 1018), 7),
         ("ỦY", 96.41, (986, 955, 1052, 1007), 7), ("BAN", 93.53, (1091, 966, 1188, 1008), 7),
         ("NHÂN", 95.72, (1230, 958, 1362, 1007), 7), ("DÂN", 90.26, (1404, 958, 1501, 1007), 7),
         ("XÃ", 96.58, (1540, 958, 1609, 1007), 7), ("NGHĨA", 93.22, (1647, 957, 1818, 1007), 7),
         ("HƯNG", 92.37, (1857, 966, 1990, 1007), 7)]
SUBJECT = "Về việc phê duyệt dự toán sửa chữa kênh ương nội đồng thôn 3"


def _with(word: str, box: tuple[int, int, int, int], words: list[tuple] = WORDS) -> list[tuple]:
    return [w if w[0] != word else (word, w[1], box, w[3]) for w in words]


def _subject(words: list[tuple] = WORDS) -> tuple[Field, list[PageText]]:
    return Field(SUBJECT, 0.771, 1, (794, 766, 1868, 896), "Vệ việc phê duyệt dự toán sửa"), [PageText(1, "", words)]


def test_a_typed_word_a_cell_wider_than_its_text_doubts_the_value() -> None:
    held = [w for w in WORDS if w[3] in (5, 6)]
    why = wide_word_doubt(held, WORDS)
    assert why is not None and why.startswith("the typed word 'ương' stands in a box 1.")
    assert why.endswith("cells wider than its text: a letter of it may be lost")


def test_a_box_as_wide_as_its_text_tall_touching_or_on_a_serif_page_says_nothing() -> None:
    held = [w for w in WORDS if w[3] in (5, 6)]
    narrow = _with("ương", (1142, 852, 1276, 896))  # four cells, as 'kênh' and 'đồng' stand
    assert wide_word_doubt([w for w in narrow if w[3] in (5, 6)], narrow) is None
    tall = _with("ương", (1142, 800, 1310, 896))  # a stroke joined from above widens it too
    assert wide_word_doubt([w for w in tall if w[3] in (5, 6)], tall) is None
    touching = _with("ương", (1090, 852, 1310, 896))  # runs into 'kênh': not its own ink
    assert wide_word_doubt([w for w in touching if w[3] in (5, 6)], touching) is None
    assert wide_word_doubt(held, WORDS[9:11]) is None  # too few sure words to know the face
    even = _even_page((366, 1511, BODY)).words  # boxes spread evenly, whatever their text: no typewriter's cells
    assert wide_word_doubt([w for w in even if w[0] == "Về"], even) is None
    # a serif page (flags126's record words, set in Times): 'ương' given a box 1.5 digits wider than Times sets it
    serif = [*SERIF, ("ương", 61.4, (1500, 660, 1597, 690), 15)]
    assert wide_word_doubt(serif[-1:], serif) is None


def test_the_subject_is_flagged_and_kept_through_flag_lost() -> None:
    subj, pages = _subject()
    flag_lost({"subject": subj}, pages)
    assert subj.value == SUBJECT and (subj.review or "").startswith("the typed word 'ương' stands in a box")
    right, pages = _subject(_with("ương", (1142, 852, 1276, 896)))
    flag_lost({"subject": right}, pages)
    assert right.review is None
